"""The court date-time editor (and the date fields) take typed digits."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from app.ui.common import TypedDateTimeEdit


def test_typed_digits_fill_the_date_and_time(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = TypedDateTimeEdit()
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    edit.setFocus()
    qtbot.waitUntil(lambda: edit.hasFocus() and edit.currentSection() == edit.Section.YearSection, timeout=2_000)
    qtbot.wait(20)  # the section is selected on the next turn of the event loop
    for ch in "202612030930":
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, Qt.Key.Key_0 + int(ch), Qt.KeyboardModifier.NoModifier, ch))
    assert edit.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-12-03 09:30"
