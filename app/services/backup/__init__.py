"""Backups and restore as the worker and other features use them (no Qt).

``make_backup(diary_or_store, reason)`` is what a feature calls before a risky operation (import, purge…):
it returns the backups written, or raises ``BackupError``/``DiskFull`` — then the operation must not go on.
An operation that is one transaction (the import) can instead hold a restore point before it
(``Store.restore_point``) that is written after its commit; ``restore_points_written`` waits for those.
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
    restore_points_written,
)

__all__ = ["BackupEvent", "BackupInfo", "backup_if_due", "diary_id_of", "history", "list_backups", "make_backup",
           "restore", "restore_points_written"]
