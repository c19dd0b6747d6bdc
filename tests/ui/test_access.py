"""Every control she can reach with Tab has a name a screen reader can say."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QTabBar, QWidget

from app.ui.shell import AthenaWindow

from .test_discretion import make_diary, unlock


def unnamed_controls(root: QWidget) -> list[str]:
    out = []
    for w in root.findChildren(QWidget):
        if not (w.focusPolicy() & Qt.FocusPolicy.TabFocus) or isinstance(w, QTabBar):
            continue
        if type(w).__name__ in ("QScrollBar", "QAbstractSpinBox") or w.window() is not root.window():
            continue  # scroll bars, and the popups of combo boxes
        if w.parentWidget() is not None and (type(w.parentWidget()).__name__ in (
                "QComboBox", "QDateEdit", "QDateTimeEdit", "QSpinBox", "QCalendarWidget")
                or isinstance(w.parentWidget(), QAbstractSpinBox)):  # e.g. a date edit that takes typed digits
            continue  # the inner line edit of a named composite control
        text = w.text() if isinstance(w, QAbstractButton) else ""
        if not (w.accessibleName() or text):
            out.append(f"{type(w).__name__} in {type(w.parentWidget()).__name__}")
    return out


def test_controls_are_named(qtbot, tmp_path: Path, prefs) -> None:  # type: ignore[no-untyped-def]
    client_id = make_diary(tmp_path / "diary")
    window = AthenaWindow(tmp_path / "diary", prefs)
    qtbot.addWidget(window)
    window.show()
    assert unnamed_controls(window.unlock_screen) == []
    assert unnamed_controls(window.create_screen) == []
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    ws = window.workspace
    assert ws is not None
    ws.open_client(client_id)
    qtbot.waitUntil(lambda: ws.client_view.client_id == client_id, timeout=5_000)
    missing = unnamed_controls(ws)
    assert missing == [], missing

    window.open_reports()  # the report screen, a window of its own, once its figures are shown
    reports = window._report_windows[0]
    qtbot.waitUntil(lambda: getattr(reports, "report", None) is not None, timeout=10_000)
    window.runner.wait(5_000)
    missing = unnamed_controls(reports)
    assert missing == [], missing
    window.lock()
    window.runner.wait(5_000)
