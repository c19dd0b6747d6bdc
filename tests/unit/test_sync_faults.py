"""What a damaged, foreign, misplaced or vanishing file on the share does: a clear message, nothing lost,
nothing half-applied."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.models import Client
from app.sync.errors import ShareUnavailable, TransientShareError
from app.sync.round import SyncConfig
from app.sync.share import FolderShare

from .sync_helpers import Laptop, make_team, member_id


@pytest.fixture
def share_dir(tmp_path: Path) -> Path:
    d = tmp_path / "share"
    d.mkdir()
    return d


def _seg(share_dir: Path, lap: Laptop, seq: int) -> Path:
    found = list(share_dir.glob(f"*/d-{member_id(lap)}/s-{seq:010d}.seg"))
    assert len(found) == 1
    return found[0]


def _two(tmp_path: Path, share_dir: Path) -> tuple[Laptop, Laptop, FolderShare, str]:
    share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2)
    rid = a.add_client("Klient Ett")
    assert a.sync(share).pushed == 1
    return a, b, share, rid


@pytest.mark.parametrize(("damage", "says"), [
    (lambda d: d[: len(d) // 2], "truncated"),
    (lambda d: d[:40], "truncated"),
    (lambda d: b"", "empty file"),
    (lambda d: d[:-5] + bytes([d[-5] ^ 0x10]) + d[-4:], "authenticity"),
    (lambda d: d[:60] + bytes([d[60] ^ 0x01]) + d[61:], "damaged"),
    (lambda d: d[:10] + b"\x02" + d[11:], "newer Athena"),
    (lambda d: b"PK\x03\x04" + d, "not an Athena sync file"),
])
def test_damaged_segment_is_rejected_then_applied_once_repaired(tmp_path: Path, share_dir: Path, damage: object,
                                                                  says: str) -> None:
    a, b, share, _ = _two(tmp_path, share_dir)
    seg = _seg(share_dir, a, 1)
    good = seg.read_bytes()
    seg.write_bytes(damage(good))  # type: ignore[operator]
    before = b.diary()
    result = b.sync(share)
    assert any(says in p for p in result.problems), result.problems
    assert any("s-0000000001.seg" in p for p in result.problems)
    assert b.diary() == before and result.pulled == 0
    seg.write_bytes(good)
    assert b.sync(share).pulled == 1
    assert b.diary() == a.diary()


def test_replayed_renamed_and_duplicated_segments(tmp_path: Path, share_dir: Path) -> None:
    a, b, share, rid = _two(tmp_path, share_dir)
    a.edit(Client, rid, city="Umeå")
    a.sync(share)
    first = _seg(share_dir, a, 1)
    shutil.copy(first, first.with_name("s-0000000001 (copy).seg"))  # a user's copy: not a segment name
    shutil.copy(first, first.with_name("s-0000000003.seg"))  # an old segment replayed under a new number
    result = b.sync(share)
    assert result.pulled == 2 and b.diary() == a.diary()
    assert any("renamed or replayed" in p for p in result.problems)
    again = b.sync(share)
    assert again.pulled == 0 and b.diary() == a.diary()


def test_segment_moved_into_another_laptops_folder(tmp_path: Path, share_dir: Path) -> None:
    share = FolderShare(share_dir)
    a, b, c = make_team(tmp_path, 3)
    a.add_client("Klient")
    a.sync(share)
    c.sync(share)  # c's folder exists, empty of segments
    src = _seg(share_dir, a, 1)
    shutil.move(src, share_dir / src.parent.parent.name / f"d-{member_id(c)}" / src.name)
    result = b.sync(share)
    assert any("moved into another laptop's folder" in p for p in result.problems)
    assert "clients" not in b.diary()


def test_segment_from_another_team(tmp_path: Path, share_dir: Path) -> None:
    _, b, share, _ = _two(tmp_path, share_dir)
    other_share = tmp_path / "other"
    other_share.mkdir()
    (x,) = make_team(tmp_path / "x", 1)
    x.add_client("Främmande")
    x.sync(FolderShare(other_share))
    foreign = next(other_share.glob("*/d-*/s-0000000001.seg"))
    team_dir = next(share_dir.iterdir())
    intruder = team_dir / foreign.parent.name
    intruder.mkdir()
    shutil.copy(foreign, intruder / foreign.name)
    result = b.sync(share)
    assert any("another team" in p for p in result.problems)
    assert [c["name"] for c in b.diary()["clients"].values()] == ["Klient Ett"]


def test_an_empty_or_missing_share_stops_the_round(tmp_path: Path, share_dir: Path) -> None:
    a, b, share, rid = _two(tmp_path, share_dir)
    b.sync(share)
    a.edit(Client, rid, phone="123")
    before = a.diary()
    team_dir = next(share_dir.iterdir())
    shutil.rmtree(team_dir)  # emptied (or an unmounted drive showing an empty folder)
    result = a.sync(share)
    assert not result.ok and any("missing" in p for p in result.problems)
    assert a.diary() == before and result.waiting == 1
    assert a.store.integrity_check() == []
    gone = a.sync(FolderShare(tmp_path / "not-mounted"))
    assert not gone.ok and any("not found" in p for p in gone.problems)
    assert a.diary() == before


class VanishingShare(FolderShare):
    """A share that goes away after a number of operations (the laptop leaves the office network)."""

    def __init__(self, root: Path, ops: int) -> None:
        super().__init__(root)
        self.ops = ops

    def _tick(self) -> None:
        self.ops -= 1
        if self.ops < 0:
            raise ShareUnavailable("The share could not be read.")

    def list_dir(self, path: str) -> list[str] | None:
        self._tick()
        return super().list_dir(path)

    def read(self, path: str, max_bytes: int = 1 << 26) -> bytes:
        self._tick()
        return super().read(path, max_bytes)

    def write_temp(self, path: str, data: bytes) -> None:
        self._tick()
        super().write_temp(path, data)


@pytest.mark.parametrize("ops", range(0, 14))
def test_share_vanishing_mid_round_loses_nothing(tmp_path: Path, share_dir: Path, ops: int) -> None:
    a, b, share, _ = _two(tmp_path, share_dir)
    b.add_client("Klient Två")
    before = b.diary()
    result = b.sync(VanishingShare(share_dir, ops))
    after = b.diary()
    assert after == before or after == {"clients": {**before["clients"], **a.diary()["clients"]}}
    if not result.ok:
        assert any("share" in p for p in result.problems)
    for lap in (b, a, b):
        assert lap.sync(share).ok
    assert a.diary() == b.diary() and len(a.diary()["clients"]) == 2


class RefusingShare(FolderShare):
    """Renames refused with a sharing violation (an antivirus scanner holding the file) ``refusals`` times."""

    def __init__(self, root: Path, refusals: int) -> None:
        super().__init__(root)
        self.refusals = refusals
        self.retry_base_s = 0.001

    def rename_noreplace(self, src: str, dst: str) -> None:
        if self.refusals > 0:
            self.refusals -= 1
            raise TransientShareError("The share refused a rename; retrying.")
        super().rename_noreplace(src, dst)


def test_a_sharing_violation_is_retried(tmp_path: Path, share_dir: Path) -> None:
    a, b = make_team(tmp_path, 2)
    a.add_client("Klient")
    assert a.sync(RefusingShare(share_dir, 3)).pushed == 1
    assert b.sync(FolderShare(share_dir)).pulled == 1


def test_a_lasting_sharing_violation_keeps_the_change_for_later(tmp_path: Path, share_dir: Path) -> None:
    a, b = make_team(tmp_path, 2)
    a.add_client("Klient")
    result = a.sync(RefusingShare(share_dir, 100))
    assert not result.ok and result.pushed == 0 and result.waiting == 1
    assert any("refused" in p for p in result.problems)
    assert not list(share_dir.rglob(".tmp-*"))
    assert a.sync(FolderShare(share_dir)).pushed == 1
    assert b.sync(FolderShare(share_dir)).pulled == 1


def test_clocks_three_days_apart(tmp_path: Path, share_dir: Path) -> None:
    share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2)
    a.skew_ms = 3 * 86_400_000  # a's clock runs three days ahead
    rid = a.add_client("Klient", city="Ahead")
    a.sync(share)
    held = b.sync(share)
    assert held.held == 1 and any("future" in w for w in held.warnings)
    assert "clients" not in b.diary()
    own = b.add_client("Klient B")
    assert b.sync(share).pushed == 1
    assert a.sync(share).pulled == 1  # the laptop ahead takes the other's changes at once
    b.skew_ms = 3 * 86_400_000 - 60_000  # b's clock reaches a's (or a worker sets it right)
    assert b.sync(share).pulled == 1
    assert a.diary() == b.diary() and {rid, own} == set(a.diary()["clients"])
    wide = b.sync(share, SyncConfig(max_future_ms=7 * 86_400_000))
    assert wide.ok and wide.held == 0


def test_messages_are_in_swedish_and_name_no_client(tmp_path: Path, share_dir: Path) -> None:
    from app.sync.log import recent
    a, b, share, rid = _two(tmp_path, share_dir)
    seg = _seg(share_dir, a, 1)
    seg.write_bytes(seg.read_bytes()[:100])
    b.sync(share)
    with b.store.read(b.ident) as s:
        lines = recent(s)
    problem = next(line for line in lines if line.level == "problem")
    assert "avkortad" in problem.text("sv") and "truncated" in problem.text("en")
    assert all("Klient" not in line.text("en") and rid not in line.text("en") for line in lines)


class FullShare(FolderShare):
    """A share that is read-only or full: every write fails."""

    def write_temp(self, path: str, data: bytes) -> None:
        raise ShareUnavailable("Writing to the share failed (read-only or full?).")


def test_read_only_or_full_share_keeps_changes_waiting(tmp_path: Path, share_dir: Path) -> None:
    a, b, share, rid = _two(tmp_path, share_dir)
    a.edit(Client, rid, phone="1")
    before = a.diary()
    result = a.sync(FullShare(share_dir))
    assert not result.ok and any("read-only or full" in p for p in result.problems)
    assert result.waiting == 1 and a.diary() == before
    assert a.sync(share).pushed == 1
    assert b.sync(share).pulled == 2 and b.diary() == a.diary()
