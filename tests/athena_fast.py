"""Test-only launcher: ``python -m tests.athena_fast ARGS`` runs ``athena ARGS`` with a cheap key
derivation for new diaries. Not shipped: it lives in tests/."""

import tests.fast_kdf  # noqa: F401
from app.cli import main

raise SystemExit(main())
