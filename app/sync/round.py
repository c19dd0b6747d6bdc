"""One sync round: push this laptop's new changes, pull and merge the team's, report what happened.

Qt-free: the desktop runs ``sync_round`` in a worker thread and shows the returned ``SyncSummary``.
A round never leaves the diary half-changed: everything it applies happens in one transaction, and what it
uploads is first kept in the diary's outbox, so a crash or a vanished share at any step is repaired by the
next round.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, func, select, text

from app.models import Change, SyncConflict, SyncCursor, SyncMember, SyncOutbox, SyncTeam
from app.models.base import utcnow
from app.storage import hlc
from app.storage.changefeed import REMOTE, Clock, DiarySession, Identity
from app.storage.vault import Store
from app.sync import apply, container, files, pull, snapshot
from app.sync import state as st
from app.sync import team as teams
from app.sync.errors import Rejected, ShareUnavailable, SyncError, TransientShareError
from app.sync.log import INFO, PROBLEM, WARNING, LogLine
from app.sync.log import write as write_log
from app.sync.share import Share, is_temp, open_share


@dataclass
class SyncConfig:
    max_future_ms: int = 24 * 3_600_000  # changes stamped further ahead are held back
    segment_max_writes: int = 5000
    snapshot_every: int = 50  # own segments between snapshots
    max_segments_per_round: int = 5000


@dataclass
class SyncSummary:
    ok: bool = True
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    waiting: int = 0
    held: int = 0
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    last_sync: datetime | None = None
    bytes_written: int = 0


def sync_round(store: Store, share: Share, identity: Identity | None = None, config: SyncConfig | None = None,
               now_ms: Callable[[], int] | None = None) -> SyncSummary:
    identity = identity or Identity("sync", store.device_id)
    cfg = config or SyncConfig()
    clock = now_ms or (lambda: hlc.now_ms())
    summary = SyncSummary()
    lines: list[LogLine] = []
    with store.read(identity) as s:
        team_ids = [t.team_id for t in teams.teams(s)]
    if not team_ids:
        summary.ok = False
        lines.append(LogLine(PROBLEM, "This laptop is not in a team yet (athena team create, or team join)."))
    for team_id in team_ids:
        try:
            if share.list_dir("") is None:
                raise ShareUnavailable("The share was not found (not connected, or a wrong path). "
                                       "Nothing was changed; the round will be retried.")
            _team_round(store, share, identity, team_id, cfg, clock, summary, lines)
        except SyncError as exc:
            summary.ok = False
            lines.append(LogLine(PROBLEM, exc.message_en, dict(exc.params), team_id))
    with store.write(identity) as s:
        s.info[REMOTE] = True
        write_log(s, lines)
        summary.conflicts = s.scalar(select(func.count()).select_from(SyncConflict)) or 0
        summary.waiting = _waiting(s)
        stamps = [t.last_sync_at for t in teams.teams(s) if t.last_sync_at]
        summary.last_sync = max(stamps) if stamps else None
    for ln in lines:
        (summary.problems if ln.level == PROBLEM else summary.warnings if ln.level == WARNING else []).append(
            ln.text())
    return summary


def _waiting(s: DiarySession) -> int:
    n = 0
    for t in teams.teams(s):
        n += s.scalar(select(func.count()).select_from(Change).where(
            Change.seq > t.change_seq, Change.origin == "local", Change.compartment == t.compartment)) or 0
    n += s.scalar(select(func.coalesce(func.sum(SyncOutbox.changes), 0))) or 0
    return n


def _team_round(store: Store, share: Share, identity: Identity, team_id: str, cfg: SyncConfig,
                clock: Callable[[], int], summary: SyncSummary, lines: list[LogLine]) -> None:
    with store.read(identity) as s:
        team = s.get(SyncTeam, team_id)
        assert team is not None
        me, last_seq = team.member_id, team.last_seq
        cursors = snapshot.cursors(s, team_id)
        outbox = set(s.scalars(select(SyncOutbox.name).where(SyncOutbox.team_id == team_id)))
    my_folder = f"{team_id}/{files.member_folder(me)}"
    uploaded_last = next((n for n in range(last_seq, 0, -1) if files.seg_name(n) not in outbox), 0)
    seen_before = uploaded_last > 0 or any(v > 0 for v in cursors.values())
    folders = share.list_dir(team_id)
    if folders is None:
        if seen_before:
            raise ShareUnavailable("The team's folder is missing on the share (not connected, a wrong path, "
                                   "or emptied). Nothing was changed; the round stops.")
        share.mkdir(my_folder)
        folders = [files.member_folder(me)]
    listings: dict[str, list[str]] = {}
    for name in folders:
        member = files.folder_member(name)
        if member is not None:
            listing = share.list_dir(f"{team_id}/{name}")
            if listing is not None:
                listings[member] = listing
    if me not in listings:
        if uploaded_last > 0:
            raise ShareUnavailable("This laptop's folder is missing on the share (emptied or a stale copy?). "
                                   "Nothing was changed; the round stops.")
        share.mkdir(my_folder)
        listings[me] = []
    if uploaded_last > 0 and files.seg_name(uploaded_last) not in listings[me]:
        raise ShareUnavailable("This laptop's latest file is missing from the share (emptied or a stale "
                               "copy?). Nothing was changed; the round stops.")
    for name in listings[me]:
        if is_temp(name):  # left by an interrupted upload
            share._quiet_remove(f"{my_folder}/{name}")
    _keys_and_cards(store, share, identity, team_id, listings, lines)

    with store.read(identity) as s:
        keys = teams.epoch_keys(s, team_id)
    own = files.numbered(listings[me], files.SEG_RE)
    if own and max(own) > last_seq:
        _take_back_own(store, share, identity, team_id, me, own, last_seq, keys, summary, lines)
        with store.read(identity) as s:
            cursors = snapshot.cursors(s, team_id)
    if not seen_before and len(listings) > 1:
        best = snapshot.best_snapshot(share, team_id, me, listings, keys)
        if best is not None:
            with store.write(identity) as s:
                s.info[REMOTE] = True
                team = s.get(SyncTeam, team_id)
                assert team is not None
                problems: list[str] = []
                s.execute(text("PRAGMA defer_foreign_keys = ON"))
                n = snapshot.load_snapshot(s, share, team, best, keys, problems)
                apply.fix_references(s, {})
                summary.pulled += n
                lines.extend(LogLine(WARNING, p, {}, team_id) for p in problems)
                lines.append(LogLine(INFO, "Started from a snapshot of {count} records.", {"count": n},
                                     team_id))
            with store.read(identity) as s:
                cursors = snapshot.cursors(s, team_id)

    with _no_gc():
        scan = pull.read_new_segments(share, team_id, me, listings, cursors, keys, clock(),
                                      cfg.max_future_ms, cfg.max_segments_per_round)
    lines.extend(scan.log)
    summary.held += scan.held
    with _no_gc():
        _merge(store, identity, team_id, scan.ready, cfg, clock, summary, lines)
    _upload(store, share, identity, team_id, my_folder, summary, lines)
    with store.read(identity) as s:
        team = s.get(SyncTeam, team_id)
        assert team is not None
        wrote_snapshot = team.segments_since_snapshot == 0 and team.last_seq > 0
        last = team.last_seq
    if wrote_snapshot and summary.ok:
        _compact(store, share, identity, team_id, my_folder, last, lines)


def _take_back_own(store: Store, share: Share, identity: Identity, team_id: str, me: str, own: dict[int, str],
                   last_seq: int, keys: dict[int, bytes], summary: SyncSummary, lines: list[LogLine]) -> None:
    """This laptop's folder holds files after the last one its diary wrote: the diary was restored from a
    backup taken before they were sent. Apply them like another laptop's (they hold changes this diary no
    longer has), then go on numbering after them, so nothing already on the share is written again."""
    ready: list[pull.Segment] = []
    newest = max(own)
    seq = last_seq + 1
    while seq <= newest:
        if seq not in own:
            raise ShareUnavailable("This diary was restored from a backup that is older than this laptop's "
                                   "files on the share allow to catch up (a file is missing). Nothing was "
                                   "changed; the round stops.")
        path = f"{team_id}/{files.member_folder(me)}/{own[seq]}"
        data = share._retry(lambda p=path: share.read(p))  # type: ignore[misc]
        header, writes = files.open_segment(data, team_id, me, seq, keys)
        deps = {str(k): int(v) for k, v in header.get("deps", {}).items()}
        ready.append(pull.Segment(me, seq, deps, writes, len(data)))
        seq += 1
    with store.write(identity) as s:
        s.info[REMOTE] = True
        team = s.get(SyncTeam, team_id)
        assert team is not None
        _apply_remote(s, team, ready, summary, lines)
        s.execute(delete(SyncCursor).where(SyncCursor.team_id == team_id, SyncCursor.member_id == me))
        team.last_seq = newest
        for name in list(s.scalars(select(SyncOutbox.name).where(SyncOutbox.team_id == team_id))):
            m = files.SEG_RE.match(name) or files.SNAP_RE.match(name)
            if m and int(m.group(1)) <= newest:  # already on the share, written before the backup's copy
                s.execute(delete(SyncOutbox).where(SyncOutbox.team_id == team_id, SyncOutbox.name == name))
    lines.append(LogLine(WARNING, "This diary was restored from a backup: {count} files this laptop had already "
                         "sent were taken back from the share.", {"count": len(ready)}, team_id))


def _keys_and_cards(store: Store, share: Share, identity: Identity, team_id: str,
                    listings: dict[str, list[str]], lines: list[LogLine]) -> None:
    """New members' cards and new epoch keys. Twice over, since a card may need a new key and a key file
    may come from a member whose card is new."""
    problems: dict[str, str] = {}
    with store.write(identity) as s:
        s.info[REMOTE] = True
        team = s.get(SyncTeam, team_id)
        assert team is not None
        for _ in range(2):
            others = [(m, n) for m, n in sorted(listings.items()) if m != team.member_id]
            for member, names in others:
                _accept_cards(s, share, team, member, names, lines)
            for member, names in others:
                for epoch, name in sorted(files.numbered(names, files.KEY_RE).items()):
                    if epoch in teams.epoch_keys(s, team_id):
                        continue
                    try:
                        problem = teams.accept_key_file(s, team, member, share.read(
                            f"{team_id}/{files.member_folder(member)}/{name}"))
                    except (Rejected, ShareUnavailable, TransientShareError) as exc:
                        problem = exc.message_en
                    if problem:
                        problems[name] = problem
                    else:
                        problems.pop(name, None)
    lines.extend(LogLine(PROBLEM, p, {}, team_id) for p in dict.fromkeys(problems.values()))


def _accept_cards(s: DiarySession, share: Share, team: SyncTeam, member: str, names: list[str],
                  lines: list[LogLine]) -> None:
    if s.get(SyncMember, (team.team_id, member)) is not None:
        return
    cards = files.numbered(names, files.CARD_RE)
    for number in sorted(cards, reverse=True):
        with contextlib.suppress(Rejected, ShareUnavailable, TransientShareError):
            data = share.read(f"{team.team_id}/{files.member_folder(member)}/{cards[number]}")
            teams.accept_card(s, team, member, number, data)
            lines.append(LogLine(INFO, "A new member joined the team ({member}).", {"member": member},
                                 team.team_id))
            return


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Merging allocates many small, short-lived objects; the cycle collector would rescan them all."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _merge(store: Store, identity: Identity, team_id: str, ready: list[pull.Segment], cfg: SyncConfig,
           clock: Callable[[], int], summary: SyncSummary, lines: list[LogLine]) -> None:
    with store.write(identity) as s:
        s.info[REMOTE] = True
        team = s.get(SyncTeam, team_id)
        assert team is not None
        keys = teams.epoch_keys(s, team_id)
        deps = snapshot.cursors(s, team_id)
        # 1. This laptop's new changes become segments first: they were made without seeing what comes next.
        while True:
            writes, upto = apply.ingest_local(s, team.compartment, team.change_seq, cfg.segment_max_writes)
            if not writes:
                break
            team.last_seq += 1
            header = {"team": team_id, "member": team.member_id, "seq": team.last_seq, "epoch": team.epoch,
                      "deps": deps, "count": len(writes), "created": clock()}
            s.add(SyncOutbox(team_id=team_id, name=files.seg_name(team.last_seq), changes=len(writes),
                             data=container.encode("segment", header, writes, keys[team.epoch])))
            team.change_seq = upto
            team.segments_since_snapshot += 1
        # 2. Then the team's changes, in HLC order (the device id is the last part of the HLC).
        if ready:
            _apply_remote(s, team, ready, summary, lines)
        if team.segments_since_snapshot >= cfg.snapshot_every:
            snapshot.write_snapshot(s, team, keys[team.epoch], clock())
        team.last_sync_at = utcnow()


def _apply_remote(s: DiarySession, team: SyncTeam, ready: list[pull.Segment], summary: SyncSummary,
                  lines: list[LogLine]) -> None:
    s.execute(text("PRAGMA defer_foreign_keys = ON"))
    writes = sorted((w for seg in ready for w in seg.writes), key=lambda w: str(w["h"]))
    keys = {(str(w["e"]), str(w["i"])) for w in writes}
    states = apply.load_states(s, keys)
    existing = set(states)
    changed: dict[apply.Key, st.State] = {}
    comps: dict[apply.Key, str] = {}
    foreign = 0
    for w in writes:
        if w["c"] != team.compartment:
            foreign += 1
            continue
        key = (str(w["e"]), str(w["i"]))
        state = states.setdefault(key, st.new_state(w.get("k")))
        comps[key] = team.compartment
        if st.apply_write(state, w):
            changed[key] = state
    if foreign:
        lines.append(LogLine(PROBLEM, "{count} received changes belong to the other track and were not "
                             "applied.", {"count": foreign}, team.team_id))
    problems: list[str] = []
    apply.materialise(s, changed, problems)
    apply.refresh_conflicts(s, changed, comps)
    apply.fix_references(s, states)
    apply.save_states(s, changed, existing, comps)
    lines.extend(LogLine(WARNING, p, {}, team.team_id) for p in dict.fromkeys(problems))
    s.execute(Change.__table__.insert(), [  # type: ignore[attr-defined]
        {"hlc": w["h"], "entity": w["e"], "entity_id": w["i"], "op": _OPS[w["o"]], "fields": w.get("f", {}),
         "compartment": w["c"], "client_id": w.get("k"), "author": w.get("a", ""),
         "device_id": st.hlc_device(w["h"]), "origin": "remote", "at": utcnow()}
        for w in writes if w["c"] == team.compartment])
    for seg in ready:
        snapshot.set_cursor(s, team.team_id, seg.member, seg.seq)
    if writes:
        clock = Clock(s)
        clock.observe(hlc.Timestamp.parse(str(writes[-1]["h"])))
        clock.save()
    summary.pulled += len(writes) - foreign
    if writes:
        lines.append(LogLine(INFO, "Received {count} changes from {files} files.",
                             {"count": len(writes) - foreign, "files": len(ready)}, team.team_id))


_OPS = {"u": "update", "d": "delete", "p": "purge"}


def _upload(store: Store, share: Share, identity: Identity, team_id: str, my_folder: str,
            summary: SyncSummary, lines: list[LogLine]) -> None:
    with store.read(identity) as s:
        names = list(s.scalars(select(SyncOutbox.name).where(SyncOutbox.team_id == team_id)))
    order = {"k": 0, "c": 1, "s": 2, "p": 3}
    pushed = 0
    for name in sorted(names, key=lambda n: (order.get(n[0], 9), n)):
        with store.read(identity) as s:
            row = s.get(SyncOutbox, (team_id, name))
            if row is None:
                continue
            data, count = row.data, row.changes
        share.write_new(my_folder, name, data)
        summary.bytes_written += len(data)
        with store.write(identity) as s:
            s.info[REMOTE] = True
            s.execute(delete(SyncOutbox).where(SyncOutbox.team_id == team_id, SyncOutbox.name == name))
        pushed += count
    summary.pushed += pushed
    if pushed:
        lines.append(LogLine(INFO, "Sent {count} changes.", {"count": pushed}, team_id))


def _compact(store: Store, share: Share, identity: Identity, team_id: str, my_folder: str, last: int,
             lines: list[LogLine]) -> None:
    folders = share.list_dir(team_id) or []
    listings = {m: share.list_dir(f"{team_id}/{n}") or [] for n in folders
                if (m := files.folder_member(n)) is not None}
    with store.read(identity) as s:
        team = s.get(SyncTeam, team_id)
        assert team is not None
        old = snapshot.compactable(share, s, team, listings, last)
    for n in old:
        share._quiet_remove(f"{my_folder}/{files.seg_name(n)}")
    if old:
        lines.append(LogLine(INFO, "Removed {count} old files that a snapshot covers.", {"count": len(old)},
                             team_id))



def share_reachable(location: str) -> bool:
    """Whether the share answers now (for the desktop's "share came back, sync in the background" timer)."""
    try:
        return open_share(location).list_dir("") is not None
    except SyncError:
        return False


def sync_now(store: Store, location: str, identity: Identity | None = None) -> SyncSummary:
    """One round against a share given as a folder, UNC path or smb:// URL; never raises for share trouble."""
    try:
        share = open_share(location)
    except SyncError as exc:
        return SyncSummary(ok=False, problems=[str(exc)])
    return sync_round(store, share, identity)
