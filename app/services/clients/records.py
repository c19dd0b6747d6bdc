"""The smaller records of a client: network contacts, children and court appointments.

They share one shape — add, update, delete, list per client — so one small engine serves all three, with a
validator per kind that turns a plain dict of input into checked column values.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import DomainError, NotFound
from app.models import Child, CourtAppointment, NetworkContact, Record, Safety, TrappanStatus
from app.services import validation
from app.services.clients.clients import require_client
from app.services.context import Diary
from app.services.dates import DateError, parse_date

Values = dict[str, Any]


def _network(d: Mapping[str, Any]) -> Values:
    return dict(
        name=validation.required(d.get("name"), "Name"),
        relation=validation.optional(d.get("relation"), "Relation", 100),
        safety=validation.one_of(d.get("safety") or Safety.UNKNOWN.value, {s.value for s in Safety}, "Safety"),
        how_to_reach=validation.optional(d.get("how_to_reach"), "How to reach"),
        note=validation.optional(d.get("note"), "Note", 2000),
    )


def _child(d: Mapping[str, Any]) -> Values:
    year = d.get("birth_year")
    if year not in (None, ""):
        try:
            year = int(year)
        except (TypeError, ValueError):
            raise DomainError("Birth year must be a year such as 2015.") from None
        if not 1990 <= year <= date.today().year:
            raise DomainError("Birth year must be a year such as 2015.")
    else:
        year = None
    status = validation.one_of(d.get("trappan_status") or TrappanStatus.NOT_INFORMED.value,
                               {t.value for t in TrappanStatus}, "Trappan")
    reason = validation.optional(d.get("trappan_declined_reason"), "Reason", 300)
    if status == TrappanStatus.DECLINED.value and not reason:
        raise DomainError("Say why Trappan talks did not happen.")
    return dict(
        name=validation.required(d.get("name"), "Name"),
        birth_year=year,
        trappan_status=status,
        trappan_informed_on=validation.as_date(d.get("trappan_informed_on"), "Informed on", required_=False),
        trappan_linked_on=validation.as_date(d.get("trappan_linked_on"), "Linked on", required_=False),
        trappan_declined_reason=reason,
        guardian_consent=validation.one_of(d.get("guardian_consent") or "unknown", {"yes", "no", "unknown"},
                                           "Guardian consent"),
        note=validation.optional(d.get("note"), "Note", 2000),
    )


_DATE_TIME = re.compile(r"^(.+?)[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")


def _as_datetime(value: Any, field: str) -> datetime:
    if isinstance(value, datetime):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, str) and (m := _DATE_TIME.match(value.strip())):
        try:  # the day by the one date policy, then the time of day
            day = parse_date(m[1])
            if day is not None:
                return datetime.combine(day, time(int(m[2]), int(m[3]), int(m[4] or 0)))
        except (DateError, ValueError):
            pass
    raise DomainError("{field} must be a date and time (YYYY-MM-DD HH:MM).", field=field)


def _court(d: Mapping[str, Any]) -> Values:
    return dict(
        court=validation.required(d.get("court"), "Court"),
        case_number=validation.optional(d.get("case_number"), "Case number", 60),
        starts_at=_as_datetime(d.get("starts_at"), "Date and time"),
        place=validation.optional(d.get("place"), "Room", 200),
        meeting_point=validation.optional(d.get("meeting_point"), "Meeting point", 200),
        counsel=validation.optional(d.get("counsel"), "Counsel for the injured party", 200),
        prosecutor=validation.optional(d.get("prosecutor"), "Prosecutor", 200),
        accompanied_by=validation.optional(d.get("accompanied_by"), "Accompanied by", 200),
        safe_entry_exit=bool(d.get("safe_entry_exit", False)),
        separate_waiting_room=bool(d.get("separate_waiting_room", False)),
        outcome=validation.optional(d.get("outcome"), "Outcome", 4000),
    )


@dataclass(frozen=True)
class Kind:
    model: type[Record]
    validate: Callable[[Mapping[str, Any]], Values]
    order_by: str
    not_found: str


KINDS: dict[str, Kind] = {
    "network": Kind(NetworkContact, _network, "name", "The contact was not found."),
    "children": Kind(Child, _child, "name", "The child was not found."),
    "court": Kind(CourtAppointment, _court, "starts_at", "The court appointment was not found."),
}


def _as_view(obj: Record) -> dict[str, Any]:
    cols = [c.key for c in obj.__table__.columns]
    return {k: getattr(obj, k) for k in cols}


def _get(diary: Diary, s: Session, kind: Kind, record_id: str) -> Record:
    obj = s.get(kind.model, record_id)
    if obj is None:
        raise NotFound(kind.not_found)
    diary.require_track(obj.compartment)
    return obj


def add(diary: Diary, kind: str, client_id: str, data: Mapping[str, Any]) -> dict[str, Any]:
    k = KINDS[kind]
    values = k.validate(data)
    with diary.write() as s:
        client = require_client(diary, s, client_id)
        obj = k.model(client_id=client_id, compartment=client.compartment, **values)
        s.add(obj)
        s.flush()
        return _as_view(obj)


def update(diary: Diary, kind: str, record_id: str, data: Mapping[str, Any]) -> dict[str, Any]:
    k = KINDS[kind]
    values = k.validate(data)
    with diary.write() as s:
        obj = _get(diary, s, k, record_id)
        for key, v in values.items():
            if getattr(obj, key) != v:
                setattr(obj, key, v)
        s.flush()
        return _as_view(obj)


def delete(diary: Diary, kind: str, record_id: str) -> None:
    k = KINDS[kind]
    with diary.write() as s:
        s.delete(_get(diary, s, k, record_id))


def list_for_client(diary: Diary, kind: str, client_id: str) -> list[dict[str, Any]]:
    k = KINDS[kind]
    with diary.read() as s:
        require_client(diary, s, client_id)
        col = getattr(k.model, k.order_by)
        rows = s.scalars(select(k.model).where(k.model.client_id == client_id)  # type: ignore[attr-defined]
                         .order_by(col)).all()
        return [_as_view(r) for r in rows]


def get(diary: Diary, kind: str, record_id: str) -> dict[str, Any]:
    k = KINDS[kind]
    with diary.read() as s:
        return _as_view(_get(diary, s, k, record_id))


def court_dates_between(diary: Diary, start: date, days: int) -> list[dict[str, Any]]:
    with diary.read() as s:
        rows = s.scalars(select(CourtAppointment).where(
            CourtAppointment.compartment.in_(diary.tracks),
            CourtAppointment.starts_at >= start,
            CourtAppointment.starts_at < start + timedelta(days=days)).order_by(CourtAppointment.starts_at))
        return [_as_view(r) for r in rows]
