"""The diary folder on disk: which file is which, private file modes, damage checks and leftovers.

A diary is a folder::

    diary.db            SQLCipher 4 database (raw 256-bit key), mode 0600
    diary.db-wal/-shm   SQLite's write-ahead log, encrypted like the database
    diary.key           the database key wrapped by the passphrase (see keyfile.py)
    backups/            encrypted backups (see backups.py) and a copy of the key file

Every other module asks this one for paths, so the folder's shape is written down once. Nothing here opens
the database: these checks run before a key is known.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from app.errors import DiaryDamaged, DiskFull
from app.storage.private_files import fsync_dir as fsync_dir

DB_NAME = "diary.db"
KEY_NAME = "diary.key"
BACKUPS_DIR = "backups"
# SQLCipher 4's page size: a sound database file is a whole number of these.
PAGE_SIZE = 4096
SCREENSHOT_PREFIX = "athena-shots-"

RESTORE_HINT = "Restore it from a backup (the “Restore from a backup…” button, or athena restore)."


def db_path(data_dir: Path) -> Path:
    return Path(data_dir) / DB_NAME


def key_path(data_dir: Path) -> Path:
    return Path(data_dir) / KEY_NAME


def backups_dir(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUPS_DIR


def rekey_path(data_dir: Path) -> Path:
    return Path(data_dir) / (DB_NAME + ".rekey")


def sidecars(db: Path) -> list[Path]:
    """The write-ahead log and its index beside a database file."""
    return [Path(str(db) + "-wal"), Path(str(db) + "-shm")]


def diary_exists(data_dir: Path) -> bool:
    """True when this folder holds a diary, whole or not (a lone key or database file is a damaged diary,
    never an invitation to create a new one over it)."""
    return key_path(data_dir).exists() or db_path(data_dir).exists()


def check_files(data_dir: Path) -> None:
    """Refuse a diary whose files cannot be sound, before any key is tried or anything is written.

    A 0-byte or cut-off ``diary.db`` would otherwise be opened by SQLite as a new, empty database.
    """
    db, key = db_path(data_dir), key_path(data_dir)
    if not key.exists():
        raise DiaryDamaged("The diary is damaged: its key file (diary.key) is missing. " + RESTORE_HINT)
    if not db.exists():
        raise DiaryDamaged("The diary is damaged: its database file (diary.db) is missing. " + RESTORE_HINT)
    size = db.stat().st_size
    if size == 0:
        raise DiaryDamaged("The diary file is empty (0 bytes): it is damaged. " + RESTORE_HINT)
    if size < PAGE_SIZE or size % PAGE_SIZE:
        raise DiaryDamaged("The diary file is cut off (truncated): it is damaged. " + RESTORE_HINT)


def make_private(path: Path) -> None:
    """Owner read/write only (diaries made by older releases were 0644)."""
    with contextlib.suppress(FileNotFoundError):
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)


def make_folder_private(data_dir: Path) -> None:
    for p in (db_path(data_dir), key_path(data_dir), *sidecars(db_path(data_dir))):
        make_private(p)


def create_private_file(path: Path) -> None:
    """An empty file with mode 0600, so that SQLite (which gives the WAL the database's mode) never makes a
    world-readable diary, whatever the umask."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def clean_leftovers(data_dir: Path) -> list[str]:
    """Remove what an interrupted operation left behind; returns the names removed.

    - ``diary.key.tmp``: a key file write that never reached its rename (the old key file is intact);
    - ``diary.db.rekey`` and its ``-journal``: a rekey copy, unless the key file still has a pending key (then
      unlocking finishes or undoes the rekey, which needs the passphrase);
    - ``*.tmp``/``*-journal`` in ``backups/``: a backup or restore copy cut off half-way.
    The live database's own ``-wal``/``-journal`` are never touched: SQLite needs them to recover.
    """
    data_dir = Path(data_dir)
    removed: list[str] = []

    def drop(p: Path) -> None:
        try:
            if p.is_dir():
                shutil.rmtree(p)
            else:
                p.unlink()
        except FileNotFoundError:
            return
        removed.append(p.name)

    drop(data_dir / (KEY_NAME + ".tmp"))
    for folder in (data_dir, backups_dir(data_dir)):
        if folder.is_dir():  # private_files' temporary copies cut off by a crash
            for p in folder.glob(".athena-*.part"):
                drop(p)
    for name in (DB_NAME + ".restore", DB_NAME + ".restore-journal"):
        drop(data_dir / name)
    if not _rekey_pending(data_dir):
        rk = rekey_path(data_dir)
        for p in (rk, Path(str(rk) + "-journal"), *sidecars(rk)):
            drop(p)
    bdir = backups_dir(data_dir)
    if bdir.is_dir():
        for p in bdir.iterdir():
            if p.name.endswith((".tmp", ".tmp-journal", ".tmp-wal", ".tmp-shm")) and not (
                    ".rekeyed" in p.name and _rekey_pending(data_dir)):
                drop(p)
    return removed


def clean_screenshot_folders(older_than_s: float = 60.0) -> list[str]:
    """Screenshot runs keep their settings in a temporary folder; remove ones a crashed run left behind."""
    removed: list[str] = []
    root = Path(tempfile.gettempdir())
    now = time.time()
    with contextlib.suppress(OSError):
        for p in root.glob(SCREENSHOT_PREFIX + "*"):
            try:
                st = p.stat()
                if not p.is_dir() or st.st_uid != os.getuid() or now - st.st_mtime < older_than_s:
                    continue
            except (OSError, AttributeError):
                continue
            shutil.rmtree(p, ignore_errors=True)
            removed.append(p.name)
    return removed


def _rekey_pending(data_dir: Path) -> bool:
    try:
        return bool(json.loads(key_path(data_dir).read_text(encoding="utf-8")).get("pending"))
    except (OSError, ValueError, AttributeError):
        # Unreadable key file: leave everything for the unlock to report.
        return True


def is_disk_full(exc: BaseException) -> bool:
    """An OSError or SQLite error that means the disk (or the user's quota) is full."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    text = str(getattr(exc, "orig", exc)).lower()
    return "database or disk is full" in text or "no space left" in text


def free_bytes(path: Path) -> int:
    try:
        return shutil.disk_usage(path).free
    except OSError:
        return 1 << 62


def disk_full(where: str) -> DiskFull:
    return DiskFull("The disk is full: {where} could not be saved. Nothing was lost; free some space and "
                    "try again.", where=where)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())
