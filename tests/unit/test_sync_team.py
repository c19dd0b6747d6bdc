from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Client, SyncEpochKey, SyncMember
from app.sync import team as teams
from app.sync.errors import Rejected, TeamError
from app.sync.folder import FolderShare
from app.sync.round import SyncConfig

from .sync_helpers import FAST, Laptop, make_team, member_id, share_files


@pytest.fixture
def share(tmp_path: Path) -> FolderShare:
    (tmp_path / "share").mkdir()
    return FolderShare(tmp_path / "share")


def test_invitation_needs_the_right_code(tmp_path: Path) -> None:
    (a,) = make_team(tmp_path, 1)
    with a.store.write(a.ident) as s:
        data, code = teams.invite(s, teams.team_for(s), FAST)
    assert len(code) == 24 and code.count("-") == 4
    assert b"Kvinnost" not in data  # the team name and keys are sealed
    b = Laptop(tmp_path / "b", "b")
    with pytest.raises(Rejected, match="code is wrong"), b.store.write(b.ident) as s:
        teams.join_team(s, data, "AAAA-BBBB-CCCC-DDDD-EEEE", "b")
    with b.store.write(b.ident) as s:
        info = teams.join_team(s, data, code.lower().replace("-", " "), "b")
    assert info.compartment == "women" and info.members == 2
    with pytest.raises(TeamError), b.store.write(b.ident) as s:
        teams.join_team(s, data, code, "b")


def test_men_and_women_teams_are_separate(tmp_path: Path, share: FolderShare) -> None:
    (a,) = make_team(tmp_path / "w", 1, "women")
    men = make_team(tmp_path / "m", 2, "men")
    from app.models import MenClient
    with men[0].store.write(men[0].ident) as s:
        s.add(MenClient(name="Per"))
    a.add_client("Kvinna")
    for lap in (a, men[0], men[1], a):
        assert lap.sync(share).ok
    assert "men_clients" not in a.diary() and "clients" not in men[1].diary()
    assert len(men[1].diary()["men_clients"]) == 1
    assert len(list(share.root.iterdir())) == 2  # one folder per team, each sealed with its own key


def test_removed_member_cannot_read_later_data(tmp_path: Path, share: FolderShare) -> None:
    a, b, lost = make_team(tmp_path, 3)
    for lap in (a, b, lost, a, b):
        lap.sync(share)
    with a.store.write(a.ident) as s:
        info = teams.remove_member(s, teams.team_for(s), member_id(lost))
    assert info.epoch == 2 and info.members == 2
    rid = a.add_client("Efter borttagning")
    assert a.sync(share).ok
    got = b.sync(share)
    assert got.ok and rid in b.diary()["clients"]
    with b.store.read(b.ident) as s:
        assert {k.epoch for k in s.scalars(select(SyncEpochKey))} == {1, 2}
        removed = s.get(SyncMember, (teams.team_for(s).team_id, member_id(lost)))
        assert removed is not None and removed.removed
    result = lost.sync(share)
    assert "clients" not in lost.diary() or rid not in lost.diary()["clients"]
    assert any("removed from the team" in p for p in result.problems)
    assert result.removed and result.exit_code == 5
    b.edit(Client, rid, city="Visby")  # b now seals with epoch 2 as well
    b.sync(share)
    assert a.sync(share).pulled == 1


def test_new_laptop_starts_from_a_snapshot_and_old_segments_are_compacted(
        tmp_path: Path, share: FolderShare, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.sync import snapshot
    monkeypatch.setattr(snapshot, "PART_STATES", 2)  # several parts per snapshot
    cfg = SyncConfig(snapshot_every=3)
    a, b = make_team(tmp_path, 2)
    rid = a.add_client("Klient", phone="0")
    for k in range(4):
        a.add_client(f"Fler {k}")
    for i in range(1, 8):
        a.edit(Client, rid, phone=str(i))
        a.sync(share, cfg)
        b.sync(share, cfg)
    mine = [n for n in share_files(share.root) if f"d-{member_id(a)}/s-" in n]
    assert len(mine) < 8, mine  # compacted
    assert any(f"d-{member_id(a)}/p-" in n and "-0003of0003.snp" in n for n in share_files(share.root))
    with a.store.write(a.ident) as s:
        data, code = teams.invite(s, teams.team_for(s), FAST)
    c = Laptop(tmp_path / "c", "c")
    with c.store.write(c.ident) as s:
        teams.join_team(s, data, code, "c")
    first = c.sync(share, cfg)
    assert first.ok, first.problems
    assert c.diary() == a.diary() == b.diary()
    from app.sync.log import recent
    with c.store.read(c.ident) as s:
        assert any(line.message.startswith("Started from a snapshot") for line in recent(s))


def test_laptop_invited_after_a_removal_is_known_to_everyone(tmp_path: Path, share: FolderShare) -> None:
    a, b, lost = make_team(tmp_path, 3)
    for lap in (a, b, lost, a):
        lap.sync(share)
    with a.store.write(a.ident) as s:
        teams.remove_member(s, teams.team_for(s), member_id(lost))
        data, code = teams.invite(s, teams.team_for(s), FAST)
    a.sync(share)
    d = Laptop(tmp_path / "d", "d")
    with d.store.write(d.ident) as s:
        teams.join_team(s, data, code, "d")
    rid = d.add_client("Från nya datorn")
    assert d.sync(share).ok
    got = b.sync(share)  # b needs a's new key to read d's card, and d's segment
    assert got.ok, got.problems
    assert rid in b.diary()["clients"]
    with b.store.read(b.ident) as s:
        assert s.get(SyncMember, (teams.team_for(s).team_id, member_id(d))) is not None
