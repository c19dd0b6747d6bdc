"""The ``athena`` command: everything that needs no screen.

The passphrase comes from ``--passphrase-file``, the ``ATHENA_PASSPHRASE`` environment variable or a prompt —
never from the command line. Exit codes: 0 ok, 1 a domain or storage problem (message on stderr), 2 usage.
Each feature adds its subcommands in ``app/commands/<feature>.py`` (``register(sub)``) and is listed in
``COMMANDS``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from app import __version__
from app.commands import backup, core, gui, mens_track, printing, recovery, reports, risk, sync
from app.commands.common import CliError
from app.errors import AthenaError
from app.i18n import tr

COMMANDS = [core, recovery, printing, gui, risk, reports, sync, mens_track, backup]  # in the order of `athena --help`


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="athena", description=tr("Athena: encrypted case diary."))
    parser.add_argument("--version", action="version", version=f"athena {__version__}")
    parser.add_argument("--data-dir", help=tr("the diary folder (default: the user data folder)"))
    parser.add_argument("--passphrase-file", help=tr("read the passphrase from this file"))
    parser.add_argument("--lang", choices=["sv", "en"], help=tr("language of messages"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        from app.i18n import set_language

        set_language(args.lang)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    from app.config import machine_config

    for problem in machine_config().problems:  # IT's settings file: named, never fatal
        print("athena: " + tr("settings: {problem}").format(problem=problem), file=sys.stderr)
    try:
        result: int = args.handler(args)
        return result
    except (AthenaError, CliError) as exc:
        print(f"athena: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:
        # Unexpected: database drivers put statement parameters (client data) into their messages, so only
        # the kind of error is shown. ATHENA_DEBUG=1 shows the full traceback on a test machine.
        if os.environ.get("ATHENA_DEBUG") == "1":
            raise
        print("athena: " + tr("unexpected error ({kind}); nothing more is shown to protect client data.")
              .format(kind=type(exc).__name__), file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("athena: " + tr("interrupted"), file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
