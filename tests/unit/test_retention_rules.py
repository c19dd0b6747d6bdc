"""Retention rules with hand-made dates: the year boundary, leap days, the 5/15/25 exemption, other register
data on the same person, a municipality that keeps everything."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import update

from app.errors import DomainError
from app.models import Client, DiaryEntry
from app.services.access import roles
from app.services.clients import clients, entries
from app.services.clients.clients import ClientInput
from app.services.clients.entries import EntryInput
from app.services.context import Diary
from app.services.retention import purge
from app.services.retention import rules as rr

RULES = rr.load()


@pytest.fixture(autouse=True)
def _team_lead(store: object) -> None:
    """Retention is the team lead's: this diary's worker profile names its worker lead (both tracks)."""
    from app.services.context import Worker

    roles.set_profile_role(Diary(store, Worker("Lead")), True)  # type: ignore[arg-type]


@pytest.mark.parametrize(("last", "due", "deadline"), [
    (date(2020, 12, 31), date(2025, 12, 31), date(2026, 12, 31)),
    (date(2021, 1, 1), date(2026, 1, 1), date(2027, 12, 31)),
    (date(2020, 2, 29), date(2025, 2, 28), date(2026, 12, 31)),
])
def test_due_and_deadline(last: date, due: date, deadline: date) -> None:
    assert rr.due_on(last, RULES) == due
    assert rr.deadline(rr.due_on(last, RULES)) == deadline


@pytest.mark.parametrize(("pnr", "day"), [
    ("19800515-1234", 15), ("800505-1234", 5), ("19800525-1234", 25), ("19800516-1234", 16),
    ("19800575-1234", 15),  # coordination number: day + 60
    (None, None), ("", None), ("12345", None),
])
def test_birth_day(pnr: str | None, day: int | None) -> None:
    assert rr.birth_day(pnr) == day


def test_invalid_overrides_are_refused(diary: Diary) -> None:
    with pytest.raises(DomainError):
        purge.set_rule(diary, "years_after_last_entry", 0)
    with pytest.raises(DomainError):
        purge.set_rule(diary, "no_such_rule", 1)
    assert purge.current_rules(diary).years_after_last_entry == 5


def _client(diary: Diary, name: str, last: date, pnr: str | None = None) -> str:
    cid = clients.create_client(diary, ClientInput(name=name, personal_number=pnr)).id
    entries.add_entry(diary, cid, EntryInput(text="Samtal.", kinds=["support_talk"], event_on=last))
    at = datetime.combine(last, datetime.min.time())
    with diary.write() as s:  # as if everything had been written on the day of her last entry
        s.execute(update(Client).where(Client.id == cid).values(created_at=at))
        s.execute(update(DiaryEntry).where(DiaryEntry.client_id == cid).values(written_at=at))
    return cid


def _at(diary: Diary, today: date) -> Diary:
    return Diary(diary.store, diary.worker, today_override=today)


def test_year_boundary(diary: Diary) -> None:
    old = _client(diary, "Ett Nyår", date(2020, 12, 31))
    later = _client(diary, "Ny Årsdag", date(2021, 1, 1))
    assert purge.preview(_at(diary, date(2025, 12, 30))).purge == []
    on_day = purge.preview(_at(diary, date(2025, 12, 31)))
    assert [c.client_id for c in on_day.purge] == [old]
    assert on_day.purge[0].deadline == date(2026, 12, 31) and not on_day.purge[0].overdue
    assert [c.client_id for c in purge.preview(_at(diary, date(2026, 1, 1))).purge] == [old, later]
    assert purge.preview(_at(diary, date(2027, 1, 1))).purge[0].overdue


def test_born_on_5_15_25_are_marked_for_the_archive(diary: Diary) -> None:
    arch = _client(diary, "Född Femtonde", date(2018, 3, 1), "19800515-2387")
    gone = _client(diary, "Född Sextonde", date(2018, 3, 1), "19800516-2386")
    pv = purge.preview(_at(diary, date(2026, 1, 1)))
    assert [c.client_id for c in pv.purge] == [gone]
    assert [(c.client_id, c.reason) for c in pv.archive] == [(arch, "archive_birth_day")]
    result = purge.run(_at(diary, date(2026, 1, 1)), pv.token)
    assert result.clients == 1 and result.archived == 1
    with diary.read() as s:
        assert s.get(Client, arch) is not None and s.get(Client, gone) is None
    again = purge.preview(_at(diary, date(2026, 1, 1)))
    assert again.purge == [] and again.archive == []  # marked once, kept


def test_kept_while_other_register_data_on_the_same_person_remain(diary: Diary) -> None:
    first = _client(diary, "Samma Person", date(2015, 6, 1), "19811218-9876")
    _client(diary, "Samma Person", date(2024, 6, 1), "811218-9876")  # a later record on the same person
    alone = _client(diary, "Annan Person", date(2015, 6, 1), "19811219-9875")
    pv = purge.preview(_at(diary, date(2026, 1, 1)))
    assert [c.client_id for c in pv.purge] == [alone]
    assert [(c.client_id, c.reason) for c in pv.held] == [(first, "other_register_data")]
    purge.set_rule(diary, "keep_while_other_register_data", False)
    assert {c.client_id for c in purge.preview(_at(diary, date(2026, 1, 1))).purge} == {first, alone}


def test_a_municipality_may_keep_everything(diary: Diary) -> None:
    _client(diary, "Gammal Akt", date(2010, 1, 1))
    purge.set_rule(diary, "keep_everything", True)
    pv = purge.preview(_at(diary, date(2026, 1, 1)))
    assert pv.keep_everything and pv.purge == []
    with pytest.raises(DomainError):
        purge.run(_at(diary, date(2026, 1, 1)), pv.token)


def test_the_run_needs_the_previewed_list(diary: Diary) -> None:
    _client(diary, "Gammal Akt", date(2010, 1, 1))
    d = _at(diary, date(2026, 1, 1))
    pv = purge.preview(d)
    _client(diary, "Ännu Äldre", date(2009, 1, 1))
    with pytest.raises(DomainError):
        purge.run(d, pv.token)
    with diary.read() as s:
        assert s.query(Client).count() == 2


def test_the_mens_track_is_purged_too(men_diary: Diary) -> None:
    from sqlalchemy import select

    from app.models import MenClient, MenTalk, StatusHistory
    from app.services.mens_track import men

    d = Diary(men_diary.store, men_diary.worker, today_override=date(2019, 5, 1))
    old = men.add_man(d, name="Gammal Man", first_contact_on=date(2019, 3, 1)).id
    men.add_talk(d, old, held_on=date(2019, 3, 8), themes=["violence"], text="Samtal om ansvar.")
    kept = men.add_man(d, name="Ny Man", first_contact_on=date(2019, 3, 1)).id
    with d.write() as s:
        s.execute(update(MenClient).values(created_at=datetime(2019, 3, 1)))
        s.execute(update(StatusHistory).values(created_at=datetime(2019, 3, 1)))
    men.add_talk(Diary(d.store, d.worker, today_override=date(2025, 2, 1)), kept, held_on=date(2025, 2, 1),
                 themes=["violence"])
    later = Diary(d.store, d.worker, today_override=date(2026, 1, 1))
    pv = purge.preview(later)
    assert [(c.client_id, c.entity) for c in pv.purge] == [(old, "men_clients")]
    assert pv.counts["men_talks"] == 1 and pv.counts["men_clients"] == 1
    purge.run(later, pv.token)
    with d.read() as s:
        assert s.get(MenClient, old) is None and s.get(MenClient, kept) is not None
        assert s.scalars(select(MenTalk).where(MenTalk.men_client_id == old)).all() == []
        assert s.scalars(select(StatusHistory).where(StatusHistory.client_id == old)).all() == []
