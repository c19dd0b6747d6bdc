"""Creating, unlocking, re-keying, backing up and checking a diary on disk.

The folder's files are described in ``layout.py``; backups in ``backups.py``.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, insert, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import sessionmaker

from app.errors import (
    BackupError,
    DiaryDamaged,
    DiaryExists,
    DiaryMissing,
    DiaryTooNew,
    DiskFull,
    StorageError,
    WrongPassphrase,
)
from app.models import Setting, new_id
from app.storage import backups, keyfile, layout, migrate, recovery
from app.storage.changefeed import DiarySession, DriverWrite, Identity
from app.storage.engine import BUSY_TIMEOUT_S, WRITE_OPTION, make_engine, open_raw
from app.storage.keyfile import KdfParams, KeyFile
from app.storage.private_files import fsync_dir, write_private

DB_NAME = layout.DB_NAME
KEY_NAME = layout.KEY_NAME
db_path = layout.db_path
key_path = layout.key_path
diary_exists = layout.diary_exists

DAMAGED = "The diary file is damaged: it cannot be read, although the passphrase is right. " + layout.RESTORE_HINT


def backup_folders(data_dir: Path) -> list[Path]:
    """Where this diary's backups go: its own ``backups/`` first, then the folder IT configured, if any."""
    from app.config import machine_config

    folders = [layout.backups_dir(data_dir)]
    extra = machine_config().backup_folder
    if extra is not None and extra.resolve() != folders[0].resolve():
        folders.append(extra)
    return folders


class WriteTurns:
    """First come, first served among this process's writers. SQLite's own wait for the write lock polls
    with growing sleeps, so a writer that keeps starting transactions (a sync round) would take the lock again
    and again before a waiting one wakes up; with turns, the waiting write goes next. Re-entrant per thread;
    a turn not reached within the busy timeout gives up with a clear message, as SQLite's wait does."""

    def __init__(self, timeout_s: float = BUSY_TIMEOUT_S) -> None:
        self._cond = threading.Condition()
        self._next = 0
        self._serving = 0
        self._given_up: set[int] = set()
        self._owner: int | None = None
        self._depth = 0
        self._timeout_s = timeout_s

    def __enter__(self) -> None:
        me = threading.get_ident()
        with self._cond:
            if self._owner == me:
                self._depth += 1
                return
            ticket = self._next
            self._next += 1
            deadline = time.monotonic() + self._timeout_s
            while ticket != self._serving:
                left = deadline - time.monotonic()
                if left <= 0:
                    self._given_up.add(ticket)
                    raise StorageError(BUSY)
                self._cond.wait(left)
            self._owner, self._depth = me, 1

    def waiting(self) -> bool:
        """Whether another thread is waiting for its turn (asked by the one holding it)."""
        with self._cond:
            return self._next - self._serving - 1 - sum(1 for t in self._given_up if t > self._serving) > 0

    def __exit__(self, *exc: object) -> None:
        with self._cond:
            self._depth -= 1
            if self._depth == 0:
                self._owner = None
                self._serving += 1
                while self._serving in self._given_up:
                    self._given_up.discard(self._serving)
                    self._serving += 1
                self._cond.notify_all()


BUSY = "The diary is busy with another change that takes long; nothing was changed. Try again in a moment."


@dataclass
class Store:
    """An unlocked diary: the engine and session factories. Close it to lock."""

    data_dir: Path
    engine: Engine
    diary_id: str
    device_id: str
    _key: bytes
    backup_problem: str = ""  # set when the scheduled backup at unlock failed (the diary itself is fine)
    _pending: list[RestorePoint] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._turns = WriteTurns()
        self._write_engine = self.engine.execution_options(**{WRITE_OPTION: True})
        self._read_factory = sessionmaker(bind=self.engine, class_=DiarySession, expire_on_commit=False)
        self._write_factory = sessionmaker(bind=self._write_engine, class_=DiarySession,
                                           expire_on_commit=False)

    @contextlib.contextmanager
    def write(self, identity: Identity) -> Iterator[DiarySession]:
        """A write transaction (BEGIN IMMEDIATE): commits on success, rolls back on any error. The threads of
        this process take their turns in order (``WriteTurns``), so a write never waits behind more than the
        transaction under way (a sync round applies in many short ones)."""
        with self._turns, self._write_factory(identity=identity) as session:
            try:
                yield session
                session.commit()
            except BaseException as exc:
                session.rollback()
                if isinstance(exc, (DBAPIError, OSError)) and layout.is_disk_full(exc):
                    raise layout.disk_full("the change") from None
                raise

    def writers_waiting(self) -> bool:
        """Whether another thread of this program waits to write (a long writer commits and lets it go)."""
        return self._turns.waiting()

    @contextlib.contextmanager
    def write_cursor(self, identity: Identity) -> Iterator[DriverWrite]:
        """A write transaction on a pooled connection's own cursor (BEGIN IMMEDIATE … COMMIT), no session:
        commits on success, rolls back on any error. Only for writes that feed the change log themselves
        (``changefeed.insert_one``). Takes its turn among the process's writers like ``write``."""
        with self._turns:
            yield from self._write_cursor(identity)

    def _write_cursor(self, identity: Identity) -> Iterator[DriverWrite]:
        conn = self._write_engine.raw_connection()
        cur = conn.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
            try:
                yield DriverWrite(identity, self.engine.dialect, cur)
                cur.execute("COMMIT")
            except BaseException as exc:
                if conn.dbapi_connection is not None and conn.dbapi_connection.in_transaction:
                    cur.execute("ROLLBACK")
                if isinstance(exc, (sqlcipher3.Error, OSError)) and layout.is_disk_full(exc):
                    raise layout.disk_full("the change") from None
                raise
        finally:
            cur.close()
            conn.close()  # back to the pool

    @contextlib.contextmanager
    def read(self, identity: Identity) -> Iterator[DiarySession]:
        # Closing the session ends its (deferred, read-only) transaction; loaded objects stay readable.
        with self._read_factory(identity=identity) as session:
            yield session

    def close(self) -> None:
        with contextlib.suppress(StorageError):
            self.wait_for_restore_points()  # a restore point being written is finished first
        self.engine.dispose()
        self._key = b""

    def restore_point(self, reason: str) -> RestorePoint:
        """Hold the diary as it is now, to be written as a verified backup (``RestorePoint.start``) after the
        caller's changes. Refuses (``DiskFull``, ``BackupError``) when the backup folder has no room for it."""
        return RestorePoint(self, reason)

    def wait_for_restore_points(self) -> list[backups.BackupFile]:
        """Wait for the restore points being written; the backups written (first folder's first). Raises the
        first failure after waiting for all of them."""
        pending, self._pending = self._pending, []
        for point in pending:
            point.join()
        failed = [p.error for p in pending if p.error is not None]
        if failed:
            if isinstance(failed[0], StorageError):
                raise failed[0]
            raise BackupError("The backup could not be written; nothing was changed.")
        return [p.written[0] for p in pending if p.written]

    def integrity_check(self) -> list[str]:
        """Problems found by SQLite's and SQLCipher's checks; an empty list means the diary is sound."""
        problems: list[str] = []
        checks = ("PRAGMA integrity_check", "PRAGMA cipher_integrity_check", "PRAGMA foreign_key_check")
        with self.engine.connect() as conn:
            for pragma in checks:
                try:
                    rows = [" ".join(str(v) for v in r) for r in conn.exec_driver_sql(pragma).fetchall()]
                except DBAPIError:
                    problems.append(f"{pragma}: the database file is damaged")
                    continue
                problems.extend(r for r in rows if r != "ok")
            # Only ever held inside a bulk insert's transaction (app/sync/derived.py), which cannot commit it.
            if conn.exec_driver_sql("SELECT 1 FROM derived_deferred LIMIT 1").first() is not None:
                problems.append("derived_deferred is not empty: the search index and the kinds of support of "
                                "some diary entries may be missing")
            conn.rollback()
        return problems

    def backup(self, reason: str, *, folders: Sequence[Path] | None = None,
               now: datetime | None = None) -> list[backups.BackupFile]:
        """An encrypted, verified backup of the diary as it is now, in every backup folder, rotated."""
        return take_backup(self.engine, self._key, self.diary_id, self.data_dir, reason, folders=folders,
                           now=now)

    def checkpoint(self) -> None:
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.rollback()


def take_backup(engine: Engine, key: bytes, diary_id: str, data_dir: Path, reason: str, *,
                folders: Sequence[Path] | None = None, now: datetime | None = None,
                source: Any = None) -> list[backups.BackupFile]:
    """A verified backup of the diary as ``source`` (a raw connection, possibly inside a read transaction
    that holds an earlier snapshot) sees it; by default as it is now."""
    from app.config import machine_config

    cfg = machine_config()

    def take(raw: Any) -> list[backups.BackupFile]:
        return backups.take(raw, key, diary_id, reason, folders or backup_folders(data_dir), now=now,
                            rotation=backups.Rotation(cfg.backup_keep_daily, cfg.backup_keep_weekly),
                            key_file=key_path(data_dir))

    if source is not None:
        written = take(source)
    else:
        with engine.connect() as conn:
            written = take(conn.connection.dbapi_connection)
    if written:
        record_event(engine, "backup", reason, written[0].taken_at, written[0].size, len(written))
    return written


class RestorePoint:
    """The diary as it was at one moment, written as a verified backup after changes made since.

    A read transaction opened at that moment holds its snapshot (write-ahead logging keeps a reader's pages
    while writers commit after it); ``start`` copies that snapshot with SQLite's online backup in a background
    thread, so the caller's changes need not wait for a copy of the whole diary. The backup is named for the
    moment the snapshot was taken. ``cancel`` lets the snapshot go without a backup (nothing changed)."""

    def __init__(self, store: Store, reason: str) -> None:
        if reason not in backups.REASONS:
            raise ValueError(reason)
        folders = backup_folders(store.data_dir)
        backups.check_room(folders[0], db_path(store.data_dir))
        self.reason = reason
        self._store = store
        self._key = store._key
        self._folders = folders
        self._proxy: Any = store.engine.raw_connection()
        try:
            raw: Any = self._proxy.dbapi_connection
            raw.execute("BEGIN")
            raw.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts here
        except BaseException:
            self._proxy.close()
            raise
        self.taken_at = datetime.now(UTC)
        self.written: list[backups.BackupFile] = []
        self.error: BaseException | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> RestorePoint:
        self._thread = threading.Thread(target=self._run, name="athena-restore-point")
        self._store._pending.append(self)
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            self.written = take_backup(self._store.engine, self._key, self._store.diary_id, self._store.data_dir,
                                       self.reason, folders=self._folders, now=self.taken_at,
                                       source=self._proxy.dbapi_connection)
        except BaseException as exc:  # reported by join/wait_for_restore_points
            self.error = exc
        finally:
            self._release()

    def _release(self) -> None:
        with contextlib.suppress(Exception):
            self._proxy.dbapi_connection.execute("ROLLBACK")
        with contextlib.suppress(Exception):
            self._proxy.close()

    def cancel(self) -> None:
        self._release()

    def join(self) -> None:
        if self._thread is not None:
            self._thread.join()


def record_event(engine: Engine, kind: str, reason: str, taken_at: datetime | None, size: int,
                 folders: int) -> None:
    """A row in ``backup_events`` (not in the change feed: it is about this laptop's files). Best effort: a
    diary still at an older schema (the backup before its migration) has no such table yet."""
    from app.models.base import utcnow

    with contextlib.suppress(DBAPIError), engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO backup_events (at, kind, reason, backup_taken_at, size, folders) VALUES (?,?,?,?,?,?)",
            (utcnow().isoformat(sep=" "), kind, reason,
             taken_at.replace(tzinfo=None).isoformat(sep=" ") if taken_at else None, size, folders))


def create(data_dir: Path, passphrase: str, params: KdfParams | None = None) -> Store:
    """Make a new diary. Refuses to touch an existing one, whole or damaged."""
    data_dir = Path(data_dir)
    if diary_exists(data_dir):
        raise DiaryExists("A diary already exists in this folder.")
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    params = params or KdfParams.default()
    db_key = secrets.token_bytes(keyfile.KEY_BYTES)
    kf = KeyFile(diary_id=new_id(), main=keyfile.wrap_with_passphrase(db_key, passphrase, params))
    try:
        # Key file first: a database without its key file would be unreadable forever.
        kf.save(key_path(data_dir))
        layout.create_private_file(db_path(data_dir))
        conn = open_raw(db_path(data_dir), db_key, create=True)
        conn.close()
        return _open(data_dir, kf, db_key, new=True)
    except BaseException as exc:
        # Nothing was ever written into this diary: leave the folder as it was.
        for p in (db_path(data_dir), *layout.sidecars(db_path(data_dir)), key_path(data_dir),
                  data_dir / (KEY_NAME + ".tmp")):
            p.unlink(missing_ok=True)
        if isinstance(exc, (OSError, DBAPIError, sqlcipher3.Error, StorageError)) and (
                layout.is_disk_full(exc) or layout.free_bytes(data_dir) < layout.PAGE_SIZE * 16):
            raise layout.disk_full("the new diary") from None
        raise


unwrap_key = keyfile.unwrap_folder


def unlock(data_dir: Path, passphrase: str) -> Store:
    """Open a diary. A diary whose files cannot be sound is refused before anything is written."""
    data_dir = Path(data_dir)
    if not diary_exists(data_dir):
        raise DiaryMissing("No diary was found in this folder.")
    layout.clean_leftovers(data_dir)
    layout.check_files(data_dir)
    kf, db_key = unwrap_key(data_dir, passphrase)
    if kf.pending is not None:
        db_key = _finish_interrupted_rekey(data_dir, kf, passphrase, db_key)
    layout.make_folder_private(data_dir)
    return _open(data_dir, kf, db_key)


def _open(data_dir: Path, kf: KeyFile, db_key: bytes, *, new: bool = False) -> Store:
    engine = make_engine(db_path(data_dir), db_key)
    try:
        try:
            tables = _table_count(engine)
        except (WrongPassphrase, StorageError, DBAPIError, sqlcipher3.Error):
            # SQLite cannot even make its write-ahead log on a full disk; that is not damage.
            if layout.free_bytes(data_dir) < layout.PAGE_SIZE * 16:
                raise layout.disk_full("the diary") from None
            # The key was unwrapped (authenticated), so it is the right one: the file is damaged.
            raise DiaryDamaged(DAMAGED) from None
        if tables == 0 and not new:
            raise DiaryDamaged("The diary file holds no diary (no tables): it is damaged. "
                               + layout.RESTORE_HINT)
        try:
            migrate.upgrade(engine, data_dir,
                            before=lambda reason: take_backup(engine, db_key, kf.diary_id, data_dir, reason))
            device_id = _device_id(engine)
        except (DiaryTooNew, DiskFull):
            raise
        except (DBAPIError, sqlcipher3.Error) as exc:
            if layout.is_disk_full(exc):
                raise layout.disk_full("the diary") from None
            if "malformed" in str(getattr(exc, "orig", exc)) or "not a database" in str(getattr(exc, "orig", exc)):
                raise DiaryDamaged(DAMAGED) from None
            raise
    except BaseException:
        engine.dispose()
        raise
    return Store(data_dir=data_dir, engine=engine, diary_id=kf.diary_id, device_id=device_id, _key=db_key)


def _table_count(engine: Engine) -> int:
    with engine.connect() as conn:
        n = int(conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type = 'table'").scalar() or 0)
        conn.rollback()
    return n


def _device_id(engine: Engine) -> str:
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        dev = conn.scalar(select(Setting.value).where(Setting.key == "device.id"))
        if dev is None:
            dev = new_id()
            conn.execute(insert(Setting).values(key="device.id", value=dev))
        return str(dev)


def change_passphrase(data_dir: Path, old: str, new: str, params: KdfParams | None = None) -> None:
    """Re-wrap the same database key under a new passphrase. The database file is not touched; the key
    copies beside the backups are replaced, so the old passphrase opens no backup either."""
    kf, db_key = unwrap_key(data_dir, old)
    kf.main = keyfile.wrap_with_passphrase(db_key, new, params or kf.main.params)
    kf.save(key_path(Path(data_dir)))
    for folder in backup_folders(Path(data_dir)):
        backups.copy_key(key_path(Path(data_dir)), folder, kf.diary_id)


def rekey(store: Store, passphrase: str) -> Store:
    """Replace the database key with a new random one (e.g. after a key may have leaked).

    Takes a backup, writes an encrypted copy of the database and of every backup under the new key, records
    the new key as ``pending`` in the key file, swaps the files, then promotes the pending key. A crash at
    any point leaves a diary (and backups) that unlock with the passphrase; afterwards no backup opens
    with the old key.
    """
    data_dir = store.data_dir
    kf, old_key = unwrap_key(data_dir, passphrase)
    new_key = secrets.token_bytes(keyfile.KEY_BYTES)
    folders = backup_folders(data_dir)
    store.backup("rekey", folders=folders)
    tmp = layout.rekey_path(data_dir)
    tmp.unlink(missing_ok=True)
    store.checkpoint()
    store.close()
    src = open_raw(db_path(data_dir), old_key)
    try:
        src.execute(f"ATTACH DATABASE ? AS rekeyed KEY \"x'{new_key.hex()}'\"", (str(tmp),))
        src.execute("SELECT sqlcipher_export('rekeyed')")
        ver = src.execute("PRAGMA user_version").fetchone()[0]
        src.execute(f"PRAGMA rekeyed.user_version = {int(ver)}")
        src.execute("DETACH DATABASE rekeyed")
    except Exception as exc:
        tmp.unlink(missing_ok=True)
        if layout.is_disk_full(exc):
            raise layout.disk_full("the re-encrypted diary") from None
        raise StorageError("The diary could not be re-encrypted; nothing was changed.") from None
    finally:
        src.close()
    layout.make_private(tmp)
    check = open_raw(tmp, new_key)
    try:
        ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        check.close()
    if not ok:
        tmp.unlink(missing_ok=True)
        raise StorageError("The re-encrypted copy failed its check; nothing was changed.")
    try:
        backups.prepare_rekey(folders, kf.diary_id, old_key, new_key)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    kf.pending = keyfile.wrap_with_passphrase(new_key, passphrase, kf.main.params)
    kf.save(key_path(data_dir))
    new_recovery = recovery.reseal(kf.recovery, new_key, kf.diary_id)
    for side in layout.sidecars(db_path(data_dir)):
        side.unlink(missing_ok=True)
    os.replace(tmp, db_path(data_dir))
    fsync_dir(data_dir)
    backups.finish_rekey(folders, kf.diary_id, keep_new=True)
    kf.main, kf.pending, kf.recovery = kf.pending, None, new_recovery
    kf.save(key_path(data_dir))
    for folder in folders:
        backups.copy_key(key_path(data_dir), folder, kf.diary_id)
    return _open(data_dir, kf, new_key)


def _finish_interrupted_rekey(data_dir: Path, kf: KeyFile, passphrase: str, main_key: bytes) -> bytes:
    """A rekey stopped half-way: find which key the database file is under and make it the main one."""
    assert kf.pending is not None
    pending_key = keyfile.unwrap(kf.pending, keyfile.derive_kek(passphrase, kf.pending.salt,
                                                                 kf.pending.params))
    for key, slot in ((main_key, kf.main), (pending_key, kf.pending)):
        try:
            open_raw(db_path(data_dir), key).close()
        except WrongPassphrase:
            continue
        backups.finish_rekey(backup_folders(data_dir), kf.diary_id, keep_new=key is pending_key)
        kf.main, kf.pending = slot, None
        kf.save(key_path(data_dir))
        layout.rekey_path(data_dir).unlink(missing_ok=True)
        return key
    raise DiaryDamaged("The diary file matches neither key; restore it from a backup.")


def restore(data_dir: Path, passphrase: str, backup: Path) -> Store:
    """Put ``backup`` in place of the diary and open it. What was there is kept first: as a backup when it
    still opens, otherwise renamed beside it (``diary-damaged-….db``). The passphrase is the current one;
    a backup that does not open with the diary's current key is refused before anything changes."""
    data_dir = Path(data_dir)
    kf, db_key = unwrap_key(data_dir, passphrase)
    if kf.pending is not None and db_path(data_dir).exists():
        with contextlib.suppress(StorageError):
            db_key = _finish_interrupted_rekey(data_dir, kf, passphrase, db_key)
    info = backups.parse(Path(backup))
    staged = backups.stage(Path(backup), db_key, data_dir)  # first: rotation below may drop the chosen one
    current: Store | None = None
    with contextlib.suppress(StorageError):
        layout.check_files(data_dir)
        current = _open(data_dir, kf, db_key)
    try:
        if current is not None:
            try:
                current.backup("restore")
                current.checkpoint()
            finally:
                current.close()
        else:
            backups.keep_damaged(data_dir)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    backups.swap_in(staged, data_dir)
    restored = _open(data_dir, kf, db_key)
    record_event(restored.engine, "restore", info.reason if info else "", info.taken_at if info else None,
                 info.size if info else 0, 0)
    return restored


def restore_key_copy(data_dir: Path, folder: Path, diary_id: str) -> None:
    """On a laptop with no diary: take the key file from a backup folder (the first step of a restore)."""
    data_dir = Path(data_dir)
    if key_path(data_dir).exists():
        raise DiaryExists("A diary already exists in this folder.")
    src = Path(folder) / backups.key_copy_name(diary_id)
    try:
        data = src.read_bytes()
    except OSError:
        raise DiaryMissing("The backup folder holds no key file for this diary.") from None
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_private(key_path(data_dir), data)


def plain_text_probe(path: Path) -> bool:
    """True when a file starts like an unencrypted SQLite database."""
    with open(path, "rb") as f:
        return f.read(16) == b"SQLite format 3\x00"


__all__ = ["Store", "change_passphrase", "create", "diary_exists", "rekey", "restore", "text", "unlock"]
