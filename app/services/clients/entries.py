"""Diary entries: write, sign, correct (a correction is a new entry pointing at the old one), list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from app.errors import DomainError, NotFound
from app.models import Activity, DiaryEntry, SupportKind
from app.models.base import utcnow
from app.services import validation
from app.services.clients.clients import Page, require_client
from app.services.context import Diary
from app.storage.changefeed import insert_one

KINDS = [k.value for k in SupportKind]
ACTIVITIES = {a.value for a in Activity}
MAX_TEXT = 20_000


@dataclass(frozen=True)
class EntryInput:
    text: str
    kinds: list[str]
    event_on: date | str | None = None  # default: today
    activity: str = ""
    duration_minutes: int = 0
    case_id: str | None = None


@dataclass(frozen=True)
class EntryView:
    id: str
    client_id: str
    case_id: str | None
    event_on: date
    written_at: datetime
    duration_minutes: int
    kinds: list[str]
    activity: str
    text: str
    author_name: str
    author_title: str
    signed_at: datetime | None
    corrects_id: str | None
    corrected_by: list[str]

    @property
    def signed(self) -> bool:
        return self.signed_at is not None


def _validated(diary: Diary, data: EntryInput) -> dict[str, object]:
    kinds = list(dict.fromkeys(data.kinds))
    if not kinds:
        raise DomainError("Choose at least one kind of support.")
    for k in kinds:
        validation.one_of(k, KINDS, "Kind of support")
    text = (data.text or "").strip()
    if not text:
        raise DomainError("{field} is required.", field="Text")
    if len(text) > MAX_TEXT:
        raise DomainError("{field} is too long (at most {n} characters).", field="Text", n=MAX_TEXT)
    event_on = validation.as_date(data.event_on, "Date", required_=False) or diary.today()
    if event_on > diary.today():
        raise DomainError("A diary entry cannot be dated in the future.")
    if not 0 <= data.duration_minutes <= 24 * 60:
        raise DomainError("The duration must be between 0 and 1440 minutes.")
    return dict(kinds=",".join(k for k in KINDS if k in kinds), text=text, event_on=event_on,
                activity=validation.one_of(data.activity or "", ACTIVITIES, "Activity"),
                duration_minutes=int(data.duration_minutes))


# add_entry's reads as plain SQL on the driver's cursor (text columns: nothing to convert).
_CLIENT_TRACK = "SELECT compartment FROM clients WHERE id = ?"
_CASE_OWNER = "SELECT client_id FROM cases WHERE id = ?"
_LATEST_CASE = "SELECT id FROM cases WHERE client_id = ? ORDER BY referred_on DESC LIMIT 1"


def add_entry(diary: Diary, client_id: str, data: EntryInput, *, sign: bool = False) -> EntryView:
    """Write a diary entry (signed at once if ``sign``). The most frequent write of the day, so it runs as a few
    plain statements on the driver's own cursor in one transaction, with no session — the client's track, the
    case, the entry with its change row and the clock — and returns the view of the row as written, without
    reading it back."""
    values = _validated(diary, data)
    with diary.write_cursor() as w:
        compartment = w.one(_CLIENT_TRACK, client_id)
        if compartment is None:
            raise NotFound("The client was not found.")
        diary.require_track(compartment)
        case_id = data.case_id
        if case_id is not None:
            if w.one(_CASE_OWNER, case_id) != client_id:
                raise DomainError("The entry's case belongs to another client.")
        else:
            case_id = w.one(_LATEST_CASE, client_id)
        now = utcnow()
        row = insert_one(w, DiaryEntry, dict(
            client_id=client_id, case_id=case_id, compartment=compartment, written_at=now,
            author_name=diary.worker.name, author_title=diary.worker.title, signed_at=now if sign else None,
            **values))
    kinds = str(row["kinds"])
    return EntryView(id=row["id"], client_id=client_id, case_id=case_id, event_on=row["event_on"],
                     written_at=now, duration_minutes=row["duration_minutes"],
                     kinds=[k for k in kinds.split(",") if k], activity=row["activity"], text=row["text"],
                     author_name=row["author_name"], author_title=row["author_title"],
                     signed_at=row["signed_at"], corrects_id=None, corrected_by=[])


def update_entry(diary: Diary, entry_id: str, data: EntryInput, *, sign: bool = False) -> EntryView:
    """Edit an unsigned draft (and sign it, in the same transaction, if asked). A signed entry can only be
    corrected by a new entry."""
    values = _validated(diary, data)
    with diary.write() as s:
        entry = _entry(diary, s, entry_id)
        if entry.signed_at is not None:
            raise DomainError("A signed entry cannot be changed; write a correction instead.")
        for k, v in values.items():
            if getattr(entry, k) != v:
                setattr(entry, k, v)
        if sign:
            entry.signed_at = utcnow()
    return get_entry(diary, entry_id)


def sign_entry(diary: Diary, entry_id: str) -> EntryView:
    with diary.write() as s:
        entry = _entry(diary, s, entry_id)
        if entry.signed_at is not None:
            raise DomainError("The entry is already signed.")
        entry.signed_at = utcnow()
    return get_entry(diary, entry_id)


def correct_entry(diary: Diary, entry_id: str, data: EntryInput, *, sign: bool = True) -> EntryView:
    """A correction: a new entry linked to the one it corrects; the original stays as it was."""
    values = _validated(diary, data)
    with diary.write() as s:
        original = _entry(diary, s, entry_id)
        if original.signed_at is None:
            raise DomainError("An unsigned entry can be edited directly; only signed entries are corrected.")
        now = utcnow()
        entry = DiaryEntry(client_id=original.client_id, case_id=original.case_id,
                           compartment=original.compartment, written_at=now, corrects_id=original.id,
                           author_name=diary.worker.name, author_title=diary.worker.title,
                           signed_at=now if sign else None, **values)
        s.add(entry)
        s.flush()
    return _view(entry, [])


def delete_draft(diary: Diary, entry_id: str) -> None:
    with diary.write() as s:
        entry = _entry(diary, s, entry_id)
        if entry.signed_at is not None:
            raise DomainError("A signed entry cannot be deleted.")
        s.delete(entry)


def _entry(diary: Diary, s: object, entry_id: str) -> DiaryEntry:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    entry = s.get(DiaryEntry, entry_id)
    if entry is None:
        raise NotFound("The diary entry was not found.")
    diary.require_track(entry.compartment)
    return entry


def _view(e: DiaryEntry, corrected_by: list[str]) -> EntryView:
    return EntryView(id=e.id, client_id=e.client_id, case_id=e.case_id, event_on=e.event_on,
                     written_at=e.written_at, duration_minutes=e.duration_minutes,
                     kinds=[k for k in e.kinds.split(",") if k], activity=e.activity, text=e.text,
                     author_name=e.author_name, author_title=e.author_title, signed_at=e.signed_at,
                     corrects_id=e.corrects_id, corrected_by=corrected_by)


def get_entry(diary: Diary, entry_id: str) -> EntryView:
    with diary.read() as s:
        e = _entry(diary, s, entry_id)
        corrected_by = list(s.scalars(select(DiaryEntry.id).where(DiaryEntry.corrects_id == entry_id)))
        return _view(e, corrected_by)


def list_entries(diary: Diary, client_id: str, *, offset: int = 0, limit: int = 50) -> Page[EntryView]:
    """The client's diary, newest first."""
    with diary.read() as s:
        require_client(diary, s, client_id)
        total = s.scalar(select(func.count()).select_from(DiaryEntry)
                         .where(DiaryEntry.client_id == client_id)) or 0
        rows = s.scalars(select(DiaryEntry).where(DiaryEntry.client_id == client_id)
                         .order_by(DiaryEntry.event_on.desc(), DiaryEntry.written_at.desc())
                         .offset(offset).limit(limit)).all()
        ids = [r.id for r in rows]
        corrections: dict[str, list[str]] = {}
        for new_id, old_id in s.execute(select(DiaryEntry.id, DiaryEntry.corrects_id)
                                        .where(DiaryEntry.corrects_id.in_(ids))):
            if old_id is not None:
                corrections.setdefault(old_id, []).append(new_id)
        return Page(items=[_view(r, corrections.get(r.id, [])) for r in rows], total=total, offset=offset,
                    limit=limit)


def unsigned_entries(diary: Diary, *, mine: bool = True) -> list[EntryView]:
    with diary.read() as s:
        q = select(DiaryEntry).where(DiaryEntry.signed_at.is_(None),
                                     DiaryEntry.compartment.in_(diary.tracks))
        if mine:
            q = q.where(DiaryEntry.author_name == diary.worker.name)
        return [_view(e, []) for e in s.scalars(q.order_by(DiaryEntry.event_on))]
