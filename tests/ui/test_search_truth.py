"""Search tells the truth: every match, paged like the client list, and the count is the real count."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.services.clients import clients, entries, search
from app.services.context import Diary, Worker
from app.storage import vault
from app.storage.keyfile import KdfParams
from app.ui.clients import client_list
from app.ui.clients.client_list import ClientListPane
from app.ui.tasks import TaskRunner

from .conftest import type_text


@pytest.fixture
def diary(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = vault.create(tmp_path / "diary", "korrekt häst batteri häftklammer", KdfParams.fast_for_tests())
    d = Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=date(2026, 11, 20))
    for i in range(135):
        c = clients.create_client(d, clients.ClientInput(name=f"Klient {i:03d} Ågren"))
        entries.add_entry(d, c.id, entries.EntryInput(text=f"Brev från kronofogden nr {i}.",
                                                      kinds=["practical_support"]), sign=True)
    for i in range(20):
        c = clients.create_client(d, clients.ClientInput(name=f"Annan {i:02d} Öst"))
        entries.add_entry(d, c.id, entries.EntryInput(text="Stödsamtal om vardagen.", kinds=["support_talk"]),
                          sign=True)
    yield d
    store.close()


def test_search_for_a_word_in_135_clients_shows_135(qtbot, diary: Diary,  # type: ignore[no-untyped-def]
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(client_list, "PAGE_SIZE", 50)  # several pages, like a big diary
    monkeypatch.setattr(client_list, "FIRST_PAGE", 50)
    runner = TaskRunner()
    pane = ClientListPane(diary, runner)  # type: ignore[arg-type]
    qtbot.addWidget(pane)
    pane.show()
    with qtbot.waitSignal(pane.search_counted, timeout=10_000):
        type_text(pane.search, "kronofogden")
    assert pane.model.total == 135
    assert pane.count.text() in ("135 match(es)", "135 matches", "135 träffar")
    assert pane.model.rowCount() == 50
    while pane.model.canFetchMore():  # scrolling to the end fetches the rest
        pane.model.fetchMore()
        qtbot.waitUntil(lambda: not pane.model.busy, timeout=5_000)
    names = [c.name for c in pane.model.items()]
    assert len(names) == len(set(names)) == 135 and all(n.endswith("Ågren") for n in names)
    runner.wait()


def test_the_service_counts_all_and_pages_in_order(diary: Diary) -> None:
    result = search.run_search(diary, "kronofogden")
    assert result.total == 135
    pages = [search.search_page(diary, result, off, 40) for off in range(0, 140, 40)]
    ids = [c.id for p in pages for c in p.items]
    assert ids == result.ids and all(p.total == 135 for p in pages)
    assert search.run_search(diary, "Öst").total == 20
    assert search.run_search(diary, "kronofogden", status="closed").total == 0
    quick = search.run_search(diary, "kronofogden", first=40)  # the first page, fast, in the same order
    assert not quick.complete and quick.ids == result.ids[:40]
