"""The men's track's read models and choices: what the services return and accept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.models import (
    Attendance,
    Compartment,
    MenOutcome,
    Motivation,
    ReferralSource,
    RiskLevel,
    TalkMethod,
)
from app.services.history import HistoryRow

VASKA = ("violence", "responsibility", "context", "consequences", "alternatives")
MEN = Compartment.MEN.value
THREE_TALKS = 3  # a man who has attended this many talks is registered as a case of his own
REFERRAL_SOURCES = tuple(r.value for r in ReferralSource)
MOTIVATIONS = tuple(m.value for m in Motivation)
OUTCOMES = tuple(o.value for o in MenOutcome)
ATTENDANCE = tuple(a.value for a in Attendance)
RISK_LEVELS = tuple(r.value for r in RiskLevel)
METHODS = tuple(m.value for m in TalkMethod)


@dataclass(frozen=True)
class ManInput:
    name: str
    referral_source: str = ReferralSource.OTHER.value
    referred_by: str = ""
    district: str = ""
    phone: str = ""
    personal_number: str | None = None
    first_contact_on: date | str | None = None
    note: str = ""


@dataclass(frozen=True)
class ManView:
    id: str
    name: str
    status: str
    district: str
    referred_by: str
    first_contact_on: date | None
    referred_on_to: str
    talks: int  # talks he attended
    referral_source: str = ReferralSource.OTHER.value
    phone: str = ""
    personal_number: str | None = None
    motivation: str = Motivation.UNKNOWN.value
    needs_other_help: bool = False
    other_help_note: str = ""
    investigation_opened_on: date | None = None
    investigation_closed_on: date | None = None
    case_number: str = ""
    registered_on: date | None = None
    referred_onward_on: date | None = None
    outcome: str = ""
    closed_on: date | None = None
    note: str = ""
    booked_talks: int = 0  # every talk, also cancelled and missed ones
    last_talk_on: date | None = None

    @property
    def three_talk_rule_met(self) -> bool:
        return self.talks >= THREE_TALKS

    @property
    def registration_due(self) -> bool:
        """The three-talk rule is met but he is not yet registered as a case of his own."""
        return self.three_talk_rule_met and self.registered_on is None and self.closed_on is None

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None


@dataclass(frozen=True)
class TalkView:
    id: str
    held_on: date
    number: int
    themes: list[str]
    duration_minutes: int
    text: str
    author_name: str
    method: str = TalkMethod.VASKA.value
    own_theme: str = ""
    attendance: str = Attendance.ATTENDED.value
    risk_partner: str = RiskLevel.NOT_ASSESSED.value
    risk_children: str = RiskLevel.NOT_ASSESSED.value


@dataclass(frozen=True)
class ManCase:
    """Everything the case screen shows: the man, his talks (oldest first) and his status history."""

    man: ManView
    talks: list[TalkView]
    history: list[HistoryRow]
