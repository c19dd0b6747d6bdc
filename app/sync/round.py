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
from collections.abc import Callable, Iterator

from sqlalchemy import func, select, text, update

from app.models import Change, SyncConflict, SyncMember, SyncOutbox, SyncTeam
from app.storage import hlc
from app.storage.changefeed import REMOTE, Clock, DiarySession, Identity
from app.storage.vault import Store
from app.sync import apply, batches, files, merge, own_files, peers, pull, rewrite, snapshot
from app.sync import team as teams
from app.sync.backends import open_share
from app.sync.config import EXIT_CLOCK as EXIT_CLOCK
from app.sync.config import EXIT_OK as EXIT_OK
from app.sync.config import EXIT_PROBLEMS as EXIT_PROBLEMS
from app.sync.config import EXIT_REMOVED as EXIT_REMOVED
from app.sync.config import EXIT_UNREACHABLE as EXIT_UNREACHABLE
from app.sync.config import SyncConfig as SyncConfig
from app.sync.config import SyncSummary as SyncSummary
from app.sync.errors import Rejected, ShareUnavailable, SyncError, TransientShareError
from app.sync.log import INFO, PROBLEM, WARNING, LogLine
from app.sync.log import write as write_log
from app.sync.share import Share


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

    peers.keys_and_cards(store, share, identity, team_id, listings, lines)
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
        own_files.take_back_own(store, share, identity, team_id, listings[me], keys, senders, summary, lines)
    peers.read_acks(store, share, identity, team_id, listings, keys, senders, lines)
    with store.read(identity) as s:
        senders = _senders(s, team_id)  # a removed member's cut-off may have been raised by an ack
    need_snapshot |= own_files.tidy_own(store, share, identity, team_id, my_folder, listings[me], summary, lines)

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
    own_files.upload(store, share, identity, team_id, my_folder, summary, lines, stop)
    if stop():
        raise batches.RoundStopped(batches.STOPPED)
    own_files.prune_and_compact(store, share, identity, team_id, my_folder, listings, lines)


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
