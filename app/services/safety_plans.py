"""Safety plans: every save is a new, immutable version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from app.errors import DomainError, NotFound
from app.models import RiskAssessment, SafetyPlanVersion
from app.services import validation
from app.services.clients import require_client
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
        if isinstance(value, str) and len(value) > MAX_SECTION:
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
