"""Protocol 2: what a reader trusts (only what it verified), removal that holds, validated remote writes,
provenance that converges and files that repair themselves. Every test ends with every laptop identical —
content and who last changed each record — after ordinary rounds only."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.models import Change, Client, MenClient, SyncAck, SyncMember, SyncOutbox, SyncTeam
from app.storage import hlc
from app.sync import container, files
from app.sync import team as teams
from app.sync.folder import FolderShare
from app.sync.round import SyncConfig
from app.sync.share import Share

from .sync_helpers import FAST, Laptop, assert_converged, make_team, member_id


@pytest.fixture
def share_dir(tmp_path: Path) -> Path:
    d = tmp_path / "share"
    d.mkdir()
    return d


def _team_dir(share_dir: Path) -> Path:
    (d,) = [p for p in share_dir.iterdir() if p.is_dir()]
    return d


def _folder(share_dir: Path, lap: Laptop) -> Path:
    return _team_dir(share_dir) / f"d-{member_id(lap)}"


def forge_segment(lap: Laptop, writes: list[dict[str, Any]]) -> str:
    """What a modified Athena on a team member's laptop could ship: a properly signed segment whose writes it
    made up. Queued in the laptop's outbox; its next round uploads it."""
    with lap.store.write(lap.ident) as s:
        team = teams.team_for(s)
        team.last_seq += 1
        keys = teams.epoch_keys(s, team.team_id)
        header = {"team": team.team_id, "member": team.member_id, "seq": team.last_seq, "epoch": team.epoch,
                  "deps": {}, "count": len(writes), "created": hlc.now_ms()}
        name = files.seg_name(team.last_seq)
        s.add(SyncOutbox(team_id=team.team_id, name=name, changes=len(writes), sent=False,
                         data=container.encode("segment", header, writes, keys[team.epoch], team.signing_key)))
    return name


def _stamp(lap: Laptop) -> str:
    with lap.store.write(lap.ident) as s:
        from app.storage.changefeed import Clock
        c = Clock(s)
        t = str(c.next())
        c.save()
        return t


def _write(lap: Laptop, rid: str, fields: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"h": _stamp(lap), "a": lap.name, "e": "clients", "i": rid, "c": "women", "k": rid, "o": "u",
            "f": fields, "b": {}, **extra}


# --- (1) authenticated files; compaction only on verified acknowledgements ----------------------------------

def test_a_copied_snapshot_does_not_make_anyone_compact(tmp_path: Path, share_dir: Path) -> None:
    copied_snapshot_case(tmp_path, FolderShare(share_dir), share_dir)


def copied_snapshot_case(tmp_path: Path, share: Share, share_dir: Path) -> None:
    cfg = SyncConfig(snapshot_every=3)
    a, b, c = make_team(tmp_path, 3)
    for lap in (a, b, c, a):
        lap.sync(share, cfg)
    rid = a.add_client("Klient", phone="0")
    for i in range(1, 8):  # a writes segments and snapshots; b and c are away
        a.edit(Client, rid, phone=str(i))
        a.sync(share, cfg)
    snap = sorted(_folder(share_dir, a).glob("p-*.snp"))[-1]
    for lap in (b, c):  # the attack: a's snapshot (its progress says "applied everything") in their folders
        shutil.copy(snap, _folder(share_dir, lap) / snap.name)
        shutil.copy(snap, _folder(share_dir, lap) / files.ack_name(50))
    a.sync(share, cfg)
    segs = sorted(p.name for p in _folder(share_dir, a).glob("s-*.seg"))
    assert segs[0] == files.seg_name(1), segs  # nothing b or c has not applied was removed
    for lap in (b, c):
        got = lap.sync(share, cfg)
        assert got.ok, got.problems
        assert any("did not write" in w for w in got.warnings)  # each moved the foreign files aside
    for lap in (a, b, c, a, b, c):
        assert lap.sync(share, cfg).ok
    assert_converged(a, b, c)
    assert b.diary()["clients"][rid]["phone"] == "7"
    # and once both really have applied a's segments, a compacts
    segs = sorted(p.name for p in _folder(share_dir, a).glob("s-*.seg"))
    assert segs[0] != files.seg_name(1), segs


def test_a_forged_acknowledgement_is_not_trusted(tmp_path: Path, share_dir: Path) -> None:
    share = FolderShare(share_dir)
    cfg = SyncConfig(snapshot_every=2)
    a, b, c = make_team(tmp_path, 3)
    for lap in (a, b, c, a):
        lap.sync(share, cfg)
    rid = a.add_client("Klient")
    for i in range(5):
        a.edit(Client, rid, phone=str(i))
        a.sync(share, cfg)
    # c, a team member with the team key, writes an acknowledgement in b's name into b's folder
    with c.store.read(c.ident) as s:
        team = teams.team_for(s)
        key = teams.epoch_keys(s, team.team_id)[team.epoch]
        data = container.encode("ack", {"team": team.team_id, "member": member_id(b), "number": 99, "epoch":
                                        team.epoch, "created": hlc.now_ms()},
                                {"deps": {member_id(a): 1000}, "bad": {}}, key, team.signing_key)
    (_folder(share_dir, b) / files.ack_name(99)).write_bytes(data)
    got = a.sync(share, cfg)
    assert any("not signed by the member" in w for w in got.warnings), got.warnings
    with a.store.read(a.ident) as s:
        row = s.get(SyncAck, (teams.team_for(s).team_id, member_id(b)))
        assert row is None or row.deps.get(member_id(a), 0) < 5
    assert (_folder(share_dir, a) / files.seg_name(1)).exists()
    for lap in (b, c, a, b, c):
        assert lap.sync(share, cfg).ok
    assert_converged(a, b, c)


def test_a_segment_written_in_another_members_name_is_refused(tmp_path: Path, share_dir: Path) -> None:
    share = FolderShare(share_dir)
    a, b, c = make_team(tmp_path, 3)
    for lap in (a, b, c, a):
        lap.sync(share)
    rid = a.add_client("Klient", city="Rätt")
    for lap in (a, b, c):
        lap.sync(share)
    with c.store.read(c.ident) as s:
        team = teams.team_for(s)
        key = teams.epoch_keys(s, team.team_id)[team.epoch]
        forged = container.encode("segment", {"team": team.team_id, "member": member_id(a), "seq": 2,
                                              "epoch": team.epoch, "deps": {}, "count": 1, "created": 0},
                                  [_write(a, rid, {"city": "Fel"})], key, team.signing_key)
    (_folder(share_dir, a) / files.seg_name(2)).write_bytes(forged)  # c squats a's next name
    got = b.sync(share)
    assert any("not signed by the member" in p for p in got.problems), got.problems
    assert b.diary()["clients"][rid]["city"] == "Rätt"
    a.edit(Client, rid, phone="9")
    fixed = a.sync(share)  # a finds a file it did not write at its next name: moved aside, its own written
    assert fixed.pushed == 1 and any("did not write" in w for w in fixed.warnings), fixed
    for lap in (b, c, a):
        assert lap.sync(share).ok
    assert_converged(a, b, c)
    assert c.diary()["clients"][rid]["city"] == "Rätt"


# --- (2) removal that holds --------------------------------------------------------------------------------

def test_a_removed_laptop_writing_after_its_removal_is_refused_everywhere(tmp_path: Path,
                                                                          share_dir: Path) -> None:
    removal_case(tmp_path, FolderShare(share_dir))


def removal_case(tmp_path: Path, share: Share) -> None:
    a, b, lost = make_team(tmp_path, 3)
    for lap in (a, b, lost, a, b):
        lap.sync(share)
    before = lost.add_client("Före borttagningen")
    lost.sync(share)
    a.sync(share)
    b.sync(share)
    with a.store.write(a.ident) as s:
        teams.remove_member(s, teams.team_for(s), member_id(lost))  # not yet on the share
    after = lost.add_client("Efter borttagningen")  # sealed with the old key, signed by lost
    assert lost.sync(share).pushed == 1
    for lap in (a, b, a, b):
        got = lap.sync(share)
        assert got.ok, got.problems
    assert any("after it was removed" in w for w in got.warnings)
    for lap in (a, b):
        assert before in lap.diary()["clients"] and after not in lap.diary()["clients"]
    told = lost.sync(share)
    assert told.removed and told.exit_code == 5 and not told.ok
    assert any("removed from the team" in p for p in told.problems)
    lost.add_client("Ännu senare")
    again = lost.sync(share)
    assert again.exit_code == 5 and again.pushed == 0
    with lost.store.read(lost.ident) as s:
        assert teams.team_for(s).removed
    for lap in (a, b):
        assert lap.sync(share).ok
    assert_converged(a, b)
    with b.store.read(b.ident) as s:
        m = s.get(SyncMember, (teams.team_for(s).team_id, member_id(lost)))
        assert m is not None and m.removed and m.last_seq == 1


def test_a_removal_converges_when_one_laptop_applied_more_than_the_remover_knew(tmp_path: Path,
                                                                                 share_dir: Path) -> None:
    removal_converges_case(tmp_path, FolderShare(share_dir))


def removal_converges_case(tmp_path: Path, share: Share) -> None:
    """R writes, B pulls R's newest file, A (which has not seen it) removes R, R writes more: the removal
    record says "R ends at 1", B has applied 2. B's acknowledgement of 2 raises the cut-off everywhere, so A
    and C apply 2 as well; what R writes after the removal reaches nobody. All end identical."""
    a, b, c, r = make_team(tmp_path, 4)
    for lap in (a, b, c, r, a, b, c):
        lap.sync(share)
    first = r.add_client("Första av R")
    r.sync(share)
    for lap in (a, b, c):
        assert lap.sync(share).ok
    second = r.add_client("Andra av R")
    r.edit(Client, first, city="Kiruna")
    assert r.sync(share).pushed == 2
    assert b.sync(share).pulled == 2  # only B has R's file 2, and acknowledges it
    with a.store.write(a.ident) as s:  # A has not seen B's acknowledgement: the record says 1
        teams.remove_member(s, teams.team_for(s), member_id(r))
        assert s.get(SyncMember, (teams.team_for(s).team_id, member_id(r))).last_seq == 1
    third = r.add_client("Tredje av R, efter borttagningen")
    assert r.sync(share).pushed == 1  # R has not seen its removal yet
    for lap in (a, b, c, a, b, c):
        got = lap.sync(share)
        assert got.ok, got.problems
    told = r.sync(share)
    assert told.exit_code == 5
    for lap in (a, b, c):
        clients = lap.diary()["clients"]
        assert first in clients and second in clients and third not in clients
        assert clients[first]["city"] == "Kiruna"
        with lap.store.read(lap.ident) as s:
            m = s.get(SyncMember, (teams.team_for(s).team_id, member_id(r)))
            assert m is not None and m.removed and m.last_seq == 2
    assert_converged(a, b, c)
    with a.store.read(a.ident) as s:
        assert {x.updated_by for x in s.scalars(select(Client).where(Client.id.in_([first, second])))} == \
            {r.name}


# --- (3) remote writes validated -----------------------------------------------------------------------------

def _three_with_client(tmp_path: Path, share: Share) -> tuple[Laptop, Laptop, Laptop, str]:
    a, b, c = make_team(tmp_path, 3)
    for lap in (a, b, c, a):
        lap.sync(share)
    rid = a.add_client("Klient", city="Umeå", address="Storgatan 1")
    for lap in (a, b, c):
        lap.sync(share)
    return a, b, c, rid


@pytest.mark.parametrize(("fields", "says"), [
    ({"compartment": "men"}, "other track"),
    ({"client_id": "x"}, "does not know"),  # clients have no client_id column
    ({"id": "other"}, "does not know"),
    ({"city": 17}, "wrong type"),
    ({"interpreter_needed": "ja"}, "wrong type"),
    ({"name": None}, "wrong type"),
    ({"updated_by": "någon"}, "does not know"),
])
def test_a_bad_remote_write_is_one_refused_change(tmp_path: Path, share_dir: Path, fields: dict[str, Any],
                                                 says: str) -> None:
    share = FolderShare(share_dir)
    a, b, c, rid = _three_with_client(tmp_path, share)
    forge_segment(c, [_write(c, rid, fields), _write(c, rid, {"phone": "070"})])
    assert c.sync(share).ok
    for lap in (a, b):
        got = lap.sync(share)
        assert not got.ok and got.refused == 1 and got.exit_code == 1, got
        assert any(says in p and "s-0000000001.seg" in p for p in got.problems), got.problems
        row = lap.diary()["clients"][rid]
        assert row["compartment"] == "women" and row["city"] == "Umeå" and row["phone"] == "070"
    for lap in (a, b, c):
        assert lap.sync(share).ok
    assert_converged(a, b)


def test_a_malformed_date_never_crashes_a_round(tmp_path: Path, share_dir: Path) -> None:
    from datetime import date
    share = FolderShare(share_dir)
    a, b, c, rid = _three_with_client(tmp_path, share)
    from app.models import Child
    kid = {"h": _stamp(c), "a": "c", "e": "children", "i": "kid-1", "c": "women", "k": rid, "o": "u",
           "f": {"client_id": rid, "name": "Barn", "trappan_informed_on": "2026-02-30", "compartment": "women"},
           "b": {}}
    forge_segment(c, [kid])
    c.sync(share)
    for lap in (a, b):
        got = lap.sync(share)
        assert got.refused == 1 and "children" not in lap.diary()
    c.edit(Client, rid, city="Luleå")  # the team goes on
    c.sync(share)
    for lap in (a, b):
        assert lap.sync(share).ok
    assert a.diary()["clients"][rid]["city"] == "Luleå"
    assert_converged(a, b)
    assert date  # (module used above for readability)
    assert Child


def test_a_write_to_a_record_of_the_other_track_is_refused(tmp_path: Path, share_dir: Path) -> None:
    share = FolderShare(share_dir)
    a, _, c, _ = _three_with_client(tmp_path, share)
    with a.store.write(a.ident) as s:  # a also works in the men's track (no team there)
        man = MenClient(name="Han", compartment="men")
        s.add(man)
        s.flush()
        mid = man.id
    w = {"h": _stamp(c), "a": "c", "e": "men_clients", "i": mid, "c": "women", "k": mid, "o": "u",
         "f": {"name": "Ändrad", "compartment": "women"}, "b": {}}
    forge_segment(c, [w])
    c.sync(share)
    got = a.sync(share)
    assert got.refused == 1 and any("other track" in p for p in got.problems)
    with a.store.read(a.ident) as s:
        m = s.get(MenClient, mid)
        assert m is not None and m.name == "Han" and m.compartment == "men"


def test_authorship_is_the_verified_sending_member(tmp_path: Path, share_dir: Path) -> None:
    share = FolderShare(share_dir)
    a, b, c, rid = _three_with_client(tmp_path, share)
    forge_segment(c, [_write(c, rid, {"phone": "1"}, a="worker0")])  # c claims a's worker wrote it
    with a.store.read(a.ident) as s:
        a_device = a.store.device_id
    stolen = {"h": f"{hlc.now_ms():013d}-00000-{a_device}", "a": "worker0", "e": "clients", "i": rid,
              "c": "women", "k": rid, "o": "u", "f": {"city": "Kiruna"}, "b": {}}
    forge_segment(c, [stolen])  # and a stamp of a's device
    c.sync(share)
    for lap in (a, b):
        got = lap.sync(share)
        assert got.refused == 1 and any("forged" in p for p in got.problems), got.problems
        assert lap.diary()["clients"][rid]["phone"] == "1" and lap.diary()["clients"][rid]["city"] == "Umeå"
        assert lap.provenance()["clients"][rid] == ("worker2", c.store.device_id)
        with lap.store.read(lap.ident) as s:
            last = s.scalars(select(Change).where(Change.entity_id == rid).order_by(Change.seq.desc())).first()
            assert last is not None and last.author == "worker2"
    assert_converged(a, b)


# --- (4) provenance converges ---------------------------------------------------------------------------------

def test_who_changed_a_record_is_the_same_on_every_laptop(tmp_path: Path, share_dir: Path) -> None:
    share = FolderShare(share_dir)
    a, b, c, rid = _three_with_client(tmp_path, share)
    b.edit(Client, rid, phone="1")
    b.sync(share)
    c.edit(Client, rid, email="x@example.se")
    for lap in (c, a, b, c, a):
        lap.sync(share)
    assert_converged(a, b, c)
    assert a.provenance()["clients"][rid] == ("worker2", c.store.device_id)
    with a.store.read(a.ident) as s:
        row = s.get(Client, rid)
        from app.models.base import utcnow
        assert row is not None and abs((row.updated_at - utcnow()).total_seconds()) < 120


# --- (5) self-repair -------------------------------------------------------------------------------------------

def _two_with_segments(tmp_path: Path, share: Share) -> tuple[Laptop, Laptop, str]:
    a, b = make_team(tmp_path, 2)
    for lap in (a, b, a):
        lap.sync(share)
    rid = a.add_client("Klient", phone="0")
    a.sync(share)
    a.edit(Client, rid, phone="1")
    a.sync(share)
    return a, b, rid


@pytest.mark.parametrize("fault", ["missing", "renamed", "moved", "truncated"])
def test_own_file_missing_renamed_moved_or_damaged_is_repaired(tmp_path: Path, share_dir: Path,
                                                               fault: str) -> None:
    self_repair_case(tmp_path, FolderShare(share_dir), share_dir, fault)


def self_repair_case(tmp_path: Path, share: Share, share_dir: Path, fault: str) -> None:
    a, b, rid = _two_with_segments(tmp_path, share)
    seg = _folder(share_dir, a) / files.seg_name(1)
    if fault == "missing":
        seg.unlink()
    elif fault == "renamed":
        seg.rename(seg.with_name("s-0000000001 - kopia.seg"))
    elif fault == "moved":
        shutil.move(seg, _folder(share_dir, b) / seg.name)
    else:
        seg.write_bytes(seg.read_bytes()[:50])
    first = b.sync(share)
    assert first.pulled == 0
    assert any(member_id(a) in t and "worker0" in t for t in first.problems + first.warnings), first
    for lap in (a, b, a, b):
        got = lap.sync(share)
        assert got.ok, got.problems
    assert_converged(a, b)
    assert b.diary()["clients"][rid]["phone"] == "1"
    assert seg.exists()
    names = [p.name for p in _folder(share_dir, a).iterdir()]
    assert all(files.is_protocol_name(n) or n.startswith("quarantine-") for n in names), names


def test_readers_name_whom_they_wait_for(tmp_path: Path, share_dir: Path) -> None:
    share = FolderShare(share_dir)
    a, b, _ = _two_with_segments(tmp_path, share)
    (_folder(share_dir, a) / files.seg_name(1)).unlink()
    got = b.sync(share)
    assert any("Waiting for file s-0000000001.seg of worker0" in w for w in got.warnings), got.warnings


def test_a_laptop_joining_an_emptied_share_is_told(tmp_path: Path, share_dir: Path) -> None:
    share = FolderShare(share_dir)
    _, b = make_team(tmp_path, 2)
    got = b.sync(share)
    assert got.ok and any("None of the team's files are on the share" in w for w in got.warnings)


def test_protocol_1_team_is_refused_with_a_clear_message(tmp_path: Path, share_dir: Path) -> None:
    share = FolderShare(share_dir)
    (a,) = make_team(tmp_path, 1)
    with a.store.write(a.ident) as s:
        teams.team_for(s).protocol = 1
    got = a.sync(share)
    assert not got.ok and any("sync format 1" in p for p in got.problems)
    with pytest.raises(teams.TeamError), a.store.write(a.ident) as s:
        teams.invite(s, teams.team_for(s), FAST)
    assert SyncTeam


# --- (3) a protected identity lowered on another laptop ------------------------------------------------------

def test_a_remote_downgrade_of_a_protected_identity_waits_for_a_worker(tmp_path: Path, share_dir: Path) -> None:
    from app.services.sync import conflicts
    share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2)
    for lap in (a, b, a):
        lap.sync(share)
    rid = a.add_client("Klient", protected_identity="protected_registration", address="Hemlig 1")
    a.sync(share)
    b.sync(share)
    b.edit(Client, rid, protected_identity="none", address="Ny gata 2")  # lowered on another laptop
    for lap in (b, a, b):
        assert lap.sync(share).ok
    assert_converged(a, b)
    for lap in (a, b):
        row = lap.diary()["clients"][rid]
        assert row["protected_identity"] == "protected_registration" and row["address"] == "Hemlig 1"
        found = lap.conflicts()
        assert found[("clients", rid, "protected_identity")] == ["protected_registration", "none"]
        assert found[("clients", rid, "address")] == ["Hemlig 1", "Ny gata 2"]
    # a worker confirms the lower level and the new address: then it holds everywhere
    conflicts.resolve(a.worker(), "clients", rid, "protected_identity", 1)
    conflicts.resolve(a.worker(), "clients", rid, "address", 1)
    for lap in (a, b, a):
        assert lap.sync(share).ok
    assert_converged(a, b)
    assert b.diary()["clients"][rid]["protected_identity"] == "none" and b.conflicts() == {}
    b.edit(Client, rid, protected_identity="fictitious_identity")  # raising it needs no confirmation
    for lap in (b, a):
        lap.sync(share)
    assert a.diary()["clients"][rid]["protected_identity"] == "fictitious_identity" and a.conflicts() == {}
    assert_converged(a, b)


def test_a_mens_track_worker_cannot_resolve_a_womens_track_conflict(tmp_path: Path, share_dir: Path) -> None:
    from app.errors import AccessDenied
    from app.services.sync import conflicts
    share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2)
    for lap in (a, b, a):
        lap.sync(share)
    rid = a.add_client("Klient")
    gone = a.add_client("Raderad")
    a.sync(share)
    b.sync(share)
    a.edit(Client, rid, city="A")
    b.edit(Client, rid, city="B")
    a.delete(Client, gone)
    b.edit(Client, gone, city="B")
    for lap in (a, b, a):
        lap.sync(share)
    assert ("clients", rid, "city") in a.conflicts() and ("clients", gone, "_deleted") in a.conflicts()
    with pytest.raises(AccessDenied):
        conflicts.resolve(a.worker(frozenset({"men"})), "clients", rid, "city", 1)
    with pytest.raises(AccessDenied):
        conflicts.resolve_deletion(a.worker(frozenset({"men"})), "clients", gone, keep=True)
    assert ("clients", rid, "city") in a.conflicts() and ("clients", gone, "_deleted") in a.conflicts()
    conflicts.resolve(a.worker(), "clients", rid, "city", 1)
    conflicts.resolve_deletion(a.worker(frozenset({"women", "men"})), "clients", gone, keep=True)
    for lap in (a, b):
        lap.sync(share)
    assert_converged(a, b)
    assert b.conflicts() == {}


def test_share_backends_sit_behind_one_factory_without_an_import_cycle() -> None:
    import ast

    from app.sync import backends
    from app.sync.smb import SmbShare

    def imports(module: str) -> set[str]:
        tree = ast.parse((Path(backends.__file__).parent / f"{module}.py").read_text(encoding="utf-8"))
        return {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}

    assert not imports("share") & {"app.sync.smb", "app.sync.folder", "app.sync.backends"}
    for backend in ("smb", "folder"):
        assert "app.sync.share" in imports(backend)
        assert not imports(backend) & {"app.sync.backends", "app.sync.smb", "app.sync.folder"}
    assert isinstance(backends.open_share("smb://srv/share/x"), SmbShare)
    assert isinstance(backends.open_share("/tmp/x"), FolderShare)


def test_a_protocol_1_team_gives_way_to_a_new_one_and_nothing_is_lost(tmp_path: Path, share_dir: Path) -> None:
    old_share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2)
    for lap in (a, b, a):
        lap.sync(old_share)
    rid = a.add_client("Klient", city="Umeå")
    a.sync(old_share)
    b.sync(old_share)
    for lap in (a, b):
        with lap.store.write(lap.ident) as s:
            teams.team_for(s).protocol = 1  # as migration 0800 marks a team made before signed files
    assert not a.sync(old_share).ok
    new_dir = tmp_path / "new-share"
    new_dir.mkdir()
    share = FolderShare(new_dir)
    with a.store.write(a.ident) as s:
        teams.create_team(s, "Nytt team", "worker0")
        data, code = teams.invite(s, teams.team_for(s), FAST)
    c = Laptop(tmp_path / "c", "worker9")
    for lap in (b, c):
        with lap.store.write(lap.ident) as s:
            teams.join_team(s, data, code, lap.name)
    for lap in (a, b, c, a, b, c):
        assert lap.sync(share).ok
    assert c.diary()["clients"][rid]["city"] == "Umeå"
    assert_converged(a, b, c)
