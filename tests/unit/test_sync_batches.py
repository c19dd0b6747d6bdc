"""A round applies in short transactions: the result is the same as in one, a round stopped or failing between
two of them (even inside one big segment) goes on at the next round with nothing lost or applied twice, and
what the worker writes while a round runs is kept."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import Change, Client, Setting
from app.storage import hlc
from app.sync import apply, batches, checks
from app.sync.folder import FolderShare
from app.sync.pull import Scan, Segment
from app.sync.round import SyncConfig, sync_round

from .sync_helpers import Laptop, assert_converged, make_team


def _dupes(lap: Laptop) -> list[object]:
    with lap.store.read(lap.ident) as s:
        return list(s.execute(select(Change.hlc).where(Change.origin == "remote").group_by(Change.hlc)
                              .having(func.count() > 1)).all())


def _remote(lap: Laptop) -> int:
    with lap.store.read(lap.ident) as s:
        return s.scalar(select(func.count()).select_from(Change).where(Change.origin == "remote")) or 0


def _progress(lap: Laptop) -> list[str]:
    with lap.store.read(lap.ident) as s:
        return list(s.scalars(select(Setting.key).where(Setting.key.like("sync.partial.%"))))


def _team_with_work(tmp_path: Path, n: int) -> tuple[FolderShare, list[Laptop], str]:
    share_dir = tmp_path / "share"
    share_dir.mkdir()
    share = FolderShare(share_dir)
    laps = make_team(tmp_path, n)
    a, b = laps[0], laps[1]
    first = a.add_client("Klient Ett")
    for lap in laps:
        lap.sync(share)
    for k in range(12):  # one segment of a's with 13 writes, and one of b's
        a.add_client(f"Klient A{k}", city="Malmö")
    a.edit(Client, first, phone="040")
    for k in range(5):
        b.add_client(f"Klient B{k}")
    b.edit(Client, first, city="Lund")
    a.sync(share)
    b.sync(share)
    return share, laps, first


def test_split_keeps_whole_segments_and_resumes_inside_one() -> None:
    segs = [Segment("m1", 1, {}, [{"h": f"h{i}"} for i in range(5)], 0),
            Segment("m2", 1, {}, [{"h": "x"}], 0), Segment("m1", 2, {}, [], 0)]
    parts = list(batches.split(Scan(ready=segs), 3))
    assert [[len(s.writes) for s in p.ready] for p in parts] == [[3], [2, 1]]
    assert [[(s.member, s.seq) for s in p.done] for p in parts] == [[], [("m1", 1), ("m2", 1), ("m1", 2)]]
    assert parts[0].partial == ("m1", 1, 3, "h2") and parts[1].partial is None
    again = list(batches.split(Scan(ready=segs), 3, parts[0].partial))  # a stopped round: the rest only
    assert [[s.writes[0]["h"] for s in p.ready] for p in again] == [["h3", "x"]]
    other = list(batches.split(Scan(ready=segs), 3, ("m1", 1, 3, "not-this-one")))  # not the file it was: all of it
    assert other[0].ready[0].writes[0]["h"] == "h0"


def test_small_transactions_give_the_same_diary(tmp_path: Path) -> None:
    share, (a, b, c, d), _ = _team_with_work(tmp_path, 4)
    assert c.sync(share, SyncConfig(transaction_writes=2)).ok
    assert d.sync(share, SyncConfig(transaction_writes=100_000)).ok
    for lap in (a, b, c, d):
        assert lap.sync(share).ok
    assert_converged(a, b, c, d)
    assert _remote(c) == _remote(d) and _dupes(c) == [] and _progress(c) == []


def test_stopped_inside_a_segment_goes_on_at_the_next_round(tmp_path: Path) -> None:
    share, (a, b, c, d), first = _team_with_work(tmp_path, 4)

    def stop() -> bool:  # the diary locks as soon as the round is inside a segment
        return _progress(c) != []

    cfg = SyncConfig(transaction_writes=3, transaction_max_ms=0)  # a commit after every step
    summary = sync_round(c.store, share, c.ident, cfg, now_ms=hlc.now_ms, stop=stop)
    assert summary.stopped and summary.warnings
    assert _progress(c) != []  # part of a segment applied, and where it stopped kept
    assert 0 < _remote(c) < 19
    assert c.sync(share, cfg).ok
    assert _progress(c) == []
    for lap in (a, b, c, d):
        assert lap.sync(share).ok
    assert_converged(a, b, c, d)
    assert _remote(c) == _remote(d) and _dupes(c) == []
    clients = c.diary()["clients"]
    assert clients[first]["phone"] == "040" and clients[first]["city"] == "Lund"


def test_a_round_failing_between_transactions_keeps_what_it_applied(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    share, (a, b, c, d), _ = _team_with_work(tmp_path, 4)
    real = apply.save_states
    calls: list[int] = []

    def failing(*args: object, **kw: object) -> None:
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("the laptop lost power")
        real(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(apply, "save_states", failing)
    with pytest.raises(RuntimeError):
        c.sync(share, SyncConfig(transaction_writes=4, transaction_max_ms=0))
    monkeypatch.setattr(apply, "save_states", real)
    assert _remote(c) > 0  # the transactions before the failure stay
    assert c.sync(share, SyncConfig(transaction_writes=4)).ok
    for lap in (a, b, c, d):
        assert lap.sync(share).ok
    assert_converged(a, b, c, d)
    assert _remote(c) == _remote(d) and _dupes(c) == []


def test_what_she_writes_during_a_round_is_kept(tmp_path: Path) -> None:
    share, (a, b, c, d), first = _team_with_work(tmp_path, 4)
    asked: list[int] = []
    writer: list[threading.Thread] = []

    def stop() -> bool:  # asked during the round: she saves a change (another thread) just then
        asked.append(1)
        if len(asked) == 3:
            writer.append(threading.Thread(target=c.edit, args=(Client, first), kwargs={"postal_code": "21120"}))
            writer[0].start()
            time.sleep(0.05)  # her write is waiting for its turn: the round lets it go first
        return False

    assert sync_round(c.store, share, c.ident, SyncConfig(transaction_writes=3), now_ms=hlc.now_ms, stop=stop).ok
    writer[0].join()
    for lap in (c, a, b, d, c, a, b, d):
        assert lap.sync(share).ok
    assert_converged(a, b, c, d)
    shown = a.diary()["clients"][first]
    assert (shown["postal_code"], shown["phone"], shown["city"]) == ("21120", "040", "Lund")


def test_text_that_cannot_be_stored_is_a_refused_write() -> None:
    # A lone surrogate (a "\ud800" escape in a segment's JSON) cannot be written as UTF-8: refused, not a crash.
    assert checks.check_fields("clients", {"name": "Klient \ud800"}) is not None
    assert checks.check_fields("clients", {"city": "Malmö", "name": "Åsa"}) is None


def test_writers_take_turns_in_order_and_a_long_wait_gives_up_clearly() -> None:
    from app.errors import StorageError
    from app.storage.vault import WriteTurns

    turns = WriteTurns(timeout_s=0.5)
    order: list[str] = []
    with turns:
        with turns:  # re-entrant in one thread
            pass
        assert not turns.waiting()
        t = threading.Thread(target=lambda: (turns.__enter__(), order.append("other"), turns.__exit__()))
        t.start()
        while not turns.waiting():
            time.sleep(0.001)
        order.append("holder")
    t.join()
    assert order == ["holder", "other"]  # the waiting write went before anything the holder starts next
    failed: list[Exception] = []

    def late() -> None:
        try:
            turns.__enter__()
        except StorageError as exc:
            failed.append(exc)

    with turns:
        t = threading.Thread(target=late)
        t.start()
        t.join()
    assert failed and "busy" in str(failed[0])
    with turns:  # the turn given up does not block the next writer
        pass
