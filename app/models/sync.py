"""Sync bookkeeping: teams, members, key epochs, cursors, the merge state, conflicts and the sync log.

Everything here lives only inside the encrypted diary. Key material (``private_key``, ``signing_key``,
``SyncEpochKey.key``) is never written anywhere else.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, DateTime, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class SyncTeam(Base):
    """A team this laptop belongs to; one per compartment."""

    __tablename__ = "sync_teams"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    compartment: Mapped[str] = mapped_column(String(8), unique=True)
    member_id: Mapped[str] = mapped_column(String(32))  # this laptop's opaque folder name in the team
    private_key: Mapped[bytes] = mapped_column(LargeBinary)  # X25519, raw
    signing_key: Mapped[bytes] = mapped_column(LargeBinary)  # Ed25519, raw
    epoch: Mapped[int] = mapped_column(Integer, default=1)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)  # last segment number written
    change_seq: Mapped[int] = mapped_column(Integer, default=0)  # last local Change.seq taken into a segment
    segments_since_snapshot: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_sync_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    protocol: Mapped[int] = mapped_column(Integer, default=2)  # 1: made before signed files; refused
    removed: Mapped[bool] = mapped_column(Boolean, default=False)  # this laptop was removed from the team
    ack_number: Mapped[int] = mapped_column(Integer, default=0)  # last acknowledgement file written
    ack_state: Mapped[dict[str, object] | None] = mapped_column(JSON, default=None)  # what it said
    clock_problem: Mapped[int] = mapped_column(Integer, default=0)  # hours ahead, last round (0 = fine)
    # The member whose laptop created the team: its first team lead, the root every lead grant is checked
    # against (app/sync/roles.py). None for a team made before roles existed, until this laptop's worker
    # names it (athena team founder).
    founder: Mapped[str | None] = mapped_column(String(32), default=None)
    # A purge (here or received) left this laptop's own share files holding purged records: rewrite them.
    scrub_pending: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncMember(Base):
    __tablename__ = "sync_members"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    label: Mapped[str] = mapped_column(String(200), default="")
    public_key: Mapped[bytes] = mapped_column(LargeBinary)  # X25519
    verify_key: Mapped[bytes] = mapped_column(LargeBinary)  # Ed25519
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    device: Mapped[str] = mapped_column(String(64), default="")  # the diary device id its HLCs carry
    # Set by the removal record: the last segment of this member that anyone applies.
    last_seq: Mapped[int | None] = mapped_column(Integer, default=None)
    # How the member was admitted: signed by a current member (or, for the founder, by itself); None for
    # members known before admissions existed (from an invitation or an earlier card).
    admission: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    removed_epoch: Mapped[int | None] = mapped_column(Integer, default=None)  # the key epoch that removed it


class SyncEpochKey(Base):
    __tablename__ = "sync_epoch_keys"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    epoch: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[bytes] = mapped_column(LargeBinary)


class SyncCursor(Base):
    """How far this laptop has applied another member's segments (gap-free)."""

    __tablename__ = "sync_cursors"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)


class SyncOutbox(Base):
    """Sealed files written locally first and uploaded to this laptop's own folder on the share."""

    __tablename__ = "sync_outbox"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    changes: Mapped[int] = mapped_column(Integer, default=0)
    sent: Mapped[bool] = mapped_column(Boolean, default=False)  # on the share; kept until acknowledged


class SyncAck(Base):
    """The newest verified acknowledgement of another member: how far it has applied each member's files."""

    __tablename__ = "sync_acks"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, default=0)
    deps: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    bad: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)  # files it could not apply
    created: Mapped[int] = mapped_column(BigInteger, default=0)  # its clock when written (ms)


class SyncRecordState(Base):
    """The merge state of one record: every field's unsuperseded versions, deletions, purge tombstone."""

    __tablename__ = "sync_record_state"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    compartment: Mapped[str] = mapped_column(String(8), index=True)
    state: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)


class SyncConflict(Base):
    """A field (or ``_deleted``) with more than one kept version, until a worker resolves it."""

    __tablename__ = "sync_conflicts"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    field: Mapped[str] = mapped_column(String(60), primary_key=True)
    compartment: Mapped[str] = mapped_column(String(8))
    client_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    versions: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)  # winner first
    detected_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SyncPendingBase(Base):
    """Versions a local resolution supersedes, picked up with the resolving change when it is shipped."""

    __tablename__ = "sync_pending_bases"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    field: Mapped[str] = mapped_column(String(60), primary_key=True)
    bases: Mapped[list[str]] = mapped_column(JSON, default=list)


class SyncPurge(Base):
    """Marks a local deletion as a retention purge (gallring), shipped as a tombstone."""

    __tablename__ = "sync_purges"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)


class SyncLogEntry(Base):
    """What each round did. Messages name counts, files and members, never client data."""

    __tablename__ = "sync_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    team_id: Mapped[str] = mapped_column(String(32), default="")
    level: Mapped[str] = mapped_column(String(8))  # info / warning / problem
    message: Mapped[str] = mapped_column(Text)  # English key for app.i18n.tr
    params: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
