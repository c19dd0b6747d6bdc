"""The team lead's log follow-up: filters, the four checks, protected names, paging, export."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from app.services import audit
from app.services.access import roles
from app.services.audit import chain, followup
from app.services.audit.followup import FollowupFilter
from app.services.clients import clients, entries
from app.services.clients.clients import ClientInput
from app.services.clients.entries import EntryInput
from app.services.clients.search import search_clients
from app.services.context import Diary, Worker


@pytest.fixture(autouse=True)
def _team_lead(diary: Diary) -> None:
    """The follow-up is the team lead's: this diary's worker profile names its worker lead."""
    roles.set_profile_role(diary, True)

# Winter: Swedish wall time is UTC + 1.
DAY = datetime(2026, 1, 14, 9, 0)  # a Wednesday, 10:00 in Sweden


def _open(diary: Diary, client_id: str, at: datetime) -> None:
    with diary.write() as s:
        chain.append(s, origin_device=diary.store.device_id, actor=diary.worker.name, compartment="women",
                     action="open", client_id=client_id, entity="clients", entity_id=client_id, at=at)


def _world(diary: Diary) -> tuple[Diary, str, str]:
    lena = clients.create_client(diary, ClientInput(name="Lena Svensson")).id
    sara = clients.create_client(diary, ClientInput(name="Sara Hemlig", protected_identity="protected_registration",
                                                    worker="Anna Andersson")).id
    entries.add_entry(diary, lena, EntryInput(text="Samtal.", kinds=["support_talk"], event_on=date(2026, 1, 10)))
    other = Diary(diary.store, Worker("Cecilia Berg"), today_override=diary.today_override)
    return other, lena, sara


def test_checks_and_protected_names(diary: Diary) -> None:
    other, lena, sara = _world(diary)
    _open(diary, lena, DAY)  # Anna wrote in Lena's record: nothing to flag
    _open(other, lena, DAY + timedelta(minutes=1))  # Cecilia never wrote in it
    _open(other, sara, DAY.replace(hour=22))  # 23:00: unusual hours; protected; no entry
    _open(other, lena, datetime(2026, 1, 17, 10))  # a Saturday
    flags = {(r.actor, r.at): r.flags for r in followup.page(diary).rows}
    assert flags[("Anna Andersson", "2026-01-14 10:00")] == ()
    assert flags[("Cecilia Berg", "2026-01-14 10:01")] == ("no_entry",)
    assert set(flags[("Cecilia Berg", "2026-01-14 23:00")]) == {"no_entry", "protected", "unusual_hours"}
    assert set(flags[("Cecilia Berg", "2026-01-17 11:00")]) == {"no_entry", "unusual_hours"}

    assert {r.at for r in followup.page(diary, FollowupFilter(check="unusual_hours")).rows} == {
        "2026-01-14 23:00", "2026-01-17 11:00"}
    assert [r.client_id for r in followup.page(diary, FollowupFilter(check="protected")).rows] == [sara]
    assert len(followup.page(diary, FollowupFilter(check="no_entry")).rows) == 3
    assert len(followup.page(diary, FollowupFilter(actor="Anna Andersson")).rows) == 1
    one_day = followup.page(diary, FollowupFilter(start=date(2026, 1, 14), end=date(2026, 1, 14)))
    assert len(one_day.rows) == 3

    # Anna is Sara's responsible worker: she sees the name. Cecilia does not, until she is allowed.
    row = followup.page(diary, FollowupFilter(check="protected")).rows[0]
    assert row.record == "Sara Hemlig" and not row.masked
    row = followup.page(other, FollowupFilter(check="protected")).rows[0]
    assert row.masked and row.record == "" and "Sara" not in followup.record_text(row)
    assert "Sara" not in followup.export(other, FollowupFilter())
    followup.set_protected_viewers(diary, ["Cecilia Berg"])
    assert followup.page(other, FollowupFilter(check="protected")).rows[0].record == "Sara Hemlig"


def test_burst_of_openings(diary: Diary) -> None:
    ids = [clients.create_client(diary, ClientInput(name=f"Kvinna {i}")).id for i in range(25)]
    for i, cid in enumerate(ids):
        _open(diary, cid, DAY + timedelta(minutes=2 * i))  # 25 records in 48 minutes
    for i, cid in enumerate(ids[:5]):
        _open(diary, cid, DAY + timedelta(days=1, minutes=30 * i))  # an ordinary day
    burst = followup.page(diary, FollowupFilter(check="burst"), size=500).rows
    assert len(burst) == 25 and all(r.at.startswith("2026-01-14") for r in burst)
    first = followup.page(diary, size=10).rows
    assert all("burst" not in r.flags for r in first if r.at.startswith("2026-01-15"))
    assert all("burst" in r.flags for r in followup.page(diary, FollowupFilter(start=date(2026, 1, 14),
                                                                              end=date(2026, 1, 14))).rows)


def test_pages_cover_everything_once(diary: Diary) -> None:
    cid = clients.create_client(diary, ClientInput(name="Lena Svensson")).id
    for i in range(57):
        _open(diary, cid, DAY + timedelta(minutes=i))
    seen: list[str] = []
    cursor = None
    while True:
        p = followup.page(diary, cursor=cursor, size=20)
        seen += [r.id for r in p.rows]
        if p.cursor is None:
            break
        cursor = p.cursor
    assert len(seen) == len(set(seen)) == 57


def test_searches_and_lists_are_logged_without_the_search_text(diary: Diary) -> None:
    clients.create_client(diary, ClientInput(name="Lena Svensson"))
    hits = search_clients(diary, "lena")
    assert len(hits) == 1
    rows = followup.page(diary, FollowupFilter(action="search")).rows
    assert rows[0].records_listed == 1 and rows[0].what == "client_search"
    trail = audit.trail(diary)
    assert all("lena" not in t.detail.lower() for t in trail)
    from app.services.reports.team_week import team_week
    from app.services.risk.timeline import assessments_due

    team_week(diary)
    assessments_due(diary)
    assert {r.what for r in followup.page(diary, FollowupFilter(action="list")).rows} == {"team_week", "risk_due"}


def test_export_is_logged_and_complete(diary: Diary) -> None:
    _other, lena, _sara = _world(diary)
    _open(diary, lena, DAY)
    csv_text = followup.export(diary, FollowupFilter())
    assert csv_text.splitlines()[0].startswith("at,actor,action")
    assert "Lena Svensson" in csv_text
    assert followup.page(diary, FollowupFilter(action="export")).rows[0].what == "access_log"
