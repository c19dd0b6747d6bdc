"""Idag's lists read through indexes and capped: the same rows, in the same order, as the plain queries over
every decision, case and entry; the totals count what a capped list leaves out."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import or_, select

from app.models import Case, Client, CourtAppointment, Decision, DiaryEntry
from app.services.clients import cases
from app.services.clients.status import decision_end_expr, ending_within
from app.services.context import Diary, Worker
from app.services.demo import diary as demo
from app.services.today import attention
from app.storage import vault


def _plain(diary: Diary, ending_days: int = 14, court_days: int = 7) -> dict[str, list[tuple[object, ...]]]:
    """The lists as the unindexed queries (every decision with its effective end) give them."""
    today, tracks = diary.today(), diary.tracks
    with diary.read() as s:
        end = decision_end_expr().label("end")
        return {
            "ending_decisions": [tuple(r) for r in s.execute(
                select(Client.id, Client.name, Case.case_number, Decision.id, end)
                .join(Case, Case.client_id == Client.id).join(Decision, Decision.case_id == Case.id)
                .where(Client.compartment.in_(tracks), Case.closed_on.is_(None), ending_within(today, ending_days))
                .order_by(end))],
            "court_dates": [tuple(r) for r in s.execute(
                select(Client.id, Client.name, CourtAppointment.id, CourtAppointment.starts_at, CourtAppointment.court)
                .join(CourtAppointment, CourtAppointment.client_id == Client.id)
                .where(Client.compartment.in_(tracks), CourtAppointment.starts_at >= today,
                       CourtAppointment.starts_at < today + timedelta(days=court_days + 1))
                .order_by(CourtAppointment.starts_at))],
            "waiting_referrals": [tuple(r) for r in s.execute(
                select(Client.id, Client.name, Case.id, Case.referred_on).join(Case, Case.client_id == Client.id)
                .where(Client.compartment.in_(tracks), Case.first_contact_on.is_(None),
                       or_(Case.closed_on.is_(None), Case.closed_on > today),
                       ~select(Decision.id).where(Decision.case_id == Case.id).exists())
                .order_by(Case.referred_on))],
            "unsigned_entries": [tuple(r) for r in s.execute(
                select(Client.id, Client.name, DiaryEntry.id, DiaryEntry.event_on)
                .join(DiaryEntry, DiaryEntry.client_id == Client.id)
                .where(Client.compartment.in_(tracks), DiaryEntry.signed_at.is_(None),
                       DiaryEntry.author_name == diary.worker.name)
                .order_by(DiaryEntry.event_on))],
        }


def _rows(a: attention.Attention, name: str) -> list[tuple[object, ...]]:
    return [tuple(vars(x).values()) for x in getattr(a, name)]


@pytest.fixture
def demo_diary(store: vault.Store) -> Diary:
    diary = Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=date(2026, 3, 2))
    demo.generate(diary, clients=120, entries=1500, seed=5)
    # Extensions that move a decision's end into the window and out of it.
    with diary.read() as s:
        open_decisions = list(s.scalars(select(Decision.id).join(Case, Decision.case_id == Case.id)
                                        .where(Case.closed_on.is_(None)).order_by(Decision.id).limit(6)))
    for i, dec in enumerate(open_decisions):
        cases.extend_decision(diary, dec, months=1 + i % 3, granted_on="2026-02-01")
    return diary


@pytest.mark.parametrize("offset_days", [-200, -60, -20, 0, 9, 30, 90, 400])
def test_same_rows_as_the_plain_queries(demo_diary: Diary, offset_days: int) -> None:
    demo_diary.today_override = date(2026, 3, 2) + timedelta(days=offset_days)
    expected = _plain(demo_diary)
    view = attention.today_view(demo_diary)
    for name, rows in expected.items():
        assert sorted(_rows(view, name), key=repr) == sorted(rows, key=repr), name
        assert view.total(name) == len(rows)
    assert any(expected[n] for n in expected)


def test_a_capped_list_keeps_the_first_rows_and_counts_the_rest(demo_diary: Diary) -> None:
    full = attention.today_view(demo_diary)
    capped = attention.today_view(demo_diary, limit=3)
    for name in ("ending_decisions", "court_dates", "waiting_referrals", "unsigned_entries"):
        rows = _rows(full, name)
        assert len(_rows(capped, name)) == min(3, len(rows))
        assert capped.total(name) == len(rows) == full.total(name)
    drafts = [d.event_on for d in full.unsigned_entries]
    assert drafts == sorted(drafts) and len(drafts) > 3
    assert [d.event_on for d in capped.unsigned_entries] == drafts[:3]


def test_the_indexes_are_used(demo_diary: Diary) -> None:
    with demo_diary.read() as s:
        conn = s.connection().connection.dbapi_connection
        assert conn is not None
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"ix_decisions_ends_on", "ix_extensions_new_ends_on", "ix_cases_waiting"} <= names
        plan = " ".join(str(r) for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM decisions WHERE ends_on >= '2026-03-01' AND ends_on <= '2026-03-15'"))
        assert "ix_decisions_ends_on" in plan
