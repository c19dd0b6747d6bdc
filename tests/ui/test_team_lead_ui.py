"""The team lead's tools in the desktop: for a worker who is not the lead, Log follow-up and Retention are
disabled with a tooltip saying why (and the screens, opened anyway, show the service's refusal); My access log
is open to her and shows her own rows only. For the lead they open; in the men's track too, where his list and
Idag are in the log."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.i18n import tr
from app.services.access import roles
from app.services.clients import clients
from app.services.context import Diary, Worker, save_worker
from app.services.mens_track import men
from app.storage import vault
from app.ui.audit.followup import FollowupScreen
from app.ui.mens_track.workspace import MensWorkspace
from app.ui.retention.screen import RetentionScreen
from app.ui.shell import AthenaWindow

from .conftest import PASSPHRASE
from .test_discretion import make_diary, unlock


def _open_window(qtbot, path: Path, prefs) -> AthenaWindow:  # type: ignore[no-untyped-def]
    window = AthenaWindow(path, prefs)
    qtbot.addWidget(window)
    window.show()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=20_000)
    qtbot.waitUntil(lambda: window.lead_tools.lead is not None, timeout=10_000)
    return window


def _tool(qtbot, window: AthenaWindow, cls: type) -> object:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: any(isinstance(w, cls) for w in window._report_windows), timeout=5_000)
    return next(w for w in window._report_windows if isinstance(w, cls))


def _add_colleague_opening(path: Path, client_id: str) -> None:
    """The record opened by its worker and by a colleague (the diary's one profile, two names in the log)."""
    store = vault.unlock(path, PASSPHRASE)
    try:
        clients.get_client(Diary(store, Worker("Anna Andersson")), client_id)
        clients.get_client(Diary(store, Worker("Cecilia Berg")), client_id)
    finally:
        store.close()


def test_not_the_lead_gets_disabled_items_a_reason_and_her_own_log(qtbot, tmp_path: Path, prefs) -> None:  # type: ignore[no-untyped-def]
    client_id = make_diary(tmp_path / "diary")
    _add_colleague_opening(tmp_path / "diary", client_id)
    window = _open_window(qtbot, tmp_path / "diary", prefs)
    try:
        tools = window.lead_tools
        assert tools.lead is False
        for act in (tools.followup, tools.retention):
            assert not act.isEnabled()
            assert act.toolTip() == tr(roles.NOT_LEAD_PROFILE)
        assert tools.own_log.isEnabled()

        # Opened anyway (a shortcut, a stale menu): the screens show the service's refusal, nothing more.
        window.open_tool("followup")
        screen = _tool(qtbot, window, FollowupScreen)
        assert isinstance(screen, FollowupScreen)
        qtbot.waitUntil(lambda: screen.status.text() == tr(roles.NOT_LEAD_PROFILE), timeout=10_000)
        assert screen.model.rowCount() == 0
        screen.close()
        window.open_tool("retention")
        retention = _tool(qtbot, window, RetentionScreen)
        assert isinstance(retention, RetentionScreen)
        qtbot.waitUntil(lambda: retention.status.text() == tr(roles.NOT_LEAD_PROFILE), timeout=10_000)
        assert retention.model.rowCount() == 0
        retention.close()

        tools.own_log.trigger()
        own = _tool(qtbot, window, FollowupScreen)
        assert isinstance(own, FollowupScreen) and own.own
        qtbot.waitUntil(lambda: own.model.rowCount() > 0, timeout=10_000)
        actors = {own.model.rows[r].actor for r in range(own.model.rowCount())}
        assert actors == {"Anna Andersson"}  # not the colleague's opening
        assert not own.actor.isEnabled()

        # The role can change while the diary is open (in a team: a grant arrives with a sync round): the
        # menu asks again after each round.
        assert window.diary is not None and window.workspace is not None
        roles.set_profile_role(window.diary, True)
        window.workspace.sync.synced.emit(None)
        qtbot.waitUntil(lambda: tools.lead is True and tools.followup.isEnabled(), timeout=10_000)
    finally:
        window.lock("test end")
        window.runner.wait(10_000)


def test_the_lead_opens_the_follow_up_and_retention(qtbot, tmp_path: Path, prefs) -> None:  # type: ignore[no-untyped-def]
    client_id = make_diary(tmp_path / "diary")
    _add_colleague_opening(tmp_path / "diary", client_id)
    store = vault.unlock(tmp_path / "diary", PASSPHRASE)
    try:
        roles.set_profile_role(Diary(store, Worker("Anna Andersson")), True)
    finally:
        store.close()
    window = _open_window(qtbot, tmp_path / "diary", prefs)
    try:
        tools = window.lead_tools
        assert tools.lead is True and tools.followup.isEnabled() and tools.retention.isEnabled()
        tools.followup.trigger()
        screen = _tool(qtbot, window, FollowupScreen)
        assert isinstance(screen, FollowupScreen) and not screen.own
        qtbot.waitUntil(lambda: screen.model.rowCount() > 0, timeout=10_000)
        assert "Cecilia Berg" in {r.actor for r in screen.model.rows}
        tools.retention.trigger()
        _tool(qtbot, window, RetentionScreen)
    finally:
        window.lock("test end")
        window.runner.wait(10_000)


def test_mens_track_lead_sees_his_list_and_idag_in_the_log(qtbot, tmp_path: Path, prefs) -> None:  # type: ignore[no-untyped-def]
    store = vault.create(tmp_path / "diary", PASSPHRASE)
    try:
        worker = Worker("Per Persson", "Mansstödjare", frozenset({"men"}))
        save_worker(store, worker)
        d = Diary(store, worker, today_override=date.today())
        ake = men.add_man(d, name="Åke Östlund", first_contact_on=date(2026, 1, 5)).id
        roles.set_profile_role(d, True)
    finally:
        store.close()
    window = _open_window(qtbot, tmp_path / "diary", prefs)
    try:
        ws = window.workspace
        assert isinstance(ws, MensWorkspace)
        qtbot.waitUntil(lambda: ws.men_list.view.count() == 1, timeout=10_000)
        tools = window.lead_tools
        assert tools.lead is True and tools.followup.isEnabled()
        tools.followup.trigger()
        screen = _tool(qtbot, window, FollowupScreen)
        assert isinstance(screen, FollowupScreen)

        def logged() -> set[str]:
            return {r.what for r in screen.model.rows if r.action == "list"}

        def reread() -> bool:
            screen.reload()
            qtbot.wait(200)
            return {"men_list", "men_today"} <= logged()

        qtbot.waitUntil(reread, timeout=10_000)
        row = next(r for r in screen.model.rows if r.what == "men_list")
        assert row.records_listed == 1 and row.actor == "Per Persson" and ake
    finally:
        window.lock("test end")
        window.runner.wait(10_000)


def test_a_new_diary_made_by_its_team_lead(qtbot, window: AthenaWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from .conftest import type_text

    create = window.create_screen
    type_text(create.pass1, PASSPHRASE)
    type_text(create.pass2, PASSPHRASE)
    type_text(create.name, "Lea Lind")
    create.lead.setChecked(True)
    qtbot.mouseClick(create.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=20_000)
    qtbot.waitUntil(lambda: window.lead_tools.lead is not None, timeout=10_000)
    assert window.lead_tools.lead is True and window.lead_tools.followup.isEnabled()
