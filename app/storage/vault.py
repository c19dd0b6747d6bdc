"""Creating, unlocking, opening and restoring a diary on disk, and the open diary (``Store``).

The folder's files are described in ``layout.py``; backup files in ``backups.py``, taking them from an open
diary in ``restore_point.py``; passphrase changes and re-keying in ``rekeying.py``.
"""

from __future__ import annotations

import contextlib
import secrets
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

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
from app.storage import backups, keyfile, layout, migrate, rekeying
from app.storage.changefeed import DiarySession, DriverWrite, Identity
from app.storage.engine import BUSY_TIMEOUT_S, WRITE_OPTION, make_engine, open_raw
from app.storage.keyfile import KdfParams, KeyFile
from app.storage.private_files import write_private
from app.storage.restore_point import RestorePoint, backup_folders, record_event, take_backup

DB_NAME = layout.DB_NAME
KEY_NAME = layout.KEY_NAME
db_path = layout.db_path
key_path = layout.key_path
diary_exists = layout.diary_exists

DAMAGED = "The diary file is damaged: it cannot be read, although the passphrase is right. " + layout.RESTORE_HINT


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
        return RestorePoint(self.engine, self._key, self.diary_id, self.data_dir, reason,
                            on_start=lambda point: self._pending.append(point))

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
        db_key = rekeying.finish_interrupted(data_dir, kf, passphrase, db_key)
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


def rekey(store: Store, passphrase: str) -> Store:
    """Replace the database key with a new random one (e.g. after a key may have leaked) and open the diary
    under it: the passphrase checked, a backup taken, the diary closed, then ``rekeying.reencrypt``."""
    data_dir = store.data_dir
    kf, old_key = unwrap_key(data_dir, passphrase)
    folders = backup_folders(data_dir)
    store.backup("rekey", folders=folders)
    store.checkpoint()
    store.close()
    kf, new_key = rekeying.reencrypt(data_dir, passphrase, kf, old_key, folders)
    return _open(data_dir, kf, new_key)


def restore(data_dir: Path, passphrase: str, backup: Path) -> Store:
    """Put ``backup`` in place of the diary and open it. What was there is kept first: as a backup when it
    still opens, otherwise renamed beside it (``diary-damaged-….db``). The passphrase is the current one;
    a backup that does not open with the diary's current key is refused before anything changes."""
    data_dir = Path(data_dir)
    kf, db_key = unwrap_key(data_dir, passphrase)
    if kf.pending is not None and db_path(data_dir).exists():
        with contextlib.suppress(StorageError):
            db_key = rekeying.finish_interrupted(data_dir, kf, passphrase, db_key)
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


__all__ = ["Store", "create", "diary_exists", "rekey", "restore", "text", "unlock"]
