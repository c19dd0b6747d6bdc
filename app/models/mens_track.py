"""The men's track: men who use violence, and the talks held with them. Compartment ``men`` only."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Compartment, Record


class MenStatus(StrEnum):
    CONTACT = "contact"
    REGISTERED = "registered"  # more than two or three talks: a client case of his own
    REFERRED_ON = "referred_on"
    NOT_MOTIVATED = "not_motivated"
    CLOSED = "closed"


class ReferralSource(StrEnum):
    """Who sent him: the referral source the men's report counts (a court order is counted on its own)."""

    SOCIAL_SERVICES = "social_services"  # a unit of the social services
    COURT_ORDER = "court_order"  # ordered by the district court to attend talks
    POLICE = "police"
    SELF_REFERRAL = "self_referral"
    OTHER = "other"


class Motivation(StrEnum):
    UNKNOWN = "unknown"
    MOTIVATED = "motivated"
    AMBIVALENT = "ambivalent"
    NOT_MOTIVATED = "not_motivated"


class MenOutcome(StrEnum):
    """How a man's case ended."""

    COMPLETED = "completed"  # the planned talks were held
    REFERRED_ON = "referred_on"
    DROPPED_OUT = "dropped_out"
    NOT_MOTIVATED = "not_motivated"
    MOVED = "moved"
    OTHER = "other"


class Attendance(StrEnum):
    ATTENDED = "attended"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


class TalkMethod(StrEnum):
    VASKA = "vaska"  # våld, ansvar, sammanhang, konsekvens, alternativ
    OWN = "own"  # the team's own method: a free theme


class RiskLevel(StrEnum):
    """Risk to his partner or his children as the worker noted it after a talk."""

    NOT_ASSESSED = "not_assessed"
    LOW = "low"
    RAISED = "raised"
    HIGH = "high"


class MenClient(Record):
    __tablename__ = "men_clients"

    name: Mapped[str] = mapped_column(String(200))
    personal_number: Mapped[str | None] = mapped_column(String(13), default=None)
    phone: Mapped[str] = mapped_column(String(50), default="")
    district: Mapped[str] = mapped_column(String(100), default="")
    referred_by: Mapped[str] = mapped_column(String(100), default="")  # free text: the unit, the officer
    referral_source: Mapped[str] = mapped_column(String(16), default=ReferralSource.OTHER.value)
    status: Mapped[str] = mapped_column(String(16), default=MenStatus.CONTACT.value)
    first_contact_on: Mapped[date | None] = mapped_column(Date, default=None)
    investigation_opened_on: Mapped[date | None] = mapped_column(Date, default=None)
    investigation_closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    motivation: Mapped[str] = mapped_column(String(16), default=Motivation.UNKNOWN.value)
    needs_other_help: Mapped[bool] = mapped_column(Boolean, default=False)
    other_help_note: Mapped[str] = mapped_column(String(300), default="")
    case_number: Mapped[str] = mapped_column(String(40), default="")  # set when registered as a case
    registered_on: Mapped[date | None] = mapped_column(Date, default=None)
    referred_on_to: Mapped[str] = mapped_column(String(200), default="")
    referred_onward_on: Mapped[date | None] = mapped_column(Date, default=None)
    outcome: Mapped[str] = mapped_column(String(16), default="")
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    name_key: Mapped[str] = mapped_column(String(200), default="", index=True)

    def __init__(self, **kw: object) -> None:
        kw.setdefault("compartment", Compartment.MEN.value)
        super().__init__(**kw)


class MenTalk(Record):
    __tablename__ = "men_talks"

    men_client_id: Mapped[str] = mapped_column(ForeignKey("men_clients.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    number: Mapped[int] = mapped_column(Integer, default=1)  # order of the booked talks, 1, 2, 3 ...
    method: Mapped[str] = mapped_column(String(8), default=TalkMethod.VASKA.value)
    themes: Mapped[str] = mapped_column(String(120), default="")  # VASKA parts, comma-separated
    own_theme: Mapped[str] = mapped_column(String(200), default="")  # the team's own method
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    attendance: Mapped[str] = mapped_column(String(12), default=Attendance.ATTENDED.value)
    risk_partner: Mapped[str] = mapped_column(String(16), default=RiskLevel.NOT_ASSESSED.value)
    risk_children: Mapped[str] = mapped_column(String(16), default=RiskLevel.NOT_ASSESSED.value)
    text: Mapped[str] = mapped_column(Text, default="")
    author_name: Mapped[str] = mapped_column(String(200), default="")

    def __init__(self, **kw: object) -> None:
        kw.setdefault("compartment", Compartment.MEN.value)
        super().__init__(**kw)
