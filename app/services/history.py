"""Writing and reading the history of statuses and classifications (``status_history``).

Services call ``changed`` inside their write transaction whenever a tracked field gets a new value: the first
time a field of a record changes, its old value is written as valid since always, then the new value from the
day it took effect. A record with no history rows has had its value since it was recorded (rows written in
bulk by an import or the demo). Reports read ``value_at`` / ``history_sql``: the value valid at a period's end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import SINCE_ALWAYS, Record, StatusHistory

# What a report reads, per table. Only these fields get history.
TRACKED: dict[str, tuple[str, ...]] = {
    "men_clients": ("status", "referral_source", "motivation", "needs_other_help", "district"),
    "decisions": ("district", "referring_unit"),
}


@dataclass(frozen=True)
class HistoryRow:
    field: str
    value: str
    valid_from: date | None  # None: since always
    recorded_by: str


def as_value(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)


def _person(record: Record, client_id: str | None) -> str | None:
    if client_id is not None:
        return client_id
    return record.id if record.__tablename__ == "men_clients" else getattr(record, "client_id", None)


def initial(s: Session, record: Record, *, client_id: str | None = None) -> None:
    """A new record: its tracked values, valid since always (call after ``flush`` so the id is known)."""
    for field in TRACKED.get(record.__tablename__, ()):
        s.add(StatusHistory(entity=record.__tablename__, entity_id=record.id, field=field,
                            value=as_value(getattr(record, field)), valid_from=SINCE_ALWAYS,
                            client_id=_person(record, client_id), compartment=record.compartment))


def changed(s: Session, record: Record, field: str, new_value: object, effective_on: date, *,
            client_id: str | None = None) -> bool:
    """Set ``record.field`` and write its history; False (and nothing written) when the value is the same."""
    assert field in TRACKED.get(record.__tablename__, ()), field
    old = getattr(record, field)
    if as_value(old) == as_value(new_value):
        return False
    entity = record.__tablename__
    person = _person(record, client_id)
    known = s.scalar(select(func.count()).select_from(StatusHistory).where(
        StatusHistory.entity == entity, StatusHistory.entity_id == record.id, StatusHistory.field == field))
    if not known:
        s.add(StatusHistory(entity=entity, entity_id=record.id, field=field, value=as_value(old),
                            valid_from=SINCE_ALWAYS, client_id=person, compartment=record.compartment))
    s.add(StatusHistory(entity=entity, entity_id=record.id, field=field, value=as_value(new_value),
                        valid_from=effective_on, client_id=person, compartment=record.compartment))
    setattr(record, field, new_value)
    return True


def rows(s: Session, entity: str, entity_id: str) -> list[HistoryRow]:
    """The history of one record, oldest first (for the screen: when did his status change)."""
    found = s.scalars(select(StatusHistory).where(StatusHistory.entity == entity,
                                                  StatusHistory.entity_id == entity_id)
                      .order_by(StatusHistory.field, StatusHistory.valid_from, StatusHistory.created_at))
    return [HistoryRow(h.field, h.value, None if h.valid_from <= SINCE_ALWAYS else h.valid_from, h.created_by)
            for h in found]


def value_sql(entity: str, field: str, id_sql: str, current_sql: str, at_param: str = ":to") -> str:
    """SQL for ``field`` of the record ``id_sql`` as it was on ``at_param``: the latest history row valid then,
    or today's value for a record whose field never changed. The lookup index covers the subquery."""
    return (f"COALESCE((SELECT h.value FROM status_history h WHERE h.entity = '{entity}' AND h.field = '{field}' "
            f"AND h.entity_id = {id_sql} AND h.valid_from <= {at_param} "
            f"ORDER BY h.valid_from DESC, h.created_at DESC, h.id DESC LIMIT 1), {current_sql})")
