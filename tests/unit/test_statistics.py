"""Every figure of the period report checked against a small diary counted by hand.

The period is 2024 (1 January – 31 December). The women:

* A (Skärholmen, Barn och familj): decision 2023-10-15 – 2024-01-15, starting before the period, extended
  on 2024-01-08 to 2024-04-15 and closed that day. Entries: 2023-12-01 court support (before the period),
  2024-02-01 practical support + support talk, 2024-03-01 support talk again. A child informed in 2023.
* B (Älvsjö, Ekonomiskt bistånd): decision 2023-10-01 – 2024-01-01, case closed on 2024-01-01, the
  period's first day: still current that day.
* C: referred 2024-02-01; two decisions in one case — Hägersten-Liljeholmen / Vuxenenheten from 2024-02-15,
  then Skärholmen / Ekonomiskt bistånd from 2024-05-16, extended on 2024-08-10; still open. Entries: civic
  information (2024-03-01), court support + civic information (2024-06-01). Court on 2024-09-10. Two children
  informed about Trappan on 2024-03-10, one linked on 2024-04-01.
* D (protected identity): referred 2024-11-20, no decision; a support talk on 2024-11-25.
* E: referred 2024-12-20, decision starting 2025-01-10 (after the period).
* F: decision 2023-09-01 – 2023-12-31, closed 2023-12-31 (the day before the period); court dates on
  2024-12-31 14:00 (counted) and 2025-01-01 09:00 (not counted).

The men: M1 (talks 2023-11-08, 2023-11-15, 2024-01-10), M2 (first contact 2024-05-01, one talk, not
motivated), M3 (first contact 2024-06-01, two talks, referred on), M4 (all in 2023), M5 (first contact 2025).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.models import Compartment
from app.printing import report_tables
from app.services.clients import cases, clients, entries, records
from app.services.context import Diary, Worker
from app.services.mens_track import men as mens_track
from app.services.reports import statistics, team_week
from app.storage.vault import Store

BOTH = frozenset({Compartment.WOMEN.value, Compartment.MEN.value})
MONTH = 365.25 / 12


def _woman(diary: Diary, name: str, referred: str, protected: str = "none") -> tuple[str, str]:
    cid = clients.create_client(diary, clients.ClientInput(name=name, protected_identity=protected)).id
    return cid, cases.open_case(diary, cid, referred_on=referred).id


def _decision(diary: Diary, case_id: str, unit: str, district: str, decided: str, starts: str,
              ends: str) -> str:
    view = cases.add_decision(diary, case_id, cases.DecisionInput(
        referring_unit=unit, district=district, decided_on=decided, starts_on=starts, ends_on=ends))
    return next(d.id for d in view.decisions if d.starts_on == date.fromisoformat(starts))


def _entry(diary: Diary, cid: str, on: str, *kinds: str) -> None:
    entries.add_entry(diary, cid, entries.EntryInput(text="Anteckning", kinds=list(kinds), event_on=on))


@pytest.fixture
def diary(store: Store) -> dict[str, Any]:
    d = Diary(store, Worker("Anna Andersson", "Kvinnostödjare", BOTH), today_override=date(2025, 3, 1))
    a, a_case = _woman(d, "Alfa Andersson", "2023-10-01")
    a_dec = _decision(d, a_case, "children_family", "Skärholmen", "2023-10-10", "2023-10-15", "2024-01-15")
    cases.extend_decision(d, a_dec, months=3, granted_on="2024-01-08")
    cases.close_case(d, a_case, closed_on="2024-04-15", reason="Målen uppnådda")
    _entry(d, a, "2023-12-01", "court_support")
    _entry(d, a, "2024-02-01", "practical_support", "support_talk")
    _entry(d, a, "2024-03-01", "support_talk")
    records.add(d, "children", a, {"name": "Barn A", "trappan_status": "informed",
                                   "trappan_informed_on": "2023-11-01"})

    _b, b_case = _woman(d, "Beta Berg", "2023-09-20")
    _decision(d, b_case, "financial_aid", "Älvsjö", "2023-09-25", "2023-10-01", "2024-01-01")
    cases.close_case(d, b_case, closed_on="2024-01-01", reason="Målen uppnådda")

    c, c_case = _woman(d, "Gamma Grön", "2024-02-01")
    _decision(d, c_case, "adults", "Hägersten-Liljeholmen", "2024-02-10", "2024-02-15", "2024-05-15")
    c_dec2 = _decision(d, c_case, "financial_aid", "Skärholmen", "2024-05-10", "2024-05-16", "2024-08-16")
    cases.extend_decision(d, c_dec2, months=3, granted_on="2024-08-10")
    _entry(d, c, "2024-03-01", "civic_information")
    _entry(d, c, "2024-06-01", "court_support", "civic_information")
    records.add(d, "court", c, {"court": "Södertörns tingsrätt", "starts_at": "2024-09-10 10:00"})
    records.add(d, "children", c, {"name": "Barn C1", "trappan_status": "linked",
                                   "trappan_informed_on": "2024-03-10", "trappan_linked_on": "2024-04-01"})
    records.add(d, "children", c, {"name": "Barn C2", "trappan_status": "informed",
                                   "trappan_informed_on": "2024-03-10"})

    dd, _ = _woman(d, "Delta Dahl", "2024-11-20", protected="protected_registration")
    _entry(d, dd, "2024-11-25", "support_talk")
    records.add(d, "court", dd, {"court": "Stockholms tingsrätt", "starts_at": "2024-09-12 13:00"})

    _e, e_case = _woman(d, "Epsilon Ek", "2024-12-20")
    _decision(d, e_case, "disability", "Älvsjö", "2024-12-28", "2025-01-10", "2025-04-10")

    f, f_case = _woman(d, "Fi Falk", "2023-08-20")
    _decision(d, f_case, "elderly_care", "Älvsjö", "2023-08-25", "2023-09-01", "2023-12-31")
    cases.close_case(d, f_case, closed_on="2023-12-31", reason="Målen uppnådda")
    records.add(d, "court", f, {"court": "Svea hovrätt", "starts_at": "2024-12-31 14:00"})
    records.add(d, "court", f, {"court": "Svea hovrätt", "starts_at": "2025-01-01 09:00"})

    def man(name: str, first: str, talks: list[str], status: str = "") -> None:
        mid = mens_track.add_man(d, name=name, first_contact_on=first).id
        for day in talks:
            mens_track.add_talk(d, mid, held_on=day, themes=["violence"])
        if status:
            mens_track.set_status(d, mid, status, referred_on_to="Beroendevården", effective_on=talks[-1])

    man("M1", "2023-11-01", ["2023-11-08", "2023-11-15", "2024-01-10"])
    man("M2", "2024-05-01", ["2024-05-08"], "not_motivated")
    man("M3", "2024-06-01", ["2024-06-08", "2024-06-15"], "referred_on")
    man("M4", "2023-03-01", ["2023-03-08", "2023-03-15", "2023-03-22"])
    man("M5", "2025-01-05", ["2025-01-12"])
    return {"diary": d, "store": store}


def _counts(rows: list[dict[str, Any]]) -> dict[str, int]:
    return {r["key"]: r["count"] for r in rows}


def test_women_current_per_district_and_unit(diary: dict[str, Any]) -> None:
    w = statistics.period_report(diary["diary"], date(2024, 1, 1), date(2024, 12, 31))["women"]
    # A (started before the period), B (closed on its first day), C (two decisions, counted once).
    assert w["current"]["total"] == 3
    # District and unit of each woman's latest decision: A Skärholmen, B Älvsjö, C moved to Skärholmen.
    assert _counts(w["current"]["by_district"]) == {"Hägersten-Liljeholmen": 0, "Skärholmen": 2, "Älvsjö": 1}
    assert _counts(w["by_referring_unit"]) == {"children_family": 1, "financial_aid": 2, "adults": 0,
                                               "disability": 0, "elderly_care": 0}


def test_support_kinds_count_each_woman_once(diary: dict[str, Any]) -> None:
    w = statistics.period_report(diary["diary"], date(2024, 1, 1), date(2024, 12, 31))["women"]
    # A's two support talks count once; her 2023 court support not at all; D has no decision (district "").
    assert _counts(w["support_kinds"]["total"]) == {"practical_support": 1, "support_talk": 2,
                                                    "civic_information": 1, "court_support": 1}
    by = {r["key"]: r["counts"] for r in w["support_kinds"]["by_district"]}
    assert by["Skärholmen"] == {"practical_support": 1, "support_talk": 1, "civic_information": 1,
                                "court_support": 1}
    assert by["Älvsjö"] == by["Hägersten-Liljeholmen"] == dict.fromkeys(by["Älvsjö"], 0)
    assert by[""] == {"practical_support": 0, "support_talk": 1, "civic_information": 0, "court_support": 0}


def test_length_of_support(diary: dict[str, Any]) -> None:
    ln = statistics.period_report(diary["diary"], date(2024, 1, 1), date(2024, 12, 31))["women"][
        "length_of_support"]
    # A: 2023-10-15 → 2024-04-15 = 183 days (closed); B: 2023-10-01 → 2024-01-01 = 92 days (closed);
    # C: 2024-02-15 → period end 2024-12-31 = 320 days (open, first of her two decisions).
    assert (ln["cases"], ln["closed_cases"], ln["open_cases"]) == (3, 2, 1)
    assert ln["average_months"] == round((183 + 92 + 320) / 3 / MONTH, 1) == 6.5
    assert ln["median_months"] == round(183 / MONTH, 1) == 6.0
    assert ln["closed_only"] == {"average_months": round((183 + 92) / 2 / MONTH, 1), "median_months": 4.5}
    assert "period end" in ln["basis"]


def test_flows_court_children(diary: dict[str, Any]) -> None:
    w = statistics.period_report(diary["diary"], date(2024, 1, 1), date(2024, 12, 31))["women"]
    assert w["incoming"] == {"cases": 3, "women": 3}  # C, D, E referred in 2024
    assert w["closed"] == {"cases": 2, "women": 2}  # A (15 April), B (1 January); F closed the day before
    assert w["extensions"] == {"granted": 2, "women": 2}  # A (8 January), C (10 August)
    # C 10 September, D 12 September, F 31 December 14:00; not F on 1 January 2025.
    assert w["court_support"] == {"appointments": 3, "women": 3}
    assert w["children"] == {"informed_about_trappan": 2, "women_informed": 1, "linked_to_trappan": 1,
                             "women_linked": 1}


def test_men_track(diary: dict[str, Any]) -> None:
    m = statistics.period_report(diary["diary"], date(2024, 1, 1), date(2024, 12, 31))["men"]
    # M1 (a talk in January, three by the period's end), M2, M3 in contact; M4 only in 2023, M5 only in 2025.
    assert {k: m[k] for k in ("in_contact", "at_least_three_talks", "referred_on", "not_motivated")} == {
        "in_contact": 3, "at_least_three_talks": 1, "referred_on": 1, "not_motivated": 1}
    assert m["talks_held"] == 4 and m["court_ordered"] == 0


def test_short_period_and_tracks(diary: dict[str, Any]) -> None:
    d = diary["diary"]
    # Only 1 January: A and B current, B closed that day, nothing referred.
    w = statistics.period_report(d, date(2024, 1, 1), date(2024, 1, 1))["women"]
    assert w["current"]["total"] == 2 and w["closed"]["cases"] == 1 and w["incoming"]["cases"] == 0
    # A women's-track worker sees no men's figures, and the other way round.
    only_women = Diary(diary["store"], Worker("Anna", "", frozenset({"women"})), date(2025, 3, 1))
    assert statistics.period_report(only_women, date(2024, 1, 1), date(2024, 12, 31))["men"] is None
    only_men = Diary(diary["store"], Worker("Mats", "", frozenset({"men"})), date(2025, 3, 1))
    assert statistics.period_report(only_men, date(2024, 1, 1), date(2024, 12, 31))["women"] is None


def test_suppression(diary: dict[str, Any]) -> None:
    report = statistics.period_report(diary["diary"], date(2024, 1, 1), date(2024, 12, 31))
    pub = report_tables.suppress(report)
    assert pub["suppressed"] is True and report["suppressed"] is False
    w = pub["women"]
    assert w["current"]["total"] == "< 5"
    assert _counts(w["current"]["by_district"])["Hägersten-Liljeholmen"] == 0  # zero stays zero
    assert w["length_of_support"]["average_months"] is None  # an average over 3 cases is not published
    assert pub["men"]["in_contact"] == "< 5"
    cells = [c for t in report_tables.tables(pub) for row in t.rows for c in row]
    assert not any(isinstance(c, int) and 1 <= c <= 4 for c in cells)


def test_no_names_in_report(diary: dict[str, Any]) -> None:
    report = statistics.period_report(diary["diary"], date(2024, 1, 1), date(2024, 12, 31))
    text = repr(report) + repr(report_tables.tables(report))
    for name in ("Alfa", "Beta", "Gamma", "Delta", "Epsilon", "Fi Falk", "M1"):
        assert name not in text


def test_team_week(diary: dict[str, Any]) -> None:
    store = diary["store"]
    wk = team_week.team_week(Diary(store, Worker("Anna", ""), today_override=date(2024, 4, 3)))
    assert (wk.week_start, wk.week_end) == (date(2024, 4, 1), date(2024, 4, 7))
    assert wk.current == 2  # A (until 15 April) and C (first decision)
    assert wk.incoming == 2  # D and E: open cases without a started decision
    assert [(i.client_name, i.on) for i in wk.ending_soon] == [("Alfa Andersson", date(2024, 4, 15))]
    assert wk.court_dates == []
    wk = team_week.team_week(Diary(store, Worker("Anna", ""), today_override=date(2024, 9, 11)))
    assert wk.current == 1 and wk.ending_soon == []
    # D has a protected identity: listed without her name.
    assert [(i.client_name, i.on, i.detail) for i in wk.court_dates] == [
        ("Gamma Grön", date(2024, 9, 10), "Södertörns tingsrätt"), (None, date(2024, 9, 12), "Stockholms tingsrätt")]


def test_periods() -> None:
    assert statistics.period_containing("week", date(2024, 9, 11)) == (date(2024, 9, 9), date(2024, 9, 15))
    assert statistics.period_containing("month", date(2024, 2, 10)) == (date(2024, 2, 1), date(2024, 2, 29))
    assert statistics.period_containing("year", date(2024, 2, 10)) == (date(2024, 1, 1), date(2024, 12, 31))
    assert statistics.shift_period("month", date(2024, 12, 1), 1) == (date(2025, 1, 1), date(2025, 1, 31))
    assert statistics.shift_period("month", date(2024, 1, 1), -1) == (date(2023, 12, 1), date(2023, 12, 31))
    assert statistics.shift_period("week", date(2024, 9, 9), -1) == (date(2024, 9, 2), date(2024, 9, 8))
    assert statistics.shift_period("year", date(2024, 1, 1), 1) == (date(2025, 1, 1), date(2025, 12, 31))


def test_report_tables_are_swedish_by_default(diary: dict[str, Any]) -> None:
    report = statistics.period_report(diary["diary"], date(2024, 1, 1), date(2024, 12, 31))
    sv = report_tables.tables(report, "sv")
    en = report_tables.tables(report, "en")
    assert [t.title for t in sv][:2] == ["Aktuella kvinnor under perioden, per stadsdel",
                                         "Aktuella kvinnor under perioden, per beställande enhet"]
    for s, e in zip(sv, en, strict=True):
        assert s.title != e.title

        for srow, erow in zip(s.rows, e.rows, strict=True):
            if erow[0] not in ("Skärholmen", "Älvsjö", "Hägersten-Liljeholmen"):
                assert srow[0] != erow[0], erow[0]
