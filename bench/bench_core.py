"""Core figures on a 10,000-client / 300,000-entry demo diary, SQLCipher next to plain SQLite in the same run.

    .venv/bin/python bench/bench_core.py [--clients N --entries M]

Prints unlock time, write throughput, and name / full-text search latency (median of 30), each also on a
plain-SQLite copy of the same database, as a ratio. Targets: name < 20 ms, full text < 100 ms, ratio <= 1.5.
Also Idag's lists (and its risk-due list alone) and a client-list page beside the same SQL on a raw cursor,
add_entry beside its statements written by hand and beside a raw insert+commit (target >= 400/s), and the
streamed export of the whole diary beside reading every row and writing as many bytes (target < 20 s); each
floor is measured in the same run and printed with the ratio.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from app.services.clients import clients, entries, export, search
from app.services.clients.entries import EntryInput
from app.services.risk import timeline as tl
from app.services.today import attention
from app.storage import keyfile, vault
from app.storage.engine import open_raw
from bench._diary import PASSPHRASE, big_diary, median, open_big, row, timeit
from bench._floors import export_floor, raw_entry_writes, replay_floor

NAME_SQL = "SELECT id FROM clients WHERE compartment IN ('women') AND name_key LIKE ? ORDER BY name_key LIMIT 50"
FTS_SQL = ("SELECT DISTINCT d.client_id FROM diary_entries AS d WHERE d.rowid IN "
           "(SELECT rowid FROM diary_fts WHERE diary_fts MATCH ? LIMIT 5000) AND d.compartment IN ('women') LIMIT 50")
INSERT_SQL = ("INSERT INTO diary_entries (id, compartment, created_at, updated_at, created_by, updated_by, device_id,"
              " client_id, event_on, written_at, duration_minutes, kinds, activity, text, author_name, author_title)"
              " VALUES (?, 'women', '2026-01-01', '2026-01-01', 'b', 'b', 'd', ?, '2026-01-01', '2026-01-01', 30,"
              " 'support_talk', 'meeting', ?, 'b', '')")


def plain_copy(folder: Path, target: Path) -> None:
    kf = keyfile.KeyFile.load(folder / "diary.key")
    key = keyfile.unwrap(kf.main, keyfile.derive_kek(PASSPHRASE, kf.main.salt, kf.main.params))
    conn = open_raw(folder / "diary.db", key)
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
    conn.execute("SELECT sqlcipher_export('plain')")
    conn.execute("DETACH DATABASE plain")
    conn.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=10_000)
    ap.add_argument("--entries", type=int, default=300_000)
    args = ap.parse_args()
    folder = big_diary(args.clients, args.entries)
    print(f"Athena core benchmark: {args.clients} clients, {args.entries} diary entries")

    unlock = []
    for _ in range(5):
        t0 = time.perf_counter()
        s = vault.unlock(folder, PASSPHRASE)
        unlock.append((time.perf_counter() - t0) * 1000)
        s.close()
    row("unlock (Argon2id 64 MiB + open + schema check), median", median(unlock), "ms")

    diary = open_big(folder)
    some = clients.list_clients(diary, limit=1).items[0]
    surname = some.name.split()[-1][:4].casefold()

    with tempfile.TemporaryDirectory() as tmp:
        plain_path = Path(tmp) / "plain.db"
        plain_copy(folder, plain_path)
        plain = sqlite3.connect(plain_path)
        plain.execute("PRAGMA journal_mode=WAL")
        plain.execute("PRAGMA synchronous=FULL")
        plain.execute("PRAGMA cache_size=-32000")  # same page cache as the encrypted engine
        enc = diary.store.engine.raw_connection()

        results = {}
        for label, sql, param in (("name search (LIKE on name)", NAME_SQL, f"%{surname}%"),
                                  ("full-text search, common word", FTS_SQL, '"banken"*'),
                                  ("full-text search, rare word", FTS_SQL, '"kontaktförbud"*'),
                                  ("full-text search, two words", FTS_SQL, '"följde"* "tandläkaren"*')):
            e = median(timeit(lambda sql=sql, param=param: enc.cursor().execute(sql, (param,)).fetchall()))
            p = median(timeit(lambda sql=sql, param=param: plain.execute(sql, (param,)).fetchall()))
            results[label] = (e, p)
            row(f"{label}: SQLCipher", e)
            row(f"{label}: plain SQLite", p)
            row(f"{label}: ratio", e / p, "x", "(target <= 1.5)")

        svc_name = median(timeit(lambda: search.search_clients(diary, surname, include_diary=False)))
        svc_fts = median(timeit(lambda: search.diary_text_client_ids(diary, "banken")))
        svc_all = median(timeit(lambda: search.search_clients(diary, "tandläkaren")))
        row("service: name search incl. list markers", svc_name, "ms", "(target < 20)")
        row("service: full-text search", svc_fts, "ms", "(target < 100)")
        row("service: search box (name + case no. + diary text)", svc_all, "ms")

        # Idag and a page of the client list: the service beside the very statements it sends, run raw.
        svc, raw = replay_floor(diary, lambda: attention.today_view(diary, limit=200))
        row("Idag lists (service, capped at 200 rows each)", svc, "ms")
        row("Idag lists: the same SQL on a raw cursor (floor)", raw, "ms")
        row("Idag lists: ratio", svc / raw, "x")
        def risk_due() -> tuple[int, int]:  # Idag's risk-due list alone: the first 200 and the true total
            with diary.read() as s:
                q = tl.due_query(diary.today(), diary.tracks)
                rows = s.execute(q.limit(200)).all()
                return len(rows), tl.due_count(s, diary.today(), diary.tracks)

        shown, due_total = risk_due()
        svc, raw = replay_floor(diary, risk_due)
        row(f"Idag risk-due list ({shown} of {due_total} clients), service", svc, "ms")
        row("Idag risk-due list: the same SQL raw (floor)", raw, "ms")
        row("Idag risk-due list: ratio", svc / raw, "x")
        svc, raw = replay_floor(diary, lambda: clients.list_clients(diary, offset=9_800, limit=200))
        row("client list page at offset 9,800 (service)", svc, "ms")
        row("client list page: the same SQL raw (floor)", raw, "ms")
        row("client list page: ratio", svc / raw, "x")

        cid = some.id
        n = 100
        import uuid

        def raw_writes(conn: object, count: int) -> float:
            t = time.perf_counter()
            for i in range(count):
                c = conn.cursor()  # type: ignore[attr-defined]
                c.execute("BEGIN IMMEDIATE")
                c.execute(INSERT_SQL, (str(uuid.uuid4()), cid, f"rå skrivning {i}"))
                c.execute("COMMIT")
            return count / (time.perf_counter() - t)

        def service_writes(count: int) -> float:
            t0 = time.perf_counter()
            for i in range(count):
                entries.add_entry(diary, cid, EntryInput(f"bänkmärkning {i}", ["support_talk"]), sign=True)
            return count / (time.perf_counter() - t0)

        plain.isolation_level = None
        rates: dict[str, list[float]] = {"svc": [], "same": [], "enc": [], "plain": []}
        cpu: dict[str, list[float]] = {"svc": [], "same": []}  # ms of this thread's CPU per write
        for _ in range(5):  # interleaved rounds: a burst of load on the machine hits every kind alike
            c0 = time.thread_time()
            rates["svc"].append(service_writes(n))
            cpu["svc"].append((time.thread_time() - c0) * 1000 / n)
            c0 = time.thread_time()
            rates["same"].append(raw_entry_writes(enc, cid, n))
            cpu["same"].append((time.thread_time() - c0) * 1000 / n)
            rates["enc"].append(raw_writes(enc, n))
            rates["plain"].append(raw_writes(plain, n))
        svc_rate, same_rate = median(rates["svc"]), median(rates["same"])
        enc_rate, plain_rate = median(rates["enc"]), median(rates["plain"])
        row("writes: service add_entry (change feed, FTS, audit), per s", svc_rate, "/s", "(target >= 400)")
        row("writes: add_entry's statements by hand, SQLCipher (floor)", same_rate, "/s")
        row("writes: floor / service", same_rate / svc_rate, "x")
        row("writes: CPU per add_entry (less sensitive to a loaded machine)", median(cpu["svc"]), "ms")
        row("writes: CPU per write of the same statements by hand (floor)", median(cpu["same"]), "ms")
        row("writes: CPU ratio", median(cpu["svc"]) / median(cpu["same"]), "x")
        row("writes: raw insert+commit, SQLCipher, per s", enc_rate, "/s")
        row("writes: raw insert+commit / service add_entry", enc_rate / svc_rate, "x")
        row("writes: raw insert+commit, plain SQLite, per s", plain_rate, "/s")
        row("writes: plain / SQLCipher", plain_rate / enc_rate, "x")

        # The whole diary exported (streamed to a file) beside reading every row and writing as many bytes.
        out = Path(tmp) / "export.json"
        exp, floor, exp_cpu = [], [], []
        for _ in range(3):
            t0, c0 = time.perf_counter(), time.thread_time()
            export.write_export_file(diary, out)
            exp.append(time.perf_counter() - t0)
            exp_cpu.append(time.thread_time() - c0)
            size = out.stat().st_size
            out.unlink()
            floor.append(export_floor(diary, Path(tmp) / "floor.bin", size))
        row(f"export whole diary, streamed ({size / 1e6:.0f} MB), median", median(exp), "s", "(target < 20)")
        row("export floor: SELECT * of every exported table + write as many bytes", median(floor), "s")
        row("export: ratio", median(exp) / median(floor), "x")
        row("export: CPU of the exporting thread, median", median(exp_cpu), "s")
        enc.close()
        plain.close()
    diary.store.close()


if __name__ == "__main__":
    main()
