"""The history of every status and classification a report reads (a man's status, a decision's district ...).

Append-only: a row says "from ``valid_from`` on, ``field`` of ``entity``/``entity_id`` was ``value``". The
first row of a value carries ``SINCE_ALWAYS``. Written by the services in the same transaction as the change
itself; a report for a period reads the value valid at the period's end.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Record

SINCE_ALWAYS = date(1900, 1, 1)


class StatusHistory(Record):
    __tablename__ = "status_history"
    __table_args__ = (Index("ix_status_history_lookup", "entity", "field", "entity_id", "valid_from"),)

    entity: Mapped[str] = mapped_column(String(40))  # table name of the record
    entity_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(40))
    value: Mapped[str] = mapped_column(String(200), default="")
    valid_from: Mapped[date] = mapped_column(Date, default=SINCE_ALWAYS)
    # The woman (clients.id) or the man (men_clients.id) the record belongs to: export and purge find it here.
    client_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
