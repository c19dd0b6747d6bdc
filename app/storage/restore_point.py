"""Backups of an open diary: where they go, taking one now, and a restore point (the diary as it was at one
moment, written in the background while the caller goes on changing it). The backup files themselves —
naming, rotation, checking, re-encrypting — are ``backups.py``'s."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from app.storage import backups, layout
from app.storage.engine import WRITE_OPTION


def backup_folders(data_dir: Path) -> list[Path]:
    """Where this diary's backups go: its own ``backups/`` first, then the folder IT configured, if any."""
    from app.config import machine_config

    folders = [layout.backups_dir(data_dir)]
    extra = machine_config().backup_folder
    if extra is not None and extra.resolve() != folders[0].resolve():
        folders.append(extra)
    return folders


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
                            key_file=layout.key_path(data_dir))

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

    def __init__(self, engine: Engine, key: bytes, diary_id: str, data_dir: Path, reason: str, *,
                 on_start: Callable[[RestorePoint], None]) -> None:
        if reason not in backups.REASONS:
            raise ValueError(reason)
        folders = backup_folders(data_dir)
        backups.check_room(folders[0], layout.db_path(data_dir))
        self.reason = reason
        self._engine, self._key, self._diary_id, self._data_dir = engine, key, diary_id, data_dir
        self._on_start = on_start  # the open diary keeps its started points, to wait for them
        self._folders = folders
        self._proxy: Any = engine.raw_connection()
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
        self._on_start(self)
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            self.written = take_backup(self._engine, self._key, self._diary_id, self._data_dir, self.reason,
                                       folders=self._folders, now=self.taken_at,
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


