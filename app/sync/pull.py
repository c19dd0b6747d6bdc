"""Reading other members' folders: which segments are new, verified, and ready to apply in causal order."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.sync import files
from app.sync.errors import Rejected, ShareUnavailable, TransientShareError
from app.sync.log import PROBLEM, WARNING, LogLine
from app.sync.share import Share


@dataclass
class Segment:
    member: str
    seq: int
    deps: dict[str, int]
    writes: list[dict[str, Any]]
    size: int


@dataclass
class Scan:
    ready: list[Segment] = field(default_factory=list)
    held: int = 0
    waiting_devices: int = 0
    log: list[LogLine] = field(default_factory=list)


def read_new_segments(share: Share, team_id: str, me: str, listings: dict[str, list[str]],
                      cursors: dict[str, int], keys: dict[int, bytes], now_ms: int, max_future_ms: int,
                      limit: int) -> Scan:
    """Verified segments after each member's cursor, stopping at a gap, a rejection or a future stamp."""
    scan = Scan()
    found: dict[str, list[Segment]] = {}
    budget = limit
    for member, names in sorted(listings.items()):
        if member == me:
            continue
        segs = files.numbered(names, files.SEG_RE)
        seq = cursors.get(member, 0) + 1
        got: list[Segment] = []
        while seq in segs and budget > 0:
            name = segs[seq]
            path = f"{team_id}/{files.member_folder(member)}/{name}"
            try:
                data = share._retry(lambda p=path: share.read(p))  # type: ignore[misc]
                header, writes = files.open_segment(data, team_id, member, seq, keys)
            except Rejected as exc:
                scan.log.append(LogLine(PROBLEM, "File {file} of member {member} was not applied: {reason}",
                                        {"file": name, "member": member, "reason": exc.message_en},
                                        team_id))
                break
            except (ShareUnavailable, TransientShareError) as exc:
                scan.log.append(LogLine(WARNING, "File {file} of member {member} could not be read now: "
                                        "{reason}", {"file": name, "member": member,
                                                     "reason": exc.message_en}, team_id))
                break
            newest = max((int(w["h"][:13]) for w in writes), default=0)
            if newest > now_ms + max_future_ms:
                scan.held += len(writes)
                scan.log.append(LogLine(WARNING, "Changes from member {member} are stamped {hours} hours in "
                                        "the future (a wrong clock?); they are held back until this "
                                        "laptop's clock reaches them.",
                                        {"member": member, "hours": (newest - now_ms) // 3_600_000}, team_id))
                break
            deps = {str(k): int(v) for k, v in header.get("deps", {}).items()}
            got.append(Segment(member, seq, deps, writes, len(data)))
            budget -= 1
            seq += 1
        later = [n for n in segs if n > seq]
        if seq not in segs and later and budget > 0:
            scan.waiting_devices += 1
            scan.log.append(LogLine(WARNING, "Waiting for file number {seq} of member {member} before its "
                                    "later files ({count}) can be applied.",
                                    {"seq": seq, "member": member, "count": len(later)}, team_id))
        found[member] = got
    scan.ready = _causal_order(found, cursors, me)
    return scan


def _causal_order(found: dict[str, list[Segment]], cursors: dict[str, int], me: str) -> list[Segment]:
    """Segments whose dependencies (what their writer had applied) are met, taking them member by member."""
    applied = dict(cursors)
    pos = {m: 0 for m in found}
    ready: list[Segment] = []
    progress = True
    while progress:
        progress = False
        for m, segs in sorted(found.items()):
            while pos[m] < len(segs):
                seg = segs[pos[m]]
                if all(dm in (me, m) or applied.get(dm, 0) >= n for dm, n in seg.deps.items()):
                    ready.append(seg)
                    applied[m] = seg.seq
                    pos[m] += 1
                    progress = True
                else:
                    break
    return ready
