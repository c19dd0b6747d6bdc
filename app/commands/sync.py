"""Team and sync subcommands: team create/invite/join/remove/members, sync, sync-log."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from app.commands.common import CliError, opened
from app.errors import DomainError
from app.i18n import tr
from app.services.access import roles
from app.services.context import Diary
from app.services.retention import scrub as retention_scrub
from app.storage.private_files import write_private
from app.sync import team as teams
from app.sync.backends import open_share
from app.sync.errors import SyncError
from app.sync.log import recent
from app.sync.round import EXIT_UNREACHABLE, sync_round

EXIT_CODES = ("athena sync exit codes: 0 done, 1 the round had problems, 4 the share was not reachable, "
              "5 this laptop was removed from the team, 6 this laptop's clock is ahead")


def register(sub: Any) -> None:
    p = sub.add_parser("team", help=tr("the team this laptop shares its diary with"))
    tsub = p.add_subparsers(dest="team_command", metavar="STEP", required=True)
    c = tsub.add_parser("create", help=tr("start a new team (this laptop is its first member)"))
    c.add_argument("--name", required=True)
    c.add_argument("--compartment", choices=["women", "men"], default="women")
    c.set_defaults(handler=cmd_team_create)
    i = tsub.add_parser("invite", help=tr("write an invitation file; prints the one-time code"))
    i.add_argument("-o", "--output", required=True)
    i.add_argument("--compartment", choices=["women", "men"])
    i.set_defaults(handler=cmd_team_invite)
    j = tsub.add_parser("join", help=tr("join a team with an invitation file and its code"))
    j.add_argument("file")
    j.set_defaults(handler=cmd_team_join)
    r = tsub.add_parser("remove", help=tr("remove a member (a lost laptop): starts a new team key"))
    r.add_argument("member")
    r.add_argument("--compartment", choices=["women", "men"])
    r.set_defaults(handler=cmd_team_remove)
    m = tsub.add_parser("members", help=tr("list the team's members"))
    m.add_argument("--compartment", choices=["women", "men"])
    m.set_defaults(handler=cmd_team_members)
    ld = tsub.add_parser("lead", help=tr("name a member team lead, or take the role away (from a lead's laptop)"))
    ld.add_argument("member")
    ld.add_argument("--revoke", action="store_true")
    ld.add_argument("--compartment", choices=["women", "men"])
    ld.set_defaults(handler=cmd_team_lead)
    fd = tsub.add_parser("founder", help=tr("a team made before team leads: name the member that founded it"))
    fd.add_argument("member")
    fd.add_argument("--compartment", choices=["women", "men"])
    fd.set_defaults(handler=cmd_team_founder)

    s = sub.add_parser("sync", help=tr("one sync round with the team's share"), epilog=tr(EXIT_CODES))
    s.add_argument("--share", required=True, help=tr("a folder, a UNC path or an smb:// address"))
    s.set_defaults(handler=cmd_sync)
    g = sub.add_parser("sync-log", help=tr("what the last sync rounds did"))
    g.add_argument("--limit", type=int, default=50)
    g.set_defaults(handler=cmd_sync_log)


def cmd_team_create(args: argparse.Namespace) -> int:
    with opened(args) as diary, diary.write() as s:
        info = teams.create_team(s, args.name, diary.worker.name, args.compartment)
    print(tr("Team created for the {track} track; this laptop is member {member}.").format(
        track=info.compartment, member=info.member_id))
    return 0


def cmd_team_invite(args: argparse.Namespace) -> int:
    with opened(args) as diary, diary.write() as s:
        data, code = teams.invite(s, teams.team_for(s, args.compartment))
    write_private(args.output, data)
    print(code)
    print(tr("Give the file and, separately, this one-time code to the new laptop."), file=sys.stderr)
    return 0


def cmd_team_join(args: argparse.Namespace) -> int:
    try:
        data = Path(args.file).read_bytes()
    except OSError:
        raise CliError(tr("The invitation file cannot be read.")) from None
    code = os.environ.get("ATHENA_INVITE_CODE", "")
    if not code:
        if not sys.stdin.isatty():
            raise CliError(tr("No invitation code: type it at a terminal or set ATHENA_INVITE_CODE."))
        code = getpass.getpass(tr("One-time code: "))
    with opened(args) as diary, diary.write() as s:
        info = teams.join_team(s, data, code, diary.worker.name)
    print(tr("Joined the team ({track} track) as member {member}. Run a sync to fetch the team's data.")
          .format(track=info.compartment, member=info.member_id))
    return 0


def cmd_team_remove(args: argparse.Namespace) -> int:
    with opened(args) as diary, diary.write() as s:
        info = teams.remove_member(s, teams.team_for(s, args.compartment), args.member)
    print(tr("Member removed; the team now uses key {epoch}. Sync to hand it to the others.").format(
        epoch=info.epoch))
    return 0


def cmd_team_members(args: argparse.Namespace) -> int:
    with opened(args) as diary:
        with diary.read() as s:
            team = teams.team_for(s, args.compartment)
            found = teams.members(s, team)
            track = team.compartment
        try:
            leads = {lead.member_id for lead in roles.team_leads(diary, track)}
            ignored = roles.ignored_changes(diary, track)
        except DomainError:  # this laptop was removed from the team: no leads to show
            leads, ignored = set(), 0
    for m in found:
        mark = " *" if m.is_me else ""
        state = tr("removed") if m.removed else tr("team lead") if m.member_id in leads else ""
        print(f"{m.member_id}\t{m.label}\t{state}{mark}")
    if ignored:
        print(tr("{n} team-lead records do not count: not signed by a laptop that was a team lead then.")
              .format(n=ignored), file=sys.stderr)
    return 0


def _print_leads(leads: list[roles.TeamLead]) -> None:
    for lead in leads:
        mark = " *" if lead.is_me else ""
        print(f"{lead.member_id}\t{lead.label}\t{tr('founder') if lead.founder else ''}{mark}")


def _team_track(diary: Diary, compartment: str | None) -> str:
    with diary.read() as s:
        return teams.team_for(s, compartment).compartment


def cmd_team_lead(args: argparse.Namespace) -> int:
    with opened(args) as diary:
        leads = roles.set_team_lead(diary, args.member, not args.revoke, _team_track(diary, args.compartment))
    _print_leads(leads)
    print(tr("Sync to hand the change to the team's other laptops."), file=sys.stderr)
    return 0


def cmd_team_founder(args: argparse.Namespace) -> int:
    with opened(args) as diary:
        leads = roles.name_founder(diary, args.member, _team_track(diary, args.compartment))
    _print_leads(leads)
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    """Exit codes: see EXIT_CODES (documented in docs/sync.md)."""
    try:
        share = open_share(args.share)
    except SyncError as exc:
        print(tr("problem: ") + str(exc), file=sys.stderr)
        return EXIT_UNREACHABLE
    with opened(args) as diary:
        summary = sync_round(diary.store, share, diary.identity)
        if summary.pulled:  # records purged on another laptop: clear what the round left of them here
            retention_scrub.after_sync(diary)
    print(tr("Sent {pushed}, received {pulled}, fields with 2 versions {conflicts}, waiting {waiting}, "
             "held back {held}.").format(pushed=summary.pushed, pulled=summary.pulled,
                                          conflicts=summary.conflicts, waiting=summary.waiting,
                                          held=summary.held))
    for w in summary.warnings:
        print(tr("warning: ") + w, file=sys.stderr)
    for p in summary.problems:
        print(tr("problem: ") + p, file=sys.stderr)
    return summary.exit_code


def cmd_sync_log(args: argparse.Namespace) -> int:
    with opened(args) as diary, diary.read() as s:
        for line in recent(s, args.limit):
            print(f"{line.at:%Y-%m-%d %H:%M:%S}\t{tr(line.level)}\t{line.text()}")
    return 0
