"""The record's life cycle and the team lead's log follow-up: ``athena gallra``, ``athena access-log``,
``athena role``.

Exit codes: 0 done; 1 a domain or storage problem (also: not the team lead); 2 usage; 5 a purge was not
confirmed (nothing changed).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.commands.common import CliError, date_arg, opened, write_output
from app.i18n import tr
from app.services import reference_lists as reference
from app.services.access import roles
from app.services.audit import followup
from app.services.context import Diary
from app.services.retention import purge

EXIT_NOT_CONFIRMED = 5


def register(sub: Any) -> None:
    p = sub.add_parser("gallra", help=tr("retention: preview or run the purge of records that are due"))
    mode = p.add_mutually_exclusive_group(required=True)
    mode.add_argument("--preview", action="store_true", help=tr("list what is due, change nothing"))
    mode.add_argument("--run", action="store_true", help=tr("purge what is due, after a confirmation"))
    mode.add_argument("--log", action="store_true", help=tr("show the purge log"))
    mode.add_argument("--set", metavar="RULE=VALUE", help=tr("override a retention rule for this diary"))
    p.add_argument("--yes", action="store_true", help=tr("confirm without asking (for scripts)"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_gallra)

    p = sub.add_parser("access-log", help=tr("log follow-up: who opened, searched, printed or exported what"))
    p.add_argument("--from", dest="start", type=date_arg)
    p.add_argument("--to", dest="end", type=date_arg)
    p.add_argument("--actor", help=tr("only this worker"))
    p.add_argument("--action", choices=followup.ACTIONS)
    p.add_argument("--client", help=tr("only this record (id)"))
    p.add_argument("--check", choices=followup.CHECKS, help=tr("only what this check flags"))
    p.add_argument("--format", choices=["csv", "json"], default="csv")
    p.add_argument("-o", "--output")
    p.add_argument("--allow-protected", metavar="NAME",
                   help=tr("let this worker see the names of protected records in the follow-up"))
    p.add_argument("--disallow-protected", metavar="NAME")
    p.add_argument("--mine", action="store_true",
                   help=tr("only your own rows (open to every worker; the rest is the team lead's)"))
    p.set_defaults(handler=cmd_access_log)

    p = sub.add_parser("role", help=tr("your role in this diary: team lead or worker, per track"))
    which = p.add_mutually_exclusive_group()
    which.add_argument("--lead", action="store_true",
                       help=tr("name yourself team lead of this diary (tracks without a synced team only)"))
    which.add_argument("--worker", action="store_true", help=tr("give the team-lead role up (same tracks)"))
    p.set_defaults(handler=cmd_role)

    p = sub.add_parser("reference", help=tr("the team's districts, referring units and legal references"))
    p.add_argument("action", choices=["list", "add", "retire", "relabel"])
    p.add_argument("kind", nargs="?", choices=reference.KINDS)
    p.add_argument("value", nargs="?", help=tr("the name (add), or the code or district (retire, relabel)"))
    p.add_argument("label", nargs="?", help=tr("the new name (relabel)"))
    p.set_defaults(handler=cmd_reference)


def _name(c: purge.Candidate) -> str:
    if c.protected:
        return tr("Protected identity") + (f" ({', '.join(c.case_numbers)})" if c.case_numbers else "")
    return c.name


def _print_preview(pv: purge.Preview) -> None:
    print(tr("Rules: {rules}. Today: {today}.").format(rules=pv.rules, today=pv.today.isoformat()))
    if pv.keep_everything:
        print(tr("The retention rules keep everything; nothing is purged."))
        return
    print(tr("Due for purging: {n} records ({rows} rows). Marked for the archive: {a}. Kept because other "
             "register data on the same person remain: {h}.").format(n=len(pv.purge), rows=pv.records,
                                                                     a=len(pv.archive), h=len(pv.held)))
    for label, items in ((tr("purge"), pv.purge), (tr("archive"), pv.archive), (tr("keep"), pv.held)):
        for c in items:
            late = " " + tr("(overdue)") if c.overdue else ""
            print(f"{label}\t{_name(c)}\t{' '.join(c.case_numbers)}\t{c.last_entry_on}\t{c.deadline}{late}")


def _preview_json(pv: purge.Preview) -> str:
    def item(c: purge.Candidate) -> dict[str, object]:
        return {"client_id": c.client_id, "track": "women" if c.entity == "clients" else "men",
                "name": None if c.protected else c.name, "case_numbers": list(c.case_numbers),
                "last_entry_on": c.last_entry_on.isoformat(), "due_on": c.due_on.isoformat(),
                "deadline": c.deadline.isoformat(), "overdue": c.overdue, "reason": c.reason}
    return json.dumps({"rules": pv.rules, "today": pv.today.isoformat(), "keep_everything": pv.keep_everything,
                       "records": pv.records, "rows": pv.counts, "token": pv.token,
                       "purge": [item(c) for c in pv.purge], "archive": [item(c) for c in pv.archive],
                       "held": [item(c) for c in pv.held]}, ensure_ascii=False, indent=1)


def _confirm(pv: purge.Preview, yes: bool) -> bool:
    if yes:
        return True
    if not sys.stdin.isatty():
        raise CliError(tr("A purge needs a confirmation: run it in a terminal or add --yes."))
    answer = input(tr("Type the number of records to purge ({n}) to confirm: ").format(n=len(pv.purge)))
    return answer.strip() == str(len(pv.purge))


def _set_rule(diary: Diary, spec: str) -> None:
    key, sep, raw = spec.partition("=")
    if not sep:
        raise CliError(tr("Use --set RULE=VALUE."))
    try:
        value = json.loads(raw)
    except ValueError:
        value = raw
    rules = purge.set_rule(diary, key.strip(), value)
    print(tr("Retention rules now: {rules}.").format(rules=json.dumps(rules.__dict__, ensure_ascii=False)))


def cmd_gallra(args: argparse.Namespace) -> int:
    with opened(args) as diary:
        if args.set:
            _set_rule(diary, args.set)
            return 0
        if args.log:
            for r in purge.purge_log(diary):
                print(f"{r.at:%Y-%m-%d %H:%M}\t{r.actor}\t{r.rules}\t{r.clients_purged}\t{r.records_purged}\t"
                      f"{r.archive_marked}\t{json.dumps(r.counts)}")
            return 0
        pv = purge.preview(diary)
        if args.json:
            write_output(None, _preview_json(pv))
        else:
            _print_preview(pv)
        if args.preview or pv.keep_everything:
            return 0
        if not pv.purge and not pv.archive:
            print(tr("Nothing is due."))
            return 0
        if not _confirm(pv, args.yes):
            print(tr("Not confirmed; nothing was purged."), file=sys.stderr)
            return EXIT_NOT_CONFIRMED
        result = purge.run(diary, pv.token)
    print(tr("Purged {n} records ({rows} rows); {a} marked for the archive; {b} older backups replaced.")
          .format(n=result.clients, rows=result.records, a=result.archived, b=result.backups_removed))
    return 0


def cmd_access_log(args: argparse.Namespace) -> int:
    with opened(args) as diary:
        if args.allow_protected or args.disallow_protected:
            names = followup.protected_viewers(diary)
            if args.allow_protected:
                names.append(args.allow_protected)
            if args.disallow_protected:
                names = [n for n in names if n != args.disallow_protected]
            followup.set_protected_viewers(diary, names)
            print(tr("May see protected names: {names}.").format(names=", ".join(names) or "-"))
            return 0
        flt = followup.FollowupFilter(start=args.start, end=args.end, actor=args.actor, action=args.action,
                                      client_id=args.client, check=args.check)
        text = followup.export(diary, flt, args.format, own=args.mine)
    write_output(args.output, text)
    return 0


def cmd_role(args: argparse.Namespace) -> int:
    with opened(args) as diary:
        if args.lead or args.worker:
            roles.set_profile_role(diary, args.lead)
        found = roles.status(diary)
    for st in found:
        where = tr("the synced team decides") if st.in_team else tr("this diary's worker profile decides")
        print(f"{st.track}\t{tr('team lead') if st.lead else tr('not team lead')}\t{where}")
    if (args.lead or args.worker) and any(st.in_team for st in found):
        print(tr("In a track with a synced team the team decides: athena team lead MEMBER, from a team lead's "
                 "laptop."), file=sys.stderr)
    return 0


def cmd_reference(args: argparse.Namespace) -> int:
    with opened(args) as diary:
        if args.action == "list":
            lists = reference.lists(diary)
            for d in lists.districts:
                print(f"district\t{d}\t{d}")
            for u in lists.referring_units:
                print(f"referring_unit\t{u.code}\t{u.label()}")
            for r in lists.legal_references:
                print(f"legal_reference\t{r.code}\t{r.title}")
            return 0
        if not args.kind or not args.value:
            raise CliError(tr("Name the kind of list and the item."))
        if args.action == "add":
            item = reference.add_item(diary, args.kind, args.value)
        elif args.action == "retire":
            item = reference.retire_item(diary, args.kind, args.value)
        else:
            if not args.label:
                raise CliError(tr("Give the new name."))
            item = reference.relabel_item(diary, args.kind, args.value, args.label)
    print(f"{item.kind}\t{item.code}\t{item.label}\t{'active' if item.active else 'retired'}")
    return 0
