"""A decision moves to another district from a chosen day on; the periods before keep the old one."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.errors import DomainError, NotFound
from app.models import StatusHistory
from app.services.clients import cases, clients
from app.services.clients.cases import DecisionInput
from app.services.context import Diary, Worker
from app.services.reports import statistics
from app.storage.vault import Store

TODAY = date(2026, 3, 15)


def _by_district(d: Diary, start: date, end: date) -> dict[str, object]:
    rows = statistics.period_report(d, start, end)["women"]["current"]["by_district"]
    return {str(r["key"]): r["count"] for r in rows if r["count"]}


def test_change_district_from_a_day_on(store: Store) -> None:
    d = Diary(store, Worker("Anna", "Kvinnostödjare", frozenset({"women"})), today_override=TODAY)
    cid = clients.create_client(d, clients.ClientInput(name="Lena Ek")).id
    case = cases.open_case(d, cid, referred_on="2025-03-01")
    case = cases.add_decision(d, case.id, DecisionInput("adults", "Älvsjö", "2025-03-10", "2025-03-10",
                                                        "2026-06-30", case_officer="Per Handläggare"))
    decision = case.decisions[0]

    after = cases.change_district(d, decision.id, "Skärholmen", effective_on="2026-02-01")
    moved = after.decisions[0]
    assert moved.district == "Skärholmen"
    # Nothing else of the decision changed.
    assert (moved.referring_unit, moved.case_officer, moved.starts_on, moved.ends_on, moved.legal_basis) == \
        (decision.referring_unit, decision.case_officer, decision.starts_on, decision.ends_on, decision.legal_basis)
    assert _by_district(d, date(2025, 1, 1), date(2025, 12, 31)) == {"Älvsjö": 1}
    assert _by_district(d, date(2026, 1, 1), date(2026, 1, 31)) == {"Älvsjö": 1}
    assert _by_district(d, date(2026, 2, 1), date(2026, 2, 28)) == {"Skärholmen": 1}

    # A district the team does not have, a bad date or an unknown decision: refused, nothing written.
    with d.read() as s:
        rows = len(s.scalars(select(StatusHistory)).all())
    with pytest.raises(DomainError, match="District"):
        cases.change_district(d, decision.id, "Atlantis")
    with pytest.raises(DomainError):
        cases.change_district(d, decision.id, "Älvsjö", effective_on="1/3/2026")
    with pytest.raises(NotFound):
        cases.change_district(d, "no-such-decision", "Älvsjö")
    with d.read() as s:
        assert len(s.scalars(select(StatusHistory)).all()) == rows
    assert cases.get_case(d, case.id).decisions[0].district == "Skärholmen"


def test_the_mens_track_cannot_move_a_womans_decision(store: Store) -> None:
    women = Diary(store, Worker("Anna", "Kvinnostödjare", frozenset({"women"})), today_override=TODAY)
    cid = clients.create_client(women, clients.ClientInput(name="Lena Ek")).id
    case = cases.open_case(women, cid, referred_on="2025-03-01")
    decision_id = cases.add_decision(women, case.id, DecisionInput("adults", "Älvsjö", "2025-03-10",
                                                                   "2025-03-10")).decisions[0].id
    men = Diary(store, Worker("Bo", "Mansstödjare", frozenset({"men"})), today_override=TODAY)
    with pytest.raises(DomainError):
        cases.change_district(men, decision_id, "Skärholmen")
    assert cases.get_case(women, case.id).decisions[0].district == "Älvsjö"
