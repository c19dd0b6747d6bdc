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
