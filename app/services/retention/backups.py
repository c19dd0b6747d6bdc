"""Backups around a purge: one before (in case the run fails half-way), and afterwards none that still
holds the purged records.

HOOK: when the backup service (``app.services.backup.service.make_backup`` / ``list_backups``) is present,
it is used; until then the diary's own encrypted copies in ``backups/`` (``vault.backup_copy``) are.
"""

from __future__ import annotations

import importlib
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

from app.services.context import Diary
from app.storage import vault


def _service() -> ModuleType | None:
    try:
        return importlib.import_module("app.services.backup.service")
    except ImportError:
        return None


def _take(diary: Diary, reason: str) -> None:
    svc = _service()
    if svc is not None and hasattr(svc, "make_backup"):
        svc.make_backup(diary, reason)
        return
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    vault.backup_copy(diary.store.engine, diary.store.data_dir, f"{reason}-{stamp}")


def before_purge(diary: Diary) -> None:
    _take(diary, "purge")


def _backup_files(diary: Diary) -> list[tuple[Path, datetime]]:
    svc = _service()
    if svc is not None and hasattr(svc, "list_backups"):
        return [(b.path, b.taken_at.replace(tzinfo=None) if b.taken_at.tzinfo else b.taken_at)
                for b in svc.list_backups(diary.store.data_dir)]
    folder = diary.store.data_dir / "backups"
    if not folder.is_dir():
        return []
    return [(p, datetime.fromtimestamp(p.stat().st_mtime, UTC).replace(tzinfo=None))
            for p in folder.iterdir() if p.is_file()]


def drop_older_than(diary: Diary, before: datetime) -> int:
    """Remove every backup taken before ``before`` (naive UTC): they hold what was purged."""
    removed = 0
    for path, taken in _backup_files(diary):
        if taken <= before:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def after_purge(diary: Diary, started: datetime) -> int:
    """Replace the backups that hold the purged records by one taken now. Returns how many were removed."""
    cut = datetime.now(UTC).replace(tzinfo=None)
    _take(diary, "after-purge")
    return drop_older_than(diary, cut)
