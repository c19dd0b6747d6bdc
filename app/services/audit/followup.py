"""The team lead's log follow-up (loggranskning): who opened, searched, printed or exported which records,
when, with the checks a follow-up looks for.

Checks (thresholds in ``resources/reference/log_followup.json``):

- ``no_entry``: a record opened by someone who has written nothing in it (a diary entry, or a talk in a man's
  case) and is not its responsible worker (for a man: the worker who registered him);
- ``protected``: any access to a record with protected identity;
- ``unusual_hours``: outside the working day or at a weekend (Swedish wall time);
- ``burst``: one of at least N different records one worker opened within M minutes.

The follow-up is the team lead's (``app/services/access/roles.py``): anyone else is refused by these functions,
except for her own rows (``own=True``: the rows she wrote herself, so a worker can see what the log holds about
her work). A protected record is named only to its responsible worker and to the workers the diary lists as allowed
(``access.protected_names``); everybody else sees "Protected identity" and a short reference.
"""

from __future__ import annotations

import csv
import io
import json
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Integer, and_, case, cast, exists, func, literal_column, or_, select, tuple_

from app.i18n import RESOURCES
from app.models import AuditRecord, Client, DiaryEntry, MenClient, MenTalk, ProtectedIdentity, Setting
from app.services.access.roles import require_lead
from app.services.context import Diary

CHECKS = ("no_entry", "protected", "unusual_hours", "burst")
ACTIONS = ("open", "search", "list", "print", "export", "reveal", "import", "purge")
PROTECTED_NAMES_KEY = "access.protected_names"
PAGE_SIZE = 100


@cache
def rules() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((RESOURCES / "reference" / "log_followup.json").read_text("utf-8"))
    return data


@dataclass(frozen=True)
class FollowupFilter:
    start: date | None = None
    end: date | None = None
    actor: str | None = None
    action: str | None = None
    client_id: str | None = None
    check: str | None = None  # one of CHECKS


@dataclass(frozen=True)
class AccessRow:
    id: str
    at: str  # Swedish wall time, minutes
    actor: str
    action: str
    what: str  # clients / report / client_search / team_week …
    client_id: str | None
    record: str  # the client's name; "" when masked, purged or no record
    masked: bool  # protected identity, and this worker may not see the name
    missing: bool  # the record is not in this diary (purged, or never synced here)
    protected: bool
    records_listed: int  # searches and lists: how many records they showed
    flags: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class FollowupPage:
    rows: list[AccessRow]
    cursor: str | None  # pass back for the next page; None when this was the last


def protected_viewers(diary: Diary) -> list[str]:
    with diary.read() as s:
        raw = s.scalar(select(Setting.value).where(Setting.key == PROTECTED_NAMES_KEY)) or ""
    return [n for n in raw.split("\n") if n]


def set_protected_viewers(diary: Diary, names: Sequence[str]) -> None:
    """Who may see protected names in the follow-up: the team lead decides."""
    require_lead(diary)
    value = "\n".join(dict.fromkeys(n.strip() for n in names if n.strip()))
    with diary.write() as s:
        row = s.get(Setting, PROTECTED_NAMES_KEY)
        if row is None:
            s.add(Setting(key=PROTECTED_NAMES_KEY, value=value))
        else:
            row.value = value


def actors(diary: Diary, *, own: bool = False) -> list[str]:
    if own:
        return [diary.worker.name]
    diary = require_lead(diary)
    with diary.read() as s:
        return sorted(str(a) for a in s.scalars(select(AuditRecord.actor).distinct()
                                                .where(AuditRecord.compartment.in_(diary.tracks))))


def _wrote_nothing() -> Any:
    wrote = exists().where(DiaryEntry.client_id == AuditRecord.client_id, DiaryEntry.author_name == AuditRecord.actor)
    talked = exists().where(MenTalk.men_client_id == AuditRecord.client_id, MenTalk.author_name == AuditRecord.actor)
    # Her responsible worker (women's track); the worker who registered him (men's track has no
    # responsible-worker field: whoever took him in is his worker).
    responsible = or_(and_(Client.id.is_not(None), Client.worker == AuditRecord.actor),
                      and_(MenClient.id.is_not(None), MenClient.created_by == AuditRecord.actor))
    return and_(AuditRecord.action == "open", AuditRecord.client_id.is_not(None), ~wrote, ~talked,
                ~responsible)


def _unusual() -> Any:
    r = rules()["unusual_hours"]
    hour = cast(func.strftime("%H", AuditRecord.local_at), Integer)
    cond = or_(hour < int(r["start"]), hour >= int(r["end"]))
    if r.get("weekends", True):
        cond = or_(cond, func.strftime("%w", AuditRecord.local_at).in_(["0", "6"]))
    return cond


def _protected() -> Any:
    return and_(Client.id.is_not(None), Client.protected_identity != ProtectedIdentity.NONE.value)


def _base(diary: Diary, flt: FollowupFilter) -> Any:
    q: Any = (select(AuditRecord.id, AuditRecord.at, AuditRecord.local_at, AuditRecord.actor, AuditRecord.action,
                AuditRecord.entity, AuditRecord.client_id, AuditRecord.detail, Client.name,
                Client.protected_identity, Client.worker, MenClient.name,
                case((_wrote_nothing(), 1), else_=0), case((_unusual(), 1), else_=0))
         .outerjoin(Client, Client.id == AuditRecord.client_id)
         .outerjoin(MenClient, MenClient.id == AuditRecord.client_id)
         .where(AuditRecord.compartment.in_(diary.tracks)))
    if flt.start:
        q = q.where(AuditRecord.at >= datetime.combine(flt.start, time.min) - timedelta(hours=2))
        q = q.where(AuditRecord.local_at >= datetime.combine(flt.start, time.min))
    if flt.end:
        q = q.where(AuditRecord.at < datetime.combine(flt.end + timedelta(days=1), time.min) + timedelta(hours=2))
        q = q.where(AuditRecord.local_at < datetime.combine(flt.end + timedelta(days=1), time.min))
    if flt.actor:
        q = q.where(AuditRecord.actor == flt.actor)
    if flt.action:
        q = q.where(AuditRecord.action == flt.action)
    if flt.client_id:
        q = q.where(AuditRecord.client_id == flt.client_id)
    if flt.check == "no_entry":
        q = q.where(_wrote_nothing())
    elif flt.check == "protected":
        q = q.where(_protected())
    elif flt.check == "unusual_hours":
        q = q.where(_unusual())
    return q


def _candidate_ranges(diary: Diary, flt: FollowupFilter, actors_: set[str] | None,
                      window: tuple[datetime, datetime] | None, need: int,
                      span: timedelta) -> dict[str, list[tuple[str, str]]]:
    """Per worker, the time ranges in which she opened at least ``need`` records (counted with repeats)
    within ``span``: found in one pass in SQL (a window function), so a log without bursts costs one scan of
    the index, not a Python loop over every opening."""
    where = ["action = 'open'", "client_id IS NOT NULL",
             "compartment IN (" + ",".join(f"'{t}'" for t in diary.tracks if t.isalpha()) + ")"]
    params: list[object] = [need - 1]
    if flt.actor:
        where.append("actor = ?")
        params.append(flt.actor)
    if actors_ is not None:
        where.append("actor IN (" + ",".join("?" * len(actors_)) + ")")
        params += sorted(actors_)
    if window is not None:
        where.append("at >= ? AND at <= ?")
        params += [str(window[0] - span), str(window[1] + span)]
    # The burst check over the whole log: only the hours busy enough to hold a burst go through the window. (A
    # page's own flags read a short time range through the (actor, at) index, as before.)
    hours = _busy_hours(diary, where, params[1:], need, span) if window is None else None
    if hours is not None:
        if not hours:
            return {}
        where.append("(" + " OR ".join(["(actor = ? AND at >= ? AND at < ?)"] * len(hours)) + ")")
        for actor, lo, hi in hours:
            params += [actor, lo, hi]
    params.append(span.total_seconds() / 86400.0)
    sql = ("SELECT actor, back, at FROM (SELECT actor, at, lag(at, ?) OVER (PARTITION BY actor ORDER BY at) "
           f"AS back FROM audit_log WHERE {' AND '.join(where)}) "
           "WHERE back IS NOT NULL AND julianday(at) - julianday(back) <= ?")
    ranges: dict[str, list[tuple[str, str]]] = {}
    with diary.read() as s:
        for actor, back, at in s.connection().exec_driver_sql(sql, tuple(params)).fetchall():
            mine = ranges.setdefault(str(actor), [])
            if mine and str(back) <= mine[-1][1]:
                mine[-1] = (mine[-1][0], str(at))  # overlapping windows: one range
            else:
                mine.append((str(back), str(at)))
    return ranges


_HOUR = timedelta(hours=1)
_MAX_HOUR_RANGES = 300


def _busy_hours(diary: Diary, where: list[str], params: list[object], need: int,
                span: timedelta) -> list[tuple[str, str, str]] | None:
    """Per worker, the time ranges (whole clock hours, UTC, as the log writes them) in which a burst can lie:
    ``need`` openings within ``span`` (<= one hour) fall in one clock hour or two consecutive ones, so one of
    those hours holds at least half of them, and the hour before and after it cover the pair. Counted per hour
    from the openings' index alone (``ix_audit_log_open_actor_at``): a fraction of the window function over
    every opening. ``None`` when the rule's span is longer than an hour, a time is not written as the log writes
    it, or the busy hours are too many to list (then the window runs over every opening, as before)."""
    if span > _HOUR or need < 1:
        return None
    sql = (f"SELECT actor, substr(at, 1, 13) AS hour FROM audit_log WHERE {' AND '.join(where)} "
           "GROUP BY actor, hour HAVING count(*) >= ?")
    with diary.read() as s:
        counted = s.connection().exec_driver_sql(sql, (*params, (need + 1) // 2)).fetchall()
    busy: list[tuple[str, datetime]] = []
    for actor, hour in counted:
        text = str(hour)
        if len(text) != 13 or text[10] != " ":
            return None
        try:
            busy.append((str(actor), datetime.fromisoformat(text)))
        except ValueError:
            return None
    runs: list[tuple[str, datetime, datetime]] = []  # (actor, from, until): the hour before to the hour after
    for actor, start in sorted(busy):
        lo, hi = start - _HOUR, start + 2 * _HOUR
        if runs and runs[-1][0] == actor and runs[-1][2] >= lo:
            runs[-1] = (actor, runs[-1][1], hi)
        else:
            runs.append((actor, lo, hi))
    if len(runs) > _MAX_HOUR_RANGES:
        return None
    fmt = "%Y-%m-%d %H"
    return [(actor, lo.strftime(fmt), hi.strftime(fmt)) for actor, lo, hi in runs]


def _burst_ids(diary: Diary, flt: FollowupFilter, actors_: set[str] | None = None,
               window: tuple[datetime, datetime] | None = None) -> set[str]:
    """Ids of opens that belong to a burst: >= N different records by one worker within M minutes."""
    b = rules()["burst"]
    need, span = int(b["records"]), timedelta(minutes=int(b["minutes"]))
    out: set[str] = set()
    ranges = _candidate_ranges(diary, flt, actors_, window, need, span)
    for actor, spans in ranges.items():
        for lo, hi in spans:
            with diary.read() as s:
                rows = s.execute(select(AuditRecord.id, AuditRecord.at, AuditRecord.client_id).where(
                    AuditRecord.compartment.in_(diary.tracks), AuditRecord.action == "open",
                    AuditRecord.client_id.is_not(None), AuditRecord.actor == actor,
                    AuditRecord.at >= datetime.fromisoformat(lo), AuditRecord.at <= datetime.fromisoformat(hi))
                    .order_by(AuditRecord.at)).all()
            win: deque[tuple[str, datetime, str]] = deque()
            counts: dict[str, int] = {}
            for rid, at, client in rows:
                cid = str(client)
                win.append((rid, at, cid))
                counts[cid] = counts.get(cid, 0) + 1
                while win and at - win[0][1] > span:
                    _, _, old = win.popleft()
                    counts[old] -= 1
                    if not counts[old]:
                        del counts[old]
                if len(counts) >= need:
                    out.update(r for r, _, _ in win)
    return out


def _label(diary: Diary, name: str | None, men_name: str | None, protected: str | None, worker: str | None,
           client_id: str | None, allowed: set[str]) -> tuple[str, bool, bool]:
    """(name shown, masked, missing)."""
    if client_id is None:
        return "", False, False
    if name is None and men_name is None:
        return "", False, True
    if men_name is not None:
        return men_name, False, False
    is_protected = bool(protected) and protected != ProtectedIdentity.NONE.value
    if is_protected and diary.worker.name != worker and diary.worker.name not in allowed:
        return "", True, False
    return str(name), False, False


def record_text(row: AccessRow) -> str:
    """The record as the follow-up shows it, in the current language."""
    from app.i18n import tr

    if row.client_id is None:
        return ""
    if row.masked:
        return tr("Protected identity ({ref})").format(ref=row.client_id[:8])
    if row.missing:
        return tr("Not in this diary ({ref})").format(ref=row.client_id[:8])
    return row.record


def _count_listed(action: str, detail: str) -> int:
    if action in ("search", "list") and ":" in detail:
        head = detail.split(":", 1)[0]
        return int(head) if head.isdigit() else 0
    return 0


def _rows(diary: Diary, raw: Sequence[Any], bursts: set[str], allowed: set[str]) -> list[AccessRow]:
    out = []
    for (rid, _at, local_at, actor, action, entity, cid, detail, name, prot, worker, men_name, no_entry,
         unusual) in raw:
        record, masked, missing = _label(diary, name, men_name, prot, worker, cid, allowed)
        flags = tuple(f for f, on in (("no_entry", no_entry), ("protected", prot not in (None, "none")),
                                      ("unusual_hours", unusual), ("burst", rid in bursts)) if on)
        out.append(AccessRow(id=rid, at=local_at.isoformat(sep=" ", timespec="minutes"), actor=actor,
                             action=action, what=entity, client_id=cid, record=record, masked=masked, missing=missing,
                             protected=prot not in (None, "none"),
                             records_listed=_count_listed(action, detail), flags=flags))
    return out


def _encode(at: datetime, rid: str) -> str:
    return f"{at.isoformat()}|{rid}"


def _decode(cursor: str) -> tuple[datetime, str]:
    at, rid = cursor.split("|", 1)
    return datetime.fromisoformat(at), rid


def scope(diary: Diary, flt: FollowupFilter | None, own: bool) -> tuple[Diary, FollowupFilter]:
    """Who asks and what she may see: the team lead everything of the tracks she leads; with ``own`` any
    worker her own rows (the filter's worker forced to her). Refused before anything is read."""
    flt = flt or FollowupFilter()
    if own:
        return diary, replace(flt, actor=diary.worker.name)
    return require_lead(diary), flt


def page(diary: Diary, flt: FollowupFilter | None = None, *, cursor: str | None = None,
         size: int = PAGE_SIZE, own: bool = False) -> FollowupPage:
    """One page of the follow-up, newest first."""
    diary, flt = scope(diary, flt, own)
    return _page(diary, flt, cursor=cursor, size=size)


def _page(diary: Diary, flt: FollowupFilter, *, cursor: str | None = None,
          size: int = PAGE_SIZE) -> FollowupPage:
    q = _base(diary, flt)
    allowed = set(protected_viewers(diary))
    if flt.check == "burst":
        ids = _burst_ids(diary, flt)
        q = q.where(AuditRecord.id.in_(select(literal_column("value"))
                                       .select_from(func.json_each(json.dumps(sorted(ids))))))
    if cursor:
        q = q.where(tuple_(AuditRecord.at, AuditRecord.id) < _decode(cursor))
    # Newest first along the (at, id) index, testing each row's conditions on the way: the first page is read
    # without sorting the whole log, whatever the filter.
    q = q.with_hint(AuditRecord, "INDEXED BY ix_audit_log_at_id", "sqlite")
    with diary.read() as s:
        raw = s.execute(q.order_by(AuditRecord.at.desc(), AuditRecord.id.desc()).limit(size + 1)).all()
    more = len(raw) > size
    raw = raw[:size]
    if flt.check == "burst":
        bursts = {r[0] for r in raw}
    elif raw:
        bursts = _burst_ids(diary, flt, {r[3] for r in raw}, (raw[-1][1], raw[0][1]))
    else:
        bursts = set()
    rows = _rows(diary, raw, bursts, allowed)
    return FollowupPage(rows, _encode(raw[-1][1], raw[-1][0]) if more and raw else None)


def iter_rows(diary: Diary, flt: FollowupFilter | None = None, size: int = 2000, *,
              own: bool = False) -> Iterator[AccessRow]:
    diary, flt = scope(diary, flt, own)
    cursor: str | None = None
    while True:
        p = _page(diary, flt, cursor=cursor, size=size)
        yield from p.rows
        if p.cursor is None:
            return
        cursor = p.cursor


def export_to(diary: Diary, flt: FollowupFilter | None, fmt: str, path: str, *, own: bool = False) -> Path:
    """The export written only to the chosen file (0600, atomic)."""
    from app.storage.private_files import write_private

    return write_private(path, export(diary, flt, fmt, own=own))


HEADER = ["at", "actor", "action", "what", "record", "client_id", "records_listed", "flags"]


def export(diary: Diary, flt: FollowupFilter | None = None, fmt: str = "csv", *, own: bool = False) -> str:
    """The follow-up as CSV or JSON (every row). Built in memory; written only where the team lead chooses."""
    from app.services import audit

    rows = list(iter_rows(diary, flt, own=own))
    audit.log(diary, "export", entity="access_log", detail=f"log follow-up: {len(rows)} rows")
    if fmt == "json":
        return json.dumps([{**asdict(r), "record": record_text(r)} for r in rows], ensure_ascii=False, indent=1)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(HEADER)
    for r in rows:
        w.writerow([r.at, r.actor, r.action, r.what, record_text(r), r.client_id or "", r.records_listed,
                    " ".join(r.flags)])
    return buf.getvalue()
