"""Finding a client by name, case number or a word in her diary (FTS5 inside the encrypted database)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import and_, select, text

from app.models import Case, Client
from app.services import audit
from app.services.clients.clients import ClientSummary, list_clients
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


def diary_text_client_ids(diary: Diary, user_text: str, limit: int = 50) -> list[str]:
    q = fts_query(user_text)
    if q is None:
        return []
    tracks = diary.tracks
    params: dict[str, object] = {"q": q, "lim": limit}
    params.update({f"t{i}": t for i, t in enumerate(tracks)})
    marks = ",".join(f":t{i}" for i in range(len(tracks)))
    sql = text(
        "SELECT DISTINCT d.client_id FROM diary_entries AS d WHERE d.rowid IN "
        "(SELECT rowid FROM diary_fts WHERE diary_fts MATCH :q LIMIT 5000) "
        f"AND d.compartment IN ({marks}) LIMIT :lim")
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
