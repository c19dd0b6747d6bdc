"""After a purge no file on the share holds the purged client, decrypted with the team key: the purging
laptop rewrites its own older segments and removes its older snapshots, and so does every laptop that applies
the tombstones (each scrubs its own folder). A laptop that had not yet read a rewritten segment reads it like
any other; every laptop ends identical."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.models import SyncTeam
from app.services.clients import entries
from app.services.clients.entries import EntryInput
from app.services.retention import purge, scrub
from app.sync import container, crypto, files
from app.sync import team as teams
from app.sync.folder import FolderShare
from app.sync.round import SyncConfig
from app.sync.share import Share
from tests.unit.sync_helpers import assert_converged, make_team, member_id
from tests.unit.test_retention_no_trace import GONE, KEPT, _diary, _fill, _traces

CFG = SyncConfig(snapshot_every=1)  # a snapshot after every own segment: old snapshots hold her too


def decrypted_share(root: Path, keys: dict[int, bytes]) -> dict[str, bytes]:
    """Every file on the share, sealed ones opened with the team's keys (names included)."""
    out: dict[str, bytes] = {}
    for p in sorted(root.rglob("*")):
        if not p.is_file():
            continue
        data = p.read_bytes()
        if data.startswith(container.MAGIC):
            _kind, header, aad, sealed = container.read_header(data)
            data = container.inflate(crypto.open_sealed(keys[int(header["epoch"])], sealed, aad))
        out[str(p.relative_to(root))] = data + p.name.encode()
    return out


def test_no_file_on_the_share_holds_the_purged_client(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    purge_case(tmp_path, FolderShare(root), root)


def purge_case(tmp_path: Path, share: Share, root: Path) -> None:
    """``root``: the folder that holds the share's files (read directly, to decrypt everything)."""
    a, b, c = make_team(tmp_path, 3)
    try:
        da, db = _diary(a), _diary(b)
        gone, _kept = _fill(da)
        for lap in (a, b, c, a):
            assert lap.sync(share, CFG).ok
        # B writes about her too: her data is in B's segments and in B's snapshot.
        entries.add_entry(db, gone, EntryInput(text=f"Samtal hos B. {GONE[3]}", kinds=["support_talk"],
                                               event_on=date(2026, 3, 1)), sign=True)
        for lap in (b, a, b):
            assert lap.sync(share, CFG).ok
        with da.read() as s:
            t = teams.team_for(s, "women")
            keys, team_id = teams.epoch_keys(s, t.team_id), t.team_id
        folder_a = root / team_id / files.member_folder(member_id(a))
        # An old copy of A's first segment moved aside in A's folder (as self-repair does with a damaged file).
        seg1 = folder_a / files.seg_name(1)
        (folder_a / f"{files.QUARANTINE_PREFIX}20261201T000000-abc123-{seg1.name}").write_bytes(seg1.read_bytes())
        before = decrypted_share(root, keys)
        assert any(_traces(v) for k, v in before.items() if f"d-{member_id(a)}" in k)  # the check bites
        assert any(_traces(v) for k, v in before.items() if f"d-{member_id(b)}" in k)

        pv = purge.preview(da)
        assert [x.client_id for x in pv.purge] == [gone]
        purge.run(da, pv.token)
        first = a.sync(share, CFG)
        assert first.ok, first.problems
        got = b.sync(share, CFG)
        assert got.ok, got.problems
        assert scrub.after_sync(db) > 0
        for lap in (a, b, a, b):
            assert lap.sync(share, CFG).ok
        after = decrypted_share(root, keys)
        leaks = {k: _traces(v) for k, v in after.items() if _traces(v)}
        assert leaks == {}, leaks
        with da.read() as s:
            team_a = s.get(SyncTeam, team_id)
            assert team_a is not None and not team_a.scrub_pending
        assert any(KEPT.encode() in v for v in after.values())  # what was kept is still readable
        # C was offline throughout: it reads the rewritten segments like any others, and the tombstones.
        late = c.sync(share, CFG)
        assert late.ok and not late.warnings, (late.problems, late.warnings)
        for lap in (a, b, c, a, b, c):
            assert lap.sync(share, CFG).ok
        assert gone not in c.diary().get("clients", {})
        assert_converged(a, b, c)
        assert {k: _traces(v) for k, v in decrypted_share(root, keys).items() if _traces(v)} == {}
    finally:
        for lap in (a, b, c):
            lap.close()
