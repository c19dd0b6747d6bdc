"""A laptop clock that is (or was) far ahead: refuse to stamp while it is, and a way back once it is right.

While this laptop's clock is more than the bound ahead of the file server's, a round ships nothing (its
changes stay in the diary). Once the clock is right again but the diary's hybrid logical clock still carries
the future time:

1. un-sent local changes stamped in the future get new stamps (their change rows are re-stamped in place);
2. every field version this laptop wrote with a future stamp and already sent is written again with a right
   stamp that supersedes it (and everything it superseded), so real later edits win everywhere;
3. own segments still kept (not yet acknowledged by everyone) that hold future stamps are declared *void* in
   the next segment's header: readers holding them back pass over them, and their other writes are sent
   again unchanged in that next segment;
4. the diary's clock is set back to the newest stamp that is not in the future.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, update

from app.models import Change, SyncMember, SyncOutbox, SyncRecordState, SyncTeam
from app.storage import hlc
from app.storage.changefeed import Clock, DiarySession
from app.sync import files
from app.sync import state as st
from app.sync.errors import Rejected

HOUR_MS = 3_600_000


def hours_ahead(now_ms: int, reference_ms: int | None, bound_ms: int) -> int:
    """How many hours this laptop's clock is ahead of the file server's, when that is beyond the bound."""
    if reference_ms is None or now_ms - reference_ms <= bound_ms:
        return 0
    return max(1, (now_ms - reference_ms) // HOUR_MS)


@dataclass
class Fixed:
    restamped: int = 0
    resent: int = 0
    writes: list[st.Write] = field(default_factory=list)
    void: set[int] = field(default_factory=set)


def _wall(stamp: str) -> int:
    return int(stamp[:13])


def recover(s: DiarySession, team: SyncTeam, now_ms: int, bound_ms: int, keys: dict[int, bytes]) -> Fixed:
    clock = Clock(s)
    limit = now_ms + bound_ms
    out = Fixed()
    if clock.last is None or clock.last.wall_ms <= limit:
        return out
    device = clock.device
    ceiling = f"{limit + 1:013d}"
    newest_ok = s.scalar(select(func.max(Change.hlc)).where(Change.hlc < ceiling))
    clock.last = hlc.Timestamp.parse(newest_ok) if newest_ok else None
    # 1. Un-sent local changes.
    for c in s.scalars(select(Change).where(Change.seq > team.change_seq, Change.origin == "local",
                                            Change.hlc >= ceiling).order_by(Change.seq)):
        s.execute(update(Change).where(Change.seq == c.seq).values(hlc=str(clock.next())))
        out.restamped += 1
    # 2. Sent future versions, from the merge state.
    rows = s.execute(select(SyncRecordState).where(SyncRecordState.compartment == team.compartment))
    for (row,) in rows:
        state: dict[str, Any] = st.expand(row.state)
        fields: dict[str, object] = {}
        bases: dict[str, list[str]] = {}
        author = ""
        for name, f in state.get("f", {}).items():
            for h in f.get("h", []):
                if st.hlc_device(h[0]) == device and _wall(h[0]) > limit:
                    fields[name] = h[1]
                    bases[name] = sorted(set(f.get("s", [])) | {h[0]})
                    author = h[2]
        if not fields:
            continue
        w: st.Write = {"h": str(clock.next()), "a": author, "e": row.entity, "i": row.entity_id,
                       "c": team.compartment, "k": state.get("k"), "o": "u", "f": fields, "b": bases}
        new_state = dict(state)
        st.apply_write(new_state, w)
        s.execute(update(SyncRecordState).where(SyncRecordState.entity == row.entity,
                                                SyncRecordState.entity_id == row.entity_id)
                  .values(state=new_state))
        out.writes.append(w)
        out.resent += len(fields)
    # 3. Kept segments holding future stamps: void, their other writes sent again.
    me = s.get(SyncMember, (team.team_id, team.member_id))
    for r in s.scalars(select(SyncOutbox).where(SyncOutbox.team_id == team.team_id,
                                                SyncOutbox.sent.is_(True))):
        m = files.SEG_RE.match(r.name)
        if m is None or me is None:
            continue
        try:
            _, writes = files.open_segment(r.data, team.team_id, team.member_id, int(m.group(1)), keys,
                                           me.verify_key)
        except Rejected:
            continue
        if any(_wall(str(w["h"])) > limit for w in writes):
            out.void.add(int(m.group(1)))
            out.writes.extend(w for w in writes if _wall(str(w["h"])) <= limit)
    clock.save()
    return out
