"""Men's-track subcommands: ``athena men add|talk|list|show|register|refer|set|close|report``.

A man is named by his id (as ``athena men list`` prints it) or by his case number once he is registered.
Exit codes as for every command: 0 done, 1 a domain or storage problem (message on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from app.commands.common import CliError, date_arg, opened
from app.errors import NotFound
from app.i18n import tr
from app.models import Compartment
from app.printing import report_tables
from app.services.context import Diary
from app.services.mens_track import men
from app.services.reports import statistics


def register(sub: Any) -> None:
    top = sub.add_parser("men", help=tr("Men's support (talks with men who use violence)"))
    cmds = top.add_subparsers(dest="men_command", metavar="COMMAND")

    p = cmds.add_parser("add", help=tr("add a man in contact"))
    p.add_argument("--name", required=True)
    p.add_argument("--source", choices=men.REFERRAL_SOURCES, default="other", help=tr("Referral source"))
    p.add_argument("--referred-by", default="", help=tr("Referred by"))
    p.add_argument("--district", default="")
    p.add_argument("--phone", default="")
    p.add_argument("--first-contact", type=date_arg, help=tr("First contact"))
    p.set_defaults(handler=cmd_add)

    p = cmds.add_parser("talk", help=tr("record a talk"))
    p.add_argument("man")
    p.add_argument("--date", type=date_arg)
    p.add_argument("--theme", action="append", choices=men.VASKA, default=[], help="VASKA")
    p.add_argument("--own-theme", default="", help=tr("the team's own method: the talk's theme"))
    p.add_argument("--minutes", type=int, default=60)
    p.add_argument("--attendance", choices=men.ATTENDANCE, default="attended")
    p.add_argument("--risk-partner", choices=men.RISK_LEVELS, default="not_assessed")
    p.add_argument("--risk-children", choices=men.RISK_LEVELS, default="not_assessed")
    p.add_argument("--text", default="", help=tr("notes from the talk"))
    p.set_defaults(handler=cmd_talk)

    p = cmds.add_parser("list", help=tr("list men"))
    p.add_argument("--search", default="")
    p.add_argument("--status", choices=[s for s in statistics.MEN_STATUSES])
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = cmds.add_parser("show", help=tr("show a man's case and talks"))
    p.add_argument("man")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)

    p = cmds.add_parser("register", help=tr("register him as a case of his own (three-talk rule)"))
    p.add_argument("man")
    p.add_argument("--date", type=date_arg)
    p.add_argument("--case-number", default="")
    p.set_defaults(handler=cmd_register)

    p = cmds.add_parser("refer", help=tr("refer him on"))
    p.add_argument("man")
    p.add_argument("--to", required=True, help=tr("Referred on to"))
    p.add_argument("--date", type=date_arg)
    p.set_defaults(handler=cmd_refer)

    p = cmds.add_parser("set", help=tr("set motivation, need of other help, investigation or status"))
    p.add_argument("man")
    p.add_argument("--motivation", choices=men.MOTIVATIONS)
    p.add_argument("--other-help", choices=["yes", "no"])
    p.add_argument("--other-help-note", default="")
    p.add_argument("--investigation", choices=["open", "close"])
    p.add_argument("--status", choices=["contact", "registered", "not_motivated"])
    p.add_argument("--date", type=date_arg, help=tr("Valid from"))
    p.set_defaults(handler=cmd_set)

    p = cmds.add_parser("close", help=tr("close his case with an outcome"))
    p.add_argument("man")
    p.add_argument("--outcome", choices=men.OUTCOMES, required=True)
    p.add_argument("--date", type=date_arg)
    p.set_defaults(handler=cmd_close)

    p = cmds.add_parser("report", help=tr("the men's figures for a period"))
    p.add_argument("--from", dest="start", type=date_arg, required=True)
    p.add_argument("--to", dest="end", type=date_arg, required=True)
    p.add_argument("--json", action="store_true")
    p.add_argument("--suppress-small", action="store_true",
                   help=tr("for publication: show counts of 1-4 as \"< 5\""))
    p.set_defaults(handler=cmd_report)

    top.set_defaults(handler=lambda args: (top.print_help(), 2)[1])


def _resolve(diary: Diary, ref: str) -> str:
    """An id, or a case number (M-2026-0001)."""
    key = ref.strip()
    for m in men.list_men(diary, search=key):
        if m.id == key or (m.case_number and m.case_number.casefold() == key.casefold()):
            return m.id
    try:
        return men.get_man(diary, key).id
    except NotFound:
        raise NotFound("The client was not found.") from None


def _require_men(diary: Diary) -> None:
    if Compartment.MEN.value not in diary.tracks:
        raise CliError(tr("The diary has no men's track."))


def _print_man(m: men.ManView) -> None:
    print(f"{m.id}  {m.case_number or '-':<12} {tr(m.status):<14} {m.talks:>2}  {m.name}")


def _due_note(m: men.ManView) -> None:
    if m.registration_due:
        print(tr("Three talks attended: register him as a case of his own (athena men register)."),
              file=sys.stderr)


def cmd_add(args: argparse.Namespace) -> int:
    with opened(args) as diary:
        _require_men(diary)
        m = men.add_man(diary, name=args.name, referral_source=args.source, referred_by=args.referred_by,
                        district=args.district, phone=args.phone, first_contact_on=args.first_contact)
    print(m.id)
    return 0


def cmd_talk(args: argparse.Namespace) -> int:
    with opened(args) as diary:
        _require_men(diary)
        mid = _resolve(diary, args.man)
        talk = men.add_talk(diary, mid, held_on=args.date, themes=args.theme, own_theme=args.own_theme,
                            method="own" if args.own_theme else "vaska", duration_minutes=args.minutes,
                            attendance=args.attendance, risk_partner=args.risk_partner,
                            risk_children=args.risk_children, text=args.text)
        m = men.get_man(diary, mid)
    print(tr("Talk {n} recorded.").format(n=talk.number))
    _due_note(m)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with opened(args) as diary:
        _require_men(diary)
        items = men.list_men(diary, status=args.status, search=args.search)
    if args.json:
        print(json.dumps([{"id": m.id, "name": m.name, "case_number": m.case_number, "status": m.status,
                           "talks": m.talks, "registration_due": m.registration_due} for m in items],
                         ensure_ascii=False, indent=1))
    else:
        for m in items:
            _print_man(m)
        print(tr("{n} men").format(n=len(items)))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with opened(args) as diary:
        _require_men(diary)
        case = men.open_man(diary, _resolve(diary, args.man))
    m = case.man
    if args.json:
        out = {"man": asdict(m), "registration_due": m.registration_due,
               "talks": [asdict(t) for t in case.talks], "history": [asdict(h) for h in case.history]}
        print(json.dumps(out, ensure_ascii=False, indent=1, default=str))
        return 0
    _print_man(m)
    for label, value in ((tr("Referral source"), tr(report_tables.MEN_SOURCE_LABELS.get(m.referral_source, ""))),
                         (tr("Referred by"), m.referred_by), (tr("First contact"), m.first_contact_on),
                         (tr("Investigation opened"), m.investigation_opened_on),
                         (tr("Investigation closed"), m.investigation_closed_on),
                         (tr("Motivation"), tr(m.motivation)), (tr("Registered"), m.registered_on),
                         (tr("Referred on to"), m.referred_on_to), (tr("Referral date"), m.referred_onward_on),
                         (tr("Outcome"), tr(m.outcome) if m.outcome else ""), (tr("Closing date"), m.closed_on)):
        if value:
            print(f"  {label}: {value}")
    for t in case.talks:
        theme = ", ".join(t.themes) if t.method == "vaska" else t.own_theme
        print(f"  #{t.number} {t.held_on} {t.attendance:<9} {t.duration_minutes:>3} min  {theme}"
              f"  [{t.risk_partner}/{t.risk_children}]")
    _due_note(m)
    return 0


def cmd_register(args: argparse.Namespace) -> int:
    with opened(args) as diary:
        _require_men(diary)
        m = men.register_case(diary, _resolve(diary, args.man), on=args.date, case_number=args.case_number)
    print(tr("Registered as case {number}.").format(number=m.case_number))
    return 0


def cmd_refer(args: argparse.Namespace) -> int:
    with opened(args) as diary:
        _require_men(diary)
        m = men.refer_on(diary, _resolve(diary, args.man), to=args.to, on=args.date)
    print(tr("Referred on to {where}.").format(where=m.referred_on_to))
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    with opened(args) as diary:
        _require_men(diary)
        mid = _resolve(diary, args.man)
        if args.motivation:
            men.set_motivation(diary, mid, args.motivation, effective_on=args.date)
        if args.other_help:
            men.set_other_help(diary, mid, args.other_help == "yes", note=args.other_help_note,
                               effective_on=args.date)
        if args.investigation == "open":
            men.open_investigation(diary, mid, on=args.date)
        elif args.investigation == "close":
            men.close_investigation(diary, mid, on=args.date)
        if args.status:
            men.set_status(diary, mid, args.status, effective_on=args.date)
    print(tr("Saved."))
    return 0


def cmd_close(args: argparse.Namespace) -> int:
    with opened(args) as diary:
        _require_men(diary)
        men.close_man(diary, _resolve(diary, args.man), outcome=args.outcome, on=args.date)
    print(tr("Closed."))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    with opened(args) as diary:
        _require_men(diary)
        report = statistics.period_report(diary, args.start, args.end)
    if args.suppress_small:
        report = report_tables.suppress(report)
    if args.json:
        print(json.dumps({"format": report["format"], "period": report["period"],
                          "suppressed": report["suppressed"], "men": report["men"]},
                         ensure_ascii=False, indent=1))
        return 0
    men_only = {**report, "women": None}
    print(report_tables.period_heading(men_only))
    for table in report_tables.tables(men_only):
        print()
        print(table.title)
        for row in table.rows:
            print(f"  {row[0]!s:<50} {row[1]!s:>6}")
    return 0
