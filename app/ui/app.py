"""Starting the desktop app: ``main(data_dir)``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from app.config import machine_config
from app.i18n import RESOURCES
from app.storage import layout
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


SWITCH_INTERVAL_S = 0.0002


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("Athena")
    QCoreApplication.setApplicationName("Athena")
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationDisplayName("Athena")
    # The GUI thread takes the interpreter lock back for every Python call Qt makes (a paint, a slot, a timer,
    # and every virtual call on a widget made from Python, where the binding checks for a Python override)
    # while a worker runs Python (the first lists being read after unlock, a document being laid out, an
    # export being encoded): each time it waits up to the switch interval for the worker to let go. Laying out
    # a new screen makes hundreds of such calls; 0.2 ms instead of 5 keeps that within a frame. Threads switch
    # only while two of them want the lock, so a worker running alone loses nothing.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    app.setStyle(AthenaStyle())
    register_fonts(app)
    return app


def register_fonts(app: QApplication) -> list[str]:
    """Athena's own font family (DejaVu Sans: å, ä, ö, Arabic, Cyrillic…), so the bundle looks the same on a
    machine with few or no fonts. The bundle always uses it; a checkout uses it when the system has none
    that covers Swedish and Arabic."""
    families: list[str] = []
    for path in sorted((RESOURCES / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if families and (getattr(sys, "frozen", False) or not _system_covers_text()):
        font = QFont(families[0])
        font.setPointSizeF(app.font().pointSizeF() if app.font().pointSizeF() > 0 else 10.0)
        app.setFont(font)
    return sorted(set(families))


def _system_covers_text() -> bool:
    own = {"DejaVu Sans"}
    systems = [f for f in QFontDatabase.families() if f not in own]
    arabic = QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)
    return bool(systems) and any(f not in own for f in arabic)


def main(data_dir: Path, *, unlock_from_env: bool = False, lang: str | None = None,
         startup_check: bool = False) -> int:
    """Run Athena on the diary in ``data_dir``. ``unlock_from_env`` (demos, screenshots only) types the
    passphrase from ATHENA_PASSPHRASE into the unlock screen and submits it. ``startup_check`` (IT, the
    bundle benchmark) quits as soon as the first screen has been painted, printing which screen it was."""
    app = make_app()
    layout.clean_screenshot_folders()  # temporary settings of a screenshot run that crashed
    prefs = Preferences()
    i18n.install(app, lang or prefs.language)
    window = AthenaWindow(Path(data_dir), prefs)
    window.show()
    problems = machine_config().problems
    if problems:
        window.statusBar().showMessage(QCoreApplication.translate("AthenaWindow", "IT settings: {problem}")
                                       .format(problem=problems[0]), 60_000)
    if startup_check:
        def shown() -> None:
            window.repaint()
            screen = "unlock" if window.stack.currentWidget() is window.unlock_screen else "create"
            print(f"athena: started, {screen} screen shown", flush=True)
            app.quit()

        QTimer.singleShot(0, shown)
        return int(app.exec())
    if unlock_from_env and os.environ.get("ATHENA_PASSPHRASE"):
        window.unlock_screen.passphrase.setText(os.environ["ATHENA_PASSPHRASE"])
        window.unlock_screen.submit()
    return int(app.exec())
