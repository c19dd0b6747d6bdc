"""The risk-due list read through indexes and capped for Idag: the same clients, reasons, last assessments and
incident counts as the plain query over every client (kept here as the reference), at several dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from app.models import Case, Client, Incident, RiskAssessment
from app.services import validation
from app.services.clients import cases, clients
from app.services.clients.status import client_status_expr
from app.services.context import Diary, Worker
from app.services.demo import diary as demo
from app.services.demo import risk as risk_demo
from app.services.risk import assessments as risk
from app.services.risk import timeline as tl
from app.services.today import attention
from app.storage import vault

from .test_risk_service import PV, fill_checklist

TODAY = date(2026, 3, 2)


def _reference(diary: Diary, months: int = tl.DUE_AFTER_MONTHS) -> list[tuple[object, ...]]:
    """The due list as the previous implementation computed it: every client's status, every assessment,
    every incident, combined in Python."""
    today = diary.today()
    limit = validation.add_months(today, -months)
    with diary.read() as s:
        rows = s.execute(select(Client.id, Client.name).where(Client.compartment.in_(diary.tracks),
                                                              client_status_expr(today) == "current")).all()
        last = dict(s.execute(select(RiskAssessment.client_id, func.max(RiskAssessment.assessed_on))
                              .where(RiskAssessment.completed_at.is_not(None))
                              .group_by(RiskAssessment.client_id)).all())
        marks: dict[str, list[date]] = {}
        for cid, day in s.execute(select(Incident.client_id, Incident.occurred_on)
                                  .where(Incident.compartment.in_(diary.tracks))):
            marks.setdefault(cid, []).append(day)
    out = []
    for cid, name in rows:
        prev = last.get(cid)
        since = sum(1 for d in marks.get(cid, []) if prev is None or d > prev)
        if prev is not None and since:
            reason = "incident"
        elif prev is None:
            reason = "never"
        elif prev < limit:
            reason = "overdue"
        else:
            continue
        out.append((cid, name, reason, prev, since))
    return out


def _rows(due: list[tl.DueAssessment]) -> list[tuple[object, ...]]:
    return [(d.client_id, d.client_name, d.reason, d.last_assessed_on, d.incidents_since) for d in due]


def current_client(diary: Diary, name: str) -> str:
    c = clients.create_client(diary, clients.ClientInput(name=name))
    case = cases.open_case(diary, c.id, referred_on="2024-12-01")
    cases.add_decision(diary, case.id, cases.DecisionInput(referring_unit="children_family",
                                                           district="Skärholmen", decided_on="2025-01-05",
                                                           starts_on="2025-01-10", ends_on="2027-06-01"))
    return c.id


def _assess(diary: Diary, client_id: str, on: str) -> None:
    a = risk.start(diary, client_id, PV)
    fill_checklist(diary, a.id)
    risk.set_details(diary, a.id, assessed_on=on)
    risk.complete(diary, a.id)


@pytest.fixture
def risk_diary(store: vault.Store) -> Diary:
    diary = Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=TODAY)
    demo.generate(diary, clients=80, entries=300, seed=11)
    risk_demo.generate(diary, seed=3)
    # Edge cases beside the demo's: a client assessed long ago and re-assessed after she fell due, one assessed
    # and then closed, one with only an unfinished assessment, one with an incident on the day of her assessment.
    again = current_client(diary, "Rut Ombedömd")
    _assess(diary, again, "2025-03-01")
    _assess(diary, again, "2026-02-20")
    closed = current_client(diary, "Stina Avslutad")
    _assess(diary, closed, "2025-04-01")
    case_id = cases.cases_for_client(diary, closed)[0].id
    cases.close_case(diary, case_id, closed_on="2026-01-15", reason="Målen uppnådda")
    unfinished = current_client(diary, "Tove Påbörjad")
    risk.start(diary, unfinished, PV)
    same_day = current_client(diary, "Ulla Samma")
    _assess(diary, same_day, "2026-02-01")
    tl.add_incident(diary, same_day, "2026-02-01", 2)
    clients.create_client(diary, clients.ClientInput(name="Vera Ingång"))  # no case: incoming, never due
    _assess(diary, current_client(diary, "Olga Försenad"), "2025-01-10")  # overdue, whatever the demo drew
    return diary


@pytest.mark.parametrize("offset_days", [-400, -90, -30, 0, 20, 75, 200])
def test_same_clients_as_the_plain_query(risk_diary: Diary, offset_days: int) -> None:
    risk_diary.today_override = TODAY + timedelta(days=offset_days)
    expected = _reference(risk_diary)
    got = _rows(tl.assessments_due(risk_diary))
    assert sorted(got, key=repr) == sorted(expected, key=repr)
    names = [r[1] for r in got]
    with risk_diary.read() as s:
        keys = dict(s.execute(select(Client.name, Client.name_key)).all())
    assert [keys[n] for n in names] == sorted(keys[n] for n in names)  # name order, as the list shows them
    view = attention.today_view(risk_diary)
    assert _rows(view.risk_due) == got and view.total("risk_due") == len(got)
    with risk_diary.read() as s:
        assert tl.due_count(s, risk_diary.today(), risk_diary.tracks) == len(expected)


def test_the_edge_cases_and_every_reason(risk_diary: Diary) -> None:
    due = {d.client_name: d for d in tl.assessments_due(risk_diary)}
    assert "Rut Ombedömd" not in due  # re-assessed after she fell due: no longer due
    assert "Stina Avslutad" not in due and "Vera Ingång" not in due  # closed / incoming
    assert due["Tove Påbörjad"].reason == "never"  # an unfinished assessment does not count
    assert "Ulla Samma" not in due  # an incident on the day of the assessment is not "since" it
    assert {d.reason for d in due.values()} == {"never", "overdue", "incident"}
    risk_diary.today_override = date(2026, 6, 1)
    assert tl.assessments_due(risk_diary, client_id=risk_diary_id(risk_diary, "Rut Ombedömd"))[0].reason == "overdue"


def risk_diary_id(diary: Diary, name: str) -> str:
    with diary.read() as s:
        return str(s.scalar(select(Client.id).where(Client.name == name)))


def test_capped_for_idag_with_the_true_total(risk_diary: Diary) -> None:
    full = attention.today_view(risk_diary)
    capped = attention.today_view(risk_diary, limit=3)
    assert full.total("risk_due") > 3
    assert _rows(capped.risk_due) == _rows(full.risk_due)[:3]
    assert capped.total("risk_due") == full.total("risk_due") == len(_reference(risk_diary))


def test_the_query_reads_indexes_not_every_assessment(risk_diary: Diary) -> None:
    query = tl.due_query(risk_diary.today(), risk_diary.tracks).limit(200)
    with risk_diary.read() as s:
        sql = str(query.compile(compile_kwargs={"literal_binds": True}))
        plan = [str(r[-1]) for r in s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
    text = " | ".join(plan)
    assert "ix_risk_assessments_completed" in text and "ix_incidents_client_day" in text, text
    assert "ix_clients_name_key" in text, text  # a capped page stops once it has its rows
    assert all("USING" in step for step in plan if step.startswith("SCAN")), text  # no table read row by row
    assert Case.__tablename__ in text
