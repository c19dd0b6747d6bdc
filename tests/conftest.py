import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ATHENA_LANG", "en")
# No machine-wide IT configuration (athena.toml) of the test machine is read: tests that need one set it.
os.environ["ATHENA_CONFIG"] = os.devnull

# New keys in this process are cheap to derive (production code reads no switch for this; see keyfile.py).
from app.storage import keyfile

keyfile.lower_cost_for_this_test_process()
