"""The record's life cycle: retention purges (gallring), archive marks, and the team's own reference lists."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Record, utcnow


class RetentionRun(Base):
    """One purge run: when, by whom, under which rules, how many of what. Never names or ids of the purged."""

    __tablename__ = "retention_runs"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(200))
    rules: Mapped[str] = mapped_column(String(200))  # rule set name and version
    clients_purged: Mapped[int] = mapped_column(Integer, default=0)
    records_purged: Mapped[int] = mapped_column(Integer, default=0)
    archive_marked: Mapped[int] = mapped_column(Integer, default=0)
    counts: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)  # table → rows removed


class ArchiveMark(Record):
    """A record the rules keep for transfer to the archive authority instead of purging."""

    __tablename__ = "archive_marks"

    client_id: Mapped[str] = mapped_column(String(36), index=True)
    entity: Mapped[str] = mapped_column(String(40))  # clients / men_clients
    marked_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(60))


class ReferenceItem(Record):
    """A team's own district, referring unit or legal reference, synced with the team's records."""

    __tablename__ = "reference_items"

    kind: Mapped[str] = mapped_column(String(32), index=True)  # district / referring_unit / legal_reference
    code: Mapped[str] = mapped_column(String(60))
    label: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class TeamRole(Record):
    """One signed change of a member's team-lead role in a synced team (append-only).

    ``signature`` is the granting laptop's Ed25519 signature over the row's id, team, member, role, granter
    and time (``app/sync/roles.py``), so every laptop can check it, whichever laptop relayed the row.
    """

    __tablename__ = "team_roles"

    team_id: Mapped[str] = mapped_column(String(32), index=True)
    member_id: Mapped[str] = mapped_column(String(32))  # the laptop the role is given to or taken from
    lead: Mapped[bool] = mapped_column(Boolean, default=True)  # True: made a lead; False: lead taken away
    granted_by: Mapped[str] = mapped_column(String(32))  # the member whose laptop signed it
    granted_at: Mapped[datetime] = mapped_column(DateTime)
    signature: Mapped[str] = mapped_column(String(120))  # base64
