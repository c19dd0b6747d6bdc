"""What every subcommand needs: the diary folder, the passphrase, an opened diary."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from platformdirs import user_data_dir

from app.i18n import tr
from app.services.context import Diary, open_diary
from app.services.dates import DateError, parse_date
from app.storage import vault
from app.storage.private_files import write_private


class CliError(Exception):
    pass


def date_arg(value: str) -> date:
    """An argparse ``type`` for dates on the command line: the same policy as the importer and the services."""
    try:
        day = parse_date(value)
    except DateError as exc:
        raise argparse.ArgumentTypeError(tr(exc.message_en)) from None
    if day is None:
        raise argparse.ArgumentTypeError(tr("A date is required."))
    return day


def data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data_dir) if args.data_dir else Path(user_data_dir("Athena", "Athena")) / "diary"


def passphrase(args: argparse.Namespace, *, prompt: str | None = None, confirm: bool = False) -> str:
    if getattr(args, "passphrase_file", None):
        try:
            text = Path(args.passphrase_file).read_text(encoding="utf-8")
        except OSError:
            raise CliError(tr("The passphrase file cannot be read.")) from None
        value = text.rstrip("\r\n")
    elif os.environ.get("ATHENA_PASSPHRASE"):
        value = os.environ["ATHENA_PASSPHRASE"]
    elif sys.stdin.isatty():
        value = getpass.getpass(prompt or tr("Passphrase: "))
        if confirm and getpass.getpass(tr("Repeat the passphrase: ")) != value:
            raise CliError(tr("The passphrases do not match."))
    else:
        raise CliError(tr("No passphrase: use --passphrase-file, ATHENA_PASSPHRASE or a terminal."))
    if not value:
        raise CliError(tr("The passphrase is empty."))
    return value


def unlock(args: argparse.Namespace) -> vault.Store:
    """Unlock the diary and take the scheduled backup if one is due (a failed backup is reported, and the
    command goes on: the diary itself is fine)."""
    from app.errors import StorageError
    from app.services.backup import backup_if_due

    store = vault.unlock(data_dir(args), passphrase(args))
    try:
        backup_if_due(store)
    except StorageError as exc:
        print("athena: " + tr("warning: no backup was taken: {problem}").format(problem=exc), file=sys.stderr)
    return store


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Diary]:
    store = unlock(args)
    try:
        yield open_diary(store)
    finally:
        store.close()


def write_output(path: str | None, text: str) -> None:
    """Write to a file the worker chose (0600) or to stdout."""
    if not path or path == "-":
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    write_private(path, text)
