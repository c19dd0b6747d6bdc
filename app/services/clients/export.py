"""Everything stored about a client (or all clients), as JSON: the worker's backup or a hand-over.

The format is documented in docs/export.md. The export is streamed: rows are read straight from SQL, one client
at a time, and each client is written as one line of JSON before the next is read, so exporting a diary of any
size never holds more than one client in memory. Values are converted by the same SQLAlchemy type converters
the ORM uses (a date reads back as the ORM would give it), so the bytes are those of the ORM-built export.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Date, DateTime, bindparam, func, inspect, select
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from app.errors import DomainError
from app.models import (
    Case,
    Child,
    Client,
    CourtAppointment,
    Decision,
    DiaryEntry,
    Extension,
    Incident,
    MenClient,
    MenTalk,
    NetworkContact,
    Record,
    RiskAssessment,
    SafetyPlanVersion,
    StatusHistory,
)
from app.services import audit
from app.services.clients.clients import require_client
from app.services.context import Diary
from app.storage.private_files import write_private

FORMAT_VERSION = 1
PER_CLIENT: list[tuple[str, type[Record]]] = [
    ("network_contacts", NetworkContact), ("children", Child), ("court_appointments", CourtAppointment),
    ("diary_entries", DiaryEntry), ("safety_plan_versions", SafetyPlanVersion),
    ("risk_assessments", RiskAssessment), ("incidents", Incident), ("status_history", StatusHistory),
]

PROTECTED_FIELDS = ("personal_number", "address", "postal_code", "city")
REDACTED = "[skyddad uppgift utelämnad]"

Column = Any  # a mapped column attribute (Model.field)
Progress = Callable[[int, int], None]  # (clients written, clients in the export), after every client
Cancelled = Callable[[], bool]


class ExportCancelled(DomainError):
    """The worker stopped the export; nothing was written."""

    def __init__(self) -> None:
        super().__init__("The export was cancelled; no file was written.")


def _iso_datetime(proc: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A stored time as ``datetime.isoformat`` gives it. SQLAlchemy stores ``YYYY-MM-DD HH:MM:SS.ffffff``; that
    shape is rewritten directly (isoformat leaves out a zero fraction), anything else goes through the ORM's
    own converter."""

    def convert(v: Any) -> Any:
        if type(v) is str and len(v) == 26 and v[10] == " " and v[19] == ".":
            return v[:10] + "T" + (v[11:19] if v[20:] == "000000" else v[11:])
        v = proc(v)
        return v.isoformat() if isinstance(v, date | datetime) else v

    return convert


def _iso_date(proc: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A stored date as ``date.isoformat`` gives it: ``YYYY-MM-DD`` as stored, anything else converted."""

    def convert(v: Any) -> Any:
        if type(v) is str and len(v) == 10 and v[4] == "-" and v[7] == "-" and v[:4].isdigit() \
                and v[5:7].isdigit() and v[8:].isdigit():
            return v
        v = proc(v)
        return v.isoformat() if isinstance(v, date | datetime) else v

    return convert


def _generic(proc: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def convert(v: Any) -> Any:
        v = proc(v)
        return v.isoformat() if isinstance(v, date | datetime) else v

    return convert


class _Rows:
    """One table's rows under one parent, as the export's dicts: its columns in the mapper's order, the SQL
    compiled once (the same WHERE and ORDER BY as the ORM queries it replaces, hence the same query plan and
    the same order of rows with equal sort keys), and SQLAlchemy's own result converters per column."""

    def __init__(self, model: type[Record], parent: Column | None, order: Column, dialect: Dialect) -> None:
        attrs = list(inspect(model).column_attrs)
        self.keys = [a.key for a in attrs]
        cols = [a.columns[0] for a in attrs]
        stmt = select(*cols)
        if parent is not None:
            stmt = stmt.where(parent == bindparam("parent"))
            self.parents_sql: str | None = str(select(parent).distinct().compile(dialect=dialect))
        else:
            self.parents_sql = None
        self.sql = str(stmt.order_by(order).compile(dialect=dialect))
        self.present: set[str] | None = None
        # Only columns with a converter (dates, times, booleans, JSON) can change; text and numbers come as
        # the driver returns them, exactly as through the ORM.
        self.convert: list[tuple[int, Callable[[Any], Any]]] = []
        for i, c in enumerate(cols):
            proc = c.type.dialect_impl(dialect).result_processor(dialect, None)
            if proc is None:
                continue
            kind = c.type.python_type if isinstance(c.type, Date | DateTime) else None
            self.convert.append((i, _iso_datetime(proc) if kind is datetime else
                                 _iso_date(proc) if kind is date else _generic(proc)))

    def load_parents(self, cursor: Any) -> None:
        """Note which parents have any row (one pass over the parent index), so the many without any are
        answered without a query."""
        if self.parents_sql is not None:
            self.present = {r[0] for r in cursor.execute(self.parents_sql).fetchall()}

    def dicts(self, cursor: Any, parent_id: str | None = None) -> list[dict[str, Any]]:
        if self.present is not None and parent_id not in self.present:
            return []
        cursor.execute(self.sql, () if parent_id is None else (parent_id,))
        return [self.plain(r) for r in cursor.fetchall()]

    def plain(self, row: Any) -> dict[str, Any]:
        values = list(row)
        for i, convert in self.convert:
            values[i] = convert(values[i])
        return dict(zip(self.keys, values, strict=True))


@dataclass
class _Queries:
    cases: _Rows
    decisions: _Rows
    extensions: _Rows
    per_client: list[tuple[str, _Rows]]
    talks: _Rows
    men_history: _Rows

    @classmethod
    def compile(cls, dialect: Dialect) -> _Queries:
        return cls(
            cases=_Rows(Case, Case.client_id, Case.referred_on, dialect),
            decisions=_Rows(Decision, Decision.case_id, Decision.starts_on, dialect),
            extensions=_Rows(Extension, Extension.decision_id, Extension.new_ends_on, dialect),
            per_client=[(key, _Rows(model, getattr(model, "client_id"), model.created_at, dialect))  # noqa: B009
                        for key, model in PER_CLIENT],
            talks=_Rows(MenTalk, MenTalk.men_client_id, MenTalk.held_on, dialect),
            men_history=_Rows(StatusHistory, StatusHistory.client_id, StatusHistory.created_at, dialect),
        )

    def load_parents(self, cur: Any) -> None:
        for rows in (self.cases, self.decisions, self.extensions, self.talks, self.men_history,
                     *(r for _, r in self.per_client)):
            rows.load_parents(cur)

    def bundle(self, cur: Any, client: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"client": client, "cases": []}
        for case in self.cases.dicts(cur, client["id"]):
            case["decisions"] = []
            for dec in self.decisions.dicts(cur, case["id"]):
                dec["extensions"] = self.extensions.dicts(cur, dec["id"])
                case["decisions"].append(dec)
            out["cases"].append(case)
        for key, rows in self.per_client:
            out[key] = rows.dicts(cur, client["id"])
        return out

    def man(self, cur: Any, man: dict[str, Any]) -> dict[str, Any]:
        man["talks"] = self.talks.dicts(cur, man["id"])
        man["status_history"] = self.men_history.dicts(cur, man["id"])
        return man


def _raw_cursor(s: Session) -> Any:
    """A driver cursor on the session's own connection, inside its transaction."""
    return s.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]


def _client_bundle(s: Session, client: Client) -> dict[str, Any]:
    """Everything stored about one client, as in the export (``client_record``: the record extract)."""
    dialect = s.connection().dialect
    cur = _raw_cursor(s)
    try:
        row = _Rows(Client, Client.id, Client.name_key, dialect).dicts(cur, client.id)[0]
        return _Queries.compile(dialect).bundle(cur, row)
    finally:
        cur.close()


class _Reader:
    """The clients (and men) of one export, read in one read transaction on one connection."""

    def __init__(self, diary: Diary, client_id: str | None) -> None:
        self.diary, self.client_id = diary, client_id
        self.compartment = ""

    def __enter__(self) -> _Reader:
        self._session_cm = self.diary.read()
        s = self._session_cm.__enter__()
        conn = s.connection()
        dialect = conn.dialect
        self.queries = _Queries.compile(dialect)
        self.cursor = _raw_cursor(s)
        self._men_rows: list[dict[str, Any]] = []
        self._client_rows: list[dict[str, Any]] = []
        self._client_raw: list[Any] = []
        self._clients_q: _Rows | None = None
        if self.client_id is not None:
            self.compartment = require_client(self.diary, s, self.client_id).compartment
            self._client_rows = _Rows(Client, Client.id, Client.name_key, dialect).dicts(self.cursor,
                                                                                          self.client_id)
        else:
            # Client rows are small (no diary text): read them first, then each client's records in turn.
            clients_q = _Rows(Client, None, Client.name_key, dialect)
            stmt = select(*[a.columns[0] for a in inspect(Client).column_attrs]) \
                .where(Client.compartment.in_(self.diary.tracks)).order_by(Client.name_key)
            compiled = stmt.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
            params = [compiled.params[k] for k in compiled.positiontup or []]
            self.cursor.execute(str(compiled), params)
            # Kept as the driver's tuples and turned into dicts one client at a time: 10,000 dicts made at
            # once would also make the collector walk them all, holding the interpreter lock.
            self._client_raw = self.cursor.fetchall()
            self._clients_q = clients_q
            self.queries.load_parents(self.cursor)  # worth it for the whole diary, not for one client
            if "men" in self.diary.tracks:
                self._men_rows = _Rows(MenClient, None, MenClient.name_key, dialect).dicts(self.cursor)
        return self

    def __exit__(self, *exc: Any) -> None:
        self.cursor.close()
        self._session_cm.__exit__(*exc)

    @property
    def total(self) -> int:
        return len(self._client_rows) + len(self._client_raw) + len(self._men_rows)

    def clients(self) -> Iterator[dict[str, Any]]:
        for client in self._client_rows:
            yield self.queries.bundle(self.cursor, client)
        if self._clients_q is not None:
            for raw in self._client_raw:
                yield self.queries.bundle(self.cursor, self._clients_q.plain(raw))

    def men(self) -> Iterator[dict[str, Any]]:
        for man in self._men_rows:
            yield self.queries.man(self.cursor, man)


def _redact(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        if not secret:
            continue
        folded, low = text.casefold(), secret.casefold()
        out, i = [], 0
        while (j := folded.find(low, i)) >= 0:
            out.append(text[i:j] + REDACTED)
            i = j + len(secret)
        text = "".join(out) + text[i:]
    return text


def _without_protected(bundle: dict[str, Any]) -> bool:
    """Blank a protected client's address and personal identity number, also where they were typed into
    free text. Returns whether the client was protected."""
    client = bundle["client"]
    if (client.get("protected_identity") or "none") == "none":
        return False
    pnr = str(client.get("personal_number") or "")
    secrets = [str(client.get("address") or "").strip(), pnr, pnr[2:] if len(pnr) >= 12 else ""]
    for key in PROTECTED_FIELDS:
        if client.get(key):
            client[key] = REDACTED if key != "personal_number" else None
    for key, _model in PER_CLIENT:
        for row in bundle.get(key, []):
            for field, value in list(row.items()):
                if isinstance(value, str) and value:
                    row[field] = _redact(value, secrets)
    return True


def protected_count(diary: Diary, client_id: str | None = None) -> int:
    """How many clients with protected identity an export would hold (for the warning before it)."""
    with diary.read() as s:
        q = select(func.count()).select_from(Client).where(Client.compartment.in_(diary.tracks),
                                                           Client.protected_identity != "none")
        if client_id is not None:
            q = q.where(Client.id == client_id)
        return int(s.scalar(q) or 0)


def _header(first: bool, key: str) -> str:
    return ("" if first else ",") + "\n " + json.dumps(key) + ": "


class _Export:
    """One export: its JSON text in pieces (a header, then one line per client or man) read as it is written,
    and the audit event once every piece has been written. Without ``with_protected``, each protected
    client's address and personal identity number are left out of her bundle before it is written."""

    def __init__(self, diary: Diary, client_id: str | None, progress: Progress | None,
                 cancelled: Cancelled | None, with_protected: bool = True) -> None:
        self.diary, self.client_id = diary, client_id
        self.progress, self.cancelled = progress, cancelled
        self.with_protected = with_protected
        self.done = 0
        self.left_out = 0
        self.compartment = ""

    def pieces(self) -> Iterator[str]:
        with _Reader(self.diary, self.client_id) as reader:
            self.compartment = reader.compartment
            total = reader.total
            yield ("{" + _header(True, "format") + json.dumps("athena-export")
                   + _header(False, "version") + json.dumps(FORMAT_VERSION))
            for key, items in (("clients", reader.clients()), ("men", reader.men())):
                yield _header(False, key) + "["
                n = 0
                for item in items:
                    if key == "clients" and not self.with_protected and _without_protected(item):
                        self.left_out += 1
                    yield ("," if n else "") + "\n" + json.dumps(item, ensure_ascii=False)
                    n += 1
                    self.done += 1
                    if self.cancelled is not None and self.cancelled():
                        raise ExportCancelled()
                    if self.progress is not None:
                        self.progress(self.done, total)
                yield "\n ]" if n else "]"
            yield "\n}\n"

    def log(self) -> None:
        if self.client_id is not None:
            audit.log(self.diary, "export", client_id=self.client_id, compartment=self.compartment,
                      entity="clients", entity_id=self.client_id,
                      detail="client record export" + (", protected details left out" if self.left_out else ""))
        else:
            audit.log(self.diary, "export", detail=f"full export of {self.done} clients"
                      + (f", protected details of {self.left_out} left out" if self.left_out else ""))


def write_export(diary: Diary, out: TextIO, *, client_id: str | None = None, progress: Progress | None = None,
                 cancelled: Cancelled | None = None, with_protected: bool = True) -> int:
    """Write the export (one client, or every client of the worker's tracks) to ``out`` as it is read.
    Returns the number of clients (and men) written; the export is logged in the audit trail when complete.
    ``with_protected=False`` leaves protected clients' address and personal identity number out."""
    job = _Export(diary, client_id, progress, cancelled, with_protected)
    for piece in job.pieces():
        out.write(piece)
    job.log()
    return job.done


def write_export_file(diary: Diary, path: Path, *, client_id: str | None = None,
                      progress: Progress | None = None, cancelled: Cancelled | None = None,
                      with_protected: bool = True) -> int:
    """The export streamed to the file the worker chose through the one private-file writer: readable by her
    only (0600), complete or not at all (an error or a cancel leaves an older file as it was, and no temporary
    file). Logged in the audit trail once the file is in place."""
    job = _Export(diary, client_id, progress, cancelled, with_protected)
    write_private(path, job.pieces())
    job.log()
    return job.done


def count_for_export(diary: Diary) -> int:
    """How many clients (and men) a whole-diary export will hold."""
    with diary.read() as s:
        n = s.scalar(select(func.count()).select_from(Client).where(Client.compartment.in_(diary.tracks))) or 0
        if "men" in diary.tracks:
            n += s.scalar(select(func.count()).select_from(MenClient)) or 0
    return n


class _ListWriter:
    """Collects what ``write_export`` writes (small exports kept in memory: tests, one client)."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, s: str) -> int:
        self.parts.append(s)
        return len(s)


def to_text(diary: Diary, client_id: str | None = None, *, with_protected: bool = True) -> str:
    """The export as one string (one client, or a small diary); big diaries go through ``write_export``."""
    buf = _ListWriter()
    write_export(diary, buf, client_id=client_id, with_protected=with_protected)  # type: ignore[arg-type]
    return "".join(buf.parts)


def client_record(diary: Diary, client_id: str) -> dict[str, Any]:
    """Everything stored about one client as plain values (no audit event: the caller logs what it does)."""
    with diary.read() as s:
        return _client_bundle(s, require_client(diary, s, client_id))


def export_client(diary: Diary, client_id: str, *, with_protected: bool = True) -> dict[str, Any]:
    """One client's export as data (logged like every export)."""
    data: dict[str, Any] = json.loads(to_text(diary, client_id, with_protected=with_protected))
    return data


def export_all(diary: Diary, *, with_protected: bool = True) -> dict[str, Any]:
    """The whole export as data: for small diaries and tests; the app and the CLI stream it to a file."""
    data: dict[str, Any] = json.loads(to_text(diary, with_protected=with_protected))
    return data


def iter_json(data: dict[str, Any]) -> Iterator[str]:
    """Export data (as ``export_all`` returns it) as JSON text in the export's layout: one line per client
    (or man), each encoded by the C encoder in one call."""
    yield "{"
    for i, (key, value) in enumerate(data.items()):
        yield _header(i == 0, key)
        if isinstance(value, list):
            yield "["
            for j, item in enumerate(value):
                yield ("," if j else "") + "\n" + json.dumps(item, ensure_ascii=False)
            yield "\n ]" if value else "]"
        else:
            yield json.dumps(value, ensure_ascii=False)
    yield "\n}\n"


def to_json(data: dict[str, Any]) -> str:
    return "".join(iter_json(data))
