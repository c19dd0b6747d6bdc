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
    void: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Sender:
    """What a reader knows about another member: its keys and, once removed, where its files stop."""

    label: str
    verify_key: bytes
    device: str
    removed: bool
    last_seq: int | None


@dataclass
class Scan:
    ready: list[Segment] = field(default_factory=list)
    held: int = 0
    waiting_devices: int = 0
    log: list[LogLine] = field(default_factory=list)
    bad: dict[str, int] = field(default_factory=dict)  # member -> the file number this laptop cannot apply
    skipped: dict[str, set[int]] = field(default_factory=dict)  # member -> numbers passed over as void


def _name(sender: Sender | None, member: str) -> str:
    return f"{sender.label} ({member})" if sender is not None and sender.label else member


def read_new_segments(share: Share, team_id: str, me: str, listings: dict[str, list[str]],
                      cursors: dict[str, int], keys: dict[int, bytes], senders: dict[str, Sender], now_ms: int,
                      max_future_ms: int, limit: int) -> Scan:
    """Verified segments after each member's cursor, stopping at a gap, a rejection or a future stamp."""
    scan = Scan()
    found: dict[str, list[Segment]] = {}
    budget = limit
    for member, names in sorted(listings.items()):
        if member == me:
            continue
        sender = senders.get(member)
        who = _name(sender, member)
        segs = files.numbered(names, files.SEG_RE)
        seq = cursors.get(member, 0) + 1
        got: list[Segment] = []
        void: set[int] = set()
        stop = max(segs, default=0)
        if sender is not None and sender.removed and sender.last_seq is not None:
            if any(n > sender.last_seq for n in segs):
                scan.log.append(LogLine(WARNING, "Files that {member} wrote after it was removed from the team "
                                        "were refused.", {"member": who}, team_id))
            stop = min(stop, sender.last_seq)
        elif sender is not None and sender.removed:
            stop = min(stop, cursors.get(member, 0))
        while seq in segs and seq <= stop and budget > 0:
            if seq in void:
                scan.skipped.setdefault(member, set()).add(seq)
                seq += 1
                continue
            name = segs[seq]
            path = f"{team_id}/{files.member_folder(member)}/{name}"
            try:
                data = share._retry(lambda p=path: share.read(p))  # type: ignore[misc]
                header, writes = files.open_segment(data, team_id, member, seq, keys,
                                                    sender.verify_key if sender is not None else None)
            except Rejected as exc:
                scan.bad[member] = seq
                scan.log.append(LogLine(PROBLEM, "File {file} of {member} was not applied: {reason}",
                                        {**exc.params, "file": name, "member": who, "reason": exc.message_en},
                                        team_id))
                break
            except (ShareUnavailable, TransientShareError) as exc:
                scan.log.append(LogLine(WARNING, "File {file} of {member} could not be read now: "
                                        "{reason}", {"file": name, "member": who,
                                                     "reason": exc.message_en}, team_id))
                break
            newest = max((int(w["h"][:13]) for w in writes), default=0)
            if newest > now_ms + max_future_ms:
                later = _void_after(share, team_id, member, seq, segs, stop, keys, sender) if sender else set()
                if seq in later:
                    void |= later
                    scan.skipped.setdefault(member, set()).add(seq)
                    seq += 1
                    continue
                scan.held += len(writes)
                scan.log.append(LogLine(WARNING, "Changes from {member} are stamped {hours} hours in the future "
                                        "(a wrong clock?); they are held back until that laptop's clock is "
                                        "fixed or this laptop's clock reaches them.",
                                        {"member": who, "hours": (newest - now_ms) // 3_600_000}, team_id))
                break
            deps = {str(k): int(v) for k, v in header.get("deps", {}).items()}
            got.append(Segment(member, seq, deps, writes, len(data), list(header.get("void", []))))
            void |= set(header.get("void", []))
            budget -= 1
            seq += 1
        later_names = [n for n in segs if seq < n <= stop]
        if seq not in segs and later_names and budget > 0:
            scan.waiting_devices += 1
            scan.bad.setdefault(member, seq)
            scan.log.append(LogLine(WARNING, "Waiting for file {file} of {member} before its later files "
                                    "({count}) can be applied.",
                                    {"file": files.seg_name(seq), "member": who, "count": len(later_names)},
                                    team_id))
        found[member] = got
    scan.ready = _causal_order(found, cursors, me)
    return scan


def new_cursors(scan: Scan, cursors: dict[str, int]) -> dict[str, int]:
    """Each member's cursor after applying ``scan.ready``, passing over void segments only in order."""
    out: dict[str, int] = {}
    applied: dict[str, set[int]] = {}
    for seg in scan.ready:
        applied.setdefault(seg.member, set()).add(seg.seq)
    for m in set(applied) | set(scan.skipped):
        c = cursors.get(m, 0)
        while c + 1 in applied.get(m, set()) or c + 1 in scan.skipped.get(m, set()):
            c += 1
        if c > cursors.get(m, 0):
            out[m] = c
    return out


def _void_after(share: Share, team_id: str, member: str, seq: int, segs: dict[int, str], stop: int,
                keys: dict[int, bytes], sender: Sender | None) -> set[int]:
    """Segments a later segment of ``member`` declares void (re-sent after its clock was fixed)."""
    out: set[int] = set()
    for n in sorted((n for n in segs if seq < n <= stop), reverse=True)[:16]:
        try:
            data = share.read(f"{team_id}/{files.member_folder(member)}/{segs[n]}")
            header, _ = files.open_segment(data, team_id, member, n, keys,
                                           sender.verify_key if sender is not None else None)
        except (Rejected, ShareUnavailable, TransientShareError):
            continue
        out |= set(header.get("void", []))
    return out


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


def who(senders: dict[str, Sender], member: str) -> str:
    """A member as messages name it: its label and id."""
    sender = senders.get(member)
    return f"{sender.label} ({member})" if sender is not None and sender.label else member
