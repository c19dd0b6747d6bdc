"""Appending to the access log's hash chain, and verifying every chain this diary holds.

Each device keeps one chain per compartment. A row's hash covers its own fields and the hash before it, so
editing a row, removing one from the middle or re-ordering them breaks the chain; the chain's head
(``AuditHead``: length and last hash) travels with the rows, so removing rows from the end shows too — on this
laptop, and on every other laptop of the team once the rows and the head have been synced there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import AuditHead, AuditRecord, new_id
from app.models.base import utcnow
from app.storage.auditchain import GENESIS, head_id, row_hash
from app.storage.changefeed import Identity
from app.storage.vault import Store

try:
    _SWEDEN: ZoneInfo | None = ZoneInfo("Europe/Stockholm")
except ZoneInfoNotFoundError:  # no time-zone database: fall back to standard time
    _SWEDEN = None


def local_time(at_utc: datetime) -> datetime:
    """Naive wall time in Sweden for a naive UTC time."""
    if _SWEDEN is None:
        return at_utc + timedelta(hours=1)
    from datetime import UTC

    return at_utc.replace(tzinfo=UTC).astimezone(_SWEDEN).replace(tzinfo=None)


def append(session: Session, *, origin_device: str, actor: str, compartment: str, action: str,
           client_id: str | None = None, entity: str = "", entity_id: str = "", detail: str = "",
           at: datetime | None = None) -> AuditRecord:
    """Add one row to this device's chain in ``compartment`` inside the caller's write transaction."""
    hid = head_id(origin_device, compartment)
    head = session.get(AuditHead, hid)
    if head is not None:
        n, prev = head.count + 1, head.head
    else:
        last = session.execute(
            select(AuditRecord.n, AuditRecord.hash)
            .where(AuditRecord.origin_device == origin_device, AuditRecord.compartment == compartment)
            .order_by(AuditRecord.n.desc()).limit(1)).first()
        n, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    now = at or utcnow()
    local = local_time(now)
    rid = new_id()
    digest = row_hash(prev, record_id=rid, n=n, at=now, local_at=local, actor=actor,
                      origin_device=origin_device, action=action, compartment=compartment, client_id=client_id,
                      entity=entity, entity_id=entity_id, detail=detail)
    row = AuditRecord(id=rid, compartment=compartment, at=now, local_at=local, actor=actor,
                      origin_device=origin_device, action=action, client_id=client_id, entity=entity,
                      entity_id=entity_id, detail=detail, n=n, prev_hash=prev, hash=digest)
    session.add(row)
    if head is None:
        session.add(AuditHead(id=hid, compartment=compartment, origin_device=origin_device, count=n,
                              head=digest, sealed_at=now))
    else:
        head.count, head.head, head.sealed_at = n, digest, now
    return row


@dataclass(frozen=True)
class ChainProblem:
    """One break in one device's chain. ``message`` is an English key for ``app.i18n.tr``."""

    message: str
    device: str  # first 8 characters of the device id
    actor: str  # who wrote on that device (the last name seen in its rows)
    compartment: str
    n: int

    def params(self) -> dict[str, object]:
        return {"device": self.device, "actor": self.actor, "track": self.compartment, "n": self.n}


EDITED = "Access log of {actor} (device {device}, {track}): entry {n} was changed after it was written."
MISSING = "Access log of {actor} (device {device}, {track}): entry {n} is missing."
BROKEN = "Access log of {actor} (device {device}, {track}): entry {n} does not follow the entry before it."
TWICE = "Access log of {actor} (device {device}, {track}): entry {n} exists twice with different content."
TAIL = "Access log of {actor} (device {device}, {track}): the entries after {n} are missing."
HEAD = "Access log of {actor} (device {device}, {track}): the chain head does not match entry {n}."
NO_HEAD = "Access log of {actor} (device {device}, {track}): the chain head is missing (last entry {n})."
NO_ROWS = "Access log of {actor} (device {device}, {track}): all {n} entries are missing."


def _verify_one(rows: list[tuple[object, ...]], head: AuditHead | None, device: str, compartment: str,
                out: list[ChainProblem]) -> None:
    actor = str(rows[-1][5]) if rows else (head.created_by if head else "")

    def problem(msg: str, n: int) -> None:
        out.append(ChainProblem(msg, device[:8], actor, compartment, n))

    expected_n, prev = 1, GENESIS
    seen: dict[int, str] = {}
    for r in rows:
        rid, n, at, local_at, _act, act_actor, action, client_id, entity, entity_id, detail, prev_hash, digest = r
        assert isinstance(n, int)
        if n in seen:
            problem(TWICE, n)
            continue
        seen[n] = str(digest)
        if n > expected_n:
            problem(MISSING, expected_n)  # the first of the gap
        elif n == expected_n and prev_hash != prev:
            problem(BROKEN, n)
        calc = row_hash(str(prev_hash), record_id=str(rid), n=n, at=at, local_at=local_at,  # type: ignore[arg-type]
                        actor=str(act_actor), origin_device=device, action=str(action), compartment=compartment,
                        client_id=client_id, entity=str(entity), entity_id=str(entity_id),  # type: ignore[arg-type]
                        detail=str(detail))
        if calc != digest:
            problem(EDITED, n)
        expected_n, prev = n + 1, str(digest)
    last_n = expected_n - 1
    if head is None:
        if rows:
            problem(NO_HEAD, last_n)
        return
    if not rows:
        problem(NO_ROWS, head.count)
    elif head.count > last_n:
        problem(TAIL, last_n)
    elif head.count < last_n or seen.get(head.count) != head.head:
        problem(HEAD, head.count)


def verify(session: Session) -> list[ChainProblem]:
    """Every break in every chain this diary holds (its own and those synced from the team's laptops)."""
    problems: list[ChainProblem] = []
    heads = {(h.origin_device, h.compartment): h for h in session.scalars(select(AuditHead))}
    chains = session.execute(select(AuditRecord.origin_device, AuditRecord.compartment, func.count())
                             .group_by(AuditRecord.origin_device, AuditRecord.compartment)).all()
    keys = {(str(d), str(c)) for d, c, _ in chains} | set(heads)
    for device, compartment in sorted(keys):
        rows: list[tuple[object, ...]] = [tuple(r) for r in session.execute(
            select(AuditRecord.id, AuditRecord.n, AuditRecord.at, AuditRecord.local_at, AuditRecord.action,
                   AuditRecord.actor, AuditRecord.action, AuditRecord.client_id, AuditRecord.entity,
                   AuditRecord.entity_id, AuditRecord.detail, AuditRecord.prev_hash, AuditRecord.hash)
            .where(AuditRecord.origin_device == device, AuditRecord.compartment == compartment)
            .order_by(AuditRecord.n, AuditRecord.id))]
        _verify_one(rows, heads.get((device, compartment)), device, compartment, problems)
        _check_head_ids(heads.get((device, compartment)), device, compartment, problems)
    return problems


def _check_head_ids(head: AuditHead | None, device: str, compartment: str, out: list[ChainProblem]) -> None:
    if head is not None and head.id != head_id(device, compartment):
        out.append(ChainProblem(HEAD, device[:8], head.created_by, compartment, head.count))


def check_store(store: Store) -> list[str]:
    """``athena integrity``'s part: every break in every access-log chain, as messages to show."""
    with store.read(Identity("", store.device_id)) as s:
        return describe(verify(s))


def describe(problems: Iterable[ChainProblem]) -> list[str]:
    from app.i18n import tr

    return [tr(p.message).format(**p.params()) for p in problems]
