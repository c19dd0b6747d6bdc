"""Benchmark: over 10,000 clients / 300,000 diary entries (+ the demo's men): a year's report, importing
10,000 rows, a retention purge preview, and the log follow-up's first page over 100,000 access-log rows.

Targets (printed beside each figure, with the ratio): the year's report < 300 ms, the import < 5 s, the purge
preview < 2 s, the log follow-up's first page < 100 ms. Builds its diary in a temporary folder (synthetic data
only) and removes it afterwards, or keeps and reuses it with --keep. Each run imports 10,000 more women into
the kept diary: for figures comparable between runs, start every run from a fresh copy of the same diary.

In the same run, as the baselines: the year's report by the previous implementation (a DISTINCT over every
entry of the year: tests/unit/report_reference.py, same figures asserted) alternating with the current one;
the cost the kinds-of-support summary adds to each add_entry (the same writes with and without its triggers,
alternating); the full verified backup the import used to take before writing.

    .venv/bin/python bench/bench_reports.py [--clients 10000] [--entries 300000] [--rows 10000] [--keep DIR]
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
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("ATHENA_TEST_FAST_KDF", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select, text

from app.models import AuditHead, AuditRecord, Client, new_ordered_id
from app.printing import report_tables
from app.services.access import roles
from app.services.audit import chain, followup
from app.services.backup import make_backup
from app.services.clients import entries
from app.services.context import Diary, Worker
from app.services.demo import diary as demo
from app.services.importing import importer
from app.services.reports import export as report_export
from app.services.reports import statistics
from app.services.retention import purge
from app.services.validation import luhn_ok
from app.storage import vault
from app.storage.auditchain import GENESIS, head_id, row_hash
from app.storage.changefeed import bulk_insert
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


def fill_access_log(diary: Diary, rows: int, seed: int = 3) -> None:
    """A year of openings, searches and prints by five workers, as one chain per worker's device."""
    rng = random.Random(seed)
    with diary.read() as s:
        ids = list(s.scalars(select(Client.id)))
    start = datetime(2025, 1, 2, 7, 0)
    workers = [(f"Arbetare {i}", f"bench-device-{i:04d}-0000-0000-000000000000"[:36]) for i in range(5)]
    out: dict[str, list[dict[str, object]]] = {w[1]: [] for w in workers}
    at = start
    for i in range(rows):
        at += timedelta(minutes=rng.randint(1, 5))
        actor, device = workers[i % len(workers)]
        action = rng.choices(["open", "search", "print", "export"], [80, 15, 4, 1])[0]
        cid = rng.choice(ids) if action != "search" else None
        out[device].append({"actor": actor, "at": at, "action": action, "client_id": cid})
    with diary.write() as s:
        for actor_device, events in out.items():
            prev, rows_ = GENESIS, []
            for n, e in enumerate(events, start=1):
                rid = f"bench{actor_device[13:17]}{n:027d}"
                local = chain.local_time(e["at"])  # type: ignore[arg-type]
                digest = row_hash(prev, record_id=rid, n=n, at=e["at"], local_at=local,  # type: ignore[arg-type]
                                  actor=str(e["actor"]), origin_device=actor_device, action=str(e["action"]),
                                  compartment="women", client_id=e["client_id"],  # type: ignore[arg-type]
                                  entity="clients", entity_id=str(e["client_id"] or ""), detail="")
                rows_.append({"id": rid, "compartment": "women", "at": e["at"], "local_at": local,
                              "actor": e["actor"], "origin_device": actor_device, "action": e["action"],
                              "client_id": e["client_id"], "entity": "clients",
                              "entity_id": e["client_id"] or "", "detail": "", "n": n, "prev_hash": prev,
                              "hash": digest})
                prev = digest
            bulk_insert(s, AuditRecord, rows_)
            bulk_insert(s, AuditHead, [{"id": head_id(actor_device, "women"), "compartment": "women",
                                        "origin_device": actor_device, "count": len(rows_), "head": prev,
                                        "sealed_at": rows_[-1]["at"]}])


# The floor of the year's report: one raw count over each set of rows the report reads, doing none of its work
# (no distinct pairs, no district, no history, no support periods).
YEAR = {"from": "2025-01-01", "to": "2025-12-31"}
FLOOR_SQL = (
    "SELECT COUNT(*) FROM support_kind_years WHERE year = '2025'",
    "SELECT COUNT(*), MAX(ends_on) FROM decisions WHERE compartment = 'women'",
    "SELECT COUNT(*), MAX(closed_on) FROM cases WHERE compartment = 'women'",
    "SELECT COUNT(*), MAX(new_ends_on) FROM extensions WHERE compartment = 'women'",
    "SELECT COUNT(*), MAX(first_contact_on) FROM men_clients WHERE compartment = 'men'",
    "SELECT COUNT(*) FROM men_talks WHERE held_on >= :from AND held_on <= :to",
)


def write_cost(diary: Diary, rounds: int = 4, per_round: int = 50) -> None:
    """add_entry with and without the triggers that keep support_kind_years, alternating in rounds; the
    triggers are put back and the summary rebuilt afterwards."""
    with diary.read() as s:
        ids = list(s.scalars(select(Client.id).where(Client.compartment == "women").limit(per_round)))
        triggers = [tuple(r) for r in s.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'support_kind_years_%'"))]
    assert len(triggers) == 3
    timing: dict[bool, list[float]] = {True: [], False: []}
    try:
        for _ in range(rounds):
            for with_summary in (True, False):
                if not with_summary:
                    with diary.write() as s:
                        for name, _sql in triggers:
                            s.execute(text(f"DROP TRIGGER {name}"))
                for cid in ids:
                    t0 = time.perf_counter()
                    entries.add_entry(diary, cid, entries.EntryInput(
                        text="Stödsamtal i bänken", kinds=["support_talk", "practical_support"],
                        event_on="2025-11-19"), sign=True)
                    timing[with_summary].append(time.perf_counter() - t0)
                if not with_summary:
                    with diary.write() as s:
                        for _name, sql in triggers:
                            s.execute(text(sql))
    finally:
        with diary.write() as s:
            present = set(s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
            for name, sql in triggers:
                if name not in present:
                    s.execute(text(sql))
            s.execute(text("DELETE FROM support_kind_years"))
            s.execute(text("INSERT INTO support_kind_years(year, kind, client_id, entries) "
                           "SELECT substr(event_on, 1, 4), kind, client_id, COUNT(*) FROM diary_entry_kinds "
                           "GROUP BY 1, 2, 3"))
    on, off = (pystats.median(timing[k]) * 1000 for k in (True, False))
    print(f"add_entry (signed, two kinds), {rounds} x {per_round} each way alternating: median {on:.2f} ms with "
          f"the kinds summary, {off:.2f} ms without it (the floor); +{on - off:.2f} ms per write "
          f"({on / off:.2f}x); {1000 / on:.0f}/s vs {1000 / off:.0f}/s")
    trigger_cpu(diary, triggers)


def trigger_cpu(diary: Diary, triggers: list[tuple[str, str]], rounds: int = 6, per_round: int = 500) -> None:
    """The summary triggers' own cost, without the commit's fsync that dominates one add_entry: batches of
    entries (a copy of a two-kind entry) inserted in one transaction with and without them, alternating,
    then rolled back."""
    proxy = diary.store.engine.raw_connection()
    raw: Any = proxy.dbapi_connection
    try:
        cols = [r[1] for r in raw.execute("PRAGMA table_info(diary_entries)")]
        template = raw.execute("SELECT * FROM diary_entries WHERE kinds LIKE '%,%' LIMIT 1").fetchone()
        sql = f"INSERT INTO diary_entries ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})"
        timing: dict[bool, list[float]] = {True: [], False: []}
        raw.execute("BEGIN IMMEDIATE")
        try:
            for n in range(rounds):
                for with_summary in (True, False):
                    if not with_summary:
                        for name, _sql in triggers:
                            raw.execute(f"DROP TRIGGER {name}")
                    rows = []
                    for _ in range(per_round):
                        row = list(template)
                        row[cols.index("id")] = new_ordered_id()
                        row[cols.index("event_on")] = f"2025-{n + 1:02d}-15"
                        rows.append(row)
                    t0 = time.perf_counter()
                    raw.executemany(sql, rows)
                    timing[with_summary].append((time.perf_counter() - t0) / per_round)
                    if not with_summary:
                        for _name, trigger_sql in triggers:
                            raw.execute(trigger_sql)
        finally:
            raw.execute("ROLLBACK")
    finally:
        proxy.close()
    on, off = (pystats.median(timing[k]) * 1e6 for k in (True, False))
    print(f"  the summary triggers' CPU per entry (two kinds; inserts in one rolled-back transaction, no commit): "
          f"{on:.0f} us with, {off:.0f} us without (the floor): +{on - off:.0f} us ({on / off:.2f}x)")


def ratio(ms: float, target_ms: float) -> str:
    return f"(target < {target_ms:.0f} ms: {ms / target_ms:.2f} of it)"


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
        roles.set_profile_role(diary, True)  # the follow-up and the purge preview are the team lead's
        if fresh:
            t0 = time.perf_counter()
            summary = demo.generate(diary, clients=args.clients, entries=args.entries, seed=1)
            print(f"demo diary: {summary.clients} clients, {summary.entries} entries, {summary.men} men "
                  f"built in {time.perf_counter() - t0:.1f} s")

        from tests.unit import report_reference

        times, ref_times = [], []
        for _ in range(5):
            t0 = time.perf_counter()
            ref = report_reference.period_report(diary, date(2025, 1, 1), date(2025, 12, 31))
            ref_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            report = statistics.period_report(diary, date(2025, 1, 1), date(2025, 12, 31))
            times.append(time.perf_counter() - t0)
        assert report == ref, "the report differs from the previous implementation's"
        med, ref_med = pystats.median(times) * 1000, pystats.median(ref_times) * 1000
        print(f"year report (2025): best {min(times) * 1000:.0f} ms, median {med:.0f} ms {ratio(med, 300)}; "
              f"current women {report['women']['current']['total']}, men in contact "
              f"{(report.get('men') or {}).get('in_contact')}")
        print(f"  previous implementation, alternating with it (same figures): best {min(ref_times) * 1000:.0f} "
              f"ms, median {ref_med:.0f} ms; now {med / ref_med:.2f} of it")
        floor_times = []
        for _ in range(5):
            t0 = time.perf_counter()
            with diary.read() as s:
                for sql in FLOOR_SQL:
                    s.execute(text(sql), YEAR).all()
            floor_times.append(time.perf_counter() - t0)
        floor = pystats.median(floor_times) * 1000
        print(f"  floor (raw counts over the rows the report reads: the year's kinds-of-support summary, the "
              f"women's decisions, cases, extensions, men and talks): median {floor:.0f} ms; the report is "
              f"{med / floor:.1f}x the floor")
        write_cost(diary)
        t0 = time.perf_counter()
        funder = report_tables.with_front(report_tables.suppress(report), title="Slutrapport", project="Bänk")
        report_export.render(funder, "pdf")
        print(f"  funder PDF (suppressed, first page, charts): {(time.perf_counter() - t0) * 1000:.0f} ms")

        with diary.read() as s:
            logged = s.scalar(select(func.count()).select_from(AuditRecord)) or 0
        if logged < 100_000:
            t0 = time.perf_counter()
            fill_access_log(diary, 100_000 - logged)
            print(f"access log filled to 100,000 rows in {time.perf_counter() - t0:.1f} s")
        for label, flt in (("no filter", followup.FollowupFilter()),
                           ("one worker", followup.FollowupFilter(actor="Arbetare 2")),
                           ("check: unusual hours", followup.FollowupFilter(check="unusual_hours")),
                           ("check: no entry of their own", followup.FollowupFilter(check="no_entry")),
                           ("check: protected identity", followup.FollowupFilter(check="protected")),
                           ("check: many records in a short time", followup.FollowupFilter(check="burst"))):
            times = []
            for _ in range(5):
                t0 = time.perf_counter()
                page = followup.page(diary, flt)
                times.append(time.perf_counter() - t0)
            med = pystats.median(times) * 1000
            print(f"log follow-up first page ({label}): median {med:.1f} ms {ratio(med, 100)}; "
                  f"{len(page.rows)} rows")
        t0 = time.perf_counter()
        with diary.read() as s:
            broken = chain.verify(s)
        print(f"access-log chain check over 100,000 rows: {(time.perf_counter() - t0) * 1000:.0f} ms, "
              f"{len(broken)} problems")

        for label, day in (("today", TODAY), ("2032 (nearly everything due)", date(2032, 6, 1))):
            at_day = Diary(store, diary.worker, today_override=day)
            times = []
            for _ in range(3):
                t0 = time.perf_counter()
                pv = purge.preview(at_day)
                times.append(time.perf_counter() - t0)
            med = pystats.median(times) * 1000
            print(f"purge preview ({label}): median {med:.0f} ms {ratio(med, 2000)}; {len(pv.purge)} due, "
                  f"{len(pv.archive)} for the archive, {len(pv.held)} held, {pv.records} rows")
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
        make_backup(diary, "manual")
        t_backup = time.perf_counter() - t0
        t0 = time.perf_counter()
        # A rerun on a kept diary finds the earlier run's names again: import them anyway, as a team would.
        result = importer.import_file(diary, data, "bench.csv", duplicates="import")
        t_real = time.perf_counter() - t0
        assert result.imported, [p.describe("en") for p in result.problems[:5]]
        points = importer.wait_for_restore_points(diary)
        t_point = time.perf_counter() - t0
        print(f"import {args.rows} rows: dry run {t_dry:.2f} s, real import {t_real:.2f} s "
              f"(target < 5 s: {t_real / 5:.2f} of it); "
              f"{result.clients} women, {result.cases} cases, {result.decisions} decisions, "
              f"{result.extensions} extensions, {result.entries} entries (problems in dry run: {len(dry.problems)}, "
              f"possible duplicates: {len(dry.duplicates)})")
        print(f"  its restore point (the diary before the import, written after it in the background) ready "
              f"{t_point:.2f} s after the import started ({len(points)} written); the full verified backup the "
              f"import used to take before writing: {t_backup:.2f} s (previous import = that + the writing, "
              f"about {t_backup + t_real:.1f} s)")
        store.close()

        # The same file into an empty diary: a team's first import.
        empty = vault.create(folder / "empty", passphrase, KdfParams.fast_for_tests())
        first = Diary(empty, Worker("Bench", "Kvinnostödjare"), today_override=TODAY)
        t0 = time.perf_counter()
        result = importer.import_file(first, data, "bench.csv")
        t_first = time.perf_counter() - t0
        importer.wait_for_restore_points(first)
        print(f"import {args.rows} rows into an empty diary (the import's floor): {t_first:.2f} s "
              f"(imported: {result.imported}); the import into the big diary is {t_real / t_first:.2f}x it")
        empty.close()
        if args.keep:
            shutil.rmtree(folder / "empty", ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
