"""The Reports screen is in the View menu of an open diary, opens as its own window and closes on lock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.ui import shell
from app.ui.shell import AthenaWindow

from .test_discretion import make_diary, unlock


class _ReportScreen(QWidget):
    def __init__(self, diary: object, runner: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)


def _menu_texts(window: AthenaWindow) -> list[str]:
    return [a.text() for m in window.menuBar().actions() if m.menu() for a in m.menu().actions()]


def test_reports_menu(qtbot, tmp_path: Path, prefs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    make_diary(tmp_path / "diary")
    monkeypatch.setattr(shell, "ReportScreen", _ReportScreen)  # the real screen has tests of its own
    window = AthenaWindow(tmp_path / "diary", prefs)
    qtbot.addWidget(window)
    window.show()
    assert "&Reports" not in _menu_texts(window)  # nothing to report on while locked
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    assert "&Reports" in _menu_texts(window)
    window.open_reports()
    assert len(window._report_windows) == 1 and window._report_windows[0].isVisible()
    window.lock()
    assert window._report_windows == []
    assert "&Reports" not in _menu_texts(window)
    window.runner.wait(5_000)
