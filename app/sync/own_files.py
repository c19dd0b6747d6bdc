"""This laptop's own folder on the share, kept whole by every round (docs/sync.md, "Self-repair"): its files
taken back after the diary was restored from an older backup, foreign, damaged or misplaced files there moved
aside under a quarantine name, the outbox uploaded (and kept until every current member has acknowledged it),
and what all have acknowledged pruned and compacted.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import delete, select, update

from app.models import SyncAck, SyncCursor, SyncMember, SyncOutbox, SyncTeam
from app.storage.changefeed import REMOTE, DiarySession, Identity
from app.storage.vault import Store
from app.sync import files, merge, pull, snapshot
from app.sync.config import SyncSummary
from app.sync.errors import AlreadyExists, Rejected, ShareUnavailable, TransientShareError
from app.sync.log import INFO, WARNING, LogLine
from app.sync.share import Share, is_temp

_ORDER = {"k": 0, "c": 1, "s": 2, "p": 3, "a": 4}  # upload order, by the first letter of a file's name


def quarantine_name(name: str) -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    return f"{files.QUARANTINE_PREFIX}{stamp}-{secrets.token_hex(3)}-{name}"[:200]


def take_back_own(store: Store, share: Share, identity: Identity, team_id: str, listing: list[str],
                   keys: dict[int, bytes], senders: dict[str, pull.Sender], summary: SyncSummary,
                   lines: list[LogLine]) -> None:
    """This laptop's folder holds files, signed by this laptop, after the last one its diary wrote: the diary
    was restored from a backup taken before they were sent (docs/backup.md). Apply them like another
    laptop's (they hold changes this diary no longer has), then go on numbering after them. Files there that
    are not this laptop's own are left to ``tidy_own``, which moves them aside."""
    with store.read(identity) as s:
        team = s.get(SyncTeam, team_id)
        assert team is not None
        me, last_seq, ack_number = team.member_id, team.last_seq, team.ack_number
    own_sender = senders.get(me)
    if own_sender is None:
        return
    segs = files.numbered(listing, files.SEG_RE)
    scan = pull.Scan()
    seq = last_seq + 1
    while seq in segs:
        path = f"{team_id}/{files.member_folder(me)}/{segs[seq]}"
        try:
            data = share._retry(lambda p=path: share.read(p))  # type: ignore[misc]
            header, writes = files.open_segment(data, team_id, me, seq, keys, own_sender.verify_key)
        except (Rejected, ShareUnavailable, TransientShareError):
            break
        deps = {str(k): int(v) for k, v in header.get("deps", {}).items()}
        scan.ready.append(pull.Segment(me, seq, deps, writes, len(data)))
        seq += 1
    later = [n for n in segs if n > seq]
    if seq not in segs and later:
        try:  # own files further on but one missing in between: catching up would skip changes
            data = share.read(f"{team_id}/{files.member_folder(me)}/{segs[max(later)]}")
            files.open_segment(data, team_id, me, max(later), keys, own_sender.verify_key)
        except (Rejected, ShareUnavailable, TransientShareError):
            pass  # not this laptop's: a squatter, moved aside by tidy_own
        else:
            raise ShareUnavailable("This diary was restored from a backup that is older than this laptop's "
                                   "files on the share allow to catch up (a file is missing). Nothing was "
                                   "changed; the round stops.")
    acks = files.numbered(listing, files.ACK_RE)
    newest_ack = max((n for n in acks if n > ack_number), default=0)
    if newest_ack:
        try:
            data = share.read(f"{team_id}/{files.member_folder(me)}/{acks[newest_ack]}")
            files.open_container(data, "ack", team_id, me, newest_ack, "number", keys, own_sender.verify_key)
        except (Rejected, ShareUnavailable, TransientShareError):
            newest_ack = 0
    if not scan.ready and not newest_ack:
        return
    with store.write(identity) as s:
        s.info[REMOTE] = True
        team = s.get(SyncTeam, team_id)
        assert team is not None
        if scan.ready:
            merge.apply_remote(s, team, scan, senders, summary, lines)
            s.execute(delete(SyncCursor).where(SyncCursor.team_id == team_id, SyncCursor.member_id == me))
            team.last_seq = scan.ready[-1].seq
        team.ack_number = max(team.ack_number, newest_ack)
    if scan.ready:
        lines.append(LogLine(WARNING, "This diary was restored from a backup: {count} files this laptop had "
                             "already sent were taken back from the share.", {"count": len(scan.ready)},
                             team_id))


def tidy_own(store: Store, share: Share, identity: Identity, team_id: str, my_folder: str, listing: list[str],
              summary: SyncSummary, lines: list[LogLine]) -> bool:
    """This laptop's own folder: leftovers removed, foreign files moved aside, missing or damaged own files
    queued for upload again. Returns True when a new snapshot should be written (an old file is gone)."""
    names = set(listing)
    with store.read(identity) as s:
        team = s.get(SyncTeam, team_id)
        assert team is not None
        kept = {r.name: r.sent for r in s.scalars(select(SyncOutbox).where(SyncOutbox.team_id == team_id))}
        last_seq, ack_number = team.last_seq, team.ack_number
        me = team.member_id
        reported = {int(a.bad[me]) for a in s.scalars(select(SyncAck).where(SyncAck.team_id == team_id))
                    if isinstance(a.bad, dict) and isinstance(a.bad.get(me), int)}
    resend: set[str] = set()
    for name in sorted(names):
        if is_temp(name):  # left by an interrupted upload
            share._quiet_remove(f"{my_folder}/{name}")
            continue
        if name.startswith(files.QUARANTINE_PREFIX):
            continue
        seg = files.SEG_RE.match(name)
        ack = files.ACK_RE.match(name)
        snap = files.SNAP_RE.match(name)
        foreign = (not files.is_protocol_name(name) or (seg is not None and int(seg.group(1)) > last_seq)
                   or (ack is not None and int(ack.group(1)) > ack_number)
                   or (snap is not None and int(snap.group(1)) > last_seq))
        if foreign:
            moved = _move_aside(share, my_folder, name)
            summary.repaired += 1
            lines.append(LogLine(WARNING, "A file that this laptop did not write, {file}, was found in its folder "
                                 "and moved aside as {moved}.", {"file": name, "moved": moved}, team_id))
    for name, sent in kept.items():
        if sent and name not in names:
            resend.add(name)
            lines.append(LogLine(WARNING, "This laptop's file {file} was missing from the share (deleted, renamed "
                                 "or moved); it is uploaded again.", {"file": name}, team_id))
    need_snapshot = False
    for seq in sorted(reported):
        name = files.seg_name(seq)
        if name in resend:
            continue
        if name not in kept:
            need_snapshot = True  # no copy left (every member had it): a new snapshot serves newcomers
            continue
        with store.read(identity) as s:
            row = s.get(SyncOutbox, (team_id, name))
            mine = row.data if row is not None else b""
        try:
            there = share.read(f"{my_folder}/{name}")
        except ShareUnavailable:
            there = None
        if there == mine:
            continue
        if there is not None:
            moved = _move_aside(share, my_folder, name)
            lines.append(LogLine(WARNING, "This laptop's file {file} was damaged on the share; it was moved aside "
                                 "as {moved} and uploaded again.", {"file": name, "moved": moved}, team_id))
        resend.add(name)
    if resend:
        summary.repaired += len(resend)
        with store.write(identity) as s:
            s.info[REMOTE] = True
            s.execute(update(SyncOutbox).where(SyncOutbox.team_id == team_id, SyncOutbox.name.in_(resend))
                      .values(sent=False))
    return need_snapshot


def _move_aside(share: Share, folder: str, name: str) -> str:
    moved = quarantine_name(name)
    try:
        share._retry(lambda: share.rename_noreplace(f"{folder}/{name}", f"{folder}/{moved}"))
    except AlreadyExists:
        moved = quarantine_name(name)
        share._retry(lambda: share.rename_noreplace(f"{folder}/{name}", f"{folder}/{moved}"))
    return moved


def upload(store: Store, share: Share, identity: Identity, team_id: str, my_folder: str,
            summary: SyncSummary, lines: list[LogLine], stop: Callable[[], bool] = lambda: False) -> None:
    with store.read(identity) as s:
        names = list(s.scalars(select(SyncOutbox.name).where(SyncOutbox.team_id == team_id,
                                                             SyncOutbox.sent.is_(False))))
    pushed = 0
    for name in sorted(names, key=lambda n: (_ORDER.get(n[0], 9), n)):
        if stop():
            break
        with store.read(identity) as s:
            row = s.get(SyncOutbox, (team_id, name))
            if row is None:
                continue
            data, count = row.data, row.changes
        try:
            share.write_new(my_folder, name, data)
        except AlreadyExists:
            # Something else stands at this laptop's name (a copied or stale file): moved aside, then written.
            moved = _move_aside(share, my_folder, name)
            summary.repaired += 1
            lines.append(LogLine(WARNING, "A file that this laptop did not write, {file}, was found in its folder "
                                 "and moved aside as {moved}.", {"file": name, "moved": moved}, team_id))
            share.write_new(my_folder, name, data)
        summary.bytes_written += len(data)
        with store.write(identity) as s:
            s.info[REMOTE] = True
            s.execute(update(SyncOutbox).where(SyncOutbox.team_id == team_id, SyncOutbox.name == name)
                      .values(sent=True))
        pushed += count
    summary.pushed += pushed
    if pushed:
        lines.append(LogLine(INFO, "Sent {count} changes.", {"count": pushed}, team_id))


def prune_and_compact(store: Store, share: Share, identity: Identity, team_id: str, my_folder: str,
                       listings: dict[str, list[str]], lines: list[LogLine]) -> None:
    """Drop kept copies every current member has acknowledged, old acknowledgements and snapshots; remove
    own segments that this laptop's snapshot covers and every current member's verified ack has passed."""
    remove: list[str] = []
    with store.write(identity) as s:
        s.info[REMOTE] = True
        team = s.get(SyncTeam, team_id)
        assert team is not None
        rows = {r.name: r for r in s.scalars(select(SyncOutbox).where(SyncOutbox.team_id == team_id))}
        snaps = files.snapshots([n for n, r in rows.items() if r.sent])
        covered = max(snaps, default=0)
        # A copy goes once every member this laptop knows has it and its own snapshot covers it (a laptop
        # invited but not yet seen starts from that snapshot).
        acked = min(_acked_by_all(s, team), covered)
        acks = files.numbered([n for n, r in rows.items() if r.sent], files.ACK_RE)
        newest_ack = max(acks, default=0)
        for name, r in rows.items():
            if not r.sent:
                continue
            seg = files.SEG_RE.match(name)
            snap = files.SNAP_RE.match(name)
            ack = files.ACK_RE.match(name)
            if ((seg is not None and int(seg.group(1)) <= acked)
                    or (snap is not None and int(snap.group(1)) < covered)
                    or (ack is not None and int(ack.group(1)) < newest_ack)):
                s.delete(r)
                if snap is not None or ack is not None:
                    remove.append(name)
        mine = listings.get(team.member_id, [])
        for name in mine:  # old acknowledgements and snapshots left by earlier rounds
            a = files.ACK_RE.match(name)
            p = files.SNAP_RE.match(name)
            if (a is not None and int(a.group(1)) < newest_ack) or (p is not None and int(p.group(1)) < covered):
                remove.append(name)
        old = snapshot.compactable(s, team, listings, covered)
    for name in dict.fromkeys(remove):
        share._quiet_remove(f"{my_folder}/{name}")
    for n in old:
        share._quiet_remove(f"{my_folder}/{files.seg_name(n)}")
    if old:
        lines.append(LogLine(INFO, "Removed {count} old files that a snapshot covers.", {"count": len(old)},
                             team_id))


def _acked_by_all(s: DiarySession, team: SyncTeam) -> int:
    """The highest own segment number every current member's verified acknowledgement covers."""
    acks = {a.member_id: a for a in s.scalars(select(SyncAck).where(SyncAck.team_id == team.team_id))}
    limit = team.last_seq
    for m in s.scalars(select(SyncMember).where(SyncMember.team_id == team.team_id,
                                                SyncMember.removed.is_(False))):
        if m.member_id == team.member_id:
            continue
        ack = acks.get(m.member_id)
        v = ack.deps.get(team.member_id, 0) if ack is not None and isinstance(ack.deps, dict) else 0
        limit = min(limit, v if isinstance(v, int) else 0)
    return limit
