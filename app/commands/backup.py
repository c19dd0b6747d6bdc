"""Backup subcommands: ``athena backup`` (take one, or ``--list``) and ``athena restore``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.commands.common import CliError, data_dir, passphrase
from app.i18n import tr
from app.services import backup as backup_service
from app.storage import vault


def register(sub: Any) -> None:
    p = sub.add_parser("backup", help=tr("take an encrypted backup of the diary now, or list the backups"))
    p.add_argument("--list", action="store_true", help=tr("list the backups (newest first); no passphrase needed"))
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help=tr("put a backup in place of the diary (what was there is kept first)"))
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("backup", nargs="?", help=tr("the backup file (see athena backup --list)"))
    g.add_argument("--latest", action="store_true", help=tr("the newest backup"))
    p.add_argument("--from", dest="from_folder",
                   help=tr("a backup folder to look in too (e.g. on a new laptop with no diary yet)"))
    p.set_defaults(handler=cmd_restore)


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{max(1, n // 1024)} kB"


def cmd_backup(args: argparse.Namespace) -> int:
    folder = data_dir(args)
    if args.list:
        items = backup_service.list_backups(folder)
        if not items:
            print(tr("No backups yet."))
        for b in items:
            when = b.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
            print(f"{when}  {_size(b.size):>9}  {tr(b.reason):<12} {b.path}")
        return 0
    store = vault.unlock(folder, passphrase(args))
    try:
        written = backup_service.make_backup(store, "manual")
    finally:
        store.close()
    for b in written:
        print(tr("Backup written: {path} ({size}).").format(path=b.path, size=_size(b.size)))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    folder = data_dir(args)
    extra = Path(args.from_folder) if args.from_folder else None
    if args.latest:
        items = backup_service.list_backups(folder, extra=extra)
        if not items and extra is not None:
            items = [b for b in _list_folder(extra)]
        if not items:
            raise CliError(tr("No backups were found."))
        chosen = items[0].path
    else:
        chosen = Path(args.backup)
    store = backup_service.restore(folder, passphrase(args), chosen, from_folder=extra)
    store.close()
    print(tr("Restored the backup {path}. What was in the diary before is kept as a backup too.")
          .format(path=chosen), file=sys.stdout)
    return 0


def _list_folder(folder: Path) -> list[backup_service.BackupInfo]:
    from app.storage import backups

    return [backup_service.BackupInfo(b.path, b.path.parent, b.taken_at, b.reason, b.size, False)
            for b in backups.list_backups([folder])]
