"""The men's case rules: talks, the three-talk rule, registration, investigation, referral, closing, Idag."""

from __future__ import annotations

import pytest

from app.errors import AccessDenied, DomainError
from app.services.context import Diary
from app.services.mens_track import men
from app.services.mens_track import today as men_today


def test_the_three_talk_rule_counts_attended_talks_only(men_diary: Diary) -> None:
    m = men.add_man(men_diary, name="Adam Ek", referral_source="police", first_contact_on="2026-01-05").id
    men.add_talk(men_diary, m, held_on="2026-01-10", themes=["violence"])
    men.add_talk(men_diary, m, held_on="2026-01-17", attendance="no_show")
    men.add_talk(men_diary, m, held_on="2026-01-24", method="own", own_theme="Föräldraskap")
    assert not men.get_man(men_diary, m).registration_due
    talk = men.add_talk(men_diary, m, held_on="2026-01-31", themes=["context", "alternatives"],
                        risk_partner="high", risk_children="raised")
    assert talk.number == 4
    view = men.get_man(men_diary, m)
    assert (view.talks, view.booked_talks, view.registration_due) == (3, 4, True)
    idag = men_today.today_view(men_diary)
    assert [x.id for x in idag.registration_due] == [m]
    assert [(x.id, t.risk_partner) for x, t in idag.raised_risk] == [(m, "high")]
    assert [x.id for x in idag.no_recent_talk] == [m]  # the last talk was 43 days before "today"
    registered = men.register_case(men_diary, m, on="2026-02-01")
    assert registered.case_number == "M-2026-0001" and not registered.registration_due
    with pytest.raises(DomainError):
        men.register_case(men_diary, m)
    second = men.add_man(men_diary, name="Bo Berg").id
    with pytest.raises(DomainError):  # numbers are unique
        men.register_case(men_diary, second, case_number="M-2026-0001")
    assert men_today.today_view(men_diary).registration_due == []


def test_talk_rules(men_diary: Diary) -> None:
    m = men.add_man(men_diary, name="Adam Ek", first_contact_on="2026-02-01").id
    for bad in (dict(themes=["karate"]), dict(method="own"), dict(attendance="late"),
                dict(risk_partner="extreme"), dict(duration_minutes=-5), dict(held_on="2099-01-01"),
                dict(held_on="2026-01-01")):
        with pytest.raises(DomainError):
            men.add_talk(men_diary, m, **bad)  # type: ignore[arg-type]
    assert men.talks(men_diary, m) == []
    cancelled = men.add_talk(men_diary, m, method="own", attendance="cancelled")  # no theme needed
    assert cancelled.attendance == "cancelled" and cancelled.own_theme == ""


def test_investigation_referral_and_closing(men_diary: Diary) -> None:
    m = men.add_man(men_diary, name="Adam Ek", first_contact_on="2026-01-05").id
    with pytest.raises(DomainError):
        men.close_investigation(men_diary, m)
    men.open_investigation(men_diary, m, on="2026-01-05")
    with pytest.raises(DomainError):
        men.open_investigation(men_diary, m)
    with pytest.raises(DomainError):
        men.close_investigation(men_diary, m, on="2026-01-01")
    with pytest.raises(DomainError):
        men.refer_on(men_diary, m, to="  ")
    referred = men.refer_on(men_diary, m, to="Mansmottagningen", on="2026-02-01")
    assert (referred.status, referred.referred_onward_on.isoformat()) == ("referred_on", "2026-02-01")  # type: ignore[union-attr]
    closed = men.close_man(men_diary, m, outcome="referred_on", on="2026-03-01")
    assert closed.is_closed and closed.investigation_closed_on is not None  # closing ends the investigation
    with pytest.raises(DomainError):
        men.add_talk(men_diary, m, themes=["violence"])
    with pytest.raises(DomainError):
        men.close_man(men_diary, m, outcome="completed")
    assert men.list_men(men_diary, open_only=True) == []
    assert [x.id for x in men.list_men(men_diary, status="closed")] == [m]


def test_search_and_the_track_wall(men_diary: Diary, diary: Diary) -> None:
    m = men.add_man(men_diary, name="Adam Ek", phone="070-123 45 67").id
    men.add_talk(men_diary, m, themes=["violence"], text="Pratade om svartsjuka och kontroll.")
    men.add_man(men_diary, name="Bo Berg")
    assert [x.id for x in men.list_men(men_diary, search="svartsjuka")] == [m]
    assert [x.id for x in men.list_men(men_diary, search="070-123")] == [m]
    assert len(men.list_men(men_diary, search="")) == 2
    for call in (lambda: men.get_man(diary, m), lambda: men.open_man(diary, m), lambda: men.talks(diary, m),
                 lambda: men.add_talk(diary, m, themes=["violence"]), lambda: men_today.today_view(diary)):
        with pytest.raises(AccessDenied):
            call()
    both = Diary(men_diary.store, men_diary.worker.__class__("Kim", "", frozenset({"women", "men"})),
                 men_diary.today_override)
    with pytest.raises(AccessDenied):
        men.get_man(both.for_track("women"), m)
    assert men.get_man(both.for_track("men"), m).name == "Adam Ek"
