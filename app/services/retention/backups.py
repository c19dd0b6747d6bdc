"""Backups around a purge: one before (in case the run fails half-way), and afterwards none that still
holds the purged records — in the diary's own ``backups/`` and in IT's backup folder (``docs/backup.md``)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from app.services.backup import list_backups, make_backup
from app.services.context import Diary
from app.storage import layout


def before_purge(diary: Diary) -> None:
    make_backup(diary, "purge")


def _naive(at: datetime) -> datetime:
    return at.astimezone(UTC).replace(tzinfo=None) if at.tzinfo else at


def _backup_files(diary: Diary) -> dict[Path, datetime]:
    found = {b.path: _naive(b.taken_at) for b in list_backups(diary.store.data_dir)}
    own = layout.backups_dir(diary.store.data_dir)
    if own.is_dir():  # copies the backup service does not list (e.g. taken before a schema upgrade)
        for p in own.iterdir():
            if p.is_file() and p not in found:
                found[p] = datetime.fromtimestamp(p.stat().st_mtime, UTC).replace(tzinfo=None)
    return found


def drop_older_than(diary: Diary, before: datetime, keep: set[Path] | None = None) -> int:
    """Remove every backup taken before ``before`` (naive UTC) except ``keep``: they hold what was purged."""
    removed = 0
    for path, taken in _backup_files(diary).items():
        if taken <= before and path not in (keep or set()):
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def after_purge(diary: Diary, started: datetime) -> int:
    """Replace the backups that hold the purged records by one taken now. Returns how many were removed."""
    cut = datetime.now(UTC).replace(tzinfo=None)
    fresh = {b.path for b in make_backup(diary, "purge")}
    return drop_older_than(diary, cut, fresh)
