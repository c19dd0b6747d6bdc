"""One sync round: push this laptop's new changes, pull and merge the team's, repair its own files, report.

Qt-free: the desktop runs ``sync_round`` in a worker thread and shows the returned ``SyncSummary``.
A round never leaves the diary half-changed: it applies in short transactions (``batches``), each with the
cursors (and part-applied mark) of what it applied, so a round stopped or killed between two goes on at the next
round from where it stopped; what it uploads is first kept in the diary's outbox — and stays there, after
upload, until every current member has acknowledged it — so a crash, a vanished share or a damaged file at any
step is repaired by a later round.
"""

from __future__ import annotations

import contextlib
import gc
import secrets
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

from sqlalchemy import delete, func, select, text, update

from app.models import Change, SyncAck, SyncConflict, SyncCursor, SyncMember, SyncOutbox, SyncTeam
from app.storage import hlc
from app.storage.changefeed import REMOTE, Clock, DiarySession, Identity
from app.storage.vault import Store
from app.sync import apply, batches, container, files, merge, pull, rewrite, snapshot
from app.sync import team as teams
from app.sync.backends import open_share
from app.sync.config import EXIT_CLOCK as EXIT_CLOCK
from app.sync.config import EXIT_OK as EXIT_OK
from app.sync.config import EXIT_PROBLEMS as EXIT_PROBLEMS
from app.sync.config import EXIT_REMOVED as EXIT_REMOVED
from app.sync.config import EXIT_UNREACHABLE as EXIT_UNREACHABLE
from app.sync.config import SyncConfig as SyncConfig
from app.sync.config import SyncSummary as SyncSummary
from app.sync.errors import AlreadyExists, Rejected, ShareUnavailable, SyncError, TransientShareError
from app.sync.log import INFO, PROBLEM, WARNING, LogLine
from app.sync.log import write as write_log
from app.sync.share import Share, is_temp


def sync_round(store: Store, share: Share, identity: Identity | None = None, config: SyncConfig | None = None,
               now_ms: Callable[[], int] | None = None, stop: Callable[[], bool] | None = None) -> SyncSummary:
    """One round. ``stop``: asked between the round's transactions; when it says yes the round ends there
    (``summary.stopped``), keeping what it applied and sent — the next round goes on from there."""
    identity = identity or Identity("sync", store.device_id)
    stop = stop or (lambda: False)
    cfg = config or SyncConfig()
    clock = now_ms or (lambda: hlc.now_ms())
    summary = SyncSummary()
    lines: list[LogLine] = []
    with store.read(identity) as s:
        team_ids = [t.team_id for t in teams.teams(s)]
    if not team_ids:
        summary.ok = False
        lines.append(LogLine(PROBLEM, "This laptop is not in a team yet (athena team create, or team join)."))
    with batches.responsive(), batches.round_thread(store.engine), _no_gc():
        try:
            _rounds(store, share, identity, team_ids, cfg, clock, summary, lines, stop)
        finally:
            batches.checkpoint(store.engine)
    with store.write(identity) as s:
        s.info[REMOTE] = True
        write_log(s, lines)
        summary.conflicts = s.scalar(select(func.count()).select_from(SyncConflict)) or 0
        summary.waiting = _waiting(s)
        found = teams.teams(s)
        stamps = [t.last_sync_at for t in found if t.last_sync_at]
        summary.last_sync = max(stamps) if stamps else None
        summary.removed |= any(t.removed for t in found)
        summary.clock_ahead_hours = max([summary.clock_ahead_hours] + [t.clock_problem for t in found])
    if any(ln.level == PROBLEM for ln in lines):
        summary.ok = False  # a round with problems is not ok, even when it applied and sent what it could
    for ln in lines:
        (summary.problems if ln.level == PROBLEM else summary.warnings if ln.level == WARNING else []).append(
            ln.text())
    return summary


def _rounds(store: Store, share: Share, identity: Identity, team_ids: list[str], cfg: SyncConfig,
            clock: Callable[[], int], summary: SyncSummary, lines: list[LogLine], stop: Callable[[], bool]) -> None:
    for team_id in team_ids:
        try:
            if share.list_dir("") is None:
                raise ShareUnavailable("The share was not found (not connected, or a wrong path). "
                                       "Nothing was changed; the round will be retried.")
            if stop():
                raise batches.RoundStopped(batches.STOPPED)
            _team_round(store, share, identity, team_id, cfg, clock, summary, lines, stop)
        except batches.RoundStopped as exc:
            summary.stopped = True
            lines.append(LogLine(WARNING, exc.message_en, dict(exc.params), team_id))
            break
        except SyncError as exc:
            summary.ok = False
            summary.unreachable |= isinstance(exc, ShareUnavailable)
            lines.append(LogLine(PROBLEM, exc.message_en, dict(exc.params), team_id))
        except OSError as exc:  # a backend error no backend mapped: still a clear message, never a crash
            summary.ok = False
            summary.unreachable = True
            lines.append(LogLine(PROBLEM, "The share failed in an unexpected way ({kind}); nothing was lost and "
                                 "the round will be retried.", {"kind": type(exc).__name__}, team_id))


def _waiting(s: DiarySession) -> int:
    n = 0
    for t in teams.teams(s):
        if t.removed:
            continue
        n += s.scalar(select(func.count()).select_from(Change).where(
            Change.seq > t.change_seq, Change.origin == "local", Change.compartment == t.compartment)) or 0
    n += s.scalar(select(func.coalesce(func.sum(SyncOutbox.changes), 0)).where(SyncOutbox.sent.is_(False))) or 0
    return n


def _senders(s: DiarySession, team_id: str) -> dict[str, pull.Sender]:
    return {m.member_id: pull.Sender(m.label, m.verify_key, m.device, m.removed, m.last_seq)
            for m in s.scalars(select(SyncMember).where(SyncMember.team_id == team_id))}


def quarantine_name(name: str) -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    return f"{files.QUARANTINE_PREFIX}{stamp}-{secrets.token_hex(3)}-{name}"[:200]


def _team_round(store: Store, share: Share, identity: Identity, team_id: str, cfg: SyncConfig,
                clock: Callable[[], int], summary: SyncSummary, lines: list[LogLine],
                stop: Callable[[], bool]) -> None:
    with store.read(identity) as s:
        team = s.get(SyncTeam, team_id)
        assert team is not None
        if team.protocol != teams.PROTOCOL:
            raise SyncError(teams.PROTOCOL_1)
        if team.removed:
            summary.removed = True
            raise SyncError(teams.REMOVED)
        me, last_seq, synced_before = team.member_id, team.last_seq, team.last_sync_at is not None
        cursors = snapshot.cursors(s, team_id)
        others_known = s.scalar(select(func.count()).select_from(SyncMember).where(
            SyncMember.team_id == team_id, SyncMember.member_id != me)) or 0
    my_folder = f"{team_id}/{files.member_folder(me)}"
    seen_before = synced_before and (last_seq > 0 or any(v > 0 for v in cursors.values()))
    folders = share.list_dir(team_id)
    if folders is None:
        if seen_before:
            raise ShareUnavailable("The team's folder is missing on the share (not connected, a wrong path, "
                                   "or emptied). Nothing was changed; the round stops.")
        share.mkdir(my_folder)
        folders = [files.member_folder(me)]
        if others_known:
            lines.append(LogLine(WARNING, "None of the team's files are on the share yet (a new share, an "
                                 "emptied one, or the wrong folder?). This laptop's changes are kept and sent; "
                                 "the others' arrive once they sync to this share.", {}, team_id))
    listings: dict[str, list[str]] = {}
    for name in folders:
        member = files.folder_member(name)
        if member is not None:
            listing = share.list_dir(f"{team_id}/{name}")
            if listing is not None:
                listings[member] = listing
    need_snapshot = False
    if me not in listings:
        share.mkdir(my_folder)
        listings[me] = []
        if seen_before and last_seq > 0:
            need_snapshot = True
            lines.append(LogLine(WARNING, "This laptop's folder was missing on the share; it was made again and "
                                 "this laptop's files are uploaded again.", {}, team_id))

    _keys_and_cards(store, share, identity, team_id, listings, lines)
    with store.read(identity) as s:
        team = s.get(SyncTeam, team_id)
        assert team is not None
        if team.removed:
            summary.removed = True
            raise SyncError(teams.REMOVED)
        keys = teams.epoch_keys(s, team_id)
        senders = _senders(s, team_id)
    own = files.numbered(listings[me], files.SEG_RE)
    if own and max(own) > last_seq:
        _take_back_own(store, share, identity, team_id, listings[me], keys, senders, summary, lines)
    _read_acks(store, share, identity, team_id, listings, keys, senders, lines)
    with store.read(identity) as s:
        senders = _senders(s, team_id)  # a removed member's cut-off may have been raised by an ack
    need_snapshot |= _tidy_own(store, share, identity, team_id, my_folder, listings[me], summary, lines)

    if not seen_before and len(listings) > 1:
        _start_from_snapshots(store, share, identity, team_id, listings, keys, senders, cfg, clock, summary,
                              lines)
    with store.read(identity) as s:
        cursors = snapshot.cursors(s, team_id)

    gc.collect()  # (what the program's threads left since the round began: not to be frozen with the scan)
    batches.collected()
    scan = pull.read_new_segments(share, team_id, me, listings, cursors, keys, senders, clock(),
                                  cfg.max_future_ms, cfg.max_segments_per_round)
    gc.freeze()  # what it received lives until the round ends: not rescanned by the collections between steps
    lines.extend(scan.log)
    summary.held += scan.held
    reference = _share_time(share, my_folder) if _has_local_work(store, identity, team_id) else None
    merge.merge(store, identity, team_id, scan, senders, cfg, clock, reference, need_snapshot, summary, lines, stop)
    _rewrite_after_purge(store, share, identity, team_id, my_folder, lines)
    _upload(store, share, identity, team_id, my_folder, summary, lines, stop)
    if stop():
        raise batches.RoundStopped(batches.STOPPED)
    _prune_and_compact(store, share, identity, team_id, my_folder, listings, lines)


def _take_back_own(store: Store, share: Share, identity: Identity, team_id: str, listing: list[str],
                   keys: dict[int, bytes], senders: dict[str, pull.Sender], summary: SyncSummary,
                   lines: list[LogLine]) -> None:
    """This laptop's folder holds files, signed by this laptop, after the last one its diary wrote: the diary
    was restored from a backup taken before they were sent (docs/backup.md). Apply them like another
    laptop's (they hold changes this diary no longer has), then go on numbering after them. Files there that
    are not this laptop's own are left to ``_tidy_own``, which moves them aside."""
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
            pass  # not this laptop's: a squatter, moved aside by _tidy_own
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


def _has_local_work(store: Store, identity: Identity, team_id: str) -> bool:
    with store.read(identity) as s:
        team = s.get(SyncTeam, team_id)
        assert team is not None
        last = Clock(s).last
        if last is not None and last.wall_ms > hlc.now_ms() + 3_600_000:
            return True
        return s.scalar(select(Change.seq).where(
            Change.seq > team.change_seq, Change.origin == "local",
            Change.compartment == team.compartment).limit(1)) is not None


def _share_time(share: Share, folder: str) -> int | None:
    """The file server's clock (the time it stamps on a new file), or None when it cannot say."""
    try:
        return share.server_time_ms(folder)
    except (ShareUnavailable, TransientShareError, OSError):
        return None


def _keys_and_cards(store: Store, share: Share, identity: Identity, team_id: str,
                    listings: dict[str, list[str]], lines: list[LogLine]) -> None:
    """New members' cards and new epoch keys. Twice over, since a card may need a new key and a key file
    may come from a member whose card is new."""
    problems: dict[str, str] = {}
    refused: dict[str, LogLine] = {}  # member -> why its card was refused (after both passes)
    with store.write(identity) as s:
        s.info[REMOTE] = True
        team = s.get(SyncTeam, team_id)
        assert team is not None
        for _ in range(2):
            others = [(m, n) for m, n in sorted(listings.items()) if m != team.member_id]
            for member, names in others:
                line = _accept_cards(s, share, team, member, names, lines)
                if line is None:
                    refused.pop(member, None)
                else:
                    refused[member] = line
            for member, names in others:
                for epoch, name in sorted(files.numbered(names, files.KEY_RE).items()):
                    if epoch in teams.epoch_keys(s, team_id) or team.removed:
                        continue
                    try:
                        problem = teams.accept_key_file(s, team, member, share.read(
                            f"{team_id}/{files.member_folder(member)}/{name}"))
                    except (Rejected, ShareUnavailable, TransientShareError) as exc:
                        problem = exc.message_en
                    if problem and problem != teams.REMOVED:
                        problems[name] = problem
                    else:
                        problems.pop(name, None)
    lines.extend(LogLine(PROBLEM, p, {}, team_id) for p in dict.fromkeys(problems.values()))
    lines.extend(refused[m] for m in sorted(refused))


def _accept_cards(s: DiarySession, share: Share, team: SyncTeam, member: str, names: list[str],
                  lines: list[LogLine]) -> LogLine | None:
    """The member's newest card; returns the problem line when it was refused."""
    known = s.get(SyncMember, (team.team_id, member))
    if known is not None and known.device:
        return None
    cards = files.numbered(names, files.CARD_RE)
    for number in sorted(cards, reverse=True):
        try:
            data = share.read(f"{team.team_id}/{files.member_folder(member)}/{cards[number]}")
            if teams.accept_card(s, team, member, number, data):
                lines.append(LogLine(INFO, "A new member joined the team ({member}).", {"member": member},
                                     team.team_id))
        except Rejected as exc:  # a forged or uncountersigned card: named, and its member stays unknown
            return LogLine(PROBLEM, "The member card {file} in folder {folder} was refused: {reason}",
                           {**exc.params, "file": cards[number], "folder": files.member_folder(member),
                            "reason": exc.message_en}, team.team_id)
        except (ShareUnavailable, TransientShareError):
            pass
        return None
    return None


def _read_acks(store: Store, share: Share, identity: Identity, team_id: str, listings: dict[str, list[str]],
               keys: dict[int, bytes], senders: dict[str, pull.Sender], lines: list[LogLine]) -> None:
    """Each current member's newest acknowledgement, verified (signed by that member, in its folder)."""
    with store.write(identity) as s:
        s.info[REMOTE] = True
        team = s.get(SyncTeam, team_id)
        assert team is not None
        for member, names in sorted(listings.items()):
            sender = senders.get(member)
            if member == team.member_id or sender is None or sender.removed:
                continue
            acks = files.numbered(names, files.ACK_RE)
            if not acks:
                continue
            number = max(acks)
            row = s.get(SyncAck, (team_id, member))
            if row is not None and row.number >= number:
                continue
            try:
                data = share.read(f"{team_id}/{files.member_folder(member)}/{acks[number]}")
                sealed = files.open_container(data, "ack", team_id, member, number, "number", keys,
                                              sender.verify_key)
                deps, bad = _ack_payload(sealed.payload)
                created = container.header_int(sealed.header, "created")
            except (Rejected, ShareUnavailable, TransientShareError) as exc:
                lines.append(LogLine(WARNING, "The acknowledgement {file} of {member} was not used: {reason}",
                                     {"file": acks[number], "member": pull.who(senders, member),
                                      "reason": exc.message_en}, team_id))
                continue
            if row is None:
                s.add(SyncAck(team_id=team_id, member_id=member, number=number, deps=deps, bad=bad,
                              created=created))
            else:
                row.number, row.deps, row.bad, row.created = number, deps, bad, created
        s.flush()
        teams.raise_cutoffs(s, team)


def _ack_payload(p: object) -> tuple[dict[str, int], dict[str, int]]:
    if not isinstance(p, dict):
        raise Rejected("A file on the share has damaged content.")
    out = []
    for name in ("deps", "bad"):
        d = p.get(name, {})
        if not isinstance(d, dict) or not all(isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
                                              and v >= 0 for k, v in d.items()):
            raise Rejected("A file on the share has damaged content.")
        out.append({str(k): int(v) for k, v in d.items()})
    return out[0], out[1]


def _tidy_own(store: Store, share: Share, identity: Identity, team_id: str, my_folder: str, listing: list[str],
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


def _start_from_snapshots(store: Store, share: Share, identity: Identity, team_id: str,
                          listings: dict[str, list[str]], keys: dict[int, bytes], senders: dict[str, pull.Sender],
                          cfg: SyncConfig, clock: Callable[[], int], summary: SyncSummary,
                          lines: list[LogLine]) -> None:
    """A laptop new to the team: the snapshot covering the most, plus any member's own snapshot when that
    member's next segment is no longer on the share (compacted)."""
    verify = {m: snd.verify_key for m, snd in senders.items() if not snd.removed}
    problems: list[str] = []
    not_after = clock() + cfg.max_future_ms
    refs = snapshot.latest_snapshots(share, team_id, _me(store, identity, team_id), listings, keys, verify,
                                     not_after, problems)
    lines.extend(LogLine(WARNING, p, {}, team_id) for p in dict.fromkeys(problems))
    if not refs:
        return
    chosen = [refs[0]]
    for ref in refs[1:]:
        covered: dict[str, int] = {}
        for c in chosen:
            for m, v in c.deps.items():
                covered[m] = max(covered.get(m, 0), v)
        segs = files.numbered(listings.get(ref.member, []), files.SEG_RE)
        nxt = covered.get(ref.member, 0) + 1
        if nxt not in segs and ref.seq >= nxt:
            chosen.append(ref)
    try:
        with store.write(identity) as s:
            s.info[REMOTE] = True
            team = s.get(SyncTeam, team_id)
            assert team is not None
            s.execute(text("PRAGMA defer_foreign_keys = ON"))
            n = 0
            load_problems: list[str] = []
            for ref in chosen:
                n += snapshot.load_snapshot(s, share, team, ref, keys, verify[ref.member], not_after,
                                            load_problems)
            apply.fix_references(s, {})
    except (Rejected, ShareUnavailable, TransientShareError) as exc:
        # Undone as a whole; this laptop reads the segments instead (or tries the snapshot next round).
        lines.append(LogLine(WARNING, "A snapshot could not be used: {reason}", {**exc.params,
                                                                                "reason": exc.message_en},
                             team_id))
        return
    summary.pulled += n
    lines.extend(LogLine(WARNING, p, {}, team_id) for p in dict.fromkeys(load_problems))
    lines.append(LogLine(INFO, "Started from a snapshot of {count} records.", {"count": n}, team_id))


def _me(store: Store, identity: Identity, team_id: str) -> str:
    with store.read(identity) as s:
        team = s.get(SyncTeam, team_id)
        assert team is not None
        return team.member_id


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """A round allocates many small objects (the received writes, their states and rows), most of them alive
    until its end: the cycle collector would rescan them, and every older object of the process, again and
    again. It is paused for the round, and runs once at its end, when those are freed, over only what the round
    made (the process's older objects are frozen meanwhile): no full collection is left due after it. The pause
    holds for the program's other threads too, so in a long round their garbage is collected between steps
    (``batches.collect_now_and_then``), and what the round received is frozen once read: those collections, and
    the last one, stay short (each holds every thread for its length). Where the process keeps its long-lived
    objects frozen itself (the desktop, from unlock to lock), they stay so."""
    enabled = gc.isenabled()
    frozen_before = gc.get_freeze_count() > 0
    gc.disable()
    gc.freeze()
    batches.collected()
    try:
        yield
    finally:
        gc.collect()
        if not frozen_before:
            gc.unfreeze()
        if enabled:
            gc.enable()


_ORDER = {"k": 0, "c": 1, "s": 2, "p": 3, "a": 4}


def _rewrite_after_purge(store: Store, share: Share, identity: Identity, team_id: str, my_folder: str,
                         lines: list[LogLine]) -> None:
    """After a purge: kept copies sealed again without the purged records, then this laptop's files on the
    share rewritten or removed (``app/sync/rewrite.py``); done when every own file could be checked."""
    with store.read(identity) as s:
        team = s.get(SyncTeam, team_id)
        assert team is not None
        if not team.scrub_pending:
            return
    with store.write(identity) as s:
        s.info[REMOTE] = True
        team = s.get(SyncTeam, team_id)
        assert team is not None
        rewrite.scrub_kept_copies(s, team)
        ctx = rewrite.context(s, team)
    done, complete = rewrite.scrub_share(share, my_folder, ctx) if ctx is not None else (0, True)
    if complete:
        with store.write(identity) as s:
            s.info[REMOTE] = True
            s.execute(update(SyncTeam).where(SyncTeam.team_id == team_id).values(scrub_pending=False))
    if done:
        lines.append(LogLine(INFO, "After a purge, {count} of this laptop's files on the share were rewritten or "
                             "removed so that none holds the purged records.", {"count": done}, team_id))


def _upload(store: Store, share: Share, identity: Identity, team_id: str, my_folder: str,
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


def _prune_and_compact(store: Store, share: Share, identity: Identity, team_id: str, my_folder: str,
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


def share_reachable(location: str) -> bool:
    """Whether the share answers now (for the desktop's "share came back, sync in the background" timer)."""
    try:
        return open_share(location).list_dir("") is not None
    except (SyncError, OSError):
        return False


def sync_now(store: Store, location: str, identity: Identity | None = None,
             stop: Callable[[], bool] | None = None) -> SyncSummary:
    """One round against a share given as a folder, UNC path or smb:// URL; never raises for share trouble."""
    try:
        share = open_share(location)
    except SyncError as exc:
        return SyncSummary(ok=False, unreachable=True, problems=[str(exc)])
    return sync_round(store, share, identity, stop=stop)


__all__ = ["EXIT_CLOCK", "EXIT_OK", "EXIT_PROBLEMS", "EXIT_REMOVED", "EXIT_UNREACHABLE", "SyncConfig",
           "SyncSummary", "share_reachable", "sync_now", "sync_round"]
