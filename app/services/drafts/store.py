"""Unsaved text of the open editors, kept encrypted inside the diary while she types and before the diary
locks, so that nothing typed is lost on Ctrl+L, the idle lock, sleep or quit.

A draft is keyed by editor and what it edits ("entry:<client id>", "client_dialog:new", ...), holds the
editor's fields as JSON and belongs to a client's compartment: a worker without that track never reads it.
Drafts are local to this laptop: not in the change feed, not synced, not exported, not counted. Saving the
real record removes the draft; so does emptying the editor. ``place`` remembers the client and tab she had
open, so that unlocking brings her back there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select

from app.errors import DomainError
from app.models import Client, EditorDraft, MenClient
from app.models.base import utcnow
from app.services.context import Diary

MAX_CONTENT = 200_000  # characters of JSON: a long entry is ~10,000
PLACE_KEY = "place"


@dataclass(frozen=True)
class DraftInput:
    key: str
    editor: str
    client_id: str | None
    content: dict[str, Any]


@dataclass(frozen=True)
class DraftView:
    key: str
    editor: str
    client_id: str | None
    content: dict[str, Any]
    saved_at: datetime


@dataclass(frozen=True)
class Place:
    client_id: str | None
    tab: str


def _compartment(diary: Diary, s: Any, client_id: str | None) -> str:
    if client_id is None:
        return ""
    for model in (Client, MenClient):
        row = s.get(model, client_id)
        if row is not None:
            diary.require_track(row.compartment)
            return str(row.compartment)
    raise DomainError("The client was not found.")


def _check(d: DraftInput) -> None:
    if not d.key or len(d.key) > 120 or not d.editor or len(d.editor) > 40:
        raise DomainError("The draft is malformed.")
    if len(json.dumps(d.content, ensure_ascii=False)) > MAX_CONTENT:
        raise DomainError("{field} is too long (at most {n} characters).", field="Draft", n=MAX_CONTENT)


def save_drafts(diary: Diary, drafts: list[DraftInput], discard: list[str] | None = None) -> int:
    """Write (replace) several drafts and remove others, in one transaction. Returns how many were written."""
    for d in drafts:
        _check(d)
    with diary.write() as s:
        for d in drafts:
            compartment = _compartment(diary, s, d.client_id)
            row = s.get(EditorDraft, d.key)
            if row is None:
                s.add(EditorDraft(key=d.key, editor=d.editor, client_id=d.client_id, compartment=compartment,
                                  content=d.content, saved_at=utcnow()))
            else:
                row.editor, row.client_id, row.compartment = d.editor, d.client_id, compartment
                row.content, row.saved_at = d.content, utcnow()
        if discard:
            s.execute(delete(EditorDraft).where(EditorDraft.key.in_(discard)))
    return len(drafts)


def save_draft(diary: Diary, draft: DraftInput) -> int:
    return save_drafts(diary, [draft])


def discard_drafts(diary: Diary, keys: list[str]) -> None:
    if keys:
        with diary.write() as s:
            s.execute(delete(EditorDraft).where(EditorDraft.key.in_(keys)))


def _visible(diary: Diary, row: EditorDraft) -> bool:
    return not row.compartment or row.compartment in diary.worker.tracks


def _view(row: EditorDraft) -> DraftView:
    return DraftView(row.key, row.editor, row.client_id, dict(row.content), row.saved_at)


def get_draft(diary: Diary, key: str) -> DraftView | None:
    with diary.read() as s:
        row = s.get(EditorDraft, key)
        return _view(row) if row is not None and _visible(diary, row) else None


def list_drafts(diary: Diary, client_id: str | None = None) -> list[DraftView]:
    """Every draft she may see (of one client, if given), newest first; the remembered place is not one."""
    with diary.read() as s:
        q = select(EditorDraft).where(EditorDraft.key != PLACE_KEY).order_by(EditorDraft.saved_at.desc())
        if client_id is not None:
            q = q.where(EditorDraft.client_id == client_id)
        return [_view(r) for r in s.scalars(q) if _visible(diary, r)]


def save_place(diary: Diary, client_id: str | None, tab: str) -> None:
    save_drafts(diary, [DraftInput(PLACE_KEY, "place", client_id, {"tab": tab[:40]})])


def get_place(diary: Diary) -> Place | None:
    d = get_draft(diary, PLACE_KEY)
    return Place(d.client_id, str(d.content.get("tab", ""))) if d is not None else None
