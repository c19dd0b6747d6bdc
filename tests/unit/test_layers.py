"""The UI-free packages never import Qt; the document layer never loads the database layers.

The full rules are import-linter contracts (pyproject.toml, run by `make test`); these check the same at run time.
"""

from __future__ import annotations

import subprocess
import sys


def test_ui_free_packages_do_not_import_pyside6() -> None:
    code = (
        "import sys, pkgutil, importlib\n"
        "import app\n"
        "for pkg in ('app.models', 'app.storage', 'app.services', 'app.sync', 'app.printing', 'app.reference'):\n"
        "    m = importlib.import_module(pkg)\n"
        "    for info in pkgutil.walk_packages(m.__path__, pkg + '.'):\n"
        "        if '.migrations' in info.name: continue\n"
        "        importlib.import_module(info.name)\n"
        "import app.cli\n"
        "assert 'PySide6' not in sys.modules, sorted(k for k in sys.modules if k.startswith('PySide6'))\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_printing_loads_no_service_storage_or_sync_module() -> None:
    code = (
        "import sys, pkgutil, importlib\n"
        "import app.printing\n"
        "for info in pkgutil.walk_packages(app.printing.__path__, 'app.printing.'):\n"
        "    importlib.import_module(info.name)\n"
        "bad = sorted(k for k in sys.modules if k.startswith(('app.services', 'app.storage', 'app.sync', 'PySide6')))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
