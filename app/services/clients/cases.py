"""Cases, decisions on support, extensions and closing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import reference
from app.errors import DomainError, NotFound
from app.models import Case, Decision, Extension
from app.services import history, reference_lists, validation
from app.services.clients.clients import require_client
from app.services.clients.status import case_status
from app.services.context import Diary


@dataclass(frozen=True)
class DecisionInput:
    referring_unit: str
    district: str
    decided_on: date | str
    starts_on: date | str
    ends_on: date | str | None = None  # default: three months after the start
    case_officer: str = ""
    legal_basis: str = ""
    note: str = ""
    intervention: str = ""


@dataclass(frozen=True)
class ExtensionView:
    id: str
    granted_on: date
    months: int
    new_ends_on: date
    note: str


@dataclass(frozen=True)
class DecisionView:
    id: str
    referring_unit: str
    case_officer: str
    district: str
    legal_basis: str
    decided_on: date
    starts_on: date
    ends_on: date
    effective_end: date
    extensions: list[ExtensionView]
    note: str
    intervention: str = ""


@dataclass(frozen=True)
class CaseView:
    id: str
    client_id: str
    case_number: str
    status: str
    referred_on: date | None
    first_contact_on: date | None
    closed_on: date | None
    closing_reason: str
    decisions: list[DecisionView]


def _case(diary: Diary, s: Session, case_id: str) -> Case:
    case = s.get(Case, case_id)
    if case is None:
        raise NotFound("The case was not found.")
    diary.require_track(case.compartment)
    return case


CASE_NUMBER_DIGITS = 5  # "2026-00051": one format for cases made here, by the demo and by an import


def _next_case_number(s: Session, year: int) -> str:
    """The year's next number, counted numerically (older diaries hold four-digit numbers too)."""
    prefix = f"{year}-"
    numbers = s.scalars(select(Case.case_number).where(Case.case_number.like(prefix + "%")))
    tails = [int(n[len(prefix):]) for n in numbers if n[len(prefix):].isdigit()]
    return f"{prefix}{max(tails, default=0) + 1:0{CASE_NUMBER_DIGITS}d}"


def open_case(diary: Diary, client_id: str, *, referred_on: date | str | None = None,
              case_number: str = "") -> CaseView:
    referred = validation.as_date(referred_on, "Referral date", required_=False) or diary.today()
    with diary.write() as s:
        client = require_client(diary, s, client_id)
        if s.scalar(select(func.count()).select_from(Case).where(
                Case.client_id == client_id, Case.closed_on.is_(None))):
            raise DomainError("The client already has an open case.")
        number = validation.optional(case_number, "Case number", 40) or _next_case_number(s, referred.year)
        case = Case(client_id=client_id, compartment=client.compartment, case_number=number,
                    referred_on=referred)
        s.add(case)
        s.flush()
        case_id = case.id
    return get_case(diary, case_id)


def record_first_contact(diary: Diary, case_id: str, on: date | str) -> CaseView:
    day = validation.as_date(on, "First contact")
    with diary.write() as s:
        _case(diary, s, case_id).first_contact_on = day
    return get_case(diary, case_id)


def _validated_decision(data: DecisionInput, lists: reference.ReferenceLists | None = None) -> dict[str, object]:
    """``lists``: the team's lists (reference.lists(diary)); the files' lists when None."""
    units = lists.referring_unit_codes() if lists else reference.referring_unit_codes()
    unit = validation.one_of(data.referring_unit, units, "Referring unit")
    district = validation.one_of(data.district, lists.districts if lists else reference.districts(), "District")
    decided = validation.as_date(data.decided_on, "Decision date")
    starts = validation.as_date(data.starts_on, "Start date")
    assert decided is not None and starts is not None
    ends = validation.as_date(data.ends_on, "End of period", required_=False) or validation.add_months(starts, 3)
    if ends <= starts:
        raise DomainError("The period must end after it starts.")
    if decided > starts:
        raise DomainError("The decision date cannot be after the start of the support.")
    legal = data.legal_basis or reference.legal_basis_for(decided.isoformat())
    if legal and legal not in {r.code for r in (lists.legal_references if lists else reference.legal_references())}:
        raise DomainError("Legal basis has a value that is not allowed.")
    in_force = reference.legal_references_on(decided.isoformat(), lists.legal_references if lists else None)
    if data.legal_basis and legal not in {r.code for r in in_force}:
        raise DomainError("The legal basis was not in force on the decision date.")
    intervention = data.intervention or ""
    if intervention:
        validation.one_of(intervention, {i.code for i in reference.interventions()}, "Intervention")
    return dict(referring_unit=unit, district=district, decided_on=decided, starts_on=starts, ends_on=ends,
                case_officer=validation.optional(data.case_officer, "Case officer", 200),
                legal_basis=legal, intervention=intervention, note=validation.optional(data.note, "Note", 2000))


def add_decision(diary: Diary, case_id: str, data: DecisionInput) -> CaseView:
    values = _validated_decision(data, reference_lists.lists(diary))
    with diary.write() as s:
        case = _case(diary, s, case_id)
        if case.closed_on is not None:
            raise DomainError("A closed case cannot get a new decision.")
        dec = Decision(case_id=case_id, compartment=case.compartment, **values)
        s.add(dec)
        s.flush()
        history.initial(s, dec, client_id=case.client_id)
    return get_case(diary, case_id)


def update_decision(diary: Diary, decision_id: str, data: DecisionInput, *,
                    effective_on: date | str | None = None) -> CaseView:
    """Change a decision. A new district or referring unit counts from ``effective_on`` (default: today) on:
    reports for periods that ended before keep the old one (to correct a mistake for every period, give the
    decision's start date)."""
    values = _validated_decision(data, reference_lists.lists(diary))
    since = validation.as_date(effective_on, "Valid from", required_=False) or diary.today()
    with diary.write() as s:
        dec = s.get(Decision, decision_id)
        if dec is None:
            raise NotFound("The decision was not found.")
        diary.require_track(dec.compartment)
        client_id = s.scalar(select(Case.client_id).where(Case.id == dec.case_id))
        for k, v in values.items():
            if k in history.TRACKED["decisions"]:
                history.changed(s, dec, k, v, since, client_id=client_id)
            elif getattr(dec, k) != v:
                setattr(dec, k, v)
        case_id = dec.case_id
    return get_case(diary, case_id)


def change_district(diary: Diary, decision_id: str, district: str,
                    effective_on: date | str | None = None) -> CaseView:
    """Move a decision to another district from ``effective_on`` (default: today) on; reports for periods that
    ended before keep the old one. Only the district changes, so a decision whose other values the team's
    lists no longer offer can still move."""
    chosen = validation.one_of(district, reference_lists.lists(diary).districts, "District")
    since = validation.as_date(effective_on, "Valid from", required_=False) or diary.today()
    with diary.write() as s:
        dec = s.get(Decision, decision_id)
        if dec is None:
            raise NotFound("The decision was not found.")
        diary.require_track(dec.compartment)
        client_id = s.scalar(select(Case.client_id).where(Case.id == dec.case_id))
        history.changed(s, dec, "district", chosen, since, client_id=client_id)
        case_id = dec.case_id
    return get_case(diary, case_id)


def _effective_end(s: Session, dec: Decision) -> date:
    last = s.scalar(select(func.max(Extension.new_ends_on)).where(Extension.decision_id == dec.id))
    return last or dec.ends_on


def extend_decision(diary: Diary, decision_id: str, *, months: int = 3, granted_on: date | str | None = None,
                    note: str = "") -> CaseView:
    """Förlängning: push the period's end ``months`` further (the one-click "extend by 3 months")."""
    if not 1 <= months <= 24:
        raise DomainError("An extension must be between 1 and 24 months.")
    granted = validation.as_date(granted_on, "Extension date", required_=False) or diary.today()
    with diary.write() as s:
        dec = s.get(Decision, decision_id)
        if dec is None:
            raise NotFound("The decision was not found.")
        diary.require_track(dec.compartment)
        case = _case(diary, s, dec.case_id)
        if case.closed_on is not None:
            raise DomainError("A closed case cannot be extended.")
        end = _effective_end(s, dec)
        s.add(Extension(decision_id=dec.id, compartment=dec.compartment, granted_on=granted, months=months,
                        new_ends_on=validation.add_months(end, months),
                        note=validation.optional(note, "Note", 2000)))
        case_id = dec.case_id
    return get_case(diary, case_id)


def close_case(diary: Diary, case_id: str, *, closed_on: date | str | None = None, reason: str) -> CaseView:
    day = validation.as_date(closed_on, "Closing date", required_=False) or diary.today()
    why = validation.required(reason, "Closing reason", 300)
    with diary.write() as s:
        case = _case(diary, s, case_id)
        if case.closed_on is not None:
            raise DomainError("The case is already closed.")
        if case.referred_on and day < case.referred_on:
            raise DomainError("A case cannot close before it was referred.")
        case.closed_on = day
        case.closing_reason = why
    return get_case(diary, case_id)


def get_case(diary: Diary, case_id: str) -> CaseView:
    with diary.read() as s:
        return _view(diary, s, _case(diary, s, case_id))


def cases_for_client(diary: Diary, client_id: str) -> list[CaseView]:
    with diary.read() as s:
        require_client(diary, s, client_id)
        cases = s.scalars(select(Case).where(Case.client_id == client_id)
                          .order_by(Case.referred_on.desc(), Case.created_at.desc())).all()
        return [_view(diary, s, c) for c in cases]


def _view(diary: Diary, s: Session, case: Case) -> CaseView:
    decisions = s.scalars(select(Decision).where(Decision.case_id == case.id)
                          .order_by(Decision.starts_on)).all()
    dviews = []
    for d in decisions:
        exts = s.scalars(select(Extension).where(Extension.decision_id == d.id)
                         .order_by(Extension.new_ends_on)).all()
        ev = [ExtensionView(e.id, e.granted_on, e.months, e.new_ends_on, e.note) for e in exts]
        dviews.append(DecisionView(
            id=d.id, referring_unit=d.referring_unit, case_officer=d.case_officer, district=d.district,
            legal_basis=d.legal_basis, decided_on=d.decided_on, starts_on=d.starts_on, ends_on=d.ends_on,
            effective_end=ev[-1].new_ends_on if ev else d.ends_on, extensions=ev, note=d.note,
            intervention=d.intervention))
    status = case_status(case.closed_on, [d.starts_on for d in dviews], diary.today())
    return CaseView(id=case.id, client_id=case.client_id, case_number=case.case_number, status=status.value,
                    referred_on=case.referred_on, first_contact_on=case.first_contact_on,
                    closed_on=case.closed_on, closing_reason=case.closing_reason, decisions=dviews)
