"""Turning merge states into diary rows.

Materialising is the only place the sync writes records: plain SQL on the session's connection with the
change feed switched off (``REMOTE``), inside the round's current transaction (``batches``). How a received
value is checked is ``checks``; how it is stored, ``values``; a new record's row from its one write, ``fresh``;
local change rows into writes, ``ingest``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from sqlalchemy import Table, delete, insert, select, text, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from app.models import RECORD_CLASSES, SyncConflict, SyncRecordState
from app.models.base import utcnow
from app.sync import derived
from app.sync import state as st
from app.sync.errors import SyncError
from app.sync.fresh import FreshRows
from app.sync.values import PROVENANCE, complete, convert, dumps, hlc_datetime, raw_insert, template

CHUNK = 400
# Tables whose rows SQL triggers protect against updates (signed or completed documentation).
GUARDED = {"diary_entries", "risk_assessments", "safety_plan_versions"}

Key = tuple[str, str]


def _chunks(items: Sequence[str], size: int = CHUNK) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


LOOKUP_CHUNK = 2000  # ids per lookup of a batch's records (one statement each; SQLite allows 32,766)


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def load_states(session: Session, keys: Iterable[Key]) -> dict[Key, st.State]:
    """The stored merge states of these records (full form: a compact one is expanded)."""
    return load_known(session, keys, rows=False)[0]


def load_known(session: Session, keys: Iterable[Key], rows: bool = True) -> tuple[dict[Key, st.State],
                                                                              dict[Key, str]]:
    """The stored merge states of these records (full form) and which track each is in here (``rows``: its
    row's, else its state's), reading each state once."""
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
        for part in _chunks(sorted(set(ids)), LOOKUP_CHUNK):
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
    by_entity: dict[str, list[str]] = {}
    for e, i in states:
        by_entity.setdefault(e, []).append(i)
    # In key order (entity, then id: the primary key's), so each B-tree page is visited once; the ids of
    # each entity sorted as texts, which is much cheaper than sorting the (entity, id) pairs.
    ordered = [(e, i) for e in sorted(by_entity) for i in sorted(by_entity[e])]
    new_rows = [(*key, compartments[key], made.get(key) or dumps(small(states[key])))
                for key in ordered if key not in existing]
    if new_rows:
        session.connection().exec_driver_sql(
            "INSERT INTO sync_record_state (entity, entity_id, compartment, state) VALUES (?, ?, ?, ?)", new_rows)
    dump = dumps
    changed = [(dump(small(states[key])), *key) for key in ordered if key in existing] if existing else []
    if changed:
        session.connection().exec_driver_sql(
            "UPDATE sync_record_state SET state = ? WHERE entity = ? AND entity_id = ?", changed)


def materialise(session: Session, states: dict[Key, st.State], problems: list[str],
                fresh: dict[Key, st.Write] | None = None, absent: set[Key] | None = None) -> set[Key]:
    """Make the diary rows of these records match their states (insert, update, delete). ``fresh``: records
    whose state is one update without bases (``state.fresh_state``): what it shows is that write's fields, by
    its author — the same as reading the state, without walking it. ``absent``: records known to have no row
    here (not looked up). Returns the records it inserted from their one write (their rows are there). Many new
    diary entries get their derived rows set-based at the end (``derived``)."""
    with derived.window(session):
        return _materialise(session, states, problems, fresh, absent)


def _materialise(session: Session, states: dict[Key, st.State], problems: list[str],
                 fresh: dict[Key, st.Write] | None, absent: set[Key] | None) -> set[Key]:
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
        build = FreshRows.of(session, table) if fresh else None  # its plans are shared by every chunk
        for part in _chunks(sorted(ids)):
            inserts: list[dict[str, Any]] = []
            quick: dict[str, list[tuple[Any, ...]]] = {}
            rest: Sequence[str] = part
            if build is not None:  # new records with no row here (not looked up): rows from their one write
                rest = []
                new: list[tuple[str, st.Write]] = []
                for rid in part:
                    key = (entity, rid)
                    w = fresh.get(key)
                    if w is None or not w["f"] or key not in absent:
                        rest.append(rid)
                    else:
                        new.append((rid, w))
                made = 0
                for sql, rows, places in build.many(new):
                    quick.setdefault(sql, []).extend(rows)
                    inserted.update((entity, new[n][0]) for n in places)
                    made += len(places)
                problems.extend([_INCOMPLETE] * (len(new) - made))
            look = [rid for rid in rest if (entity, rid) not in absent]
            current = {r.id: r._asdict() for r in session.execute(select(table).where(table.c.id.in_(look)))
                       } if look else {}
            for rid in rest:
                s = states[(entity, rid)]
                row = current.get(rid)
                w = fresh.get((entity, rid))
                if row is None and w is not None and w["f"] and build is not None:  # its row as its write is
                    _from_write(build, (entity, rid), w, quick, inserted, problems)
                    continue
                if w is not None and w["f"]:
                    shown = w["f"]
                    want = convert(table, shown)
                    prov: st.Version | None = [w["h"], None, w.get("a", "")]
                else:
                    s = st.expand(s)
                    if not st.alive(s):
                        if row is not None:
                            session.execute(delete(table).where(table.c.id == rid))
                        continue
                    shown = st.values(s, entity)
                    want = convert(table, shown)
                    prov = st.provenance(s, entity, shown)
                if prov is not None:
                    want.update(updated_by=str(prov[2])[:200], device_id=st.hlc_device(prov[0])[:36],
                                updated_at=hlc_datetime(prov[0]))
                if row is None:
                    if complete(table, want):
                        inserts.append({**want, "id": rid})
                    else:
                        problems.append(_INCOMPLETE)
                    continue
                diff = {k: v for k, v in want.items() if row.get(k) != v}
                if set(diff) - PROVENANCE or (diff and entity not in _INSERT_ONLY):
                    _update(session, table, rid, diff, entity, problems)
            for sql, params in quick.items():
                derived.insert_rows(session, table.name, sql, params)
            if inserts:
                _insert_all(session, cls, table, inserts)
    return inserted


_INSERT_ONLY = {"risk_assessments", "safety_plan_versions"}  # SQL triggers refuse every update


_INCOMPLETE = "A received record is incomplete; it is kept and shown once the rest of it arrives."


def _from_write(build: FreshRows, key: Key, w: st.Write, quick: dict[str, list[tuple[Any, ...]]],
                inserted: set[Key], problems: list[str]) -> None:
    """A new record's row from its one write, into ``quick`` (by insert statement), or a problem noted."""
    made = build(key[1], w)
    if made is None:
        problems.append(_INCOMPLETE)
    else:
        quick.setdefault(made[0], []).append(made[1])
        inserted.add(key)

def _insert_all(session: Session, cls: type, table: Table, rows: list[dict[str, Any]]) -> None:
    now = utcnow()
    base = {**template(table), "created_at": now, "updated_at": now, "created_by": "", "updated_by": "",
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
