"""``athena print``: safety plan, court-day sheet and record extract as PDF files.

Documents are built in memory and written only to the file given with ``-o`` (mode 0600); every print is
logged in the audit trail. What a document leaves out is listed on standard error.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.commands.common import opened
from app.i18n import tr
from app.printing.output import PrintResult
from app.printing.safety_plan import PlanPrintOptions
from app.services.audit import log_print
from app.services.clients.printouts import render_court_day, render_record_extract
from app.services.context import Diary
from app.services.safety_plan.printout import render_safety_plan
from app.storage.private_files import write_private


def register(sub: Any) -> None:
    p = sub.add_parser("print", help=tr("print documents: safety plan, court-day sheet, record extract"))
    docs = p.add_subparsers(dest="document", metavar="DOCUMENT", required=True)

    sp = docs.add_parser("safety-plan", help=tr("print a safety plan (discreet by default)"))
    sp.add_argument("client")
    mode = sp.add_mutually_exclusive_group()
    mode.add_argument("--discreet", dest="discreet", action="store_true", default=True,
                      help=tr("discreet: neutral title, no giveaway words (default)"))
    mode.add_argument("--full", dest="discreet", action="store_false",
                      help=tr("full: proper title, municipality, all sections"))
    sp.add_argument("--lang", dest="doc_lang", default=None, help="sv, en, ...")
    sp.add_argument("--format", dest="fmt", choices=["a4", "card"], default="a4", help=tr("paper format"))
    sp.add_argument("--version", dest="plan_version", type=int, default=None,
                    help=tr("print this version (default: the latest)"))
    sp.add_argument("--title", default=None, help=tr("the title printed in discreet mode"))
    sp.add_argument("--with-name", action="store_true", default=None, help=tr("print the client's name"))
    sp.add_argument("--include-sensitive", action="store_true",
                    help=tr("discreet mode: include the sensitive sections too"))
    sp.add_argument("-o", "--output", required=True, help=tr("the PDF file to write (readable by you only)"))
    sp.set_defaults(handler=cmd_safety_plan)

    cd = docs.add_parser("court-day", help=tr("print a court-day sheet"))
    cd.add_argument("appointment")
    cd.add_argument("--lang", dest="doc_lang", default=None)
    cd.add_argument("--format", dest="fmt", choices=["a4", "card"], default="a4", help=tr("paper format"))
    cd.add_argument("--with-name", action="store_true", help=tr("print the client's name"))
    cd.add_argument("-o", "--output", required=True, help=tr("the PDF file to write (readable by you only)"))
    cd.set_defaults(handler=cmd_court_day)

    rx = docs.add_parser("record", help=tr("print the record extract for the client's access request"))
    rx.add_argument("client")
    rx.add_argument("--lang", dest="doc_lang", choices=["sv", "en"], default="sv")
    rx.add_argument("-o", "--output", required=True, help=tr("the PDF file to write (readable by you only)"))
    rx.set_defaults(handler=cmd_record)


def _finish(diary: Diary, result: PrintResult, path: str) -> int:
    write_private(path, result.pdf)
    log_print(diary, result, target="file")
    print(tr("Wrote {path} ({pages} pages).").format(path=path, pages=result.pages))
    if result.omissions:
        print(tr("Left out:"), file=sys.stderr)
        for line in result.omissions:
            print(f"  - {line}", file=sys.stderr)
    return 0


def cmd_safety_plan(args: argparse.Namespace) -> int:
    opts = PlanPrintOptions(discreet=args.discreet, language=args.doc_lang, fmt=args.fmt,
                            version=args.plan_version, neutral_title=args.title, with_name=args.with_name,
                            include_sensitive=args.include_sensitive)
    with opened(args) as diary:
        return _finish(diary, render_safety_plan(diary, args.client, opts), args.output)


def cmd_court_day(args: argparse.Namespace) -> int:
    with opened(args) as diary:
        result = render_court_day(diary, args.appointment, language=args.doc_lang, fmt=args.fmt,
                                  with_name=args.with_name)
        return _finish(diary, result, args.output)


def cmd_record(args: argparse.Namespace) -> int:
    with opened(args) as diary:
        return _finish(diary, render_record_extract(diary, args.client, language=args.doc_lang), args.output)
