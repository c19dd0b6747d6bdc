"""The men's track: a man's case and the talks held with him (compartment ``men``).

A man comes in contact (referral source: a social services unit, a court order, the police, himself, other),
may be investigated, is assessed for motivation, has a series of talks (VASKA or the team's own method), and is
registered as a case of his own once he has attended three talks (the three-talk rule: shown, then acted on by
the worker). He may be referred on and his case closes with an outcome. Every status and classification a
report reads is written to the history in the same transaction (``app.services.history``).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app import reference
from app.errors import DomainError, NotFound
from app.models import (
    Attendance,
    MenClient,
    MenOutcome,
    MenStatus,
    MenTalk,
    Motivation,
    ReferralSource,
    RiskLevel,
    TalkMethod,
)
from app.services import audit, history, validation
from app.services.context import Diary
from app.services.mens_track.views import (
    ATTENDANCE,
    MEN,
    METHODS,
    MOTIVATIONS,
    OUTCOMES,
    REFERRAL_SOURCES,
    RISK_LEVELS,
    THREE_TALKS,
    VASKA,
    ManCase,
    ManInput,
    ManView,
    TalkView,
)

__all__ = [
    "ATTENDANCE",
    "MEN",
    "METHODS",
    "MOTIVATIONS",
    "OUTCOMES",
    "REFERRAL_SOURCES",
    "RISK_LEVELS",
    "THREE_TALKS",
    "VASKA",
    "ManCase",
    "ManInput",
    "ManView",
    "TalkView",
    "add_man",
    "add_talk",
    "close_investigation",
    "close_man",
    "get_man",
    "list_men",
    "man_case",
    "open_investigation",
    "open_man",
    "refer_on",
    "register_case",
    "set_motivation",
    "set_other_help",
    "set_status",
    "talk_view",
    "talks",
    "update_man",
]


def _man(diary: Diary, s: Session, man_id: str) -> MenClient:
    diary.require_track(MEN)
    man = s.get(MenClient, man_id)
    if man is None or man.compartment != MEN:
        raise NotFound("The client was not found.")
    return man


def _open(man: MenClient) -> None:
    if man.closed_on is not None:
        raise DomainError("His case is closed.")


def _day(diary: Diary, value: date | str | None, field: str) -> date:
    day = validation.as_date(value, field, required_=False) or diary.today()
    if day > diary.today():
        raise DomainError("{field} cannot be in the future.", field=field)
    return day


def _validated(data: ManInput) -> dict[str, object]:
    if data.district:
        validation.one_of(data.district, reference.districts(), "District")
    return dict(name=validation.required(data.name, "Name"),
                referral_source=validation.one_of(data.referral_source, REFERRAL_SOURCES, "Referral source"),
                referred_by=validation.optional(data.referred_by, "Referred by", 100),
                district=data.district, phone=validation.optional(data.phone, "Phone", 50),
                personal_number=validation.personal_number(data.personal_number),
                note=validation.optional(data.note, "Note", 2000))


def add_man(diary: Diary, *, name: str, district: str = "", referred_by: str = "", phone: str = "",
            first_contact_on: date | str | None = None, personal_number: str | None = None,
            referral_source: str = ReferralSource.OTHER.value, note: str = "") -> ManView:
    diary.require_track(MEN)
    values = _validated(ManInput(name=name, referral_source=referral_source, referred_by=referred_by,
                                 district=district, phone=phone, personal_number=personal_number, note=note))
    first = _day(diary, first_contact_on, "First contact")
    with diary.write() as s:
        man = MenClient(name_key=str(values["name"]).casefold(), first_contact_on=first, **values)
        s.add(man)
        s.flush()
        history.initial(s, man)
        man_id = man.id
    return get_man(diary, man_id)


def update_man(diary: Diary, man_id: str, data: ManInput, *, effective_on: date | str | None = None) -> ManView:
    """Change his details. A new referral source or district counts from ``effective_on`` (default today)."""
    values = _validated(data)
    since = _day(diary, effective_on, "Valid from")
    first = validation.as_date(data.first_contact_on, "First contact", required_=False)
    with diary.write() as s:
        man = _man(diary, s, man_id)
        for key, value in values.items():
            if key in history.TRACKED["men_clients"]:
                history.changed(s, man, key, value, since)
            elif getattr(man, key) != value:
                setattr(man, key, value)
        man.name_key = str(values["name"]).casefold()
        if first is not None and first != man.first_contact_on:
            man.first_contact_on = first
    return get_man(diary, man_id)


def set_status(diary: Diary, man_id: str, status: str, *, referred_on_to: str = "",
               effective_on: date | str | None = None) -> ManView:
    validation.one_of(status, {m.value for m in MenStatus}, "Status")
    if status == MenStatus.REFERRED_ON.value:
        if not referred_on_to.strip():
            raise DomainError("Say where he was referred on to.")
        return refer_on(diary, man_id, to=referred_on_to, on=effective_on)
    since = _day(diary, effective_on, "Valid from")
    with diary.write() as s:
        man = _man(diary, s, man_id)
        history.changed(s, man, "status", status, since)
        if status == MenStatus.NOT_MOTIVATED.value:
            history.changed(s, man, "motivation", Motivation.NOT_MOTIVATED.value, since)
    return get_man(diary, man_id)


def set_motivation(diary: Diary, man_id: str, motivation: str, *, effective_on: date | str | None = None) -> ManView:
    validation.one_of(motivation, MOTIVATIONS, "Motivation")
    since = _day(diary, effective_on, "Valid from")
    with diary.write() as s:
        man = _man(diary, s, man_id)
        history.changed(s, man, "motivation", motivation, since)
    return get_man(diary, man_id)


def set_other_help(diary: Diary, man_id: str, needed: bool, *, note: str = "",
                   effective_on: date | str | None = None) -> ManView:
    """He needs other help than the talks (addiction care, psychiatry ...): noted, counted in the report."""
    since = _day(diary, effective_on, "Valid from")
    text = validation.optional(note, "Note", 300)
    with diary.write() as s:
        man = _man(diary, s, man_id)
        history.changed(s, man, "needs_other_help", bool(needed), since)
        if man.other_help_note != text:
            man.other_help_note = text
    return get_man(diary, man_id)


def open_investigation(diary: Diary, man_id: str, *, on: date | str | None = None) -> ManView:
    day = _day(diary, on, "Investigation opened")
    with diary.write() as s:
        man = _man(diary, s, man_id)
        _open(man)
        if man.investigation_opened_on is not None and man.investigation_closed_on is None:
            raise DomainError("An investigation is already open.")
        man.investigation_opened_on, man.investigation_closed_on = day, None
    return get_man(diary, man_id)


def close_investigation(diary: Diary, man_id: str, *, on: date | str | None = None) -> ManView:
    day = _day(diary, on, "Investigation closed")
    with diary.write() as s:
        man = _man(diary, s, man_id)
        if man.investigation_opened_on is None or man.investigation_closed_on is not None:
            raise DomainError("No investigation is open.")
        if day < man.investigation_opened_on:
            raise DomainError("An investigation cannot close before it was opened.")
        man.investigation_closed_on = day
    return get_man(diary, man_id)


def add_talk(diary: Diary, man_id: str, *, held_on: date | str | None = None, themes: list[str] | None = None,
             text: str = "", duration_minutes: int = 60, method: str = TalkMethod.VASKA.value,
             own_theme: str = "", attendance: str = Attendance.ATTENDED.value,
             risk_partner: str = RiskLevel.NOT_ASSESSED.value,
             risk_children: str = RiskLevel.NOT_ASSESSED.value) -> TalkView:
    """One talk of the series. Registration as a case of his own is the worker's step (``register_case``),
    shown as due by ``ManView.registration_due`` once he has attended three talks."""
    chosen = list(themes or [])
    validation.one_of(method, METHODS, "Method")
    for t in chosen:
        validation.one_of(t, VASKA, "Theme")
    theme = validation.optional(own_theme, "Theme", 200)
    if method == TalkMethod.OWN.value:
        chosen = []
        if attendance == Attendance.ATTENDED.value and not theme:
            raise DomainError("{field} is required.", field="Theme")
    else:
        theme = ""
    validation.one_of(attendance, ATTENDANCE, "Attendance")
    validation.one_of(risk_partner, RISK_LEVELS, "Risk to partner")
    validation.one_of(risk_children, RISK_LEVELS, "Risk to children")
    if not 0 <= duration_minutes <= 600:
        raise DomainError("{field} has a value that is not allowed.", field="Duration")
    day = validation.as_date(held_on, "Date", required_=False) or diary.today()
    if day > diary.today():
        raise DomainError("A talk cannot be dated in the future.")
    with diary.write() as s:
        man = _man(diary, s, man_id)
        _open(man)
        if man.first_contact_on is not None and day < man.first_contact_on:
            raise DomainError("A talk cannot be dated before the first contact.")
        n = (s.scalar(select(func.count()).select_from(MenTalk).where(MenTalk.men_client_id == man_id)) or 0) + 1
        talk = MenTalk(men_client_id=man.id, held_on=day, number=n, method=method, themes=",".join(chosen),
                       own_theme=theme, duration_minutes=duration_minutes, attendance=attendance,
                       risk_partner=risk_partner, risk_children=risk_children,
                       text=validation.optional(text, "Text", 20_000), author_name=diary.worker.name)
        s.add(talk)
        s.flush()
        return talk_view(talk)


def _next_case_number(s: Session, year: int) -> str:
    prefix = f"M-{year}-"
    last = s.scalar(select(func.max(MenClient.case_number)).where(MenClient.case_number.like(prefix + "%")))
    tail = last.rsplit("-", 1)[1] if last else ""
    return f"{prefix}{int(tail) + 1 if tail.isdigit() else 1:04d}"


def register_case(diary: Diary, man_id: str, *, on: date | str | None = None, case_number: str = "") -> ManView:
    """The three-talk rule acted on: he becomes a case of his own, with a case number."""
    day = _day(diary, on, "Registered")
    with diary.write() as s:
        man = _man(diary, s, man_id)
        _open(man)
        if man.registered_on is not None:
            raise DomainError("He is already registered as a case of his own.")
        number = validation.optional(case_number, "Case number", 40) or _next_case_number(s, day.year)
        if s.scalar(select(func.count()).select_from(MenClient).where(MenClient.case_number == number)):
            raise DomainError("The case number is already in use.")
        man.registered_on, man.case_number = day, number
        if man.status == MenStatus.CONTACT.value:
            history.changed(s, man, "status", MenStatus.REGISTERED.value, day)
    return get_man(diary, man_id)


def refer_on(diary: Diary, man_id: str, *, to: str, on: date | str | None = None) -> ManView:
    """Onward referral (e.g. to a men's centre or addiction care), dated."""
    where = validation.required(to, "Referred on to", 200)
    day = _day(diary, on, "Referral date")
    with diary.write() as s:
        man = _man(diary, s, man_id)
        _open(man)
        man.referred_on_to, man.referred_onward_on = where, day
        history.changed(s, man, "status", MenStatus.REFERRED_ON.value, day)
    return get_man(diary, man_id)


def close_man(diary: Diary, man_id: str, *, outcome: str, on: date | str | None = None) -> ManView:
    validation.one_of(outcome, OUTCOMES, "Outcome")
    day = _day(diary, on, "Closing date")
    with diary.write() as s:
        man = _man(diary, s, man_id)
        _open(man)
        if man.first_contact_on is not None and day < man.first_contact_on:
            raise DomainError("A case cannot close before the first contact.")
        man.outcome, man.closed_on = outcome, day
        if man.investigation_opened_on is not None and man.investigation_closed_on is None:
            man.investigation_closed_on = max(day, man.investigation_opened_on)
        history.changed(s, man, "status", MenStatus.CLOSED.value, day)
        if outcome == MenOutcome.NOT_MOTIVATED.value:
            history.changed(s, man, "motivation", Motivation.NOT_MOTIVATED.value, day)
    return get_man(diary, man_id)


def talk_view(t: MenTalk) -> TalkView:
    return TalkView(t.id, t.held_on, t.number, [x for x in t.themes.split(",") if x], t.duration_minutes,
                    t.text, t.author_name, t.method, t.own_theme, t.attendance, t.risk_partner, t.risk_children)


def _counts(s: Session, ids: list[str] | None = None) -> dict[str, tuple[int, int, date | None]]:
    """Per man: attended talks, booked talks, the last attended talk's date."""
    attended = MenTalk.attendance == Attendance.ATTENDED.value
    q = (select(MenTalk.men_client_id, func.sum(case((attended, 1), else_=0)), func.count(),
                func.max(case((attended, MenTalk.held_on), else_=None)))
         .group_by(MenTalk.men_client_id))
    if ids is not None:
        q = q.where(MenTalk.men_client_id.in_(ids))
    out: dict[str, tuple[int, int, date | None]] = {}
    for mid, n_attended, booked, last in s.execute(q):
        out[mid] = (int(n_attended or 0), int(booked), date.fromisoformat(last) if isinstance(last, str) else last)
    return out


def _view(m: MenClient, counts: tuple[int, int, date | None]) -> ManView:
    attended, booked, last = counts
    return ManView(
        id=m.id, name=m.name, status=m.status, district=m.district, referred_by=m.referred_by,
        first_contact_on=m.first_contact_on, referred_on_to=m.referred_on_to, talks=attended,
        referral_source=m.referral_source, phone=m.phone, personal_number=m.personal_number,
        motivation=m.motivation, needs_other_help=bool(m.needs_other_help), other_help_note=m.other_help_note,
        investigation_opened_on=m.investigation_opened_on, investigation_closed_on=m.investigation_closed_on,
        case_number=m.case_number, registered_on=m.registered_on, referred_onward_on=m.referred_onward_on,
        outcome=m.outcome, closed_on=m.closed_on, note=m.note, booked_talks=booked, last_talk_on=last)


def get_man(diary: Diary, man_id: str) -> ManView:
    with diary.read() as s:
        m = _man(diary, s, man_id)
        return _view(m, _counts(s, [man_id]).get(man_id, (0, 0, None)))


def open_man(diary: Diary, man_id: str) -> ManCase:
    """His case for the screen: opening it is logged (who, when; never content)."""
    case = man_case(diary, man_id)
    audit.log(diary, "open", client_id=man_id, compartment=MEN, entity="men_clients", entity_id=man_id)
    return case


def man_case(diary: Diary, man_id: str) -> ManCase:
    """His case read again after a change made on the open screen (not logged again)."""
    with diary.read() as s:
        m = _man(diary, s, man_id)
        view = _view(m, _counts(s, [man_id]).get(man_id, (0, 0, None)))
        rows = s.scalars(select(MenTalk).where(MenTalk.men_client_id == man_id)
                         .order_by(MenTalk.held_on, MenTalk.number))
        talk_views = [talk_view(t) for t in rows]
        hist = history.rows(s, "men_clients", man_id)
    return ManCase(view, talk_views, hist)


def list_men(diary: Diary, *, status: str | None = None, search: str = "", open_only: bool = False,
             log: bool = True) -> list[ManView]:
    """Men of the men's track by name; ``search`` matches name, case number, phone or a talk's notes.
    A search, and a list without one, is logged: which men it showed, never what was typed (``log=False``:
    the caller logs what it showed)."""
    diary.require_track(MEN)
    with diary.read() as s:
        q = select(MenClient).where(MenClient.compartment == MEN).order_by(MenClient.name_key)
        if status:
            q = q.where(MenClient.status == status)
        if open_only:
            q = q.where(MenClient.closed_on.is_(None))
        needle = search.strip().casefold()
        if needle:
            like = f"%{needle.replace('%', '').replace('_', '')}%"
            in_talks = select(MenTalk.men_client_id).where(func.lower(MenTalk.text).like(like))
            q = q.where(MenClient.name_key.like(like) | func.lower(MenClient.case_number).like(like)
                        | MenClient.phone.like(like) | MenClient.id.in_(in_talks))
        men = list(s.scalars(q))
        counts = _counts(s)
        views = [_view(m, counts.get(m.id, (0, 0, None))) for m in men]
    if log:  # which records it showed, never what was typed
        audit.log_list(diary, "search" if needle else "list", "men_search" if needle else "men_list",
                       [v.id for v in views], compartment=MEN)
    return views


def talks(diary: Diary, man_id: str) -> list[TalkView]:
    with diary.read() as s:
        _man(diary, s, man_id)
        rows = s.scalars(select(MenTalk).where(MenTalk.men_client_id == man_id)
                         .order_by(MenTalk.held_on, MenTalk.number))
        return [talk_view(t) for t in rows]
