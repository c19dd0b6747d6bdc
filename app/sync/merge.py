"""The round's write transactions (docs/sync.md, section 4): this laptop's new changes into segments, then
the team's verified changes applied in HLC order, then the snapshot when due and the acknowledgement — each
in short steps (``batches``), so a write of the desktop waits at most one step.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import Table

from app.models import Change, SyncOutbox, SyncTeam
from app.models.base import utcnow
from app.storage import hlc
from app.storage.changefeed import REMOTE, Clock, DiarySession, Identity
from app.storage.vault import Store
from app.sync import apply, batches, checks, clockfix, container, files, ingest, pull, roles, snapshot, values
from app.sync import state as st
from app.sync import team as teams
from app.sync.config import SyncConfig, SyncSummary
from app.sync.log import INFO, PROBLEM, WARNING, LogLine


def merge(store: Store, identity: Identity, team_id: str, scan: pull.Scan, senders: dict[str, pull.Sender],
           cfg: SyncConfig, clock: Callable[[], int], reference_ms: int | None, need_snapshot: bool,
           summary: SyncSummary, lines: list[LogLine], stop: Callable[[], bool]) -> None:
    """Local changes into segments, then the team's changes, then the snapshot (if due) and the
    acknowledgement — each step in short write transactions (``batches``), so another write waits at most
    one batch; ``stop`` is asked between them."""
    now = clock()
    ahead = 0
    pace = batches.Pace(cfg.transaction_ms, cfg.transaction_writes)
    # 1. This laptop's new changes become segments first: they were made without seeing what comes next.
    #    Steps of ~transaction_ms each; a transaction goes on with the next step unless another write of this
    #    program is waiting (or it has lasted transaction_max_ms): few commits when the diary is idle, a short
    #    wait when it is not.
    first = True
    more = True
    while more:
        if stop():
            raise batches.RoundStopped(batches.STOPPED)
        with _team_write(store, identity, team_id) as (s, team):
            held = time.perf_counter()
            keys = teams.epoch_keys(s, team_id)
            fixed = None
            if first:
                ahead = clockfix.hours_ahead(now, reference_ms, cfg.max_future_ms)
                team.clock_problem = ahead
                if ahead:
                    summary.clock_ahead_hours = max(summary.clock_ahead_hours, ahead)
                    lines.append(LogLine(PROBLEM, "This laptop's clock is {hours} hours ahead of the file server's; "
                                         "its changes are kept and sent once the clock is right.",
                                         {"hours": ahead}, team_id))
                else:
                    # A clock that was ahead and is right again: un-sent changes re-stamped, sent ones re-sent.
                    fixed = clockfix.recover(s, team, now, cfg.max_future_ms, keys)
                    if fixed.restamped or fixed.resent:
                        lines.append(LogLine(WARNING, "This laptop's clock was ahead and is right again: {count} "
                                             "changes were stamped again with the right time.",
                                             {"count": fixed.restamped + fixed.resent}, team_id))
            first = False
            while True:
                pace.start()
                more = not ahead and _ingest(s, team, keys, now, min(cfg.segment_max_writes, pace()), fixed)
                pace.took(pace())
                fixed = None
                if not more or _yield(store, stop, held, cfg):
                    break
        if more:  # between transactions; after the last one the next step's, or the round's own, copies it
            batches.checkpoint(store.engine)
    # 2. Then the team's changes, in HLC order within each batch (the device id is the last part of the HLC).
    if scan.ready or scan.skipped:
        with store.read(identity) as s:
            progress = batches.load_progress(s, team_id)
        before = summary.pulled
        parts = batches.split(scan, pace, progress)
        part = next(parts, None)
        while part is not None:
            if stop():
                raise batches.RoundStopped(batches.STOPPED)
            with _team_write(store, identity, team_id) as (s, team):
                held = time.perf_counter()
                if not ahead:  # what she wrote meanwhile is merged first, as if written before the round
                    while _ingest(s, team, teams.epoch_keys(s, team_id), now, cfg.segment_max_writes, None):
                        pass
                while part is not None:
                    pace.start()
                    apply_remote(s, team, pull.Scan(ready=part.ready, skipped=scan.skipped), senders, summary,
                                  lines, done=part.done, report=False)
                    batches.save_progress(s, team_id, part.partial)
                    pace.took(part.writes)
                    batches.collect_now_and_then()
                    part = next(parts, None)
                    if _yield(store, stop, held, cfg):
                        break
            if part is not None:  # the turn is given back: a waiting write goes on meanwhile
                batches.checkpoint(store.engine)  # (after the last one: the round's own, once it has acknowledged)
        if summary.pulled > before:
            batches.checkpoint_behind(store.engine)  # while the acknowledgement and the uploads go on
            lines.append(LogLine(INFO, "Received {count} changes from {files} files.",
                                 {"count": summary.pulled - before, "files": len(scan.ready)}, team_id))
    # 3. A snapshot when due, built from a read transaction (merge states change only in rounds), stored
    #    one part per transaction.
    with store.read(identity) as s:
        now_team = s.get(SyncTeam, team_id)
        assert now_team is not None
        due = now_team.segments_since_snapshot >= cfg.snapshot_every or (need_snapshot and now_team.last_seq > 0)
        seq = now_team.last_seq
    if due:
        if stop():
            raise batches.RoundStopped(batches.STOPPED)
        with store.read(identity) as s:
            now_team = s.get(SyncTeam, team_id)
            assert now_team is not None
            snap = snapshot.build_snapshot(s, now_team, teams.epoch_keys(s, team_id)[now_team.epoch], now)
        for number, row in enumerate(snap, start=1):
            with _team_write(store, identity, team_id) as (s, team):
                if team.last_seq != seq:  # another round sent a segment meanwhile: the next round writes it
                    break
                s.merge(row)
                if number == len(snap):
                    team.segments_since_snapshot = 0
            batches.checkpoint(store.engine)
    # 4. The acknowledgement: how far this laptop has applied everyone, and what it cannot apply.
    with _team_write(store, identity, team_id) as (s, team):
        keys = teams.epoch_keys(s, team_id)
        ack: dict[str, object] = {"deps": snapshot.cursors(s, team_id), "bad": dict(sorted(scan.bad.items()))}
        if ack != team.ack_state:
            team.ack_number += 1
            team.ack_state = ack
            header = {"team": team_id, "member": team.member_id, "number": team.ack_number, "epoch": team.epoch,
                      "created": now}
            s.add(SyncOutbox(team_id=team_id, name=files.ack_name(team.ack_number), changes=0, sent=False,
                             data=container.encode("ack", header, ack, keys[team.epoch], team.signing_key)))
        team.last_sync_at = utcnow()



@contextlib.contextmanager
def _team_write(store: Store, identity: Identity, team_id: str) -> Iterator[tuple[DiarySession, SyncTeam]]:
    """One of the round's write transactions (the change feed off: what it writes is the sync's own), with
    the team's row."""
    with store.write(identity) as s:
        s.info[REMOTE] = True
        team = s.get(SyncTeam, team_id)
        assert team is not None
        yield s, team

def _yield(store: Store, stop: Callable[[], bool], held: float, cfg: SyncConfig) -> bool:
    """Whether the round's write transaction should commit now and let others go: a write of this program is
    waiting, the diary is locking, or the transaction has lasted ``transaction_max_ms``."""
    return (store.writers_waiting() or stop()
            or (time.perf_counter() - held) * 1000 >= cfg.transaction_max_ms)


def _ingest(s: DiarySession, team: SyncTeam, keys: dict[int, bytes], now: int, limit: int,
            fixed: clockfix.Fixed | None) -> bool:
    """One segment of at most ``limit`` of this laptop's local changes into the outbox (with ``fixed``: the
    re-stamped and re-sent changes of a clock put right). Returns whether there may be more."""
    limit = max(1, limit)
    writes, upto = ingest.ingest_local(s, team.compartment, team.change_seq, limit)
    if fixed is not None and fixed.writes:
        writes = fixed.writes + writes
    if not writes:
        team.change_seq = max(team.change_seq, upto)  # nothing of this laptop's up to there
        return False
    team.last_seq += 1
    header: dict[str, Any] = {"team": team.team_id, "member": team.member_id, "seq": team.last_seq,
                              "epoch": team.epoch, "deps": snapshot.cursors(s, team.team_id), "count": len(writes),
                              "created": now}
    if fixed is not None and fixed.void:
        header["void"] = sorted(fixed.void)
    s.add(SyncOutbox(team_id=team.team_id, name=files.seg_name(team.last_seq), changes=len(writes), sent=False,
                     data=container.encode("segment", header, writes, keys[team.epoch], team.signing_key)))
    team.change_seq = upto
    team.segments_since_snapshot += 1
    return upto > 0 and len(writes) >= limit


def apply_remote(s: DiarySession, team: SyncTeam, scan: pull.Scan, senders: dict[str, pull.Sender],
                  summary: SyncSummary, lines: list[LogLine], done: list[pull.Segment] | None = None,
                  report: bool = True) -> None:
    """Apply ``scan.ready``; the cursors move past ``done`` (by default every ready segment)."""
    s.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    cursors = snapshot.cursors(s, team.team_id)
    # Segments another round applied meanwhile (its cursor is past them) are not applied twice.
    ready = [seg for seg in scan.ready if seg.seq > cursors.get(seg.member, 0)]
    order = sorted(((w, seg) for seg in ready for w in seg.writes), key=lambda t: str(t[0]["h"]))
    keys = {(str(w["e"]), str(w["i"])) for w, _ in order}
    states, known = apply.load_known(s, keys)
    absent = keys - set(known)  # neither a row nor a state here: nothing to look up before inserting
    existing = set(states)
    changed: dict[apply.Key, st.State] = {}
    comps: dict[apply.Key, str] = {}
    refused: dict[tuple[str, int, str], int] = {}
    accepted: list[tuple[st.Write, str]] = []  # (write, its author's laptop)
    fresh: dict[apply.Key, st.Write] = {}
    role_changes = roles.changes_for_batch(s, team, [w for w, _ in order])
    compartment, founder = team.compartment, team.founder
    check_write, refuse_write, hlc_device = checks.check_write, roles.refuse_write, st.hlc_device
    fields_ok = checks.fields_checked(w for w, _ in order)  # the common shapes' values checked column by column
    for w, seg in order:
        sender = senders[seg.member]
        key = (str(w["e"]), str(w["i"]))
        state = states.get(key)
        if state is not None and "w" in state:  # a second write to a record new in this batch
            state = states[key] = st.expand(state)
            if key in changed:
                changed[key] = state
        reason: str | None = None
        device = hlc_device(str(w["h"]))
        if sender.device and device != sender.device:
            reason = "A received change carries another laptop's time stamp (forged); it was refused."
        reason = reason or check_write(w, compartment, state, known.get(key), id(w) in fields_ok)
        reason = reason or refuse_write(w, state, role_changes, founder, seg.member)
        if reason:
            refused[(seg.member, seg.seq, reason)] = refused.get((seg.member, seg.seq, reason), 0) + 1
            continue
        w["a"] = sender.label  # authorship is the verified sending member's, whatever the write says
        comps[key] = known[key] = compartment
        if state is None and w["o"] == "u":  # a record new here: its state is this one write
            if w.get("f") and not w.get("b") and not w.get("kd"):
                changed[key] = states[key] = st.one_write(w)  # compact: expanded if another write comes
                fresh[key] = w
            else:
                state = states[key] = st.fresh_state(w)
                if state["f"] or state["ds"]:
                    changed[key] = state
        else:
            fresh.pop(key, None)
            if state is None:
                state = states[key] = st.new_state(w.get("k"))
            if st.apply_write(state, w):
                changed[key] = state
        accepted.append((w, device))
    for (member, seq, reason), n in sorted(refused.items()):
        summary.refused += n
        lines.append(LogLine(PROBLEM, "{count} received changes in file {file} of {member} were refused: "
                             "{reason}", {"count": n, "file": files.seg_name(seq), "member": pull.who(senders, member),
                                          "reason": reason}, team.team_id))
    problems: list[str] = []
    inserted = apply.materialise(s, changed, problems, fresh, absent)
    apply.refresh_conflicts(s, {k: v for k, v in changed.items() if k not in fresh}
                            if len(fresh) < len(changed) else {}, comps, set(changed) - existing)
    apply.fix_references(s, states, set(changed), inserted)
    # A record new here: its compact state's JSON from its write's fields.
    dumps, one_write_json = values.dumps, values.one_write_json
    encoded = {key: one_write_json(w["h"], w["a"], dumps(w["f"]), w.get("k")) for key, w in fresh.items()}
    apply.save_states(s, changed, existing, comps, encoded)
    lines.extend(LogLine(WARNING, p, {}, team.team_id) for p in dict.fromkeys(problems))
    if accepted:
        changes: Table = Change.__table__  # type: ignore[assignment]
        conn = s.connection()
        # Nothing after this laptop's last sent change yet: its next change comes after the rows received now
        # (ingest reads only local rows; counting what waits, ``round._waiting``, then reads none of these).
        caught_up = team.change_seq >= int(conn.exec_driver_sql(_NEWEST_CHANGE).scalar() or 0)
        at = values.stored_value(s, changes, "at", utcnow())
        # A received change's row names the fields it set, never their values: those are in the record and
        # its merge state, and the audit trail shows names only (a third copy of her data would be kept for
        # nothing, and be one more place a purge must reach). A write that created the record here is its
        # "insert", which sets every field: no names, as the audit trail shows an insert.
        names = values.field_names_json
        created = {id(w) for key, w in fresh.items() if key in inserted}
        values.insert_tuples(s, changes, _CHANGE_COLUMNS, [
            (w["h"], w["e"], w["i"], "insert", "[]", w["c"], w.get("k"), w["a"], device, "remote", at)
            if id(w) in created else
            (w["h"], w["e"], w["i"], _OPS[w["o"]], names(w.get("f")), w["c"], w.get("k"), w["a"], device, "remote",
             at) for w, device in accepted], encoded=("fields", "at"))
        if caught_up:
            team.change_seq = int(conn.exec_driver_sql(_NEWEST_CHANGE).scalar() or 0)
    finished = pull.Scan(ready=scan.ready if done is None else done, skipped=scan.skipped)
    for member, seq in pull.new_cursors(finished, cursors).items():
        snapshot.set_cursor(s, team.team_id, member, seq)
    if order:
        clock = Clock(s)
        clock.observe(hlc.Timestamp.parse(str(order[-1][0]["h"])))
        clock.save()
    if any(w["o"] == "p" for w, _ in accepted):
        # A purge from the team: this laptop's own files on the share may hold the records too (rewrite.py).
        team.scrub_pending = True
        if team.last_seq > 0:
            team.segments_since_snapshot = max(team.segments_since_snapshot, 1_000_000)
    summary.pulled += len(accepted)
    if accepted and report:
        lines.append(LogLine(INFO, "Received {count} changes from {files} files.",
                             {"count": len(accepted), "files": len(ready)}, team.team_id))


_NEWEST_CHANGE = "SELECT max(seq) FROM changes"
_OPS = {"u": "update", "d": "delete", "p": "purge"}


_CHANGE_COLUMNS = ("hlc", "entity", "entity_id", "op", "fields", "compartment", "client_id", "author", "device_id",
                   "origin", "at")
