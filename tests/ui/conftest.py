from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.preferences import Preferences
from app.ui.shell import AthenaWindow

PASSPHRASE = "blåbärssoppa i Älvsjö vid vattnet"


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` one character at a time (qtbot.keyClicks stops at non-ASCII letters such as ä)."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
    QCoreApplication.processEvents()


def activate(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Make ``window`` the active one again (the offscreen platform does not hand activation back when a
    dialog closes), so that keyboard shortcuts reach it."""
    window.activateWindow()
    handle = window.windowHandle()
    if handle is not None:
        handle.requestActivate()
    qtbot.waitUntil(window.isActiveWindow, timeout=2_000)


@pytest.fixture
def prefs(tmp_path: Path) -> Preferences:
    return Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, tmp_path: Path, prefs: Preferences) -> Iterator[AthenaWindow]:  # type: ignore[no-untyped-def]
    w = AthenaWindow(tmp_path / "diary", prefs)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    activate(qtbot, w)
    yield w
    w.lock("test end")
    w.runner.wait(10_000)
