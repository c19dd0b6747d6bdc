"""Input keeps the diary open: the idle check watches the windows, not every event of every object."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from app.ui.access.lock import LockTriggers


def test_key_and_mouse_input_on_a_window_count_as_activity(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    triggers = LockTriggers(app, 5)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    triggers.watch_windows()
    window = edit.windowHandle()
    assert window is not None

    triggers._last_input = 0.0
    QTest.keyClick(window, Qt.Key.Key_A)
    assert triggers._last_input > 0.0

    triggers._last_input = 0.0
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5))
    assert triggers._last_input > 0.0
    triggers.deleteLater()
