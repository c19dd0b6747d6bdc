"""Risk assessments as stored, read-only: what a screen lists before a full risk editor exists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from app.models import RiskAssessment
from app.services.clients.clients import require_client
from app.services.context import Diary


@dataclass(frozen=True)
class StoredAssessment:
    id: str
    instrument_id: str
    instrument_version: str
    assessed_on: date
    assessor: str
    client_estimate: str
    summary: str
    result: dict[str, Any]
    completed_at: datetime | None
    supersedes_id: str | None


def list_assessments(diary: Diary, client_id: str) -> list[StoredAssessment]:
    """The client's risk assessments, newest first."""
    with diary.read() as s:
        require_client(diary, s, client_id)
        rows = s.scalars(select(RiskAssessment).where(RiskAssessment.client_id == client_id)
                         .order_by(RiskAssessment.assessed_on.desc(), RiskAssessment.created_at.desc())).all()
        return [StoredAssessment(id=r.id, instrument_id=r.instrument_id, instrument_version=r.instrument_version,
                                 assessed_on=r.assessed_on, assessor=r.assessor,
                                 client_estimate=r.client_estimate, summary=r.summary, result=dict(r.result),
                                 completed_at=r.completed_at, supersedes_id=r.supersedes_id) for r in rows]
