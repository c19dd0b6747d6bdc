"""The access log (who opened, searched, printed or exported what, when) as a hash chain that travels.

Every row is a record like any other, so it reaches the team's other laptops through the change feed and the
sync; each device keeps one chain per compartment (``n`` = 1, 2, 3 …, ``hash`` over the row and the hash
before it, see ``app.storage.auditchain``) and one ``AuditHead`` per chain holding its length and last hash.
Rows never hold content: names of what was done, record ids, counts.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Record


class AuditRecord(Record):
    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_chain", "origin_device", "compartment", "n"),
        Index("ix_audit_log_actor_at", "actor", "at"),
    )

    at: Mapped[datetime] = mapped_column(DateTime, index=True)  # naive UTC
    local_at: Mapped[datetime] = mapped_column(DateTime)  # wall time in Sweden, for the "unusual hours" check
    actor: Mapped[str] = mapped_column(String(200))
    origin_device: Mapped[str] = mapped_column(String(36))  # the device that wrote the row (device_id is local)
    action: Mapped[str] = mapped_column(String(40))  # open / search / list / print / export / reveal / import …
    client_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[str] = mapped_column(String(36), default="")
    detail: Mapped[str] = mapped_column(Text, default="")  # never content
    n: Mapped[int] = mapped_column(Integer)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Record):
    """The length and last hash of one device's chain in one compartment; shipped so a removed row shows."""

    __tablename__ = "audit_heads"

    origin_device: Mapped[str] = mapped_column(String(36))
    count: Mapped[int] = mapped_column(Integer, default=0)
    head: Mapped[str] = mapped_column(String(64))
    sealed_at: Mapped[datetime] = mapped_column(DateTime)
