"""Court support, safety plans, risk assessments and incidents."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Record


class CourtAppointment(Record):
    __tablename__ = "court_appointments"

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    court: Mapped[str] = mapped_column(String(200))
    case_number: Mapped[str] = mapped_column(String(60), default="")  # målnummer
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    place: Mapped[str] = mapped_column(String(200), default="")  # room / sal
    meeting_point: Mapped[str] = mapped_column(String(200), default="")
    counsel: Mapped[str] = mapped_column(String(200), default="")  # målsägandebiträde
    prosecutor: Mapped[str] = mapped_column(String(200), default="")
    accompanied_by: Mapped[str] = mapped_column(String(200), default="")
    safe_entry_exit: Mapped[bool] = mapped_column(Boolean, default=False)
    separate_waiting_room: Mapped[bool] = mapped_column(Boolean, default=False)
    outcome: Mapped[str] = mapped_column(Text, default="")


class SafetyPlanVersion(Record):
    """Every save of a client's safety plan is a new version; versions are never edited."""

    __tablename__ = "safety_plan_versions"

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(8), default="sv")
    neutral_title: Mapped[str] = mapped_column(String(200), default="")
    sections: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    risk_assessment_id: Mapped[str | None] = mapped_column(ForeignKey("risk_assessments.id"), default=None)
    note: Mapped[str] = mapped_column(Text, default="")


class RiskAssessment(Record):
    __tablename__ = "risk_assessments"

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    instrument_id: Mapped[str] = mapped_column(String(80))
    instrument_version: Mapped[str] = mapped_column(String(20))
    answers: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    result: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    client_estimate: Mapped[str] = mapped_column(String(40), default="")
    assessor: Mapped[str] = mapped_column(String(200), default="")
    assessed_on: Mapped[date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")
    completed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    supersedes_id: Mapped[str | None] = mapped_column(ForeignKey("risk_assessments.id"), default=None)


class Incident(Record):
    """A day of violence marked with the client in the incident calendar."""

    __tablename__ = "incidents"

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    occurred_on: Mapped[date] = mapped_column(Date, index=True)
    severity: Mapped[int] = mapped_column(Integer, default=1)  # 1 (lindrig) .. 4 (livshotande)
    note: Mapped[str] = mapped_column(Text, default="")
