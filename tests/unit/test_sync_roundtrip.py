from __future__ import annotations

from pathlib import Path

import pytest

from app.models import Client, DiaryEntry
from app.services.sync import conflicts
from app.sync.backends import open_share
from app.sync.folder import FolderShare

from .sync_helpers import make_team, roundtrip


@pytest.fixture
def share_dir(tmp_path: Path) -> Path:
    d = tmp_path / "share"
    d.mkdir()
    return d


def test_roundtrip_on_a_folder_leaves_no_plaintext(tmp_path: Path, share_dir: Path) -> None:
    roundtrip(tmp_path, open_share(str(share_dir)), scan=share_dir)


def test_concurrent_edits_keep_two_versions_until_resolved(tmp_path: Path, share_dir: Path) -> None:
    share = FolderShare(share_dir)
    a, b, c = make_team(tmp_path, 3)
    rid = a.add_client("Klient", phone="1")
    for lap in (a, b, c):
        lap.sync(share)
    b.edit(Client, rid, phone="from-b")
    c.edit(Client, rid, phone="from-c")
    for lap in (b, c, a, b, c):
        assert lap.sync(share).ok
    assert a.diary() == b.diary() == c.diary()
    found = conflicts.list_conflicts(a.store, a.ident, client_id=rid)
    assert [x.field for x in found] == ["phone"]
    assert {v.value for v in found[0].versions} == {"from-b", "from-c"}
    assert {v.author for v in found[0].versions} == {"worker1", "worker2"}
    assert found[0].versions[0].value == a.diary()["clients"][rid]["phone"]  # the provisional winner
    assert a.conflicts() == b.conflicts() == c.conflicts()
    loser = next(i for i, v in enumerate(found[0].versions) if v.value != found[0].versions[0].value)
    conflicts.resolve(a.worker(), "clients", rid, "phone", loser)
    for lap in (a, b, c):
        assert lap.sync(share).ok
    assert a.conflicts() == b.conflicts() == c.conflicts() == {}
    assert {lap.diary()["clients"][rid]["phone"] for lap in (a, b, c)} == {found[0].versions[loser].value}


def test_deletion_racing_an_edit_keeps_the_record_and_flags_it(tmp_path: Path, share_dir: Path) -> None:
    share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2)
    rid = a.add_client("Klient", city="Malmö")
    a.sync(share)
    b.sync(share)
    a.delete(Client, rid)
    b.edit(Client, rid, city="Lund")
    for lap in (a, b, a, b):
        assert lap.sync(share).ok
    assert rid in a.diary()["clients"] and a.diary() == b.diary()
    assert ("clients", rid, "_deleted") in a.conflicts()
    conflicts.resolve_deletion(b.worker(), "clients", rid, keep=True)
    for lap in (b, a, b, a):
        assert lap.sync(share).ok
    assert a.conflicts() == b.conflicts() == {}
    assert a.diary()["clients"][rid]["city"] == "Lund"


def test_a_deletion_seen_by_everyone_removes_the_record(tmp_path: Path, share_dir: Path) -> None:
    share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2)
    rid = a.add_client("Klient")
    a.sync(share)
    b.sync(share)
    b.delete(Client, rid)
    b.sync(share)
    a.sync(share)
    assert "clients" not in a.diary() and a.conflicts() == {}


def test_child_added_while_parent_deleted_brings_the_parent_back(tmp_path: Path, share_dir: Path) -> None:
    from datetime import date, datetime
    share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2)
    rid = a.add_client("Klient")
    a.sync(share)
    b.sync(share)
    a.delete(Client, rid)
    with b.store.write(b.ident) as s:
        s.add(DiaryEntry(client_id=rid, event_on=date(2026, 1, 2), written_at=datetime(2026, 1, 2),
                         text="Samtal", author_name="worker1"))
    for lap in (a, b, a, b):
        assert lap.sync(share).ok, lap.sync(share).problems
    assert a.diary() == b.diary()
    assert rid in a.diary()["clients"] and len(a.diary()["diary_entries"]) == 1
    assert ("clients", rid, "_deleted") in a.conflicts()


def test_retention_purge_travels_as_a_tombstone(tmp_path: Path, share_dir: Path) -> None:
    from app.models import SyncPurge
    share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2)
    rid = a.add_client("Gammal klient")
    a.sync(share)
    b.sync(share)
    b.edit(Client, rid, city="Kiruna")  # racing the purge: a purge still wins
    with a.store.write(a.ident) as s:
        s.add(SyncPurge(entity="clients", entity_id=rid))
        s.delete(s.get(Client, rid))
    for lap in (a, b, a, b):
        assert lap.sync(share).ok
    assert "clients" not in a.diary() and "clients" not in b.diary()
    assert a.conflicts() == b.conflicts() == {}


def test_signing_races_an_edit_and_the_signed_text_stays(tmp_path: Path, share_dir: Path) -> None:
    from datetime import date, datetime
    share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2)
    rid = a.add_client("Klient")
    with a.store.write(a.ident) as s:
        e = DiaryEntry(client_id=rid, event_on=date(2026, 1, 2), written_at=datetime(2026, 1, 2),
                       text="utkast", author_name="worker0")
        s.add(e)
        s.flush()
        eid = e.id
    a.sync(share)
    b.sync(share)
    b.edit(DiaryEntry, eid, text="ändrat av B")
    a.edit(DiaryEntry, eid, signed_at=datetime(2026, 1, 3))
    for lap in (b, a, b, a):
        assert lap.sync(share).ok
    assert a.diary() == b.diary()
    entry = a.diary()["diary_entries"][eid]
    assert entry["text"] == "utkast" and entry["signed_at"] is not None
    assert "ändrat av B" in a.conflicts()[("diary_entries", eid, "text")]


def test_desktop_entry_points(tmp_path: Path, share_dir: Path) -> None:
    from app.sync import share_reachable, sync_now
    (a,) = make_team(tmp_path, 1)
    assert share_reachable(str(share_dir)) and not share_reachable(str(tmp_path / "gone"))
    a.add_client("Klient")
    done = sync_now(a.store, str(share_dir), a.ident)
    assert done.ok and done.pushed == 1 and done.waiting == 0 and done.last_sync is not None
    bad = sync_now(a.store, "smb://", a.ident)
    assert not bad.ok and bad.problems


def test_resolving_in_favour_of_the_shown_winner_also_travels(tmp_path: Path, share_dir: Path) -> None:
    share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2)
    rid = a.add_client("Klient", email="x")
    a.sync(share)
    b.sync(share)
    a.edit(Client, rid, email="a@example.se")
    b.edit(Client, rid, email="b@example.se")
    for lap in (a, b, a):
        lap.sync(share)
    shown = a.diary()["clients"][rid]["email"]
    conflicts.resolve(a.worker(), "clients", rid, "email", 0)
    for lap in (a, b):
        assert lap.sync(share).ok
    assert a.conflicts() == b.conflicts() == {}
    assert a.diary()["clients"][rid]["email"] == b.diary()["clients"][rid]["email"] == shown
