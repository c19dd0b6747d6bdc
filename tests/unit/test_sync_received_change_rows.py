"""A change received from the team is kept in the change feed by the names of the fields it set, never their
values: the record and its merge state hold those, and the audit trail shows names only. Her address, her
name and what was written about her are not stored a third time on every laptop. A received record's creation
is its insert there too, so a record's audit trail reads the same on every laptop."""

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
    sent = {c.hlc: c for c in _rows(a, "local")}
    got = {c.hlc: c for c in received if c.hlc in sent}
    assert {c.entity_id for c in got.values()} >= {cid}
    for h, c in got.items():  # the same action, and for an update the same names, as the author's own row
        assert c.op == sent[h].op
        assert c.fields == ([] if c.op == "insert" else sorted(sent[h].fields))
    assert any(c.op == "update" and "phone" in c.fields for c in got.values() if c.entity_id == cid)

    def shown(lap: Laptop) -> list[tuple[str, str, str, list[str], str, str]]:
        return sorted((e.action, e.entity, e.entity_id, e.fields, e.actor, e.device_id)
                      for e in trail(_diary(lap), client_id=cid) if e.entity in {"clients", "diary_entries"})

    assert shown(a) == shown(b) and len(shown(a)) == 3  # her creation, the entry, the new number
    with b.store.read(b.ident) as s:  # the values are where they belong: the record itself
        client = s.get(Client, cid)
        assert client is not None and client.phone == "070-999 99 99" and client.address == SECRET[1]
        assert s.scalars(select(DiaryEntry.text).where(DiaryEntry.client_id == cid)).one() == SECRET[3]
    assert_converged(a, b)
