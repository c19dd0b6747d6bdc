"""The weekly view for the team meeting: current, incoming, decisions ending soon, court dates this week.

Lists name a woman only when she has no protected identity; a protected woman is shown by her case number
alone, so the view can be put on a shared screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, func, or_, select

from app.models import Case, Client, Compartment, CourtAppointment, Decision, ProtectedIdentity
from app.services import audit
from app.services.clients.status import decision_end_expr
from app.services.context import Diary

PROTECTED_LABEL = "Protected identity"  # English source text; shown translated


@dataclass(frozen=True)
class WeekItem:
    client_id: str
    client_name: str | None  # None for a protected identity: never listed by name
    case_number: str
    on: date
    detail: str = ""  # court name for court dates

    @property
    def is_protected(self) -> bool:
        return self.client_name is None


@dataclass(frozen=True)
class TeamWeek:
    today: date
    week_start: date
    week_end: date
    current: int
    incoming: int
    referred_this_week: int
    ending_soon: list[WeekItem]
    court_dates: list[WeekItem]


def _name(name: str, protected: str) -> str | None:
    return None if protected != ProtectedIdentity.NONE.value else name


def team_week(diary: Diary, *, ending_days: int = 14) -> TeamWeek:
    """Figures for the week (Monday to Sunday) that holds ``diary.today()``."""
    today = diary.today()
    monday = today - timedelta(days=today.weekday())
    sunday = monday + timedelta(days=6)
    if Compartment.WOMEN.value not in diary.tracks:
        return TeamWeek(today, monday, sunday, 0, 0, 0, [], [])
    women = Client.compartment == Compartment.WOMEN.value
    open_case = or_(Case.closed_on.is_(None), Case.closed_on > today)
    end = decision_end_expr()
    with diary.read() as s:
        current = s.scalar(
            select(func.count(func.distinct(Case.client_id))).select_from(Case)
            .join(Decision, Decision.case_id == Case.id).join(Client, Client.id == Case.client_id)
            .where(women, open_case, Decision.starts_on <= today, end >= today)) or 0
        started = select(Decision.id).where(Decision.case_id == Case.id, Decision.starts_on <= today).exists()
        incoming = s.scalar(
            select(func.count()).select_from(Case).join(Client, Client.id == Case.client_id)
            .where(women, open_case, ~started)) or 0
        referred = s.scalar(
            select(func.count()).select_from(Case).join(Client, Client.id == Case.client_id)
            .where(women, Case.referred_on >= monday, Case.referred_on <= sunday)) or 0
        label = end.label("end")
        ending = [WeekItem(r[0], _name(r[1], r[2]), r[3], r[4]) for r in s.execute(
            select(Client.id, Client.name, Client.protected_identity, Case.case_number, label)
            .join(Case, Case.client_id == Client.id).join(Decision, Decision.case_id == Case.id)
            .where(women, open_case, and_(end >= today, end <= today + timedelta(days=ending_days)))
            .order_by(label, Case.case_number))]
        # The case number shown beside a court date is that of the woman's open (or latest) case.
        case_no = (select(func.max(Case.case_number)).where(Case.client_id == Client.id).scalar_subquery())
        court = [WeekItem(r[0], _name(r[1], r[2]), r[3] or "", r[4].date(), r[5]) for r in s.execute(
            select(Client.id, Client.name, Client.protected_identity, case_no, CourtAppointment.starts_at,
                   CourtAppointment.court)
            .join(CourtAppointment, CourtAppointment.client_id == Client.id)
            .where(women, CourtAppointment.starts_at >= datetime.combine(monday, time.min),
                   CourtAppointment.starts_at < datetime.combine(sunday + timedelta(days=1), time.min))
            .order_by(CourtAppointment.starts_at))]
    audit.log_list(diary, "list", "team_week", [i.client_id for i in (*ending, *court)],
                   compartment=Compartment.WOMEN.value)
    return TeamWeek(today, monday, sunday, int(current), int(incoming), int(referred), ending, court)
