"""The court-day sheet: when and where, who meets her, how she gets in and out safely."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from app.errors import DomainError
from app.i18n import tr
from app.models import Compartment
from app.printing.document import Metadata, Page, build_pdf, page_format
from app.printing.inputs import ClientFacts
from app.printing.output import PrintResult, identity_leaks
from app.printing.safety_plan import choose_language
from app.reference import plan_sections


def layout_court_day(appt: Mapping[str, Any], client: ClientFacts, *, language: str | None = None,
                     fmt: str = "a4", with_name: bool = False) -> PrintResult:
    """``appt`` is the court appointment as the records service reads it (``records.get(diary, "court", id)``)."""
    lang = plan_sections.language(choose_language(language, "", client.languages))
    page = Page(page_format(fmt), rtl=lang.rtl)
    omissions: list[str] = []

    page.add(lang.label("court_title"), "title")
    if with_name:
        page.add(f"{lang.label('name')}: {client.name}")
    else:
        omissions.append(tr("The client's name is not printed."))
    starts: datetime = appt["starts_at"]

    def arranged(flag: bool) -> str:
        return lang.label("arranged") if flag else lang.label("not_arranged")

    rows = [
        (lang.label("date"), starts.date().isoformat()),
        (lang.label("time"), starts.strftime("%H:%M")),
        (lang.label("court"), appt["court"]),
        (lang.label("room"), appt["place"]),
        (lang.label("case_number"), appt["case_number"]),
        (lang.label("counsel"), appt["counsel"]),
        (lang.label("prosecutor"), appt["prosecutor"]),
        (lang.label("meeting_point"), appt["meeting_point"]),
        (lang.label("safe_entry_exit"), arranged(appt["safe_entry_exit"])),
        (lang.label("separate_waiting_room"), arranged(appt["separate_waiting_room"])),
        (lang.label("accompanied_by"), appt["accompanied_by"]),
    ]
    page.story.append(page.table([(k, v or "–") for k, v in rows], key_share=0.45))
    page.space(page.fmt.body)
    page.add(lang.label("notes"), "heading")
    for _ in range(4):  # ruled lines to write on by hand
        page.story.append(page.table([("", "")], bold_right=False))
        page.space(page.fmt.body)
    if client.is_protected:
        omissions.append(tr("Protected identity: the address and personal identity number are never printed."))
        if identity_leaks(page.printed, address=client.address, personal_number=client.personal_number):
            raise DomainError("The document would show protected details; nothing was printed.")
    pdf, pages = build_pdf(page, Metadata(title=lang.label("court_title")), lang.label("page", page="{page}"))
    return PrintResult(pdf=pdf, pages=pages, omissions=omissions, client_id=client.id,
                       compartment=Compartment.WOMEN.value, entity="court_appointments", entity_id=appt["id"],
                       detail=f"court-day sheet, {fmt}, {lang.code}", printed=page.printed)
