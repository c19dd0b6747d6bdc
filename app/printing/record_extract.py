"""The record extract for a client's access request (registerutdrag): everything stored about her.

Other people's details are left out — the contact details and notes of the people in her network, the phone
numbers in her safety plans — and, for a client with protected identity, her own address and personal
identity number too (a printout can be lost). Everything left out is listed for the worker. Free text (diary
entries, notes) is printed as written: the worker reads it for other people's details before handing it over.
"""

from __future__ import annotations

import re
from typing import Any

from app import reference
from app.errors import DomainError
from app.i18n import tr
from app.models import Compartment
from app.printing.document import Metadata, Page, build_pdf, page_format
from app.printing.inputs import ClientFacts
from app.printing.output import PrintResult, identity_leaks
from app.reference import phone_numbers, plan_sections

LANGS = ("sv", "en")

CLIENT_FIELDS = [("name", "Name"), ("personal_number", "Personal identity number"),
                 ("protected_identity", "Protected identity"), ("languages", "Languages"),
                 ("interpreter_needed", "Interpreter needed"),
                 ("interpreter_language", "Interpreter language"),
                 ("interpreter_independent", "Interpreter not a relative, not from her community"),
                 ("phone", "Phone"), ("email", "E-mail"),
                 ("address", "Address"), ("postal_code", "Postal code"), ("city", "City"),
                 ("contact_note", "Contact note"), ("worker", "Worker"), ("created_at", "Registered")]
PROTECTED_FIELDS = frozenset({"personal_number", "address", "postal_code", "city"})
CASE_FIELDS = [("case_number", "Case number"), ("referred_on", "Referred on"),
               ("first_contact_on", "First contact"), ("closed_on", "Closed on"), ("closing_reason", "Reason")]
DECISION_FIELDS = [("referring_unit", "Referring unit"), ("case_officer", "Case officer"), ("district", "District"),
                   ("legal_basis", "Legal basis"), ("intervention", "Intervention"), ("decided_on", "Decided on"),
                   ("starts_on", "Starts on"),
                   ("ends_on", "Ends on"), ("note", "Note")]
ENTRY_FIELDS = [("event_on", "Date"), ("kinds", "Kind of support"), ("activity", "Activity"),
                ("duration_minutes", "Minutes"), ("author_name", "Written by"), ("signed_at", "Signed")]
NETWORK_FIELDS = [("name", "Name"), ("relation", "Relation"), ("safety", "Safety")]
CHILD_FIELDS = [("name", "Name"), ("birth_year", "Birth year"), ("trappan_status", "Trappan"),
                ("trappan_informed_on", "Informed on"), ("trappan_linked_on", "Linked on"),
                ("trappan_declined_reason", "Reason"), ("guardian_consent", "Guardian consent"), ("note", "Note")]
COURT_FIELDS = [("starts_at", "Date and time"), ("court", "Court"), ("place", "Room"),
                ("case_number", "Court case number"), ("counsel", "Counsel for the injured party"),
                ("prosecutor", "Prosecutor"), ("meeting_point", "Meeting point"),
                ("accompanied_by", "Accompanied by"), ("safe_entry_exit", "Safe entry and exit"),
                ("separate_waiting_room", "Separate waiting room"), ("outcome", "Outcome")]
RISK_FIELDS = [("assessed_on", "Date"), ("instrument_id", "Instrument"), ("assessor", "Assessed by"),
               ("client_estimate", "Her own estimate"), ("result", "Result"), ("summary", "Summary")]
INCIDENT_FIELDS = [("occurred_on", "Date"), ("severity", "Severity"), ("note", "Note")]


def _value(v: Any, lang: str) -> str:
    if v is None or v == "":
        return ""
    if isinstance(v, bool):
        return tr("Yes", lang) if v else tr("No", lang)
    if isinstance(v, str) and len(v) >= 16 and v[10:11] == "T":  # ISO date-time
        return v[:16].replace("T", " ")
    return str(v)


def _rows(record: dict[str, Any], fields: list[tuple[str, str]], lang: str,
          skip: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    return [(tr(label, lang), _value(record.get(key), lang)) for key, label in fields
            if key not in skip and _value(record.get(key), lang)]


class _Extract:
    def __init__(self, page: Page, lang: str, protected: tuple[str, str | None] | None) -> None:
        self.page, self.lang = page, lang
        self.redactions = 0
        self._patterns: list[re.Pattern[str]] = []
        if protected:  # her address and personal identity number are blacked out wherever free text has them
            address, pnr = protected
            if address.strip():
                self._patterns.append(re.compile(re.escape(address.strip()), re.IGNORECASE))
            digits = re.sub(r"\D", "", pnr or "")[-10:]
            if len(digits) == 10:
                self._patterns.append(re.compile(r"(?:\d\D?){0,2}" + r"\D?".join(digits)))

    def redact(self, text: str) -> str:
        for pattern in self._patterns:
            text, n = pattern.subn("[…]", text)
            self.redactions += n
        return text

    def heading(self, text: str) -> None:
        self.page.add(tr(text, self.lang), "heading")

    def block(self, rows: list[tuple[str, str]], text: str = "") -> None:
        if rows:
            rows = [(k, self.redact(v)) for k, v in rows]
            self.page.story.append(self.page.table(rows, bold_right=False, key_share=0.32))
        if text:
            self.page.space(2)
            self.page.add(self.redact(text))
        self.page.space(self.page.fmt.body * 0.6)


def layout_record_extract(bundle: dict[str, Any], client: ClientFacts, today: str, *,
                          language: str = "sv") -> PrintResult:
    """``bundle`` is everything stored about this one client, as the export reads it (plain values)."""
    lang = language if language in LANGS else "sv"
    client_id = client.id
    page = Page(page_format("a4"))
    x = _Extract(page, lang, (client.address, client.personal_number) if client.is_protected else None)
    omissions: list[str] = []
    page.add(phone_numbers.organisation_line(lang), "small")
    page.add(tr("Record extract", lang), "title")
    page.add(tr("Everything stored about you in the case diary, printed {date}.", lang)
             .format(date=today))
    page.space(6)

    x.heading("About you")
    skip = PROTECTED_FIELDS if client.is_protected else frozenset()
    if client.is_protected:
        omissions.append(tr("Protected identity: the address and personal identity number are never printed."))
    levels = {"none": "No", "confidentiality_marking": "Confidentiality marking",
              "protected_registration": "Protected registration", "fictitious_identity": "Fictitious identity"}
    own = bundle["client"]
    me = {**own, "protected_identity": tr(levels.get(client.protected_identity, "No"), lang),
          "languages": reference.language_names(client.languages, lang),
          "interpreter_language": reference.language_names(str(own.get("interpreter_language") or ""), lang),
          "interpreter_independent": own.get("interpreter_independent") if own.get("interpreter_needed") else None}
    x.block(_rows(me, CLIENT_FIELDS, lang, skip))

    for case in bundle["cases"]:
        x.heading("Case")
        x.block(_rows(case, CASE_FIELDS, lang))
        for dec in case["decisions"]:
            dec = {**dec, "referring_unit": reference.referring_unit_label(dec["referring_unit"], lang),
                   "legal_basis": reference.legal_reference_title(dec.get("legal_basis") or ""),
                   "intervention": reference.intervention_label(dec.get("intervention") or "", lang)}
            ext = ", ".join(f"+{e['months']} → {e['new_ends_on']}" for e in dec["extensions"])
            x.block(_rows(dec, DECISION_FIELDS, lang) + ([(tr("Extensions", lang), ext)] if ext else []))

    if bundle["diary_entries"]:
        x.heading("Diary entries")
        for e in bundle["diary_entries"]:
            x.block(_rows(e, ENTRY_FIELDS, lang), e["text"])
        omissions.append(tr("Diary entries are printed as written: read them for other people's details before "
                            "handing the extract over.", None))
    if bundle["network_contacts"]:
        x.heading("Network map")
        for n in bundle["network_contacts"]:
            safety = {"safe": "Safe", "unsafe": "Not safe", "unknown": "Unknown"}.get(n["safety"], n["safety"])
            x.block(_rows({**n, "safety": tr(safety, lang)}, NETWORK_FIELDS, lang))
        omissions.append(tr("How to reach the people in her network, and the notes about them, are left out "
                            "({n} contacts): they are other people's details.").format(
                                n=len(bundle["network_contacts"])))
    for key, title, fields in (("children", "Children", CHILD_FIELDS),
                               ("court_appointments", "Court", COURT_FIELDS),
                               ("risk_assessments", "Risk assessments", RISK_FIELDS),
                               ("incidents", "Incidents", INCIDENT_FIELDS)):
        if bundle[key]:
            x.heading(title)
            for r in bundle[key]:
                if isinstance(r.get("result"), dict):  # a risk assessment's outcome, e.g. level and score
                    r = {**r, "result": ", ".join(f"{k}: {v}" for k, v in r["result"].items())}
                x.block(_rows(r, fields, lang))
    _plans(x, bundle["safety_plan_versions"], lang, omissions)

    if x.redactions:
        omissions.append(tr("Her address or personal identity number was blacked out in {n} places of the text.")
                         .format(n=x.redactions))
    printed_title = tr("Record extract", lang)
    if identity_leaks(page.printed, address=client.address if client.is_protected else "",
                      personal_number=client.personal_number if client.is_protected else None):
        raise DomainError("The document would show protected details; nothing was printed.")
    pdf, pages = build_pdf(page, Metadata(title=printed_title), tr("Page {page}", lang))
    return PrintResult(pdf=pdf, pages=pages, omissions=omissions, client_id=client_id,
                       compartment=Compartment.WOMEN.value, entity="clients", entity_id=client_id,
                       detail=f"record extract, a4, {lang}", printed=page.printed)


def _plans(x: _Extract, plans: list[dict[str, Any]], lang: str, omissions: list[str]) -> None:
    if not plans:
        return
    texts = plan_sections.language(lang)
    x.heading("Safety plans")
    had_people = False
    for p in plans:
        x.block([(tr("Version", lang), str(p["version"])), (tr("Saved", lang), _value(p["created_at"], lang)),
                 (tr("Saved by", lang), p["created_by"])])
        for sid, value in (p["sections"] or {}).items():
            body = plan_sections.section_text(value)
            people = plan_sections.section_people(value)
            had_people = had_people or bool(people)
            names = ", ".join(q["name"] + (f" ({q['relation']})" if q["relation"] else "") for q in people)
            content = "\n".join(t for t in (names, body) if t)
            if content:
                x.block([(texts.heading(sid, discreet=False), content)])
    if had_people:
        omissions.append(tr("The phone numbers of the people in her safety plans are left out."))

