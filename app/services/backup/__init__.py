"""Backups and restore as the worker and other features use them (no Qt).

``make_backup(diary_or_store, reason)`` is what a feature calls before a risky operation (import, purge…):
it returns the backups written, or raises ``BackupError``/``DiskFull`` — then the operation must not go on.
"""

from app.services.backup.service import (
    BackupEvent,
    BackupInfo,
    backup_if_due,
    diary_id_of,
    history,
    list_backups,
    make_backup,
    restore,
)

__all__ = ["BackupEvent", "BackupInfo", "backup_if_due", "diary_id_of", "history", "list_backups", "make_backup",
           "restore"]
