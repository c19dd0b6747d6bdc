"""A full disk (a small tmpfs) is named as such and loses nothing. Needs root to mount; skipped otherwise."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import DiskFull
from app.models import Client
from app.services import backup as backup_service
from app.storage import vault
from app.storage.changefeed import Identity
from app.storage.keyfile import KdfParams

from .conftest import PASSPHRASE


def _mount(size: str) -> Iterator[Path]:
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    where = Path(tempfile.mkdtemp(prefix="athena-full-"))
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
                       capture_output=True)
    if r.returncode != 0:
        where.rmdir()
        pytest.skip("mount is not permitted here")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)
        where.rmdir()


@pytest.fixture
def small_disk() -> Iterator[Path]:
    yield from _mount("3m")


def _fill(path: Path) -> None:
    # The last partial chunk can also fail when the file is closed (its buffer is flushed once more), so the
    # close is inside the try as well: how much room is left depends on the size of the diary beside it.
    try:
        with open(path, "wb") as f:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
    except OSError:
        pass


def test_a_write_on_a_full_disk_is_named_and_every_committed_record_survives(small_disk: Path) -> None:
    d = small_disk / "diary"
    store = vault.create(d, PASSPHRASE, KdfParams.fast_for_tests())
    committed: list[str] = []
    with pytest.raises(DiskFull) as err:
        for i in range(10_000):
            name = f"Klient {i}"
            with store.write(Identity("Test", store.device_id)) as s:
                s.add(Client(name=name, name_key=name.lower(), contact_note=secrets.token_hex(8_000)))
            committed.append(name)
    message = str(err.value)
    assert "disk is full" in message and "Klient" not in message
    assert committed, "the disk filled before the first write"
    store.close()
    (small_disk / "ballast").unlink(missing_ok=True)
    reopened = vault.unlock(d, PASSPHRASE)
    try:
        assert reopened.integrity_check() == []
        with reopened.read(Identity("Test", reopened.device_id)) as s:
            stored = set(s.scalars(select(Client.name)))
        assert set(committed) <= stored <= set(committed) | {f"Klient {len(committed)}"}
    finally:
        reopened.close()


def test_a_backup_on_a_full_disk_is_named_and_leaves_no_half_file(small_disk: Path) -> None:
    d = small_disk / "diary"
    store = vault.create(d, PASSPHRASE, KdfParams.fast_for_tests())
    with store.write(Identity("Test", store.device_id)) as s:
        for i in range(40):
            s.add(Client(name=f"K{i}", name_key=f"k{i}", contact_note=secrets.token_hex(4_000)))
    store.checkpoint()
    db_before = (d / "diary.db").read_bytes()
    _fill(small_disk / "ballast")
    with pytest.raises(DiskFull):
        backup_service.make_backup(store, "manual")
    assert list((d / "backups").glob("*")) == [] if (d / "backups").exists() else True
    store.close()
    assert (d / "diary.db").read_bytes() == db_before
    (small_disk / "ballast").unlink()
    vault.unlock(d, PASSPHRASE).close()


def test_creating_a_diary_on_a_full_disk_is_named_and_leaves_nothing(small_disk: Path) -> None:
    _fill(small_disk / "ballast")
    d = small_disk / "diary"
    with pytest.raises(DiskFull):
        vault.create(d, PASSPHRASE, KdfParams.fast_for_tests())
    assert not vault.diary_exists(d)


def test_unlocking_on_a_full_disk_is_named_as_full_not_damaged(small_disk: Path) -> None:
    d = small_disk / "diary"
    store = vault.create(d, PASSPHRASE, KdfParams.fast_for_tests())
    store.close()
    for side in ("diary.db-wal", "diary.db-shm"):
        (d / side).unlink(missing_ok=True)
    before = (d / "diary.db").read_bytes()
    _fill(small_disk / "ballast")
    try:
        vault.unlock(d, PASSPHRASE).close()  # SQLite may still find room for its small files
    except DiskFull as exc:
        assert "disk is full" in str(exc)
    assert (d / "diary.db").read_bytes() == before


def test_an_entry_written_on_the_drivers_cursor_on_a_full_disk_is_named_and_loses_nothing(small_disk: Path) -> None:
    """add_entry writes on the driver's own cursor (Store.write_cursor): a full disk is named the same way,
    with no diary text in the message, and every committed entry (and nothing half) is there afterwards."""
    from app.models import Change, DiaryEntry
    from app.services.clients import clients, entries
    from app.services.context import Diary, Worker

    d = small_disk / "diary"
    store = vault.create(d, PASSPHRASE, KdfParams.fast_for_tests())
    diary = Diary(store, Worker("Test", "Kvinnostödjare"))
    cid = clients.create_client(diary, clients.ClientInput(name="Eva Ek")).id
    committed: list[str] = []
    with pytest.raises(DiskFull) as err:
        for i in range(10_000):
            text = f"Anteckning {i} " + secrets.token_hex(4_000)
            committed.append(entries.add_entry(diary, cid, entries.EntryInput(text, ["support_talk"])).id)
    message = str(err.value)
    assert "disk is full" in message and "Anteckning" not in message
    assert committed, "the disk filled before the first write"
    store.close()
    reopened = vault.unlock(d, PASSPHRASE)
    try:
        assert reopened.integrity_check() == []
        with reopened.read(Identity("Test", reopened.device_id)) as s:
            stored = set(s.scalars(select(DiaryEntry.id)))
            fed = set(s.scalars(select(Change.entity_id).where(Change.entity == "diary_entries")))
        assert stored == set(committed) == fed
    finally:
        reopened.close()
