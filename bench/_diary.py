"""Shared by the benchmarks: a big demo diary, built once and cached under bench/.cache (encrypted)."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from app.services.context import Diary, Worker, open_diary, save_worker
from app.services.demo import diary as demo
from app.storage import vault
from app.storage.keyfile import KdfParams

PASSPHRASE = "bänkmärkning med en lång lösenfras"
CACHE = Path(os.environ.get("ATHENA_BENCH_CACHE", Path(__file__).resolve().parent / ".cache"))


def big_diary(clients: int = 10_000, entries: int = 300_000) -> Path:
    """The folder of a demo diary of the given size (built with the real KDF cost on first use)."""
    folder = CACHE / f"diary-{clients}-{entries}"
    if vault.diary_exists(folder) and (folder / "complete").exists() and not _stale(folder):
        if not (folder / "risk").exists():
            add_risk_data(folder)
        return folder
    if folder.exists():
        import shutil

        shutil.rmtree(folder)
    t0 = time.perf_counter()
    store = vault.create(folder, PASSPHRASE, KdfParams())
    save_worker(store, Worker("Bänk Användare", "Kvinnostödjare"))
    demo.generate(open_diary(store), clients=clients, entries=entries, seed=7)
    store.checkpoint()
    store.close()
    (folder / "complete").write_text("ok")
    add_risk_data(folder)
    print(f"built demo diary {clients} clients / {entries} entries in {time.perf_counter() - t0:.1f} s")
    return folder


def _stale(folder: Path) -> bool:
    """Whether a cached diary lacks a table or column the models have (stamped with a revision whose migration
    chain was re-ordered after it was built): the benchmarks would fail half-way on it, so it is built again."""
    from app.models import Base

    store = vault.unlock(folder, PASSPHRASE)
    try:
        with store.engine.connect() as conn:
            for table in Base.metadata.sorted_tables:
                have = {r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({table.name})")}
                if not {c.name for c in table.columns} <= have:
                    print(f"the cached diary in {folder} lacks {table.name} or some of its columns: building it again")
                    return True
            conn.rollback()
    finally:
        store.close()
    return False


def add_risk_data(folder: Path) -> None:
    """Incidents and completed risk assessments for two in three women's clients (Idag's risk-due list has
    something to read); added once to a cached diary built before the list existed."""
    from app.services.demo import risk as risk_demo

    t0 = time.perf_counter()
    diary = open_big(folder)
    try:
        made = risk_demo.generate(diary, seed=7)
        diary.store.checkpoint()
    finally:
        diary.store.close()
    (folder / "risk").write_text("ok")
    print(f"added {made['incidents']} incidents and {made['risk_assessments']} risk assessments to the cached diary "
          f"in {time.perf_counter() - t0:.1f} s")


def open_big(folder: Path) -> Diary:
    store = vault.unlock(folder, PASSPHRASE)
    diary = open_diary(store)
    diary.today_override = date.today()
    return diary


def timeit(fn: Callable[[], object], repeat: int = 30) -> list[float]:
    fn()  # warm
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def row(label: str, value: float, unit: str = "ms", target: str = "") -> None:
    print(f"  {label:<58} {value:>10.2f} {unit:<6} {target}")
