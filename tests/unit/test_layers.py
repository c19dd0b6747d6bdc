"""The UI-free packages never import Qt."""

from __future__ import annotations

import subprocess
import sys


def test_ui_free_packages_do_not_import_pyside6() -> None:
    code = (
        "import sys, pkgutil, importlib\n"
        "import app\n"
        "for pkg in ('app.models', 'app.storage', 'app.services', 'app.sync', 'app.printing'):\n"
        "    m = importlib.import_module(pkg)\n"
        "    for info in pkgutil.walk_packages(m.__path__, pkg + '.'):\n"
        "        if '.migrations' in info.name: continue\n"
        "        importlib.import_module(info.name)\n"
        "import app.cli\n"
        "assert 'PySide6' not in sys.modules, sorted(k for k in sys.modules if k.startswith('PySide6'))\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
