"""Declarative base and the columns every record carries."""

from __future__ import annotations

import os
import threading
import time
import uuid
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import DateTime, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A random UUID (version 4): for the diary's, a device's and other ids that say nothing of when they were
    made. A record's id is ``new_ordered_id``."""
    return str(uuid.uuid4())


_ORDERED_LOCK = threading.Lock()
_ordered_last = [0, 0]  # milliseconds, counter of the last ordered id


def new_ordered_id() -> str:
    """A UUID of version 7 (RFC 9562): Unix time in milliseconds, a 12-bit counter, 62 random bits. Ids made one
    after another sort in the order they were made, so new records (a worker's, an import's, the team's received
    by sync) are added at the end of the id indexes of a big diary instead of changing pages all over them. As
    unique as ``new_id`` and of the same form; the time it holds is the record's ``created_at``, which it has
    anyway. Every record's default id (``Record.id``)."""
    with _ORDERED_LOCK:
        ms, seq = time.time_ns() // 1_000_000, 0
        if ms <= _ordered_last[0]:
            ms, seq = _ordered_last[0], _ordered_last[1] + 1
            if seq > 0xFFF:
                ms, seq = ms + 1, 0
        _ordered_last[:] = [ms, seq]
    rand = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    return str(uuid.UUID(int=(ms << 80) | (0x7 << 76) | (seq << 64) | (0b10 << 62) | rand))


def utcnow() -> datetime:
    """Naive UTC, as stored."""
    return datetime.now(UTC).replace(tzinfo=None)


class Compartment(StrEnum):
    """The law keeps a perpetrator's case and his partner's case apart: every record lives in one track."""

    WOMEN = "women"
    MEN = "men"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Record(Base):
    """A record that the change feed tracks and the sync ships."""

    __abstract__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_ordered_id)
    compartment: Mapped[str] = mapped_column(String(8), default=Compartment.WOMEN.value)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    created_by: Mapped[str] = mapped_column(String(200), default="")
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    device_id: Mapped[str] = mapped_column(String(36), default="")

    # Fields the change feed does not ship (bookkeeping the receiving side sets itself).
    __feed_exclude__: frozenset[str] = frozenset({"updated_at", "updated_by", "device_id"})
