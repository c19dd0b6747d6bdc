"""``athena gui`` (the desktop app) and ``athena screenshots DIR`` (a PNG of every main screen)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.commands.common import data_dir, passphrase
from app.i18n import tr


def register(sub: Any) -> None:
    p = sub.add_parser("gui", help=tr("start the desktop app"))
    p.add_argument("--unlock-from-env", action="store_true",
                   help=tr("demos and screenshots only: unlock with ATHENA_PASSPHRASE"))
    p.add_argument("--startup-check", action="store_true",
                   help=tr("start, show the first screen, then quit (for IT: does Athena start here?)"))
    p.set_defaults(handler=cmd_gui)

    p = sub.add_parser("display-check", help=tr("save a picture of Swedish and Arabic sample text and name the "
                                                "fonts used (for IT)"))
    p.add_argument("output")
    p.set_defaults(handler=cmd_display_check)

    p = sub.add_parser("screenshots", help=tr("save a PNG of every main screen (offscreen)"))
    p.add_argument("directory")
    p.add_argument("--ui-lang", choices=["sv", "en"], default="sv")
    p.add_argument("--width", type=int, default=1280)
    p.add_argument("--height", type=int, default=800)
    p.set_defaults(handler=cmd_screenshots)


def cmd_gui(args: argparse.Namespace) -> int:
    from app.ui.app import main

    return main(data_dir(args), unlock_from_env=args.unlock_from_env, lang=args.lang,
                startup_check=args.startup_check)


def cmd_screenshots(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.ui.screenshots import take_screenshots

    saved = take_screenshots(data_dir(args), passphrase(args), Path(args.directory), lang=args.ui_lang,
                             size=(args.width, args.height))
    for path in saved:
        print(path)
    return 0


def cmd_display_check(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.ui.display_check import run

    ok = True
    for r in run(Path(args.output)):
        print(f"{r.lang}: {r.family}" + (f"  missing: {r.missing}" if r.missing else ""))
        ok = ok and not r.missing
    print(args.output)
    return 0 if ok else 1
