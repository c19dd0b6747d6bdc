"""Risk subcommands: check instrument files, set the licensed-instrument folder, list assessments due."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from app.commands.common import opened, write_output
from app.i18n import tr
from app.services.risk import assessments as risk
from app.services.risk import timeline as tl
from app.services.risk.instruments import load_catalogue


def register(sub: Any) -> None:
    p = sub.add_parser("risk-instruments", help=tr("list risk assessment instruments and check instrument files"))
    p.add_argument("--folder", help=tr("check this folder of instrument files (no diary needed)"))
    p.add_argument("--set-folder", help=tr("use this folder of licensed instruments in the diary ('' to clear)"))
    p.set_defaults(handler=cmd_instruments)

    p = sub.add_parser("risk-due", help=tr("list current clients whose risk assessment is due"))
    p.add_argument("--months", type=int, default=tl.DUE_AFTER_MONTHS)
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("-o", "--output")
    p.set_defaults(handler=cmd_due)


def cmd_instruments(args: argparse.Namespace) -> int:
    if args.folder:
        cat = load_catalogue(Path(args.folder))
    else:
        with opened(args) as diary:
            if args.set_folder is not None:
                risk.set_instrument_folder(diary, args.set_folder)
            cat = risk.instruments(diary)
    for inst in cat.ordered():
        origin = tr("built in") if inst.builtin else inst.source
        print(f"{inst.id}\t{inst.version}\t{inst.method}\t{inst.t(inst.name, 'sv')}\t({origin})")
    for err in cat.errors:
        print(tr("Error: {error}").format(error=err))
    return 1 if cat.errors else 0


def cmd_due(args: argparse.Namespace) -> int:
    with opened(args) as diary:
        due = tl.assessments_due(diary, months=args.months)
    reasons = {"never": tr("never assessed"), "overdue": tr("last assessment too long ago"),
               "incident": tr("new incident since the last assessment")}
    if args.format == "json":
        text = json.dumps([dict(client_id=d.client_id, client_name=d.client_name, reason=d.reason,
                                last_assessed_on=d.last_assessed_on.isoformat() if d.last_assessed_on else None,
                                incidents_since=d.incidents_since) for d in due], ensure_ascii=False, indent=1)
    else:
        text = "\n".join(f"{d.client_name}\t{reasons[d.reason]}\t"
                         f"{d.last_assessed_on.isoformat() if d.last_assessed_on else '-'}" for d in due)
    write_output(args.output, text)
    return 0
