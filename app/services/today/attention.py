"""What needs attention today: decisions ending soon, court dates, referrals without contact, drafts, and the
current clients whose risk assessment is due."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select, union

from app.models import Case, Client, CourtAppointment, Decision, DiaryEntry, Extension
from app.services.clients.status import decision_end_expr, ending_within
from app.services.context import Diary
from app.services.risk.timeline import DueAssessment, due_count, due_query, due_row


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
    # How many rows each list has in all (more than it holds when ``today_view`` was given a limit).
    totals: dict[str, int] = field(default_factory=dict)
    # Current clients with no assessment in the last months, or an incident since their last one.
    risk_due: list[DueAssessment] = field(default_factory=list)

    def total(self, name: str) -> int:
        return self.totals.get(name, len(getattr(self, name)))


def _in_tracks(tracks: Any) -> Any:
    """The client is of one of the tracks, written so that SQLite does not drive the query from the report's
    clients(compartment, id) index (every client of the track) instead of the list's own narrow index."""
    return (Client.compartment + "").in_(tracks)


def _ending_candidates(today: date, days: int) -> Any:
    """Decisions whose effective end may fall in the window: their own period ends in it, or an extension's
    new end does (the effective end is the latest extension's, else the period's). Both read from an index."""
    hi = today + timedelta(days=days)
    return union(select(Decision.id).where(Decision.ends_on >= today, Decision.ends_on <= hi),
                 select(Extension.decision_id).where(Extension.new_ends_on >= today, Extension.new_ends_on <= hi))


def today_view(diary: Diary, *, ending_days: int = 14, court_days: int = 7, limit: int | None = None) -> Attention:
    """What needs attention today. Each list is read through an index (a big diary is as quick as a small one);
    with ``limit`` each list holds at most that many rows (the first ones) and ``totals`` counts them all."""
    today = diary.today()
    tracks = diary.tracks
    with diary.read() as s:
        end = decision_end_expr().label("end")
        ending_q = (select(Client.id, Client.name, Case.case_number, Decision.id, end)
                    .join(Case, Case.client_id == Client.id).join(Decision, Decision.case_id == Case.id)
                    .where(Decision.id.in_(_ending_candidates(today, ending_days)),
                           # likely(): no index on closed_on, so the few candidate decisions drive the query
                           _in_tracks(tracks), func.likely(Case.closed_on).is_(None),
                           ending_within(today, ending_days)))
        court_q = (select(Client.id, Client.name, CourtAppointment.id, CourtAppointment.starts_at,
                          CourtAppointment.court)
                   .join(CourtAppointment, CourtAppointment.client_id == Client.id)
                   .where(_in_tracks(tracks), CourtAppointment.starts_at >= today,
                          CourtAppointment.starts_at < today + timedelta(days=court_days + 1)))
        waiting_q = (select(Client.id, Client.name, Case.id, Case.referred_on)
                     .join(Case, Case.client_id == Client.id)
                     .where(_in_tracks(tracks), Case.first_contact_on.is_(None),
                            or_(Case.closed_on.is_(None), Case.closed_on > today),
                            ~select(Decision.id).where(Decision.case_id == Case.id).exists()))
        drafts_q = (select(Client.id, Client.name, DiaryEntry.id, DiaryEntry.event_on)
                    .join(DiaryEntry, DiaryEntry.client_id == Client.id)
                    .where(_in_tracks(tracks), DiaryEntry.signed_at.is_(None),
                           DiaryEntry.author_name == diary.worker.name))
        lists: dict[str, list[Any]] = {}
        totals: dict[str, int] = {}
        for name, q, order in (("ending_decisions", ending_q, [end]),
                               ("court_dates", court_q, [CourtAppointment.starts_at]),
                               ("waiting_referrals", waiting_q, [Case.referred_on]),
                               ("unsigned_entries", drafts_q, [DiaryEntry.event_on])):
            ordered = q.order_by(*order)
            rows = list(s.execute(ordered if limit is None else ordered.limit(limit)))
            lists[name] = rows
            full = limit is None or len(rows) < limit
            totals[name] = len(rows) if full else s.scalar(select(func.count()).select_from(q.subquery())) or 0
        due_q = due_query(today, tracks)
        due = list(s.execute(due_q if limit is None else due_q.limit(limit)))
        full = limit is None or len(due) < limit
        totals["risk_due"] = len(due) if full else due_count(s, today, tracks)
    return Attention(
        ending_decisions=[EndingDecision(r[0], r[1], r[2], r[3], r[4]) for r in lists["ending_decisions"]],
        court_dates=[CourtDate(r[0], r[1], r[2], r[3], r[4]) for r in lists["court_dates"]],
        waiting_referrals=[WaitingReferral(r[0], r[1], r[2], r[3]) for r in lists["waiting_referrals"]],
        unsigned_entries=[Draft(r[0], r[1], r[2], r[3]) for r in lists["unsigned_entries"]],
        totals=totals,
        risk_due=[due_row(r) for r in due],
    )
