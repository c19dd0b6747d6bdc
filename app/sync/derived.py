"""The derived rows of many new diary entries, filled set-based in the insert's own transaction.

A diary entry has three kinds of derived rows, normally written by SQL triggers row by row: its full-text row
(``diary_fts``, external content, rowid = the entry's rowid), one ``diary_entry_kinds`` row per kind of support
it records, and the count of its kinds in the year summary ``support_kind_years``. When sync inserts many new
entries at once (a new laptop starting from a snapshot, a big pull), those triggers are most of the insert's
cost. ``insert_rows`` then holds the two insert triggers back (row 1 of ``derived_deferred``, migration 1600)
while it inserts, and the derived rows of exactly the rows inserted (rowid above the diary's highest rowid
before) are filled with three set-based statements: at once, or — inside ``window`` (all of one
``apply.materialise``) — once at the window's end for all of its inserts, which is faster (fewer, bigger
statements). Nothing else inserts, updates or deletes those rows before their fill: materialising inserts only
records that have no row, touches each record once, and updates and deletes only rows that were there before;
SQLite refuses an update or delete of a row still waiting for its fill (triggers of migration 1600).

Why the set is exact: ``diary_entries`` has an implicit rowid (its key is the text ``id``); a plain INSERT
without a rowid column gives each new row max(rowid) + 1 while that is below 2**63 - 1. Every insert is checked
to have added exactly its rows right after the ones before; a statement that names a rowid, replaces rows or is
anything but a plain INSERT is refused.

Nothing half-filled can be committed: while triggers are held back (row 1) or a fill is pending (row 2), the
flag table holds a row whose ``guard`` points at a row that does not exist, under a deferred foreign key, so
SQLite refuses to COMMIT. If anything fails before the fill, the row stays and the transaction can only roll
back. Other connections never see these rows: readers see committed data, and writers take turns.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

TABLE = "diary_entries"
MIN_ROWS = 16  # fewer rows (and no fill pending): the per-row triggers, cheaper than the fill's few statements
_ROWID_LIMIT = 1 << 62  # far below 2**63 - 1, where SQLite would start picking random rowids

SET_FLAG = "INSERT INTO derived_deferred(id, guard) VALUES (1, 0)"  # the insert triggers do nothing
CLEAR_FLAG = "DELETE FROM derived_deferred WHERE id = 1"
# A fill is due before COMMIT; entries above after_rowid cannot be updated or deleted until then.
_SET_PENDING = "INSERT INTO derived_deferred(id, guard, after_rowid) VALUES (2, 0, ?)"
_CLEAR_PENDING = "DELETE FROM derived_deferred WHERE id = 2"
LAST_ROWID = f"SELECT coalesce(max(rowid), 0) FROM {TABLE}"
_NEW_ROWS = f"SELECT count(*), coalesce(max(rowid), 0) FROM {TABLE} WHERE rowid > ?"

_KINDS = ("SELECT 'practical_support' AS kind UNION ALL SELECT 'support_talk' "
          "UNION ALL SELECT 'civic_information' UNION ALL SELECT 'court_support'")
# Each takes the rowid before the insert. The same rows as the triggers of migrations 0002 and 1200 write.
FILL = (
    f"INSERT INTO diary_fts(rowid, text) SELECT rowid, text FROM {TABLE} WHERE rowid > ? ORDER BY rowid",
    "INSERT INTO diary_entry_kinds(entry_id, kind, client_id, event_on) "
    f"SELECT d.id, k.kind, d.client_id, d.event_on FROM {TABLE} AS d CROSS JOIN ({_KINDS}) AS k "
    "WHERE d.rowid > ? AND instr(',' || d.kinds || ',', ',' || k.kind || ',') > 0",
    "INSERT INTO support_kind_years(year, kind, client_id, entries) "
    f"SELECT substr(d.event_on, 1, 4), k.kind, d.client_id, count(*) FROM {TABLE} AS d CROSS JOIN ({_KINDS}) AS k "
    "WHERE d.rowid > ? AND instr(',' || d.kinds || ',', ',' || k.kind || ',') > 0 GROUP BY 1, 2, 3 "
    "ON CONFLICT(year, kind, client_id) DO UPDATE SET entries = entries + excluded.entries",
)

_PLAIN = re.compile(r'\s*INSERT\s+INTO\s+"?diary_entries"?\s*\(([^)]*)\)\s*VALUES\s*\([?,\s]*\)\s*', re.I)
_ROWID_NAMES = {"rowid", "oid", "_rowid_"}
_WINDOW = "athena.derived_window"  # session.info key: the open window's _Pending


class DerivedFillError(RuntimeError):
    """The rows a bulk insert added are not the set it meant to add (a bug, never data): nothing is committed."""


@dataclass
class _Pending:
    before: int | None = None  # the highest rowid before the window's first held-back insert
    added: int = 0  # rows inserted with the triggers held back since


def plain_insert(sql: str) -> bool:
    """Whether ``sql`` is a plain ``INSERT INTO diary_entries (columns) VALUES (?, …)`` naming no rowid."""
    m = _PLAIN.fullmatch(sql)
    if m is None:
        return False
    cols = {c.strip().strip('"').lower() for c in m.group(1).split(",")}
    return not cols & _ROWID_NAMES


def insert_rows(session: Session, table: str, sql: str, params: Sequence[tuple[Any, ...]]) -> None:
    """Run ``sql`` (an INSERT) for every row of ``params`` on the session's connection. New diary entries, when
    there are many of them (or a fill is already pending in this ``window``), go in with the per-row triggers
    held back and their derived rows filled set-based (see the module's text); anything else as it is."""
    conn = session.connection()
    pending: _Pending | None = session.info.get(_WINDOW)
    if table != TABLE or (len(params) < MIN_ROWS and (pending is None or pending.before is None)):
        conn.exec_driver_sql(sql, params)
        return
    if not plain_insert(sql):
        raise DerivedFillError("A bulk insert of diary entries must be a plain INSERT without rowids.")
    last = int(conn.exec_driver_sql(LAST_ROWID).scalar_one())
    if pending is not None and pending.before is not None:
        if last != pending.before + pending.added:
            raise DerivedFillError("Diary entries were inserted while a set-based fill was pending.")
    elif last >= _ROWID_LIMIT:
        conn.exec_driver_sql(sql, params)
        return
    elif pending is not None:
        conn.exec_driver_sql(_SET_PENDING, (last,))  # from here until the fill, this transaction cannot commit
        pending.before = last
    # From SET_FLAG to CLEAR_FLAG nothing else runs. On an exception the flag row stays, so the transaction
    # cannot commit; the caller's write rolls back.
    conn.exec_driver_sql(SET_FLAG)
    conn.exec_driver_sql(sql, params)
    if int(conn.exec_driver_sql(LAST_ROWID).scalar_one()) != last + len(params):
        raise DerivedFillError("A bulk insert of diary entries added other rows than it was given.")
    if pending is None:
        _check_and_fill(conn, last, len(params))
    else:
        pending.added += len(params)
    conn.exec_driver_sql(CLEAR_FLAG)


@contextlib.contextmanager
def window(session: Session) -> Iterator[None]:
    """Within it, the derived rows of the new diary entries ``insert_rows`` adds are filled once, at its end,
    for all of them. Inside, nothing may update or delete an entry inserted in it (SQLite refuses), nor insert
    an entry other than through ``insert_rows`` (checked). On an exception the fill is not done and the
    transaction cannot commit. A window inside a window is the outer one."""
    if _WINDOW in session.info:
        yield
        return
    pending = session.info[_WINDOW] = _Pending()
    try:
        yield
    finally:
        del session.info[_WINDOW]
    if pending.before is not None:
        conn = session.connection()
        conn.exec_driver_sql(SET_FLAG)  # the kinds rows the fill inserts: not counted by their trigger too
        _check_and_fill(conn, pending.before, pending.added)
        conn.exec_driver_sql(CLEAR_FLAG)
        conn.exec_driver_sql(_CLEAR_PENDING)


def _check_and_fill(conn: Connection, before: int, added: int) -> None:
    count, top = conn.exec_driver_sql(_NEW_ROWS, (before,)).one()
    if count != added or top - before != added:
        raise DerivedFillError("A bulk insert of diary entries added other rows than it was given.")
    fill(conn, before)


def fill(conn: Connection, before: int) -> None:
    """The derived rows of the entries whose rowid is above ``before``, none of which has any yet."""
    for sql in FILL:
        conn.exec_driver_sql(sql, (before,))
