"""Report and import subcommands: ``athena report``, ``athena week``, ``athena import``.

Exit codes: 0 done; 1 a domain or storage problem (message on stderr); 2 usage; 4 the import file has
problems (every one listed on stderr, nothing imported).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.commands.common import CliError, date_arg, opened
from app.errors import StorageError
from app.i18n import tr
from app.printing import report_tables
from app.services.importing import importer
from app.services.reports import export as report_export
from app.services.reports import statistics, team_week
from app.storage.private_files import write_private

EXIT_IMPORT_PROBLEMS = 4


def register(sub: Any) -> None:
    p = sub.add_parser("report", help=tr("statistics for a period (JSON, CSV, XLSX or PDF)"))
    p.add_argument("--from", dest="start", type=date_arg, required=True, help=tr("first day, e.g. 2024-01-01"))
    p.add_argument("--to", dest="end", type=date_arg, required=True, help=tr("last day, e.g. 2024-12-31"))
    p.add_argument("--format", choices=report_export.FORMATS, default="json")
    p.add_argument("--suppress-small", action="store_true",
                   help=tr("for publication: show counts of 1-4 as \"< 5\""))
    p.add_argument("-o", "--output", help=tr("file to write (JSON and CSV may go to standard output)"))
    p.add_argument("--title", default="", help=tr("the report's title on its first page"))
    p.add_argument("--project", default="", help=tr("the project the report is for"))
    p.add_argument("--organisation", default="",
                   help=tr("who the report is from (default: resources/reference/organisation.json)"))
    p.add_argument("--text-file", help=tr("a text for the first page (UTF-8; paragraphs split by empty lines)"))
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser("week", help=tr("the team meeting's view of this week"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_week)

    p = sub.add_parser("import", help=tr("import women, cases and decisions from a CSV or XLSX file"))
    p.add_argument("file", help=tr("the CSV or XLSX file (layout in docs/import.md)"))
    p.add_argument("--dry-run", action="store_true", help=tr("check every row, import nothing"))
    p.add_argument("--duplicates", choices=importer.DUPLICATE_CHOICES,
                   help=tr("rows that may be women already in the diary: skip them, or import them anyway"))
    p.set_defaults(handler=cmd_import)


def cmd_report(args: argparse.Namespace) -> int:
    if args.format in ("xlsx", "pdf") and (not args.output or args.output == "-"):
        raise CliError(tr("XLSX and PDF reports need a file: use -o FILE."))
    text = ""
    if args.text_file:
        try:
            text = Path(args.text_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise CliError(tr("The file cannot be read.")) from None
    with opened(args) as diary:
        report = statistics.period_report(diary, args.start, args.end)
        if args.suppress_small:
            report = report_tables.suppress(report)
        report = report_tables.with_front(report, organisation=args.organisation, project=args.project,
                                          title=args.title, text=text)
        data = report_export.export_report(diary, report, args.format)
    if args.output and args.output != "-":
        write_private(args.output, data)
    else:
        sys.stdout.buffer.write(data)
    return 0


def cmd_week(args: argparse.Namespace) -> int:
    with opened(args) as diary:
        week = team_week.team_week(diary)
    if args.json:
        print(json.dumps(asdict(week), default=str, ensure_ascii=False, indent=2))
        return 0
    protected = tr(team_week.PROTECTED_LABEL)
    print(tr("Week {start} – {end}").format(start=week.week_start, end=week.week_end))
    print(tr("Current: {n}").format(n=week.current))
    print(tr("Incoming: {n}").format(n=week.incoming))
    print(tr("Referred this week: {n}").format(n=week.referred_this_week))
    print(tr("Decisions ending within 14 days:"))
    for item in week.ending_soon:
        print(f"  {item.on}  {item.case_number:<12} {item.client_name or protected}")
    print(tr("Court dates this week:"))
    for item in week.court_dates:
        print(f"  {item.on}  {item.detail:<28} {item.client_name or protected}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    try:
        data = Path(args.file).read_bytes()
    except OSError:
        raise CliError(tr("The file cannot be read.")) from None
    with opened(args) as diary:
        report = importer.import_file(diary, data, args.file, dry_run=args.dry_run, duplicates=args.duplicates)
        status = _print_import(args, report)
        if report.imported:
            # The import is in the diary; its restore point (the diary as it was before it) is being written.
            print(tr("Writing the restore point from before the import…"), flush=True)
            try:
                importer.wait_for_restore_points(diary)
            except StorageError as exc:
                print(tr("The restore point before the import could not be written (the import is in the "
                         "diary): {problem}").format(problem=exc.user_message()), file=sys.stderr)
            else:
                print(tr("Restore point written: restoring it (athena backup --list, athena restore FILE) "
                         "undoes the import."))
    return status


def _print_import(args: argparse.Namespace, report: importer.ImportReport) -> int:
    for dup in report.duplicates:
        print(tr("possible duplicate, ") + dup.describe(), file=sys.stderr)
    for problem in report.problems:
        print(problem.describe(), file=sys.stderr)
    if report.problems:
        print(tr("{n} problem(s) found; nothing was imported.").format(n=len(report.problems)), file=sys.stderr)
        return EXIT_IMPORT_PROBLEMS
    summary = tr("{rows} rows: {clients} women, {cases} cases, {decisions} decisions, {extensions} extensions, "
                 "{entries} entries with kinds of support.").format(
        rows=report.rows, clients=report.clients, cases=report.cases, decisions=report.decisions,
        extensions=report.extensions, entries=report.entries)
    if report.encoding:
        summary += " " + tr("Text read as {encoding}.").format(encoding=report.encoding)
    if report.duplicates:
        summary += " " + (tr("{n} possible duplicates skipped.").format(n=report.skipped)
                          if report.duplicate_choice != "import" else
                          tr("{n} possible duplicates imported as chosen.").format(n=len(report.duplicates)))
    print((tr("Checked, nothing imported (dry run).") if args.dry_run else tr("Imported.")) + " " + summary,
          flush=True)
    return 0
