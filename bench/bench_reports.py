"""Benchmark: a year's report over 10,000 clients / 300,000 diary entries, and importing 10,000 rows.

Targets: the report under 500 ms, the import under 10 s. Prints the numbers; builds its diary in a temporary
folder (synthetic data only) and removes it afterwards.

    .venv/bin/python bench/bench_reports.py [--clients 10000] [--entries 300000] [--rows 10000]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics as pystats
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("ATHENA_TEST_FAST_KDF", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select

from app.models import Client
from app.printing import report_tables
from app.services.context import Diary, Worker
from app.services.demo import diary as demo
from app.services.importing import importer
from app.services.reports import export as report_export
from app.services.reports import statistics
from app.services.validation import luhn_ok
from app.storage import vault
from app.storage.keyfile import KdfParams

TODAY = date(2025, 11, 20)
FIRST = ["Anna", "Maria", "Sara", "Lena", "Åsa", "Märta", "Fatima", "Amina", "Karin", "Eva", "Zeynep", "Ida"]
LAST = ["Andersson", "Öberg", "Ek", "Lind", "Sjöström", "Hassan", "Nilsson", "Berg", "Åkesson", "Yilmaz"]
DISTRICTS = ["Hägersten-Liljeholmen", "Skärholmen", "Älvsjö"]
UNITS = ["Barn och familj", "Ekonomiskt bistånd", "Vuxenenheten", "Funktionsnedsättning", "Äldreomsorg"]
KINDS = ["praktiskt stöd", "stödsamtal", "samhällsinformation", "rättegångsstöd"]


def _pnr(rng: random.Random, used: set[str]) -> str:
    while True:
        born = date(1950, 1, 1) + timedelta(days=rng.randint(0, 365 * 50))
        serial = f"{rng.randint(0, 999):03d}"
        for check in range(10):
            if luhn_ok(born.strftime("%y%m%d") + serial + str(check)):
                p = f"{born:%Y%m%d}-{serial}{check}"
                break
        if p not in used:
            used.add(p)
            return p


def import_csv(rows: int, taken: set[str], seed: int = 7) -> bytes:
    """Rows of new women: personal numbers not in ``taken`` (the diary's), so nothing is a duplicate."""
    rng = random.Random(seed)
    used = set(taken)
    lines = ["namn;personnummer;stadsdel;beställande enhet;aktualiserad;beslutsdatum;startdatum;slutdatum;"
             "förlängt till;avslutad;avslutsorsak;stödformer"]
    for i in range(rows):
        start = TODAY - timedelta(days=rng.randint(30, 700))
        end = start + timedelta(days=91)
        ext = (end + timedelta(days=91)).isoformat() if rng.random() < 0.4 else ""
        closed = (end if not ext else end + timedelta(days=91)) if rng.random() < 0.5 else None
        closed_s = closed.isoformat() if closed and closed < TODAY else ""
        lines.append(";".join([
            f"{rng.choice(FIRST)} {rng.choice(LAST)} {i:05d}", _pnr(rng, used), rng.choice(DISTRICTS),
            rng.choice(UNITS),
            (start - timedelta(days=10)).isoformat(), f"{start:%Y%m%d}", start.isoformat(), end.isoformat(), ext,
            closed_s, "Målen uppnådda" if closed_s else "", ", ".join(rng.sample(KINDS, rng.randint(1, 3)))]))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=10_000)
    ap.add_argument("--entries", type=int, default=300_000)
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--keep", help="build the demo diary in this folder and keep it (reused when present)")
    args = ap.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="athena-bench-"))
    passphrase = "bench passphrase for athena"
    try:
        fresh = not vault.diary_exists(folder / "diary")
        store = (vault.create(folder / "diary", passphrase, KdfParams.fast_for_tests()) if fresh
                 else vault.unlock(folder / "diary", passphrase))
        diary = Diary(store, Worker("Bench", "Kvinnostödjare", frozenset({"women", "men"})), today_override=TODAY)
        if fresh:
            t0 = time.perf_counter()
            summary = demo.generate(diary, clients=args.clients, entries=args.entries, seed=1)
            print(f"demo diary: {summary.clients} clients, {summary.entries} entries, {summary.men} men "
                  f"built in {time.perf_counter() - t0:.1f} s")

        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            report = statistics.period_report(diary, date(2025, 1, 1), date(2025, 12, 31))
            times.append(time.perf_counter() - t0)
        print(f"year report (2025): best {min(times) * 1000:.0f} ms, median {pystats.median(times) * 1000:.0f} ms "
              f"(target < 500 ms); current women {report['women']['current']['total']}")
        for fmt in ("csv", "xlsx", "pdf"):
            t0 = time.perf_counter()
            data = report_export.render(report_tables.suppress(report), fmt)
            print(f"  render {fmt}: {(time.perf_counter() - t0) * 1000:.0f} ms, {len(data)} bytes")

        with diary.read() as s:
            taken = {p for p in s.scalars(select(Client.personal_number)) if p}
        data = import_csv(args.rows, taken)
        t0 = time.perf_counter()
        dry = importer.import_file(diary, data, "bench.csv", dry_run=True)
        t_dry = time.perf_counter() - t0
        t0 = time.perf_counter()
        result = importer.import_file(diary, data, "bench.csv")
        t_real = time.perf_counter() - t0
        assert result.imported, [p.describe("en") for p in result.problems[:5]]
        print(f"import {args.rows} rows: dry run {t_dry:.2f} s, real import {t_real:.2f} s (target < 10 s); "
              f"{result.clients} women, {result.cases} cases, {result.decisions} decisions, "
              f"{result.extensions} extensions, {result.entries} entries (problems in dry run: {len(dry.problems)})")
        store.close()

        # The same file into an empty diary: a team's first import.
        empty = vault.create(folder / "empty", passphrase, KdfParams.fast_for_tests())
        first = Diary(empty, Worker("Bench", "Kvinnostödjare"), today_override=TODAY)
        t0 = time.perf_counter()
        result = importer.import_file(first, data, "bench.csv")
        print(f"import {args.rows} rows into an empty diary: {time.perf_counter() - t0:.2f} s "
              f"(imported: {result.imported})")
        empty.close()
        if args.keep:
            shutil.rmtree(folder / "empty", ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
