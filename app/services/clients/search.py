"""Finding a client by name, case number or a word in her diary (FTS5 inside the encrypted database)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, select, text

from app.models import Case, Client
from app.services import audit
from app.services.clients.clients import ClientSummary, Page, list_clients
from app.services.context import Diary

_TOKEN = re.compile(r"[\w-]+", re.UNICODE)
MAX_TERMS = 8


@dataclass(frozen=True)
class SearchHit:
    client: ClientSummary
    matched: str  # "name", "case_number" or "diary"


def fts_query(user_text: str) -> str | None:
    """User text to a safe FTS5 query: each word a quoted prefix term, all required."""
    words = [w for w in _TOKEN.findall(user_text) if w.strip("-")][:MAX_TERMS]
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


def _name_ids(diary: Diary, words: list[str], limit: int) -> list[str]:
    conds = [Client.name_key.like("%" + w.casefold().replace("%", "").replace("_", "") + "%") for w in words]
    with diary.read() as s:
        return list(s.scalars(select(Client.id).where(Client.compartment.in_(diary.tracks), and_(*conds))
                              .order_by(Client.name_key).limit(limit)))


def _case_ids(diary: Diary, term: str, limit: int) -> list[str]:
    with diary.read() as s:
        return list(s.scalars(select(Case.client_id).where(Case.compartment.in_(diary.tracks),
                                                           Case.case_number.like(term + "%")).limit(limit)))


def diary_text_client_ids(diary: Diary, user_text: str, limit: int | None = 50) -> list[str]:
    """Clients with an entry holding every word (as a prefix), in the order of their first matching entry;
    ``limit=None``: all of them. With a limit the scan stops as soon as enough clients are found (a few ms);
    all of them means looking up every matching entry (a quarter of a second for a common word in 300,000)."""
    q = fts_query(user_text)
    if q is None:
        return []
    tracks = diary.tracks
    params: dict[str, object] = {"q": q, "lim": -1 if limit is None else limit}
    params.update({f"t{i}": t for i, t in enumerate(tracks)})
    marks = ",".join(f":t{i}" for i in range(len(tracks)))
    if limit is None:
        sql = text("SELECT DISTINCT d.client_id FROM diary_entries AS d WHERE d.rowid IN "
                   "(SELECT rowid FROM diary_fts WHERE diary_fts MATCH :q ORDER BY rowid) "
                   f"AND d.compartment IN ({marks}) ORDER BY d.rowid")
    else:
        sql = text("SELECT DISTINCT d.client_id FROM diary_fts JOIN diary_entries AS d ON d.rowid = diary_fts.rowid "
                   f"WHERE diary_fts MATCH :q AND d.compartment IN ({marks}) ORDER BY diary_fts.rowid LIMIT :lim")
    with diary.read() as s:
        return [r[0] for r in s.execute(sql, params)]


def search_clients(diary: Diary, user_text: str, *, limit: int = 50,
                   include_diary: bool = True, log: bool = True) -> list[SearchHit]:
    """Name first, then case number, then diary text; each client once.

    Every search is logged (which records it showed, never the search text)."""
    words = _TOKEN.findall(user_text)[:MAX_TERMS]
    if not words:
        return []
    found: dict[str, str] = {}
    for cid in _name_ids(diary, words, limit):
        found.setdefault(cid, "name")
    if len(words) == 1 and any(ch.isdigit() for ch in words[0]):
        for cid in _case_ids(diary, words[0], limit):
            found.setdefault(cid, "case_number")
    if include_diary and len(found) < limit:
        for cid in diary_text_client_ids(diary, user_text, limit):
            found.setdefault(cid, "diary")
    ids = list(found)[:limit]
    summaries = {c.id: c for c in list_clients(diary, ids=ids, limit=len(ids)).items} if ids else {}
    hits = [SearchHit(summaries[i], found[i]) for i in ids if i in summaries]
    if log:
        audit.log_list(diary, "search", "client_search", [h.client.id for h in hits])
    return hits


# --- the whole truth, a page at a time ----------------------------------------------------------------------

@dataclass(frozen=True)
class SearchResult:
    """The clients that match, in the order shown (name, then case number, then diary text), after the
    filters. ``complete``: every match is in ``ids`` and ``total`` is the true count; otherwise ``ids`` is the
    beginning of that same list (a first page, found fast) and the complete result follows."""

    text: str
    ids: list[str]
    matched: dict[str, str]
    complete: bool = True

    @property
    def total(self) -> int:
        return len(self.ids)


def run_search(diary: Diary, user_text: str, *, status: str | None = None, district: str | None = None,
               mine: bool = False, first: int | None = None) -> SearchResult:
    """Every match (``first=None``), or quickly the first ``first`` of them in the same order."""
    words = _TOKEN.findall(user_text)[:MAX_TERMS]
    if not words:
        return SearchResult(user_text, [], {})
    found: dict[str, str] = {}
    for cid in _name_ids(diary, words, -1):
        found.setdefault(cid, "name")
    if len(words) == 1 and any(ch.isdigit() for ch in words[0]):
        for cid in _case_ids(diary, words[0], -1):
            found.setdefault(cid, "case_number")
    complete = True
    if first is None:
        diary_ids = diary_text_client_ids(diary, user_text, None)
    else:
        want = max(first - len(found), 0) + len(found)  # clients already found by name may match again
        diary_ids = diary_text_client_ids(diary, user_text, want)
        complete = len(diary_ids) < want
    for cid in diary_ids:
        found.setdefault(cid, "diary")
    ids = list(found)
    if ids and (status or district or mine):
        kept = set(filtered_ids(diary, ids, status=status, district=district, mine=mine))
        ids = [i for i in ids if i in kept]
    if first is not None and not complete:
        ids = ids[:first]
    return SearchResult(user_text, ids, {i: found[i] for i in ids}, complete)


def filtered_ids(diary: Diary, ids: list[str], *, status: str | None, district: str | None,
                 mine: bool) -> list[str]:
    page = list_clients(diary, ids=ids, status=status, district=district, mine=mine, limit=len(ids))
    return [c.id for c in page.items]


def search_page(diary: Diary, result: SearchResult, offset: int = 0, limit: int = 200) -> Page[ClientSummary]:
    """One page of a search, in the result's order."""
    page_ids = result.ids[offset:offset + limit]
    if not page_ids:
        return Page([], result.total, offset, limit)
    summaries = {c.id: c for c in list_clients(diary, ids=page_ids, limit=len(page_ids)).items}
    return Page([summaries[i] for i in page_ids if i in summaries], result.total, offset, limit)


def first_page(diary: Diary, user_text: str, *, limit: int = 200, **filters: Any) -> tuple[SearchResult,
                                                                                            Page[ClientSummary]]:
    """The first page fast; ``result.complete`` says whether a full count must follow (``run_search``)."""
    result = run_search(diary, user_text, first=limit, **filters)
    return result, search_page(diary, result, 0, limit)
