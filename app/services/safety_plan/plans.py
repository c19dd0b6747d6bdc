"""Safety plans: every save is a new, immutable version."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from app.errors import DomainError, NotFound
from app.models import Case, Decision, RiskAssessment, SafetyPlanVersion
from app.reference import plan_sections
from app.services import validation
from app.services.clients import records
from app.services.clients.clients import require_client
from app.services.context import Diary

MAX_SECTION = 10_000


@dataclass(frozen=True)
class PlanVersion:
    id: str
    client_id: str
    version: int
    language: str
    neutral_title: str
    sections: dict[str, Any]
    risk_assessment_id: str | None
    note: str
    created_at: datetime
    created_by: str


def _view(p: SafetyPlanVersion) -> PlanVersion:
    return PlanVersion(id=p.id, client_id=p.client_id, version=p.version, language=p.language,
                       neutral_title=p.neutral_title, sections=dict(p.sections),
                       risk_assessment_id=p.risk_assessment_id, note=p.note, created_at=p.created_at,
                       created_by=p.created_by)


def save_version(diary: Diary, client_id: str, sections: dict[str, Any], *, language: str = "sv",
                 neutral_title: str = "", risk_assessment_id: str | None = None,
                 note: str = "") -> PlanVersion:
    if not isinstance(sections, dict) or not all(isinstance(k, str) for k in sections):
        raise DomainError("The safety plan's sections are malformed.")
    for value in sections.values():
        if not isinstance(value, str | dict):
            raise DomainError("The safety plan's sections are malformed.")
        if isinstance(value, dict) and not isinstance(value.get("people", []), list):
            raise DomainError("The safety plan's sections are malformed.")
        if len(plan_sections.section_text(value)) > MAX_SECTION:
            raise DomainError("{field} is too long (at most {n} characters).", field="Section", n=MAX_SECTION)
    lang = validation.required(language, "Language", 8)
    with diary.write() as s:
        client = require_client(diary, s, client_id)
        if risk_assessment_id is not None:
            ra = s.get(RiskAssessment, risk_assessment_id)
            if ra is None or ra.client_id != client_id:
                raise DomainError("The linked risk assessment belongs to another client.")
        last = s.scalar(select(func.max(SafetyPlanVersion.version))
                        .where(SafetyPlanVersion.client_id == client_id)) or 0
        plan = SafetyPlanVersion(client_id=client_id, compartment=client.compartment, version=last + 1,
                                 language=lang, neutral_title=validation.optional(neutral_title, "Title", 200),
                                 sections=sections, risk_assessment_id=risk_assessment_id,
                                 note=validation.optional(note, "Note", 2000))
        s.add(plan)
        s.flush()
        return _view(plan)


def versions(diary: Diary, client_id: str) -> list[PlanVersion]:
    """All versions, newest first."""
    with diary.read() as s:
        require_client(diary, s, client_id)
        rows = s.scalars(select(SafetyPlanVersion).where(SafetyPlanVersion.client_id == client_id)
                         .order_by(SafetyPlanVersion.version.desc())).all()
        return [_view(r) for r in rows]


def latest(diary: Diary, client_id: str) -> PlanVersion | None:
    v = versions(diary, client_id)
    return v[0] if v else None


def get_version(diary: Diary, plan_version_id: str) -> PlanVersion:
    with diary.read() as s:
        p = s.get(SafetyPlanVersion, plan_version_id)
        if p is None:
            raise NotFound("The safety plan was not found.")
        diary.require_track(p.compartment)
        return _view(p)


def get_by_number(diary: Diary, client_id: str, version: int) -> PlanVersion:
    """One version of a client's plan, e.g. to print it again exactly as it was."""
    with diary.read() as s:
        require_client(diary, s, client_id)
        p = s.scalar(select(SafetyPlanVersion).where(SafetyPlanVersion.client_id == client_id,
                                                     SafetyPlanVersion.version == version))
        if p is None:
            raise NotFound("The safety plan was not found.")
        return _view(p)


# --- comparing two versions ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class SectionDiff:
    section_id: str
    status: str  # added / removed / changed / unchanged
    old_text: str
    new_text: str
    old_people: list[str]
    new_people: list[str]
    lines: list[str]  # unified diff of the text, without headers


def _people_names(value: Any) -> list[str]:
    return [p["name"] + (f" ({p['phone']})" if p["phone"] else "") for p in plan_sections.section_people(value)]


def diff_sections(old: dict[str, Any], new: dict[str, Any]) -> list[SectionDiff]:
    """Section by section, in the plan's order (sections no longer in the resource file last)."""
    known = plan_sections.section_ids()
    ids = [i for i in known if i in old or i in new]
    ids += sorted((set(old) | set(new)) - set(known))
    out: list[SectionDiff] = []
    for sid in ids:
        a, b = old.get(sid), new.get(sid)
        ta, tb = plan_sections.section_text(a), plan_sections.section_text(b)
        pa, pb = _people_names(a), _people_names(b)
        if not (ta or pa) and not (tb or pb):
            continue
        if not (ta or pa):
            status = "added"
        elif not (tb or pb):
            status = "removed"
        elif ta == tb and pa == pb:
            status = "unchanged"
        else:
            status = "changed"
        lines = [ln for ln in difflib.unified_diff(ta.splitlines(), tb.splitlines(), lineterm="", n=1)
                 if not ln.startswith(("---", "+++", "@@"))]
        out.append(SectionDiff(sid, status, ta, tb, pa, pb, lines))
    return out


def compare(diary: Diary, old_version_id: str, new_version_id: str) -> list[SectionDiff]:
    old, new = get_version(diary, old_version_id), get_version(diary, new_version_id)
    if old.client_id != new.client_id:
        raise DomainError("Only versions of the same client's plan can be compared.")
    return diff_sections(old.sections, new.sections)


# --- people to call, from the network map ----------------------------------------------------------------------

@dataclass(frozen=True)
class PersonChoice:
    contact_id: str
    name: str
    relation: str
    phone: str
    safety: str  # safe / unsafe / unknown — unsafe people are shown but never offered as pre-ticked


def people_choices(diary: Diary, client_id: str) -> list[PersonChoice]:
    rows = records.list_for_client(diary, "network", client_id)
    return [PersonChoice(r["id"], r["name"], r["relation"], r["how_to_reach"], r["safety"]) for r in rows]


def people_value(diary: Diary, client_id: str, contact_ids: list[str], text: str = "") -> dict[str, Any]:
    """The stored value of the "people to call" section: a snapshot of the chosen contacts."""
    by_id = {p.contact_id: p for p in people_choices(diary, client_id)}
    missing = [c for c in contact_ids if c not in by_id]
    if missing:
        raise DomainError("The contact was not found.")
    if any(by_id[c].safety == "unsafe" for c in contact_ids):
        raise DomainError("A contact marked not safe in the network map cannot be someone she calls.")
    people = [{"contact_id": c, "name": by_id[c].name, "relation": by_id[c].relation, "phone": by_id[c].phone,
               "safety": by_id[c].safety} for c in contact_ids]
    return {"text": text, "people": people}


def client_district(diary: Diary, client_id: str) -> str:
    """The district of the client's latest decision ("" when none): decides the local numbers printed."""
    with diary.read() as s:
        require_client(diary, s, client_id)
        district = s.scalar(select(Decision.district).join(Case, Decision.case_id == Case.id)
                            .where(Case.client_id == client_id)
                            .order_by(Decision.decided_on.desc(), Decision.created_at.desc()).limit(1))
        return district or ""


@dataclass(frozen=True)
class RiskChoice:
    id: str
    assessed_on: str
    instrument_id: str


def risk_assessment_choices(diary: Diary, client_id: str) -> list[RiskChoice]:
    """The client's risk assessments, newest first: a plan revision can name the one that led to it."""
    with diary.read() as s:
        require_client(diary, s, client_id)
        rows = s.scalars(select(RiskAssessment).where(RiskAssessment.client_id == client_id)
                         .order_by(RiskAssessment.assessed_on.desc())).all()
        return [RiskChoice(r.id, r.assessed_on.isoformat(), r.instrument_id) for r in rows]
