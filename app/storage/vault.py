"""Creating, unlocking, re-keying and checking a diary on disk.

A diary is a folder::

    diary.db            SQLCipher 4 database (raw 256-bit key)
    diary.db-wal/-shm   SQLite's write-ahead log, encrypted like the database
    diary.key           the database key wrapped by the passphrase (see keyfile.py)
    backups/            encrypted copies taken before each schema upgrade
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, insert, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import sessionmaker

from app.errors import DiaryExists, DiaryMissing, StorageError, WrongPassphrase
from app.models import Setting, new_id
from app.storage import keyfile, migrate
from app.storage.changefeed import DiarySession, Identity
from app.storage.engine import WRITE_OPTION, make_engine, open_raw
from app.storage.keyfile import KdfParams, KeyFile
from app.storage.private_files import copy_private, fsync_dir

DB_NAME = "diary.db"
KEY_NAME = "diary.key"


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_NAME


def key_path(data_dir: Path) -> Path:
    return data_dir / KEY_NAME


def diary_exists(data_dir: Path) -> bool:
    return key_path(data_dir).exists() and db_path(data_dir).exists()


@dataclass
class Store:
    """An unlocked diary: the engine and session factories. Close it to lock."""

    data_dir: Path
    engine: Engine
    diary_id: str
    device_id: str
    _key: bytes

    def __post_init__(self) -> None:
        self._write_engine = self.engine.execution_options(**{WRITE_OPTION: True})
        self._read_factory = sessionmaker(bind=self.engine, class_=DiarySession, expire_on_commit=False)
        self._write_factory = sessionmaker(bind=self._write_engine, class_=DiarySession,
                                           expire_on_commit=False)

    @contextlib.contextmanager
    def write(self, identity: Identity) -> Iterator[DiarySession]:
        """A write transaction (BEGIN IMMEDIATE): commits on success, rolls back on any error."""
        with self._write_factory(identity=identity) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextlib.contextmanager
    def read(self, identity: Identity) -> Iterator[DiarySession]:
        # Closing the session ends its (deferred, read-only) transaction; loaded objects stay readable.
        with self._read_factory(identity=identity) as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
        self._key = b""

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
            conn.rollback()
        return problems

    def checkpoint(self) -> None:
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.rollback()


def create(data_dir: Path, passphrase: str, params: KdfParams | None = None) -> Store:
    """Make a new diary. Refuses to touch an existing one."""
    data_dir = Path(data_dir)
    if key_path(data_dir).exists() or db_path(data_dir).exists():
        raise DiaryExists("A diary already exists in this folder.")
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    params = params or KdfParams.from_env()
    db_key = secrets.token_bytes(keyfile.KEY_BYTES)
    kf = KeyFile(diary_id=new_id(), main=keyfile.wrap_with_passphrase(db_key, passphrase, params))
    # Key file first: a database without its key file would be unreadable forever.
    kf.save(key_path(data_dir))
    conn = open_raw(db_path(data_dir), db_key, create=True)
    conn.close()
    return _open(data_dir, kf, db_key)


def unwrap_key(data_dir: Path, passphrase: str) -> tuple[KeyFile, bytes]:
    """Check the passphrase against the key file (the slow step). Touches nothing on disk."""
    data_dir = Path(data_dir)
    if not diary_exists(data_dir):
        raise DiaryMissing("No diary was found in this folder.")
    kf = KeyFile.load(key_path(data_dir))
    kek = keyfile.derive_kek(passphrase, kf.main.salt, kf.main.params)
    db_key = keyfile.unwrap(kf.main, kek)
    return kf, db_key


def unlock(data_dir: Path, passphrase: str) -> Store:
    data_dir = Path(data_dir)
    kf, db_key = unwrap_key(data_dir, passphrase)
    if kf.pending is not None:
        db_key = _finish_interrupted_rekey(data_dir, kf, passphrase, db_key)
    return _open(data_dir, kf, db_key)


def _open(data_dir: Path, kf: KeyFile, db_key: bytes) -> Store:
    engine = make_engine(db_path(data_dir), db_key)
    try:
        migrate.upgrade(engine, data_dir)
        device_id = _device_id(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(data_dir=data_dir, engine=engine, diary_id=kf.diary_id, device_id=device_id, _key=db_key)


def _device_id(engine: Engine) -> str:
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        dev = conn.scalar(select(Setting.value).where(Setting.key == "device.id"))
        if dev is None:
            dev = new_id()
            conn.execute(insert(Setting).values(key="device.id", value=dev))
        return str(dev)


def change_passphrase(data_dir: Path, old: str, new: str, params: KdfParams | None = None) -> None:
    """Re-wrap the same database key under a new passphrase. The database file is not touched."""
    kf, db_key = unwrap_key(data_dir, old)
    kf.main = keyfile.wrap_with_passphrase(db_key, new, params or kf.main.params)
    kf.save(key_path(Path(data_dir)))


def rekey(store: Store, passphrase: str) -> Store:
    """Replace the database key with a new random one (e.g. after a key may have leaked).

    Writes an encrypted copy under the new key, records the new key as ``pending`` in the key file, swaps
    the files, then promotes the pending key. A crash at any point leaves a diary that unlocks.
    """
    data_dir = store.data_dir
    kf, old_key = unwrap_key(data_dir, passphrase)
    new_key = secrets.token_bytes(keyfile.KEY_BYTES)
    tmp = data_dir / (DB_NAME + ".rekey")
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
    except Exception:
        tmp.unlink(missing_ok=True)
        raise StorageError("The diary could not be re-encrypted; nothing was changed.") from None
    finally:
        src.close()
    check = open_raw(tmp, new_key)
    try:
        ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        check.close()
    if not ok:
        tmp.unlink(missing_ok=True)
        raise StorageError("The re-encrypted copy failed its check; nothing was changed.")
    kf.pending = keyfile.wrap_with_passphrase(new_key, passphrase, kf.main.params)
    kf.save(key_path(data_dir))
    from app.storage import recovery

    new_recovery = recovery.reseal(kf.recovery, new_key, kf.diary_id)
    for suffix in ("-wal", "-shm"):
        Path(str(db_path(data_dir)) + suffix).unlink(missing_ok=True)
    os.replace(tmp, db_path(data_dir))
    fsync_dir(data_dir)
    kf.main, kf.pending, kf.recovery = kf.pending, None, new_recovery
    kf.save(key_path(data_dir))
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
        kf.main, kf.pending = slot, None
        kf.save(key_path(data_dir))
        (data_dir / (DB_NAME + ".rekey")).unlink(missing_ok=True)
        return key
    raise StorageError("The diary file matches neither key; restore it from a backup.")


def backup_copy(engine: Engine, data_dir: Path, label: str) -> Path:
    """An encrypted copy of the database next to it (same key), taken with no writer active."""
    target_dir = data_dir / "backups"
    target_dir.mkdir(exist_ok=True, mode=0o700)
    target = target_dir / f"diary-{label}.db"
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.rollback()
        copy_private(db_path(data_dir), target)
    return target


def plain_text_probe(path: Path) -> bool:
    """True when a file starts like an unencrypted SQLite database."""
    with open(path, "rb") as f:
        return f.read(16) == b"SQLite format 3\x00"


__all__ = ["Store", "change_passphrase", "create", "diary_exists", "rekey", "text", "unlock"]
