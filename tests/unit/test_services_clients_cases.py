from __future__ import annotations

from datetime import date

import pytest

from app.errors import AccessDenied, DomainError, NotFound
from app.models import AuditRecord, Case, Client, Decision, Extension
from app.services import audit
from app.services.clients import cases, clients
from app.services.clients.cases import DecisionInput
from app.services.clients.clients import ClientInput
from app.services.context import Diary

from .helpers import change_count, row_count


def _client(diary: Diary, name: str = "Lena Svensson", **kw: object) -> str:
    return clients.create_client(diary, ClientInput(name=name, **kw)).id  # type: ignore[arg-type]


def test_create_and_get_client(diary: Diary) -> None:
    before = change_count(diary)
    c = clients.create_client(diary, ClientInput(name="  Lena Svensson ", personal_number="198112189876",
                                                 languages="sv, ar", phone="070-1234567"))
    assert c.name == "Lena Svensson"
    assert c.personal_number == "19811218-9876"
    assert c.languages == "sv,ar"
    assert c.status == "incoming"
    assert c.worker == "Anna Andersson"
    assert change_count(diary) == before + 1


def test_opening_a_client_is_audited(diary: Diary) -> None:
    cid = _client(diary)
    clients.get_client(diary, cid)
    trail = audit.trail(diary, client_id=cid)
    assert [t.action for t in trail if t.action == "open"] == ["open"]
    assert row_count(diary, AuditRecord) == 1


@pytest.mark.parametrize("bad", [
    ClientInput(name=""),
    ClientInput(name="x" * 201),
    ClientInput(name="Eva", personal_number="19811218-9875"),  # wrong check digit
    ClientInput(name="Eva", personal_number="19811318-9876"),  # month 13
    ClientInput(name="Eva", personal_number="abc"),
    ClientInput(name="Eva", protected_identity="secret"),
    ClientInput(name="Eva", languages="svenska"),
])
def test_invalid_client_input_writes_nothing(diary: Diary, bad: ClientInput) -> None:
    before = change_count(diary)
    with pytest.raises(DomainError) as err:
        clients.create_client(diary, bad)
    assert str(err.value)
    assert "19811" not in str(err.value)  # messages never echo values
    assert change_count(diary) == before
    assert row_count(diary, Client) == 0


def test_update_client_records_only_changed_fields(diary: Diary) -> None:
    cid = _client(diary, phone="070")
    n = change_count(diary)
    clients.update_client(diary, cid, ClientInput(name="Lena Svensson", phone="073"))
    assert change_count(diary) == n + 1
    with pytest.raises(NotFound):
        clients.update_client(diary, "missing", ClientInput(name="X"))


def test_case_lifecycle_incoming_current_closed(diary: Diary) -> None:
    cid = _client(diary)
    case = cases.open_case(diary, cid, referred_on="2026-03-01")
    assert case.status == "incoming" and case.case_number == "2026-00001"
    with pytest.raises(DomainError):
        cases.open_case(diary, cid)  # one open case at a time
    case = cases.add_decision(diary, case.id, DecisionInput(
        referring_unit="children_family", district="Skärholmen", decided_on="2026-03-05", starts_on="2026-03-05",
        case_officer="Sara Handläggare"))
    d = case.decisions[0]
    assert case.status == "current"
    assert d.ends_on == date(2026, 6, 5) and d.legal_basis == "SoL2025"
    case = cases.extend_decision(diary, d.id)
    assert case.decisions[0].effective_end == date(2026, 9, 5)
    case = cases.extend_decision(diary, d.id, months=6)
    assert case.decisions[0].effective_end == date(2027, 3, 5)
    assert clients.get_client(diary, cid, log=False).status == "current"
    case = cases.close_case(diary, case.id, closed_on="2026-03-15", reason="Målen uppnådda")
    assert case.status == "closed"
    assert clients.get_client(diary, cid, log=False).status == "closed"
    with pytest.raises(DomainError):
        cases.extend_decision(diary, d.id)
    with pytest.raises(DomainError):
        cases.close_case(diary, case.id, reason="again")


@pytest.mark.parametrize("bad", [
    DecisionInput(referring_unit="police", district="Skärholmen", decided_on="2026-03-01", starts_on="2026-03-01"),
    DecisionInput(referring_unit="adults", district="Gotland", decided_on="2026-03-01", starts_on="2026-03-01"),
    DecisionInput(referring_unit="adults", district="Älvsjö", decided_on="2026-03-01", starts_on="2026-03-01",
                  ends_on="2026-02-01"),
    DecisionInput(referring_unit="adults", district="Älvsjö", decided_on="2026-03-09", starts_on="2026-03-01"),
    DecisionInput(referring_unit="adults", district="Älvsjö", decided_on="31/02/2026", starts_on="2026-03-01"),
    DecisionInput(referring_unit="adults", district="Älvsjö", decided_on="2026-03-01", starts_on="2026-03-01",
                  legal_basis="made-up"),
])
def test_invalid_decision_writes_nothing(diary: Diary, bad: DecisionInput) -> None:
    case = cases.open_case(diary, _client(diary))
    n = change_count(diary)
    with pytest.raises(DomainError):
        cases.add_decision(diary, case.id, bad)
    assert change_count(diary) == n and row_count(diary, Decision) == 0


def test_invalid_extension_and_closing(diary: Diary) -> None:
    case = cases.open_case(diary, _client(diary), referred_on="2026-03-01")
    case = cases.add_decision(diary, case.id, DecisionInput("adults", "Älvsjö", "2026-03-02", "2026-03-02"))
    n = change_count(diary)
    with pytest.raises(DomainError):
        cases.extend_decision(diary, case.decisions[0].id, months=0)
    with pytest.raises(DomainError):
        cases.close_case(diary, case.id, reason=" ")
    with pytest.raises(DomainError):
        cases.close_case(diary, case.id, closed_on="2026-01-01", reason="x")
    with pytest.raises(NotFound):
        cases.extend_decision(diary, "nope")
    assert change_count(diary) == n and row_count(diary, Extension) == 0 and row_count(diary, Case) == 1


def test_list_clients_filters_pages_and_markers(diary: Diary) -> None:
    ids = [_client(diary, f"Klient {i:02d}") for i in range(25)]
    c0 = cases.open_case(diary, ids[0], referred_on="2026-01-01")
    cases.add_decision(diary, c0.id, DecisionInput("adults", "Älvsjö", "2026-01-01", "2026-01-01",
                                                   ends_on="2026-03-20"))
    page = clients.list_clients(diary, limit=10)
    assert page.total == 25 and len(page.items) == 10 and page.items[0].name == "Klient 00"
    assert page.items[0].decision_ending_soon and page.items[0].status == "current"
    assert page.items[0].district == "Älvsjö"
    assert clients.list_clients(diary, status="current").total == 1
    assert clients.list_clients(diary, status="incoming").total == 24
    assert clients.list_clients(diary, district="Skärholmen").total == 0
    assert clients.list_clients(diary, offset=20, limit=10).items[-1].name == "Klient 24"
    assert clients.list_clients(diary, mine=True).total == 25


def test_tracks_are_kept_apart(diary: Diary, men_diary: Diary) -> None:
    cid = _client(diary)
    with pytest.raises(AccessDenied):
        clients.get_client(men_diary, cid)
    with pytest.raises(AccessDenied):
        clients.create_client(men_diary, ClientInput(name="X"))
    assert clients.list_clients(men_diary).total == 0


def test_case_numbers_have_one_format_and_count_on_past_older_ones(diary: Diary) -> None:
    from app.models import Case

    a = clients.create_client(diary, clients.ClientInput(name="Åsa Öberg"))
    with diary.write() as s:  # a diary from before: four digits
        s.add(Case(client_id=a.id, compartment="women", case_number="2026-0042", referred_on=date(2026, 1, 2)))
    b = clients.create_client(diary, clients.ClientInput(name="Berit Ek"))
    assert cases.open_case(diary, b.id, referred_on="2026-03-01").case_number == "2026-00043"
