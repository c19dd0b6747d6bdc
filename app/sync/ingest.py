"""This laptop's own change rows into writes for its next segment, merged into their records' states."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import RECORD_CLASSES, SyncPendingBase, SyncPurge
from app.sync import state as st
from app.sync.apply import Key, load_states, materialise, refresh_conflicts, save_states
from app.sync.values import dumps, one_write_json


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


def ingest_local(session: Session, compartment: str, after_seq: int,
                 limit: int | None = None) -> tuple[list[st.Write], int]:
    """Local change rows after ``after_seq`` of one compartment as writes, merged into the states. Returns them
    and the change sequence number read up to: when every such row is read (fewer than ``limit``), that is the
    newest change row of the diary, so the next round does not read again the rows received from the team (or
    of the other track) after this laptop's last change. Called inside a write transaction: no row is added
    meanwhile, and a new row always gets a higher number than every row before it, also after the newest
    rows were deleted by a purge (``AUTOINCREMENT``, migration 1700)."""
    sql = ("SELECT seq, hlc, author, entity, entity_id, compartment, client_id, op, fields FROM changes "
           "WHERE seq > ? AND origin = 'local' AND compartment = ? ORDER BY seq")
    params: tuple[Any, ...] = (after_seq, compartment)
    if limit:
        sql += " LIMIT ?"
        params += (limit,)
    loads = json.loads
    conn = session.connection()
    changes = [_Local(seq, hlc, author, entity, entity_id, comp, client_id, op,
                      loads(raw) if raw is not None else None, raw)
               for seq, hlc, author, entity, entity_id, comp, client_id, op, raw
               in conn.exec_driver_sql(sql, params)]
    newest = 0
    if not limit or len(changes) < limit:
        newest = int(conn.exec_driver_sql("SELECT max(seq) FROM changes").scalar() or 0)
    if not changes:
        return [], max(after_seq, newest)
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
    return writes, max(changes[-1].seq, newest)
