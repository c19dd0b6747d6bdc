"""Received values as the diary's columns store them: JSON text, each column's conversion and bind processor,
and rows inserted many at a time with one prepared statement (the same stored text as an ORM insert, tested).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta
from functools import partial
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Table
from sqlalchemy.orm import Session

from app.sync import derived

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


@functools.lru_cache(maxsize=256)
def _names_json(shape: tuple[str, ...]) -> str:
    return dumps(sorted(shape))


def field_names_json(fields: dict[str, Any] | None) -> str:
    """The JSON list of ``fields``' names, sorted: what a received change's row keeps (``[]`` for none). Writes
    of one shape share their text."""
    return _names_json(tuple(fields)) if fields else "[]"


def one_write_json(hlc: str, author: str, fields_json: str, client_id: str | None) -> str:
    """The JSON text ``dumps(state.one_write(w))`` gives, from the write's fields already encoded (texts
    escaped by the encoder's own function)."""
    if type(hlc) is not str or type(author) is not str or (client_id is not None and type(client_id) is not str):
        return f'{{"w":{dumps([hlc, author])},"v":{fields_json},"k":{dumps(client_id)}}}'
    k = "null" if client_id is None else _text_json(client_id)
    return f'{{"w":[{_text_json(hlc)},{_text_json(author)}],"v":{fields_json},"k":{k}}}'


def processors(session: Session, table: Table) -> dict[str, Callable[[Any], Any] | None]:
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
    return bound(processors(session, table)[column], value)


def raw_insert(session: Session, table: Table, rows: list[dict[str, Any]], encoded: Iterable[str] = ()) -> None:
    """Many rows with one prepared statement, values turned into what SQLAlchemy would store (its own bind
    processors): the same rows as ``insert(table)``, without compiling and processing row by row.
    ``encoded``: JSON columns whose values are given as their JSON text already."""
    cols = list(rows[0])
    get = getter(cols)
    insert_tuples(session, table, cols, [get(r) for r in rows], encoded)


def insert_tuples(session: Session, table: Table, cols: Sequence[str], params: list[tuple[Any, ...]],
                  encoded: Iterable[str] = ()) -> None:
    """Many rows given as tuples of ``cols`` with one prepared statement, values turned into what SQLAlchemy
    would store as ``raw_insert`` does; ``encoded``: columns given as stored already (JSON as its text)."""
    procs = processors(session, table)
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
    derived.insert_rows(session, table.name, sql, params)


def _to_datetime(v: Any) -> Any:
    return datetime.fromisoformat(v) if isinstance(v, str) else v


def _to_date(v: Any) -> Any:
    return date.fromisoformat(v) if isinstance(v, str) else v


_CONVERTERS: dict[str, dict[str, Callable[[Any], Any] | None]] = {}


def converters(table: Table) -> dict[str, Callable[[Any], Any] | None]:
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


def convert(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    """Shipped JSON values as the column types want them (unknown columns and ``id`` dropped)."""
    conv = converters(table)
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name not in conv:
            continue
        fn = conv[name]
        out[name] = value if fn is None or value is None else fn(value)
    return out


_EPOCH = datetime(1970, 1, 1)


def hlc_datetime(hlc: str) -> datetime:
    """An HLC's wall time (UTC ms) as the naive UTC datetime rows hold."""
    return _EPOCH + timedelta(milliseconds=int(hlc.split("-", 1)[0]))


PROVENANCE = {"updated_by", "device_id", "updated_at"}


def getter(names: list[str]) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """The values of these keys as a tuple (also for one key, or none)."""
    if not names:
        return lambda f: ()
    if len(names) == 1:
        return (lambda n: lambda f: (f[n],))(names[0])
    return itemgetter(*names)


def bound(proc: Callable[[Any], Any] | None, value: Any) -> Any:
    return value if proc is None else proc(value)


def shipped_to_stored(conv: Callable[[Any], Any] | None, proc: Callable[[Any], Any] | None
                       ) -> Callable[[Any], Any] | None:
    """What ``compose(conv, proc)`` gives, with fewer calls for the common column types (tested equal): a
    yes/no column's two stored values made once, a date's stored text remembered per shipped text, a date and
    time converted in one function."""
    both = compose(conv, proc)
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


def compose(conv: Callable[[Any], Any] | None, proc: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    if conv is None:
        return proc
    if proc is None:
        return conv
    return lambda v: proc(conv(v))


def complete(table: Table, row: dict[str, Any]) -> bool:
    """Whether every required column has a value (an update that arrived without its record's insert)."""
    return all(row.get(k) is not None for k in required(table))


def required(table: Table) -> list[str]:
    required = _REQUIRED.get(table.name)
    if required is None:
        required = _REQUIRED[table.name] = [c.key for c in table.c
                                            if not c.nullable and not c.primary_key and c.default is None]
    return required


_REQUIRED: dict[str, list[str]] = {}


def template(table: Table) -> dict[str, Any]:
    found = _TEMPLATES.get(table.name)
    if found is None:
        found = {c.key: None for c in table.c}
        for c in table.c:
            if c.default is not None and not callable(c.default.arg):  # type: ignore[attr-defined]
                found[c.key] = c.default.arg  # type: ignore[attr-defined]
        _TEMPLATES[table.name] = found
    return found


_TEMPLATES: dict[str, dict[str, Any]] = {}
