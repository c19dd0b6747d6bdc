"""The incident calendar and risk over time: incidents per month, results over time, assessments due.

The worker marks with the client the days of violence in the past months and how severe they were (one mark
per day). Month counts and the trend are pure functions over those marks, so the calendar, the chart and
the tests all read the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, func, literal, or_, select
from sqlalchemy.orm import Session

from app.errors import DomainError, NotFound
from app.models import Case, Client, Decision, Incident, RiskAssessment
from app.services import audit, validation
from app.services.clients.clients import require_client
from app.services.context import Diary
from app.services.risk.scoring import level_rank

SEVERITIES = (1, 2, 3, 4)  # minor, serious, severe, life-threatening
DUE_AFTER_MONTHS = 3


@dataclass(frozen=True)
class IncidentView:
    id: str
    client_id: str
    occurred_on: date
    severity: int
    note: str


def _iview(i: Incident) -> IncidentView:
    return IncidentView(id=i.id, client_id=i.client_id, occurred_on=i.occurred_on, severity=i.severity, note=i.note)


def _checked(diary: Diary, occurred_on: date | str | None, severity: Any, note: str | None) -> tuple[date, int, str]:
    day = validation.as_date(occurred_on, "Date")
    assert day is not None
    if day > diary.today():
        raise DomainError("An incident cannot be dated in the future.")
    if isinstance(severity, bool) or severity not in SEVERITIES:
        raise DomainError("Severity must be 1 (minor) to 4 (life-threatening).")
    return day, int(severity), validation.optional(note, "Note", 2000)


def _same_day(s: Session, client_id: str, day: date, exclude: str | None = None) -> bool:
    q = select(Incident.id).where(Incident.client_id == client_id, Incident.occurred_on == day)
    if exclude:
        q = q.where(Incident.id != exclude)
    return s.scalar(q) is not None


def add_incident(diary: Diary, client_id: str, occurred_on: date | str, severity: int,
                 note: str = "") -> IncidentView:
    day, sev, text = _checked(diary, occurred_on, severity, note)
    with diary.write() as s:
        client = require_client(diary, s, client_id)
        if _same_day(s, client_id, day):
            raise DomainError("That day is already marked; change the mark instead.")
        inc = Incident(client_id=client_id, compartment=client.compartment, occurred_on=day, severity=sev, note=text)
        s.add(inc)
        s.flush()
        return _iview(inc)


def _load(diary: Diary, s: Session, incident_id: str) -> Incident:
    inc = s.get(Incident, incident_id)
    if inc is None:
        raise NotFound("The incident was not found.")
    diary.require_track(inc.compartment)
    return inc


def update_incident(diary: Diary, incident_id: str, *, occurred_on: date | str | None = None,
                    severity: int | None = None, note: str | None = None) -> IncidentView:
    with diary.write() as s:
        inc = _load(diary, s, incident_id)
        day, sev, text = _checked(diary, occurred_on or inc.occurred_on,
                                  inc.severity if severity is None else severity,
                                  inc.note if note is None else note)
        if day != inc.occurred_on and _same_day(s, inc.client_id, day, exclude=inc.id):
            raise DomainError("That day is already marked; change the mark instead.")
        for key, value in (("occurred_on", day), ("severity", sev), ("note", text)):
            if getattr(inc, key) != value:
                setattr(inc, key, value)
        s.flush()
        return _iview(inc)


def delete_incident(diary: Diary, incident_id: str) -> None:
    with diary.write() as s:
        s.delete(_load(diary, s, incident_id))


def incidents(diary: Diary, client_id: str, start: date | None = None, end: date | None = None) -> list[IncidentView]:
    """A client's marked days, oldest first, optionally within [start, end]."""
    with diary.read() as s:
        require_client(diary, s, client_id)
        q = select(Incident).where(Incident.client_id == client_id)
        if start:
            q = q.where(Incident.occurred_on >= start)
        if end:
            q = q.where(Incident.occurred_on <= end)
        return [_iview(i) for i in s.scalars(q.order_by(Incident.occurred_on))]


# --- pure: months and trend --------------------------------------------------------------------------------

@dataclass(frozen=True)
class MonthCount:
    month: date  # first day of the month
    count: int
    by_severity: tuple[int, int, int, int]  # counts of severity 1..4
    max_severity: int


def month_start(d: date) -> date:
    return d.replace(day=1)


def months_span(first: date, last: date) -> list[date]:
    out, m = [], month_start(first)
    while m <= last:
        out.append(m)
        m = validation.add_months(m, 1)
    return out


def monthly_counts(marks: Iterable[tuple[date, int]], first: date, last: date) -> list[MonthCount]:
    """Incidents per month from ``first``'s month to ``last``'s, months without any included."""
    months = months_span(first, last)
    counts: dict[date, list[int]] = {m: [0, 0, 0, 0] for m in months}
    for day, sev in marks:
        bucket = counts.get(month_start(day))
        if bucket is not None and 1 <= sev <= 4:
            bucket[sev - 1] += 1
    out = []
    for m in months:
        b = counts[m]
        out.append(MonthCount(month=m, count=sum(b), by_severity=(b[0], b[1], b[2], b[3]),
                              max_severity=max((i + 1 for i, n in enumerate(b) if n), default=0)))
    return out


def trend(months: Sequence[MonthCount], window: int = 3) -> str:
    """"escalating", "calming" or "steady": the last ``window`` months against the ones before, by count and by
    summed severity. Needs 2 × window months; fewer gives "steady"."""
    if len(months) < 2 * window:
        return "steady"
    recent, before = months[-window:], months[-2 * window:-window]

    def weight(ms: Sequence[MonthCount]) -> tuple[int, int]:
        return sum(m.count for m in ms), sum((i + 1) * n for m in ms for i, n in enumerate(m.by_severity))

    (rc, rw), (bc, bw) = weight(recent), weight(before)
    if rc > bc or rw > bw:
        return "escalating" if rc >= bc and rw >= bw else "steady"
    if rc < bc or rw < bw:
        return "calming"
    return "steady"


# --- over time -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ResultPoint:
    assessment_id: str
    assessed_on: date
    instrument_id: str
    level: str | None
    rank: int  # 1 low, 2 medium, 3 high
    score: int | None
    max_score: int | None
    client_estimate: str
    estimate_rank: int


@dataclass(frozen=True)
class TimeSeries:
    results: list[ResultPoint]
    months: list[MonthCount]
    trend: str


def time_series(diary: Diary, client_id: str, *, months: int = 12) -> TimeSeries:
    """Completed results over time and incidents per month, from ``months`` back (or the first record)."""
    today = diary.today()
    with diary.read() as s:
        require_client(diary, s, client_id)
        rows = s.scalars(select(RiskAssessment).where(RiskAssessment.client_id == client_id,
                                                      RiskAssessment.completed_at.is_not(None))
                         .order_by(RiskAssessment.assessed_on, RiskAssessment.completed_at)).all()
        results = [ResultPoint(assessment_id=r.id, assessed_on=r.assessed_on, instrument_id=r.instrument_id,
                               level=_s(r.result.get("level")), rank=int(_n(r.result.get("rank")) or 0),
                               score=_n(r.result.get("score")), max_score=_n(r.result.get("max_score")),
                               client_estimate=r.client_estimate, estimate_rank=level_rank(r.client_estimate))
                   for r in rows]
        marks = [(d, sev) for d, sev in s.execute(select(Incident.occurred_on, Incident.severity)
                                                   .where(Incident.client_id == client_id))]
    first = validation.add_months(month_start(today), -(months - 1))
    earliest = [d for d, _ in marks] + [p.assessed_on for p in results]
    if earliest:
        first = min(first, month_start(min(earliest)))
    counts = monthly_counts(marks, first, today)
    return TimeSeries(results=results, months=counts, trend=trend(counts))


def _s(v: object) -> str | None:
    return v if isinstance(v, str) else None


def _n(v: object) -> int | None:
    return v if isinstance(v, int) and not isinstance(v, bool) else None


@dataclass(frozen=True)
class DueAssessment:
    client_id: str
    client_name: str
    reason: str  # "never" / "overdue" / "incident"
    last_assessed_on: date | None
    incidents_since: int


def _current(today: date) -> Any:
    """EXISTS: the client (correlated) has an open case with a started decision — the status "current"."""
    return (select(literal(1)).select_from(Case).join(Decision, Decision.case_id == Case.id)
            .where(Case.client_id == Client.id, or_(Case.closed_on.is_(None), Case.closed_on > today),
                   Decision.starts_on <= today).correlate(Client).exists())


def _latest() -> Any:
    """Each client's latest completed assessment: one pass over its (small, partial) index."""
    return (select(RiskAssessment.client_id.label("client_id"), func.max(RiskAssessment.assessed_on).label("last"))
            .where(RiskAssessment.completed_at.is_not(None)).group_by(RiskAssessment.client_id)
            .subquery("latest"))


def due_query(today: date, tracks: Sequence[str], *, months: int = DUE_AFTER_MONTHS,
              client_id: str | None = None) -> Select[Any]:
    """The current clients whose risk should be assessed, in name order: (id, name, last completed assessment,
    incidents since it). Read through indexes: the clients in name order (a capped page stops once it has its
    rows), whether each has an open case with a started decision, the latest completed assessment of every
    client (each client's value computed once), and her incidents by day."""
    limit = validation.add_months(today, -months)
    latest = _latest()
    since = (select(func.count()).select_from(Incident)
             .where(Incident.client_id == Client.id, Incident.compartment.in_(tracks),
                    or_(latest.c.last.is_(None), Incident.occurred_on > latest.c.last))
             .correlate(Client, latest).scalar_subquery())
    q = (select(Client.id, Client.name, latest.c.last, since.label("since"))
         .select_from(Client).outerjoin(latest, latest.c.client_id == Client.id)
         # ``compartment || ''``: keeps SQLite on the name-order index (a capped page stops early) rather
         # than the report's clients(compartment, id) index followed by a sort of every client.
         .where((Client.compartment + "").in_(tracks), _current(today),
                or_(latest.c.last.is_(None), latest.c.last < limit, since > 0))
         .order_by(Client.name_key, Client.id))
    return q if client_id is None else q.where(Client.id == client_id)


def due_count(s: Session, today: date, tracks: Sequence[str], *, months: int = DUE_AFTER_MONTHS) -> int:
    """How many rows ``due_query`` has, without evaluating it for every client: the current clients, less
    those assessed within ``months`` with no incident since (few, found from the assessments' index)."""
    limit = validation.add_months(today, -months)
    open_started = (select(Case.client_id).join(Decision, Decision.case_id == Case.id)
                    .where(or_(Case.closed_on.is_(None), Case.closed_on > today), Decision.starts_on <= today))
    current = s.scalar(select(func.count()).select_from(Client)
                       .where(Client.compartment.in_(tracks), Client.id.in_(open_started))) or 0
    latest = _latest()
    incident_since = (select(literal(1)).select_from(Incident)
                      .where(Incident.client_id == Client.id, Incident.occurred_on > latest.c.last,
                             Incident.compartment.in_(tracks)).correlate(Client, latest).exists())
    settled = s.scalar(select(func.count()).select_from(latest).join(Client, Client.id == latest.c.client_id)
                       .where(latest.c.last >= limit, Client.compartment.in_(tracks), _current(today),
                              ~incident_since)) or 0
    return int(current) - int(settled)


def due_row(row: Any) -> DueAssessment:
    cid, name, prev, since = row
    reason = "incident" if prev is not None and since else ("never" if prev is None else "overdue")
    return DueAssessment(client_id=cid, client_name=name, reason=reason, last_assessed_on=prev,
                         incidents_since=int(since))


def assessments_due(diary: Diary, *, months: int = DUE_AFTER_MONTHS,
                    client_id: str | None = None) -> list[DueAssessment]:
    """Current clients whose risk should be assessed: none in ``months``, or a new incident since the last."""
    with diary.read() as s:
        out = [due_row(r) for r in s.execute(due_query(diary.today(), diary.tracks, months=months,
                                                       client_id=client_id))]
    if client_id is None:
        audit.log_list(diary, "list", "risk_due", [d.client_id for d in out])
    return out
