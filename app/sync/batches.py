"""Applying a round in short transactions, so that the diary stays usable while a big round runs.

A round applies the team's segments (in the causal order ``pull`` found) in batches, each in its own write
transaction together with the cursors it completes, sized to last about ``SyncConfig.transaction_ms``
(``Pace``, at most ``SyncConfig.transaction_writes`` writes): another write waits at most one batch (the
process's writers take turns, ``vault.WriteTurns``), and readers never wait (WAL). A segment bigger than a
batch is applied in parts; how far its applied part goes is kept in the same transaction (``Progress``, a
``settings`` row), so a round stopped or killed between two parts goes on where it stopped: nothing applied is
lost, and no write is applied (or entered in the change feed) twice.
"""

from __future__ import annotations

import contextlib
import gc
import json
import sys
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.models import Setting
from app.sync.errors import SyncError
from app.sync.pull import Scan, Segment


class RoundStopped(SyncError):
    """The round was asked to stop (the diary is locking): what was applied so far is kept."""


STOPPED = "The round was stopped before it ended (the diary was locked); it goes on at the next round."


@dataclass
class Batch:
    """Part of a scan for one transaction: segments (or a slice of one), and the segments it completes."""

    ready: list[Segment] = field(default_factory=list)  # what to apply (slices of the scan's segments)
    done: list[Segment] = field(default_factory=list)  # scan segments whose last write is in this batch
    partial: tuple[str, int, int, str] | None = None  # (member, seq, writes applied, last hlc) left open

    @property
    def writes(self) -> int:
        return sum(len(s.writes) for s in self.ready)


def _key(team_id: str) -> str:
    return f"sync.partial.{team_id}"[:80]


def load_progress(session: Session, team_id: str) -> tuple[str, int, int, str] | None:
    """The segment a stopped round had applied in part: (member, seq, writes applied, hlc of the last)."""
    row = session.get(Setting, _key(team_id))
    if row is None:
        return None
    try:
        m, seq, n, last = json.loads(row.value)
        return str(m), int(seq), int(n), str(last)
    except (ValueError, TypeError):
        return None


def save_progress(session: Session, team_id: str, partial: tuple[str, int, int, str] | None) -> None:
    """Kept with plain SQL on the session's connection (it is saved at every step of a round)."""
    conn = session.connection()
    if partial is None:
        conn.exec_driver_sql("DELETE FROM settings WHERE key = ?", (_key(team_id),))
    else:
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                             (_key(team_id), json.dumps(list(partial))))


def skip_applied(seg: Segment, progress: tuple[str, int, int, str] | None) -> Segment:
    """The part of ``seg`` a stopped round had not applied yet (all of it unless ``progress`` names it and its
    last applied write is the one found at that place)."""
    if progress is None or (seg.member, seg.seq) != progress[:2]:
        return seg
    n = progress[2]
    if 0 < n <= len(seg.writes) and str(seg.writes[n - 1].get("h")) == progress[3]:
        return Segment(seg.member, seg.seq, seg.deps, seg.writes[n:], seg.size, seg.void)
    return seg


def split(scan: Scan, limit: int | Callable[[], int],
          progress: tuple[str, int, int, str] | None = None) -> Iterator[Batch]:
    """The scan's ready segments as batches of at most ``limit`` writes (whole segments where they fit);
    ``limit`` may be a function, asked as each batch starts (``Pace``)."""
    size: Callable[[], int] = (lambda: max(1, limit)) if isinstance(limit, int) else (lambda: max(1, limit()))
    cur = Batch()
    cap = size()
    for seg in scan.ready:
        rest = skip_applied(seg, progress)
        offset = len(seg.writes) - len(rest.writes)
        writes = rest.writes
        if not writes:  # nothing left in it (or an empty segment): it only completes
            cur.done.append(seg)
            continue
        start = 0
        while start < len(writes):
            room = cap - cur.writes
            if room <= 0:
                yield cur
                cur = Batch()
                cap = size()
                room = cap
            part = writes[start:start + room]
            cur.ready.append(Segment(seg.member, seg.seq, seg.deps, part, seg.size, seg.void))
            start += len(part)
            if start == len(writes):
                cur.done.append(seg)
                cur.partial = None
            else:
                cur.partial = (seg.member, seg.seq, offset + start, str(part[-1].get("h")))
    if cur.ready or cur.done:
        yield cur


class Pace:
    """How many writes the next transaction takes: sized so that one lasts about ``target_ms`` on this
    machine now (a loaded laptop gets smaller ones), between ``low`` and ``high``."""

    def __init__(self, target_ms: int, high: int, low: int = 100) -> None:
        self.target_s = max(1, target_ms) / 1000
        self.high = max(1, high)
        self.low = max(1, min(low, self.high))
        self.size = min(self.high, max(self.low, 1000))
        self._t0 = 0.0

    def __call__(self) -> int:
        return self.size

    def start(self) -> None:
        self._t0 = time.perf_counter()

    def took(self, writes: int) -> None:
        """After a transaction of ``writes`` writes: the next one's size."""
        spent = time.perf_counter() - self._t0
        if writes <= 0 or spent <= 0:
            return
        want = int(writes * self.target_s / spent)
        self.size = min(self.high, max(self.low, min(want, 2 * self.size)))


_switch_lock = threading.Lock()
_switch_users = 0
_switch_before = 0.005
SWITCH_S = 0.0005


@contextlib.contextmanager
def responsive() -> Iterator[None]:
    """While a round runs, the interpreter hands its lock between threads more often: a reader in another
    thread waits for it after each of its (many, short) SQLite calls, up to the switch interval each time,
    behind a round busy in Python. Restored when the last round ends."""
    global _switch_users, _switch_before
    with _switch_lock:
        if _switch_users == 0:
            _switch_before = sys.getswitchinterval()
            sys.setswitchinterval(min(_switch_before, SWITCH_S))
        _switch_users += 1
    try:
        yield
    finally:
        with _switch_lock:
            _switch_users -= 1
            if _switch_users == 0:
                sys.setswitchinterval(_switch_before)


# The round's own connections (every connection its thread takes from the pool while it runs, ``round_thread``)
# get a page cache of ROUND_CACHE_KIB: a join or first push touches every B-tree of the diary, and each page that
# falls out of SQLite's cache costs a read and a decryption when it is needed again (the engine's default of
# 32 MB is far below a big diary's indexes). They also leave the WAL checkpoint to the round
# (``checkpoint``, run after each commit once the write turn is given back): otherwise a commit that finds the
# WAL above 1,000 pages copies it into the database inside the write turn, and a waiting write of the desktop
# waits for that copy. A connection is put back to the normal settings when another thread takes it.
ROUND_CACHE_KIB = 256 * 1024
NORMAL_CACHE_KIB = 32_000
NORMAL_AUTOCHECKPOINT = 1000
_ROUND_CONN = "athena.sync_round_settings"
_round_local = threading.local()
_installed: weakref.WeakSet[Engine] = weakref.WeakSet()
_install_lock = threading.Lock()


def _on_checkout(dbapi_conn: Any, record: Any, proxy: Any) -> None:
    mine = getattr(_round_local, "depth", 0) > 0
    if mine == bool(record.info.get(_ROUND_CONN)):
        return
    cur = dbapi_conn.cursor()
    try:
        if mine:
            cur.execute(f"PRAGMA cache_size = -{ROUND_CACHE_KIB}")
            cur.execute("PRAGMA wal_autocheckpoint = 0")
            record.info[_ROUND_CONN] = True
        else:
            cur.execute(f"PRAGMA cache_size = -{NORMAL_CACHE_KIB}")
            cur.execute(f"PRAGMA wal_autocheckpoint = {NORMAL_AUTOCHECKPOINT}")
            record.info.pop(_ROUND_CONN, None)
    finally:
        cur.close()


@contextlib.contextmanager
def round_thread(engine: Engine) -> Iterator[None]:
    """While it is open, the connections this thread takes from ``engine``'s pool have the round's settings."""
    with _install_lock:
        if engine not in _installed:
            event.listen(engine, "checkout", _on_checkout)
            _installed.add(engine)
    _round_local.depth = getattr(_round_local, "depth", 0) + 1
    try:
        yield
    finally:
        _round_local.depth -= 1


# While a round runs the cycle collector is paused (``round._no_gc``) for the whole program: the garbage of
# its other threads (the desktop's reads) piles up meanwhile. A long round collects it between its steps,
# at most every COLLECT_EVERY_S, so no collection (which holds every thread for its length) grows long.
COLLECT_EVERY_S = 1.0
_collected = [0.0]


def collected() -> None:
    """Note that garbage was just collected (or the pause just began)."""
    _collected[0] = time.perf_counter()


def collect_now_and_then() -> None:
    """Between two steps of a round: collect the garbage made since the last collection, when that was more
    than COLLECT_EVERY_S ago (nothing when the collector is not paused: it runs by itself then)."""
    if gc.isenabled() or time.perf_counter() - _collected[0] < COLLECT_EVERY_S:
        return
    gc.collect()
    collected()


_background: dict[int, threading.Thread] = {}  # id(engine) -> its checkpoint running in a thread
_background_lock = threading.Lock()


def checkpoint_behind(engine: Engine) -> None:
    """Start ``checkpoint`` in a thread: copying the WAL into the database is SQLite's work outside Python's
    lock, so the round's last steps (its acknowledgement, the uploads, the share's tidying) go on meanwhile.
    The next ``checkpoint`` of this engine waits for it first (the round's own, at its end, always does)."""
    with _background_lock:
        running = _background.get(id(engine))
        if running is not None and running.is_alive():
            return
        thread = threading.Thread(target=_checkpoint_quietly, args=(engine,), name="athena-checkpoint",
                                  daemon=True)
        _background[id(engine)] = thread
    thread.start()


def _checkpoint_quietly(engine: Engine) -> None:
    with contextlib.suppress(Exception):  # (a diary closed meanwhile): the round's own checkpoint copies it
        _checkpoint_now(engine)


def checkpoint(engine: Engine) -> None:
    """Copy the WAL into the database without waiting for anyone (PASSIVE: readers and writers go on), after
    the one ``checkpoint_behind`` started, if any."""
    with _background_lock:
        running = _background.pop(id(engine), None)
    if running is not None:
        running.join()
    _checkpoint_now(engine)


def _checkpoint_now(engine: Engine) -> None:
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            conn.rollback()
    except DBAPIError:
        pass  # (a diary being locked, or busy): the next commit's or round's checkpoint copies it
