"""The men's track in the access log and the log follow-up: his list, a search and the men's Idag are logged
as name lists (which men, never what was typed), and the four checks cover the men's openings; a lead of the
women's track alone never sees them."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from app.services.access import roles
from app.services.audit import chain, followup
from app.services.audit.followup import FollowupFilter
from app.services.context import Diary, Worker
from app.services.mens_track import men
from app.services.mens_track import today as men_today
from app.storage.vault import Store

DAY = datetime(2026, 1, 14, 9, 0)  # a Wednesday, 10:00 Swedish time


@pytest.fixture
def lead(men_diary: Diary) -> Diary:
    roles.set_profile_role(men_diary, True)
    return men_diary


def _open(d: Diary, man_id: str, at: datetime) -> None:
    with d.write() as s:
        chain.append(s, origin_device=d.store.device_id, actor=d.worker.name, compartment="men", action="open",
                     client_id=man_id, entity="men_clients", entity_id=man_id, at=at)


def test_his_list_a_search_and_idag_are_logged_without_the_search_text(lead: Diary) -> None:
    ake = men.add_man(lead, name="Åke Östlund", first_contact_on=date(2026, 1, 5), phone="0701234567").id
    bo = men.add_man(lead, name="Bo Berg", first_contact_on=date(2025, 10, 1)).id
    for day in (date(2026, 2, 20), date(2026, 2, 27), date(2026, 3, 6)):
        men.add_talk(lead, ake, held_on=day, themes=["violence"])
    assert [m.id for m in men.list_men(lead)] == [bo, ake]  # by name: Å after Z
    assert [m.id for m in men.list_men(lead, search="östl")] == [ake]
    idag = men_today.today_view(lead)
    assert [m.id for m in idag.registration_due] == [ake] and [m.id for m in idag.no_recent_talk] == [bo]

    rows = {r.what: r for r in followup.page(lead).rows if r.action in ("list", "search")}
    assert set(rows) == {"men_list", "men_search", "men_today"}
    assert rows["men_list"].records_listed == 2 and rows["men_search"].records_listed == 1
    assert rows["men_today"].records_listed == 2
    assert all(r.actor == "Per Persson" and r.client_id is None for r in rows.values())
    export = followup.export(lead, FollowupFilter(action="search"), "json")
    assert "östl" not in export and "Östlund" not in export  # what was typed, and no names of the listed
    # Which men: ids in the trail, for the per-record history.
    from app.services import audit

    details = [e.detail for e in audit.trail(lead) if e.entity in ("men_list", "men_search", "men_today")]
    assert f"2:{bo},{ake}" in details and f"1:{ake}" in details
    # A caller that logs what it showed itself (the desktop) is not logged twice.
    before = len(followup.page(lead).rows)
    men.list_men(lead, log=False)
    men_today.today_view(lead, log=False)
    assert len(followup.page(lead).rows) == before


def test_the_checks_cover_the_mens_track(lead: Diary, store: Store) -> None:
    mine = men.add_man(lead, name="Åke Östlund", first_contact_on=date(2026, 1, 5)).id
    colleague = Diary(store, Worker("Ola Olsson", "", frozenset({"men"})), today_override=lead.today_override)
    theirs = men.add_man(colleague, name="Bo Berg", first_contact_on=date(2026, 1, 5)).id
    talked = men.add_man(colleague, name="Carl Carlsson", first_contact_on=date(2026, 1, 5)).id
    men.add_talk(lead, talked, held_on=date(2026, 1, 10), themes=["violence"])
    _open(lead, mine, DAY)  # registered him: his worker
    _open(lead, talked, DAY + timedelta(minutes=1))  # held a talk with him
    _open(lead, theirs, DAY + timedelta(minutes=2))  # neither: opened with no entry of her own
    _open(lead, theirs, datetime(2026, 1, 17, 21, 30))  # a Saturday night

    no_entry = followup.page(lead, FollowupFilter(check="no_entry")).rows
    assert [(r.client_id, r.record) for r in no_entry] == [(theirs, "Bo Berg"), (theirs, "Bo Berg")]
    assert [r.at for r in followup.page(lead, FollowupFilter(check="unusual_hours")).rows] == ["2026-01-17 22:30"]
    assert followup.page(lead, FollowupFilter(check="burst")).rows == []

    many = [men.add_man(colleague, name=f"Man {i:02d}", first_contact_on=date(2026, 1, 5)).id for i in range(20)]
    start = datetime(2026, 1, 15, 9)
    for i, mid in enumerate(many):
        _open(lead, mid, start + timedelta(minutes=2 * i))
    burst = followup.page(lead, FollowupFilter(check="burst"), size=100).rows
    assert {r.client_id for r in burst} == set(many)
    assert all("burst" in r.flags for r in burst)


def test_a_lead_of_the_womens_track_alone_does_not_see_the_mens_rows(store: Store) -> None:
    both = Diary(store, Worker("Kim Berg", "", frozenset({"women", "men"})))
    per = men.add_man(both, name="Per Persson").id
    men.open_man(both, per)
    men.list_men(both.for_track("men"))
    roles.set_profile_role(both, True)
    women = both.for_track("women")
    assert all(r.what not in ("men_clients", "men_list") for r in followup.page(women).rows)
    assert {r.what for r in followup.page(both.for_track("men")).rows} >= {"men_clients", "men_list"}
