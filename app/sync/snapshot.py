"""Snapshots: a sealed copy of a team's merge state plus the watermarks it covers, and compaction.

A new or replacement laptop reads the snapshot that covers the most, then only the segments after it.
A member removes its own old segments once a snapshot covers them and every active member has passed them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import SyncCursor, SyncMember, SyncOutbox, SyncRecordState, SyncTeam
from app.sync import apply, container, files
from app.sync import state as st
from app.sync.errors import Rejected, ShareUnavailable, TransientShareError
from app.sync.share import Share

BATCH = 2000


def cursors(session: Session, team_id: str) -> dict[str, int]:
    rows = session.scalars(select(SyncCursor).where(SyncCursor.team_id == team_id))
    return {c.member_id: c.seq for c in rows}


def set_cursor(session: Session, team_id: str, member: str, seq: int) -> None:
    c = session.get(SyncCursor, (team_id, member))
    if c is None:
        session.add(SyncCursor(team_id=team_id, member_id=member, seq=seq))
    elif seq > c.seq:
        c.seq = seq


PART_STATES = 20_000  # records per snapshot part: bounded memory on both sides


def write_snapshot(session: Session, team: SyncTeam, key: bytes, now_ms: int) -> None:
    """Queue a snapshot of the team's records, streamed in parts of PART_STATES records."""
    deps = cursors(session, team.team_id)
    deps[team.member_id] = team.last_seq
    q = (select(SyncRecordState.entity, SyncRecordState.entity_id, SyncRecordState.state)
         .where(SyncRecordState.compartment == team.compartment)
         .order_by(SyncRecordState.entity, SyncRecordState.entity_id))
    total = session.scalar(select(func.count()).select_from(SyncRecordState).where(
        SyncRecordState.compartment == team.compartment)) or 0
    parts = max(1, -(-total // PART_STATES))
    rows = session.execute(q.execution_options(yield_per=PART_STATES))
    for part in range(1, parts + 1):
        chunk = [[e, i, st_] for e, i, st_ in rows.fetchmany(PART_STATES)]
        header = {"team": team.team_id, "member": team.member_id, "seq": team.last_seq, "epoch": team.epoch,
                  "deps": deps, "created": now_ms, "compartment": team.compartment, "part": part,
                  "parts": parts}
        session.merge(SyncOutbox(team_id=team.team_id, name=files.snap_name(team.last_seq, part, parts),
                                 data=container.encode("snapshot", header, {"states": chunk}, key), changes=0))
    team.segments_since_snapshot = 0


def open_snapshot(data: bytes, team_id: str, member: str, seq: int, keys: dict[int, bytes],
                  part: int = 1, parts: int = 1) -> tuple[dict[str, int], list[list[Any]]]:
    sealed = files.open_container(data, "snapshot", team_id, member, seq, "seq", keys)
    if sealed.header.get("part", 1) != part or sealed.header.get("parts", 1) != parts:
        raise Rejected("A file on the share was renamed or replayed under another number.")
    deps = sealed.header.get("deps")
    states = sealed.payload.get("states") if isinstance(sealed.payload, dict) else None
    if (not isinstance(deps, dict) or not all(isinstance(v, int) for v in deps.values())
            or not isinstance(states, list)):
        raise Rejected("A file on the share has damaged content.")
    for item in states:
        if (not isinstance(item, list) or len(item) != 3 or not isinstance(item[0], str)
                or not isinstance(item[1], str) or not isinstance(item[2], dict)
                or not isinstance(item[2].get("f", {}), dict)):
            raise Rejected("A file on the share has damaged content.")
    return {str(k): int(v) for k, v in deps.items()}, states


@dataclass(frozen=True)
class SnapshotRef:
    member: str
    seq: int
    names: list[str]
    deps: dict[str, int]


def best_snapshot(share: Share, team_id: str, me: str, listings: dict[str, list[str]],
                  keys: dict[int, bytes]) -> SnapshotRef | None:
    """The complete, readable snapshot covering the most segments, if any (its first part is checked)."""
    candidates = [(seq, member, names) for member, listing in listings.items()
                  for seq, names in files.snapshots(listing).items()]
    best: tuple[int, SnapshotRef] | None = None
    for seq, member, names in sorted(candidates, reverse=True)[:8]:
        try:
            data = share.read(f"{team_id}/{files.member_folder(member)}/{names[0]}")
            deps, _ = open_snapshot(data, team_id, member, seq, keys, 1, len(names))
        except (Rejected, ShareUnavailable, TransientShareError):
            continue
        total = sum(v for k, v in deps.items() if k != me)
        if best is None or total > best[0]:
            best = (total, SnapshotRef(member, seq, names, deps))
    return None if best is None else best[1]


def load_snapshot(session: Session, share: Share, team: SyncTeam, ref: SnapshotRef, keys: dict[int, bytes],
                  problems: list[str]) -> int:
    """Join a snapshot into the diary, part by part; returns how many records it touched. Raises Rejected
    (and the caller's transaction is undone) when a part cannot be read."""
    touched = 0
    for number, name in enumerate(ref.names, start=1):
        data = share.read(f"{team.team_id}/{files.member_folder(ref.member)}/{name}")
        _, states = open_snapshot(data, team.team_id, ref.member, ref.seq, keys, number, len(ref.names))
        for i in range(0, len(states), BATCH):
            touched += _join(session, team, states[i:i + BATCH], problems)
    for member, seq in ref.deps.items():
        if member != team.member_id:
            set_cursor(session, team.team_id, member, seq)
    return touched


def _join(session: Session, team: SyncTeam, part: list[list[Any]], problems: list[str]) -> int:
    keys = [(str(e), str(rid)) for e, rid, _ in part]
    local = apply.load_states(session, keys)
    existing = set(local)
    changed: dict[apply.Key, st.State] = {}
    comps: dict[apply.Key, str] = {}
    for (e, rid, s) in part:
        key = (str(e), str(rid))
        mine = local.setdefault(key, st.new_state(s.get("k")))
        if st.merge_states(mine, s) or key not in existing:
            changed[key] = mine
            comps[key] = team.compartment
    apply.materialise(session, changed, problems)
    apply.refresh_conflicts(session, changed, comps)
    apply.save_states(session, changed, existing, comps)
    return len(changed)


def compactable(share: Share, session: Session, team: SyncTeam, listings: dict[str, list[str]],
                uploaded_last: int) -> list[int]:
    """This laptop's own segments that a snapshot covers and every active member has passed."""
    mine = files.numbered(listings.get(team.member_id, []), files.SEG_RE)
    snaps = [s for m, names in listings.items() for s in _snap_cover(share, team, m, names)]
    if not mine or not snaps:
        return []
    limit = min(max(snaps), uploaded_last - 1)
    active = [m.member_id for m in session.scalars(select(SyncMember).where(
        SyncMember.team_id == team.team_id, SyncMember.removed.is_(False)))
        if m.member_id != team.member_id]
    for m in active:
        limit = min(limit, _progress(share, team, m, listings.get(m, [])))
    return [n for n in sorted(mine) if n <= limit]


def _snap_cover(share: Share, team: SyncTeam, member: str, names: list[str]) -> list[int]:
    snaps = files.snapshots(names)
    if not snaps:
        return []
    try:
        data = share.read(f"{team.team_id}/{files.member_folder(member)}/{snaps[max(snaps)][0]}")
        deps = container.read_header(data)[1].get("deps", {})
    except (Rejected, ShareUnavailable, TransientShareError):
        return []
    v = deps.get(team.member_id) if isinstance(deps, dict) else None
    return [v] if isinstance(v, int) else []


def _progress(share: Share, team: SyncTeam, member: str, names: list[str]) -> int:
    """How far ``member`` had applied this laptop's segments, from its newest segment or snapshot header."""
    best = 0
    newest_seg = files.numbered(names, files.SEG_RE)
    newest_snap = files.snapshots(names)
    for name in ([newest_seg[max(newest_seg)]] if newest_seg else []) + (
            [newest_snap[max(newest_snap)][0]] if newest_snap else []):
        try:
            data = share.read(f"{team.team_id}/{files.member_folder(member)}/{name}")
            deps = container.read_header(data)[1].get("deps", {})
        except (Rejected, ShareUnavailable, TransientShareError):
            continue
        v = deps.get(team.member_id) if isinstance(deps, dict) else None
        if isinstance(v, int):
            best = max(best, v)
    return best
