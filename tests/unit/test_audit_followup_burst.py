"""The follow-up's check "many records in a short time" (burst) reads only the hours busy enough to hold one:
the same openings as the previous implementation (kept here as the reference), which ran the window function
over every opening of the log."""

from __future__ import annotations

from collections import deque
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from app.models import AuditRecord
from app.services.access import roles
from app.services.audit import chain, followup
from app.services.audit.followup import FollowupFilter
from app.services.clients import clients
from app.services.clients.clients import ClientInput
from app.services.context import Diary, Worker


@pytest.fixture(autouse=True)
def _team_lead(diary: Diary) -> None:
    roles.set_profile_role(diary, True)


def _reference_burst_ids(diary: Diary, flt: FollowupFilter) -> set[str]:
    """The previous implementation: the window function over every opening, then the exact count per range."""
    b = followup.rules()["burst"]
    need, span = int(b["records"]), timedelta(minutes=int(b["minutes"]))
    where = ["action = 'open'", "client_id IS NOT NULL",
             "compartment IN (" + ",".join(f"'{t}'" for t in diary.tracks if t.isalpha()) + ")"]
    params: list[object] = [need - 1]
    if flt.actor:
        where.append("actor = ?")
        params.append(flt.actor)
    params.append(span.total_seconds() / 86400.0)
    sql = ("SELECT actor, back, at FROM (SELECT actor, at, lag(at, ?) OVER (PARTITION BY actor ORDER BY at) "
           f"AS back FROM audit_log WHERE {' AND '.join(where)}) "
           "WHERE back IS NOT NULL AND julianday(at) - julianday(back) <= ?")
    ranges: dict[str, list[tuple[str, str]]] = {}
    with diary.read() as s:
        for actor, back, at in s.connection().exec_driver_sql(sql, tuple(params)).fetchall():
            mine = ranges.setdefault(str(actor), [])
            if mine and str(back) <= mine[-1][1]:
                mine[-1] = (mine[-1][0], str(at))
            else:
                mine.append((str(back), str(at)))
    out: set[str] = set()
    for actor, spans in ranges.items():
        for lo, hi in spans:
            with diary.read() as s:
                rows = s.execute(select(AuditRecord.id, AuditRecord.at, AuditRecord.client_id).where(
                    AuditRecord.compartment.in_(diary.tracks), AuditRecord.action == "open",
                    AuditRecord.client_id.is_not(None), AuditRecord.actor == actor,
                    AuditRecord.at >= datetime.fromisoformat(lo), AuditRecord.at <= datetime.fromisoformat(hi))
                    .order_by(AuditRecord.at)).all()
            win: deque[tuple[str, datetime, str]] = deque()
            counts: dict[str, int] = {}
            for rid, at, client in rows:
                cid = str(client)
                win.append((rid, at, cid))
                counts[cid] = counts.get(cid, 0) + 1
                while win and at - win[0][1] > span:
                    _, _, old = win.popleft()
                    counts[old] -= 1
                    if not counts[old]:
                        del counts[old]
                if len(counts) >= need:
                    out.update(r for r, _, _ in win)
    return out


def _open(diary: Diary, client_id: str, at: datetime) -> str:
    with diary.write() as s:
        return chain.append(s, origin_device=diary.store.device_id, actor=diary.worker.name, compartment="women",
                            action="open", client_id=client_id, entity="clients", entity_id=client_id, at=at).id


def _opened(diary: Diary, ids: list[str], start: datetime, step: timedelta) -> list[str]:
    return [_open(diary, cid, start + step * i) for i, cid in enumerate(ids)]


def test_burst_same_as_the_previous_implementation_at_the_edges(diary: Diary) -> None:
    b = followup.rules()["burst"]
    assert (b["records"], b["minutes"]) == (20, 60)  # the edges below are drawn for this rule
    ids = [clients.create_client(diary, ClientInput(name=f"Kvinna {i}")).id for i in range(21)]
    cecilia = Diary(diary.store, Worker("Cecilia Berg"), today_override=diary.today_override)
    expected: set[str] = set()

    # Exactly 20 records with exactly 60 minutes from the first to the last (over two clock hours): a burst.
    expected |= set(_opened(diary, ids[:20], datetime(2026, 1, 5, 9, 30), timedelta(minutes=60) / 19))
    # 20 records over 60 minutes and one second: none.
    _opened(diary, ids[:20], datetime(2026, 1, 6, 9, 0), (timedelta(minutes=60) + timedelta(seconds=1)) / 19)
    # 19 records and one of them again, within ten minutes: 20 openings but only 19 records, none.
    _opened(diary, ids[:19] + ids[:1], datetime(2026, 1, 7, 9, 0), timedelta(seconds=30))
    # Two workers interleaved, each 20 records in 40 minutes; the hour split 10 / 10 between two clock hours.
    start = datetime(2026, 1, 8, 9, 40)
    for i, cid in enumerate(ids[:20]):
        expected.add(_open(diary, cid, start + timedelta(minutes=2 * i)))
        expected.add(_open(cecilia, ids[20 - i], start + timedelta(minutes=2 * i, seconds=30)))
    # Across midnight (UTC and Swedish time): 21 records from 23:20 to 00:10, split 14 / 7 between the days.
    expected |= set(_opened(diary, ids, datetime(2026, 1, 9, 23, 20), timedelta(minutes=2, seconds=30)))
    # Exactly 20 records, at the threshold, 19 minutes apart from the hour before the burst's busiest hour.
    expected |= set(_opened(diary, ids[:20], datetime(2026, 1, 12, 10, 41), timedelta(minutes=1)))
    # An ordinary day for both.
    _opened(diary, ids[:8], datetime(2026, 1, 13, 8, 0), timedelta(minutes=50))
    _opened(cecilia, ids[:8], datetime(2026, 1, 13, 8, 10), timedelta(minutes=50))

    flt = FollowupFilter(check="burst")
    reference = _reference_burst_ids(diary, flt)
    assert followup._burst_ids(diary, flt) == reference
    assert reference == expected
    for who in ("Anna Andersson", "Cecilia Berg"):
        one = FollowupFilter(check="burst", actor=who)
        assert followup._burst_ids(diary, one) == _reference_burst_ids(diary, one)
    page = followup.page(diary, flt, size=500).rows
    assert {r.id for r in page} == expected and all("burst" in r.flags for r in page)
    # The other lists flag the same openings.
    flagged = {r.id for r in followup.iter_rows(diary, FollowupFilter(), size=37) if "burst" in r.flags}
    assert flagged == expected


def test_the_same_records_again_are_no_burst(diary: Diary) -> None:
    ids = [clients.create_client(diary, ClientInput(name=f"Kvinna {i}")).id for i in range(5)]
    _opened(diary, ids * 4, datetime(2026, 1, 5, 7, 0), timedelta(minutes=5))  # 20 openings of 5 records
    assert followup._burst_ids(diary, FollowupFilter(check="burst")) == set()
    assert followup.page(diary, FollowupFilter(check="burst")).rows == []
