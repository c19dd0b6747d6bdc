import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["ATHENA_TEST_FAST_KDF"] = "1"
os.environ.setdefault("ATHENA_LANG", "en")
