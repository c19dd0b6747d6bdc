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
# The same statements as plain SQL for ``insert_one`` (the settings value is text: no type conversion).
_HLC_READ_SQL = "SELECT value FROM settings WHERE key = ?"
_HLC_WRITE_SQL = "UPDATE settings SET value = ? WHERE key = ?"
_HLC_FIRST_SQL = "INSERT INTO settings (value, key) VALUES (?, ?)"


class Clock:
    """The diary's HLC, read and saved inside the caller's write transaction (one statement each way, on the
    session's connection: the HLC row is never an object in a session)."""

    def __init__(self, session: Session | None, cursor: Any = None, device: str = "") -> None:
        self.session, self.cursor = session, cursor
        self.device = session.identity.device_id if isinstance(session, DiarySession) else device
        if cursor is not None:  # the driver's cursor of a ``DriverWrite`` (``insert_one``)
            found = cursor.execute(_HLC_READ_SQL, (HLC_KEY,)).fetchone()
            raw = found[0] if found else None
        else:
            assert session is not None
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
        if self._dirty and self.last is not None and self.cursor is not None:
            self.cursor.execute(_HLC_WRITE_SQL if self._exists else _HLC_FIRST_SQL, (str(self.last), HLC_KEY))
            self._exists = True
        elif self._dirty and self.last is not None and self.session is not None:
            conn = self.session.connection()
            conn.execute(_HLC_WRITE if self._exists else _HLC_FIRST, {"hlc_value": str(self.last)})
            self._exists = True


def _full_rows(ident: Identity, cls: type[Record], rows: Iterable[Mapping[str, Any]],
               now: datetime) -> list[dict[str, Any]]:
    """Rows with every column: the model's defaults, the author/device stamps, then the given values."""
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
    full_rows = _full_rows(ident, cls, rows, now)
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
    changes = [_change_row(cls, row, clock, ident, now) for row in full_rows]
    if len(changes) >= BULK_ROWS:
        _executemany(conn, _CHANGES, changes)
    else:
        conn.execute(_CHANGES_INSERT, changes)
    clock.save()
    return full_rows


def _change_row(cls: type[Record], row: Mapping[str, Any], clock: Clock, ident: Identity,
                now: datetime) -> dict[str, Any]:
    """The change row a session would write for the new record ``row``."""
    cols = _attrs(cls)
    client_key = "id" if cls.__tablename__ in ("clients", "men_clients") else (
        "client_id" if "client_id" in cols else ("men_client_id" if "men_client_id" in cols else None))
    fields = {k: to_feed_value(v) for k, v in row.items() if k not in cls.__feed_exclude__ and k != "id"}
    return dict(hlc=str(clock.next()), entity=cls.__tablename__, entity_id=row["id"], op="insert",
                fields=fields, compartment=row["compartment"],
                client_id=row.get(client_key) if client_key else None,
                author=ident.author, device_id=ident.device_id, origin="local", at=now)


class _DriverInsert:
    """One table's INSERT as plain SQL for the driver, with SQLAlchemy's own bind converters per column (a
    date, a time or JSON is stored exactly as a Core insert stores it)."""

    def __init__(self, table: Table, keys: list[str], columns: list[Any], dialect: Any) -> None:
        self.keys = keys
        self.sql = (f"INSERT INTO {table.name} ({', '.join(c.name for c in columns)}) "
                    f"VALUES ({', '.join('?' for _ in columns)})")
        self.convert = [c.type._cached_bind_processor(dialect) for c in columns]

    def params(self, row: Mapping[str, Any]) -> list[Any]:
        return [v if f is None else f(v) for f, v in zip(self.convert, (row[k] for k in self.keys), strict=True)]


_DRIVER_INSERTS: dict[tuple[str, str], _DriverInsert] = {}
_CHANGE_KEYS = ["hlc", "entity", "entity_id", "op", "fields", "compartment", "client_id", "author", "device_id",
                "origin", "at"]


def _driver_insert(table: Table, keys: list[str], columns: list[Any], dialect: Any) -> _DriverInsert:
    found = _DRIVER_INSERTS.get((table.name, dialect.name))
    if found is None:
        found = _DRIVER_INSERTS[(table.name, dialect.name)] = _DriverInsert(table, keys, columns, dialect)
    return found


@dataclass
class DriverWrite:
    """A write transaction on the driver's own cursor (``Store.write_cursor``): who writes, the dialect whose
    converters store the values, and the cursor inside BEGIN IMMEDIATE … COMMIT. For the most frequent write of
    the day, with no session or unit of work around it; ``insert_one`` feeds the change log as a session
    would."""

    identity: Identity
    dialect: Any
    cursor: Any

    def one(self, sql: str, *params: Any) -> Any:
        """The first column of the first row of a read (None without a row)."""
        row = self.cursor.execute(sql, params).fetchone()
        return row[0] if row else None


def insert_one(w: DriverWrite, cls: type[Record], values: Mapping[str, Any]) -> dict[str, Any]:
    """``insert_records`` for one record on a ``DriverWrite``: the same row, the same change row and clock,
    without SQLAlchemy's per-statement work. Returns the row as written, every column filled in."""
    now = utcnow()
    row = _full_rows(w.identity, cls, [values], now)[0]
    cols = _attrs(cls)
    table: Table = cls.__table__  # type: ignore[assignment]
    ins = _driver_insert(table, list(cols), [c.columns[0] for c in cols.values()], w.dialect)
    w.cursor.execute(ins.sql, ins.params(row))
    clock = Clock(None, w.cursor, w.identity.device_id)
    change = _change_row(cls, row, clock, w.identity, now)
    changes = _driver_insert(_CHANGES, _CHANGE_KEYS, [_CHANGES.c[k] for k in _CHANGE_KEYS], w.dialect)
    w.cursor.execute(changes.sql, changes.params(change))
    clock.save()
    return row
