"""The pull of 10,000 remote changes counted in CPU instructions (valgrind), next to the instructions of its rows
floor: figures that do not move with the machine's load, for comparing two versions of the code.

    .venv/bin/python bench/bench_sync_instructions.py        (needs valgrind: apt install valgrind; ~3 min)

Wall-clock figures on a shared machine move by 20-50 % from run to run (bench_sync.py); an instruction count
moves by less than 0.1 %. It leaves out what instructions do not show (waiting for memory, the disk, fsync), so
it is a comparison of CPU work, not a time. Builds the same scenario as bench_sync.py's last ordered pull (a
reader that has pulled 41,000 clients, 10,000 new ones on the share), then counts, each in its own process
under ``valgrind --tool=cachegrind --cache-sim=no``:
- the pull: one sync round of the reader, minus the same process that only unlocks the diary;
- its rows floor: inserting exactly the rows that pull stored (record, merge state, change row) with one
  prepared statement per table and one transaction into a copy of the diary as it was, minus the same process
  that only unlocks it and warms its cache.
"""

from __future__ import annotations

import json
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

TABLES = {"clients": "id IN ({})", "sync_record_state": "entity = 'clients' AND entity_id IN ({})",
          "changes": "origin = 'remote' AND entity_id IN ({})"}


def build(root: Path) -> None:
    """The reader (``l1``) with 41,000 clients pulled and 10,000 more on the share; the rows that pull stores."""
    import bench_sync as b

    from app.models import new_id, new_ordered_id

    share_dir = root / "share"
    share_dir.mkdir()
    share = b.FolderShare(share_dir)
    writer, reader = b.team(root / "pp", 2)
    writer.sync(share)
    reader.sync(share)
    b.add_clients(writer, 1000)
    writer.sync(share)
    reader.sync(share)
    for _ in range(2):
        for ordered in (True, False):
            b.add_clients(writer, 10_000, new_ordered_id if ordered else new_id)
            writer.sync(share)
            reader.sync(share)
    b.add_clients(writer, 10_000)
    writer.sync(share)
    reader.store.checkpoint()
    reader.store.close()
    writer.store.close()
    # The rows that pull stores: pulled once into a copy.
    shutil.copytree(root / "pp" / "l1", root / "after")
    shutil.copytree(share_dir, root / "share-after")
    rows = _pulled_rows(root / "after", root / "share-after")
    (root / "rows.pickle").write_bytes(pickle.dumps(rows))


def _pulled_rows(data_dir: Path, share_dir: Path) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    import bench_sync as b

    from app.storage import vault
    from app.storage.changefeed import Identity
    from app.sync.round import sync_round

    store = vault.unlock(data_dir, b.PASS)
    conn = store.engine.raw_connection()
    try:
        cur = conn.cursor()
        before = {r[0] for r in cur.execute("SELECT id FROM clients")}
        conn.rollback()
        s = sync_round(store, b.FolderShare(share_dir), Identity("worker1", store.device_id))
        assert s.pulled == 10_000, s
        new = sorted({r[0] for r in cur.execute("SELECT id FROM clients")} - before)
        out: dict[str, tuple[list[str], list[tuple[object, ...]]]] = {}
        for name, where in TABLES.items():
            cols = [r[1] for r in cur.execute(f'PRAGMA table_info("{name}")')
                    if not (name == "changes" and r[1] == "seq")]
            got: list[tuple[object, ...]] = []
            for k in range(0, len(new), 500):
                part = new[k:k + 500]
                got += cur.execute(f'SELECT {", ".join(cols)} FROM "{name}" WHERE '
                                   + where.format(", ".join("?" for _ in part)), part).fetchall()
            out[name] = (cols, got)
        conn.rollback()
        return out
    finally:
        conn.close()
        store.close()


def child(mode: str, root: Path) -> None:
    """One measured process: ``pull`` / ``floor`` and their baselines ``pull-base`` / ``floor-base``."""
    import bench_sync as b

    from app.storage import vault
    from app.storage.changefeed import Identity
    from app.sync import batches
    from app.sync.round import sync_round

    store = vault.unlock(root / "l1", b.PASS)
    try:
        if mode == "pull":
            s = sync_round(store, b.FolderShare(root / "share"), Identity("worker1", store.device_id))
            assert s.pulled == 10_000, s
        elif mode.startswith("floor"):
            rows = pickle.loads((root.parent / "rows.pickle").read_bytes())
            conn = store.engine.raw_connection()
            cur = conn.cursor()
            cur.execute(f"PRAGMA cache_size = -{batches.ROUND_CACHE_KIB}")
            for name in rows:
                cur.execute(f'SELECT count(*) FROM "{name}"').fetchone()
            if mode == "floor":
                cur.execute("BEGIN IMMEDIATE")
                for name, (cols, data) in rows.items():
                    cur.executemany(f'INSERT INTO "{name}" ({", ".join(cols)}) VALUES '
                                    f'({", ".join("?" for _ in cols)})', data)
                cur.execute("COMMIT")
            conn.close()
    finally:
        store.close()


def count(tmp: Path, mode: str) -> int:
    """Instructions of one ``child`` process on fresh copies of the reader and the share."""
    run = tmp / f"run-{mode}"
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir()
    shutil.copytree(tmp / "pp" / "l1", run / "l1")
    shutil.copytree(tmp / "share", run / "share")
    out = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                          sys.executable, __file__, "--child", mode, str(run)],
                         capture_output=True, text=True, check=True)
    shutil.rmtree(run)
    m = re.search(r"I\s+refs:\s+([\d,]+)", out.stderr)
    assert m is not None, out.stderr[-2000:]
    return int(m.group(1).replace(",", ""))


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], Path(sys.argv[3]))
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt install valgrind).")
    tmp = Path(tempfile.mkdtemp(prefix="athena-bench-instr-"))
    try:
        build(tmp)
        got = {mode: count(tmp, mode) for mode in ("pull-base", "pull", "floor-base", "floor")}
        pull, floor = got["pull"] - got["pull-base"], got["floor"] - got["floor-base"]
        print("== pull of 10,000 remote changes, in CPU instructions (valgrind)")
        print(f"  pull (one round, minus unlocking)                    {pull / 1e6:10,.0f} M")
        print(f"  floor: insert the 30,000 rows it stored               {floor / 1e6:10,.0f} M")
        print(f"  ratio pull / rows floor                               {pull / floor:10.2f} x")
        print(json.dumps({"pull": pull, "floor": floor}))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
