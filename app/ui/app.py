"""Starting the desktop app: ``main(data_dir)``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from app.ui import i18n
from app.ui.preferences import Preferences
from app.ui.shell import AthenaWindow


class AthenaStyle(QProxyStyle):
    """The platform's style with tabs and list rows a little taller: Fusion draws an unselected tab's label two
    pixels lower and clips it to the tab, which cut the dots off Ö, Ä and Å ("Översikt" read "Oversikt"); a
    list row is exactly one line high, and the ring of Å reaches a pixel above the font's ascent, so the first
    row of a list lost its top."""

    def sizeFromContents(self, ct: QStyle.ContentsType, opt: QStyleOption, size: QSize,
                         widget: QWidget | None = None) -> QSize:
        out = super().sizeFromContents(ct, opt, size, widget)  # type: ignore[arg-type]  # Qt passes None too
        if ct in (QStyle.ContentsType.CT_TabBarTab, QStyle.ContentsType.CT_ItemViewItem):
            out.setHeight(out.height() + 4)
        return out


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("Athena")
    QCoreApplication.setApplicationName("Athena")
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationDisplayName("Athena")
    app.setStyle(AthenaStyle())
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
