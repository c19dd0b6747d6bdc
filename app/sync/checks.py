"""Validating received writes before they are applied (docs/sync.md, "Validating writes"): every value against
its column's type, and what a write may never change (identity, track, person). Messages name fields, never
values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import cache, partial
from itertools import chain
from operator import is_not
from typing import Any, NamedTuple

from sqlalchemy import JSON, BigInteger, Boolean, Date, DateTime, Integer, String, Table, Text

from app.models import RECORD_CLASSES
from app.sync import state as st
from app.sync.values import getter

# Columns that say which record, person and track a row is: never changed through sync.
IDENTITY = ("id", "compartment", "client_id", "men_client_id")


MAX_TEXT = 1_000_000


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
    return _Shape(getter(texts) if texts else None, getter(loose) if loose else None, others)


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


def fields_checked(writes: Iterable[st.Write], at_least: int = 16) -> set[int]:
    """The writes (by ``id``) whose fields ``check_fields`` passes, checked column by column for each kind of
    record and shape with at least ``at_least`` writes (a round's new records share a few): every text column's
    values joined at once, every other column's values in one pass. A shape with any value that fails is left
    out (its writes are checked one by one, for their own reasons)."""
    shapes: dict[tuple[str, tuple[str, ...]], list[st.Write]] = {}
    for w in writes:
        f = w.get("f")
        if w.get("o") == "u" and type(f) is dict:
            shapes.setdefault((str(w["e"]), tuple(f)), []).append(w)
    ok: set[int] = set()
    for (entity, names), ws in shapes.items():
        if len(ws) >= at_least and _column_check(entity, names, [w["f"] for w in ws]):
            ok.update(map(id, ws))
    return ok


def _column_check(entity: str, names: tuple[str, ...], fields: list[dict[str, Any]]) -> bool:
    shape = _SHAPES.get((entity, names)) or _shape(entity, names)
    if shape is None:
        return False
    for take, nullable in ((shape.texts, False), (shape.loose, True)):
        if take is None:
            continue
        values = list(chain.from_iterable(map(take, fields)))
        if nullable:
            values = [v for v in values if v is not None]
        try:
            joined = "".join(values)  # (a None or another type: TypeError)
        except TypeError:
            return False
        if not (joined.isascii() or _encodes(joined)) or (values and max(map(len, values)) > MAX_TEXT):
            return False
    for name, nullable, check in shape.others:
        values = [f[name] for f in fields]
        if None in values:
            if not nullable:
                return False
            values = [v for v in values if v is not None]
        kinds = set(map(type, values))
        if check is _is_bool:
            if not kinds <= {bool}:
                return False
        elif check is _is_datetime:
            if not kinds <= {str}:
                return False
            try:
                for _ in map(datetime.fromisoformat, values):
                    pass
            except ValueError:
                return False
        elif not all(map(check, values)):
            return False
    return True


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


def check_write(w: st.Write, compartment: str, state: st.State | None, known_compartment: str | None,
                fields_ok: bool = False) -> str | None:
    """Why a verified remote write must not be applied, or None (docs/sync.md, "Validating writes").
    ``fields_ok``: its fields are known to pass ``check_fields`` (``fields_checked``)."""
    if w["c"] != compartment or (known_compartment is not None and known_compartment != compartment):
        return "A received change belongs to the other track; it was refused."
    fields = w.get("f", {}) if w["o"] == "u" else {}
    problem = None if fields_ok else check_fields(str(w["e"]), fields)
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
