"""Printing a safety plan: gather the plan, the client and the district, and let the document layer lay it out."""

from __future__ import annotations

from app.errors import DomainError
from app.printing.output import PrintResult
from app.printing.safety_plan import PlanPrintOptions, layout_plan
from app.services.clients.clients import get_client
from app.services.context import Diary
from app.services.safety_plan import plans as safety_plans


def render_safety_plan(diary: Diary, client_id: str, opts: PlanPrintOptions | None = None) -> PrintResult:
    """Build the PDF in memory. Logging is the caller's job once the document is printed or saved
    (``audit.log_print``)."""
    opts = opts or PlanPrintOptions()
    client = get_client(diary, client_id, log=False)
    if opts.version is not None:
        plan = safety_plans.get_by_number(diary, client_id, opts.version)
    else:
        latest = safety_plans.latest(diary, client_id)
        if latest is None:
            raise DomainError("There is no safety plan for this client yet.")
        plan = latest
    district = safety_plans.client_district(diary, client_id)
    # The network map as it is now: someone marked not safe since the version was saved is left out too.
    unsafe = frozenset(p.contact_id for p in safety_plans.people_choices(diary, client_id) if p.safety == "unsafe")
    w = diary.worker
    worker = f"{w.name}, {w.title}" if w.title else w.name
    return layout_plan(plan, client, district, diary.today().isoformat(), opts, worker, unsafe)
