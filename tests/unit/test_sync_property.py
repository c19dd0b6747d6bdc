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
from app.sync.round import SyncConfig
from app.sync.share import FolderShare

from .sync_helpers import Laptop, PartialShare, make_team, member_id

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
        for i in range(2):
            self._create(0, f"Klient {i}")
        for lap in self.laptops + self.laptops:
            lap.sync(self.share, CONFIG)

    def _value(self) -> str:
        self.counter += 1
        return f"v{self.counter}"

    def _create(self, who: int, name: str) -> None:
        values = {f: self._value() for f in FIELDS}
        rid = self.laptops[who].add_client(name, **values)
        self.records.append(rid)
        for f, v in values.items():
            self.written.setdefault((rid, f), set()).add(v)

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
            self.overwritten.add((rid, field, before[field]))
            self.written.setdefault((rid, field), set()).add(value)

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
                assert lap.sync(self.share, CONFIG).ok

    @precondition(lambda self: bool(self.records))
    @rule(who=hs.integers(0, 4), rec=hs.integers(0, 50))
    def delete(self, who: int, rec: int) -> None:
        lap = self.laptops[who % len(self.laptops)]
        rid = self.records[rec % len(self.records)]
        before = lap.diary("clients").get("clients", {}).get(rid)
        kept = {(f, v) for (e, i, f), vs in lap.conflicts().items() if i == rid for v in vs}
        if lap.delete(Client, rid):
            assert before is not None
            seen = self.deleted_seen.setdefault(rid, set())
            seen.update((f, before[f]) for f in FIELDS)
            seen.update(kept)

    @rule(who=hs.integers(0, 4), pick=hs.integers(0, 20), choice=hs.integers(0, 3))
    def resolve(self, who: int, pick: int, choice: int) -> None:
        lap = self.laptops[who % len(self.laptops)]
        found = sorted(lap.conflicts().items())
        if not found:
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
            conflicts.resolve_deletion(lap.store, lap.ident, entity, rid, keep=keep)
            return
        chosen = choice % len(values)
        self.overwritten.update((rid, field, v) for i, v in enumerate(values) if i != chosen)
        conflicts.resolve(lap.store, lap.ident, entity, rid, field, chosen)

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
        assert summary.ok, summary.problems

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
            for _ in range(2):
                for lap in self.laptops:
                    assert lap.sync(self.share, CONFIG).ok
            self._check()
            self._resolve_everything()
        finally:
            for lap in self.laptops:
                lap.close()
            shutil.rmtree(self.tmp, ignore_errors=True)

    def _resolve_everything(self) -> None:
        """A worker resolves every "2 versions" on one laptop; afterwards no laptop shows any."""
        lap = self.laptops[-1]
        chosen: dict[tuple[str, str], Any] = {}
        for (entity, rid, field), values in sorted(lap.conflicts().items()):
            if field == "_deleted":
                conflicts.resolve_deletion(lap.store, lap.ident, entity, rid, keep=True)
            else:
                conflicts.resolve(lap.store, lap.ident, entity, rid, field, len(values) - 1)
                chosen[(rid, field)] = values[-1]
        for _ in range(2):
            for other in self.laptops:
                assert other.sync(self.share, CONFIG).ok
        diaries = [other.diary("clients") for other in self.laptops]
        assert all(d == diaries[0] for d in diaries)
        assert all(other.conflicts() == {} for other in self.laptops)
        for (rid, field), value in chosen.items():
            assert diaries[0]["clients"][rid][field] == value

    def _check(self) -> None:
        diaries = [lap.diary() for lap in self.laptops]
        conflicts = [lap.conflicts() for lap in self.laptops]
        for d, c in zip(diaries[1:], conflicts[1:], strict=True):
            assert d == diaries[0]
            assert c == conflicts[0]
        clients: dict[str, Any] = diaries[0].get("clients", {})
        for (rid, field), values in self.written.items():
            row = clients.get(rid)
            for v in values:
                if row is None:
                    assert ((field, v) in self.deleted_seen.get(rid, set())
                            or (rid, field, v) in self.overwritten), (rid, field, v)
                    continue
                kept = conflicts[0].get(("clients", rid, field), [])
                assert v == row[field] or v in kept or (rid, field, v) in self.overwritten, (rid, field, v)
        for rid in self.deleted_seen:
            if rid in clients and rid not in self.kept:
                assert ("clients", rid, "_deleted") in conflicts[0]


TeamSync.TestCase.settings = settings(max_examples=25, stateful_step_count=16, deadline=None,
                                      derandomize=True, suppress_health_check=list(HealthCheck),
                                      phases=[Phase.explicit, Phase.generate])
test_team_sync_converges = TeamSync.TestCase
