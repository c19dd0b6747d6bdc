from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import update

from app.errors import AccessDenied, DomainError, NotFound
from app.models import Change, DiaryEntry
from app.services.clients import cases, clients, entries, export, records, search
from app.services.clients.cases import DecisionInput
from app.services.clients.clients import ClientInput
from app.services.clients.entries import EntryInput
from app.services.context import Diary
from app.services.mens_track import men as mens_track
from app.services.safety_plan import plans as safety_plans
from app.services.today import attention

from .helpers import change_count, row_count


def _client(diary: Diary, name: str = "Lena Svensson") -> str:
    return clients.create_client(diary, ClientInput(name=name)).id


def test_entries_sign_correct_and_list(diary: Diary) -> None:
    cid = _client(diary)
    e1 = entries.add_entry(diary, cid, EntryInput("Följde med till banken.", ["practical_support"],
                                                  event_on="2026-03-10", activity="bank", duration_minutes=90))
    e2 = entries.add_entry(diary, cid, EntryInput("Stödsamtal om sömnen.", ["support_talk", "civic_information"]),
                           sign=True)
    assert not e1.signed and e2.signed and e2.event_on == date(2026, 3, 15)
    assert e2.kinds == ["support_talk", "civic_information"]
    e1 = entries.update_entry(diary, e1.id, EntryInput("Följde med till banken och posten.", ["practical_support"],
                                                       event_on="2026-03-10", activity="bank"))
    e1 = entries.sign_entry(diary, e1.id)
    with pytest.raises(DomainError):
        entries.update_entry(diary, e1.id, EntryInput("ändrad", ["practical_support"]))
    with pytest.raises(DomainError):
        entries.delete_draft(diary, e1.id)
    fix = entries.correct_entry(diary, e1.id, EntryInput("Rättelse: det var Handelsbanken.", ["practical_support"],
                                                         event_on="2026-03-10"))
    assert fix.corrects_id == e1.id and fix.signed
    original = entries.get_entry(diary, e1.id)
    assert original.text == "Följde med till banken och posten." and original.corrected_by == [fix.id]
    page = entries.list_entries(diary, cid)
    assert page.total == 3 and page.items[0].id == e2.id  # newest first by event date


def test_add_entry_returns_the_row_as_stored_and_feeds_it_like_a_session_write(diary: Diary) -> None:
    """add_entry writes with Core statements and no read-back: the view it returns is what a read gives, and
    its change row carries the same fields as an entry written through the session (a correction)."""
    from sqlalchemy import select

    cid = _client(diary)
    case = cases.open_case(diary, cid, referred_on="2026-03-01")
    before = change_count(diary)
    added = entries.add_entry(diary, cid, EntryInput("  Stödsamtal om ekonomin.  ", ["support_talk"],
                                                     activity="meeting", duration_minutes=45), sign=True)
    assert added == entries.get_entry(diary, added.id)
    assert added.case_id == case.id and added.text == "Stödsamtal om ekonomin." and added.signed
    assert change_count(diary) == before + 1
    fix = entries.correct_entry(diary, added.id, EntryInput("Rättelse.", ["support_talk"]))
    with diary.read() as s:
        feed = {c.entity_id: c for c in s.scalars(select(Change).where(Change.entity == "diary_entries"))}
        stored = s.get(DiaryEntry, added.id)
        assert stored is not None and stored.created_by == diary.worker.name and stored.device_id
    assert set(feed[added.id].fields) == set(feed[fix.id].fields)
    assert feed[added.id].fields["text"] == "Stödsamtal om ekonomin." and feed[added.id].op == "insert"
    assert feed[added.id].client_id == cid and feed[added.id].hlc < feed[fix.id].hlc
    with pytest.raises(NotFound):
        entries.add_entry(diary, "no-such-client", EntryInput("x", ["support_talk"]))
    other = _client(diary, "Eva Ek")
    with pytest.raises(DomainError):
        entries.add_entry(diary, other, EntryInput("x", ["support_talk"], case_id=case.id))
    assert change_count(diary) == before + 3  # the correction, Eva; the refused writes left nothing


def test_signed_entry_is_immutable_even_around_the_services(diary: Diary) -> None:
    cid = _client(diary)
    e = entries.add_entry(diary, cid, EntryInput("Fakta.", ["support_talk"]), sign=True)
    with pytest.raises(Exception, match="immutable"), diary.write() as s:
        s.execute(update(DiaryEntry).where(DiaryEntry.id == e.id).values(text="omskrivet"))
    assert entries.get_entry(diary, e.id).text == "Fakta."


@pytest.mark.parametrize("bad", [
    EntryInput("", ["support_talk"]),
    EntryInput("text", []),
    EntryInput("text", ["therapy"]),
    EntryInput("text", ["support_talk"], event_on="2026-04-01"),  # future
    EntryInput("text", ["support_talk"], activity="karaoke"),
    EntryInput("text", ["support_talk"], duration_minutes=-5),
    EntryInput("x" * 20_001, ["support_talk"]),
    EntryInput("text", ["support_talk"], case_id="someone-elses"),
])
def test_invalid_entries_write_nothing(diary: Diary, bad: EntryInput) -> None:
    cid = _client(diary)
    n = change_count(diary)
    with pytest.raises(DomainError):
        entries.add_entry(diary, cid, bad)
    assert change_count(diary) == n and row_count(diary, DiaryEntry) == 0


def test_correcting_an_unsigned_entry_is_refused(diary: Diary) -> None:
    e = entries.add_entry(diary, _client(diary), EntryInput("utkast", ["support_talk"]))
    with pytest.raises(DomainError):
        entries.correct_entry(diary, e.id, EntryInput("x", ["support_talk"]))
    with pytest.raises(NotFound):
        entries.sign_entry(diary, "missing")


def test_records_network_children_court(diary: Diary) -> None:
    cid = _client(diary)
    n = records.add(diary, "network", cid, {"name": "Syster Sara", "relation": "syster", "safety": "safe"})
    records.update(diary, "network", n["id"], {**n, "how_to_reach": "070-111"})
    assert records.list_for_client(diary, "network", cid)[0]["how_to_reach"] == "070-111"
    ch = records.add(diary, "children", cid, {"name": "Alva", "birth_year": 2018, "trappan_status": "informed",
                                              "trappan_informed_on": "2026-03-01"})
    assert ch["trappan_informed_on"] == date(2026, 3, 1)
    ct = records.add(diary, "court", cid, {"court": "Södertörns tingsrätt", "starts_at": "2026-03-18 09:30",
                                           "case_number": "B 1234-26", "safe_entry_exit": True})
    assert ct["starts_at"] == datetime(2026, 3, 18, 9, 30)
    records.delete(diary, "network", n["id"])
    assert records.list_for_client(diary, "network", cid) == []
    assert len(records.court_dates_between(diary, date(2026, 3, 15), 7)) == 1


@pytest.mark.parametrize("kind,data", [
    ("network", {"name": ""}),
    ("network", {"name": "X", "safety": "maybe"}),
    ("children", {"name": "A", "birth_year": "tjugo"}),
    ("children", {"name": "A", "trappan_status": "declined"}),  # needs a reason
    ("children", {"name": "A", "guardian_consent": "perhaps"}),
    ("court", {"court": "TR", "starts_at": "imorgon"}),
    ("court", {"court": "", "starts_at": "2026-03-18 09:30"}),
])
def test_invalid_records_write_nothing(diary: Diary, kind: str, data: dict[str, object]) -> None:
    cid = _client(diary)
    n = change_count(diary)
    with pytest.raises(DomainError):
        records.add(diary, kind, cid, data)
    assert change_count(diary) == n


def test_safety_plan_versions_are_immutable_and_numbered(diary: Diary) -> None:
    cid = _client(diary)
    v1 = safety_plans.save_version(diary, cid, {"warning_signs": "Han blir tyst."}, neutral_title="Att göra")
    v2 = safety_plans.save_version(diary, cid, {"warning_signs": "Han blir tyst.", "code_word": "Paraply"})
    assert (v1.version, v2.version) == (1, 2)
    assert [v.version for v in safety_plans.versions(diary, cid)] == [2, 1]
    with pytest.raises(DomainError):
        safety_plans.save_version(diary, cid, {"x": "y" * 10_001})
    with pytest.raises(DomainError):
        safety_plans.save_version(diary, cid, {"x": "y"}, risk_assessment_id="other")


def test_search_by_name_case_number_and_diary_text(diary: Diary) -> None:
    lena, maria = _client(diary, "Lena Öberg"), _client(diary, "Maria Ek")
    case = cases.open_case(diary, maria, case_number="2026-0042")
    entries.add_entry(diary, lena, EntryInput("Följde med till Kronofogden angående skulder.", ["practical_support"]))
    assert [h.client.id for h in search.search_clients(diary, "öberg")] == [lena]
    assert [h.client.id for h in search.search_clients(diary, "ÖBE")] == [lena]
    assert [(h.client.id, h.matched) for h in search.search_clients(diary, "2026-0042")] == [(maria, "case_number")]
    hits = search.search_clients(diary, "kronofog")
    assert [(h.client.id, h.matched) for h in hits] == [(lena, "diary")]
    assert search.search_clients(diary, '"; DROP TABLE clients; --') == []
    assert search.search_clients(diary, "   ") == []
    assert case.case_number == "2026-0042"


def test_attention_today(diary: Diary) -> None:
    a, b, c = _client(diary, "A"), _client(diary, "B"), _client(diary, "C")
    ca = cases.open_case(diary, a, referred_on="2026-01-01")
    cases.add_decision(diary, ca.id, DecisionInput("adults", "Älvsjö", "2026-01-01", "2026-01-01",
                                                   ends_on="2026-03-25"))
    records.add(diary, "court", b, {"court": "Stockholms tingsrätt", "starts_at": "2026-03-17 13:00"})
    cases.open_case(diary, c, referred_on="2026-03-10")
    entries.add_entry(diary, b, EntryInput("utkast", ["support_talk"]))
    view = attention.today_view(diary)
    assert [e.client_name for e in view.ending_decisions] == ["A"]
    assert [e.client_name for e in view.court_dates] == ["B"]
    assert [e.client_name for e in view.waiting_referrals] == ["C"]
    assert [e.client_name for e in view.unsigned_entries] == ["B"]


def test_mens_track_is_its_own_compartment(diary: Diary, men_diary: Diary) -> None:
    man = mens_track.add_man(men_diary, name="Johan Berg", district="Älvsjö", referred_by="Frivården")
    for _ in range(3):
        mens_track.add_talk(men_diary, man.id, themes=["violence", "responsibility"], text="VASKA")
    after_three = mens_track.get_man(men_diary, man.id)
    assert after_three.talks == 3 and after_three.registration_due and after_three.status == "contact"
    registered = mens_track.register_case(men_diary, man.id)
    assert registered.status == "registered" and registered.case_number == "M-2026-0001"
    assert not registered.registration_due
    with pytest.raises(AccessDenied):
        mens_track.list_men(diary)
    with pytest.raises(DomainError):
        mens_track.set_status(men_diary, man.id, "referred_on")
    with pytest.raises(DomainError):
        mens_track.add_talk(men_diary, man.id, themes=["karate"])
    with men_diary.read() as s:
        from sqlalchemy import select
        comps = set(s.scalars(select(Change.compartment)))
    assert comps == {"men"}


def test_export_contains_everything_about_the_client(diary: Diary) -> None:
    cid = _client(diary)
    case = cases.open_case(diary, cid)
    cases.add_decision(diary, case.id, DecisionInput("adults", "Älvsjö", "2026-03-01", "2026-03-01"))
    entries.add_entry(diary, cid, EntryInput("Unik anteckning xyzzy", ["support_talk"]))
    records.add(diary, "children", cid, {"name": "Alva"})
    data = export.export_client(diary, cid)
    bundle = data["clients"][0]
    assert bundle["client"]["name"] == "Lena Svensson"
    assert bundle["cases"][0]["decisions"][0]["district"] == "Älvsjö"
    assert bundle["diary_entries"][0]["text"] == "Unik anteckning xyzzy"
    assert bundle["children"][0]["name"] == "Alva"
    assert export.export_all(diary)["clients"][0]["client"]["id"] == cid


@pytest.mark.parametrize("micro", [0, 123456])
def test_the_entry_write_on_the_drivers_cursor_stores_what_core_stores(diary: Diary, micro: int,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """add_entry writes on the driver's cursor (changefeed.insert_one): the entry row and its change row are
    stored exactly, value for value and type for type, as the Core insert (insert_records) stores them."""
    from app.storage import changefeed

    cid = _client(diary)
    cases.open_case(diary, cid, referred_on="2026-03-01")
    at = datetime(2026, 3, 14, 9, 30, 5, micro)
    monkeypatch.setattr(changefeed, "utcnow", lambda: at)
    monkeypatch.setattr(entries, "utcnow", lambda: at)
    added = entries.add_entry(diary, cid, EntryInput("Samtal om ”boendet” – åäö ✓", ["support_talk", "court_support"],
                                                     event_on="2026-03-10", activity="phone",
                                                     duration_minutes=20), sign=True)
    with diary.write() as s:
        raw = s.connection().exec_driver_sql("SELECT * FROM diary_entries WHERE id = ?", (added.id,)).mappings().one()
        values = {k: v for k, v in dict(raw).items() if k not in ("id", "created_at", "updated_at")}
        values.update(event_on=date(2026, 3, 10), written_at=at, signed_at=at)
        core = changefeed.insert_records(s, DiaryEntry, [values])[0]
    with diary.read() as s:
        conn = s.connection()

        def stored(entry_id: str) -> tuple[dict[str, object], dict[str, object]]:
            row = dict(conn.exec_driver_sql("SELECT *, typeof(event_on) AS t1, typeof(signed_at) AS t2 "
                                            "FROM diary_entries WHERE id = ?", (entry_id,)).mappings().one())
            change = dict(conn.exec_driver_sql("SELECT * FROM changes WHERE entity_id = ?", (entry_id,))
                          .mappings().one())
            row.pop("id")
            for k in ("seq", "hlc", "entity_id"):
                change.pop(k)
            return row, change

        fast, slow = stored(added.id), stored(core["id"])
    assert fast == slow
    assert fast[0]["event_on"] == "2026-03-10" and fast[0]["t1"] == "text"
    assert "åäö" in __import__("json").loads(str(fast[1]["fields"]))["text"]
