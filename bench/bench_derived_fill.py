"""Inserting many new diary entries the way a sync round does, with the entries' derived rows (search index,
kinds of support, year summary) written by the per-row triggers or filled set-based (``app/sync/derived.py``).

    .venv/bin/python bench/bench_derived_fill.py [--entries 30000] [--chunk 400] [--window 2000] [--repeat 2]

Each run: a fresh encrypted diary with 1,000 clients, then ``--entries`` entries (1–2 kinds each, 15–60 Swedish
words, six years) inserted in one write transaction with one prepared statement per ``--chunk`` rows (a round
inserts at most ``apply.CHUNK`` = 400 new records of a shape at a time), committed. Prints, from the same run:
- per-row: the triggers write the derived rows (the code before the set-based fill);
- set-based: ``derived.insert_rows`` in a ``derived.window`` of ``--window`` rows, as a round now inserts them
  (one window per ``apply.materialise``: a snapshot join materialises ``snapshot.BATCH`` = 2,000 records at a
  time);
- floor: the same inserts with the triggers held back and nothing filled (the entries alone);
and the ratios. ~10 s per repeat for 30,000 entries.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text

from app.models import Client
from app.storage import vault
from app.storage.changefeed import Identity, bulk_insert
from app.storage.keyfile import KdfParams
from app.sync import batches, derived, snapshot

KINDS = ["practical_support", "support_talk", "civic_information", "court_support"]
WORDS = ["stödsamtal", "boende", "ekonomi", "polisanmälan", "förhöret", "tingsrätten", "skyddat", "kvinnojouren",
         "barnen", "socialtjänsten", "åklagaren", "överklagande", "läkarbesök", "bostaden"]
COLS = ("id, compartment, created_at, updated_at, created_by, updated_by, device_id, client_id, case_id, event_on, "
        "written_at, duration_minutes, kinds, activity, text, author_name, author_title, signed_at, corrects_id")
INSERT = f'INSERT INTO "diary_entries" ({COLS}) VALUES ({", ".join("?" * 19)})'
STAMP = "2026-01-01 09:00:00.000000"


def entry_rows(clients: list[str], n: int) -> list[tuple[object, ...]]:
    rnd = random.Random(1)
    out: list[tuple[object, ...]] = []
    for k in range(n):
        kinds = ",".join(rnd.sample(KINDS, rnd.choice((1, 2))))
        words = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(15, 60)))
        out.append((str(uuid.uuid4()), "women", STAMP, STAMP, "", "w", "dev", clients[k % len(clients)], None,
                    f"{2020 + k % 6}-{1 + k % 12:02d}-{1 + k % 28:02d}", STAMP, 30, kinds, "", words, "w", "", None,
                    None))
    return out


def run(mode: str, folder: Path, n: int, chunk: int, window_rows: int) -> float:
    store = vault.create(folder, "bänk", KdfParams.fast_for_tests())
    ident = Identity("w", store.device_id)
    try:
        with store.write(ident) as s:
            bulk_insert(s, Client, [{"name": f"Kvinna {i}"} for i in range(1000)])
        with store.read(ident) as s:
            clients = [str(c) for c in s.scalars(text("SELECT id FROM clients"))]
        rows = entry_rows(clients, n)
        with store.write(ident) as s:
            conn = s.connection()
            conn.exec_driver_sql(f"PRAGMA cache_size = -{batches.ROUND_CACHE_KIB}")  # a round's page cache
        t0 = time.perf_counter()
        with store.write(ident) as s:
            conn = s.connection()
            conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # as in a round
            for i in range(0, n, chunk):
                part = rows[i:i + chunk]
                if mode == "set-based":
                    if i % window_rows == 0:
                        window = derived.window(s)
                        window.__enter__()
                    derived.insert_rows(s, derived.TABLE, INSERT, part)
                    if (i + chunk) % window_rows == 0 or i + chunk >= n:
                        window.__exit__(None, None, None)
                elif mode == "per-row":
                    conn.exec_driver_sql(INSERT, part)
                else:  # floor: the triggers held back, nothing filled
                    conn.exec_driver_sql(derived.SET_FLAG)
                    conn.exec_driver_sql(INSERT, part)
                    conn.exec_driver_sql(derived.CLEAR_FLAG)
        took = time.perf_counter() - t0
        if mode != "floor":
            with store.write(ident) as s:
                s.execute(text("INSERT INTO diary_fts(diary_fts, rank) VALUES ('integrity-check', 1)"))
        return took
    finally:
        store.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=30_000)
    ap.add_argument("--chunk", type=int, default=400)
    ap.add_argument("--window", type=int, default=snapshot.BATCH)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="athena-bench-derived-"))
    try:
        for rep in range(args.repeat):
            got = {m: run(m, tmp / f"{m}-{rep}", args.entries, args.chunk, args.window)
                   for m in ("per-row", "set-based", "floor")}
            n = args.entries
            print(f"-- {n:,} entries, {args.chunk} per statement, filled per {args.window} (a window), run {rep + 1}")
            for m, t in got.items():
                print(f"  {m:<10} {t:6.2f} s  {n / t:9,.0f} entries/s")
            print(f"  set-based / per-row  {got['set-based'] / got['per-row']:.2f}x")
            print(f"  set-based / floor    {got['set-based'] / got['floor']:.2f}x  "
                  f"(per-row / floor {got['per-row'] / got['floor']:.2f}x)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
