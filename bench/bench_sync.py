"""Sync figures, next to the naive approach (copying the whole encrypted database file to the share).

    .venv/bin/python bench/bench_sync.py [--big 300000]

Prints: push of 1,000 local changes and pull of 10,000 remote changes (target < 0.5 s), next to the floor
measured in the same run (reading, verifying and decrypting the files, and inserting the rows with one
prepared statement); a new laptop joining a team of ``--join`` clients (30 entries each) from segments and from
a snapshot (target < 5 s for 1,000 clients), with the first push of that diary; a round with nothing new on
diaries of 1,000 and of ``--big`` entries (target < 100 ms, the same cost for both); and for each, bytes
written to the share and seconds per round against copying diary.db to the share, as ratios.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.models import Client, DiaryEntry, new_id
from app.storage import vault
from app.storage.changefeed import Identity, bulk_insert
from app.storage.keyfile import KdfParams
from app.sync import apply, files
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


def add_clients(lap: Laptop, n: int) -> list[str]:
    ids = [new_id() for _ in range(n)]
    with lap.store.write(lap.ident) as s:
        bulk_insert(s, Client, [{"id": i, "name": f"Klient {k}", "name_key": f"klient {k}", "phone": "070"}
                                for k, i in enumerate(ids)])
    return ids


def floor_of_pull(tmp: Path, share_dir: Path, writer: Laptop, rows: int) -> tuple[float, float]:
    """What a pull cannot avoid: read, verify, decrypt and parse the writer's segments; insert the rows with
    one prepared statement (into a fresh diary)."""
    with writer.store.read(writer.ident) as s:
        t = teams.team_for(s)
        keys = teams.epoch_keys(s, t.team_id)
        me = s.get(__import__("app.models", fromlist=["SyncMember"]).SyncMember, (t.team_id, t.member_id))
        team_id, member, verify = t.team_id, t.member_id, me.verify_key
    folder = share_dir / team_id / files.member_folder(member)
    t0 = time.perf_counter()
    got = 0
    for name, seq in sorted((n, int(n[2:12])) for n in os.listdir(folder) if files.SEG_RE.match(n)):
        _, writes = files.open_segment((folder / name).read_bytes(), team_id, member, seq, keys, verify)
        got += len(writes)
    read = time.perf_counter() - t0
    fresh = Laptop(tmp / "floor", "floor")
    data = [{"id": new_id(), "name": f"Klient {k}", "name_key": f"klient {k}", "phone": "070",
             "compartment": "women", "created_at": datetime(2026, 1, 1), "updated_at": datetime(2026, 1, 1),
             "created_by": "x", "updated_by": "x", "device_id": "d", "protected_identity": "none",
             "languages": "sv", "interpreter_needed": False, "email": "", "address": "", "postal_code": "",
             "city": "", "contact_note": "", "worker": ""} for k in range(rows)]
    t0 = time.perf_counter()
    with fresh.store.write(fresh.ident) as s:
        apply.raw_insert(s, Client.__table__, data)  # type: ignore[arg-type]
    insert = time.perf_counter() - t0
    fresh.store.close()
    assert got >= rows
    return read, insert


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
    args = ap.parse_args()
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
        add_clients(a, 10_000)
        a.sync(share)
        s, t = b.sync(share)
        assert s.pulled == 10_000, s
        row("pull of 10,000 remote changes", t, "s", "target < 0.5 s")
        read, insert = floor_of_pull(tmp, share_dir, a, 10_000)
        row("  floor: read + verify + decrypt + parse the files", read, "s")
        row("  floor: insert 10,000 rows (one prepared statement)", insert, "s")
        row("  ratio pull / floor", t / (read + insert), "x")
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
        row(f"first push of {31 * args.join:,} records", t, "s", "target < 60 s at 310,000")
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
            row(f"join {label}", t, "s", "target < 5 s at 1,000 clients")
            new.store.close()
        w.store.close()

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
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
