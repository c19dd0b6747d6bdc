"""The window's menus: named items, rebuilt for what is open, and an item greyed out stays so."""

from __future__ import annotations

from pathlib import Path

from app.ui.shell import AthenaWindow

from .test_discretion import make_diary, unlock


def test_items_by_name_follow_what_is_open_and_keep_their_enabled_state(qtbot, tmp_path: Path,
                                                                        prefs) -> None:  # type: ignore[no-untyped-def]
    make_diary(tmp_path / "diary")
    window = AthenaWindow(tmp_path / "diary", prefs)
    qtbot.addWidget(window)
    window.show()
    menus = window.menus
    assert set(menus.actions) == {"restore", "lock", "preferences", "quit"}
    assert not menus.actions["lock"].isEnabled()
    menus.set_enabled("export_diary", False)  # not in the menus yet: applied when it is
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    assert {"new_client", "export_client", "export_diary", "sync", "reports", "followup", "own_log",
            "retention"} <= set(menus.actions)
    assert menus.actions["lock"].isEnabled() and menus.actions["export_client"].isEnabled()
    assert not menus.actions["export_diary"].isEnabled()
    # The team lead's items follow her role (she is not the lead here), her own access log is open.
    qtbot.waitUntil(lambda: window.lead_tools is not None and window.lead_tools.lead is False, timeout=10_000)
    assert menus.actions["followup"] is window.lead_tools.followup
    assert not menus.actions["followup"].isEnabled() and menus.actions["own_log"].isEnabled()
    titles = [m.text() for m in window.menuBar().actions()]
    assert titles == ["&Diary", "&View"]  # one track: no Track menu
    window.lock()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    assert not menus.actions["export_diary"].isEnabled()  # kept across the rebuilds
    menus.set_enabled("export_diary", True)
    assert menus.actions["export_diary"].isEnabled()
    window.lock()
    window.runner.wait(5_000)
