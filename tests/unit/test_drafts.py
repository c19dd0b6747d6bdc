"""Drafts of unsaved text: kept encrypted in the diary, per track, replaced and removed; the remembered place."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.errors import DomainError
from app.services.clients import clients
from app.services.context import Diary, Worker
from app.services.drafts import store as drafts
from app.storage import vault
from app.storage.keyfile import KdfParams
from tests.unit.conftest import PASSPHRASE
from tests.unit.helpers import change_count


@pytest.fixture
def diary(tmp_path: Path) -> Iterator[Diary]:
    store = vault.create(tmp_path / "diary", PASSPHRASE, KdfParams.fast_for_tests())
    yield Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=date(2026, 11, 20))
    store.close()


def test_draft_saved_replaced_listed_and_discarded(diary: Diary, tmp_path: Path) -> None:
    c = clients.create_client(diary, clients.ClientInput(name="Åsa Öberg"))
    feed = change_count(diary)
    drafts.save_draft(diary, drafts.DraftInput(f"entry:{c.id}", "entry", c.id, {"text": "Hon berättade om ÅÄÖ"}))
    drafts.save_draft(diary, drafts.DraftInput(f"entry:{c.id}", "entry", c.id, {"text": "Hemlig text 7391"}))
    got = drafts.get_draft(diary, f"entry:{c.id}")
    assert got is not None and got.content == {"text": "Hemlig text 7391"} and got.client_id == c.id
    assert [d.key for d in drafts.list_drafts(diary, c.id)] == [f"entry:{c.id}"]
    assert change_count(diary) == feed  # a draft is not a record: nothing for the sync or the statistics
    diary.store.checkpoint()
    for f in (tmp_path / "diary").iterdir():
        if f.is_file():
            assert b"Hemlig text 7391" not in f.read_bytes()  # encrypted like the rest of the diary
    drafts.discard_drafts(diary, [f"entry:{c.id}"])
    assert drafts.get_draft(diary, f"entry:{c.id}") is None


def test_drafts_of_another_track_stay_hidden(diary: Diary) -> None:
    c = clients.create_client(diary, clients.ClientInput(name="Åsa Öberg"))
    drafts.save_draft(diary, drafts.DraftInput(f"entry:{c.id}", "entry", c.id, {"text": "x"}))
    men_only = Diary(diary.store, Worker("Bo", "Mansstödjare", tracks=frozenset({"men"})))
    assert drafts.get_draft(men_only, f"entry:{c.id}") is None and drafts.list_drafts(men_only) == []
    with pytest.raises(DomainError):
        drafts.save_draft(men_only, drafts.DraftInput(f"entry:{c.id}", "entry", c.id, {"text": "y"}))


def test_malformed_or_huge_draft_is_refused_and_nothing_changes(diary: Diary) -> None:
    with pytest.raises(DomainError):
        drafts.save_draft(diary, drafts.DraftInput("", "entry", None, {}))
    with pytest.raises(DomainError):
        drafts.save_draft(diary, drafts.DraftInput("client_dialog:new", "client_dialog", None,
                                                   {"name": "x" * 300_000}))
    with pytest.raises(DomainError):
        drafts.save_draft(diary, drafts.DraftInput("entry:nobody", "entry", "nobody", {"text": "x"}))
    assert drafts.list_drafts(diary) == []


def test_place_is_remembered(diary: Diary) -> None:
    c = clients.create_client(diary, clients.ClientInput(name="Åsa Öberg"))
    assert drafts.get_place(diary) is None
    drafts.save_place(diary, c.id, "safety_plan")
    assert drafts.get_place(diary) == drafts.Place(c.id, "safety_plan")
    assert drafts.list_drafts(diary) == []
