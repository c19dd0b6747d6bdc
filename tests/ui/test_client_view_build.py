"""The client view adds its tabs one per event-loop turn (unlock stays responsive); ``panels`` has them all."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.ui.clients import client_view
from app.ui.clients.client_view import ClientView

BUILT: list[str] = []


class _Panel(QLabel):
    def __init__(self, diary: object, runner: object, parent: QWidget | None = None) -> None:
        super().__init__("panel", parent)
        BUILT.append(self.text())
        self.client: str | None = "unset"

    def set_client(self, client_id: str | None) -> None:
        self.client = client_id


class _Runner:
    alive = True


def _sections() -> list[tuple[str, str, object]]:
    return [(k, k.title(), _Panel) for k in ("a", "b", "c")]


def test_tabs_are_added_over_event_loop_turns(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(client_view, "client_sections", _sections)
    BUILT.clear()
    view = ClientView(None, _Runner())  # type: ignore[arg-type]
    qtbot.addWidget(view)
    assert view.tabs.count() == 0 and not BUILT  # nothing built inside the constructor
    qtbot.waitUntil(lambda: view.tabs.count() == 3)
    assert [view.tabs.tabText(i) for i in range(3)] == ["A", "B", "C"]


def test_panels_builds_the_rest_at_once(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(client_view, "client_sections", _sections)
    runner = _Runner()
    view = ClientView(None, runner)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    assert list(view.panels) == ["a", "b", "c"] and view.tabs.count() == 3


def test_no_tabs_are_built_after_the_session_ends(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(client_view, "client_sections", _sections)
    runner = _Runner()
    view = ClientView(None, runner)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    runner.alive = False
    qtbot.wait(50)
    assert view.tabs.count() == 0


def test_held_build_waits_for_resume(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(client_view, "client_sections", _sections)
    view = ClientView(None, _Runner())  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.hold_build()
    qtbot.wait(50)
    assert view.tabs.count() == 0 and not view.built  # the first screen's lists come first
    view.resume_build()
    qtbot.waitUntil(lambda: view.built)
    assert view.tabs.count() == 3


def test_workspace_builds_the_tabs_once_the_list_and_idag_are_filled(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from app.services.context import Diary, Worker
    from app.services.demo import diary as demo
    from app.storage import vault
    from app.ui.main_window import Workspace
    from app.ui.session import SessionRunner
    from app.ui.tasks import TaskRunner

    from .conftest import PASSPHRASE

    store = vault.create(tmp_path / "diary", PASSPHRASE)
    runner = TaskRunner()
    try:
        diary = Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=date(2026, 3, 2))
        demo.generate(diary, clients=3, seed=2)
        session = SessionRunner(runner)
        ws = Workspace(diary, session)
        qtbot.addWidget(ws)
        filled: list[str] = []
        ws.today.loaded.connect(lambda: filled.append("today"))
        ws.client_list.model.loaded.connect(lambda: filled.append("list"))
        assert not ws.client_view.built
        qtbot.waitUntil(lambda: ws.client_view.built, timeout=20_000)
        assert {"today", "list"} <= set(filled)
        session.end()
    finally:
        runner.wait()
        store.close()


def test_reopening_on_a_late_tab_builds_that_tab_in_its_place(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """After unlock the worker comes back to the same client and tab: that tab is built at once, in its own
    place among the tabs, the others still one per event-loop turn (not all at once on the GUI thread)."""
    monkeypatch.setattr(client_view, "client_sections", _sections)
    BUILT.clear()
    view = ClientView(None, _Runner())  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.hold_build()
    view.select_tab("c")
    assert view.current_tab_key() == "c" and len(BUILT) == 1 and view.tabs.count() == 1
    qtbot.waitUntil(lambda: view.built)
    assert [view.tabs.tabText(i) for i in range(3)] == ["A", "B", "C"]
    assert view.current_tab_key() == "c"


def test_a_panel_is_made_on_one_turn_and_put_in_its_tab_on_the_next(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Each tab takes two event-loop turns (made, then placed with the open client), so no single turn holds
    the GUI thread for the whole of a big panel; a tab asked for in between is placed, not made twice."""
    monkeypatch.setattr(client_view, "client_sections", _sections)
    BUILT.clear()
    view = ClientView(None, _Runner())  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.hold_build()
    view._build_step()
    assert len(BUILT) == 1 and view.tabs.count() == 0 and not view.built
    made = view._made
    assert made is not None and not made[2].isVisible()  # nothing half-built shows
    view._build_step()
    assert len(BUILT) == 1 and view.tabs.count() == 1 and list(view._panels) == ["a"]
    view._build_step()  # "b" made ...
    view.select_tab("b")  # ... and asked for before its turn: placed at once, not made again
    assert len(BUILT) == 2 and view.current_tab_key() == "b" and list(view._panels) == ["a", "b"]
    qtbot.waitUntil(lambda: view.built)
    assert len(BUILT) == 3 and [view.tabs.tabText(i) for i in range(3)] == ["A", "B", "C"]
