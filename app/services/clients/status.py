"""Case status derived from decisions and closing, never stored: incoming, current or closed."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, and_, case, exists, literal, or_, select

from app.models import Case, CaseStatus, Client, Decision


def case_status(closed_on: date | None, decision_starts: list[date], today: date) -> CaseStatus:
    if closed_on is not None and closed_on <= today:
        return CaseStatus.CLOSED
    if any(s <= today for s in decision_starts):
        return CaseStatus.CURRENT
    return CaseStatus.INCOMING


def _open_case(today: date) -> ColumnElement[bool]:
    return or_(Case.closed_on.is_(None), Case.closed_on > today)


def client_status_expr(today: date) -> ColumnElement[str]:
    """SQL for a client's status: current if an open case has a started decision; closed if every case is
    closed; otherwise incoming (including a client with no case yet)."""
    has_current = exists(
        select(literal(1)).select_from(Case).join(Decision, Decision.case_id == Case.id)
        .where(Case.client_id == Client.id, _open_case(today), Decision.starts_on <= today)
    )
    has_open = exists(select(literal(1)).where(Case.client_id == Client.id, _open_case(today)))
    has_any = exists(select(literal(1)).where(Case.client_id == Client.id))
    return case(
        (has_current, literal(CaseStatus.CURRENT.value)),
        (or_(has_open, ~has_any), literal(CaseStatus.INCOMING.value)),
        else_=literal(CaseStatus.CLOSED.value),
    )


def decision_end_expr() -> ColumnElement[date]:
    """A decision's effective end: its period end or its latest extension."""
    from sqlalchemy import func

    from app.models import Extension

    latest = (select(func.max(Extension.new_ends_on)).where(Extension.decision_id == Decision.id)
              .scalar_subquery())
    return func.coalesce(latest, Decision.ends_on)


def ending_within(today: date, days: int) -> ColumnElement[bool]:
    from datetime import timedelta

    end = decision_end_expr()
    return and_(end >= today, end <= today + timedelta(days=days))
