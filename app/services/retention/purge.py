"""Retention purge (gallring): preview what the rules say must go, then remove it for good.

A run removes a client's whole record — every row of every table that belongs to her, its change-feed rows
(which hold the values), its full-text index entries and the sync's merge state — and ships the removal as
purge tombstones that the team's other laptops apply (``scrub.after_sync`` then clears their copies too).
Backups taken before the run are replaced by one taken after it. The purge log (``retention_runs``) keeps
when, who, under which rules and how many rows of which table: never a name, a number or an id.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from app.errors import DomainError
from app.models import (
    ArchiveMark,
    Case,
    Change,
    Child,
    Client,
    Compartment,
    CourtAppointment,
    Decision,
    DiaryEntry,
    Extension,
    Incident,
    MenClient,
    MenTalk,
    NetworkContact,
    ProtectedIdentity,
    Record,
    RetentionRun,
    RiskAssessment,
    SafetyPlanVersion,
    Setting,
    StatusHistory,
    SyncConflict,
    SyncPendingBase,
    SyncPurge,
    SyncRecordState,
    SyncTeam,
)
from app.models.base import utcnow
from app.models.drafts import EditorDraft
from app.services import audit
from app.services.access.roles import require_lead
from app.services.context import Diary
from app.services.retention import backups
from app.services.retention import rules as rr

CHUNK = 500

# What belongs to one client, per track: (model, column naming the owner, owner table). A table added
# later (a new section of the record) is added here, or its rows outlive the purge.
WOMEN_TABLES: tuple[tuple[type[Record], str, str], ...] = (
    (NetworkContact, "client_id", "clients"),
    (Child, "client_id", "clients"),
    (Case, "client_id", "clients"),
    (Decision, "case_id", "cases"),
    (Extension, "decision_id", "decisions"),
    (DiaryEntry, "client_id", "clients"),
    (CourtAppointment, "client_id", "clients"),
    (SafetyPlanVersion, "client_id", "clients"),
    (RiskAssessment, "client_id", "clients"),
    (Incident, "client_id", "clients"),
    (ArchiveMark, "client_id", "clients"),
    (StatusHistory, "client_id", "clients"),
)
MEN_TABLES: tuple[tuple[type[Record], str, str], ...] = (
    (MenTalk, "men_client_id", "men_clients"),
    (ArchiveMark, "client_id", "men_clients"),
    (StatusHistory, "client_id", "men_clients"),
)


@dataclass(frozen=True)
class Candidate:
    client_id: str
    entity: str  # clients / men_clients
    name: str
    case_numbers: tuple[str, ...]
    last_entry_on: date
    due_on: date
    deadline: date
    action: str  # purge / archive / hold
    reason: str  # due / archive_birth_day / other_register_data
    overdue: bool
    protected: bool = False  # protected identity: lists show the case number, not the name


@dataclass(frozen=True)
class Preview:
    today: date
    rules: str
    keep_everything: bool
    purge: list[Candidate]
    archive: list[Candidate]
    held: list[Candidate]
    records: int  # rows the run would remove, the clients' own rows included
    token: str  # the run must be given this: what was previewed is what goes
    counts: dict[str, int] = field(default_factory=dict)
    years: int = 5  # the rule the preview applied
    archive_days: tuple[int, ...] = ()


@dataclass(frozen=True)
class PurgeResult:
    clients: int
    records: int
    archived: int
    counts: dict[str, int]
    backups_removed: int


def current_rules(diary: Diary) -> rr.Rules:
    import json

    with diary.read() as s:
        raw = s.scalar(select(Setting.value).where(Setting.key == rr.OVERRIDE_KEY))
    return rr.load(json.loads(raw) if raw else None)


def set_rule(diary: Diary, key: str, value: Any) -> rr.Rules:
    """Override one rule for this diary (validated before it is stored). The team lead's."""
    import json

    diary = require_lead(diary)
    if key not in rr.KEYS:
        raise DomainError("Unknown retention rule.")
    with diary.read() as s:
        raw = s.scalar(select(Setting.value).where(Setting.key == rr.OVERRIDE_KEY))
    overrides: dict[str, Any] = json.loads(raw) if raw else {}
    overrides[key] = value
    parsed = rr.load(overrides)
    with diary.write() as s:
        row = s.get(Setting, rr.OVERRIDE_KEY)
        if row is None:
            s.add(Setting(key=rr.OVERRIDE_KEY, value=json.dumps(overrides)))
        else:
            row.value = json.dumps(overrides)
    return parsed


# Per table: (table, SQL giving client id, latest date in the record, rows). One pass per table gives both
# the last entry (for the rules) and the rows a purge would remove (for the preview).
_WOMEN_STATS: tuple[tuple[str, str], ...] = (
    ("clients", "SELECT id, date(created_at), 1 FROM clients WHERE compartment = 'women'"),
    ("diary_entries", "SELECT client_id, max(max(event_on), date(max(written_at))), count(*) FROM diary_entries "
                      "GROUP BY client_id"),
    ("cases", "SELECT client_id, max(coalesce(max(referred_on), ''), coalesce(max(first_contact_on), ''), "
              "coalesce(max(closed_on), ''), date(max(created_at))), count(*) FROM cases GROUP BY client_id"),
    ("decisions", "SELECT c.client_id, max(max(d.decided_on), max(d.starts_on)), count(*) FROM decisions AS d "
                  "JOIN cases AS c ON c.id = d.case_id GROUP BY c.client_id"),
    ("extensions", "SELECT c.client_id, max(e.granted_on), count(*) FROM extensions AS e "
                   "JOIN decisions AS d ON d.id = e.decision_id JOIN cases AS c ON c.id = d.case_id "
                   "GROUP BY c.client_id"),
    ("court_appointments", "SELECT client_id, date(max(starts_at)), count(*) FROM court_appointments "
                           "GROUP BY client_id"),
    ("risk_assessments", "SELECT client_id, max(assessed_on), count(*) FROM risk_assessments GROUP BY client_id"),
    ("incidents", "SELECT client_id, max(occurred_on), count(*) FROM incidents GROUP BY client_id"),
    ("safety_plan_versions", "SELECT client_id, date(max(created_at)), count(*) FROM safety_plan_versions "
                             "GROUP BY client_id"),
    ("network_contacts", "SELECT client_id, date(max(created_at)), count(*) FROM network_contacts "
                         "GROUP BY client_id"),
    ("children", "SELECT client_id, date(max(created_at)), count(*) FROM children GROUP BY client_id"),
    ("archive_marks", "SELECT client_id, '', count(*) FROM archive_marks WHERE entity = 'clients' "
                      "GROUP BY client_id"),
    ("status_history", "SELECT client_id, max(valid_from), count(*) FROM status_history "
                       "WHERE client_id IS NOT NULL GROUP BY client_id"),
)
_MEN_STATS: tuple[tuple[str, str], ...] = (
    ("men_clients", "SELECT id, max(date(created_at), coalesce(first_contact_on, ''), "
                    "coalesce(investigation_opened_on, ''), coalesce(investigation_closed_on, ''), "
                    "coalesce(registered_on, ''), coalesce(referred_onward_on, ''), coalesce(closed_on, '')), 1 "
                    "FROM men_clients"),
    ("men_talks", "SELECT men_client_id, max(held_on), count(*) FROM men_talks GROUP BY men_client_id"),
    ("archive_marks", "SELECT client_id, '', count(*) FROM archive_marks WHERE entity = 'men_clients' "
                      "GROUP BY client_id"),
    ("status_history", "SELECT client_id, max(valid_from), count(*) FROM status_history "
                       "WHERE client_id IS NOT NULL GROUP BY client_id"),
)


@dataclass
class _Stats:
    last: dict[str, str] = field(default_factory=dict)  # client id → latest ISO date in the record
    rows: dict[str, dict[str, int]] = field(default_factory=dict)  # table → client id → rows


def _stats(s: Session, queries: tuple[tuple[str, str], ...]) -> _Stats:
    out = _Stats()
    for table, sql in queries:
        counts = out.rows.setdefault(table, {})
        for cid, day, n in _raw(s, sql):
            counts[cid] = int(n)
            if day and day > out.last.get(cid, ""):
                out.last[cid] = day
    return out


@dataclass
class _Person:
    client_id: str
    entity: str
    name: str
    personal_number: str | None
    last: date
    cases: tuple[str, ...] = ()
    protected: bool = False


def _raw(s: Session, sql: str, *params: object) -> list[tuple[Any, ...]]:
    """Plain rows from the driver: a preview reads tens of thousands of small rows, and the ORM's per-row
    processing would cost more than the query."""
    return [tuple(r) for r in s.connection().exec_driver_sql(sql, params).fetchall()]


def _people(diary: Diary, s: Session) -> tuple[list[_Person], dict[str, _Stats]]:
    out: list[_Person] = []
    stats: dict[str, _Stats] = {}
    if Compartment.WOMEN.value in diary.tracks:
        st = stats["clients"] = _stats(s, _WOMEN_STATS)
        cases: dict[str, list[str]] = {}
        for cid, number in _raw(s, "SELECT client_id, case_number FROM cases ORDER BY case_number"):
            cases.setdefault(cid, []).append(number)
        for cid, name, pnr, prot in _raw(s, "SELECT id, name, personal_number, protected_identity FROM clients "
                                            "WHERE compartment = ?", Compartment.WOMEN.value):
            day = st.last.get(cid)
            if day:
                out.append(_Person(cid, "clients", name, pnr, date.fromisoformat(day[:10]),
                                   tuple(cases.get(cid, ())), prot != ProtectedIdentity.NONE.value))
    if Compartment.MEN.value in diary.tracks:
        st = stats["men_clients"] = _stats(s, _MEN_STATS)
        for cid, name, pnr in _raw(s, "SELECT id, name, personal_number FROM men_clients"):
            day = st.last.get(cid)
            if day:
                out.append(_Person(cid, "men_clients", name, pnr, date.fromisoformat(day[:10])))
    return out, stats


def _token(ids: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()[:16]


def _owned(s: Session, entity: str, ids: Sequence[str]) -> dict[type[Record], list[str]]:
    """Every record id that belongs to these clients, table by table (the clients themselves included)."""
    owner_cls: type[Record] = Client if entity == "clients" else MenClient
    found: dict[type[Record], list[str]] = {owner_cls: list(ids)}
    by_table: dict[str, list[str]] = {entity: list(ids)}
    for cls, col, owner in (WOMEN_TABLES if entity == "clients" else MEN_TABLES):
        owners = by_table.get(owner, [])
        got: list[str] = []
        for i in range(0, len(owners), CHUNK):
            part = owners[i:i + CHUNK]
            q = select(cls.id).where(getattr(cls, col).in_(part))
            if cls is ArchiveMark:
                q = q.where(ArchiveMark.entity == entity)
            got += list(s.scalars(q))
        found[cls] = found.get(cls, []) + got
        by_table[cls.__tablename__] = by_table.get(cls.__tablename__, []) + got
    return found


def preview(diary: Diary) -> Preview:
    """What the rules say must go today (nothing is changed): the team lead's, in the tracks she leads."""
    return _preview(require_lead(diary))


def _preview(diary: Diary) -> Preview:
    rules = current_rules(diary)
    today = diary.today()
    with diary.read() as s:
        people, stats = _people(diary, s)
        marked = set(s.scalars(select(ArchiveMark.client_id)))
    if rules.keep_everything:
        return Preview(today, rules.label, True, [], [], [], 0, _token([]), {}, rules.years_after_last_entry,
                       rules.archive_birth_days)
    # The newest entry on any record of the same person decides for all of them.
    newest: dict[tuple[str, str], date] = {}
    for p in people:
        key = rr.person_key(p.personal_number)
        if key is not None:
            k = (p.entity, key)
            newest[k] = max(newest.get(k, p.last), p.last)
    purge, archive, held = [], [], []
    for p in people:
        due = rr.due_on(p.last, rules)
        if due > today:
            continue
        cand = dict(client_id=p.client_id, entity=p.entity, name=p.name, case_numbers=p.cases,
                    last_entry_on=p.last, due_on=due, deadline=rr.deadline(due), overdue=today > rr.deadline(due),
                    protected=p.protected)
        key = rr.person_key(p.personal_number)
        person_last = newest.get((p.entity, key), p.last) if key else p.last
        if rules.keep_while_other_register_data and rr.due_on(person_last, rules) > today:
            held.append(Candidate(**cand, action="hold", reason="other_register_data"))  # type: ignore[arg-type]
        elif rr.birth_day(p.personal_number) in rules.archive_birth_days:
            if p.client_id not in marked:
                archive.append(Candidate(**cand, action="archive", reason="archive_birth_day"))  # type: ignore[arg-type]
        else:
            purge.append(Candidate(**cand, action="purge", reason="due"))  # type: ignore[arg-type]
    purge.sort(key=lambda c: (c.last_entry_on, c.name))
    counts: dict[str, int] = {}
    for entity, st in stats.items():
        ids = [c.client_id for c in purge if c.entity == entity]
        for table, per_client in st.rows.items():
            n = sum(per_client.get(i, 0) for i in ids)
            if n:
                counts[table] = counts.get(table, 0) + n
    return Preview(today, rules.label, False, purge, archive, held, sum(counts.values()),
                   _token([c.client_id for c in purge] + [f"a:{c.client_id}" for c in archive]), counts,
                   rules.years_after_last_entry, rules.archive_birth_days)


def _scrub_sync_state(s: Session, keys: list[tuple[str, str]], compartments: set[str]) -> None:
    """The sync's merge state holds every field's values: replace it by a bare tombstone now, and mark the
    deletions as purges so they travel as tombstones (``docs/sync.md``) that drop the data everywhere."""
    teams = {t.compartment for t in s.scalars(select(SyncTeam))}
    for entity in {e for e, _ in keys}:
        ids = [i for e, i in keys if e == entity]
        for i in range(0, len(ids), CHUNK):
            part = ids[i:i + CHUNK]
            s.execute(update(SyncRecordState)
                      .where(SyncRecordState.entity == entity, SyncRecordState.entity_id.in_(part))
                      .values(state={"f": {}, "d": [], "ds": [], "p": ["0", ""], "k": None}))
            s.execute(delete(SyncConflict).where(SyncConflict.entity == entity, SyncConflict.entity_id.in_(part)))
            s.execute(delete(SyncPendingBase).where(SyncPendingBase.entity == entity,
                                                    SyncPendingBase.entity_id.in_(part)))
    if teams & compartments:
        existing = {(str(e), str(i)) for e, i in s.execute(select(SyncPurge.entity, SyncPurge.entity_id))}
        s.add_all(SyncPurge(entity=e, entity_id=i) for e, i in keys if (e, i) not in existing)
        # The team's next round takes a fresh snapshot, so a laptop that starts from one never sees the data.
        s.execute(update(SyncTeam).where(SyncTeam.compartment.in_(sorted(compartments)))
                  .values(segments_since_snapshot=1_000_000, scrub_pending=True))


def forget_changes(s: Session, ids: Sequence[str]) -> int:
    """Remove the change-feed rows of these records except their deletions (those carry no values)."""
    n = 0
    for i in range(0, len(ids), CHUNK):
        part = ids[i:i + CHUNK]
        res = s.execute(delete(Change).where(Change.entity_id.in_(part), Change.op.not_in(("delete", "purge"))))
        n += int(getattr(res, "rowcount", 0) or 0)
    return n


def compact_text_index(diary: Diary) -> None:
    """Merge the full-text index so the deleted entries' words leave its pages (secure_delete zeroes them)."""
    with diary.write() as s:
        s.execute(text("INSERT INTO diary_fts(diary_fts) VALUES ('optimize')"))


def wipe_free_space(diary: Diary) -> None:
    """Rebuild the file so no page keeps an old copy, and fold the write-ahead log back in."""
    raw = diary.store.engine.raw_connection()
    try:
        conn = raw.driver_connection  # autocommit: VACUUM cannot run inside a transaction
        assert conn is not None
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        # Another connection may be reading: then secure_delete has zeroed the rows and VACUUM waits for later.
        with contextlib.suppress(Exception):
            conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()


def run(diary: Diary, token: str) -> PurgeResult:
    """Purge what ``preview`` listed under ``token``; refuses if the list has changed since. Only the team
    lead, in the tracks she leads: anyone else is refused before anything is read or written."""
    diary = require_lead(diary)
    pv = _preview(diary)
    if pv.keep_everything:
        raise DomainError("The retention rules keep everything; nothing is purged.")
    if token != pv.token:
        raise DomainError("What is due for purging has changed since the preview; preview again.")
    if not pv.purge and not pv.archive:
        return PurgeResult(0, 0, 0, {}, 0)
    started = utcnow()
    backups.before_purge(diary)
    counts: dict[str, int] = {}
    with diary.write() as s:
        s.execute(text("PRAGMA defer_foreign_keys = ON"))
        keys: list[tuple[str, str]] = []
        compartments: set[str] = set()
        for entity in ("clients", "men_clients"):
            ids = [c.client_id for c in pv.purge if c.entity == entity]
            if not ids:
                continue
            compartments.add(Compartment.WOMEN.value if entity == "clients" else Compartment.MEN.value)
            # Unsaved text of the person's editors (not records: no change feed, never synced).
            for i in range(0, len(ids), CHUNK):
                s.execute(delete(EditorDraft).where(EditorDraft.client_id.in_(ids[i:i + CHUNK])))
            for cls, rids in _owned(s, entity, ids).items():
                if not rids:
                    continue
                counts[cls.__tablename__] = counts.get(cls.__tablename__, 0) + len(rids)
                keys += [(cls.__tablename__, r) for r in rids]
                forget_changes(s, rids)
                for i in range(0, len(rids), CHUNK):
                    for obj in s.scalars(select(cls).where(cls.id.in_(rids[i:i + CHUNK]))):
                        s.delete(obj)
        _scrub_sync_state(s, keys, compartments)
        for c in pv.archive:
            s.add(ArchiveMark(client_id=c.client_id, entity=c.entity, marked_on=pv.today, reason=c.reason,
                              compartment=(Compartment.WOMEN.value if c.entity == "clients"
                                           else Compartment.MEN.value)))
        clients_purged = len(pv.purge)
        s.add(RetentionRun(at=utcnow(), actor=diary.worker.name, rules=pv.rules, clients_purged=clients_purged,
                           records_purged=sum(counts.values()), archive_marked=len(pv.archive), counts=counts))
    audit.log(diary, "purge", entity="retention",
              detail=f"{clients_purged} records purged ({sum(counts.values())} rows), {len(pv.archive)} marked "
                     "for the archive")
    compact_text_index(diary)
    wipe_free_space(diary)
    removed = backups.after_purge(diary, started)
    return PurgeResult(clients_purged, sum(counts.values()), len(pv.archive), counts, removed)


@dataclass(frozen=True)
class RunLog:
    at: datetime
    actor: str
    rules: str
    clients_purged: int
    records_purged: int
    archive_marked: int
    counts: dict[str, int]


def purge_log(diary: Diary) -> list[RunLog]:
    diary = require_lead(diary)
    with diary.read() as s:
        return [RunLog(r.at, r.actor, r.rules, r.clients_purged, r.records_purged, r.archive_marked, dict(r.counts))
                for r in s.scalars(select(RetentionRun).order_by(RetentionRun.seq.desc()))]


def archive_marks(diary: Diary) -> int:
    with diary.read() as s:
        return int(s.scalar(select(func.count()).select_from(ArchiveMark)) or 0)
