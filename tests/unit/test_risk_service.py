"""Risk assessments and incidents through the services: locking, superseding, feed, audit, extract, due list."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError, IntegrityError

from app.errors import DomainError, NotFound
from app.models import Change, RiskAssessment
from app.services import audit
from app.services.clients import cases, clients, export
from app.services.context import Diary, Worker
from app.services.risk import assessments as risk
from app.services.risk import timeline as tl
from app.services.safety_plan import plans as safety_plans
from app.storage.vault import Store

TODAY = date(2026, 11, 23)
PV = "athena-partner-violence"
HV = "athena-honour-violence"


@pytest.fixture
def diary(store: Store) -> Iterator[Diary]:
    yield Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=TODAY)


def current_client(diary: Diary, name: str = "Sara Exempel", starts: str = "2026-06-01") -> str:
    c = clients.create_client(diary, clients.ClientInput(name=name))
    case = cases.open_case(diary, c.id, referred_on="2026-05-20")
    cases.add_decision(diary, case.id, cases.DecisionInput(referring_unit="children_family",
                                                           district="Skärholmen", decided_on="2026-05-25",
                                                           starts_on=starts, ends_on="2027-06-01"))
    return c.id


def fill_checklist(diary: Diary, aid: str,
                   yes: tuple[str, ...] = ("escalation", "threats_to_kill")) -> risk.AssessmentView:
    inst = risk.require_instrument(diary, PV)
    view = None
    for item in inst.items:
        value: Any = {"yes_no_unknown": "yes" if item.id in yes else "no", "scale": 1, "free_text": ""}[item.answer]
        view = risk.answer_item(diary, aid, item.id, value, comment="Enligt henne" if item.id in yes else None)
    risk.set_details(diary, aid, summary="Hot och eskalering; se säkerhetsplanen.", client_estimate="high")
    assert view is not None
    return view


def test_run_an_assessment_end_to_end(diary: Diary) -> None:
    cid = current_client(diary)
    a = risk.start(diary, cid, PV)
    assert a.result["score"] == 0 and not a.completed and a.assessor == "Anna Andersson"
    assert risk.start(diary, cid, PV).id == a.id  # one draft at a time
    live = fill_checklist(diary, a.id)
    assert live.result["score"] == 2 + 3 + 1 and live.result["band"] == "low"  # escalation, threats, frequency 1
    assert live.comment("threats_to_kill") == "Enligt henne"
    with pytest.raises(DomainError):
        risk.answer_item(diary, a.id, "escalation", "perhaps")
    with pytest.raises(NotFound):
        risk.answer_item(diary, a.id, "no-such-item", "yes")
    done = risk.complete(diary, a.id)
    assert done.completed and done.result["client_estimate"] == "high" and done.result["estimate_gap"] == 2
    assert risk.missing(diary, a.id) == []

    # superseding: a new assessment points to the last one and can start from its answers
    b = risk.start(diary, cid, PV, copy_previous=True)
    assert b.id != a.id and b.supersedes_id == a.id and b.result["score"] == 6 and b.summary == ""
    assert [x.id for x in risk.list_for_client(diary, cid)][0:2] in ([b.id, a.id], [a.id, b.id])
    risk.discard(diary, b.id)
    with pytest.raises(NotFound):
        risk.get(diary, b.id)


def test_completion_refused_while_something_is_missing(diary: Diary) -> None:
    cid = current_client(diary)
    a = risk.start(diary, cid, PV)
    risk.answer_item(diary, a.id, "escalation", "yes")
    with pytest.raises(DomainError) as exc:
        risk.complete(diary, a.id)
    assert "Answer every item" in exc.value.message_en
    assert len(risk.missing(diary, a.id)) == 3
    assert risk.get(diary, a.id).completed_at is None


def test_structured_judgement_with_several_perpetrators_and_victims(diary: Diary) -> None:
    cid = current_client(diary)
    a = risk.start(diary, cid, HV)
    people = [{"role": "victim", "label": "Hon själv"}, {"role": "victim", "label": "Lillasyster"},
              {"role": "perpetrator", "label": "Pappa"}, {"role": "perpetrator", "label": "Farbror"}]
    v = risk.set_persons(diary, a.id, people)
    assert [p["id"] for p in v.answers["persons"]] == ["p1", "p2", "p3", "p4"]
    for item in risk.require_instrument(diary, HV).items:
        risk.answer_item(diary, a.id, item.id, "yes" if item.scored else "Moster")
    v = risk.set_judgement(diary, a.id, "forced_marriage", "high", comment="Resa i sommar", persons=["p2", "p3", "p4"])
    assert v.answers["judgements"]["forced_marriage"]["persons"] == ["p2", "p3", "p4"]
    with pytest.raises(DomainError):
        risk.set_judgement(diary, a.id, "forced_marriage", "extreme")
    with pytest.raises(DomainError):
        risk.set_judgement(diary, a.id, "forced_marriage", "high", persons=["p9"])
    for sc in ("serious_violence", "taken_abroad", "violence_against_others", "continued_control"):
        risk.set_judgement(diary, a.id, sc, "medium")
    risk.set_details(diary, a.id, summary="Hög risk för bortgifte.", client_estimate="medium")
    done = risk.complete(diary, a.id)
    assert done.result["level"] == "high" and done.result["estimate_gap"] == -1
    v2 = risk.start(diary, cid, HV)
    with pytest.raises(DomainError):
        risk.set_persons(diary, v2.id, [{"role": "bystander", "label": "x"}])


def test_changes_feed_audit_and_extract(diary: Diary) -> None:
    cid = current_client(diary)
    a = risk.start(diary, cid, PV)
    fill_checklist(diary, a.id)
    risk.complete(diary, a.id)
    inc = tl.add_incident(diary, cid, "2026-11-01", 3, note="Slag")
    with diary.read() as s:
        changes = s.scalars(select(Change).where(Change.entity == "risk_assessments",
                                                 Change.entity_id == a.id)).all()
    assert changes[0].op == "insert" and "completed_at" in changes[-1].fields and changes[-1].client_id == cid
    risk.get(diary, a.id)  # opening is logged
    trail = audit.trail(diary, client_id=cid)
    assert any(t.entity == "risk_assessments" and t.action == "open" and t.detail == f"{PV} 1.0" for t in trail)
    assert any(t.entity == "risk_assessments" and t.action == "update" and "completed_at" in t.fields for t in trail)
    assert any(t.entity == "incidents" and t.action == "insert" for t in trail)
    assert all("Slag" not in t.detail for t in trail)
    bundle = export.export_client(diary, cid)["clients"][0]
    assert bundle["risk_assessments"][0]["id"] == a.id and bundle["risk_assessments"][0]["result"]["score"] == 6
    assert bundle["incidents"][0]["id"] == inc.id


def test_safety_plan_revision_from_a_completed_assessment(diary: Diary) -> None:
    cid = current_client(diary)
    safety_plans.save_version(diary, cid, {"escape_routes": "Via grannen"}, neutral_title="Att göra")
    a = risk.start(diary, cid, PV)
    with pytest.raises(DomainError):
        risk.open_safety_plan_revision(diary, a.id)
    fill_checklist(diary, a.id)
    risk.complete(diary, a.id)
    plan = risk.open_safety_plan_revision(diary, a.id)
    assert plan.version == 2 and plan.risk_assessment_id == a.id
    assert plan.sections == {"escape_routes": "Via grannen"} and plan.neutral_title == "Att göra"
    assert "2026-11-23" in plan.note


def test_incidents_crud_and_months(diary: Diary) -> None:
    cid = current_client(diary)
    i1 = tl.add_incident(diary, cid, date(2026, 9, 3), 1)
    tl.add_incident(diary, cid, date(2026, 10, 9), 2)
    tl.add_incident(diary, cid, date(2026, 11, 2), 4)
    tl.add_incident(diary, cid, date(2026, 11, 20), 3)
    for bad in (dict(occurred_on="2026-12-01", severity=2), dict(occurred_on="2026-11-02", severity=1),
                dict(occurred_on="2026-11-05", severity=5), dict(occurred_on="2026-11-05", severity=True)):
        with pytest.raises(DomainError):
            tl.add_incident(diary, cid, **bad)  # type: ignore[arg-type]
    tl.update_incident(diary, i1.id, severity=2, note="Knuffar")
    with pytest.raises(DomainError):
        tl.update_incident(diary, i1.id, occurred_on="2026-11-20")
    assert [(i.occurred_on.month, i.severity) for i in tl.incidents(diary, cid)] == [(9, 2), (10, 2), (11, 4), (11, 3)]
    ts = tl.time_series(diary, cid, months=6)
    assert ts.months[0].month == date(2026, 6, 1) and len(ts.months) == 6
    assert [m.count for m in ts.months] == [0, 0, 0, 1, 1, 2]
    assert ts.months[-1].by_severity == (0, 0, 1, 1) and ts.months[-1].max_severity == 4
    assert ts.trend == "escalating"  # 4 marks in Sep–Nov against none in Jun–Aug
    tl.delete_incident(diary, i1.id)
    assert len(tl.incidents(diary, cid, start=date(2026, 10, 1))) == 3


def test_trend_and_months_are_pure() -> None:
    months = tl.monthly_counts([(date(2026, 1, 5), 3), (date(2026, 1, 9), 3), (date(2026, 5, 1), 1)],
                               date(2026, 1, 1), date(2026, 6, 30))
    assert [m.count for m in months] == [2, 0, 0, 0, 1, 0]
    assert tl.trend(months) == "calming" and tl.trend(months[:4]) == "steady"


def test_assessments_due(diary: Diary) -> None:
    never = current_client(diary, "Ada Aldrig")
    fresh = current_client(diary, "Bea Bedömd")
    old = current_client(diary, "Cia Gammal")
    hit = current_client(diary, "Dina Incident")
    clients.create_client(diary, clients.ClientInput(name="Eva Ingång"))  # incoming: not due
    for cid, day in ((fresh, "2026-11-01"), (old, "2026-07-01"), (hit, "2026-10-01")):
        a = risk.start(diary, cid, PV)
        fill_checklist(diary, a.id)
        risk.set_details(diary, a.id, assessed_on=day)
        risk.complete(diary, a.id)
    tl.add_incident(diary, hit, "2026-10-15", 2)
    tl.add_incident(diary, fresh, "2026-10-15", 2)  # before her last assessment
    due = {d.client_name: d for d in tl.assessments_due(diary)}
    assert set(due) == {"Ada Aldrig", "Cia Gammal", "Dina Incident"}
    assert due["Ada Aldrig"].reason == "never" and due["Cia Gammal"].reason == "overdue"
    assert due["Dina Incident"].reason == "incident" and due["Dina Incident"].incidents_since == 1
    assert due["Cia Gammal"].last_assessed_on == date(2026, 7, 1)
    assert never in {d.client_id for d in due.values()}
    assert [d.reason for d in tl.assessments_due(diary, client_id=hit)] == ["incident"]
    assert tl.assessments_due(diary, client_id=fresh) == []
    ts = tl.time_series(diary, hit)
    assert [(p.assessed_on, p.score, p.level, p.estimate_rank) for p in ts.results] == [
        (date(2026, 10, 1), 6, "low", 3)]


def test_instrument_folder_preference(diary: Diary, tmp_path: Any) -> None:
    assert risk.instrument_folder(diary) == "" and len(risk.instruments(diary).instruments) == 2
    risk.set_instrument_folder(diary, str(tmp_path / "missing"))
    cat = risk.instruments(diary)
    assert len(cat.instruments) == 2 and cat.errors
    risk.set_instrument_folder(diary, "")
    assert risk.instruments(diary).errors == ()


MUTATIONS = st.one_of(
    st.tuples(st.just("answer"), st.sampled_from(["escalation", "weapons"]), st.sampled_from(["yes", "no", None])),
    st.tuples(st.just("comment"), st.sampled_from(["escalation", "other"]), st.text(max_size=20)),
    st.tuples(st.just("details"), st.sampled_from(["summary", "client_estimate"]), st.sampled_from(["", "low"])),
    st.tuples(st.just("complete"), st.none(), st.none()),
    st.tuples(st.just("discard"), st.none(), st.none()),
    st.tuples(st.just("raw"), st.sampled_from(["summary", "client_estimate", "completed_at", "answers"]),
              st.text(max_size=10)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(MUTATIONS, min_size=1, max_size=4))
def test_completed_assessment_cannot_be_changed(diary: Diary, ops: list[tuple[str, Any, Any]]) -> None:
    with diary.read() as s:
        done = s.scalar(select(RiskAssessment.id).where(RiskAssessment.completed_at.is_not(None)))
    if done is None:
        cid = current_client(diary)
        a = risk.start(diary, cid, PV)
        fill_checklist(diary, a.id)
        done = risk.complete(diary, a.id).id
    before = risk.get(diary, done, log=False)
    for op, key, value in ops:
        if op == "raw":  # around the service, straight at the database: the trigger refuses
            with pytest.raises((IntegrityError, DatabaseError)) as exc, diary.write() as s:
                s.execute(text(f"UPDATE risk_assessments SET {key} = :v WHERE id = :id"), {"v": value, "id": done})
            assert "completed risk assessment is immutable" in str(exc.value)
            continue
        with pytest.raises(DomainError) as err:
            if op == "answer":
                risk.answer_item(diary, done, key, value)
            elif op == "comment":
                risk.comment_item(diary, done, key, value)
            elif op == "details":
                risk.set_details(diary, done, **{key: value})
            elif op == "complete":
                risk.complete(diary, done)
            else:
                risk.discard(diary, done)
        assert "cannot be changed" in err.value.message_en
    assert risk.get(diary, done, log=False) == before
