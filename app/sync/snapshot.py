"""Snapshots: a sealed copy of a team's merge state plus the watermarks it covers, and compaction.

A new or replacement laptop reads the snapshot that covers the most, then only the segments after it.
A member removes its own old segments once its own snapshot covers them and every current member's verified
acknowledgement (``SyncAck``) says it has applied them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import SyncAck, SyncMember, SyncOutbox, SyncRecordState, SyncTeam
from app.sync import apply, container, files
from app.sync import state as st
from app.sync.errors import Rejected, ShareUnavailable, TransientShareError
from app.sync.share import Share

BATCH = 2000


# The cursors are read and moved with plain SQL on the session's connection (never objects in a session): a
# round reads and moves them at every step, and an ORM query there first flushes whatever the step changed.
_CURSORS = "SELECT member_id, seq FROM sync_cursors WHERE team_id = ?"
_MOVE_CURSOR = ("INSERT INTO sync_cursors (team_id, member_id, seq) VALUES (?, ?, ?) "
                "ON CONFLICT (team_id, member_id) DO UPDATE SET seq = max(seq, excluded.seq)")


def cursors(session: Session, team_id: str) -> dict[str, int]:
    return {str(m): int(q) for m, q in session.connection().exec_driver_sql(_CURSORS, (team_id,))}


def set_cursor(session: Session, team_id: str, member: str, seq: int) -> None:
    """Move this laptop's cursor of ``member`` forward to ``seq`` (never back)."""
    session.connection().exec_driver_sql(_MOVE_CURSOR, (team_id, member, seq))


PART_STATES = 20_000  # records per snapshot part: bounded memory on both sides


def write_snapshot(session: Session, team: SyncTeam, key: bytes, now_ms: int) -> None:
    """Queue a snapshot of the team's records, streamed in parts of PART_STATES records."""
    for row in build_snapshot(session, team, key, now_ms):
        session.merge(row)
    team.segments_since_snapshot = 0


def build_snapshot(session: Session, team: SyncTeam, key: bytes, now_ms: int) -> list[SyncOutbox]:
    """The outbox rows of a snapshot of the team's records, in parts of PART_STATES records (read only: a
    round builds it in a read transaction and stores the parts in short write transactions)."""
    deps = cursors(session, team.team_id)
    deps[team.member_id] = team.last_seq
    q = (select(SyncRecordState.entity, SyncRecordState.entity_id, SyncRecordState.state)
         .where(SyncRecordState.compartment == team.compartment)
         .order_by(SyncRecordState.entity, SyncRecordState.entity_id))
    total = session.scalar(select(func.count()).select_from(SyncRecordState).where(
        SyncRecordState.compartment == team.compartment)) or 0
    parts = max(1, -(-total // PART_STATES))
    rows = session.execute(q.execution_options(yield_per=PART_STATES))
    out = []
    for part in range(1, parts + 1):
        chunk = [[e, i, st_] for e, i, st_ in rows.fetchmany(PART_STATES)]
        header = {"team": team.team_id, "member": team.member_id, "seq": team.last_seq, "epoch": team.epoch,
                  "deps": deps, "created": now_ms, "compartment": team.compartment, "part": part,
                  "parts": parts}
        out.append(SyncOutbox(team_id=team.team_id, name=files.snap_name(team.last_seq, part, parts),
                              data=container.encode("snapshot", header, {ROWS: chunk}, key,
                                                    team.signing_key),
                              changes=0, sent=False))
    return out


# The payload key of a snapshot's states. ``"rows"``: states in either form (full or compact, state.py);
# ``"states"`` (what earlier protocol-2 code wrote): full states only. A reader that knows only ``"states"``
# refuses a ``"rows"`` snapshot as damaged (and reads the segments) rather than taking a compact state for
# an empty one.
ROWS = "rows"
OLD_ROWS = "states"


def payload_states(payload: object) -> object:
    """The states list of a snapshot payload (either key), unchecked."""
    if not isinstance(payload, dict):
        return None
    return payload.get(ROWS, payload.get(OLD_ROWS))


def open_snapshot(data: bytes, team_id: str, member: str, seq: int, keys: dict[int, bytes],
                  verify_key: bytes | None, part: int = 1, parts: int = 1,
                  not_after_ms: int | None = None) -> tuple[dict[str, int], list[list[Any]]]:
    """A verified snapshot part. ``not_after_ms``: a state stamped later than this is refused (a wrong
    clock on the laptop that wrote it), the same bound segments have."""
    sealed = files.open_container(data, "snapshot", team_id, member, seq, "seq", keys, verify_key)
    if sealed.header.get("part", 1) != part or sealed.header.get("parts", 1) != parts:
        raise Rejected("A file on the share was renamed or replayed under another number.")
    deps = sealed.header.get("deps")
    states = payload_states(sealed.payload)
    if (not isinstance(deps, dict) or not all(isinstance(v, int) for v in deps.values())
            or not isinstance(states, list)):
        raise Rejected("A file on the share has damaged content.")
    newest = ""
    check = st.checked_newest
    for item in states:
        if type(item) is not list or len(item) != 3 or type(item[0]) is not str or type(item[1]) is not str:
            raise Rejected("A file on the share has damaged content.")
        found = check(item[2])
        if found is None:
            raise Rejected("A file on the share has damaged content.")
        if found > newest:
            newest = found
    if not_after_ms is not None and newest and int(newest[:13]) > not_after_ms:
        raise Rejected("A snapshot on the share is stamped in the future (a wrong clock on the laptop that "
                       "wrote it); it was not used.")
    return {str(k): int(v) for k, v in deps.items()}, states


def _deps(header: dict[str, Any], parts: int) -> dict[str, int]:
    deps = header.get("deps")
    if (header.get("part", 1) != 1 or header.get("parts", 1) != parts or not isinstance(deps, dict)
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in deps.values())):
        raise Rejected("A file on the share has damaged content.")
    return {str(k): int(v) for k, v in deps.items()}


@dataclass(frozen=True)
class SnapshotRef:
    member: str
    seq: int
    names: list[str]
    deps: dict[str, int]


def latest_snapshots(share: Share, team_id: str, me: str, listings: dict[str, list[str]],
                     keys: dict[int, bytes], verify_keys: dict[str, bytes], not_after_ms: int,
                     problems: list[str]) -> list[SnapshotRef]:
    """Each other member's newest complete snapshot whose first part verifies, best coverage first."""
    found: list[tuple[int, SnapshotRef]] = []
    for member, listing in sorted(listings.items()):
        if member == me or member not in verify_keys:
            continue
        for seq, names in sorted(files.snapshots(listing).items(), reverse=True)[:3]:
            try:
                data = share.read(f"{team_id}/{files.member_folder(member)}/{names[0]}")
                header = files.verified_header(data, "snapshot", team_id, member, seq, "seq", keys,
                                               verify_keys[member])
                deps = _deps(header, len(names))
                created = container.header_int(header, "created")
                if created > not_after_ms:
                    raise Rejected("A snapshot on the share is stamped in the future (a wrong clock on the "
                                   "laptop that wrote it); it was not used.")
            except (Rejected, ShareUnavailable, TransientShareError) as exc:
                problems.append(exc.message_en)
                continue
            found.append((sum(v for k, v in deps.items() if k != me), SnapshotRef(member, seq, names, deps)))
            break
    return [ref for _, ref in sorted(found, key=lambda t: (-t[0], t[1].member))]


def load_snapshot(session: Session, share: Share, team: SyncTeam, ref: SnapshotRef, keys: dict[int, bytes],
                  verify_key: bytes, not_after_ms: int, problems: list[str]) -> int:
    """Join a snapshot into the diary, part by part; returns how many records it touched. Raises Rejected
    (and the caller's transaction is undone) when a part cannot be read."""
    touched = 0
    for number, name in enumerate(ref.names, start=1):
        data = share.read(f"{team.team_id}/{files.member_folder(ref.member)}/{name}")
        _, states = open_snapshot(data, team.team_id, ref.member, ref.seq, keys, verify_key, number,
                                  len(ref.names), not_after_ms)
        for i in range(0, len(states), BATCH):
            touched += _join(session, team, states[i:i + BATCH], problems)
    for member, seq in ref.deps.items():
        if member != team.member_id:
            set_cursor(session, team.team_id, member, seq)
    return touched


def _join(session: Session, team: SyncTeam, part: list[list[Any]], problems: list[str]) -> int:
    keys = [(str(e), str(rid)) for e, rid, _ in part]
    local, known = apply.load_known(session, keys)
    absent = set(keys) - set(known)  # neither a row nor a state here: nothing to look up before inserting
    existing = set(local)
    changed: dict[apply.Key, st.State] = {}
    comps: dict[apply.Key, str] = {}
    fresh: dict[apply.Key, st.Write] = {}
    for (e, rid, s) in part:
        key = (str(e), str(rid))
        if known.get(key, team.compartment) != team.compartment:
            problems.append("A received change to a record of another track was refused.")
            continue
        if key not in local:  # the common case (a new laptop): the snapshot's state is this laptop's state
            w = s.get("w")
            if w is not None:  # one write's state (compact, already canonical): its row is that write's fields
                changed[key] = local[key] = {"w": [w[0], w[1]], "v": s["v"], "k": s.get("k")}
                fresh[key] = {"h": w[0], "a": w[1], "f": s["v"]}
            else:
                changed[key] = local[key] = st.copy_state(s)
            comps[key] = team.compartment
            continue
        mine = local[key]
        if st.merge_states(mine, st.expand(s)):
            changed[key] = mine
            comps[key] = team.compartment
    apply.materialise(session, changed, problems, fresh, absent)
    apply.refresh_conflicts(session, changed, comps, set(changed) - existing)
    apply.save_states(session, changed, existing, comps)
    return len(changed)


def compactable(session: Session, team: SyncTeam, listings: dict[str, list[str]], covered: int) -> list[int]:
    """This laptop's own segments that its own uploaded snapshot (at ``covered``) covers and that every
    current member's verified acknowledgement has passed. The newest segment always stays."""
    mine = files.numbered(listings.get(team.member_id, []), files.SEG_RE)
    if not mine or covered <= 0:
        return []
    limit = min(covered, team.last_seq - 1)
    acks = {a.member_id: a for a in session.scalars(select(SyncAck).where(SyncAck.team_id == team.team_id))}
    for m in session.scalars(select(SyncMember).where(SyncMember.team_id == team.team_id,
                                                      SyncMember.removed.is_(False))):
        if m.member_id == team.member_id:
            continue
        ack = acks.get(m.member_id)
        v = ack.deps.get(team.member_id, 0) if ack is not None and isinstance(ack.deps, dict) else 0
        limit = min(limit, v if isinstance(v, int) else 0)
    return [n for n in sorted(mine) if n <= limit]
