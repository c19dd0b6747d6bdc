"""Turning merge states into diary rows, and local change rows into writes.

Materialising is the only place the sync writes records: plain SQL on the session's connection with the
change feed switched off (``REMOTE``), inside the round's current transaction (``batches``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta
from functools import cache, partial
from operator import is_not, itemgetter
from typing import Any, NamedTuple

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Integer,
    String,
    Table,
    Text,
    delete,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from app.models import RECORD_CLASSES, SyncConflict, SyncPendingBase, SyncPurge, SyncRecordState
from app.models.base import utcnow
from app.sync import state as st
from app.sync.errors import SyncError

CHUNK = 400
# Tables whose rows SQL triggers protect against updates (signed or completed documentation).
GUARDED = {"diary_entries", "risk_assessments", "safety_plan_versions"}

Key = tuple[str, str]
# Columns that say which record, person and track a row is: never changed through sync.
IDENTITY = ("id", "compartment", "client_id", "men_client_id")
MAX_TEXT = 1_000_000
# JSON as stored by the sync's own inserts: the same values as SQLAlchemy's ``json.dumps``, without the spaces
# and the circular-reference check (merge states and change fields are plain trees built here).
_ENCODER = json.JSONEncoder(separators=(",", ":"), check_circular=False)
_text_json: Callable[[str], str] = json.encoder.encode_basestring_ascii
# The C encoder ``_ENCODER.encode`` builds on every call, made once (the same text: tested equal).
_MAKE_ENCODER: Any = getattr(json.encoder, "c_make_encoder", None)
_C_ENCODE: Callable[[Any, int], Sequence[str]] | None = (
    _MAKE_ENCODER(None, _ENCODER.default, _text_json, None, ":", ",", False, False, True)
    if _MAKE_ENCODER is not None else None)


def dumps(o: Any) -> str:
    if _C_ENCODE is None:
        return _ENCODER.encode(o)
    if type(o) is str:
        return _text_json(o)
    return "".join(_C_ENCODE(o, 0))


def one_write_json(hlc: str, author: str, fields_json: str, client_id: str | None) -> str:
    """The JSON text ``dumps(state.one_write(w))`` gives, from the write's fields already encoded (texts
    escaped by the encoder's own function)."""
    if type(hlc) is not str or type(author) is not str or (client_id is not None and type(client_id) is not str):
        return f'{{"w":{dumps([hlc, author])},"v":{fields_json},"k":{dumps(client_id)}}}'
    k = "null" if client_id is None else _text_json(client_id)
    return f'{{"w":[{_text_json(hlc)},{_text_json(author)}],"v":{fields_json},"k":{k}}}'


class _Local(NamedTuple):
    """A local change row as ``ingest_local`` reads it (``raw``: the stored JSON text of ``fields``)."""

    seq: int
    hlc: str
    author: str
    entity: str
    entity_id: str
    compartment: str
    client_id: str | None
    op: str
    fields: Any
    raw: str | None


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), CHUNK):
        yield items[i:i + CHUNK]


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def load_states(session: Session, keys: Iterable[Key]) -> dict[Key, st.State]:
    """The stored merge states of these records (full form: a compact one is expanded)."""
    return load_known(session, keys, rows=False)[0]


def load_known(session: Session, keys: Iterable[Key], rows: bool = True) -> tuple[dict[Key, st.State],
                                                                              dict[Key, str]]:
    """The stored merge states of these records (full form) and which track each is in here (``rows``: its
    row's, else its state's): what ``load_states`` and ``load_compartments`` give, reading each state once."""
    by_entity: dict[str, list[str]] = {}
    for e, i in keys:
        by_entity.setdefault(e, []).append(i)
    out: dict[Key, st.State] = {}
    comps: dict[Key, str] = {}
    conn = session.connection()
    loads = json.loads
    expand = st.expand
    for entity, ids in by_entity.items():
        cls = RECORD_CLASSES.get(entity) if rows else None
        for part in _chunks(sorted(set(ids))):
            marks = _marks(len(part))
            for rid, c, s in conn.exec_driver_sql(
                    f"SELECT entity_id, compartment, state FROM sync_record_state WHERE entity = ? AND entity_id IN "
                    f"({marks})", (entity, *part)):
                out[(entity, rid)] = expand(loads(s))
                comps[(entity, rid)] = c
            if cls is not None:
                table: Table = cls.__table__  # type: ignore[assignment]
                for rid, c in conn.exec_driver_sql(f'SELECT id, compartment FROM "{table.name}" WHERE id IN ({marks})',
                                                   tuple(part)):
                    comps[(entity, rid)] = c
    return out, comps


def save_states(session: Session, states: dict[Key, st.State], existing: set[Key],
                compartments: dict[Key, str], encoded: dict[Key, str] | None = None) -> None:
    """Store these states (in their compact form where they have one, ``state.compact``); ``existing``: the
    records that have a stored state already (updated), the others are inserted. ``encoded``: the JSON of
    some of the new ones, already made."""
    small = st.compact
    made = encoded or {}
    ordered = sorted(states.items())  # in key order: each B-tree page is visited once
    new_rows = [(e, i, compartments[(e, i)], made.get((e, i)) or dumps(small(s)))
                for (e, i), s in ordered if (e, i) not in existing]
    if new_rows:
        session.connection().exec_driver_sql(
            "INSERT INTO sync_record_state (entity, entity_id, compartment, state) VALUES (?, ?, ?, ?)", new_rows)
    dump = dumps
    changed = [(dump(small(s)), e, i) for (e, i), s in ordered if (e, i) in existing] if existing else []
    if changed:
        session.connection().exec_driver_sql(
            "UPDATE sync_record_state SET state = ? WHERE entity = ? AND entity_id = ?", changed)


def _processors(session: Session, table: Table) -> dict[str, Callable[[Any], Any] | None]:
    dialect = session.get_bind().dialect
    key = (table.name, dialect.name)
    found = _PROCESSORS.get(key)
    if found is None:
        # The dialect's own processors (``_cached_bind_processor``, what an ORM insert uses): the generic
        # ``DateTime.bind_processor`` is None, and the driver's adapter would then store a whole second as
        # "09:00:00" where SQLAlchemy stores "09:00:00.000000" (text that compares differently in SQL).
        found = _PROCESSORS[key] = {c.key: _processor(c.type, dialect) for c in table.c}
    return found


_PROCESSORS: dict[tuple[str, str], dict[str, Callable[[Any], Any] | None]] = {}


def _processor(kind: Any, dialect: Any) -> Callable[[Any], Any] | None:
    if isinstance(kind, JSON):
        return dumps
    proc: Callable[[Any], Any] | None = kind._cached_bind_processor(dialect)
    if isinstance(kind, DateTime) and proc is not None and dialect.name == "sqlite":
        return partial(_datetime_text, proc)
    return proc


def _datetime_text(slow: Callable[[Any], Any], v: Any) -> Any:
    """SQLite's DATETIME text ("2026-01-01 09:00:00.000000") a third of the time SQLAlchemy's formatter takes
    (tested equal); an aware or odd value goes to SQLAlchemy's."""
    if type(v) is datetime and v.tzinfo is None:
        return v.isoformat(" ", "microseconds")
    return slow(v)


def stored_value(session: Session, table: Table, column: str, value: Any) -> Any:
    """``value`` as ``insert_tuples`` stores it in ``column`` (for a value shared by many rows: converted
    once, then given in ``encoded``)."""
    return _bound(_processors(session, table)[column], value)


def raw_insert(session: Session, table: Table, rows: list[dict[str, Any]], encoded: Iterable[str] = ()) -> None:
    """Many rows with one prepared statement, values turned into what SQLAlchemy would store (its own bind
    processors): the same rows as ``insert(table)``, without compiling and processing row by row.
    ``encoded``: JSON columns whose values are given as their JSON text already."""
    cols = list(rows[0])
    get = _getter(cols)
    insert_tuples(session, table, cols, [get(r) for r in rows], encoded)


def insert_tuples(session: Session, table: Table, cols: Sequence[str], params: list[tuple[Any, ...]],
                  encoded: Iterable[str] = ()) -> None:
    """Many rows given as tuples of ``cols`` with one prepared statement, values turned into what SQLAlchemy
    would store as ``raw_insert`` does; ``encoded``: columns given as stored already (JSON as its text)."""
    procs = _processors(session, table)
    skip = set(encoded)
    convert = [(i, p) for i, c in enumerate(cols) if c not in skip and (p := procs[c]) is not None]
    if convert:
        done: list[tuple[Any, ...]] = []
        for row in params:
            values = list(row)
            for i, p in convert:
                values[i] = p(values[i])
            done.append(tuple(values))
        params = done
    sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
        table.name, ", ".join(f'"{c}"' for c in cols), ", ".join("?" for _ in cols))
    session.connection().exec_driver_sql(sql, params)


def _to_datetime(v: Any) -> Any:
    return datetime.fromisoformat(v) if isinstance(v, str) else v


def _to_date(v: Any) -> Any:
    return date.fromisoformat(v) if isinstance(v, str) else v


_CONVERTERS: dict[str, dict[str, Callable[[Any], Any] | None]] = {}


def _converters(table: Table) -> dict[str, Callable[[Any], Any] | None]:
    found = _CONVERTERS.get(table.name)
    if found is None:
        found = {}
        for col in table.c:
            if col.key == "id":
                continue
            t = col.type
            found[col.key] = (_to_datetime if isinstance(t, DateTime) else _to_date if isinstance(t, Date)
                              else bool if isinstance(t, Boolean) else None)
        _CONVERTERS[table.name] = found
    return found


def _convert(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    """Shipped JSON values as the column types want them (unknown columns and ``id`` dropped)."""
    conv = _converters(table)
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name not in conv:
            continue
        fn = conv[name]
        out[name] = value if fn is None or value is None else fn(value)
    return out


def _value_ok(col: Any, value: object) -> bool:
    if value is None:
        return bool(col.nullable)
    t = col.type
    if isinstance(t, DateTime):
        if not isinstance(value, str):
            return False
        try:
            datetime.fromisoformat(value)
        except ValueError:
            return False
        return True
    if isinstance(t, Date):
        if not isinstance(value, str) or len(value) != 10:
            return False
        try:
            date.fromisoformat(value)
        except ValueError:
            return False
        return True
    if isinstance(t, Boolean):
        return isinstance(value, bool)
    if isinstance(t, Integer | BigInteger):
        return isinstance(value, int) and not isinstance(value, bool) and -(2 ** 63) <= value < 2 ** 63
    if isinstance(t, String | Text):
        return isinstance(value, str) and len(value) <= MAX_TEXT and (value.isascii() or _encodes(value))
    return isinstance(t, JSON)


@cache
def _checkers(entity: str) -> dict[str, tuple[bool, Callable[[object], bool]]] | None:
    cls = RECORD_CLASSES.get(entity)
    if cls is None:
        return None
    table: Table = cls.__table__  # type: ignore[assignment]
    out: dict[str, tuple[bool, Callable[[object], bool]]] = {}
    for col in table.c:
        if col.key in cls.__feed_exclude__ or col.key == "id":
            continue
        t = col.type
        check: Callable[[object], bool]
        if isinstance(t, String | Text) and not isinstance(t, DateTime | Date):
            check = _is_text
        elif isinstance(t, Boolean):
            check = _is_bool
        elif isinstance(t, DateTime):
            check = _is_datetime
        elif isinstance(t, Date):
            check = _is_date
        elif isinstance(t, Integer | BigInteger):
            check = _is_int
        else:
            check = (lambda c: lambda v: _value_ok(c, v))(col)
        out[col.key] = (bool(col.nullable), check)
    return out


def _is_text(v: object) -> bool:
    return type(v) is str and len(v) <= MAX_TEXT and (v.isascii() or _encodes(v))


def _encodes(v: str) -> bool:
    """Whether the text can be stored (a lone surrogate from a JSON escape cannot be written as UTF-8)."""
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _is_datetime(v: object) -> bool:
    if type(v) is not str:
        return False
    try:
        datetime.fromisoformat(v)
    except ValueError:
        return False
    return True


def _is_date(v: object) -> bool:
    if type(v) is not str or len(v) != 10:
        return False
    try:
        date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _is_int(v: object) -> bool:
    return type(v) is int and -(2 ** 63) <= v < 2 ** 63


def _is_bool(v: object) -> bool:
    return type(v) is bool


_WRONG_TYPE = "A received change has a value of the wrong type; it was refused."


class _Shape(NamedTuple):
    """How to check the fields of writes that set these fields (in this order) of one kind of record: its text
    columns' values at once, the others one by one."""

    texts: Callable[[dict[str, Any]], tuple[Any, ...]] | None  # the text columns that must have a value
    loose: Callable[[dict[str, Any]], tuple[Any, ...]] | None  # the nullable text columns
    others: list[tuple[str, bool, Callable[[object], bool]]]


_SHAPES: dict[tuple[str, tuple[str, ...]], _Shape | None] = {}


def _shape(entity: str, names: tuple[str, ...]) -> _Shape | None:
    """None: a field is unknown (or the entity): the write goes through the field-by-field check."""
    checkers = _checkers(entity)
    if checkers is None or any(n not in checkers for n in names):
        return None
    texts = [n for n in names if checkers[n][1] is _is_text and not checkers[n][0]]
    loose = [n for n in names if checkers[n][1] is _is_text and checkers[n][0]]
    others = [(n, *checkers[n]) for n in names if checkers[n][1] is not _is_text]
    return _Shape(_getter(texts) if texts else None, _getter(loose) if loose else None, others)


_NOT_NONE = partial(is_not, None)


def check_fields(entity: str, fields: dict[str, Any]) -> str | None:
    """Why these field values cannot be applied to ``entity``, or None. Messages name fields, never values.

    Writes of one kind with the same fields (nearly all of a batch) share a ``_Shape``: their text values are
    checked together (joined: every one a ``str``, none longer than MAX_TEXT, all of it storable as UTF-8 —
    a lone surrogate stays one in the joined text), falling back to the field-by-field check otherwise."""
    names = tuple(fields)
    key = (entity, names)
    try:
        shape = _SHAPES[key]
    except KeyError:
        if len(_SHAPES) > 512:  # shapes come from received data: kept few
            _SHAPES.clear()
        shape = _SHAPES[key] = _shape(entity, names)
    if shape is None:
        return _check_each(entity, fields)
    if shape.texts is not None or shape.loose is not None:
        try:
            joined = "".join(shape.texts(fields)) if shape.texts is not None else ""
            if shape.loose is not None:
                joined += "".join(filter(_NOT_NONE, shape.loose(fields)))
        except TypeError:  # a None where a text must be, or a value that is not a text: each value checked
            return _check_each(entity, fields)
        if len(joined) > MAX_TEXT or not (joined.isascii() or _encodes(joined)):
            return _check_each(entity, fields)
    for name, nullable, check in shape.others:
        value = fields[name]
        if value is None:
            if not nullable:
                return _WRONG_TYPE
        elif not check(value):
            return _WRONG_TYPE
    return None


def _check_each(entity: str, fields: dict[str, Any]) -> str | None:
    checkers = _checkers(entity)
    if checkers is None:
        return "A received change is for a kind of record this Athena does not know; it was refused."
    for name, value in fields.items():
        found = checkers.get(name)
        if found is None:
            return "A received change sets a field this Athena does not know; it was refused."
        if value is None:
            if not found[0]:
                return "A received change has a value of the wrong type; it was refused."
        elif found[1] is _is_text:  # the common case, checked here without a call
            if type(value) is not str or len(value) > MAX_TEXT or not (value.isascii() or _encodes(value)):
                return "A received change has a value of the wrong type; it was refused."
        elif not found[1](value):
            return "A received change has a value of the wrong type; it was refused."
    return None


def load_compartments(session: Session, keys: Iterable[Key]) -> dict[Key, str]:
    """Which track each record is in on this laptop (its row, or its merge state), where known."""
    by_entity: dict[str, list[str]] = {}
    for e, i in keys:
        by_entity.setdefault(e, []).append(i)
    out: dict[Key, str] = {}
    for entity, ids in by_entity.items():
        cls = RECORD_CLASSES.get(entity)
        for part in _chunks(sorted(set(ids))):
            conn = session.connection()
            for rid, c in conn.exec_driver_sql(
                    f"SELECT entity_id, compartment FROM sync_record_state WHERE entity = ? AND entity_id IN "
                    f"({_marks(len(part))})", (entity, *part)):
                out[(entity, rid)] = c
            if cls is not None:
                table: Table = cls.__table__  # type: ignore[assignment]
                for rid, c in conn.exec_driver_sql(
                        f'SELECT id, compartment FROM "{table.name}" WHERE id IN ({_marks(len(part))})',
                        tuple(part)):
                    out[(entity, rid)] = c
    return out


def foreign_record(session: Session, key: Key, compartment: str) -> bool:
    found = load_compartments(session, [key]).get(key)
    return found is not None and found != compartment


def check_write(w: st.Write, compartment: str, state: st.State | None, known_compartment: str | None) -> str | None:
    """Why a verified remote write must not be applied, or None (docs/sync.md, "Validating writes")."""
    if w["c"] != compartment or (known_compartment is not None and known_compartment != compartment):
        return "A received change belongs to the other track; it was refused."
    fields = w.get("f", {}) if w["o"] == "u" else {}
    problem = check_fields(str(w["e"]), fields)
    if problem:
        return problem
    if "compartment" in fields and fields["compartment"] != compartment:
        return "A received change tries to move a record to the other track; it was refused."
    for name in ("client_id", "men_client_id"):
        if name in fields and fields[name] != w.get("k"):
            return "A received change tries to move a record to another person; it was refused."
    if state is not None and (state["f"] or state.get("p") is not None):
        if state.get("k") != w.get("k") and (state.get("k") or w.get("k")):
            return "A received change tries to move a record to another person; it was refused."
        for name in IDENTITY:
            if name in fields:
                top = st.winner(state, name)
                if top is not None and top[1] != fields[name]:
                    return "A received change tries to move a record to another person; it was refused."
    return None


def materialise(session: Session, states: dict[Key, st.State], problems: list[str],
                fresh: dict[Key, st.Write] | None = None, absent: set[Key] | None = None) -> set[Key]:
    """Make the diary rows of these records match their states (insert, update, delete). ``fresh``: records
    whose state is one update without bases (``state.fresh_state``): what it shows is that write's fields, by
    its author — the same as reading the state, without walking it. ``absent``: records known to have no row
    here (not looked up). Returns the records it inserted from their one write (their rows are there)."""
    fresh = fresh or {}
    absent = absent or set()
    inserted: set[Key] = set()
    by_entity: dict[str, list[str]] = {}
    for e, i in states:
        by_entity.setdefault(e, []).append(i)
    for entity, ids in by_entity.items():
        cls = RECORD_CLASSES.get(entity)
        if cls is None:
            continue  # an entity a newer Athena knows: kept in the state, shown once this one is updated
        table: Table = cls.__table__  # type: ignore[assignment]
        build = None  # made once per kind of record: its plans are shared by every chunk
        for part in _chunks(sorted(ids)):
            look = [rid for rid in part if (entity, rid) not in absent]
            current = {r.id: r._asdict() for r in session.execute(select(table).where(table.c.id.in_(look)))
                       } if look else {}
            inserts: list[dict[str, Any]] = []
            quick: dict[str, list[tuple[Any, ...]]] = {}
            for rid in part:
                s = states[(entity, rid)]
                row = current.get(rid)
                w = fresh.get((entity, rid))
                if row is None and w is not None and w["f"]:  # a new record from its one write: its row as is
                    if build is None:
                        build = _FreshRows(session, table)
                    made = build(rid, w)
                    if made is None:
                        problems.append("A received record is incomplete; it is kept and shown once the rest "
                                        "of it arrives.")
                    else:
                        quick.setdefault(made[0], []).append(made[1])
                        inserted.add((entity, rid))
                    continue
                if w is not None and w["f"]:
                    shown = w["f"]
                    want = _convert(table, shown)
                    prov: st.Version | None = [w["h"], None, w.get("a", "")]
                else:
                    s = st.expand(s)
                    if not st.alive(s):
                        if row is not None:
                            session.execute(delete(table).where(table.c.id == rid))
                        continue
                    shown = st.values(s, entity)
                    want = _convert(table, shown)
                    prov = st.provenance(s, entity, shown)
                if prov is not None:
                    want.update(updated_by=str(prov[2])[:200], device_id=st.hlc_device(prov[0])[:36],
                                updated_at=_hlc_datetime(prov[0]))
                if row is None:
                    if _complete(table, want):
                        inserts.append({**want, "id": rid})
                    else:
                        problems.append("A received record is incomplete; it is kept and shown once the rest "
                                        "of it arrives.")
                    continue
                diff = {k: v for k, v in want.items() if row.get(k) != v}
                if set(diff) - _PROVENANCE or (diff and entity not in _INSERT_ONLY):
                    _update(session, table, rid, diff, entity, problems)
            for sql, params in quick.items():
                session.connection().exec_driver_sql(sql, params)
            if inserts:
                _insert_all(session, cls, table, inserts)
    return inserted


_EPOCH = datetime(1970, 1, 1)


def _hlc_datetime(hlc: str) -> datetime:
    """An HLC's wall time (UTC ms) as the naive UTC datetime rows hold."""
    return _EPOCH + timedelta(milliseconds=int(hlc.split("-", 1)[0]))


_PROVENANCE = {"updated_by", "device_id", "updated_at"}
_INSERT_ONLY = {"risk_assessments", "safety_plan_versions"}  # SQL triggers refuse every update


class _FreshRows:
    """The parameters of a new record's row straight from its one write's shipped fields: the same values as
    ``_convert`` + provenance + ``_insert_all`` would store (the template's defaults, each column's conversion
    and bind processor), without a dict per row. Writes setting the same fields (nearly all of a batch) share
    a plan (``_FreshPlan``): their values taken in one call, converted only where a column needs it."""

    def __init__(self, session: Session, table: Table) -> None:
        self.table = table
        self.procs = _processors(session, table)
        self.conv = _converters(table)
        self.cols = [c.key for c in table.c]
        now = utcnow()
        base = {**_template(table), "created_at": now, "updated_at": now, "created_by": "", "updated_by": "",
                "device_id": ""}
        # What raw_insert stores: every value through its column's processor, None too (JSON: 'null').
        self.base = {c: _bound(self.procs[c], base[c]) for c in self.cols}
        self.at_proc = self.procs["updated_at"]
        self.required = [k for k in _required(table) if k not in _PROVENANCE]
        self.plans: dict[tuple[str, ...], _FreshPlan] = {}
        self.times: dict[str, Any] = {}  # an HLC's milliseconds -> its stored time

    def _plan(self, names: tuple[str, ...]) -> _FreshPlan:
        shipped = [n for n in names if n in self.conv and n not in _PROVENANCE]  # ``id`` is not in conv
        taken = set(shipped)
        rest = [c for c in self.cols if c not in taken and c != "id" and c not in _PROVENANCE]
        cols = [*shipped, *rest, "id", "updated_by", "device_id", "updated_at"]
        sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
            self.table.name, ", ".join(f'"{c}"' for c in cols), ", ".join("?" for _ in cols))
        convs = {j: (fn, _bound(self.procs[c], None)) for j, c in enumerate(shipped)
                 if (fn := _shipped_to_stored(self.conv[c], self.procs[c])) is not None}
        complete = all(k in taken for k in self.required)
        need = {k for k in self.required if k in taken}
        return _FreshPlan(sql, _row_builder(shipped, convs, need, tuple(self.base[c] for c in rest)), complete)

    def __call__(self, rid: str, w: st.Write) -> tuple[str, tuple[Any, ...]] | None:
        fields = w["f"]
        names = tuple(fields)
        plan = self.plans.get(names)
        if plan is None:
            if len(self.plans) > 64:  # shapes come from received data: kept few
                self.plans.clear()
            plan = self.plans[names] = self._plan(names)
        if not plan.complete:
            return None
        h = w["h"]
        ms = h[:h.find("-")]
        at = self.times.get(ms)
        if at is None:  # the writes of one batch share few milliseconds: each one's stored text made once
            if len(self.times) > 4096:
                self.times.clear()
            at = _hlc_datetime(h)
            at = self.times[ms] = at if self.at_proc is None else self.at_proc(at)
        row = plan.build(fields, (rid, str(w.get("a", ""))[:200], st.hlc_device(h)[:36], at))
        return None if row is None else (plan.sql, row)


class _FreshPlan(NamedTuple):
    sql: str  # the shipped columns, then the others (defaults), then id and the provenance
    # (fields, (id, updated_by, device_id, updated_at)) -> the row's parameters, or None: a required value is None
    build: Callable[[dict[str, Any], tuple[Any, ...]], tuple[Any, ...] | None]
    complete: bool  # every required column is shipped


def _row_builder(shipped: list[str], convs: dict[int, tuple[Callable[[Any], Any], Any]], need: set[str],
                 rest: tuple[Any, ...]) -> Callable[[dict[str, Any], tuple[Any, ...]], tuple[Any, ...] | None]:
    """One function for one shape of write: the shipped values in order (None if a required one is None),
    each converted where its column needs it (``convs``: place -> (conversion, what None becomes)), then the
    other columns' defaults (``rest``) and the given tail. Written out as code once per shape, as
    ``dataclasses`` writes its methods: a row then costs one call. The names are the table's own columns."""
    ns: dict[str, Any] = {"REST": rest}
    body = ["def build(f, tail):"]
    out: list[str] = []
    for j, name in enumerate(shipped):
        body.append(f"    v{j} = f[{name!r}]")
        if name in need:
            body.append(f"    if v{j} is None: return None")
        if j in convs:
            ns[f"c{j}"], ns[f"n{j}"] = convs[j]
            out.append(f"(n{j} if v{j} is None else c{j}(v{j}))")
        else:
            out.append(f"v{j}")
    body.append(f"    return ({''.join(o + ', ' for o in out)}) + REST + tail")
    exec("\n".join(body), ns)  # generated from the table's column names, not from received data
    built: Callable[[dict[str, Any], tuple[Any, ...]], tuple[Any, ...] | None] = ns["build"]
    return built


def _getter(names: list[str]) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """The values of these keys as a tuple (also for one key, or none)."""
    if not names:
        return lambda f: ()
    if len(names) == 1:
        return (lambda n: lambda f: (f[n],))(names[0])
    return itemgetter(*names)


def _bound(proc: Callable[[Any], Any] | None, value: Any) -> Any:
    return value if proc is None else proc(value)


def _shipped_to_stored(conv: Callable[[Any], Any] | None, proc: Callable[[Any], Any] | None
                       ) -> Callable[[Any], Any] | None:
    """What ``_compose(conv, proc)`` gives, with fewer calls for the common column types (tested equal): a
    yes/no column's two stored values made once, a date's stored text remembered per shipped text, a date and
    time converted in one function."""
    both = _compose(conv, proc)
    if both is None:
        return None
    if conv is bool:
        yes, no = both(True), both(False)
        return lambda v: yes if v is True else no if v is False else both(v)
    if conv is _to_date:
        memo: dict[Any, Any] = {}

        def day(v: Any) -> Any:
            try:
                return memo[v]
            except (KeyError, TypeError):
                out = both(v)
                if type(v) is str:
                    if len(memo) > 4096:
                        memo.clear()
                    memo[v] = out
                return out
        return day
    if conv is _to_datetime and isinstance(proc, partial) and proc.func is _datetime_text:
        slow = proc.args[0]

        def moment(v: Any) -> Any:
            if isinstance(v, str):
                v = datetime.fromisoformat(v)
            if type(v) is datetime and v.tzinfo is None:
                return v.isoformat(" ", "microseconds")
            return slow(v)
        return moment
    return both


def _compose(conv: Callable[[Any], Any] | None, proc: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    if conv is None:
        return proc
    if proc is None:
        return conv
    return lambda v: proc(conv(v))


def _complete(table: Table, row: dict[str, Any]) -> bool:
    """Whether every required column has a value (an update that arrived without its record's insert)."""
    return all(row.get(k) is not None for k in _required(table))


def _required(table: Table) -> list[str]:
    required = _REQUIRED.get(table.name)
    if required is None:
        required = _REQUIRED[table.name] = [c.key for c in table.c
                                            if not c.nullable and not c.primary_key and c.default is None]
    return required


_REQUIRED: dict[str, list[str]] = {}


def _template(table: Table) -> dict[str, Any]:
    found = _TEMPLATES.get(table.name)
    if found is None:
        found = {c.key: None for c in table.c}
        for c in table.c:
            if c.default is not None and not callable(c.default.arg):  # type: ignore[attr-defined]
                found[c.key] = c.default.arg  # type: ignore[attr-defined]
        _TEMPLATES[table.name] = found
    return found


_TEMPLATES: dict[str, dict[str, Any]] = {}


def _insert_all(session: Session, cls: type, table: Table, rows: list[dict[str, Any]]) -> None:
    now = utcnow()
    base = {**_template(table), "created_at": now, "updated_at": now, "created_by": "", "updated_by": "",
            "device_id": ""}
    raw_insert(session, table, [{**base, **r} for r in rows])


def _update(session: Session, table: Table, rid: str, diff: dict[str, Any], entity: str,
            problems: list[str]) -> None:
    stmt = update(table).where(table.c.id == rid).values(**diff)
    if entity not in GUARDED:
        session.execute(stmt)
        return
    try:
        with session.begin_nested():
            session.execute(stmt)
    except (IntegrityError, OperationalError):
        problems.append("A signed or completed record was changed on another laptop; the signed version "
                        "is kept.")


def _all_violations(session: Session) -> set[Key]:
    """Every (parent table, id) some row points to but that is not there, from SQLite's whole-file check."""
    missing: set[Key] = set()
    for table_name, rowid, parent, fkid in session.execute(text("PRAGMA foreign_key_check")).fetchall():
        fk = {r[0]: r[3] for r in session.execute(text(f'PRAGMA foreign_key_list("{table_name}")'))}
        col = fk.get(fkid)
        if col is None:
            continue
        ref = session.execute(text(f'SELECT "{col}" FROM "{table_name}" WHERE rowid = :r'),
                              {"r": rowid}).scalar()
        if ref is not None:
            missing.add((str(parent), str(ref)))
    return missing


@cache
def _foreign_keys() -> tuple[dict[str, list[tuple[str, str, str]]], dict[str, list[tuple[str, str]]]]:
    """Per table its references (column, parent table, parent column), and per parent table who points to it
    (child table, column): from the models, which the migrations follow."""
    from app.models import Base

    out: dict[str, list[tuple[str, str, str]]] = {}
    into: dict[str, list[tuple[str, str]]] = {}
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            col = fk.parent
            parent = fk.column
            out.setdefault(table.name, []).append((col.name, parent.table.name, parent.name))
            into.setdefault(parent.table.name, []).append((table.name, col.name))
    return out, into


def _violations(session: Session, touched: Iterable[Key], present: set[Key] | frozenset[Key] = frozenset()
                ) -> set[Key]:
    """What ``_all_violations`` finds, looking only where these records can have broken something: their own
    references, and rows pointing to those of them that are gone (``present``: known to have their row, not
    looked up). Cost grows with the batch, not the diary."""
    refs, into = _foreign_keys()
    by_table: dict[str, list[str]] = {}
    for e, i in touched:
        by_table.setdefault(e, []).append(i)
    missing: set[Key] = set()
    for table, ids in by_table.items():
        for part in _chunks(sorted(set(ids))):
            marks = ", ".join("?" for _ in part)
            for col, parent, pcol in refs.get(table, []):
                rows = session.connection().exec_driver_sql(
                    f'SELECT DISTINCT t."{col}" FROM "{table}" t WHERE t.id IN ({marks}) AND t."{col}" IS NOT '
                    f'NULL AND NOT EXISTS (SELECT 1 FROM "{parent}" p WHERE p."{pcol}" = t."{col}")',
                    tuple(part))
                missing.update((parent, str(r[0])) for r in rows)
            children = into.get(table, [])
            unsure = [i for i in part if (table, i) not in present] if present else part
            if children and unsure:
                umarks = ", ".join("?" for _ in unsure)
                gone = set(unsure) - {str(r[0]) for r in session.connection().exec_driver_sql(
                    f'SELECT id FROM "{table}" WHERE id IN ({umarks})', tuple(unsure))}
                if gone:
                    gmarks = ", ".join("?" for _ in gone)
                    for child, col in children:
                        rows = session.connection().exec_driver_sql(
                            f'SELECT DISTINCT "{col}" FROM "{child}" WHERE "{col}" IN ({gmarks})', tuple(gone))
                        missing.update((table, str(r[0])) for r in rows)
    return missing


def fix_references(session: Session, states: dict[Key, st.State], touched: set[Key] | None = None,
                   present: set[Key] | frozenset[Key] = frozenset()) -> set[Key]:
    """Bring back records deleted on one laptop while another laptop added something that points to them.
    ``touched``: the records this transaction changed (their references are checked, not the whole diary);
    ``present``: those of them known to have their row now (``materialise``'s inserts)."""
    revived: set[Key] = set()
    for _ in range(8):
        missing = _all_violations(session) if touched is None else _violations(session, touched, present)
        if not missing:
            return revived
        loaded = load_states(session, missing - set(states))
        progress = False
        for key in missing:
            s = states.get(key) or loaded.get(key)
            if s is not None:
                s = st.expand(s)
            if s is None or not s["f"] or s.get("p") is not None:
                continue
            forced = json.loads(json.dumps(s))
            forced["d"], forced["ds"] = [], []
            materialise(session, {key: forced}, [])
            _flag_revived(session, key, s)
            revived.add(key)
            if touched is not None:
                touched = touched | {key}
            progress = True
        if not progress:
            break
    raise SyncError("Some received records point to records this laptop does not have; the round was "
                    "undone and will be retried.")


def _flag_revived(session: Session, key: Key, s: st.State) -> None:
    versions = [{"hlc": d[0], "value": None, "author": d[1], "device": st.hlc_device(d[0]),
                 "at": st.hlc_time(d[0])} for d in s["d"]]
    session.merge(SyncConflict(entity=key[0], entity_id=key[1], field=st.DELETED,
                               compartment=_compartment_of(session, key), client_id=s.get("k"),
                               versions=versions, detected_at=utcnow()))


def _compartment_of(session: Session, key: Key) -> str:
    c = session.scalar(select(SyncRecordState.compartment).where(
        SyncRecordState.entity == key[0], SyncRecordState.entity_id == key[1]))
    return c or ""


def refresh_conflicts(session: Session, states: dict[Key, st.State], compartments: dict[Key, str],
                      new: set[Key] | None = None) -> None:
    """Rewrite the kept-versions rows of these records (``new``: records seen for the first time, which
    have none to remove)."""
    by_entity: dict[str, list[str]] = {}
    for e, i in states:
        if new is None or (e, i) not in new:
            by_entity.setdefault(e, []).append(i)
    for entity, ids in by_entity.items():
        for part in _chunks(sorted(ids)):
            session.execute(delete(SyncConflict).where(SyncConflict.entity == entity,
                                                       SyncConflict.entity_id.in_(part)))
    rows = []
    now = utcnow()
    for (e, i), s in states.items():
        if "w" in s or not st.has_conflict(s):  # a compact state is one write: no versions to choose from
            continue
        for field, versions in st.conflicts(s, e).items():
            rows.append({"entity": e, "entity_id": i, "field": field, "compartment": compartments[(e, i)],
                         "client_id": s.get("k"), "versions": versions, "detected_at": now})
    if rows:
        session.execute(insert(SyncConflict), rows)


def ingest_local(session: Session, compartment: str, after_seq: int,
                 limit: int | None = None) -> tuple[list[st.Write], int]:
    """Local change rows after ``after_seq`` of one compartment as writes, merged into the states."""
    sql = ("SELECT seq, hlc, author, entity, entity_id, compartment, client_id, op, fields FROM changes "
           "WHERE seq > ? AND origin = 'local' AND compartment = ? ORDER BY seq")
    params: tuple[Any, ...] = (after_seq, compartment)
    if limit:
        sql += " LIMIT ?"
        params += (limit,)
    loads = json.loads
    changes = [_Local(seq, hlc, author, entity, entity_id, comp, client_id, op,
                      loads(raw) if raw is not None else None, raw)
               for seq, hlc, author, entity, entity_id, comp, client_id, op, raw
               in session.connection().exec_driver_sql(sql, params)]
    if not changes:
        return [], after_seq
    keys = {(c.entity, c.entity_id) for c in changes if c.entity in RECORD_CLASSES}
    states = load_states(session, keys)
    existing = set(states)
    pending: dict[Key, dict[str, list[str]]] = {}
    for pb in session.scalars(select(SyncPendingBase)):
        pending.setdefault((pb.entity, pb.entity_id), {})[pb.field] = list(pb.bases)
    purges = {(p.entity, p.entity_id) for p in session.scalars(select(SyncPurge))}
    writes: list[st.Write] = []
    compartments: dict[Key, str] = {}
    touched_conflicts: set[Key] = set()
    held: set[Key] = set()
    consumed: set[tuple[str, str, str]] = set()
    encoded: dict[Key, str] = {}
    for c in changes:
        key = (c.entity, c.entity_id)
        if c.entity not in RECORD_CLASSES:
            continue
        compartments[key] = c.compartment
        found = states.get(key)
        if (found is None and c.op != "delete" and c.fields and type(c.fields) is dict
                and not pending.get(key)):
            # A record's first change (a first push): its state is this one write, kept compact; its JSON
            # is the change row's own text of the fields inside the compact form, not encoded again.
            w = {"h": c.hlc, "a": c.author, "e": c.entity, "i": c.entity_id, "c": c.compartment,
                 "k": c.client_id, "o": "u", "f": c.fields, "b": {}}
            states[key] = st.one_write(w)
            encoded[key] = one_write_json(c.hlc, c.author, c.raw or dumps(c.fields), c.client_id)
            writes.append(w)
            continue
        if found is not None and "w" in found:  # a second change in this batch
            found = states[key] = st.expand(found)
            encoded.pop(key, None)
        s = found if found is not None else states.setdefault(key, st.new_state(c.client_id))
        empty = not s["f"] and not s["d"]
        had = not empty and st.has_conflict(s)
        p: dict[str, list[str]] = {}
        if c.op != "delete" and key in pending:
            touched = set(c.fields) | {st.DELETED}
            p = {f: b for f, b in pending[key].items() if f in touched}
            for f in p:
                del pending[key][f]
                consumed.add((key[0], key[1], f))
        change = {"hlc": c.hlc, "author": c.author, "entity": c.entity, "entity_id": c.entity_id,
                  "compartment": c.compartment, "client_id": c.client_id, "op": c.op, "fields": c.fields}
        w = st.local_write(s, change, p, purge=c.op == "delete" and key in purges)
        writes.append(w)
        if w["h"] in s.get("pd", ()):
            held.add(key)  # this laptop's own lowering of a protected identity waits for a confirmation too
        if had or p or ((not empty or c.op == "delete") and st.has_conflict(s)):
            touched_conflicts.add(key)  # (a record's first write never has two versions)
    for e, i, f in consumed:
        session.execute(delete(SyncPendingBase).where(
            SyncPendingBase.entity == e, SyncPendingBase.entity_id == i, SyncPendingBase.field == f))
    for key in keys & purges:
        session.execute(delete(SyncPurge).where(SyncPurge.entity == key[0], SyncPurge.entity_id == key[1]))
    save_states(session, states, existing, compartments, encoded)
    if held:
        materialise(session, {k: states[k] for k in held}, [])
    if touched_conflicts:
        refresh_conflicts(session, {k: states[k] for k in touched_conflicts}, compartments)
    return writes, changes[-1].seq
