"""What a damaged, foreign, misplaced or vanishing file on the share does: a clear message, nothing lost,
nothing half-applied."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.models import Client
from app.sync.errors import ShareUnavailable, TransientShareError
from app.sync.folder import FolderShare

from .sync_helpers import Laptop, assert_converged, make_team, member_id


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
    (lambda d: d[:-5] + bytes([d[-5] ^ 0x10]) + d[-4:], "not signed by the member"),
    (lambda d: d[:-70] + bytes([d[-70] ^ 0x10]) + d[-69:], "not signed by the member"),
    (lambda d: d[:60] + bytes([d[60] ^ 0x01]) + d[61:], "not signed by the member"),
    (lambda d: d[:10] + b"\x03" + d[11:], "newer Athena"),
    (lambda d: b"PK\x03\x04" + d, "not an Athena sync file"),
])
def test_damaged_segment_is_rejected_then_repaired_by_its_writer(tmp_path: Path, share_dir: Path, damage: object,
                                                                   says: str) -> None:
    a, b, share, _ = _two(tmp_path, share_dir)
    seg = _seg(share_dir, a, 1)
    good = seg.read_bytes()
    seg.write_bytes(damage(good))  # type: ignore[operator]
    before = b.diary()
    result = b.sync(share)
    assert any(says in p for p in result.problems), result.problems
    assert any("s-0000000001.seg" in p for p in result.problems)
    assert b.diary() == before and result.pulled == 0 and result.exit_code == 1
    fixed = a.sync(share)  # b's acknowledgement names the file it cannot apply: a moves it aside, sends it again
    assert fixed.ok and fixed.repaired == 1, fixed
    assert seg.read_bytes() == good
    assert any("quarantine-" in p.name for p in seg.parent.iterdir())
    assert b.sync(share).pulled == 1
    assert_converged(a, b)


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


def test_a_clock_days_ahead_stamps_nothing_until_it_is_right(tmp_path: Path, share_dir: Path) -> None:
    share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2)
    a.skew_ms = 3 * 86_400_000  # a's clock runs three days ahead of the file server's
    rid = a.add_client("Klient", city="Ahead")
    ahead = a.sync(share)
    assert ahead.clock_ahead_hours >= 71 and ahead.exit_code == 6 and ahead.pushed == 0 and ahead.waiting == 1
    assert any("ahead of the file server" in p for p in ahead.problems)
    own = b.add_client("Klient B")
    assert b.sync(share).pushed == 1
    assert a.sync(share).pulled == 1  # the laptop ahead still takes the others' changes
    a.skew_ms = 0  # the clock is set right
    fixed = a.sync(share)
    assert fixed.ok and fixed.pushed == 1 and fixed.exit_code == 0, fixed
    assert any("stamped again" in w for w in fixed.warnings)
    assert b.sync(share).pulled == 1 and b.sync(share).held == 0
    assert_converged(a, b)
    assert {rid, own} == set(a.diary()["clients"])
    b.edit(Client, rid, city="Later")  # a real later edit wins everywhere
    b.sync(share)
    a.sync(share)
    assert a.diary()["clients"][rid]["city"] == "Later"
    assert_converged(a, b)


class ClocklessShare(FolderShare):
    """A share whose server time cannot be read (so a wrong clock goes unnoticed until it is fixed)."""

    def mtime_ms(self, path: str) -> int | None:
        return None


def test_a_2099_clock_fixed_again_heals_everywhere(tmp_path: Path, share_dir: Path) -> None:
    from datetime import datetime
    share = ClocklessShare(share_dir)
    a, b, c = make_team(tmp_path, 3)
    rid = a.add_client("Klient", city="Start", phone="1")
    for lap in (a, b, c, a):
        lap.sync(share)
    a.skew_ms = int(datetime(2099, 1, 1).timestamp() * 1000) - int(datetime.now().timestamp() * 1000)
    a.edit(Client, rid, city="Från 2099")
    assert a.sync(share).pushed == 1  # shipped with 2099 stamps: nobody could tell
    held = b.sync(share)
    assert held.held == 1 and any("future" in w for w in held.warnings)
    c.sync(share)
    b.edit(Client, rid, phone="2")  # b goes on working meanwhile
    b.sync(share)
    a.skew_ms = 0  # the clock is fixed
    fixed = a.sync(share)
    assert fixed.ok and any("stamped again" in w for w in fixed.warnings), fixed
    for lap in (b, c, a, b, c):
        assert lap.sync(share).ok
    assert_converged(a, b, c)
    row = a.diary()["clients"][rid]
    assert row["city"] == "Från 2099" and row["phone"] == "2"  # nothing lost
    c.edit(Client, rid, city="Senare")  # a real later edit wins everywhere
    for lap in (c, a, b):
        lap.sync(share)
    assert_converged(a, b, c)
    assert b.diary()["clients"][rid]["city"] == "Senare"
    with a.store.read(a.ident) as s:
        from app.storage.changefeed import Clock
        last = Clock(s).last
        assert last is not None and last.wall_ms < datetime(2030, 1, 1).timestamp() * 1000


def test_a_snapshot_from_a_clock_in_the_future_is_not_used(tmp_path: Path, share_dir: Path) -> None:
    from app.sync import team as teams
    from app.sync.round import SyncConfig as Cfg

    from .sync_helpers import FAST
    share = ClocklessShare(share_dir)
    cfg = Cfg(snapshot_every=1)
    a, _ = make_team(tmp_path, 2)
    a.skew_ms = 30 * 86_400_000
    a.add_client("Framtid")
    a.sync(share, cfg)
    with a.store.write(a.ident) as s:
        data, code = teams.invite(s, teams.team_for(s), FAST)
    c = Laptop(tmp_path / "c", "c")
    with c.store.write(c.ident) as s:
        teams.join_team(s, data, code, "c")
    first = c.sync(share, cfg)
    assert any("snapshot on the share is stamped in the future" in w for w in first.warnings), first
    assert "clients" not in c.diary()


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


def test_the_newer_format_message_names_the_format(tmp_path: Path, share_dir: Path) -> None:
    from app.sync.log import recent
    a, b, share, _ = _two(tmp_path, share_dir)
    seg = _seg(share_dir, a, 1)
    data = seg.read_bytes()
    seg.write_bytes(data[:10] + b"\x07" + data[11:])
    result = b.sync(share)
    assert any("format 7" in p for p in result.problems) and not any("{" in p for p in result.problems)
    with b.store.read(b.ident) as s:
        line = next(ln for ln in recent(s) if ln.level == "problem")
    assert "format 7" in line.text("sv") and "{" not in line.text("sv")


def test_a_folder_vanishing_right_after_the_rename_is_no_crash(tmp_path: Path, share_dir: Path) -> None:
    class Vanishing(FolderShare):
        def rename_noreplace(self, src: str, dst: str) -> None:
            super().rename_noreplace(src, dst)
            shutil.rmtree(self._p(dst).parent)

    a, b = make_team(tmp_path, 2)
    a.add_client("Klient")
    result = a.sync(Vanishing(share_dir))
    assert not result.ok and result.problems  # a message, not an exception
    assert a.sync(FolderShare(share_dir)).ok
    assert b.sync(FolderShare(share_dir)).ok and b.sync(FolderShare(share_dir)).ok
    assert_converged(a, b)
