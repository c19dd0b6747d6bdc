"""A Rapporter screen appears in the menu only when app.ui.reports.screen exists, and closes on lock."""

from __future__ import annotations

import sys
import types
from importlib.machinery import ModuleSpec
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
    monkeypatch.setattr(shell, "reports_available", lambda: False)
    window = AthenaWindow(tmp_path / "diary", prefs)
    qtbot.addWidget(window)
    window.show()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    assert "&Reports" not in _menu_texts(window)
    window.lock()

    mod = types.ModuleType("app.ui.reports.screen")
    mod.__spec__ = ModuleSpec("app.ui.reports.screen", None)
    mod.ReportScreen = _ReportScreen  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "app.ui.reports.screen", mod)
    monkeypatch.setattr(shell, "reports_available", lambda: True)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    assert "&Reports" in _menu_texts(window)
    window.open_reports()
    assert len(window._report_windows) == 1 and window._report_windows[0].isVisible()
    window.lock()
    assert window._report_windows == []
    window.runner.wait(5_000)
