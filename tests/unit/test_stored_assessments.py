from __future__ import annotations

from datetime import date

import pytest

from app.errors import NotFound
from app.models import RiskAssessment
from app.services.clients import clients
from app.services.clients.clients import ClientInput
from app.services.context import Diary, Worker
from app.services.risk import stored as stored_assessments
from app.storage import vault


def test_lists_a_clients_assessments_newest_first(store: vault.Store) -> None:
    diary = Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=date(2026, 3, 2))
    client = clients.create_client(diary, ClientInput(name="Maja Berg"))
    other = clients.create_client(diary, ClientInput(name="Lisa Ek"))
    with diary.write() as s:
        for cid, day in ((client.id, date(2026, 1, 5)), (client.id, date(2026, 2, 9)), (other.id, date(2026, 2, 1))):
            s.add(RiskAssessment(client_id=cid, compartment="women", instrument_id="freda", instrument_version="1",
                                 assessed_on=day, summary="x"))
    rows = stored_assessments.list_assessments(diary, client.id)
    assert [r.assessed_on for r in rows] == [date(2026, 2, 9), date(2026, 1, 5)]
    assert stored_assessments.list_assessments(diary, other.id)[0].instrument_id == "freda"
    with pytest.raises(NotFound):
        stored_assessments.list_assessments(diary, "no-such-client")
