"""Benchmark: what reading statuses and classifications as they were at the period's end costs the year's
report, on 10,000 clients / 300,000 diary entries / 1,000 men with some history written.

Baseline, measured in the same run: the same report reading today's values (the history lookups replaced by
the current column). Target: the year's report under 300 ms, and the history costing at most 1.5x the
baseline.

    .venv/bin/python bench/bench_history.py [--clients 10000] [--entries 300000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import importlib
import os
import random
import shutil
import statistics as pystats
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("ATHENA_TEST_FAST_KDF", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select

from app.models import Decision, MenClient
from app.services import history
from app.services.clients import cases
from app.services.clients.cases import DecisionInput
from app.services.context import Diary, Worker
from app.services.demo import diary as demo
from app.services.mens_track import men
from app.services.reports import statistics
from app.storage import vault
from app.storage.keyfile import KdfParams

TODAY = date(2026, 11, 20)
YEAR = (date(2025, 1, 1), date(2025, 12, 31))


def _write_history(diary: Diary, decisions: int, men_changed: int) -> None:
    """Real changes through the services: districts and units of decisions, men's motivation and status."""
    rng = random.Random(3)
    with diary.read() as s:
        decs = list(s.scalars(select(Decision).limit(decisions)))
        data = [(d.id, d.referring_unit, d.district, d.decided_on, d.starts_on, d.ends_on) for d in decs]
        man_ids = list(s.scalars(select(MenClient.id).limit(men_changed)))
    districts = ["Hägersten-Liljeholmen", "Skärholmen", "Älvsjö"]
    for dec_id, unit, district, decided, starts, ends in data:
        moved = rng.choice([d for d in districts if d != district])
        cases.update_decision(diary, dec_id, DecisionInput(unit, moved, decided, starts, ends),
                              effective_on=date(2026, 2, 1))
    for mid in man_ids:
        men.set_motivation(diary, mid, rng.choice(["motivated", "not_motivated"]), effective_on=date(2026, 3, 1))


def _time(diary: Diary, repeat: int = 7) -> tuple[float, dict[str, object]]:
    times, report = [], {}
    for _ in range(repeat):
        t0 = time.perf_counter()
        report = statistics.period_report(diary, *YEAR)
        times.append((time.perf_counter() - t0) * 1000)
    return pystats.median(times), report


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=10_000)
    ap.add_argument("--entries", type=int, default=300_000)
    ap.add_argument("--keep", help="build the diary in this folder and keep it (reused when present)")
    args = ap.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="athena-bench-history-"))
    passphrase = "bench passphrase for athena"
    try:
        fresh = not vault.diary_exists(folder / "diary")
        store = (vault.create(folder / "diary", passphrase, KdfParams.fast_for_tests()) if fresh
                 else vault.unlock(folder / "diary", passphrase))
        diary = Diary(store, Worker("Bench", "Kvinnostödjare", frozenset({"women", "men"})), today_override=TODAY)
        if fresh:
            t0 = time.perf_counter()
            summary = demo.generate(diary, clients=args.clients, entries=args.entries, seed=1)
            _write_history(diary, decisions=500, men_changed=200)
            print(f"demo diary: {summary.clients} clients, {summary.entries} entries, {summary.men} men, "
                  f"700 records with history, built in {time.perf_counter() - t0:.1f} s")
        with_history, report = _time(diary)
        original = history.value_sql
        try:
            history.value_sql = lambda entity, field, id_sql, current_sql, at_param=":to": current_sql  # type: ignore[assignment]
            importlib.reload(statistics)
            baseline, _ = _time(diary)
        finally:
            history.value_sql = original  # type: ignore[assignment]
            importlib.reload(statistics)
        m = report["men"]
        assert isinstance(m, dict)
        print(f"year report, values as at the period's end: median {with_history:.0f} ms (target < 300 ms)")
        print(f"baseline, today's values (same run):        median {baseline:.0f} ms  "
              f"ratio {with_history / baseline:.2f}x (target <= 1.5x)")
        print(f"men in contact {m['in_contact']}, talks held {m['talks_held']}, not motivated {m['not_motivated']}")
        store.close()
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
