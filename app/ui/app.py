"""Starting the desktop app: ``main(data_dir)``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.ui import i18n
from app.ui.preferences import Preferences
from app.ui.shell import AthenaWindow


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("Athena")
    QCoreApplication.setApplicationName("Athena")
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationDisplayName("Athena")
    return app


def main(data_dir: Path, *, unlock_from_env: bool = False, lang: str | None = None) -> int:
    """Run Athena on the diary in ``data_dir``. ``unlock_from_env`` (demos, screenshots only) types the
    passphrase from ATHENA_PASSPHRASE into the unlock screen and submits it."""
    app = make_app()
    prefs = Preferences()
    i18n.install(app, lang or prefs.language)
    window = AthenaWindow(Path(data_dir), prefs)
    window.show()
    if unlock_from_env and os.environ.get("ATHENA_PASSPHRASE"):
        window.unlock_screen.passphrase.setText(os.environ["ATHENA_PASSPHRASE"])
        window.unlock_screen.submit()
    return int(app.exec())
