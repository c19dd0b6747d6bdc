"""Applying a round in short transactions, so that the diary stays usable while a big round runs.

A round applies the team's segments (in the causal order ``pull`` found) in batches of at most
``SyncConfig.transaction_writes`` writes, each batch in its own write transaction together with the cursors
it completes: another write waits at most one batch, and readers never wait (WAL). A segment bigger than a
batch is applied in parts; how far its applied part goes is kept in the same transaction (``Progress``, a
``settings`` row), so a round stopped or killed between two parts goes on where it stopped: nothing applied is
lost, and no write is applied (or entered in the change feed) twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app.models import Setting
from app.sync.errors import SyncError
from app.sync.pull import Scan, Segment


class RoundStopped(SyncError):
    """The round was asked to stop (the diary is locking): what was applied so far is kept."""


STOPPED = "The round was stopped before it ended (the diary was locked); it goes on at the next round."


@dataclass
class Batch:
    """Part of a scan for one transaction: segments (or a slice of one), and the segments it completes."""

    ready: list[Segment] = field(default_factory=list)  # what to apply (slices of the scan's segments)
    done: list[Segment] = field(default_factory=list)  # scan segments whose last write is in this batch
    partial: tuple[str, int, int, str] | None = None  # (member, seq, writes applied, last hlc) left open

    @property
    def writes(self) -> int:
        return sum(len(s.writes) for s in self.ready)


def _key(team_id: str) -> str:
    return f"sync.partial.{team_id}"[:80]


def load_progress(session: Session, team_id: str) -> tuple[str, int, int, str] | None:
    """The segment a stopped round had applied in part: (member, seq, writes applied, hlc of the last)."""
    row = session.get(Setting, _key(team_id))
    if row is None:
        return None
    try:
        m, seq, n, last = json.loads(row.value)
        return str(m), int(seq), int(n), str(last)
    except (ValueError, TypeError):
        return None


def save_progress(session: Session, team_id: str, partial: tuple[str, int, int, str] | None) -> None:
    row = session.get(Setting, _key(team_id))
    if partial is None:
        if row is not None:
            session.delete(row)
        return
    value = json.dumps(list(partial))
    if row is None:
        session.add(Setting(key=_key(team_id), value=value))
    else:
        row.value = value


def skip_applied(seg: Segment, progress: tuple[str, int, int, str] | None) -> Segment:
    """The part of ``seg`` a stopped round had not applied yet (all of it unless ``progress`` names it and its
    last applied write is the one found at that place)."""
    if progress is None or (seg.member, seg.seq) != progress[:2]:
        return seg
    n = progress[2]
    if 0 < n <= len(seg.writes) and str(seg.writes[n - 1].get("h")) == progress[3]:
        return Segment(seg.member, seg.seq, seg.deps, seg.writes[n:], seg.size, seg.void)
    return seg


def split(scan: Scan, limit: int, progress: tuple[str, int, int, str] | None = None) -> list[Batch]:
    """The scan's ready segments as batches of at most ``limit`` writes (whole segments where they fit)."""
    limit = max(1, limit)
    out: list[Batch] = []
    cur = Batch()
    for seg in scan.ready:
        rest = skip_applied(seg, progress)
        offset = len(seg.writes) - len(rest.writes)
        writes = rest.writes
        if not writes:  # nothing left in it (or an empty segment): it only completes
            cur.done.append(seg)
            continue
        start = 0
        while start < len(writes):
            room = limit - cur.writes
            if room <= 0:
                out.append(cur)
                cur = Batch()
                room = limit
            part = writes[start:start + room]
            cur.ready.append(Segment(seg.member, seg.seq, seg.deps, part, seg.size, seg.void))
            start += len(part)
            if start == len(writes):
                cur.done.append(seg)
                cur.partial = None
            else:
                cur.partial = (seg.member, seg.seq, offset + start, str(part[-1].get("h")))
    if cur.ready or cur.done:
        out.append(cur)
    return out
