"""Sync figures, each next to its physical floor measured in the same run, and the naive approach (copying the
whole encrypted database file to the share).

    .venv/bin/python bench/bench_sync.py [--big 300000] [--join 1000] [--skip-big] [--skip-usable]
                                         [--per-row-floor]

Prints:
- push of 1,000 local changes and pull of 10,000 remote changes (target < 0.5 s; the median of three pulls of
  new records, with ids as the program makes them), next to the floor: reading, verifying and decrypting the
  files, and inserting the rows a pull stores with one prepared statement per table (the records alone into a
  fresh diary; and each record + merge state + change row, which protocol 2 keeps for each change, into a copy
  of the diary as it was before the pull); then the same pull of records with random ids (a diary's records
  from before ids were ordered: each insert lands anywhere in the id indexes);
- a new laptop joining a team of ``--join`` clients (30 entries each) from segments and from a snapshot
  (target < 5 s for 1,000 clients), with the first push of that diary, each with its floor, and then a round
  with nothing new on the laptop that joined (it must not read the received change rows again each round);
- "the diary stays usable": that join applied while another thread reads through the services every 5 ms and
  writes every 50 ms — the longest read and write, against the same loop with no round running;
- with the prebuilt 10,000-client / 300,000-entry demo diary (``bench/_diary.py``; ``--skip-big`` leaves it out,
  it takes minutes): its first push and a new laptop joining that team (target < 60 s each), with floors
  (the join's floor fills the entries' derived rows set-based as the round does; ``--per-row-floor`` adds the
  same insert with the per-row triggers);
- a round with nothing new on diaries of 1,000 and of ``--big`` entries (target < 100 ms, the same cost for
  both), and bytes written and seconds against copying diary.db to the share, as ratios.
Every floor is raw SQLCipher/file work in the same run (so a loaded machine slows both); ratios are
figure / floor.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.models import RECORD_CLASSES, Base, Client, DiaryEntry, SyncMember, SyncOutbox, new_id, new_ordered_id
from app.storage import vault
from app.storage.changefeed import Identity, bulk_insert
from app.storage.keyfile import KdfParams
from app.sync import batches, derived, files, values
from app.sync import team as teams
from app.sync.folder import FolderShare
from app.sync.round import SyncConfig, SyncSummary, sync_round

PASS = "bänkmärkning med en lång lösenfras"
FAST = KdfParams.fast_for_tests()  # unlock cost is not what is measured here


def row(label: str, value: float, unit: str = "ms", target: str = "") -> None:
    print(f"  {label:<62} {value:>12.2f} {unit:<6} {target}", flush=True)


class Laptop:
    def __init__(self, path: Path, name: str) -> None:
        self.store = vault.create(path, PASS, FAST)
        self.ident = Identity(name, self.store.device_id)

    def sync(self, share: FolderShare, cfg: SyncConfig | None = None) -> tuple[SyncSummary, float]:
        t0 = time.perf_counter()
        s = sync_round(self.store, share, self.ident, cfg)
        return s, time.perf_counter() - t0


def team(tmp: Path, n: int) -> list[Laptop]:
    laps = [Laptop(tmp / f"l{i}", f"worker{i}") for i in range(n)]
    with laps[0].store.write(laps[0].ident) as s:
        teams.create_team(s, "Bänk", "worker0")
        data, code = teams.invite(s, teams.team_for(s), FAST)
    for lap in laps[1:]:
        with lap.store.write(lap.ident) as s:
            teams.join_team(s, data, code, "x")
    return laps


def add_clients(lap: Laptop, n: int, make_id: Callable[[], str] = new_ordered_id) -> list[str]:
    """``n`` new clients, with ids as the program makes them (``Record.id``'s default), or by ``make_id``."""
    ids = [make_id() for _ in range(n)]
    with lap.store.write(lap.ident) as s:
        bulk_insert(s, Client, [{"id": i, "name": f"Klient {k}", "name_key": f"klient {k}", "phone": "070"}
                                for k, i in enumerate(ids)])
    return ids


def floor_of_pull(tmp: Path, share_dir: Path, writer: Laptop, rows: int, after: int = 0,
                  upto: int | None = None) -> tuple[float, float]:
    """What a pull cannot avoid: read, verify, decrypt and parse the writer's segments (those after ``after``, up
    to ``upto``); insert the rows with one prepared statement (into a fresh diary)."""
    with writer.store.read(writer.ident) as s:
        t = teams.team_for(s)
        keys = teams.epoch_keys(s, t.team_id)
        me = s.get(SyncMember, (t.team_id, t.member_id))
        team_id, member, verify = t.team_id, t.member_id, me.verify_key
    folder = share_dir / team_id / files.member_folder(member)
    t0 = time.perf_counter()
    got = 0
    for name, seq in sorted((n, int(n[2:12])) for n in os.listdir(folder) if files.SEG_RE.match(n)):
        if seq <= after or (upto is not None and seq > upto):
            continue
        _, writes = files.open_segment((folder / name).read_bytes(), team_id, member, seq, keys, verify)
        got += len(writes)
    read = time.perf_counter() - t0
    fresh = Laptop(tmp / "floor", "floor")
    data = [{"id": new_ordered_id(), "name": f"Klient {k}", "name_key": f"klient {k}", "phone": "070",
             "compartment": "women", "created_at": datetime(2026, 1, 1), "updated_at": datetime(2026, 1, 1),
             "created_by": "x", "updated_by": "x", "device_id": "d", "protected_identity": "none",
             "languages": "sv", "interpreter_needed": False, "email": "", "address": "", "postal_code": "",
             "city": "", "contact_note": "", "worker": ""} for k in range(rows)]
    t0 = time.perf_counter()
    with fresh.store.write(fresh.ident) as s:
        values.raw_insert(s, Client.__table__, data)  # type: ignore[arg-type]
    insert = time.perf_counter() - t0
    fresh.store.close()
    assert got >= rows
    return read, insert


def read_files_floor(share_dir: Path, writer: Laptop, from_snapshot: bool = False) -> tuple[float, int]:
    """Seconds to read, verify, decrypt and parse the files a new laptop reads from the writer's folder (every
    segment; or its newest snapshot and the segments after it), and their bytes."""
    with writer.store.read(writer.ident) as s:
        t = teams.team_for(s)
        keys = teams.epoch_keys(s, t.team_id)
        me = s.get(SyncMember, (t.team_id, t.member_id))
        assert me is not None
        team_id, member, verify = t.team_id, t.member_id, me.verify_key
    folder = share_dir / team_id / files.member_folder(member)
    names = os.listdir(folder)
    snaps = files.snapshots(names)
    newest = max(snaps) if from_snapshot and snaps else 0
    snaps = {newest: snaps[newest]} if newest else {}
    nbytes = 0
    t0 = time.perf_counter()
    for name in sorted(names):
        m = files.SEG_RE.match(name)
        if m and int(m.group(1)) > newest:
            data = (folder / name).read_bytes()
            nbytes += len(data)
            files.open_segment(data, team_id, member, int(m.group(1)), keys, verify)
    for seq, parts in snaps.items():
        for name in parts:
            data = (folder / name).read_bytes()
            nbytes += len(data)
            # The container only (verify, decrypt, inflate, parse): the states' own checks are the code's work.
            files.open_container(data, "snapshot", team_id, member, seq, "seq", keys, verify)
    return time.perf_counter() - t0, nbytes


STORED = ["sync_record_state", "changes"]


def insert_floor(src: Laptop, dst: Path, tables: list[str], per_row: bool = False) -> tuple[float, int, int]:
    """Seconds to insert, with one prepared statement per table and one transaction, the rows ``src`` holds in
    ``tables`` into a fresh diary (its triggers and indexes included): the rows a round stored, written raw.
    Diary entries get their derived rows (search index, kinds, year summary) set-based, as a round's bulk
    insert does (``sync/derived.py``); ``per_row``: by the per-row triggers instead (the floor before that).
    Returns (seconds, rows, bytes of row data)."""
    order = [t.name for t in Base.metadata.sorted_tables if t.name in set(tables)]
    src_conn = src.store.engine.raw_connection()
    data: list[tuple[str, list[str], list[tuple[object, ...]]]] = []
    try:
        cur = src_conn.cursor()
        for name in order:
            cols = [r[1] for r in cur.execute(f'PRAGMA table_info("{name}")') if not (name == "changes"
                                                                                   and r[1] == "seq")]
            rows = cur.execute(f'SELECT {", ".join(cols)} FROM "{name}"').fetchall()
            if rows:
                data.append((name, cols, rows))
        src_conn.rollback()
    finally:
        src_conn.close()
    fresh = Laptop(dst, "floor")
    conn = fresh.store.engine.raw_connection()
    nrows = sum(len(r) for _, _, r in data)
    nbytes = sum(len(str(v)) for _, _, rows in data for row in rows for v in row if v is not None)
    try:
        cur = conn.cursor()
        cur.execute(f"PRAGMA cache_size = -{batches.ROUND_CACHE_KIB}")  # the page cache a round's connection has
        t0 = time.perf_counter()
        cur.execute("BEGIN IMMEDIATE")
        cur.execute("PRAGMA defer_foreign_keys = ON")  # as a round does: rows may point ahead in the same batch
        for name, cols, rows in data:
            sql = f'INSERT INTO "{name}" ({", ".join(cols)}) VALUES ({", ".join("?" for _ in cols)})'
            if name != derived.TABLE or per_row:
                cur.executemany(sql, rows)
                continue
            before = cur.execute(derived.LAST_ROWID).fetchone()[0]
            cur.execute(derived.SET_FLAG)
            cur.executemany(sql, rows)
            for fill in derived.FILL:
                cur.execute(fill, (before,))
            cur.execute(derived.CLEAR_FLAG)
        cur.execute("COMMIT")
        took = time.perf_counter() - t0
    finally:
        conn.close()
        fresh.store.close()
    return took, nrows, nbytes


def pulled_rows_floor(src: Laptop, before: Path, ids: list[str]) -> tuple[float, int]:
    """Seconds to insert the rows a pull of the clients ``ids`` stored in ``src`` (each one's record, merge state
    and change row), with one prepared statement per table and one transaction, into ``before``: a copy of
    ``src``'s diary as it was before that pull (the same indexes, as full). Returns (seconds, rows)."""
    wanted = {"clients": "id IN ({})", "sync_record_state": "entity = 'clients' AND entity_id IN ({})",
              "changes": "origin = 'remote' AND entity_id IN ({})"}
    src_conn = src.store.engine.raw_connection()
    data: list[tuple[str, list[str], list[tuple[object, ...]]]] = []
    try:
        cur = src_conn.cursor()
        for name, where in wanted.items():
            cols = [r[1] for r in cur.execute(f'PRAGMA table_info("{name}")') if not (name == "changes"
                                                                                   and r[1] == "seq")]
            rows: list[tuple[object, ...]] = []
            for k in range(0, len(ids), 500):
                part = ids[k:k + 500]
                rows += cur.execute(f'SELECT {", ".join(cols)} FROM "{name}" WHERE '
                                    + where.format(", ".join("?" for _ in part)), part).fetchall()
            data.append((name, cols, rows))
        src_conn.rollback()
    finally:
        src_conn.close()
    store = vault.unlock(before, PASS)
    conn = store.engine.raw_connection()
    try:
        cur = conn.cursor()
        cur.execute(f"PRAGMA cache_size = -{batches.ROUND_CACHE_KIB}")  # the page cache a round's connection has
        for name, _, _ in data:  # the pages a round finds in its cache (it read them before inserting)
            cur.execute(f'SELECT count(*) FROM "{name}"').fetchone()
        t0 = time.perf_counter()
        cur.execute("BEGIN IMMEDIATE")
        for name, cols, rows in data:
            cur.executemany(f'INSERT INTO "{name}" ({", ".join(cols)}) VALUES ({", ".join("?" for _ in cols)})',
                            rows)
        cur.execute("COMMIT")
        took = time.perf_counter() - t0
    finally:
        conn.close()
        store.close()
    return took, sum(len(r) for _, _, r in data)


def read_changes_floor(lap: Laptop) -> tuple[float, int]:
    """Seconds to read every change row of the diary with one plain SELECT (what a first push must read)."""
    conn = lap.store.engine.raw_connection()
    try:
        cur = conn.cursor()
        t0 = time.perf_counter()
        cur.execute("BEGIN")
        n = 0
        cur.execute("SELECT * FROM changes")
        while rows := cur.fetchmany(5000):
            n += len(rows)
        cur.execute("COMMIT")
        return time.perf_counter() - t0, n
    finally:
        conn.close()


def write_bytes_floor(target: Path, nbytes: int) -> float:
    """Seconds to write ``nbytes`` to a file and fsync it (what uploading the round's files costs at least)."""
    block = os.urandom(1 << 20)
    t0 = time.perf_counter()
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        left = nbytes
        while left > 0:
            left -= os.write(fd, block[:min(left, len(block))])
        os.fsync(fd)
    finally:
        os.close(fd)
        target.unlink(missing_ok=True)
    return time.perf_counter() - t0


def outbox_bytes(lap: Laptop) -> int:
    with lap.store.read(lap.ident) as s:
        from sqlalchemy import func, select
        return int(s.scalar(select(func.coalesce(func.sum(func.length(SyncOutbox.data)), 0))) or 0)


def print_push(label: str, lap: Laptop, t: float, tmp: Path) -> None:
    """A first push and its floor: read every change row, store the merge states, write the files' bytes."""
    read, n = read_changes_floor(lap)
    ins, rows, _ = insert_floor(lap, tmp / f"floor-push-{len(label)}", ["sync_record_state"])
    nbytes = outbox_bytes(lap)
    write = write_bytes_floor(tmp / "floor-bytes", nbytes)
    row(label, t, "s")
    row(f"  floor: read {n:,} change rows", read, "s")
    row(f"  floor: insert {rows:,} merge states (one prepared statement)", ins, "s")
    row(f"  floor: write {nbytes / 1024 / 1024:.1f} MiB of files (fsync)", write, "s")
    row("  ratio push / floor", t / (read + ins + write), "x")


def print_join(label: str, new: Laptop, writer: Laptop, share_dir: Path, t: float, tmp: Path,
               target: str, from_snapshot: bool = False, per_row_floor: bool = False) -> None:
    read, nbytes = read_files_floor(share_dir, writer, from_snapshot)
    tables = list(dict.fromkeys([c.__tablename__ for c in RECORD_CLASSES.values()])) + STORED
    ins, rows, _ = insert_floor(new, tmp / f"floor-join-{len(label)}-{int(t * 1000)}", tables)
    row(label, t, "s", target)
    row(f"  floor: read + verify + decrypt + parse {nbytes / 1024 / 1024:.1f} MiB of files", read, "s")
    row(f"  floor: insert the {rows:,} rows it stored (records, merge states, change rows)", ins, "s")
    row("  ratio join / floor", t / (read + ins), "x")
    if per_row_floor:
        old, _, _ = insert_floor(new, tmp / f"floor-join-rows-{len(label)}-{int(t * 1000)}", tables, per_row=True)
        row("  (the same rows with the entries' per-row triggers, the floor before the set-based fill)", old, "s")
        row("  (ratio join / that floor)", t / (read + old), "x")


def p99(xs: list[float]) -> float:
    return sorted(xs)[int(len(xs) * 0.99)] if xs else 0.0


class Usage:
    """Another thread using the diary through the services while a round runs: a read every 5 ms (a client's
    card, and a page of the client list), a write every 50 ms (a diary entry); the longest of each."""

    def __init__(self, lap: Laptop, client_id: str) -> None:
        from app.services.context import Worker, save_worker

        save_worker(lap.store, Worker("bänk", "Kvinnostödjare"))
        from app.services.context import open_diary

        self.diary = open_diary(lap.store)
        self.client_id = client_id
        self.reads: list[float] = []
        self.writes: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        from app.services.clients import clients as client_service
        from app.services.clients import entries

        k = 0
        while not self._stop.is_set():
            t0 = time.perf_counter()
            client_service.get_client(self.diary, self.client_id, log=False)
            client_service.list_clients(self.diary, limit=50)
            self.reads.append(time.perf_counter() - t0)
            if k % 10 == 0:
                t0 = time.perf_counter()
                entries.add_entry(self.diary, self.client_id, entries.EntryInput(
                    text=f"Kort anteckning {k}", kinds=["support_talk"]))
                self.writes.append(time.perf_counter() - t0)
            k += 1
            time.sleep(0.005)

    def __enter__(self) -> Usage:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def usable(tmp: Path, share: FolderShare, writer: Laptop, clients: int) -> None:
    """The join of ``clients`` clients applied while another thread reads and writes through the services."""
    print("  -- the diary stays usable while that round applies (a new laptop joining from segments)")
    with writer.store.write(writer.ident) as sess:
        data, code = teams.invite(sess, teams.team_for(sess), FAST)
    new = Laptop(tmp / "usable", "usable")
    with new.store.write(new.ident) as sess:
        teams.join_team(sess, data, code, "usable")
    local = add_clients(new, 1)[0]
    # Without a round: the floor of the same loop.
    with Usage(new, local) as idle:
        time.sleep(3)
    with Usage(new, local) as busy:
        s, t = new.sync(share, SyncConfig(snapshot_every=10_000))
    assert s.ok, s.problems
    row(f"round applying {s.pulled:,} changes while the services read and write", t, "s")
    row(f"  longest read during the round ({len(busy.reads):,} reads)", max(busy.reads) * 1000, "ms",
        "target < 100 ms")
    row("  99th percentile read during the round", p99(busy.reads) * 1000, "ms")
    row(f"  longest write during the round ({len(busy.writes):,} writes)", max(busy.writes) * 1000, "ms",
        "target ~100 ms")
    row(f"  floor: longest read, no round ({len(idle.reads):,} reads)", max(idle.reads) * 1000, "ms")
    row("  floor: 99th percentile read, no round", p99(idle.reads) * 1000, "ms")
    row(f"  floor: longest write, no round ({len(idle.writes):,} writes)", max(idle.writes) * 1000, "ms")
    row("  ratio longest read round / no round", max(busy.reads) / max(idle.reads), "x")
    new.store.close()


def _add_missing_0800(store: vault.Store) -> None:
    """A demo diary built before migration 0800 was chained in (stamped at a later head without its columns):
    add them to this copy, as 0800 does."""
    with store.engine.begin() as conn:
        cols = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(sync_teams)")}
        if "protocol" in cols:
            return
        print("  (the cached demo diary lacks migration 0800's columns: added to this copy)")
        for sql in ("ALTER TABLE sync_teams ADD COLUMN protocol INTEGER NOT NULL DEFAULT 1",
                    "ALTER TABLE sync_teams ADD COLUMN removed BOOLEAN NOT NULL DEFAULT 0",
                    "ALTER TABLE sync_teams ADD COLUMN ack_number INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE sync_teams ADD COLUMN ack_state JSON",
                    "ALTER TABLE sync_teams ADD COLUMN clock_problem INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE sync_members ADD COLUMN device VARCHAR(64) NOT NULL DEFAULT ''",
                    "ALTER TABLE sync_members ADD COLUMN last_seq INTEGER",
                    "ALTER TABLE sync_outbox ADD COLUMN sent BOOLEAN NOT NULL DEFAULT 0",
                    "CREATE TABLE sync_acks (team_id VARCHAR(32) NOT NULL, member_id VARCHAR(32) NOT NULL, number "
                    "INTEGER NOT NULL, deps JSON NOT NULL, bad JSON NOT NULL, created BIGINT NOT NULL, "
                    "CONSTRAINT pk_sync_acks PRIMARY KEY (team_id, member_id))"):
            conn.exec_driver_sql(sql)


def big_team(tmp: Path, per_row_floor: bool = False) -> None:
    """The prebuilt 10,000-client / 300,000-entry demo diary: its first push, and a new laptop joining."""
    from app.services.context import load_worker
    from bench._diary import PASSPHRASE, big_diary

    src = big_diary()
    folder = tmp / "big"
    t0 = time.perf_counter()
    shutil.copytree(src, folder)
    print(f"  (copied the demo diary in {time.perf_counter() - t0:.1f} s)")
    store = vault.unlock(folder, PASSPHRASE)
    _add_missing_0800(store)
    lap = Laptop.__new__(Laptop)
    lap.store = store
    lap.ident = Identity(load_worker(store).name, store.device_id)
    share_dir = tmp / "bigshare"
    share_dir.mkdir()
    share = FolderShare(share_dir)
    with lap.store.write(lap.ident) as s:
        teams.create_team(s, "Bänk stor", lap.ident.author)
    s, t = lap.sync(share)
    assert s.ok, s.problems
    print_push(f"first push of a {s.pushed:,}-change diary (target < 60 s)", lap, t, tmp)
    with lap.store.write(lap.ident) as sess:
        data, code = teams.invite(sess, teams.team_for(sess), FAST)
    new = Laptop(tmp / "bignew", "new")
    with new.store.write(new.ident) as sess:
        teams.join_team(sess, data, code, "new")
    s, t = new.sync(share)
    assert s.ok and s.pulled > 0, s
    print_join(f"join the 10,000-client / 300,000-entry team ({s.pulled:,} records)", new, lap, share_dir, t,
               tmp, "target < 60 s", from_snapshot=True, per_row_floor=per_row_floor)
    new.store.close()
    lap.store.close()


def add_entries(lap: Laptop, clients: list[str], n: int) -> None:
    chunk = 20_000
    for start in range(0, n, chunk):
        with lap.store.write(lap.ident) as s:
            bulk_insert(s, DiaryEntry, [{
                "client_id": clients[k % len(clients)], "event_on": date(2026, 1, 1 + k % 28),
                "written_at": datetime(2026, 1, 1, 9), "text": f"Stödsamtal nummer {k} om boende och ekonomi.",
                "author_name": "worker0", "kinds": "support_talk"} for k in range(start, min(n, start + chunk))])


def naive_copy(lap: Laptop, target: Path) -> tuple[int, float]:
    """What copying the whole encrypted diary to the share costs (after a checkpoint, with fsync)."""
    lap.store.checkpoint()
    src = lap.store.data_dir / "diary.db"
    t0 = time.perf_counter()
    tmp = target.with_suffix(".tmp")
    shutil.copyfile(src, tmp)
    with open(tmp, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(tmp, target)
    return src.stat().st_size, time.perf_counter() - t0


def noop_rounds(lap: Laptop, share: FolderShare, repeat: int = 15) -> tuple[float, int]:
    times, written = [], 0
    lap.sync(share)
    for _ in range(repeat):
        s, t = lap.sync(share)
        times.append(t * 1000)
        written += s.bytes_written
    return statistics.median(times), written // repeat


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--big", type=int, default=300_000)
    ap.add_argument("--join", type=int, default=1000)
    ap.add_argument("--skip-big", action="store_true", help="leave out the 10,000-client / 300,000-entry team")
    ap.add_argument("--skip-usable", action="store_true", help="leave out the reads-during-a-round figures")
    ap.add_argument("--per-row-floor", action="store_true",
                    help="also the big join's floor with the entries' per-row triggers (about 45 s more)")
    args = ap.parse_args()
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="athena-bench-sync-"))
    try:
        share_dir = tmp / "share"
        share_dir.mkdir()
        share = FolderShare(share_dir)
        naive_dir = tmp / "naive"
        naive_dir.mkdir()
        print("== push / pull")
        a, b = team(tmp / "pp", 2)
        a.sync(share)
        b.sync(share)
        add_clients(a, 1000)
        s, t = a.sync(share)
        assert s.pushed == 1000, s
        row("push of 1,000 local changes", t, "s", "target < 2 s")
        row("  bytes written to the share", s.bytes_written / 1024, "KiB")
        b.sync(share)
        # Three pulls of new records with ids as the program makes them (ordered), each followed by one of
        # records made before ids were ordered (random ids, as in a diary from before: each insert lands anywhere
        # in the id indexes); this machine's noise is ±20 %, hence the medians.
        pulls: dict[bool, list[float]] = {True: [], False: []}
        before = upto = 0
        pulled: list[str] = []
        for k in range(3):
            for ordered in (True, False):
                with a.store.read(a.ident) as sess:
                    seq = teams.team_for(sess).last_seq
                ids = add_clients(a, 10_000, new_ordered_id if ordered else new_id)
                a.sync(share)
                if ordered and k == 2:  # the last one: its floor, against a copy of the diary before it
                    with a.store.read(a.ident) as sess:
                        before, upto = seq, teams.team_for(sess).last_seq
                    b.store.checkpoint()
                    shutil.copytree(b.store.data_dir, tmp / "floor-pull")
                    pulled = ids
                s, t = b.sync(share)
                assert s.pulled == 10_000, s
                pulls[ordered].append(t)
        t = statistics.median(pulls[True])
        row("pull of 10,000 remote changes (median of 3)", t, "s", "target < 0.5 s")
        row("  (the three, in ms: " + ", ".join(f"{p * 1000:.0f}" for p in pulls[True]) + ")", t * 1000, "ms")
        read, insert = floor_of_pull(tmp, share_dir, a, 10_000, after=before, upto=upto)
        row("  floor: read + verify + decrypt + parse the files", read, "s")
        row("  floor: insert 10,000 rows (one prepared statement)", insert, "s")
        row("  ratio pull / floor", t / (read + insert), "x")
        stored, nrows = pulled_rows_floor(b, tmp / "floor-pull", pulled)
        row(f"  floor: insert the {nrows:,} rows it stored (record, merge state, change row), into the diary "
            "as it was", stored, "s")
        row("  ratio pull / (read + stored rows)", t / (read + stored), "x")
        row("  the same pull of records with random ids (made before ids were ordered; median of 3)",
            statistics.median(pulls[False]), "s")
        for lap in (a, b):
            lap.store.close()

        print(f"== a new laptop joins a team of {args.join:,} clients with 30 entries each")
        jshare_dir = tmp / "jshare"
        jshare_dir.mkdir()
        jshare = FolderShare(jshare_dir)
        (w,) = team(tmp / "join", 1)
        clients = add_clients(w, args.join)
        add_entries(w, clients, 30 * args.join)
        s, t = w.sync(jshare, SyncConfig(snapshot_every=10_000))
        assert s.ok, s.problems
        print_push(f"first push of {31 * args.join:,} records", w, t, tmp)
        if not args.skip_usable:  # before any snapshot is on the share: the round applies segments
            usable(tmp, jshare, w, args.join)
        for label, cfg in (("from segments", SyncConfig(snapshot_every=10_000)),
                           ("from a snapshot", SyncConfig(snapshot_every=1))):
            if label == "from a snapshot":
                with w.store.write(w.ident) as sess:  # one more change: that round writes the snapshot
                    obj = sess.get(Client, clients[0])
                    assert obj is not None
                    obj.phone = "072"
                w.sync(jshare, cfg)
            with w.store.write(w.ident) as sess:
                data, code = teams.invite(sess, teams.team_for(sess), FAST)
            new = Laptop(tmp / f"new-{len(label)}", "new")
            with new.store.write(new.ident) as sess:
                teams.join_team(sess, data, code, "new")
            s, t = new.sync(jshare, cfg)
            assert s.ok and s.pulled >= 31 * args.join, s
            print_join(f"join {label}", new, w, jshare_dir, t, tmp, "target < 5 s at 1,000 clients",
                       label == "from a snapshot")
            ms, _ = noop_rounds(new, jshare, repeat=9)  # (after one round, which reads the received rows once)
            row(f"  then a round with nothing new there ({s.pulled:,} changes received)", ms, "ms", "target < 100 ms")
            new.store.close()
        w.store.close()

        if not args.skip_big:
            print("== the 10,000-client / 300,000-entry team (the prebuilt demo diary)")
            big_team(tmp, args.per_row_floor)

        print("== a round with nothing new, and a round with one edit, against copying diary.db")
        for size in dict.fromkeys((1000, args.big)):
            folder = tmp / f"d{size}"
            (c,) = team(folder, 1)
            clients = add_clients(c, min(1000, size))
            t0 = time.perf_counter()
            add_entries(c, clients, size)
            build = time.perf_counter() - t0
            # The naive approach on the diary as it is without any sync state (its smallest).
            nbytes, ncopy = naive_copy(c, naive_dir / f"diary-{size}.db")
            t0 = time.perf_counter()
            s, _ = c.sync(share)
            first = time.perf_counter() - t0
            assert s.ok, s.problems
            ms, written = noop_rounds(c, share)
            print(f"  -- diary of {size:,} entries (built in {build:.1f} s, first push {first:.1f} s)")
            row("round with nothing new (median of 15)", ms, "ms", "target < 100 ms")
            row("  bytes written by the round", written, "B")
            row("naive: copy diary.db to the share", ncopy * 1000, "ms")
            row("  bytes written by the copy", nbytes / 1024 / 1024, "MiB")
            row("  seconds ratio naive / sync", ncopy * 1000 / ms, "x")
            with c.store.write(c.ident) as sess:
                obj = sess.get(Client, clients[0])
                assert obj is not None
                obj.phone = "071"
            s, t = c.sync(share)
            row("round with one edit", t * 1000, "ms")
            row("  bytes written by the round (segment + snapshot if due)", s.bytes_written, "B")
            row("  bytes ratio naive / sync", nbytes / max(1, s.bytes_written), "x")
            row("  seconds ratio naive / sync", ncopy / t, "x")
            c.store.close()
        print(f"(bench ran {time.perf_counter() - started:.0f} s)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
