"""Encrypted backups of a diary: taking, listing, rotating, re-encrypting on rekey, and restoring files.

A backup is a whole, verified copy of ``diary.db`` made with SQLite's online backup API, still encrypted
under the diary's database key (so it opens with the current passphrase through the current key file, and
with nothing else). Each backup folder also holds a copy of the key file, named for the diary, so that a
second folder (a USB stick, a home drive) is enough to bring a diary back on a new laptop.

File names: ``athena-<diary id>-<UTC time>-<reason>.db`` (``20261201T101500Z``). Rotation keeps everything
from the last day, the newest backup of each of the last 7 days that have one and the newest of each of the
last 4 weeks.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlcipher3

from app.errors import BackupError, StorageError
from app.storage import layout
from app.storage.private_files import write_private

PREFIX = "athena-"
SUFFIX = ".db"
REKEYED = ".rekeyed"  # a backup re-encrypted under a pending key, renamed when the rekey is finished
_NAME = re.compile(r"^athena-(?P<diary>[0-9a-zA-Z]{1,40})-(?P<ts>\d{8}T\d{6}(?:\d{6})?Z)-(?P<reason>[a-z-]{1,32})\.db$")
REASONS = ("scheduled", "manual", "migration", "rekey", "import", "purge", "restore", "demo")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    diary_id: str  # the diary's tag (see ``tag``)
    taken_at: datetime  # UTC
    reason: str
    size: int


@dataclass(frozen=True)
class Rotation:
    keep_daily: int = 7
    keep_weekly: int = 4


def tag(diary_id: str) -> str:
    """The diary's mark in file names: its id without dashes (ids are UUIDs)."""
    return re.sub(r"[^0-9a-zA-Z]", "", diary_id)[:32] or "diary"


def key_copy_name(diary_id: str) -> str:
    return f"{PREFIX}{tag(diary_id)}.key"


def _stamp(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def parse(path: Path) -> BackupFile | None:
    m = _NAME.match(path.name)
    if not m:
        return None
    ts = m["ts"]
    fmt = "%Y%m%dT%H%M%S%fZ" if len(ts) > 16 else "%Y%m%dT%H%M%SZ"
    try:
        taken = datetime.strptime(ts, fmt).replace(tzinfo=UTC)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupFile(path, m["diary"], taken, m["reason"], size)


def list_backups(folders: Iterable[Path], diary_id: str | None = None) -> list[BackupFile]:
    """Every backup in these folders (of one diary, when given), newest first."""
    found: list[BackupFile] = []
    for folder in folders:
        with contextlib.suppress(OSError):
            for p in Path(folder).iterdir():
                b = parse(p)
                if b is not None and (diary_id is None or b.diary_id == tag(diary_id)):
                    found.append(b)
    found.sort(key=lambda b: (b.taken_at, str(b.path)), reverse=True)
    return found


def open_file(path: Path, key: bytes) -> Any:
    """A keyed connection to a backup file (rollback journal, not WAL: a backup is one file)."""
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        conn.close()
        raise BackupError("The backup cannot be opened with this diary's key.") from None
    return conn


def verify(path: Path, key: bytes) -> None:
    """The backup opens with ``key``, every page passes SQLCipher's authentication, and it has a schema."""
    conn = open_file(path, key)
    try:
        bad = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'").fetchone()[0]
    except sqlcipher3.DatabaseError:
        raise BackupError("The backup is damaged.") from None
    finally:
        conn.close()
    if bad or not tables:
        raise BackupError("The backup is damaged.")


def opens_with(path: Path, key: bytes) -> bool:
    try:
        conn = open_file(path, key)
    except BackupError:
        return False
    conn.close()
    return True


def free_bytes(folder: Path) -> int:
    """Free space on the disk holding ``folder`` (or its nearest existing parent)."""
    probe = Path(folder)
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    return shutil.disk_usage(probe).free


def check_room(folder: Path, db: Path) -> None:
    """Refuse before anything is written when ``folder`` cannot hold a backup of ``db`` (and its log)."""
    try:
        size = sum(p.stat().st_size for p in [db, *layout.sidecars(db)] if p.exists())
        free = free_bytes(folder)
    except OSError:
        raise BackupError("The backup could not be written; nothing was changed.") from None
    if free < size + (16 << 20):
        raise layout.disk_full("the backup")


def take(source: Any, key: bytes, diary_id: str, reason: str, folders: Sequence[Path],
         *, now: datetime | None = None, rotation: Rotation | None = None,
         key_file: Path | None = None) -> list[BackupFile]:
    """Copy the open database ``source`` (a raw sqlcipher3 connection) into each folder, verify each copy,
    refresh the key copy beside them and rotate. The first folder must succeed; the others (a second folder
    that may be unplugged) are best effort. Returns the backups written."""
    if reason not in REASONS:
        raise ValueError(reason)
    now = now or datetime.now(UTC)
    written: list[BackupFile] = []
    for i, folder in enumerate(folders):
        try:
            written.append(_take_one(source, key, diary_id, reason, Path(folder), now, key_file,
                                     make_parents=i == 0))
        except (OSError, BackupError, sqlcipher3.DatabaseError) as exc:
            if i == 0:
                if layout.is_disk_full(exc):
                    raise layout.disk_full("the backup") from None
                if isinstance(exc, BackupError):
                    raise
                raise BackupError("The backup could not be written; nothing was changed.") from None
            continue
        rotate(Path(folder), diary_id, now=now, rotation=rotation or Rotation(), key=key)
    return written


def _take_one(source: Any, key: bytes, diary_id: str, reason: str, folder: Path, now: datetime,
              key_file: Path | None, *, make_parents: bool) -> BackupFile:
    # A second folder is made only inside a parent that exists: an unplugged stick's mount point must not
    # turn into a local folder that looks like a second copy.
    folder.mkdir(parents=make_parents, exist_ok=True, mode=0o700)
    final = folder / f"{PREFIX}{tag(diary_id)}-{_stamp(now)}-{reason}{SUFFIX}"
    tmp = final.with_name(final.name + ".tmp")
    for p in (tmp, Path(str(tmp) + "-journal")):
        p.unlink(missing_ok=True)
    layout.create_private_file(tmp)
    try:
        dst = open_file(tmp, key)
        try:
            source.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
        layout.fsync_file(tmp)
        verify(tmp, key)
        os.replace(tmp, final)
    except BaseException:
        for p in (tmp, Path(str(tmp) + "-journal")):
            p.unlink(missing_ok=True)
        raise
    layout.fsync_dir(folder)
    if key_file is not None:
        copy_key(key_file, folder, diary_id)
    b = parse(final)
    assert b is not None
    return b


def copy_key(key_file: Path, folder: Path, diary_id: str) -> None:
    with contextlib.suppress(OSError, StorageError):
        if folder.is_dir():
            write_private(folder / key_copy_name(diary_id), key_file.read_bytes())


def rotate(folder: Path, diary_id: str, *, now: datetime, rotation: Rotation,
           key: bytes | None = None) -> list[Path]:
    """Delete backups outside the rotation; with ``key``, also those no longer openable with it (left by a
    rekey while this folder was unplugged: useless with the current key, and they must not stay readable
    with the old one). Returns what was deleted."""
    with contextlib.suppress(OSError):
        for p in folder.glob(f"{PREFIX}{tag(diary_id)}-*{SUFFIX}{REKEYED}*"):
            p.unlink(missing_ok=True)  # a rekey that never reached its pending key (see finish_rekey)
    items = list_backups([folder], diary_id)
    if key is not None:
        stale = [b for b in items if not opens_with(b.path, key)]
        if len(stale) < len(items):  # never empty a folder because of one wrong key
            for b in stale:
                b.path.unlink(missing_ok=True)
            items = [b for b in items if b not in stale]
    keep = {b.path for b in select_kept(items, now, rotation)}
    dropped = []
    for b in items:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            dropped.append(b.path)
    return dropped


def select_kept(items: Sequence[BackupFile], now: datetime, rotation: Rotation) -> list[BackupFile]:
    newest_first = sorted(items, key=lambda b: b.taken_at, reverse=True)
    kept: list[BackupFile] = newest_first[:1]
    kept += [b for b in newest_first if now - b.taken_at < timedelta(days=1)]
    days: dict[Any, BackupFile] = {}
    weeks: dict[Any, BackupFile] = {}
    for b in newest_first:
        local = b.taken_at.astimezone()
        days.setdefault(local.date(), b)
        weeks.setdefault(local.isocalendar()[:2], b)
    kept += list(days.values())[: rotation.keep_daily]
    kept += list(weeks.values())[: rotation.keep_weekly]
    seen: dict[Path, BackupFile] = {b.path: b for b in kept}
    return sorted(seen.values(), key=lambda b: b.taken_at, reverse=True)


def prepare_rekey(folders: Iterable[Path], diary_id: str, old_key: bytes, new_key: bytes) -> list[Path]:
    """Write each backup again under ``new_key`` beside it (``….db.rekeyed``), verified. Nothing is replaced
    yet: until the rekey is finished the old backups still open with the old (main) key."""
    done: list[Path] = []
    for b in list_backups(folders, diary_id):
        if not opens_with(b.path, old_key):
            continue
        target = Path(str(b.path) + REKEYED)
        tmp = Path(str(target) + ".tmp")
        try:
            shutil.copyfile(b.path, tmp)
            tmp.chmod(0o600)
            conn = open_file(tmp, old_key)
            try:
                conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
            finally:
                conn.close()
            layout.fsync_file(tmp)
            verify(tmp, new_key)
            os.replace(tmp, target)
        except (OSError, BackupError, sqlcipher3.DatabaseError) as exc:
            tmp.unlink(missing_ok=True)
            for p in done:
                p.unlink(missing_ok=True)
            if layout.is_disk_full(exc):
                raise layout.disk_full("the backups") from None
            raise BackupError("The backups could not be re-encrypted; nothing was changed.") from None
        done.append(target)
    return done


def finish_rekey(folders: Iterable[Path], diary_id: str, *, keep_new: bool) -> None:
    """After the database has (``keep_new``) or has not moved to the new key: put each re-encrypted backup in
    place of its old one, or throw the re-encrypted copies away."""
    for folder in folders:
        with contextlib.suppress(OSError):
            for p in list(Path(folder).iterdir()):
                if not p.name.endswith(REKEYED) or parse(p.with_name(p.name[: -len(REKEYED)])) is None:
                    if p.name.endswith(REKEYED + ".tmp"):
                        p.unlink(missing_ok=True)
                    continue
                if keep_new:
                    os.replace(p, p.with_name(p.name[: -len(REKEYED)]))
                else:
                    p.unlink(missing_ok=True)
            layout.fsync_dir(Path(folder))


def stage(backup: Path, key: bytes, data_dir: Path) -> Path:
    """Copy a verified backup beside ``diary.db`` (``diary.db.restore``), verified again, ready to swap in."""
    verify(backup, key)
    tmp = Path(data_dir) / (layout.DB_NAME + ".restore")
    tmp.unlink(missing_ok=True)
    try:
        layout.create_private_file(tmp)
        shutil.copyfile(backup, tmp)
        layout.fsync_file(tmp)
        verify(tmp, key)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and layout.is_disk_full(exc):
            raise layout.disk_full("the restored diary") from None
        if isinstance(exc, OSError):
            raise BackupError("The backup could not be copied; the diary was not changed.") from None
        raise
    return tmp


def swap_in(staged: Path, data_dir: Path) -> None:
    """Put the staged copy in place of ``diary.db`` (the caller has kept a copy of what was there)."""
    db = layout.db_path(data_dir)
    for side in layout.sidecars(db):
        side.unlink(missing_ok=True)
    os.replace(staged, db)
    layout.fsync_dir(Path(data_dir))


def keep_damaged(data_dir: Path, now: datetime | None = None) -> Path | None:
    """Before restoring over a diary that cannot be opened: keep its files, renamed, never deleted."""
    db = layout.db_path(data_dir)
    if not db.exists():
        return None
    target = data_dir / f"diary-damaged-{_stamp(now or datetime.now(UTC))}.db"
    os.replace(db, target)
    for side in layout.sidecars(db):
        if side.exists():
            os.replace(side, Path(str(target) + side.name[len(layout.DB_NAME):]))
    layout.fsync_dir(data_dir)
    return target
