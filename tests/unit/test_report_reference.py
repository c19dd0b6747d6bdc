"""The period report reads the kinds of support of whole calendar years from the trigger-kept summary
``support_kind_years``: it must give exactly what the straightforward implementation gives (a DISTINCT over
every entry of the period, kept in ``tests/unit/report_reference.py``), for every kind of period, across year
boundaries, with entries edited, moved to another year, deleted and corrected, and with history of districts
and of a man's status; and the summary must equal a count over the entries after every kind of change."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from sqlalchemy import text

from app.models import Compartment
from app.services.clients import cases, clients, entries
from app.services.clients.cases import DecisionInput
from app.services.context import Diary, Worker
from app.services.mens_track import men
from app.services.reports import statistics
from app.storage.vault import Store
from tests.unit import report_reference

BOTH = frozenset({Compartment.WOMEN.value, Compartment.MEN.value})
TODAY = date(2026, 2, 10)

PERIODS = [
    ("2023-01-01", "2023-12-31"), ("2024-01-01", "2024-12-31"), ("2025-01-01", "2025-12-31"),
    ("2026-01-01", "2026-12-31"),
    ("2023-01-01", "2025-12-31"),  # three whole years
    ("2023-07-01", "2025-06-30"),  # one whole year (2024) and a half year on each side
    ("2023-12-31", "2025-01-01"),  # 2024 and one day on each side
    ("2024-01-01", "2024-06-30"), ("2024-07-01", "2024-12-31"),  # half years: no whole year
    ("2024-12-01", "2024-12-31"), ("2025-01-01", "2025-01-31"),  # months either side of New Year
    ("2024-12-30", "2025-01-05"),  # the week across New Year
    ("2024-12-31", "2024-12-31"), ("2025-01-01", "2025-01-01"),  # single days
    ("2022-01-01", "2026-12-31"),  # everything
]


def _report(module: Any, d: Diary, start: str, end: str) -> str:
    r = module.period_report(d, date.fromisoformat(start), date.fromisoformat(end))
    return json.dumps(r, sort_keys=True, ensure_ascii=False)


def _summary_is_exact(store: Store) -> None:
    with store.engine.connect() as conn:
        kept = conn.execute(text("SELECT year, kind, client_id, entries FROM support_kind_years "
                                 "ORDER BY 1, 2, 3")).all()
        counted = conn.execute(text("SELECT substr(event_on, 1, 4), kind, client_id, COUNT(*) "
                                    "FROM diary_entry_kinds GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")).all()
        conn.rollback()
    assert [tuple(r) for r in kept] == [tuple(r) for r in counted]


def _same_everywhere(d: Diary, store: Store) -> None:
    _summary_is_exact(store)
    for start, end in PERIODS:
        assert _report(statistics, d, start, end) == _report(report_reference, d, start, end), (start, end)


def _entry(d: Diary, cid: str, on: str, *kinds: str, sign: bool = True) -> str:
    return entries.add_entry(d, cid, entries.EntryInput(text="Samtal", kinds=list(kinds), event_on=on),
                             sign=sign).id


@pytest.fixture
def diary(store: Store) -> Diary:
    return Diary(store, Worker("Anna Andersson", "Kvinnostödjare", BOTH), today_override=TODAY)


def test_report_equals_reference_across_year_boundaries(diary: Diary, store: Store) -> None:
    d = diary
    women = []
    for i, (district, referred) in enumerate([("Älvsjö", "2023-11-20"), ("Skärholmen", "2024-06-01"),
                                              ("Hägersten-Liljeholmen", "2024-12-15"), ("Älvsjö", "2025-03-01")]):
        cid = clients.create_client(d, clients.ClientInput(name=f"Kvinna {i}")).id
        case = cases.open_case(d, cid, referred_on=referred)
        start = date.fromisoformat(referred).replace(day=25 if referred.endswith("-20") else 10)
        case = cases.add_decision(d, case.id, DecisionInput("adults", district, start.isoformat(),
                                                            start.isoformat(), f"{start.year + 1}-06-30"))
        women.append((cid, case.id, case.decisions[0].id))
    a, b, c, e = (w[0] for w in women)
    # Entries on both sides of every New Year, several per woman and kind, some kinds twice in a year.
    _entry(d, a, "2023-12-31", "support_talk", "practical_support")
    _entry(d, a, "2024-01-01", "support_talk")
    _entry(d, a, "2024-01-01", "support_talk", "civic_information")
    _entry(d, a, "2024-12-31", "court_support")
    _entry(d, b, "2024-06-02", "practical_support")
    _entry(d, b, "2025-01-01", "practical_support", "support_talk")
    _entry(d, c, "2024-12-30", "civic_information")
    _entry(d, c, "2025-01-05", "civic_information", "court_support")
    _entry(d, e, "2025-03-02", "support_talk")
    _entry(d, e, "2025-08-01", "court_support")
    _entry(d, e, "2026-01-02", "support_talk")
    # A woman of the men's track's compartment never counts: a man with talks on the same days.
    m = men.add_man(d, name="Man Ett", referral_source="court_order", first_contact_on="2024-12-20").id
    for day in ("2024-12-27", "2025-01-03", "2025-01-10"):
        men.add_talk(d, m, held_on=day, themes=["violence"])
    _same_everywhere(d, store)

    # A draft moved from one year to the next and given other kinds, then another draft deleted.
    draft = _entry(d, b, "2024-12-31", "court_support", sign=False)
    _same_everywhere(d, store)
    entries.update_entry(d, draft, entries.EntryInput(text="Samtal", kinds=["civic_information", "support_talk"],
                                                      event_on="2025-01-02"))
    _same_everywhere(d, store)
    gone = _entry(d, c, "2024-12-31", "practical_support", sign=False)
    _same_everywhere(d, store)
    entries.delete_draft(d, gone)
    # A signed entry corrected: the correction is a new entry of its own date.
    signed = _entry(d, a, "2025-12-31", "court_support")
    entries.correct_entry(d, signed, entries.EntryInput(text="Rättelse", kinds=["support_talk"],
                                                        event_on="2026-01-01"))
    _same_everywhere(d, store)

    # History: a district changed from 2025 on, the man's status changed with an effective date, then again
    # today; every period's report still equals the reference.
    cases.update_decision(d, women[0][2], DecisionInput("adults", "Skärholmen", "2023-11-25", "2023-11-25",
                                                        "2024-06-30"), effective_on="2025-01-01")
    men.set_status(d, m, "not_motivated", effective_on="2025-01-10")
    men.set_status(d, m, "closed")
    cases.close_case(d, women[1][1], closed_on="2025-01-01", reason="Målen uppnådda")
    _same_everywhere(d, store)


def test_summary_survives_the_last_entry_of_a_year_going(diary: Diary, store: Store) -> None:
    """A (year, kind, woman) row goes when her last such entry goes, and comes back with a new one."""
    d = diary
    cid = clients.create_client(d, clients.ClientInput(name="Kvinna Ett")).id
    first = _entry(d, cid, "2024-05-01", "support_talk", sign=False)
    second = _entry(d, cid, "2024-06-01", "support_talk", "court_support", sign=False)
    _summary_is_exact(store)
    entries.delete_draft(d, second)
    entries.delete_draft(d, first)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM support_kind_years")).scalar() == 0
        conn.rollback()
    _entry(d, cid, "2024-07-01", "court_support")
    _summary_is_exact(store)
    _same_everywhere(d, store)
