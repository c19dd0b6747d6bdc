"""The audit trail: every change (from the change feed) and every read, search, print or export.

``log`` appends to this device's access-log chain (``chain.py``); ``trail``/``iter_trail`` merge the change
feed and the access log per client and period, newest first, in pages (no cap); ``followup`` is the team
lead's log follow-up view.
"""

from __future__ import annotations

import csv
import heapq
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, select, tuple_

from app.models import AuditEvent, AuditRecord, Change
from app.printing.output import PrintResult
from app.services.audit import chain
from app.services.context import Diary

# Entities of the access log itself: their change rows are bookkeeping, not something a worker did.
LOG_ENTITIES = ("audit_log", "audit_heads")
PAGE = 2000


def log(diary: Diary, action: str, *, client_id: str | None = None, compartment: str = "",
        entity: str = "", entity_id: str = "", detail: str = "") -> None:
    """Record an action that changes no record (open, search, list, print, export, reveal).

    ``detail`` never holds content (no search text, no names): what was done, which version, how many.
    An action that belongs to no record's track is logged in the worker's first track.
    """
    comp = compartment or (diary.tracks[0] if diary.tracks else "women")
    with diary.write() as s:
        chain.append(s, origin_device=diary.store.device_id, actor=diary.worker.name, compartment=comp,
                     action=action, client_id=client_id, entity=entity, entity_id=entity_id, detail=detail)


def log_print(diary: Diary, result: PrintResult, *, target: str = "file") -> None:
    """One audit event per print or save: what, which version and how — never the content."""
    log(diary, "print", client_id=result.client_id, compartment=result.compartment, entity=result.entity,
        entity_id=result.entity_id, detail=f"{result.detail}, {target}")


def log_list(diary: Diary, action: str, what: str, client_ids: Iterable[str], *, compartment: str = "") -> None:
    """Log a search or a name list: which list, how many records and which (ids only, never the search text)."""
    ids = list(dict.fromkeys(client_ids))
    log(diary, action, compartment=compartment, entity=what, detail=f"{len(ids)}:" + ",".join(ids))


@dataclass(frozen=True)
class TrailEntry:
    at: str
    actor: str
    device_id: str
    action: str  # insert / update / delete / open / search / list / print / export / reveal ...
    entity: str
    entity_id: str
    client_id: str | None
    fields: list[str]  # an update's changed fields, by name, never their values (none for an insert)
    detail: str


def _bounds(start: date | None, end: date | None) -> tuple[datetime | None, datetime | None]:
    lo = datetime.combine(start, time.min) if start else None
    hi = datetime.combine(end + timedelta(days=1), time.min) if end else None
    return lo, hi


def _pages(diary: Diary, base: Select[Any], at_col: Any, key_col: Any,
           make: Any) -> Iterator[tuple[datetime, str, TrailEntry]]:
    """Keyset pages of one source, newest first: (at, tie-break key, entry)."""
    cursor: tuple[datetime, Any] | None = None
    while True:
        q = base
        if cursor is not None:
            q = q.where(tuple_(at_col, key_col) < cursor)
        with diary.read() as s:
            rows = s.scalars(q.order_by(at_col.desc(), key_col.desc()).limit(PAGE)).all()
        for r in rows:
            yield make(r)
        if len(rows) < PAGE:
            return
        last = rows[-1]
        cursor = (getattr(last, at_col.key), getattr(last, key_col.key))


def iter_trail(diary: Diary, *, client_id: str | None = None, start: date | None = None,
               end: date | None = None) -> Iterator[TrailEntry]:
    """Who did what, when: newest first, every row (read in pages). Field names only, never values."""
    lo, hi = _bounds(start, end)
    cq = select(Change).where(Change.compartment.in_(diary.tracks), Change.entity.not_in(LOG_ENTITIES))
    aq = select(AuditRecord).where(AuditRecord.compartment.in_(diary.tracks))
    eq = select(AuditEvent).where(AuditEvent.compartment.in_([*diary.tracks, ""]))
    for col_c, col_a, col_e in ((Change.client_id, AuditRecord.client_id, AuditEvent.client_id),):
        if client_id:
            cq, aq, eq = cq.where(col_c == client_id), aq.where(col_a == client_id), eq.where(col_e == client_id)
    if lo:
        cq, aq, eq = cq.where(Change.at >= lo), aq.where(AuditRecord.at >= lo), eq.where(AuditEvent.at >= lo)
    if hi:
        cq, aq, eq = cq.where(Change.at < hi), aq.where(AuditRecord.at < hi), eq.where(AuditEvent.at < hi)

    def from_change(c: Change) -> tuple[datetime, str, TrailEntry]:
        return c.at, f"c{c.seq:012d}", TrailEntry(
            at=c.at.isoformat(timespec="seconds"), actor=c.author, device_id=c.device_id, action=c.op,
            entity=c.entity, entity_id=c.entity_id, client_id=c.client_id,
            fields=sorted(c.fields) if c.op == "update" else [], detail="")  # an insert sets them all

    def from_record(a: AuditRecord) -> tuple[datetime, str, TrailEntry]:
        return a.at, f"a{a.id}", TrailEntry(
            at=a.at.isoformat(timespec="seconds"), actor=a.actor, device_id=a.origin_device, action=a.action,
            entity=a.entity, entity_id=a.entity_id, client_id=a.client_id, fields=[], detail=a.detail)

    def from_event(e: AuditEvent) -> tuple[datetime, str, TrailEntry]:
        return e.at, f"e{e.seq:012d}", TrailEntry(
            at=e.at.isoformat(timespec="seconds"), actor=e.actor, device_id=e.device_id, action=e.action,
            entity=e.entity, entity_id=e.entity_id, client_id=e.client_id, fields=[], detail=e.detail)

    sources = [_pages(diary, cq, Change.at, Change.seq, from_change),
               _pages(diary, aq, AuditRecord.at, AuditRecord.id, from_record),
               _pages(diary, eq, AuditEvent.at, AuditEvent.seq, from_event)]
    for _at, _key, entry in heapq.merge(*sources, key=lambda t: (t[0], t[1]), reverse=True):
        yield entry


def trail(diary: Diary, *, client_id: str | None = None, start: date | None = None,
          end: date | None = None, limit: int | None = None) -> list[TrailEntry]:
    """The newest ``limit`` entries of ``iter_trail`` (all of them when ``limit`` is None)."""
    out: list[TrailEntry] = []
    for e in iter_trail(diary, client_id=client_id, start=start, end=end):
        if limit is not None and len(out) >= limit:
            break
        out.append(e)
    return out


CSV_HEADER = ["at", "actor", "device_id", "action", "entity", "entity_id", "client_id", "fields", "detail"]


def trail_chunks(entries: Iterable[TrailEntry], fmt: str = "csv", per_chunk: int = 500) -> Iterator[str]:
    """The entries as CSV or a JSON list (one entry per line), a piece at a time, for a file written as it
    goes (``write_private`` takes the pieces) or standard output."""
    if fmt == "json":
        yield "["
        for i, e in enumerate(entries):
            yield ("\n" if i == 0 else ",\n") + json.dumps(asdict(e), ensure_ascii=False)
        yield "\n]\n"
        return
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_HEADER)
    for i, e in enumerate(entries, start=1):
        w.writerow([e.at, e.actor, e.device_id, e.action, e.entity, e.entity_id, e.client_id or "",
                    " ".join(e.fields), e.detail])
        if i % per_chunk == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def write_trail(entries: Iterable[TrailEntry], out: io.TextIOBase | Any, fmt: str = "csv") -> None:
    """Stream entries to an open text stream (standard output)."""
    for chunk in trail_chunks(entries, fmt):
        out.write(chunk)


def export_trail(entries: list[TrailEntry], fmt: str = "json") -> str:
    if fmt == "json":
        return json.dumps([asdict(e) for e in entries], ensure_ascii=False, indent=1)
    buf = io.StringIO()
    write_trail(entries, buf, "csv")
    return buf.getvalue()
