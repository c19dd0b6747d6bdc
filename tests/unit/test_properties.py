"""Rules that hold for all inputs."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.errors import DomainError
from app.models import Change
from app.services.clients import clients, entries, records
from app.services.clients.clients import ClientInput
from app.services.clients.entries import EntryInput
from app.services.context import Diary
from app.services.validation import add_months, luhn_ok, personal_number

from .helpers import change_count


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)), st.integers(1, 36))
def test_add_months_lands_in_the_right_month_and_never_overshoots(d: date, months: int) -> None:
    r = add_months(d, months)
    assert (r.year * 12 + r.month) - (d.year * 12 + d.month) == months
    assert r.day <= d.day


@given(st.dates(min_value=date(1930, 1, 1), max_value=date(2020, 12, 31)), st.integers(0, 999))
def test_valid_personal_numbers_normalise_and_invalid_check_digits_fail(birth: date, serial: int) -> None:
    base = f"{birth:%y%m%d}{serial:03d}"
    check = next(c for c in range(10) if luhn_ok(base + str(c)))
    assert personal_number(f"{birth:%Y%m%d}{serial:03d}{check}") == f"{birth:%Y%m%d}-{serial:03d}{check}"
    wrong = (check + 1) % 10
    try:
        personal_number(f"{birth:%Y%m%d}-{serial:03d}{wrong}")
    except DomainError:
        pass
    else:
        raise AssertionError("a wrong check digit was accepted")


OPS = st.lists(st.sampled_from(["client", "entry", "signed", "network", "bad_entry", "bad_client"]),
               min_size=1, max_size=12)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_change_feed_has_exactly_one_change_per_record_written(diary: Diary, ops: list[str]) -> None:
    cid = clients.create_client(diary, ClientInput(name="Bas Klient")).id
    expected = change_count(diary)
    for op in ops:
        try:
            if op == "client":
                clients.create_client(diary, ClientInput(name="Ny Klient"))
            elif op in ("entry", "signed"):
                entries.add_entry(diary, cid, EntryInput("text", ["support_talk"]), sign=op == "signed")
            elif op == "network":
                records.add(diary, "network", cid, {"name": "Syster"})
            elif op == "bad_entry":
                entries.add_entry(diary, cid, EntryInput("", ["support_talk"]))
            else:
                clients.create_client(diary, ClientInput(name="", personal_number="x"))
            expected += 1
        except DomainError:
            pass
        assert change_count(diary) == expected
    with diary.read() as s:
        hlcs = list(s.scalars(select(Change.hlc).order_by(Change.seq)))
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)
