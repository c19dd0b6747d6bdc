"""Fields kept in two (or more) versions after a sync, and resolving them.

A resolution is an ordinary local change (it goes into the change feed and travels to the team) that also
supersedes every kept version, so the field stops showing "2 versions" on every laptop.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from app.errors import DomainError, NotFound
from app.models import RECORD_CLASSES, SyncConflict, SyncPendingBase
from app.services.context import Diary
from app.storage.changefeed import DiarySession, Identity
from app.sync.state import DELETED
from app.sync.values import convert

__all__ = ["DELETED", "Conflict", "FieldVersion", "list_conflicts", "resolve", "resolve_deletion"]


class _Store(Protocol):
    def read(self, identity: Identity) -> Any: ...
    def write(self, identity: Identity) -> Any: ...


@dataclass(frozen=True)
class FieldVersion:
    value: object
    author: str
    device: str
    at: str  # ISO time the version was written (UTC, from its HLC)
    hlc: str


@dataclass(frozen=True)
class Conflict:
    entity: str
    entity_id: str
    field: str  # a column name, or ``_deleted`` for a deletion that raced an edit
    client_id: str | None
    versions: tuple[FieldVersion, ...]  # the provisional winner first

    @property
    def count(self) -> int:
        return len(self.versions)


def _to_conflict(row: SyncConflict) -> Conflict:
    return Conflict(row.entity, row.entity_id, row.field, row.client_id, tuple(
        FieldVersion(v.get("value"), str(v.get("author", "")), str(v.get("device", "")), str(v.get("at", "")),
                     str(v.get("hlc", ""))) for v in row.versions))


def list_conflicts(store: _Store, identity: Identity, *, client_id: str | None = None,
                   entity: str | None = None, entity_id: str | None = None,
                   compartment: str | None = None) -> list[Conflict]:
    with store.read(identity) as s:
        q = select(SyncConflict)
        if client_id is not None:
            q = q.where(SyncConflict.client_id == client_id)
        if entity is not None:
            q = q.where(SyncConflict.entity == entity)
        if entity_id is not None:
            q = q.where(SyncConflict.entity_id == entity_id)
        if compartment is not None:
            q = q.where(SyncConflict.compartment == compartment)
        return [_to_conflict(r) for r in s.scalars(q.order_by(SyncConflict.entity, SyncConflict.entity_id,
                                                               SyncConflict.field))]


def _row(s: Session, entity: str, entity_id: str, field: str) -> SyncConflict:
    row = s.get(SyncConflict, (entity, entity_id, field))
    if row is None:
        raise NotFound("This conflict was already resolved.")
    return row


def resolve(diary: Diary, entity: str, entity_id: str, field: str, choice: int) -> None:
    """Keep version ``choice`` (an index into ``Conflict.versions``) as the field's only value. Only a worker
    of the record's track may choose."""
    with diary.write() as s:
        row = _row(s, entity, entity_id, field)
        diary.require_track(row.compartment)
        if field == DELETED or not 0 <= choice < len(row.versions):
            raise DomainError("Choose one of the versions shown.")
        cls = RECORD_CLASSES[entity]
        obj = s.get(cls, entity_id)
        if obj is None:
            raise NotFound("The record no longer exists.")
        if entity == "diary_entries" and getattr(obj, "signed_at", None) is not None and field != "signed_at":
            raise DomainError("A signed diary entry cannot be changed; write a correcting entry instead.")
        value = convert(cls.__table__, {field: row.versions[choice].get("value")}).get(field)  # type: ignore[arg-type]
        setattr(obj, field, value)
        flag_modified(obj, field)
        _supersede(s, entity, entity_id, field, [str(v.get("hlc")) for v in row.versions])
        s.delete(row)


def resolve_deletion(diary: Diary, entity: str, entity_id: str, keep: bool) -> None:
    """A record deleted on one laptop while edited on another: keep it, or delete it after all (a worker of
    the record's track only)."""
    with diary.write() as s:
        row = _row(s, entity, entity_id, DELETED)
        diary.require_track(row.compartment)
        cls = RECORD_CLASSES[entity]
        obj = s.get(cls, entity_id)
        if obj is None:
            raise NotFound("The record no longer exists.")
        if keep:
            # A change that touches the record carries the "kept" mark for the deletions shown.
            flag_modified(obj, "compartment")
            _supersede(s, entity, entity_id, DELETED, [str(v.get("hlc")) for v in row.versions])
        else:
            s.delete(obj)
        s.delete(row)


def _supersede(s: DiarySession, entity: str, entity_id: str, field: str, hlcs: list[str]) -> None:
    pending = s.get(SyncPendingBase, (entity, entity_id, field))
    if pending is None:
        s.add(SyncPendingBase(entity=entity, entity_id=entity_id, field=field, bases=sorted(hlcs)))
    else:
        pending.bases = sorted(set(pending.bases).union(hlcs))
