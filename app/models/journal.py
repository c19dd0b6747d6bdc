"""The change feed and the audit trail. Written only by app.storage.changefeed and app.services.audit."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class Change(Base):
    """One row per record written: what changed, to what, by whom, on which device, at which HLC time."""

    __tablename__ = "changes"
    # Numbers are never given twice, also after the newest rows were deleted (a purge): what was read up to a
    # number (sync's change_seq, the retention scrub's mark) stays read (migration 1700).
    __table_args__ = {"sqlite_autoincrement": True}

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    hlc: Mapped[str] = mapped_column(String(40))  # not indexed (migration 1900): the feed is read by seq
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(8))  # insert / update / delete
    # A local change: the new values of the fields it changed (what sync ships). A change received from the team
    # (origin "remote"): the sorted names of the fields it set, never their values.
    fields: Mapped[dict[str, object] | list[str]] = mapped_column(JSON, default=dict)
    compartment: Mapped[str] = mapped_column(String(8))
    client_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    author: Mapped[str] = mapped_column(String(200))
    device_id: Mapped[str] = mapped_column(String(36))
    origin: Mapped[str] = mapped_column(String(8), default="local")  # local / remote
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)


class AuditEvent(Base):
    """Actions that change no record: opened a record, printed, exported, revealed an address."""

    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    device_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(40))
    compartment: Mapped[str] = mapped_column(String(8), default="")
    client_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[str] = mapped_column(String(36), default="")
    detail: Mapped[str] = mapped_column(Text, default="")  # never content: what, which version


class Setting(Base):
    """Per-diary settings: identity of this device and worker, preferences, the clock."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
