"""Nothing is lost when an import goes wrong, and a finished import can still be undone.

* The import is one transaction: an error or a kill -9 at any moment of it leaves the diary exactly as it
  was (every table compared row by row after unlocking again).
* Its restore point is the diary as it was just before the import: a verified backup written from that
  moment's snapshot, after the import's own commit. Restoring it undoes the import exactly.
* With no room for the restore point the import is refused before anything is written.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.errors import DiskFull
from app.services.backup import list_backups, restore
from app.services.clients import clients, entries
from app.services.context import Diary, Worker
from app.services.importing import importer
from app.services.validation import luhn_ok
from app.storage import vault
from app.storage.vault import Store
from tests.unit.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2025, 3, 1)
LOCAL = {"backup_events"}  # this laptop's record of its backups: a restore adds to it by design


def _pnr(n: int) -> str:
    birth = f"19{60 + n % 40:02d}{1 + n % 12:02d}{1 + n % 28:02d}"
    serial = f"{n % 1000:03d}"
    for check in range(10):
        if luhn_ok(birth[2:] + serial + str(check)):
            return f"{birth}-{serial}{check}"
    raise AssertionError


def sheet(rows: int, first: int = 0) -> bytes:
    lines = ["namn;personnummer;stadsdel;beställande enhet;startdatum;slutdatum;förlängt till;stödformer"]
    for i in range(first, first + rows):
        lines.append(f"Kvinna {i:05d};{_pnr(i)};Älvsjö;Vuxenenheten;2024-0{1 + i % 9}-1{i % 10};"
                     f"2024-1{i % 3}-2{i % 9};{'2025-02-01' if i % 3 == 0 else ''};stödsamtal, praktiskt stöd")
    return ("\n".join(lines) + "\n").encode("utf-8")


def dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the search index's shadow tables included), in a stable order."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with store.engine.connect() as conn:
        names = [r[0] for r in conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))]
        for name in names:
            if name in LOCAL or name == "diary_fts":  # the FTS table itself is a view of diary_entries
                continue
            out[name] = sorted((tuple(r) for r in conn.execute(text(f'SELECT * FROM "{name}"'))), key=repr)
        conn.rollback()
    return out


@pytest.fixture
def diary(store: Store) -> Diary:
    d = Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=TODAY)
    cid = clients.create_client(d, clients.ClientInput(name="Redan Här")).id
    entries.add_entry(d, cid, entries.EntryInput(text="Samtal", kinds=["support_talk"], event_on="2025-02-01"),
                      sign=True)
    assert importer.import_file(d, sheet(5, first=900), "first.csv").imported
    importer.wait_for_restore_points(d)
    return d


CHILD = r"""
import os, signal, sys
from datetime import UTC, date, datetime
from app.services.context import Diary, Worker
from app.services.importing import importer
from app.storage import changefeed, vault
data_dir, csv, mode = sys.argv[1:4]
store = vault.unlock(data_dir, os.environ["ATHENA_TEST_PASS"])
diary = Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=date(2025, 3, 1))
orig = importer.bulk_insert
done = []
def bulk(s, model, rows):
    # A tiny page cache: the uncommitted rows spill into the write-ahead log before the kill.
    s.connection().exec_driver_sql("PRAGMA cache_size = 20")
    n = orig(s, model, rows)
    done.append(model.__tablename__)
    if mode == "inside" and len(done) == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    if mode == "outside" and len(done) == 1:
        open(data_dir + "/../writing", "w").close()
    return n
importer.bulk_insert = bulk
r = importer.import_file(diary, open(csv, "rb").read(), "kill.csv")
print([p.describe("en") for p in r.problems][:3])
print("finished without being killed")
"""


def _child(data_dir: Path, csv: Path, mode: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "ATHENA_TEST_PASS": PASSPHRASE, "ATHENA_TEST_FAST_KDF": "1",
           "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", CHILD, str(data_dir), str(csv), mode], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_kill_9_inside_the_import_leaves_the_diary_as_it_was(diary: Diary, store: Store, data_dir: Path,
                                                             tmp_path: Path) -> None:
    before = dump(store)
    store.close()
    csv = tmp_path / "kill.csv"
    csv.write_bytes(sheet(400))
    proc = _child(data_dir, csv, "inside")
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL, err.decode()
    again = vault.unlock(data_dir, PASSPHRASE)
    try:
        assert again.integrity_check() == []
        assert dump(again) == before
    finally:
        again.close()


def test_kill_9_from_outside_while_writing_leaves_the_diary_as_it_was(diary: Diary, store: Store,
                                                                      data_dir: Path, tmp_path: Path) -> None:
    before = dump(store)
    store.close()
    csv = tmp_path / "kill.csv"
    csv.write_bytes(sheet(1500, first=2000))
    marker = data_dir.parent / "writing"
    proc = _child(data_dir, csv, "outside")
    deadline = time.monotonic() + 120
    while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert marker.exists(), proc.communicate()[1].decode()
    time.sleep(0.05)  # the other tables are being written now
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=60)
    assert b"finished" not in out  # killed inside the import's transaction
    again = vault.unlock(data_dir, PASSPHRASE)
    try:
        assert again.integrity_check() == []
        assert dump(again) == before
    finally:
        again.close()


def test_an_error_midway_writes_nothing_and_takes_no_restore_point(diary: Diary, store: Store,
                                                                   data_dir: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    before, backups_before = dump(store), list_backups(data_dir)
    orig = importer.bulk_insert
    calls = []

    def failing(s: Any, model: Any, rows: Any) -> int:
        calls.append(model)
        if len(calls) == 4:
            raise RuntimeError("simulated failure in the middle of the import")
        return orig(s, model, rows)

    monkeypatch.setattr(importer, "bulk_insert", failing)
    with pytest.raises(RuntimeError):
        importer.import_file(diary, sheet(50), "fail.csv")
    importer.wait_for_restore_points(diary)
    assert dump(store) == before
    assert list_backups(data_dir) == backups_before


def test_a_finished_import_is_undone_by_its_restore_point(diary: Diary, store: Store, data_dir: Path) -> None:
    before = dump(store)
    with store.engine.connect() as conn:
        known = {r[0] for r in conn.execute(text("SELECT id FROM clients"))}
    report = importer.import_file(diary, sheet(300), "second.csv")
    assert report.imported and report.clients == 300
    points = importer.wait_for_restore_points(diary)
    assert [p.reason for p in points] == ["import"]
    newest = list_backups(data_dir)[0]
    assert newest.reason == "import" and newest.path == points[0].path
    with store.engine.connect() as conn:
        imported = [datetime.fromisoformat(at).replace(tzinfo=UTC)
                    for rid, at in conn.execute(text("SELECT id, created_at FROM clients")) if rid not in known]
    assert len(imported) == 300
    assert newest.taken_at <= min(imported)  # named for the moment before the import wrote anything
    assert dump(store) != before
    store.close()
    restored = restore(data_dir, PASSPHRASE, newest.path)
    try:
        assert dump(restored) == before
    finally:
        restored.close()


def test_restore_point_is_the_diary_before_the_import_even_with_writes_after(diary: Diary, store: Store,
                                                                             data_dir: Path) -> None:
    """The restore point is written from the snapshot taken before the import, so neither the import nor a
    write made while the backup is being written reaches it."""
    before = dump(store)
    report = importer.import_file(diary, sheet(200), "third.csv")
    clients.create_client(diary, clients.ClientInput(name="Efter Importen"))
    points = importer.wait_for_restore_points(diary)
    assert report.imported and points
    store.close()
    restored = restore(data_dir, PASSPHRASE, points[0].path)  # opens with the diary's key
    try:
        assert dump(restored) == before  # neither the import nor the woman added after it
    finally:
        restored.close()


def test_no_room_for_the_restore_point_refuses_the_import(diary: Diary, store: Store,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    before = dump(store)
    from app.storage import backups

    monkeypatch.setattr(backups, "free_bytes", lambda folder: 1024)
    with pytest.raises(DiskFull):
        importer.import_file(diary, sheet(20), "full.csv")
    assert dump(store) == before
