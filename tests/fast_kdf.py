"""Test-only: importing this lowers the key-derivation cost of new keys in this process (subprocesses
started by tests: ``python -c "import tests.fast_kdf; ..."``). Not shipped: it lives in tests/."""

from app.storage import keyfile

keyfile.lower_cost_for_this_test_process()
