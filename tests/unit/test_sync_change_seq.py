"""A laptop that receives many changes does not read them again every round looking for its own: after a round
its mark of what it has sent moves past the received rows, and nothing it writes later is missed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from app.models import Change, Client, DiaryEntry, SyncTeam
from app.services.clients import entries
from app.services.clients.entries import EntryInput
from app.services.retention import purge, scrub
from app.sync.folder import FolderShare
from tests.unit.sync_helpers import Laptop, assert_converged, make_team, synced_team
from tests.unit.test_retention_no_trace import _diary, _fill


def _unread(lap: Laptop) -> int:
    """Change rows after the team's mark: what the next round's search for local changes reads."""
    with lap.store.read(lap.ident) as s:
        team = s.scalars(select(SyncTeam)).one()
        return s.scalar(select(func.count()).select_from(Change).where(Change.seq > team.change_seq)) or 0


def test_received_rows_are_not_read_again_and_later_local_changes_are_sent(tmp_path: Path) -> None:
    share, (a, b) = synced_team(tmp_path)
    mine = b.add_client("Berit Ek")  # sent in b's first round below, before anything is received
    for k in range(40):
        a.add_client(f"Klient {k}")
    assert a.sync(share).ok
    assert b.sync(share).pulled == 40
    assert b.sync(share).ok  # this round's search for b's own changes reads the 40 received rows once
    assert _unread(b) == 0
    assert b.sync(share).pulled == 0
    assert _unread(b) == 0

    # A change b makes now has a higher number than every received row: sent, received by a.
    later = b.add_client("Cecilia Öst")
    b.edit(Client, mine, phone="070-111")
    assert _unread(b) == 2
    s = b.sync(share)
    assert s.ok and s.pushed == 2
    assert _unread(b) == 0
    assert a.sync(share).pulled == 3  # Berit (sent with b's pull round) and her new number, Cecilia
    assert b.sync(share).ok
    with a.store.read(a.ident) as sa:
        assert sa.get(Client, later) is not None
        berit = sa.get(Client, mine)
        assert berit is not None and berit.phone == "070-111"
    assert_converged(a, b)


def test_a_change_of_the_other_track_is_still_sent_by_its_own_team(tmp_path: Path) -> None:
    """The women's team's mark passes a men's-track row; the men's team (its own mark) still sends it."""
    share_dir = tmp_path / "share"
    share_dir.mkdir()
    share = FolderShare(share_dir)
    women = make_team(tmp_path / "w", 2, "women")
    men = make_team(tmp_path / "m", 2, "men")
    assert women and men
    a, b = women
    for lap in (a, b):
        assert lap.sync(share).ok
    a.add_client("Klient")
    assert a.sync(share).ok
    assert b.sync(share).pulled == 1
    assert b.sync(share).ok
    assert _unread(b) == 0


def _newest(lap: Laptop) -> tuple[int, int]:
    """(the highest change number in the diary, the team's mark of what it has sent)."""
    with lap.store.read(lap.ident) as s:
        team = s.scalars(select(SyncTeam)).one()
        return int(s.scalar(select(func.max(Change.seq))) or 0), team.change_seq


def test_a_purge_of_the_newest_rows_does_not_hide_the_changes_after_it(tmp_path: Path) -> None:
    """A purge deletes the purged records' change rows. When those were the diary's newest (here: b's entry
    about her, received last), the next change must still get a number above every number used before —
    above the team's mark — or the purge's own tombstones and her next edit would never be sent."""
    share_dir = tmp_path / "share"
    share_dir.mkdir()
    share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2)
    da, db = _diary(a), _diary(b)
    gone, kept = _fill(da)
    for lap in (a, b):
        assert lap.sync(share).ok
    about_her = entries.add_entry(db, gone, EntryInput(text="Samtal hos B.", kinds=["support_talk"],
                                                       event_on=date(2026, 3, 1)), sign=True).id
    assert b.sync(share).ok
    assert a.sync(share).pulled > 0
    assert a.sync(share).ok  # a's mark moves past the received rows: b's entry is its newest change row
    top, mark = _newest(a)
    assert mark == top

    pv = purge.preview(da)
    assert [x.client_id for x in pv.purge] == [gone]
    purge.run(da, pv.token)
    after, mark_after = _newest(a)
    assert after > top and mark_after <= top  # the tombstones are numbered above everything read before
    sent = a.sync(share)
    assert sent.ok and sent.pushed > 0
    assert _newest(a)[1] == _newest(a)[0]
    assert b.sync(share).ok
    scrub.after_sync(db)
    with b.store.read(b.ident) as s:
        assert s.get(Client, gone) is None
        assert s.get(DiaryEntry, about_her) is None  # the purge reached b, also for what b wrote about her

    # The next change after the purge is sent too.
    new = a.add_client("Dagny Nord")
    assert a.sync(share).pushed == 1
    assert b.sync(share).ok
    with b.store.read(b.ident) as s:
        assert s.get(Client, new) is not None and s.get(Client, kept) is not None
    assert a.sync(share).ok
    assert_converged(a, b)
