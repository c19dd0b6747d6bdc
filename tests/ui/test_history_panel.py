"""Historik: a long audit trail is shown complete, newest first, added a few hundred rows per event-loop turn;
another client (or none) stops a fill under way."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.services.audit import TrailEntry
from app.ui.clients import history
from app.ui.clients.history import HistoryPanel


def _entry(i: int, client_id: str) -> TrailEntry:
    return TrailEntry(at=f"2026-03-{1 + i // 100:02d}T{(i // 10) % 10:02d}:{i % 10:02d}:00", actor=f"Anna {i}",
                      device_id="d", action="update" if i % 2 else "open", entity="clients", entity_id=client_id,
                      client_id=client_id, fields=["phone"] if i % 2 else [], detail="")


class _Runner:
    """Answers at once, like a worker that has already finished; ``held`` keeps the answer for later."""

    alive = True

    def __init__(self, rows: dict[str, int]) -> None:
        self.rows = rows
        self.held: list[Callable[[], None]] = []
        self.hold = False

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[Exception], None] | None = None, **kwargs: Any) -> None:
        cid = kwargs["client_id"]
        result = [_entry(i, cid) for i in range(self.rows[cid])]
        assert on_done is not None
        if self.hold:
            self.held.append(lambda: on_done(result))
        else:
            on_done(result)


def _cells(panel: HistoryPanel, row: int) -> list[str]:
    return [panel.table.item(row, c).text() if panel.table.item(row, c) else "" for c in range(4)]


def test_a_long_trail_is_shown_whole_over_several_turns(qtbot) -> None:  # type: ignore[no-untyped-def]
    n = 3 * history.ROWS_PER_TURN + 17
    runner = _Runner({"c1": n})
    panel = HistoryPanel(None, runner)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    panel.show()
    panel.set_client("c1")
    assert panel.table.rowCount() == n and panel.filling
    assert panel.table.item(0, 1).text() == "Anna 0"  # the newest rows are there at once
    assert panel.table.item(n - 1, 1) is None  # the oldest follow on later turns
    qtbot.waitUntil(lambda: not panel.filling, timeout=5_000)
    assert all(panel.table.item(r, 1).text() == f"Anna {r}" for r in range(n))
    when, who, what, fields = _cells(panel, 1)
    assert when  # in local time
    assert who == "Anna 1" and fields and what  # an update names its fields (never their values)
    assert _cells(panel, 0)[3] == ""


def test_another_client_or_none_stops_a_fill_under_way(qtbot) -> None:  # type: ignore[no-untyped-def]
    n = 4 * history.ROWS_PER_TURN
    runner = _Runner({"c1": n, "c2": 3})
    panel = HistoryPanel(None, runner)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    panel.set_client("c1")
    assert panel.filling
    panel.set_client("c2")
    qtbot.wait(50)
    assert panel.table.rowCount() == 3 and not panel.filling
    assert [panel.table.item(r, 1).text() for r in range(3)] == ["Anna 0", "Anna 1", "Anna 2"]
    panel.set_client("c1")
    panel.set_client(None)  # the diary locks, or she goes back to Idag
    qtbot.wait(50)
    assert panel.table.rowCount() == 0 and not panel.filling
    # A late answer for a client no longer shown is dropped.
    runner.hold = True
    panel.set_client("c1")
    panel.set_client(None)
    runner.held.pop()()
    qtbot.wait(20)
    assert panel.table.rowCount() == 0
