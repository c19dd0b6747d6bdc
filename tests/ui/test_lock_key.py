"""Ctrl+L locks whenever keys reach one of Athena's widgets, also when Qt counts no window as active (a
desktop without a window manager, before any click): Qt's shortcuts do not fire then, the lock must."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.clients.dialogs import ClientDialog
from app.ui.main_window import Workspace
from app.ui.shell import AthenaWindow

from .conftest import activate, type_text
from .test_discretion import make_diary, unlock


def _open(qtbot, tmp_path: Path, prefs) -> AthenaWindow:  # type: ignore[no-untyped-def]
    make_diary(tmp_path / "diary")
    window = AthenaWindow(tmp_path / "diary", prefs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    return window


def _no_window_active(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Leave the application with no active window at all: another window takes the activation, then goes
    away with its native window (the offscreen platform then has no focus window, as X without a window
    manager before any click)."""
    other = QWidget()
    other.show()
    qtbot.waitExposed(other)
    other.activateWindow()
    handle = other.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(other.isActiveWindow, timeout=2_000)
    other.hide()
    handle.destroy()
    other.deleteLater()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is None, timeout=2_000)


def test_ctrl_l_locks_when_no_window_is_active(qtbot, tmp_path: Path, prefs) -> None:  # type: ignore[no-untyped-def]
    window = _open(qtbot, tmp_path, prefs)
    ws = window.workspace
    assert ws is not None
    _no_window_active(qtbot)
    assert not window.isActiveWindow()
    search = ws.client_list.search
    search.setFocus()
    handle = window.windowHandle()
    assert handle is not None
    # Keys reach the focused search box of the inactive window, as in the real session...
    QTest.keyClick(handle, Qt.Key.Key_M)
    assert search.text() == "m"
    locks: list[None] = []
    window.locked.connect(lambda: locks.append(None))
    # ...and so does Ctrl+L: it locks although no shortcut can fire.
    QTest.keyClick(handle, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.workspace is None, timeout=5_000)
    assert window.stack.currentWidget() is window.unlock_screen
    assert len(locks) == 1
    window.runner.wait(5_000)


def test_ctrl_l_locks_from_a_tool_window_that_is_not_active(qtbot, tmp_path: Path,
                                                              prefs) -> None:  # type: ignore[no-untyped-def]
    window = _open(qtbot, tmp_path, prefs)
    window.open_reports()
    reports = window._report_windows[-1]
    qtbot.waitExposed(reports)
    _no_window_active(qtbot)
    handle = reports.windowHandle()
    assert handle is not None
    QTest.keyClick(handle, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.workspace is None, timeout=5_000)
    assert not window._report_windows
    window.runner.wait(5_000)


def test_ctrl_l_on_an_active_window_locks_once(qtbot, tmp_path: Path, prefs) -> None:  # type: ignore[no-untyped-def]
    window = _open(qtbot, tmp_path, prefs)
    activate(qtbot, window)
    locks: list[None] = []
    window.locked.connect(lambda: locks.append(None))
    handle = window.windowHandle()
    assert handle is not None
    QTest.keyClick(handle, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.workspace is None, timeout=5_000)
    qtbot.wait(50)
    assert len(locks) == 1
    # Locked, Ctrl+L in the passphrase field does nothing at all.
    QTest.keyClick(handle, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert len(locks) == 1 and window.unlock_screen.passphrase.text() == ""
    window.runner.wait(5_000)


def test_ctrl_l_locks_from_a_form_over_the_window_and_keeps_what_was_typed(
        qtbot, tmp_path: Path, prefs) -> None:  # type: ignore[no-untyped-def]
    window = _open(qtbot, tmp_path, prefs)
    ws = window.workspace
    assert isinstance(ws, Workspace)
    ws.new_client()
    dialog = window.findChild(ClientDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    type_text(dialog.name, "Ylva Åkesson")
    _no_window_active(qtbot)
    handle = dialog.windowHandle()
    assert handle is not None
    QTest.keyClick(handle, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.workspace is None, timeout=5_000)
    window.runner.wait(5_000)
    # Unlocked again, the form is back with her text (it was written as a draft before the store closed).
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.findChild(ClientDialog) is not None
                    and window.findChild(ClientDialog).name.text() == "Ylva Åkesson", timeout=10_000)
    window.lock()
    window.runner.wait(5_000)
