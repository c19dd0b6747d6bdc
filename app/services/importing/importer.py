"""Importing women, their cases, decisions and kinds of support from a spreadsheet (docs/import.md).

Every row is checked before anything is written and every problem is listed by row and column. An import
is all or nothing: one problem anywhere and nothing is written. A clean file is written in one transaction
through ``bulk_insert`` so the change feed records every record, as if typed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from app import reference
from app.errors import DomainError
from app.i18n import tr
from app.models import Case, Client, Compartment, Decision, DiaryEntry, Extension, new_id
from app.models.base import utcnow
from app.services import audit, validation
from app.services.backup import make_backup
from app.services.context import Diary
from app.services.importing.layout import (
    COLUMN_BY_KEY,
    DECISION_KEYS,
    HEADER_KEYS,
    REQUIRED_COLUMNS,
    CellError,
    birth_date,
    cell,
    fold,
)
from app.services.importing.spreadsheet import Sheet, read_sheet
from app.storage.changefeed import bulk_insert

ENTRY_TEXT = "Importerad från kalkylblad: stödformer under insatsen."
MAX_ROWS = 100_000


@dataclass(frozen=True)
class Problem:
    row: int | None  # spreadsheet row (the header is row 1); None for the file as a whole
    column: str  # the header as written in the file ("" for the whole row or file)
    message_en: str
    params: dict[str, object] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        m = tr(self.message_en, lang)
        return m.format(**self.params) if self.params else m

    def describe(self, lang: str | None = None) -> str:
        where = [tr("row {n}", lang).format(n=self.row)] if self.row is not None else [tr("file", lang)]
        if self.column:
            where.append(tr("column \"{name}\"", lang).format(name=self.column))
        return ", ".join(where) + ": " + self.message(lang)


@dataclass
class ImportReport:
    file_format: str
    encoding: str
    rows: int
    problems: list[Problem]
    dry_run: bool
    imported: bool = False
    clients: int = 0
    cases: int = 0
    decisions: int = 0
    extensions: int = 0
    entries: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _Plan:
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {
        "clients": [], "cases": [], "decisions": [], "extensions": [], "entries": []})


def _headers(sheet: Sheet, problems: list[Problem]) -> dict[int, str]:
    """Column index → field key. Unknown, repeated and missing columns are problems of the file."""
    found: dict[int, str] = {}
    for i, h in enumerate(sheet.headers):
        if not h:
            continue
        key = HEADER_KEYS.get(fold(h))
        if key is None:
            problems.append(Problem(None, h, "Unknown column. The columns are listed in docs/import.md."))
        elif key in found.values():
            problems.append(Problem(None, h, "The column appears twice."))
        else:
            found[i] = key
    for key in REQUIRED_COLUMNS:
        if key not in found.values():
            problems.append(Problem(None, COLUMN_BY_KEY[key].sv, "A required column is missing."))
    if "starts_on" in found.values() or "district" in found.values() or "referring_unit" in found.values():
        for key in ("starts_on", "district", "referring_unit"):
            if key not in found.values():
                problems.append(Problem(None, COLUMN_BY_KEY[key].sv,
                                        "A decision needs the columns startdatum, stadsdel and beställande "
                                        "enhet; this one is missing."))
    return found


def _existing(diary: Diary) -> tuple[set[str], set[tuple[str, date]], set[str]]:
    """Personal numbers, (name, birth date) pairs and case numbers already in the diary."""
    with diary.read() as s:
        people = s.execute(select(Client.name_key, Client.personal_number)
                           .where(Client.compartment == Compartment.WOMEN.value)).all()
        numbers = set(s.scalars(select(Case.case_number)))
    pnrs = {p for _, p in people if p}
    named = set()
    for name, p in people:
        if p:
            born = birth_date({"personal_number": p})
            if born:
                named.add((fold(name), born))
    return pnrs, named, numbers


def _row_checks(v: dict[str, Any], today: date) -> list[tuple[str, str]]:
    """Rules between a row's cells: (field key, message key)."""
    out: list[tuple[str, str]] = []
    if not v.get("name"):
        out.append(("name", "A name is required."))
    pnr_born = birth_date({"personal_number": v.get("personal_number")})
    if pnr_born and v.get("birth_date") and v["birth_date"] != pnr_born:
        out.append(("birth_date", "The birth date does not match the personal identity number."))
    has_decision = any(v.get(k) for k in DECISION_KEYS)
    if has_decision:
        for key in ("starts_on", "district", "referring_unit"):
            if not v.get(key):
                out.append((key, "A decision needs a start date, a district and a referring unit."))
    starts, ends, decided = v.get("starts_on"), v.get("ends_on"), v.get("decided_on")
    if starts and ends and ends <= starts:
        out.append(("ends_on", "The period must end after it starts."))
    if starts and decided and decided > starts:
        out.append(("decided_on", "The decision date cannot be after the start of the support."))
    if v.get("extended_to") and starts and v["extended_to"] <= (ends or validation.add_months(starts, 3)):
        out.append(("extended_to", "The extension must end after the decision's period."))
    closed = v.get("closed_on")
    if closed and not v.get("closing_reason"):
        out.append(("closing_reason", "A closed case needs a closing reason."))
    if v.get("closing_reason") and not closed:
        out.append(("closed_on", "A closing reason needs a closing date."))
    if closed and v.get("referred_on") and closed < v["referred_on"]:
        out.append(("closed_on", "A case cannot close before it was referred."))
    if closed and starts and closed < starts:
        out.append(("closed_on", "A case cannot close before its support started."))
    if v.get("support_kinds") and not starts:
        out.append(("support_kinds", "Kinds of support need the decision's start date."))
    if v.get("support_kinds") and starts and starts > today:
        out.append(("support_kinds", "Kinds of support cannot be given for support that has not started."))
    for key in ("referred_on", "first_contact_on", "decided_on", "closed_on", "birth_date"):
        if v.get(key) and v[key] > today:
            out.append((key, "The date is in the future."))
    return out


def check(diary: Diary, sheet: Sheet) -> tuple[list[Problem], _Plan]:
    """Every problem of the sheet, and what would be written if there are none."""
    problems: list[Problem] = []
    cols = _headers(sheet, problems)
    if len(sheet.rows) > MAX_ROWS:
        problems.append(Problem(None, "", "The file has too many rows (at most {n}).", {"n": MAX_ROWS}))
    if problems:
        return problems, _Plan()
    header_of = {key: sheet.headers[i] for i, key in cols.items()}
    pnrs, named, case_numbers = _existing(diary)
    seen_pnr: dict[str, int] = {}
    seen_named: dict[tuple[str, date], int] = {}
    seen_case: dict[str, int] = {}
    plan = _Plan()
    today, now = diary.today(), utcnow()
    for n, raw in enumerate(sheet.rows, start=2):
        v: dict[str, Any] = {}
        bad: list[Problem] = []
        for i, key in cols.items():
            try:
                v[key] = cell(COLUMN_BY_KEY[key], raw[i] if i < len(raw) else None)
            except CellError as exc:
                bad.append(Problem(n, header_of[key], exc.message_en, exc.params))
        failed = {p.column for p in bad}
        bad += [Problem(n, header_of.get(k, k), m) for k, m in _row_checks(v, today)
                if header_of.get(k, k) not in failed]
        pnr, born = v.get("personal_number"), birth_date(v)
        person = (fold(v.get("name") or ""), born) if born and v.get("name") else None
        if (pnr and pnr in seen_pnr) or (person and person in seen_named):
            first = seen_pnr[pnr] if pnr and pnr in seen_pnr else seen_named[person] if person else 0
            bad.append(Problem(n, "", "The same woman is already on row {first}.", {"first": first}))
        elif (pnr and pnr in pnrs) or (person and person in named):
            bad.append(Problem(n, "", "The woman is already in the diary (same personal identity number, or "
                                      "same name and birth date)."))
        if pnr:
            seen_pnr.setdefault(pnr, n)
        if person:
            seen_named.setdefault(person, n)
        number = v.get("case_number")
        if number and (number in case_numbers or number in seen_case):
            bad.append(Problem(n, header_of["case_number"], "The case number is already used."))
        if number:
            seen_case.setdefault(number, n)
        problems += bad
        if not bad:
            _plan_row(diary, plan, v, now)
    return problems, plan


def _plan_row(diary: Diary, plan: _Plan, v: dict[str, Any], now: datetime) -> None:
    women = Compartment.WOMEN.value
    cid = new_id()
    plan.rows["clients"].append(dict(
        id=cid, compartment=women, name=v["name"], name_key=v["name"].casefold(),
        personal_number=v.get("personal_number"), protected_identity=v.get("protected_identity") or "none",
        languages=v.get("languages") or "sv", interpreter_needed=bool(v.get("interpreter")),
        phone=v.get("phone", ""), email=v.get("email", ""), address=v.get("address", ""),
        postal_code=v.get("postal_code", ""), city=v.get("city", ""), worker=v.get("worker", "")))
    starts: date | None = v.get("starts_on")
    if not (starts or v.get("referred_on") or v.get("case_number") or v.get("closed_on")):
        return
    case_id = new_id()
    referred = v.get("referred_on") or v.get("decided_on") or starts or diary.today()
    plan.rows["cases"].append(dict(
        id=case_id, compartment=women, client_id=cid,
        case_number=v.get("case_number") or f"IMP-{referred.year}-{len(plan.rows['cases']) + 1:05d}",
        referred_on=referred, first_contact_on=v.get("first_contact_on"), closed_on=v.get("closed_on"),
        closing_reason=v.get("closing_reason", "")))
    if not starts:
        return
    decided = v.get("decided_on") or starts
    ends = v.get("ends_on") or validation.add_months(starts, 3)
    dec_id = new_id()
    plan.rows["decisions"].append(dict(
        id=dec_id, compartment=women, case_id=case_id, referring_unit=v["referring_unit"], district=v["district"],
        case_officer=v.get("case_officer", ""), legal_basis=reference.legal_basis_for(decided.isoformat()),
        decided_on=decided, starts_on=starts, ends_on=ends))
    if v.get("extended_to"):
        new_end: date = v["extended_to"]
        months = max(1, round((new_end - ends).days / (365.25 / 12)))
        plan.rows["extensions"].append(dict(id=new_id(), compartment=women, decision_id=dec_id,
                                            granted_on=min(ends, diary.today()), months=months,
                                            new_ends_on=new_end))
    if v.get("support_kinds"):
        plan.rows["entries"].append(dict(
            id=new_id(), compartment=women, client_id=cid, case_id=case_id, event_on=starts,
            written_at=now, kinds=",".join(v["support_kinds"]), activity="", text=ENTRY_TEXT,
            author_name=diary.worker.name, author_title=diary.worker.title, signed_at=now))


def import_sheet(diary: Diary, sheet: Sheet, *, dry_run: bool) -> ImportReport:
    diary.require_track(Compartment.WOMEN.value)
    problems, plan = check(diary, sheet)
    r = plan.rows
    report = ImportReport(sheet.file_format, sheet.encoding, len(sheet.rows), problems, dry_run,
                          clients=len(r["clients"]), cases=len(r["cases"]), decisions=len(r["decisions"]),
                          extensions=len(r["extensions"]), entries=len(r["entries"]))
    if problems or dry_run:
        return report
    make_backup(diary, "import")  # a failed backup stops the import before anything is written
    with diary.write() as s:
        for model, key in ((Client, "clients"), (Case, "cases"), (Decision, "decisions"),
                           (Extension, "extensions"), (DiaryEntry, "entries")):
            # Rows with the same empty fields side by side: the bulk insert then sends them in few batches.
            bulk_insert(s, model, sorted(r[key], key=lambda row: tuple(v is None for v in row.values())))
    report.imported = True
    audit.log(diary, "import", compartment=Compartment.WOMEN.value, entity="clients",
              detail=f"spreadsheet {sheet.file_format} rows={len(sheet.rows)} clients={report.clients} "
                     f"cases={report.cases} decisions={report.decisions}")
    return report


def import_file(diary: Diary, data: bytes, filename: str, *, dry_run: bool = False) -> ImportReport:
    """Check (and unless ``dry_run``, import) a CSV or XLSX file already read into memory."""
    try:
        sheet = read_sheet(data, filename)
    except DomainError as exc:
        return ImportReport("", "", 0, [Problem(None, "", exc.message_en, dict(exc.params))], dry_run)
    return import_sheet(diary, sheet, dry_run=dry_run)

