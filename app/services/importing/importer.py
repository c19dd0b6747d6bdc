"""Importing women, their cases, decisions and kinds of support from a spreadsheet (docs/import.md).

Every row is checked before anything is written and every problem is listed by row and column. An import
is all or nothing: one problem anywhere and nothing is written. A clean file is written in one transaction
through ``bulk_insert`` so the change feed records every record, as if typed in: an error or a crash at any
moment of it leaves the diary as it was. Its restore point (a verified backup of the diary as it was just
before the import, for undoing it) is written from that moment's snapshot after the import's commit, in the
background (``wait_for_restore_points``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from app import reference
from app.errors import DomainError
from app.i18n import tr
from app.models import Case, Client, Compartment, Decision, DiaryEntry, Extension, new_ordered_id
from app.models.base import utcnow
from app.services import audit, reference_lists, validation
from app.services.backup import BackupInfo, restore_points_written
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
    reference_maps,
)
from app.services.importing.spreadsheet import Sheet, read_sheet
from app.storage.changefeed import bulk_insert

ENTRY_TEXT = "Importerad från kalkylblad: stödformer under insatsen."
MAX_ROWS = 100_000
IMP_NUMBER = re.compile(r"^IMP-(\d{4})-(\d+)$")
DUPLICATE_CHOICES = ("skip", "import")
# The import's connection reads and writes the big indexes of a big diary (random ids): a page cache of 256 MB
# while it writes instead of the usual 32 MB, so its pages are decrypted and encrypted once, not again and again.
IMPORT_CACHE_KIB = 256 * 1024
NORMAL_CACHE_KIB = 32_000


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


@dataclass(frozen=True)
class Duplicate:
    """A row that may be a woman already in the diary or on an earlier row: same name, same district and
    the same birth date (or none known). Never names her."""

    row: int
    of_row: int | None  # the earlier row; None when she is already in the diary

    def describe(self, lang: str | None = None) -> str:
        if self.of_row is None:
            text = tr("may be a woman already in the diary (same name, district and birth date)", lang)
        else:
            text = tr("may be the same woman as row {first} (same name, district and birth date)",
                      lang).format(first=self.of_row)
        return tr("row {n}", lang).format(n=self.row) + ": " + text


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
    duplicates: list[Duplicate] = field(default_factory=list)
    duplicate_choice: str | None = None  # skip / import, as the worker chose
    skipped: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _Plan:
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {
        "clients": [], "cases": [], "decisions": [], "extensions": [], "entries": []})
    used_numbers: set[str] = field(default_factory=set)
    next_number: dict[int, int] = field(default_factory=dict)  # year → next IMP-<year>-<n>
    duplicates: list[Duplicate] = field(default_factory=list)
    skipped: int = 0

    def case_number(self, year: int) -> str:
        """IMP-<year>-<n>, continuing after the highest number already in the diary or the file."""
        n = self.next_number.get(year, 1)
        while f"IMP-{year}-{n:05d}" in self.used_numbers:
            n += 1
        self.next_number[year] = n + 1
        number = f"IMP-{year}-{n:05d}"
        self.used_numbers.add(number)
        return number


def _headers(sheet: Sheet, problems: list[Problem]) -> dict[int, str]:
    """Column index → field key. Unknown, repeated and missing columns are problems of the file."""
    found: dict[int, str] = {}
    keys = {i: HEADER_KEYS.get(fold(h)) for i, h in enumerate(sheet.headers) if h}
    if not any(keys.values()):
        # No header row: the first row is a woman's data, which must never appear in a message.
        problems.append(Problem(None, "", "The first row must hold the column names (see docs/import.md); "
                                          "none of the known columns was found."))
        return found
    for i, h in enumerate(sheet.headers):
        if not h:
            continue
        key = keys[i]
        if key is None:
            # A misspelt column name is shown so it can be corrected; anything with digits is not.
            label = h if not any(ch.isdigit() for ch in h) and len(h) <= 40 else tr("number {n}").format(n=i + 1)
            problems.append(Problem(None, label, "Unknown column. The columns are listed in docs/import.md."))
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


@dataclass
class _Existing:
    pnrs: set[str]
    # folded name → (district or None, birth date or None) of every such woman and each of her districts
    people: dict[str, list[tuple[str | None, date | None]]]
    numbers: set[str]


def _existing(diary: Diary) -> _Existing:
    """Personal numbers, women by name and district, and case numbers already in the diary."""
    with diary.read() as s:
        rows = s.execute(select(Client.id, Client.name_key, Client.personal_number)
                         .where(Client.compartment == Compartment.WOMEN.value)).all()
        districts: dict[str, set[str | None]] = {}
        for cid, district in s.execute(select(Case.client_id, Decision.district)
                                       .join(Decision, Decision.case_id == Case.id)):
            districts.setdefault(cid, set()).add(fold(district) if district else None)
        numbers = set(s.scalars(select(Case.case_number)))
    people: dict[str, list[tuple[str | None, date | None]]] = {}
    for cid, name, p in rows:
        born = birth_date({"personal_number": p}) if p else None
        for d in districts.get(cid, {None}):
            people.setdefault(fold(name), []).append((d, born))
    return _Existing({p for _, _, p in rows if p}, people, numbers)


def _same(d1: str | None, b1: date | None, d2: str | None, b2: date | None) -> bool:
    """Same district and birth date, where an unknown one matches anything."""
    return (d1 is None or d2 is None or d1 == d2) and (b1 is None or b2 is None or b1 == b2)


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


def check(diary: Diary, sheet: Sheet, choice: str | None = None) -> tuple[list[Problem], _Plan]:
    """Every problem of the sheet, and what would be written if there are none (possible duplicates are
    left out unless ``choice`` is "import")."""
    problems: list[Problem] = []
    cols = _headers(sheet, problems)
    if len(sheet.rows) > MAX_ROWS:
        problems.append(Problem(None, "", "The file has too many rows (at most {n}).", {"n": MAX_ROWS}))
    if problems:
        return problems, _Plan()
    header_of = {key: sheet.headers[i] for i, key in cols.items()}
    known = _existing(diary)
    lists = reference_lists.lists(diary)
    maps = reference_maps(lists)
    case_numbers = known.numbers
    seen_pnr: dict[str, int] = {}
    seen_named: dict[str, list[tuple[str | None, date | None, int]]] = {}
    seen_case: dict[str, int] = {}
    plan = _Plan(used_numbers=set(case_numbers))
    for existing_number in case_numbers:
        m = IMP_NUMBER.match(existing_number)
        if m:
            year, n = int(m.group(1)), int(m.group(2))
            plan.next_number[year] = max(plan.next_number.get(year, 1), n + 1)
    today, now = diary.today(), utcnow()
    for n, raw in enumerate(sheet.rows, start=2):
        v: dict[str, Any] = {}
        bad: list[Problem] = []
        for i, key in cols.items():
            try:
                v[key] = cell(COLUMN_BY_KEY[key], raw[i] if i < len(raw) else None, maps)
            except CellError as exc:
                bad.append(Problem(n, header_of[key], exc.message_en, exc.params))
        failed = {p.column for p in bad}
        bad += [Problem(n, header_of.get(k, k), m) for k, m in _row_checks(v, today)
                if header_of.get(k, k) not in failed]
        pnr, born = v.get("personal_number"), birth_date(v)
        district = fold(v["district"]) if v.get("district") else None
        name_key = fold(v.get("name") or "")
        duplicate: Duplicate | None = None
        if pnr and pnr in seen_pnr:
            bad.append(Problem(n, "", "The same woman is already on row {first}.", {"first": seen_pnr[pnr]}))
        elif pnr and pnr in known.pnrs:
            bad.append(Problem(n, "", "The woman is already in the diary (same personal identity number)."))
        elif name_key:
            earlier = next((r for d, b, r in seen_named.get(name_key, ()) if _same(d, b, district, born)), None)
            if earlier is not None:
                duplicate = Duplicate(n, earlier)
            elif any(_same(d, b, district, born) for d, b in known.people.get(name_key, ())):
                duplicate = Duplicate(n, None)
        if pnr:
            seen_pnr.setdefault(pnr, n)
        if name_key:
            seen_named.setdefault(name_key, []).append((district, born, n))
        number = v.get("case_number")
        if number and (number in case_numbers or number in seen_case):
            bad.append(Problem(n, header_of["case_number"], "The case number is already used."))
        if number:
            seen_case.setdefault(number, n)
            plan.used_numbers.add(number)
        problems += bad
        if duplicate is not None:
            plan.duplicates.append(duplicate)
            if choice != "import":
                plan.skipped += 1
                continue
        if not bad:
            _plan_row(diary, plan, v, now)
    return problems, plan


def _plan_row(diary: Diary, plan: _Plan, v: dict[str, Any], now: datetime) -> None:
    women = Compartment.WOMEN.value
    cid = new_ordered_id()
    plan.rows["clients"].append(dict(
        id=cid, compartment=women, name=v["name"], name_key=v["name"].casefold(),
        personal_number=v.get("personal_number"), protected_identity=v.get("protected_identity") or "none",
        languages=v.get("languages") or "sv", interpreter_needed=bool(v.get("interpreter")),
        phone=v.get("phone", ""), email=v.get("email", ""), address=v.get("address", ""),
        postal_code=v.get("postal_code", ""), city=v.get("city", ""), worker=v.get("worker", "")))
    starts: date | None = v.get("starts_on")
    if not (starts or v.get("referred_on") or v.get("case_number") or v.get("closed_on")):
        return
    case_id = new_ordered_id()
    referred = v.get("referred_on") or v.get("decided_on") or starts or diary.today()
    plan.rows["cases"].append(dict(
        id=case_id, compartment=women, client_id=cid,
        case_number=v.get("case_number") or plan.case_number(referred.year),
        referred_on=referred, first_contact_on=v.get("first_contact_on"), closed_on=v.get("closed_on"),
        closing_reason=v.get("closing_reason", "")))
    if not starts:
        return
    decided = v.get("decided_on") or starts
    ends = v.get("ends_on") or validation.add_months(starts, 3)
    dec_id = new_ordered_id()
    plan.rows["decisions"].append(dict(
        id=dec_id, compartment=women, case_id=case_id, referring_unit=v["referring_unit"], district=v["district"],
        case_officer=v.get("case_officer", ""), legal_basis=reference.legal_basis_for(decided.isoformat()),
        decided_on=decided, starts_on=starts, ends_on=ends))
    if v.get("extended_to"):
        new_end: date = v["extended_to"]
        months = max(1, round((new_end - ends).days / (365.25 / 12)))
        plan.rows["extensions"].append(dict(id=new_ordered_id(), compartment=women, decision_id=dec_id,
                                            granted_on=min(ends, diary.today()), months=months,
                                            new_ends_on=new_end))
    if v.get("support_kinds"):
        plan.rows["entries"].append(dict(
            id=new_ordered_id(), compartment=women, client_id=cid, case_id=case_id, event_on=starts,
            written_at=now, kinds=",".join(v["support_kinds"]), activity="", text=ENTRY_TEXT,
            author_name=diary.worker.name, author_title=diary.worker.title, signed_at=now))


def import_sheet(diary: Diary, sheet: Sheet, *, dry_run: bool, duplicates: str | None = None) -> ImportReport:
    """Check the sheet and, unless ``dry_run``, import it. Rows that may be women already in the diary or
    on an earlier row need an explicit choice: ``duplicates="skip"`` leaves them out, ``"import"`` takes
    them in anyway; without a choice the import stops (the dry run lists them)."""
    diary.require_track(Compartment.WOMEN.value)
    if duplicates is not None and duplicates not in DUPLICATE_CHOICES:
        raise DomainError("Choose skip or import for possible duplicates.")
    problems, plan = check(diary, sheet, duplicates)
    if plan.duplicates and duplicates is None and not dry_run and not problems:
        problems = [Problem(None, "", "{n} rows may be women already in the diary or on an earlier row: look at "
                                      "the dry run, then choose to skip them or to import them anyway.",
                            {"n": len(plan.duplicates)})]
    r = plan.rows
    report = ImportReport(sheet.file_format, sheet.encoding, len(sheet.rows), problems, dry_run,
                          clients=len(r["clients"]), cases=len(r["cases"]), decisions=len(r["decisions"]),
                          extensions=len(r["extensions"]), entries=len(r["entries"]),
                          duplicates=plan.duplicates, duplicate_choice=duplicates,
                          skipped=plan.skipped if duplicates != "import" else 0)
    if problems or dry_run:
        return report
    # The diary as it is now, held for the restore point; no room for it stops the import before anything is
    # written.
    point = diary.store.restore_point("import")
    try:
        with diary.write() as s:
            conn = s.connection()
            conn.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
            try:
                for model, key in ((Client, "clients"), (Case, "cases"), (Decision, "decisions"),
                                   (Extension, "extensions"), (DiaryEntry, "entries")):
                    # Rows with the same empty fields side by side: the bulk insert then sends them in few batches.
                    bulk_insert(s, model, sorted(r[key], key=lambda row: tuple(v is None for v in row.values())))
            finally:
                # Back to the usual size before the commit: the changed pages are written at the commit and
                # then leave the cache.
                conn.exec_driver_sql(f"PRAGMA cache_size = -{NORMAL_CACHE_KIB}")
    except BaseException:
        point.cancel()  # nothing was written: no restore point is needed
        raise
    point.start()
    report.imported = True
    audit.log(diary, "import", compartment=Compartment.WOMEN.value, entity="clients",
              detail=f"spreadsheet {sheet.file_format} rows={len(sheet.rows)} clients={report.clients} "
                     f"cases={report.cases} decisions={report.decisions}")
    return report


def wait_for_restore_points(diary: Diary) -> list[BackupInfo]:
    """Wait until the restore points of finished imports are written; the backups (raises ``BackupError`` or
    ``DiskFull`` when one could not be written: the import itself is in the diary all the same)."""
    return restore_points_written(diary)


def import_file(diary: Diary, data: bytes, filename: str, *, dry_run: bool = False,
                duplicates: str | None = None) -> ImportReport:
    """Check (and unless ``dry_run``, import) a CSV or XLSX file already read into memory."""
    try:
        sheet = read_sheet(data, filename)
    except DomainError as exc:
        return ImportReport("", "", 0, [Problem(None, "", exc.message_en, dict(exc.params))], dry_run)
    return import_sheet(diary, sheet, dry_run=dry_run, duplicates=duplicates)

