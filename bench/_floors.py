"""Floors for the benchmarks: the raw SQLCipher work a service figure is compared with, measured in the same run
(so a loaded machine slows both), and printed beside it as a ratio."""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event

from app.services.context import Diary

EXPORTED_TABLES = ["clients", "cases", "decisions", "extensions", "network_contacts", "children",
                   "court_appointments", "diary_entries", "safety_plan_versions", "risk_assessments", "incidents",
                   "men_clients", "men_talks"]


def raw_connection(diary: Diary) -> Any:
    return diary.store.engine.raw_connection()


def export_floor(diary: Diary, target: Path, nbytes: int) -> float:
    """Seconds to read every exported row with one plain ``SELECT *`` per table and to write (and fsync) a file
    of the export's size: the decrypting read and the disk write an export cannot avoid, without any shaping."""
    conn = raw_connection(diary)
    try:
        t0 = time.perf_counter()
        cur = conn.cursor()
        cur.execute("BEGIN")
        for table in EXPORTED_TABLES:
            cur.execute(f"SELECT * FROM {table}")
            while cur.fetchmany(5000):
                pass
        cur.execute("COMMIT")
        block = b"x" * (1 << 20)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            left = nbytes
            while left > 0:
                left -= os.write(fd, block[:min(left, len(block))])
            os.fsync(fd)
        finally:
            os.close(fd)
        return time.perf_counter() - t0
    finally:
        target.unlink(missing_ok=True)
        conn.close()


class Recorder:
    """The SQL statements (and parameters) a service call sends, to replay them on a raw cursor."""

    def __init__(self, diary: Diary) -> None:
        self.engine = diary.store.engine
        self.statements: list[tuple[str, Any]] = []

    def _record(self, conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
                executemany: bool) -> None:
        self.statements.append((statement, parameters))

    def __enter__(self) -> Recorder:
        event.listen(self.engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *exc: object) -> None:
        event.remove(self.engine, "before_cursor_execute", self._record)


def replay_floor(diary: Diary, call: Callable[[], object], repeat: int = 20) -> tuple[float, float]:
    """(service ms, raw ms), medians: the service call, and the very statements it sent run on a raw cursor in
    one read transaction, rows fetched and dropped — the floor for a read-only service."""
    import statistics

    with Recorder(diary) as rec:
        call()
    statements = [(s, p) for s, p in rec.statements if not s.lstrip().upper().startswith(("BEGIN", "COMMIT"))]
    conn = raw_connection(diary)
    try:
        service, raw = [], []
        for _ in range(repeat):
            t0 = time.perf_counter()
            call()
            service.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            cur = conn.cursor()
            cur.execute("BEGIN")
            for sql, params in statements:
                cur.execute(sql, params).fetchall()
            cur.execute("COMMIT")
            raw.append((time.perf_counter() - t0) * 1000)
        return statistics.median(service), statistics.median(raw)
    finally:
        conn.close()


ENTRY_SQL = ("INSERT INTO diary_entries (id, compartment, created_at, updated_at, created_by, updated_by, device_id,"
             " client_id, case_id, event_on, written_at, duration_minutes, kinds, activity, text, author_name,"
             " author_title, signed_at) VALUES (?, 'women', '2026-01-01 00:00:00.000000', "
             "'2026-01-01 00:00:00.000000', 'b', 'b', 'd', ?, ?, '2026-01-01', '2026-01-01 00:00:00.000000', 0,"
             " 'support_talk', '', ?, 'b', '', '2026-01-01 00:00:00.000000')")
CHANGE_SQL = ("INSERT INTO changes (hlc, entity, entity_id, op, fields, compartment, client_id, author, device_id,"
              " origin, at) VALUES (?, 'diary_entries', ?, 'insert', ?, 'women', ?, 'b', 'd', 'local',"
              " '2026-01-01 00:00:00.000000')")


def raw_entry_writes(conn: Any, client_id: str, count: int) -> float:
    """Writes per second doing by hand what ``add_entry`` does in SQL: in one BEGIN IMMEDIATE … COMMIT, read the
    client's track and latest case, insert the entry (the triggers keep FTS and the kinds index), read the
    clock, insert the change row, write the clock back."""
    t = time.perf_counter()
    for i in range(count):
        c = conn.cursor()
        c.execute("BEGIN IMMEDIATE")
        c.execute("SELECT compartment FROM clients WHERE id = ?", (client_id,)).fetchone()
        row = c.execute("SELECT id FROM cases WHERE client_id = ? ORDER BY referred_on DESC LIMIT 1",
                        (client_id,)).fetchone()
        eid = str(uuid.uuid4())
        text = f"rå skrivning {i}"
        c.execute(ENTRY_SQL, (eid, client_id, row[0] if row else None, text))
        clock = c.execute("SELECT value FROM settings WHERE key = 'hlc.last'").fetchone()
        fields = json.dumps({"client_id": client_id, "text": text, "kinds": "support_talk", "event_on": "2026-01-01",
                             "signed_at": "2026-01-01T00:00:00", "author_name": "b"})
        c.execute(CHANGE_SQL, (f"{clock[0] if clock else ''}{i}", eid, fields, client_id))
        c.execute("UPDATE settings SET value = value WHERE key = 'hlc.last'")
        c.execute("COMMIT")
    return count / (time.perf_counter() - t)
