"""The audit trail: every change (from the change feed) and every read or print, per client and period."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from app.models import AuditEvent, Change
from app.models.base import utcnow
from app.printing.output import PrintResult
from app.services.context import Diary


def log(diary: Diary, action: str, *, client_id: str | None = None, compartment: str = "",
        entity: str = "", entity_id: str = "", detail: str = "") -> None:
    """Record an action that changes no record (open, print, export, reveal). ``detail`` never holds content."""
    with diary.write() as s:
        s.add(AuditEvent(at=utcnow(), actor=diary.worker.name, device_id=diary.store.device_id, action=action,
                         compartment=compartment, client_id=client_id, entity=entity, entity_id=entity_id,
                         detail=detail))


def log_print(diary: Diary, result: PrintResult, *, target: str = "file") -> None:
    """One audit event per print or save: what, which version and how — never the content."""
    log(diary, "print", client_id=result.client_id, compartment=result.compartment, entity=result.entity,
        entity_id=result.entity_id, detail=f"{result.detail}, {target}")


@dataclass(frozen=True)
class TrailEntry:
    at: str
    actor: str
    device_id: str
    action: str  # insert / update / delete / open / print / export / reveal ...
    entity: str
    entity_id: str
    client_id: str | None
    fields: list[str]  # names of the changed fields, never their values
    detail: str


def trail(diary: Diary, *, client_id: str | None = None, start: date | None = None,
          end: date | None = None, limit: int = 10_000) -> list[TrailEntry]:
    """Who did what, when: newest first. Field names only — the trail is for log follow-up, not content."""
    lo = datetime.combine(start, time.min) if start else None
    hi = datetime.combine(end + timedelta(days=1), time.min) if end else None
    with diary.read() as s:
        cq = select(Change).where(Change.compartment.in_(diary.tracks))
        aq = select(AuditEvent).where(AuditEvent.compartment.in_([*diary.tracks, ""]))
        if client_id:
            cq = cq.where(Change.client_id == client_id)
            aq = aq.where(AuditEvent.client_id == client_id)
        if lo:
            cq = cq.where(Change.at >= lo)
            aq = aq.where(AuditEvent.at >= lo)
        if hi:
            cq = cq.where(Change.at < hi)
            aq = aq.where(AuditEvent.at < hi)
        changes = s.scalars(cq.order_by(Change.at.desc()).limit(limit)).all()
        events = s.scalars(aq.order_by(AuditEvent.at.desc()).limit(limit)).all()
        out = [TrailEntry(at=c.at.isoformat(timespec="seconds"), actor=c.author, device_id=c.device_id,
                          action=c.op, entity=c.entity, entity_id=c.entity_id, client_id=c.client_id,
                          fields=sorted(c.fields), detail="") for c in changes]
        out += [TrailEntry(at=e.at.isoformat(timespec="seconds"), actor=e.actor, device_id=e.device_id,
                           action=e.action, entity=e.entity, entity_id=e.entity_id, client_id=e.client_id,
                           fields=[], detail=e.detail) for e in events]
    out.sort(key=lambda t: t.at, reverse=True)
    return out[:limit]


def export_trail(entries: list[TrailEntry], fmt: str = "json") -> str:
    if fmt == "json":
        return json.dumps([asdict(e) for e in entries], ensure_ascii=False, indent=1)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["at", "actor", "device_id", "action", "entity", "entity_id", "client_id", "fields", "detail"])
    for e in entries:
        w.writerow([e.at, e.actor, e.device_id, e.action, e.entity, e.entity_id, e.client_id or "",
                    " ".join(e.fields), e.detail])
    return buf.getvalue()
