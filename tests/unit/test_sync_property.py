"""Convergence: laptops edit, delete and go offline with wrong clocks; after a full round all agree and no
value was dropped unless a worker overwrote or deleted it while seeing it."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as hs
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from app.models import Client
from app.services.sync import conflicts
from app.sync import team as teams
from app.sync.folder import FolderShare
from app.sync.round import SyncConfig

from .sync_helpers import Laptop, PartialShare, assert_converged, make_team, member_id

FIELDS = ("phone", "email", "city")
DAY_MS = 86_400_000
CONFIG = SyncConfig(max_future_ms=30 * DAY_MS, snapshot_every=6)


class TeamSync(RuleBasedStateMachine):
    laptops: list[Laptop]

    @initialize(n=hs.integers(3, 5))
    def start(self, n: int) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="athena-prop-"))
        (self.tmp / "share").mkdir()
        self.share = FolderShare(self.tmp / "share")
        self.laptops = make_team(self.tmp, n)
        self.members = [member_id(lap) for lap in self.laptops]
        self.offline: set[int] = set()
        self.counter = 0
        self.records: list[str] = []
        self.written: dict[tuple[str, str], set[str]] = {}
        self.overwritten: set[tuple[str, str, str]] = set()  # (record, field, value) seen and replaced
        self.deleted_seen: dict[str, set[tuple[str, str]]] = {}  # record -> values the deleter saw
        self.kept: set[str] = set()  # records a worker chose to keep after a racing deletion
        self.removed: set[int] = set()  # laptops removed from the team
        self.exempt: set[tuple[str, str, str]] = set()  # values a removed laptop wrote after its removal
        # What the laptop-to-be-removed wrote before its removal reaches the team only if some current member
        # applied it before seeing the removal: either way, every laptop must end the same.
        self.by: dict[tuple[str, str, str], int] = {}
        self.uncertain: set[tuple[str, str, str]] = set()
        self.deleted_by: dict[str, set[int]] = {}
        self.uncertain_deletes: set[str] = set()
        self.faults = 0
        for i in range(2):
            self._create(0, f"Klient {i}")
        for lap in self.laptops + self.laptops:
            lap.sync(self.share, CONFIG)

    def _value(self) -> str:
        self.counter += 1
        return f"v{self.counter}"

    def _create(self, who: int, name: str) -> None:
        if who in self.removed:
            who = 0
        values = {f: self._value() for f in FIELDS}
        rid = self.laptops[who].add_client(name, **values)
        self.records.append(rid)
        for f, v in values.items():
            self.written.setdefault((rid, f), set()).add(v)
            self.by[(rid, f, v)] = who

    @precondition(lambda self: len(self.records) < 4)
    @rule(who=hs.integers(0, 4))
    def create(self, who: int) -> None:
        self._create(who % len(self.laptops), f"Klient {self.counter}")

    @precondition(lambda self: bool(self.records))
    @rule(who=hs.integers(0, 4), rec=hs.integers(0, 50), field=hs.sampled_from(FIELDS))
    def edit(self, who: int, rec: int, field: str) -> None:
        lap = self.laptops[who % len(self.laptops)]
        rid = self.records[rec % len(self.records)]
        before = lap.diary("clients").get("clients", {}).get(rid)
        value = self._value()
        if lap.edit(Client, rid, **{field: value}):
            assert before is not None
            if who % len(self.laptops) in self.removed:
                self.exempt.add((rid, field, value))  # never reaches the team: refused everywhere
                return
            self.overwritten.add((rid, field, before[field]))
            self.written.setdefault((rid, field), set()).add(value)
            self.by[(rid, field, value)] = who % len(self.laptops)

    @precondition(lambda self: bool(self.records))
    @rule(first=hs.integers(0, 4), second=hs.integers(0, 4), rec=hs.integers(0, 50),
          field=hs.sampled_from(FIELDS))
    def concurrent_edits(self, first: int, second: int, rec: int, field: str) -> None:
        # Two laptops change the same field before either syncs: the textbook "2 versions".
        self.edit(first, rec, field)
        self.edit(second, rec, field)

    @rule()
    def everyone_syncs(self) -> None:
        for i, lap in enumerate(self.laptops):
            if i not in self.offline:
                self._checked(i, lap.sync(self.share, CONFIG))

    def _checked(self, i: int, summary: Any) -> None:
        if i in self.removed:  # told plainly once it has seen the removal; before, what it sends is refused
            assert not summary.removed or (summary.exit_code == 5 and summary.pushed == 0)
        elif not self.faults:
            assert summary.ok, summary.problems

    @precondition(lambda self: len(self.laptops) >= 3 and not self.removed)
    @rule(data=hs.data())
    def remove_a_laptop(self, data: Any) -> None:
        # At any moment: the lost laptop's newest files may have reached some laptops and not the remover.
        lost = data.draw(hs.integers(1, len(self.laptops) - 1))
        remover = data.draw(hs.sampled_from([i for i in range(len(self.laptops)) if i != lost]))
        if data.draw(hs.booleans()):
            for i in (lost, remover):
                self.offline.discard(i)
                self.laptops[i].sync(self.share, CONFIG)
        with self.laptops[remover].store.write(self.laptops[remover].ident) as s:
            teams.remove_member(s, teams.team_for(s), self.members[lost])
        self.removed.add(lost)
        self.uncertain |= {k for k, who in self.by.items() if who == lost}
        self.uncertain_deletes |= {rid for rid, who in self.deleted_by.items() if lost in who}

    @precondition(lambda self: bool(self.records))
    @rule(who=hs.integers(0, 4), pick=hs.integers(0, 50),
          how=hs.sampled_from(["delete", "truncate", "rename", "move", "squat", "copy-snapshot"]))
    def damage_a_file(self, who: int, pick: int, how: str) -> None:
        """An unlucky IT department: one of a laptop's files on the share deleted, cut short, renamed,
        moved into another laptop's folder, or another laptop's file copied into its folder."""
        i = who % len(self.laptops)
        if i in self.removed:  # a removed laptop repairs nothing any more
            return
        team_dir = next(p for p in (self.tmp / "share").iterdir() if p.is_dir())
        mine = team_dir / f"d-{self.members[i]}"
        other = team_dir / f"d-{self.members[(i + 1) % len(self.members)]}"
        segs = sorted(mine.glob("s-*.seg")) if mine.exists() else []
        if not segs or not other.exists():
            return
        seg = segs[pick % len(segs)]
        self.faults += 1
        if how == "delete":
            seg.unlink()
        elif how == "truncate":
            seg.write_bytes(seg.read_bytes()[: len(seg.read_bytes()) // 2])
        elif how == "rename":
            seg.rename(seg.with_name(seg.stem + " (kopia).seg"))
        elif how == "move":
            shutil.move(seg, other / f"s-{9_000_000 + pick:010d}.seg")
        elif how == "squat":  # a stale copy at another laptop's next file name
            nxt = max((int(p.name[2:12]) for p in other.glob("s-*.seg")), default=0) + 1
            shutil.copy(seg, other / f"s-{nxt:010d}.seg")
        else:
            snaps = sorted(mine.glob("p-*.snp"))
            if snaps:
                shutil.copy(snaps[-1], other / snaps[-1].name)

    @precondition(lambda self: bool(self.records))
    @rule(who=hs.integers(0, 4), rec=hs.integers(0, 50))
    def delete(self, who: int, rec: int) -> None:
        lap = self.laptops[who % len(self.laptops)]
        rid = self.records[rec % len(self.records)]
        if who % len(self.laptops) in self.removed:
            lap.delete(Client, rid)  # stays on that laptop: never reaches the team
            return
        before = lap.diary("clients").get("clients", {}).get(rid)
        kept = {(f, v) for (e, i, f), vs in lap.conflicts().items() if i == rid for v in vs}
        if lap.delete(Client, rid):
            assert before is not None
            seen = self.deleted_seen.setdefault(rid, set())
            seen.update((f, before[f]) for f in FIELDS)
            seen.update(kept)
            self.deleted_by.setdefault(rid, set()).add(who % len(self.laptops))

    @rule(who=hs.integers(0, 4), pick=hs.integers(0, 20), choice=hs.integers(0, 3))
    def resolve(self, who: int, pick: int, choice: int) -> None:
        lap = self.laptops[who % len(self.laptops)]
        found = sorted(lap.conflicts().items())
        if not found or who % len(self.laptops) in self.removed:
            return
        (entity, rid, field), values = found[pick % len(found)]
        if field == "_deleted":
            keep = choice % 2 == 0
            if not keep:
                before = lap.diary("clients")["clients"][rid]
                seen = self.deleted_seen.setdefault(rid, set())
                seen.update((f, before[f]) for f in FIELDS)
                seen.update((f, v) for (e, i, f), vs in lap.conflicts().items() if i == rid for v in vs)
            else:
                self.kept.add(rid)
            conflicts.resolve_deletion(lap.worker(), entity, rid, keep=keep)
            return
        chosen = choice % len(values)
        self.overwritten.update((rid, field, v) for i, v in enumerate(values) if i != chosen)
        conflicts.resolve(lap.worker(), entity, rid, field, chosen)

    @rule(who=hs.integers(0, 4), offline=hs.booleans())
    def go_offline(self, who: int, offline: bool) -> None:
        (self.offline.add if offline else self.offline.discard)(who % len(self.laptops))

    @rule(who=hs.integers(0, 4), skew=hs.integers(-3 * DAY_MS, 3 * DAY_MS))
    def wrong_clock(self, who: int, skew: int) -> None:
        self.laptops[who % len(self.laptops)].skew_ms = skew

    @rule(who=hs.integers(0, 4), hidden=hs.sets(hs.integers(0, 4), max_size=3))
    def sync(self, who: int, hidden: set[int]) -> None:
        i = who % len(self.laptops)
        if i in self.offline:
            return
        hide = {self.members[h % len(self.members)] for h in hidden} - {self.members[i]}
        view = PartialShare(self.share, hide)
        summary = self.laptops[i].sync(view, CONFIG)
        self._checked(i, summary)

    @invariant()
    def local_diary_sound(self) -> None:
        # Every laptop's diary always holds a value for each field of each record it has.
        for lap in getattr(self, "laptops", []):
            for row in lap.diary("clients").get("clients", {}).values():
                assert all(row[f] for f in FIELDS)

    def teardown(self) -> None:
        if not hasattr(self, "laptops"):
            return
        try:
            self.offline.clear()
            for _ in range(3):  # ordinary rounds repair whatever was damaged
                for lap in self.laptops:
                    lap.sync(self.share, CONFIG)
            self.faults = 0
            for _ in range(2):
                for i, lap in enumerate(self.laptops):
                    self._checked(i, lap.sync(self.share, CONFIG))
            for i in self.removed:
                assert self.laptops[i].sync(self.share, CONFIG).removed
            self._check()
            self._resolve_everything()
        finally:
            for lap in self.laptops:
                lap.close()
            shutil.rmtree(self.tmp, ignore_errors=True)

    def _team(self) -> list[Laptop]:
        return [lap for i, lap in enumerate(self.laptops) if i not in self.removed]

    def _resolve_everything(self) -> None:
        """A worker resolves every "2 versions" on one laptop; afterwards no laptop shows any."""
        lap = self._team()[-1]
        chosen: dict[tuple[str, str], Any] = {}
        for (entity, rid, field), values in sorted(lap.conflicts().items()):
            if field == "_deleted":
                conflicts.resolve_deletion(lap.worker(), entity, rid, keep=True)
            else:
                conflicts.resolve(lap.worker(), entity, rid, field, len(values) - 1)
                chosen[(rid, field)] = values[-1]
        for _ in range(2):
            for other in self._team():
                assert other.sync(self.share, CONFIG).ok
        diaries = [other.diary("clients") for other in self._team()]
        assert all(d == diaries[0] for d in diaries)
        assert all(other.conflicts() == {} for other in self._team())
        assert_converged(*self._team())
        for (rid, field), value in chosen.items():
            assert diaries[0]["clients"][rid][field] == value

    def _check(self) -> None:
        assert_converged(*self._team())  # content, who changed each record and from where, kept versions
        diaries = [lap.diary() for lap in self._team()]
        conflicts = [lap.conflicts() for lap in self._team()]
        for d, c in zip(diaries[1:], conflicts[1:], strict=True):
            assert d == diaries[0]
            assert c == conflicts[0]
        clients: dict[str, Any] = diaries[0].get("clients", {})
        for (rid, field), values in self.written.items():
            row = clients.get(rid)
            for v in values:
                if (rid, field, v) in self.exempt or (rid, field, v) in self.uncertain:
                    continue
                if row is None:
                    assert ((field, v) in self.deleted_seen.get(rid, set())
                            or (rid, field, v) in self.overwritten), (rid, field, v)
                    continue
                kept = conflicts[0].get(("clients", rid, field), [])
                if row is not None:
                    assert (rid, field, row[field]) not in self.exempt  # nothing from after a removal
                assert v == row[field] or v in kept or (rid, field, v) in self.overwritten, (rid, field, v)
        for rid in self.deleted_seen:
            if rid in clients and rid not in self.kept and rid not in self.uncertain_deletes:
                assert ("clients", rid, "_deleted") in conflicts[0]


TeamSync.TestCase.settings = settings(max_examples=25, stateful_step_count=16, deadline=None,
                                      derandomize=True, suppress_health_check=list(HealthCheck),
                                      phases=[Phase.explicit, Phase.generate])
test_team_sync_converges = TeamSync.TestCase
