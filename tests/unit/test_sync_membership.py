"""Membership chains to the team: a new member's card counts only with an admission countersigned by a member
the reader trusts (back to the founder); a forged card, or one countersigned by a member after its removal, is
refused with a message naming the file; removal records only from members."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import SyncMember, SyncOutbox
from app.sync import container, crypto, files
from app.sync import team as teams
from app.sync.errors import TeamError
from app.sync.folder import FolderShare
from app.sync.log import LogLine

from .sync_helpers import FAST, Laptop, assert_converged, make_team, member_id


@pytest.fixture
def share_dir(tmp_path: Path) -> Path:
    d = tmp_path / "share"
    d.mkdir()
    return d


def _team_dir(share_dir: Path) -> Path:
    (d,) = [p for p in share_dir.iterdir() if p.is_dir()]
    return d


def _members(lap: Laptop) -> dict[str, SyncMember]:
    with lap.store.read(lap.ident) as s:
        rows = list(s.scalars(select(SyncMember)))
        for r in rows:
            s.expunge(r)
        return {r.member_id: r for r in rows}


def _fake_card(lap: Laptop, admission: dict[str, object] | None) -> tuple[str, bytes, bytes]:
    """What a team member with a modified Athena could write: a card for a made-up member, sealed with the
    team key it holds and self-signed by the made-up member's key."""
    fake = secrets.token_hex(8)
    sign_priv, verify = crypto.new_signing_keys()
    _, public = crypto.new_box_keys()
    with lap.store.read(lap.ident) as s:
        team = teams.team_for(s)
        key, team_id, epoch = teams.epoch_keys(s, team.team_id)[team.epoch], team.team_id, team.epoch
    payload: dict[str, object] = {"member": fake, "label": "Falsk", "public": files.b64(public),
                                  "verify": files.b64(verify), "device": secrets.token_hex(8)}
    if admission is not None:
        payload["admission"] = admission
    header = {"team": team_id, "member": fake, "epoch": epoch, "number": epoch}
    return fake, container.encode("card", header, payload, key, sign_priv), sign_priv


def test_a_forged_card_is_refused_with_its_file_named(tmp_path: Path, share_dir: Path) -> None:
    share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2)
    for lap in (a, b, a):
        assert lap.sync(share).ok
    # 1. self-signed only (what protocol 2.0 accepted); 2. an admission claiming A, signed with B's key.
    fake1, card1, _ = _fake_card(b, None)
    with b.store.read(b.ident) as s:
        team = teams.team_for(s)
        _, adm_pub = crypto.new_signing_keys()
        cert = crypto.sign(team.signing_key, teams._cert_bytes(team.team_id, files.b64(adm_pub), member_id(a), 1))
    fake2, card2, fake2_key = _fake_card(b, {"by": member_id(a), "key": files.b64(adm_pub), "epoch": 1,
                                            "cert": files.b64(cert), "sig": files.b64(b"x" * 64)})
    for fake, card in ((fake1, card1), (fake2, card2)):
        folder = _team_dir(share_dir) / f"d-{fake}"
        folder.mkdir()
        (folder / "c-0001.crd").write_bytes(card)
    # The second fake member also "removes" A: a removal record from a non-member.
    body = {"team": team.team_id, "epoch": 2, "by": fake2, "removed": [member_id(a)], "last": {},
            "wraps": {}}
    (_team_dir(share_dir) / f"d-{fake2}" / "k-0002.key").write_bytes(files.encode_key_file(body, fake2_key))
    got = a.sync(share)
    assert not got.ok and got.exit_code == 1
    refused = [p for p in got.problems if "c-0001.crd" in p]
    assert any(f"d-{fake1}" in p and "not countersigned" in p for p in refused), got.problems
    assert any(f"d-{fake2}" in p and "not countersigned" in p for p in refused), got.problems
    assert any("not signed by a current member" in p for p in got.problems)
    sv = LogLine("problem", "The member card {file} in folder {folder} was refused: {reason}",
                 {"file": "c-0001.crd", "folder": f"d-{fake1}", "reason": teams.NOT_COUNTERSIGNED}).text("sv")
    assert "c-0001.crd" in sv and "medlemskort" in sv.lower() and "refused" not in sv
    for lap in (a, b):
        lap.sync(share)
        members = _members(lap)
        assert fake1 not in members and fake2 not in members
        assert not members[member_id(a)].removed  # the non-member's removal record was ignored
    with a.store.read(a.ident) as s:
        assert teams.team_for(s).epoch == 1 and not teams.team_for(s).removed
    assert_converged(a, b)


def test_a_card_countersigned_by_a_removed_member_is_refused(tmp_path: Path, share_dir: Path) -> None:
    share = FolderShare(share_dir)
    a, b, r = make_team(tmp_path, 3)
    for lap in (a, b, r, a, b):
        assert lap.sync(share).ok
    with a.store.write(a.ident) as s:
        teams.remove_member(s, teams.team_for(s), member_id(r))
    for lap in (a, b):
        assert lap.sync(share).ok
    with r.store.write(r.ident) as s:  # R has not synced since: it still believes it is a member
        data, code = teams.invite(s, teams.team_for(s), FAST)
    f = Laptop(tmp_path / "f", "worker-f")
    with f.store.write(f.ident) as s:
        teams.join_team(s, data, code, "worker-f")
        row = s.scalar(select(SyncOutbox).where(SyncOutbox.name == files.card_name(1)))
        assert row is not None
        card = row.data
    (_team_dir(share_dir) / f"d-{member_id(f)}").mkdir()  # a modified Athena ignores its own removal
    (_team_dir(share_dir) / f"d-{member_id(f)}" / "c-0001.crd").write_bytes(card)
    for lap in (a, b):
        got = lap.sync(share)
        assert any("c-0001.crd" in p and "had been removed from the team" in p and member_id(r) in p
                   for p in got.problems), got.problems
        assert member_id(f) not in _members(lap)
    told = f.sync(share)
    assert told.removed and told.exit_code == 5  # it has no key of the new epoch
    assert_converged(a, b)


def test_a_member_admitted_before_its_admitter_was_removed_stays(tmp_path: Path, share_dir: Path) -> None:
    """A invites D; D joins; B removes A before C has seen D. D holds the new epoch's key (B wrapped it for
    D), so its new card counts on C although A, who admitted it, is gone."""
    share = FolderShare(share_dir)
    a, b, c = make_team(tmp_path, 3)
    for lap in (a, b, c, a, b, c):
        assert lap.sync(share).ok
    with a.store.write(a.ident) as s:
        data, code = teams.invite(s, teams.team_for(s), FAST)
    d = Laptop(tmp_path / "d", "worker-d")
    with d.store.write(d.ident) as s:
        teams.join_team(s, data, code, "worker-d")
    rid = d.add_client("Från D")
    assert d.sync(share).ok
    assert b.sync(share).ok
    with b.store.write(b.ident) as s:
        teams.remove_member(s, teams.team_for(s), member_id(a))
    assert b.sync(share).ok
    assert d.sync(share).ok  # takes the new key, uploads its card of epoch 2
    got = c.sync(share)
    assert got.ok, got.problems
    assert member_id(d) in _members(c) and rid in c.diary()["clients"]
    for lap in (b, c, d, b, c, d):
        assert lap.sync(share).ok
    assert_converged(b, c, d)


def test_a_legitimate_join_chains_back_to_the_founder(tmp_path: Path, share_dir: Path) -> None:
    share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2)
    for lap in (a, b, a):
        assert lap.sync(share).ok
    with b.store.write(b.ident) as s:  # invited by a member who is not the founder
        data, code = teams.invite(s, teams.team_for(s), FAST)
    c = Laptop(tmp_path / "c", "worker-c")
    with c.store.write(c.ident) as s:
        teams.join_team(s, data, code, "worker-c")
    rid = c.add_client("Från C")
    for lap in (c, a, b, c, a, b):
        got = lap.sync(share)
        assert got.ok, got.problems
    for lap in (a, b, c):
        members = _members(lap)
        adm_c = members[member_id(c)].admission
        adm_b = members[member_id(b)].admission
        adm_a = members[member_id(a)].admission
        assert adm_c is not None and adm_c["by"] == member_id(b)
        assert adm_b is not None and adm_b["by"] == member_id(a)
        assert adm_a is not None and adm_a["by"] == member_id(a)  # the founder admits itself
        assert rid in lap.diary()["clients"]
    assert_converged(a, b, c)
    # A new laptop checks the whole chain in its invitation: altered, it is refused.
    with c.store.write(c.ident) as s:
        data, code = teams.invite(s, teams.team_for(s), FAST)
    inv = teams.read_invite(data, code)
    for m in inv["members"]:
        if m["member"] == member_id(b):
            m["admission"] = {**m["admission"], "by": member_id(c)}
    e = Laptop(tmp_path / "e", "worker-e")
    with pytest.raises(TeamError, match="does not come from a member"), e.store.write(e.ident) as s:
        teams._checked_invitation(inv, inv["team"])
    old = {k: v for k, v in teams.read_invite(data, code).items() if k != "admit"}
    with pytest.raises(TeamError, match="older Athena"), e.store.write(e.ident) as s:
        teams._checked_invitation(old, old["team"])


def test_a_protocol_2_0_team_is_upgraded_in_place(tmp_path: Path, share_dir: Path) -> None:
    """Members known before admissions existed (migration 1300 leaves their admission empty) stay known and
    keep syncing; a laptop invited afterwards is admitted and known everywhere; an invitation of the older
    Athena (no admission key) is refused at join with a clear message."""
    share = FolderShare(share_dir)
    a, b, c = make_team(tmp_path, 3)
    for lap in (a, b, c, a, b, c):
        assert lap.sync(share).ok
    for lap in (a, b, c):  # as the diaries of a protocol-2.0 team look after the upgrade
        with lap.store.write(lap.ident) as s:
            for m in s.scalars(select(SyncMember)):
                m.admission = None
    rid = c.add_client("Efter uppgraderingen")
    for lap in (c, a, b):
        got = lap.sync(share)
        assert got.ok, got.problems
    with b.store.write(b.ident) as s:
        data, code = teams.invite(s, teams.team_for(s), FAST)
    d = Laptop(tmp_path / "d", "worker-d")
    with d.store.write(d.ident) as s:
        teams.join_team(s, data, code, "worker-d")
    for lap in (d, a, b, c, d):
        got = lap.sync(share)
        assert got.ok, got.problems
    for lap in (a, b, c, d):
        assert member_id(d) in _members(lap) and rid in lap.diary()["clients"]
    assert_converged(a, b, c, d)
    with b.store.write(b.ident) as s:
        data, code = teams.invite(s, teams.team_for(s), FAST)
    inv = teams.read_invite(data, code)
    del inv["admit"]
    e = Laptop(tmp_path / "e", "worker-e")
    with pytest.raises(TeamError, match="older Athena"), e.store.write(e.ident) as s:
        teams._checked_invitation(inv, inv["team"])


def test_a_member_the_remover_did_not_know_is_out_on_every_laptop(tmp_path: Path, share_dir: Path) -> None:
    """A invites D; D writes and syncs; A applies it. B, which has not seen D, removes C: its removal record
    wraps the new key for A and B only, so D is out (it finds no key for itself). A marks D removed when it
    reads the record, B takes D's card as a removed member's: both apply what D sent (A acknowledged it) and
    agree on who is in the team."""
    share = FolderShare(share_dir)
    a, b, c = make_team(tmp_path, 3)
    for lap in (a, b, c, a, b, c):
        assert lap.sync(share).ok
    with a.store.write(a.ident) as s:
        data, code = teams.invite(s, teams.team_for(s), FAST)
    d = Laptop(tmp_path / "d", "worker-d")
    with d.store.write(d.ident) as s:
        teams.join_team(s, data, code, "worker-d")
    rid = d.add_client("Från D")
    assert d.sync(share).ok
    assert a.sync(share).ok and rid in a.diary()["clients"]
    with b.store.write(b.ident) as s:
        teams.remove_member(s, teams.team_for(s), member_id(c))
    for lap in (b, a, b, a):
        got = lap.sync(share)
        assert got.ok, got.problems
    assert d.sync(share).exit_code == 5
    membership = [{m: row.removed for m, row in _members(lap).items()} for lap in (a, b)]
    assert membership[0] == membership[1] and membership[0][member_id(d)] is True
    assert rid in b.diary()["clients"]
    assert_converged(a, b)
