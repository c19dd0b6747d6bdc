"""The paged list model: a page at a time, and a page that arrives after a reset is dropped."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from app.services.clients.clients import Page
from app.ui.paging import PagedModel
from app.ui.session import SessionRunner
from app.ui.tasks import TaskRunner

ROWS = [f"rad {i}" for i in range(450)]


def fetch(offset: int, limit: int) -> Page[str]:
    return Page(items=ROWS[offset:offset + limit], total=len(ROWS), offset=offset, limit=limit)


def test_pages_arrive_as_the_view_asks(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    model: PagedModel[str] = PagedModel(SessionRunner(runner), lambda s, role: s, page_size=100)
    with qtbot.waitSignal(model.loaded, timeout=5_000):
        model.set_source(fetch)
    assert model.rowCount() == 100 and model.total == 450 and model.canFetchMore()
    while model.canFetchMore():
        with qtbot.waitSignal(model.loaded, timeout=5_000):
            model.fetchMore()
    assert model.rowCount() == 450 and not model.canFetchMore()
    assert model.index(449, 0).data(Qt.ItemDataRole.DisplayRole) == "rad 449"
    runner.wait()


def test_a_late_page_is_dropped_after_reset(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    model: PagedModel[str] = PagedModel(SessionRunner(runner), lambda s, role: s, page_size=100)
    gate = threading.Event()

    def slow(offset: int, limit: int) -> Page[str]:
        gate.wait(5)
        return fetch(offset, limit)

    model.set_source(slow)
    model.set_items(["sökträff"])  # she typed before the first page came back
    gate.set()
    runner.wait()
    qtbot.wait(50)
    assert model.items() == ["sökträff"]
