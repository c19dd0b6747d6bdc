"""A large demo diary for the benchmarks, built once and reused (10,000 clients / 300,000 entries)."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

PASSPHRASE = "bench-diary-passphrase-lång"
CLIENTS = int(os.environ.get("ATHENA_BENCH_CLIENTS", "10000"))
ENTRIES = int(os.environ.get("ATHENA_BENCH_ENTRIES", str(CLIENTS * 30)))


def bench_dir() -> Path:
    base = os.environ.get("ATHENA_BENCH_DIR") or os.path.join(tempfile.gettempdir(), "athena-bench")
    return Path(base) / f"diary-{CLIENTS}-{ENTRIES}"


def ensure_big_diary() -> Path:
    """The diary folder, generated on first use (real KDF cost, so unlock is measured honestly)."""
    from app.services import demo
    from app.services.context import Diary, Worker, save_worker
    from app.storage import vault

    path = bench_dir()
    if vault.diary_exists(path) and (path / "ready").exists():
        return path
    if path.exists():
        import shutil

        shutil.rmtree(path)
    t0 = time.perf_counter()
    print(f"building a demo diary of {CLIENTS} clients / {ENTRIES} entries in {path} ...", flush=True)
    store = vault.create(path, PASSPHRASE)
    try:
        worker = Worker("Demo Användare", "Kvinnostödjare")
        save_worker(store, worker)
        demo.generate(Diary(store, worker), clients=CLIENTS, entries=ENTRIES, seed=7)
        store.checkpoint()
    finally:
        store.close()
    (path / "ready").write_text("ok", encoding="utf-8")
    print(f"built in {time.perf_counter() - t0:.1f} s", flush=True)
    return path


if __name__ == "__main__":
    print(ensure_big_diary())
