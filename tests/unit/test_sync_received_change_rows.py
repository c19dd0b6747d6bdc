"""A change received from the team is kept in the change feed by the names of the fields it set, never their
values: the record and its merge state hold those, and the audit trail shows names only. Her address, her
name and what was written about her are not stored a third time on every laptop."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.models import Change, Client, DiaryEntry
from app.services.audit import trail
from app.services.clients import clients, entries
from app.services.clients.clients import ClientInput
from app.services.clients.entries import EntryInput
from tests.unit.sync_helpers import Laptop, assert_converged, synced_team
from tests.unit.test_retention_no_trace import _diary

SECRET = ("Åsa Lindqvist", "Hemliga gatan 7", "070-123 45 67", "Han hotade henne i trappuppgången.")


def _rows(lap: Laptop, origin: str) -> list[Change]:
    with lap.store.read(lap.ident) as s:
        rows = list(s.scalars(select(Change).where(Change.origin == origin).order_by(Change.seq)))
        s.expunge_all()
        return rows


def test_received_change_rows_name_the_fields_and_hold_no_values(tmp_path: Path) -> None:
    share, (a, b) = synced_team(tmp_path)
    da = _diary(a)
    cid = clients.create_client(da, ClientInput(name=SECRET[0], address=SECRET[1], phone=SECRET[2])).id
    entries.add_entry(da, cid, EntryInput(text=SECRET[3], kinds=["support_talk"], event_on=date(2026, 2, 1)))
    assert a.sync(share).ok
    assert b.sync(share).ok
    clients.update_client(da, cid, ClientInput(name=SECRET[0], address=SECRET[1], phone="070-999 99 99"))
    assert a.sync(share).ok
    assert b.sync(share).pulled >= 1
    assert a.sync(share).ok

    received = _rows(b, "remote")
    assert {c.entity for c in received} >= {"clients", "diary_entries"}
    for c in received:
        assert isinstance(c.fields, list) and c.fields == sorted(c.fields)
        text = repr(c.fields)
        for secret in (*SECRET, "070-999 99 99"):
            assert secret not in text
    # The same names as the author's own rows: the audit trail lists the same fields on both laptops.
    sent = {c.hlc: sorted(c.fields) for c in _rows(a, "local") if c.entity in {"clients", "diary_entries"}}
    got = {c.hlc: c.fields for c in received if c.hlc in sent}
    assert got and all(sent[h] == names for h, names in got.items())
    phone_edit = [names for names in got.values() if "phone" in names and "name" not in names]
    assert phone_edit, got

    db = _diary(b)
    shown = [e for e in trail(db, client_id=cid) if e.entity == "clients" and e.action == "update"]
    assert any(e.fields == phone_edit[0] for e in shown)
    with b.store.read(b.ident) as s:  # the values are where they belong: the record itself
        client = s.get(Client, cid)
        assert client is not None and client.phone == "070-999 99 99" and client.address == SECRET[1]
        assert s.scalars(select(DiaryEntry.text).where(DiaryEntry.client_id == cid)).one() == SECRET[3]
    assert_converged(a, b)
