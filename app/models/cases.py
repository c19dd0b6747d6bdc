"""Cases (ärende), decisions on support (beslut om insats) and their extensions."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Record


class CaseStatus(StrEnum):
    INCOMING = "incoming"  # på ingång
    CURRENT = "current"  # aktuell
    CLOSED = "closed"  # avslutad


class Case(Record):
    __tablename__ = "cases"

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    case_number: Mapped[str] = mapped_column(String(40), index=True)
    referred_on: Mapped[date | None] = mapped_column(Date, default=None)  # when the referral came in
    first_contact_on: Mapped[date | None] = mapped_column(Date, default=None)
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    closing_reason: Mapped[str] = mapped_column(String(300), default="")


class Decision(Record):
    __tablename__ = "decisions"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    referring_unit: Mapped[str] = mapped_column(String(40))
    case_officer: Mapped[str] = mapped_column(String(200), default="")
    district: Mapped[str] = mapped_column(String(100))
    legal_basis: Mapped[str] = mapped_column(String(40), default="")  # code in legal_references
    intervention: Mapped[str] = mapped_column(String(40), default="")  # code in reference/interventions.json
    decided_on: Mapped[date] = mapped_column(Date)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)  # end of the granted period, extensions not included
    note: Mapped[str] = mapped_column(Text, default="")


class Extension(Record):
    __tablename__ = "extensions"

    decision_id: Mapped[str] = mapped_column(ForeignKey("decisions.id"), index=True)
    granted_on: Mapped[date] = mapped_column(Date)
    months: Mapped[int] = mapped_column(Integer, default=3)
    new_ends_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class LegalReference(Record):
    """A paragraph support can be granted under. Law changes are data (e.g. the new SoL of 1 July 2025)."""

    __tablename__ = "legal_references"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    valid_from: Mapped[date | None] = mapped_column(Date, default=None)
    valid_to: Mapped[date | None] = mapped_column(Date, default=None)
