"""The men's track: men in contact and the VASKA talks held with them (compartment ``men``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import reference
from app.errors import DomainError, NotFound
from app.models import Compartment, MenClient, MenStatus, MenTalk
from app.services import validation
from app.services.context import Diary

VASKA = ("violence", "responsibility", "context", "consequences", "alternatives")
MEN = Compartment.MEN.value


@dataclass(frozen=True)
class ManView:
    id: str
    name: str
    status: str
    district: str
    referred_by: str
    first_contact_on: date | None
    referred_on_to: str
    talks: int


@dataclass(frozen=True)
class TalkView:
    id: str
    held_on: date
    number: int
    themes: list[str]
    duration_minutes: int
    text: str
    author_name: str


def _man(diary: Diary, s: Session, man_id: str) -> MenClient:
    diary.require_track(MEN)
    man = s.get(MenClient, man_id)
    if man is None:
        raise NotFound("The client was not found.")
    return man


def add_man(diary: Diary, *, name: str, district: str = "", referred_by: str = "", phone: str = "",
            first_contact_on: date | str | None = None, personal_number: str | None = None) -> ManView:
    diary.require_track(MEN)
    if district:
        validation.one_of(district, reference.districts(), "District")
    n = validation.required(name, "Name")
    with diary.write() as s:
        man = MenClient(name=n, name_key=n.casefold(), district=district,
                        referred_by=validation.optional(referred_by, "Referred by", 100),
                        phone=validation.optional(phone, "Phone", 50),
                        personal_number=validation.personal_number(personal_number),
                        first_contact_on=validation.as_date(first_contact_on, "First contact",
                                                            required_=False) or diary.today())
        s.add(man)
        s.flush()
        man_id = man.id
    return get_man(diary, man_id)


def set_status(diary: Diary, man_id: str, status: str, *, referred_on_to: str = "") -> ManView:
    validation.one_of(status, {m.value for m in MenStatus}, "Status")
    if status == MenStatus.REFERRED_ON.value and not referred_on_to.strip():
        raise DomainError("Say where he was referred on to.")
    with diary.write() as s:
        man = _man(diary, s, man_id)
        man.status = status
        if referred_on_to:
            man.referred_on_to = validation.optional(referred_on_to, "Referred on to", 200)
    return get_man(diary, man_id)


def add_talk(diary: Diary, man_id: str, *, held_on: date | str | None = None, themes: list[str],
             text: str = "", duration_minutes: int = 60) -> TalkView:
    for t in themes:
        validation.one_of(t, VASKA, "Theme")
    day = validation.as_date(held_on, "Date", required_=False) or diary.today()
    if day > diary.today():
        raise DomainError("A talk cannot be dated in the future.")
    with diary.write() as s:
        man = _man(diary, s, man_id)
        n = (s.scalar(select(func.count()).select_from(MenTalk).where(MenTalk.men_client_id == man_id)) or 0) + 1
        talk = MenTalk(men_client_id=man.id, held_on=day, number=n, themes=",".join(themes),
                       duration_minutes=duration_minutes, text=validation.optional(text, "Text", 20_000),
                       author_name=diary.worker.name)
        s.add(talk)
        if n >= 3 and man.status == MenStatus.CONTACT.value:
            man.status = MenStatus.REGISTERED.value
        s.flush()
        return TalkView(talk.id, talk.held_on, talk.number, themes, talk.duration_minutes, talk.text,
                        talk.author_name)


def get_man(diary: Diary, man_id: str) -> ManView:
    with diary.read() as s:
        m = _man(diary, s, man_id)
        talks = s.scalar(select(func.count()).select_from(MenTalk).where(MenTalk.men_client_id == man_id)) or 0
        return ManView(m.id, m.name, m.status, m.district, m.referred_by, m.first_contact_on,
                       m.referred_on_to, talks)


def list_men(diary: Diary) -> list[ManView]:
    diary.require_track(MEN)
    with diary.read() as s:
        counts = {k: v for k, v in s.execute(select(MenTalk.men_client_id, func.count())
                                             .group_by(MenTalk.men_client_id))}
        return [ManView(m.id, m.name, m.status, m.district, m.referred_by, m.first_contact_on,
                        m.referred_on_to, counts.get(m.id, 0))
                for m in s.scalars(select(MenClient).order_by(MenClient.name_key))]


def talks(diary: Diary, man_id: str) -> list[TalkView]:
    with diary.read() as s:
        _man(diary, s, man_id)
        rows = s.scalars(select(MenTalk).where(MenTalk.men_client_id == man_id).order_by(MenTalk.held_on))
        return [TalkView(t.id, t.held_on, t.number, [x for x in t.themes.split(",") if x], t.duration_minutes,
                         t.text, t.author_name) for t in rows]
