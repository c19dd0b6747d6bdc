"""Risk and threat assessments: start, answer item by item, complete (which locks), supersede.

An assessment is a draft until it is completed. Completing computes the final result and stamps it; from
then on nothing in it can change (the service refuses, and a trigger in the database refuses a raw update).
A new assessment of the same instrument supersedes the last completed one and may start from its answers.
Every write goes through the diary's session, so the change feed and the audit trail record it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import DomainError, NotFound
from app.i18n import tr
from app.models import RiskAssessment, Setting
from app.models.base import utcnow
from app.services import audit, validation
from app.services.clients.clients import require_client
from app.services.context import Diary
from app.services.risk.instruments import JUDGEMENT, LEVELS, Catalogue, Instrument, catalogue
from app.services.risk.scoring import (
    CLIENT_ESTIMATES,
    MAX_COMMENT,
    check_persons,
    check_value,
    compute_result,
    level_rank,
    missing_for_completion,
)
from app.services.safety_plan import plans as safety_plans

FOLDER_KEY = "risk.instrument_folder"
MAX_SUMMARY = 8000


@dataclass(frozen=True)
class AssessmentView:
    id: str
    client_id: str
    instrument_id: str
    instrument_version: str
    answers: dict[str, Any]
    result: dict[str, Any]
    client_estimate: str
    assessor: str
    assessed_on: date
    summary: str
    completed_at: datetime | None
    supersedes_id: str | None
    created_at: datetime
    created_by: str

    @property
    def completed(self) -> bool:
        return self.completed_at is not None

    def comment(self, item_id: str) -> str:
        entry = self.answers.get("items", {}).get(item_id) or {}
        return str(entry.get("comment") or "")

    def value(self, item_id: str) -> object:
        return (self.answers.get("items", {}).get(item_id) or {}).get("value")


def _view(a: RiskAssessment) -> AssessmentView:
    return AssessmentView(id=a.id, client_id=a.client_id, instrument_id=a.instrument_id,
                          instrument_version=a.instrument_version, answers=copy.deepcopy(dict(a.answers)),
                          result=copy.deepcopy(dict(a.result)), client_estimate=a.client_estimate,
                          assessor=a.assessor, assessed_on=a.assessed_on, summary=a.summary,
                          completed_at=a.completed_at, supersedes_id=a.supersedes_id, created_at=a.created_at,
                          created_by=a.created_by)


# --- instruments -------------------------------------------------------------------------------------------

def instrument_folder(diary: Diary) -> str:
    with diary.read() as s:
        return s.scalar(select(Setting.value).where(Setting.key == FOLDER_KEY)) or ""


def set_instrument_folder(diary: Diary, folder: str) -> None:
    """The organisation's folder of licensed instruments (a preference of this diary; empty to clear)."""
    folder = validation.optional(folder, "Folder", 1000)
    with diary.write() as s:
        row = s.get(Setting, FOLDER_KEY)
        if row is None:
            s.add(Setting(key=FOLDER_KEY, value=folder))
        else:
            row.value = folder


def instruments(diary: Diary) -> Catalogue:
    folder = instrument_folder(diary)
    return catalogue(Path(folder) if folder else None)


def require_instrument(diary: Diary, instrument_id: str) -> Instrument:
    inst = instruments(diary).get(instrument_id)
    if inst is None:
        raise NotFound("The instrument was not found.")
    return inst


# --- assessments -------------------------------------------------------------------------------------------

def _load(diary: Diary, s: Session, assessment_id: str) -> RiskAssessment:
    a = s.get(RiskAssessment, assessment_id)
    if a is None:
        raise NotFound("The risk assessment was not found.")
    diary.require_track(a.compartment)
    return a


def _draft(diary: Diary, s: Session, assessment_id: str) -> tuple[RiskAssessment, Instrument]:
    a = _load(diary, s, assessment_id)
    if a.completed_at is not None:
        raise DomainError("A completed risk assessment cannot be changed; start a new one.")
    return a, require_instrument(diary, a.instrument_id)


def _answers(a: RiskAssessment) -> dict[str, Any]:
    """A private copy of the stored answers to change and store back."""
    out: dict[str, Any] = copy.deepcopy(dict(a.answers))
    return out


def _store(a: RiskAssessment, inst: Instrument, answers: dict[str, Any]) -> None:
    """Replace the answers (a new object, so the change is seen) and recompute the live result."""
    a.answers = answers
    a.result = compute_result(inst, answers)


def start(diary: Diary, client_id: str, instrument_id: str, *, copy_previous: bool = False) -> AssessmentView:
    """A new draft, or the draft already open for this client and instrument (one at a time)."""
    inst = require_instrument(diary, instrument_id)
    with diary.write() as s:
        client = require_client(diary, s, client_id)
        rows = s.scalars(select(RiskAssessment).where(RiskAssessment.client_id == client_id,
                                                      RiskAssessment.instrument_id == instrument_id)
                         .order_by(RiskAssessment.created_at.desc())).all()
        draft = next((r for r in rows if r.completed_at is None), None)
        if draft is not None:
            return _view(draft)
        previous = next((r for r in rows if r.completed_at is not None), None)
        answers: dict[str, Any] = {"items": {}, "judgements": {}, "persons": []}
        if copy_previous and previous is not None and previous.instrument_version == inst.version:
            answers = copy.deepcopy(dict(previous.answers))
        a = RiskAssessment(client_id=client_id, compartment=client.compartment, instrument_id=inst.id,
                           instrument_version=inst.version, assessor=diary.worker.name,
                           assessed_on=diary.today(), supersedes_id=previous.id if previous else None)
        _store(a, inst, answers)
        s.add(a)
        s.flush()
        return _view(a)


def get(diary: Diary, assessment_id: str, *, log: bool = True) -> AssessmentView:
    """One assessment. Opening it is logged in the audit trail (which one and which instrument, no content)."""
    with diary.read() as s:
        a = _load(diary, s, assessment_id)
        view = _view(a)
    if log:
        audit.log(diary, "open", client_id=view.client_id, compartment=a.compartment, entity="risk_assessments",
                  entity_id=view.id, detail=f"{view.instrument_id} {view.instrument_version}")
    return view


def list_for_client(diary: Diary, client_id: str) -> list[AssessmentView]:
    """All assessments of a client, newest first (drafts included)."""
    with diary.read() as s:
        require_client(diary, s, client_id)
        rows = s.scalars(select(RiskAssessment).where(RiskAssessment.client_id == client_id)
                         .order_by(RiskAssessment.assessed_on.desc(), RiskAssessment.created_at.desc())).all()
        return [_view(r) for r in rows]


def _comment(comment: str | None) -> str | None:
    return None if comment is None else validation.optional(comment, "Comment", MAX_COMMENT)


def answer_item(diary: Diary, assessment_id: str, item_id: str, value: object,
                comment: str | None = None) -> AssessmentView:
    """Set an item's answer (``None`` clears it) and, when given, its comment; returns the live result."""
    comment = _comment(comment)
    with diary.write() as s:
        a, inst = _draft(diary, s, assessment_id)
        item = inst.item(item_id)
        if item is None:
            raise NotFound("The item is not part of this instrument.")
        answers = _answers(a)
        entry = dict(answers.setdefault("items", {}).get(item_id) or {})
        entry["value"] = check_value(item, value)
        if comment is not None:
            entry["comment"] = comment
        answers["items"][item_id] = entry
        _store(a, inst, answers)
        s.flush()
        return _view(a)


def comment_item(diary: Diary, assessment_id: str, item_id: str, comment: str) -> AssessmentView:
    """Only the comment of an item, leaving its answer as it is."""
    checked = _comment(comment) or ""
    with diary.write() as s:
        a, inst = _draft(diary, s, assessment_id)
        if inst.item(item_id) is None:
            raise NotFound("The item is not part of this instrument.")
        answers = _answers(a)
        entry = dict(answers.setdefault("items", {}).get(item_id) or {})
        entry["comment"] = checked
        entry.setdefault("value", None)
        answers["items"][item_id] = entry
        _store(a, inst, answers)
        s.flush()
        return _view(a)


def set_judgement(diary: Diary, assessment_id: str, scenario_id: str, level: str | None,
                  comment: str | None = None, persons: list[str] | None = None) -> AssessmentView:
    """A structured judgement's rating of one scenario, optionally naming the persons it concerns."""
    comment = _comment(comment)
    if level is not None and level not in LEVELS:
        raise DomainError("{field} has a value that is not allowed.", field="Level")
    with diary.write() as s:
        a, inst = _draft(diary, s, assessment_id)
        if inst.method != JUDGEMENT or scenario_id not in {sc.id for sc in inst.scenarios}:
            raise NotFound("The scenario is not part of this instrument.")
        answers = _answers(a)
        entry = dict(answers.setdefault("judgements", {}).get(scenario_id) or {})
        entry["level"] = level
        if comment is not None:
            entry["comment"] = comment
        if persons is not None:
            known = {p["id"] for p in answers.get("persons") or []}
            if not set(persons) <= known:
                raise DomainError("The list of persons is malformed.")
            entry["persons"] = list(dict.fromkeys(persons))
        answers["judgements"][scenario_id] = entry
        _store(a, inst, answers)
        s.flush()
        return _view(a)


def set_persons(diary: Diary, assessment_id: str, persons: list[dict[str, str]]) -> AssessmentView:
    """The people a structured judgement concerns: several perpetrators and several victims are possible."""
    checked = check_persons(persons)
    with diary.write() as s:
        a, inst = _draft(diary, s, assessment_id)
        if not inst.persons:
            raise DomainError("This instrument does not record persons.")
        answers = _answers(a)
        answers["persons"] = checked
        ids = {p["id"] for p in checked}
        for entry in (answers.get("judgements") or {}).values():  # drop links to removed persons
            if isinstance(entry, dict) and "persons" in entry:
                entry["persons"] = [p for p in entry["persons"] if p in ids]
        _store(a, inst, answers)
        s.flush()
        return _view(a)


def set_details(diary: Diary, assessment_id: str, *, summary: str | None = None,
                client_estimate: str | None = None, assessed_on: date | str | None = None) -> AssessmentView:
    """The assessor's summary, the client's own estimate of her risk and the date of the assessment."""
    if client_estimate is not None and client_estimate not in ("", *CLIENT_ESTIMATES):
        raise DomainError("{field} has a value that is not allowed.", field="Client's own estimate")
    day = validation.as_date(assessed_on, "Date", required_=False) if assessed_on is not None else None
    with diary.write() as s:
        a, _inst = _draft(diary, s, assessment_id)
        if day is not None:
            if day > diary.today():
                raise DomainError("The assessment cannot be dated in the future.")
            a.assessed_on = day
        if summary is not None:
            a.summary = validation.optional(summary, "Summary", MAX_SUMMARY)
        if client_estimate is not None:
            a.client_estimate = client_estimate
        s.flush()
        return _view(a)


def _final_result(inst: Instrument, a: RiskAssessment) -> dict[str, Any]:
    result = compute_result(inst, dict(a.answers))
    est = level_rank(a.client_estimate)
    result["client_estimate"] = a.client_estimate
    # >0: she sees more danger than the instrument, <0: less. The gap is where the conversation starts.
    result["estimate_gap"] = est - int(result["rank"]) if est and result["rank"] else None
    return result


def missing(diary: Diary, assessment_id: str) -> list[str]:
    """What still stands in the way of completing, as translated messages."""
    with diary.read() as s:
        a = _load(diary, s, assessment_id)
        if a.completed_at is not None:
            return []
        inst = require_instrument(diary, a.instrument_id)
        return [tr(m) for m in missing_for_completion(inst, dict(a.answers), a.client_estimate, a.summary)]


def complete(diary: Diary, assessment_id: str) -> AssessmentView:
    """Compute the final result and lock the assessment. Refused while something is missing."""
    with diary.write() as s:
        a, inst = _draft(diary, s, assessment_id)
        if a.instrument_version != inst.version:
            raise DomainError("The instrument has changed since this assessment was started; start a new one.")
        gaps = missing_for_completion(inst, dict(a.answers), a.client_estimate, a.summary)
        if gaps:
            raise DomainError(gaps[0])
        a.result = _final_result(inst, a)
        a.assessor = diary.worker.name
        a.completed_at = utcnow()
        s.flush()
        return _view(a)


def discard(diary: Diary, assessment_id: str) -> None:
    """Throw away a draft. A completed assessment is part of the record and cannot be removed."""
    with diary.write() as s:
        a, _inst = _draft(diary, s, assessment_id)
        s.delete(a)


def open_safety_plan_revision(diary: Diary, assessment_id: str) -> safety_plans.PlanVersion:
    """A new safety-plan version linked to a completed assessment, carrying the latest plan's sections."""
    view = get(diary, assessment_id, log=False)
    if not view.completed:
        raise DomainError("Complete the risk assessment before revising the safety plan from it.")
    last = safety_plans.latest(diary, view.client_id)
    sections = dict(last.sections) if last else {}
    note = tr("Revised after the risk assessment of {date}.").format(date=view.assessed_on.isoformat())
    return safety_plans.save_version(diary, view.client_id, sections,
                                     language=last.language if last else "sv",
                                     neutral_title=last.neutral_title if last else "",
                                     risk_assessment_id=view.id, note=note)
