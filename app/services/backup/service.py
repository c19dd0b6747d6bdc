"""Taking, listing and restoring backups; the schedule (a backup at unlock once the newest is too old)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.config import machine_config
from app.errors import BackupError, DiaryMissing
from app.services.context import Diary
from app.storage import backups, layout, restore_point, vault
from app.storage.vault import Store


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    folder: Path
    taken_at: datetime  # UTC
    reason: str  # scheduled, manual, migration, rekey, import, purge, restore, demo
    size: int  # bytes
    in_diary_folder: bool = True  # False: IT's second folder (or one named on the command line)


def _info(b: backups.BackupFile, data_dir: Path | None = None) -> BackupInfo:
    local = data_dir is None or b.path.parent == layout.backups_dir(data_dir)
    return BackupInfo(path=b.path, folder=b.path.parent, taken_at=b.taken_at, reason=b.reason, size=b.size,
                      in_diary_folder=local)


def make_backup(diary_or_store: Diary | Store, reason: str) -> list[BackupInfo]:
    """An encrypted, verified backup now, in the diary's ``backups/`` and IT's second folder (if set and
    reachable), rotated. Call it before anything that changes many records at once."""
    store = diary_or_store.store if isinstance(diary_or_store, Diary) else diary_or_store
    return [_info(b, store.data_dir) for b in store.backup(reason)]


def restore_points_written(diary_or_store: Diary | Store) -> list[BackupInfo]:
    """Wait for the restore points being written in the background (see ``restore_point.RestorePoint``)."""
    store = diary_or_store.store if isinstance(diary_or_store, Diary) else diary_or_store
    return [_info(b, store.data_dir) for b in store.wait_for_restore_points()]


def diary_id_of(data_dir: Path) -> str:
    """The diary's id from its key file (plain JSON; no passphrase needed), or from a key copy when the key
    file itself is gone."""
    try:
        return str(json.loads(layout.key_path(data_dir).read_text(encoding="utf-8"))["diary_id"])
    except (OSError, ValueError, KeyError, TypeError):
        raise DiaryMissing("No diary was found in this folder.") from None


def list_backups(data_dir: Path, *, extra: Path | None = None) -> list[BackupInfo]:
    """This diary's backups in every backup folder (and ``extra``), newest first. Needs no passphrase, so a
    diary that no longer opens can still be shown its backups."""
    data_dir = Path(data_dir)
    folders = restore_point.backup_folders(data_dir) + ([Path(extra)] if extra else [])
    try:
        diary_id: str | None = diary_id_of(data_dir)
    except DiaryMissing:
        diary_id = None
    return [_info(b, data_dir) for b in backups.list_backups(folders, diary_id)]


def backup_if_due(store: Store, *, now: datetime | None = None) -> BackupInfo | None:
    """At unlock: a scheduled backup when the newest one is older than IT's interval (default a day)."""
    now = now or datetime.now(UTC)
    newest = backups.list_backups([layout.backups_dir(store.data_dir)], store.diary_id)
    if newest and now - newest[0].taken_at < timedelta(hours=machine_config().backup_interval_hours):
        return None
    written = store.backup("scheduled", now=now)
    return _info(written[0], store.data_dir) if written else None


def restore(data_dir: Path, passphrase: str, backup: Path, *, from_folder: Path | None = None) -> Store:
    """Put a backup in place of the diary and open it (keeping a copy of what was there first).

    On a laptop with no diary, ``from_folder`` (a backup folder holding the key copy) brings the key file.
    """
    data_dir = Path(data_dir)
    backup = Path(backup)
    if not backup.is_file():
        raise BackupError("The backup file was not found.")
    if not layout.key_path(data_dir).exists():
        name = backup.name
        folder = Path(from_folder) if from_folder else backup.parent
        tag = name.split("-")[1] if name.startswith(backups.PREFIX) else ""
        copies = sorted(folder.glob(f"{backups.PREFIX}{tag}*.key")) if tag else []
        if not copies:
            raise DiaryMissing("The backup folder holds no key file for this diary.")
        vault.restore_key_copy(data_dir, folder, copies[0].name[len(backups.PREFIX):-len(".key")])
    return vault.restore(data_dir, passphrase, backup)


@dataclass(frozen=True)
class BackupEvent:
    at: datetime  # UTC
    kind: str  # backup | restore
    reason: str
    backup_taken_at: datetime | None
    size: int


def history(diary_or_store: Diary | Store, limit: int = 20) -> list[BackupEvent]:
    """The diary's own record of its backups and restores, newest first."""
    from sqlalchemy import text

    store = diary_or_store.store if isinstance(diary_or_store, Diary) else diary_or_store
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT at, kind, reason, backup_taken_at, size FROM backup_events "
                                 "ORDER BY seq DESC LIMIT :n"), {"n": limit}).fetchall()
        conn.rollback()

    def when(v: object) -> datetime | None:
        if v is None:
            return None
        d = v if isinstance(v, datetime) else datetime.fromisoformat(str(v))
        return d.replace(tzinfo=UTC)

    return [BackupEvent(when(r[0]) or datetime.now(UTC), str(r[1]), str(r[2]), when(r[3]), int(r[4]))
            for r in rows]
