"""The change feed: every record written through a session leaves exactly one change row per record.

Services write through a ``DiarySession``. After each flush the session collects what changed on every
``Record`` (new values of changed fields only); just before commit it turns that into one ``Change`` row per
record, stamped with the next hybrid-logical-clock time, in the same transaction. Nothing can write a record
through a session without leaving its change. Bulk writers (demo, import, sync apply) use ``bulk_insert``,
which writes rows and their changes together in the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, bindparam, event, inspect, select
from sqlalchemy.orm import Session

from app.models import Change, Record, Setting
from app.models.base import utcnow
from app.storage import hlc

PENDING = "athena_pending_changes"
REMOTE = "athena_remote_apply"
HLC_KEY = "hlc.last"


@dataclass
class Identity:
    """Who is writing, from which device."""

    author: str
    device_id: str


class DiarySession(Session):
    """A session that knows its author and device and feeds the change log."""

    def __init__(self, *args: Any, identity: Identity, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.identity = identity


def to_feed_value(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _columns(obj: Record) -> list[str]:
    return [c.key for c in inspect(type(obj)).column_attrs]


def _client_id(obj: Record) -> str | None:
    if obj.__tablename__ in ("clients", "men_clients"):
        return obj.id
    return getattr(obj, "client_id", None) or getattr(obj, "men_client_id", None)


@event.listens_for(DiarySession, "before_flush")
def _stamp(session: DiarySession, _ctx: object, _instances: object) -> None:
    if session.info.get(REMOTE):
        return
    ident = session.identity
    for obj in session.new:
        if isinstance(obj, Record):
            obj.created_by = obj.created_by or ident.author
            obj.updated_by = ident.author
            obj.device_id = ident.device_id
    for obj in session.dirty:
        if isinstance(obj, Record) and session.is_modified(obj):
            obj.updated_by = ident.author
            obj.device_id = ident.device_id


@event.listens_for(DiarySession, "after_flush")
def _collect(session: DiarySession, _ctx: object) -> None:
    if session.info.get(REMOTE):
        return
    pending: dict[tuple[str, str], dict[str, Any]] = session.info.setdefault(PENDING, {})
    for obj in session.new:
        if isinstance(obj, Record):
            fields = {k: to_feed_value(getattr(obj, k)) for k in _columns(obj)
                      if k not in obj.__feed_exclude__ and k != "id"}
            pending[(obj.__tablename__, obj.id)] = {"op": "insert", "fields": fields, "obj": obj}
    for obj in session.dirty:
        if not isinstance(obj, Record):
            continue
        state = inspect(obj)
        changed = {}
        for key in _columns(obj):
            if key in obj.__feed_exclude__:
                continue
            hist = state.attrs[key].history
            if hist.has_changes():
                changed[key] = to_feed_value(getattr(obj, key))
        if changed:
            entry = pending.setdefault((obj.__tablename__, obj.id),
                                       {"op": "update", "fields": {}, "obj": obj})
            entry["fields"].update(changed)
    for obj in session.deleted:
        if isinstance(obj, Record):
            pending[(obj.__tablename__, obj.id)] = {"op": "delete", "fields": {}, "obj": obj}


@event.listens_for(DiarySession, "before_commit")
def _emit(session: DiarySession) -> None:
    if session.info.get(REMOTE):
        return
    session.flush()
    pending: dict[tuple[str, str], dict[str, Any]] = session.info.pop(PENDING, {})
    if not pending:
        return
    clock = Clock(session)
    now = utcnow()
    # One executemany of Core inserts: the unit of work has nothing to track for rows it never reads back.
    session.connection().execute(_CHANGES_INSERT, [dict(
        hlc=str(clock.next()), entity=entity, entity_id=entity_id, op=entry["op"],
        fields=entry["fields"], compartment=entry["obj"].compartment, client_id=_client_id(entry["obj"]),
        author=session.identity.author, device_id=session.identity.device_id, origin="local", at=now,
    ) for (entity, entity_id), entry in pending.items()])
    clock.save()


@event.listens_for(DiarySession, "after_rollback")
def _forget(session: DiarySession) -> None:
    session.info.pop(PENDING, None)


_CHANGES: Table = Change.__table__  # type: ignore[assignment]
_SETTINGS: Table = Setting.__table__  # type: ignore[assignment]
# Built once: a statement object keeps its compiled form and cache key, so each write skips rebuilding them.
_HLC_READ = select(_SETTINGS.c.value).where(_SETTINGS.c.key == HLC_KEY)
_HLC_WRITE = _SETTINGS.update().where(_SETTINGS.c.key == HLC_KEY).values(value=bindparam("hlc_value"))
_HLC_FIRST = _SETTINGS.insert().values(key=HLC_KEY, value=bindparam("hlc_value"))
_CHANGES_INSERT = _CHANGES.insert()
_INSERTS: dict[str, Any] = {}


class Clock:
    """The diary's HLC, read and saved inside the caller's write transaction (one statement each way, on the
    session's connection: the HLC row is never an object in a session)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.device = session.identity.device_id if isinstance(session, DiarySession) else ""
        raw = session.connection().execute(_HLC_READ).scalar()
        self._exists = raw is not None
        self.last = hlc.Timestamp.parse(raw) if raw else None
        self._dirty = False

    def next(self) -> hlc.Timestamp:
        self.last = hlc.tick(self.last, self.device)
        self._dirty = True
        return self.last

    def observe(self, remote: hlc.Timestamp) -> None:
        self.last = hlc.receive(self.last, remote, self.device)
        self._dirty = True

    def save(self) -> None:
        if self._dirty and self.last is not None:
            conn = self.session.connection()
            conn.execute(_HLC_WRITE if self._exists else _HLC_FIRST, {"hlc_value": str(self.last)})
            self._exists = True


def _full_rows(session: DiarySession, cls: type[Record], rows: Iterable[Mapping[str, Any]],
               now: datetime) -> list[dict[str, Any]]:
    """Rows with every column: the model's defaults, the author/device stamps, then the given values."""
    ident = session.identity
    defaults = {k: c.columns[0].default for k, c in _attrs(cls).items()}
    full_rows = []
    for r in rows:
        row: dict[str, Any] = {}
        for k, d in defaults.items():
            if k in r or d is None:
                row[k] = None
            else:
                row[k] = d.arg(None) if callable(d.arg) else d.arg  # SQLAlchemy wraps callables to take ctx
        row.update(created_at=now, updated_at=now, created_by=ident.author, updated_by=ident.author,
                   device_id=ident.device_id)
        row.update(r)
        full_rows.append(row)
    return full_rows


_ATTRS: dict[type[Record], dict[str, Any]] = {}


def _attrs(cls: type[Record]) -> dict[str, Any]:
    attrs = _ATTRS.get(cls)
    if attrs is None:
        attrs = _ATTRS[cls] = {c.key: c for c in inspect(cls).column_attrs}
    return attrs


BULK_ROWS = 100  # from this many rows on, one driver-level executemany (``_executemany``)


def _executemany(conn: Any, table: Table, rows: list[dict[str, Any]]) -> None:
    """``conn.execute(table.insert(), rows)`` for many rows with the same keys, without the per-row work of
    SQLAlchemy's parameter processing: each column's own bind processor (the one SQLAlchemy would apply:
    dates, times, booleans, JSON) is looked up once, then the driver's executemany gets plain tuples. The
    values stored are the same."""
    keys = list(rows[0])
    columns = [table.c[k] for k in keys]
    procs = [c.type._cached_bind_processor(conn.dialect) for c in columns]
    sql = (f'INSERT INTO "{table.name}" ({", ".join(chr(34) + c.name + chr(34) for c in columns)}) '
           f'VALUES ({", ".join("?" for _ in columns)})')
    pairs = list(zip(keys, procs, strict=True))
    params = [tuple(proc(r[k]) if proc is not None else r[k] for k, proc in pairs)
              for r in rows]
    conn.exec_driver_sql(sql, params)


def bulk_insert(session: DiarySession, cls: type[Record], rows: Iterable[Mapping[str, Any]]) -> int:
    """Insert many records and their change rows in the caller's transaction (demo, import)."""
    return len(insert_records(session, cls, rows))


def insert_records(session: DiarySession, cls: type[Record],
                   rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Insert records and their change rows in the caller's transaction with Core statements (no objects for
    the unit of work to track); returns the rows as written, every column filled in. The change rows are
    those a session would have written for the same new objects."""
    rows = list(rows)
    if not rows:
        return []
    ident = session.identity
    now = utcnow()
    cols = _attrs(cls)
    full_rows = _full_rows(session, cls, rows, now)
    conn = session.connection()
    insert = _INSERTS.get(cls.__tablename__)
    if insert is None:
        table: Table = cls.__table__  # type: ignore[assignment]
        insert = _INSERTS[cls.__tablename__] = table.insert()
    if len(full_rows) >= BULK_ROWS and all(r.keys() == full_rows[0].keys() for r in full_rows):
        _executemany(conn, cls.__table__, full_rows)  # type: ignore[arg-type]
    else:
        conn.execute(insert, full_rows)
    clock = Clock(session)
    changes = []
    client_key = "id" if cls.__tablename__ in ("clients", "men_clients") else (
        "client_id" if "client_id" in cols else ("men_client_id" if "men_client_id" in cols else None))
    for row in full_rows:
        fields = {k: to_feed_value(v) for k, v in row.items()
                  if k not in cls.__feed_exclude__ and k != "id"}
        changes.append(dict(
            hlc=str(clock.next()), entity=cls.__tablename__, entity_id=row["id"], op="insert",
            fields=fields, compartment=row["compartment"],
            client_id=row.get(client_key) if client_key else None,
            author=ident.author, device_id=ident.device_id, origin="local", at=now,
        ))
    if len(changes) >= BULK_ROWS:
        _executemany(conn, _CHANGES, changes)
    else:
        conn.execute(_CHANGES_INSERT, changes)
    clock.save()
    return full_rows

