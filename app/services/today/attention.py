"""What needs attention today: decisions ending soon, court dates, referrals without contact, drafts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import or_, select

from app.models import Case, Client, CourtAppointment, Decision, DiaryEntry
from app.services.clients.status import decision_end_expr, ending_within
from app.services.context import Diary


@dataclass(frozen=True)
class EndingDecision:
    client_id: str
    client_name: str
    case_number: str
    decision_id: str
    ends_on: date


@dataclass(frozen=True)
class CourtDate:
    client_id: str
    client_name: str
    appointment_id: str
    starts_at: datetime
    court: str


@dataclass(frozen=True)
class WaitingReferral:
    client_id: str
    client_name: str
    case_id: str
    referred_on: date | None


@dataclass(frozen=True)
class Draft:
    client_id: str
    client_name: str
    entry_id: str
    event_on: date


@dataclass(frozen=True)
class Attention:
    ending_decisions: list[EndingDecision]
    court_dates: list[CourtDate]
    waiting_referrals: list[WaitingReferral]
    unsigned_entries: list[Draft]


def today_view(diary: Diary, *, ending_days: int = 14, court_days: int = 7) -> Attention:
    today = diary.today()
    tracks = diary.tracks
    with diary.read() as s:
        end = decision_end_expr().label("end")
        ending = [EndingDecision(r[0], r[1], r[2], r[3], r[4]) for r in s.execute(
            select(Client.id, Client.name, Case.case_number, Decision.id, end)
            .join(Case, Case.client_id == Client.id).join(Decision, Decision.case_id == Case.id)
            .where(Client.compartment.in_(tracks), Case.closed_on.is_(None), ending_within(today, ending_days))
            .order_by(end))]
        court = [CourtDate(r[0], r[1], r[2], r[3], r[4]) for r in s.execute(
            select(Client.id, Client.name, CourtAppointment.id, CourtAppointment.starts_at, CourtAppointment.court)
            .join(CourtAppointment, CourtAppointment.client_id == Client.id)
            .where(Client.compartment.in_(tracks), CourtAppointment.starts_at >= today,
                   CourtAppointment.starts_at < today + timedelta(days=court_days + 1))
            .order_by(CourtAppointment.starts_at))]
        waiting = [WaitingReferral(r[0], r[1], r[2], r[3]) for r in s.execute(
            select(Client.id, Client.name, Case.id, Case.referred_on).join(Case, Case.client_id == Client.id)
            .where(Client.compartment.in_(tracks), Case.first_contact_on.is_(None),
                   or_(Case.closed_on.is_(None), Case.closed_on > today),
                   ~select(Decision.id).where(Decision.case_id == Case.id).exists())
            .order_by(Case.referred_on))]
        drafts = [Draft(r[0], r[1], r[2], r[3]) for r in s.execute(
            select(Client.id, Client.name, DiaryEntry.id, DiaryEntry.event_on)
            .join(DiaryEntry, DiaryEntry.client_id == Client.id)
            .where(Client.compartment.in_(tracks), DiaryEntry.signed_at.is_(None),
                   DiaryEntry.author_name == diary.worker.name)
            .order_by(DiaryEntry.event_on))]
    return Attention(ending, court, waiting, drafts)
