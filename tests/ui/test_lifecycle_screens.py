"""The log follow-up and retention screens: pages, filters, masked names, export; preview, confirm, purge."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from app.models import Client, DiaryEntry
from app.services.access import roles
from app.services.audit import chain
from app.services.clients import clients, entries
from app.services.clients.clients import ClientInput
from app.services.clients.entries import EntryInput
from app.services.context import Diary, Worker
from app.storage import vault
from app.storage.keyfile import KdfParams
from app.storage.vault import Store
from app.ui.audit.followup import FollowupScreen
from app.ui.retention.screen import RetentionScreen
from app.ui.session import SessionRunner
from app.ui.tasks import TaskRunner


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = vault.create(tmp_path / "diary", "korrekt häst batteri häftklammer", KdfParams.fast_for_tests())
    yield s
    s.close()


@pytest.fixture
def runner() -> Iterator[SessionRunner]:
    r = SessionRunner(TaskRunner())
    yield r
    r.end()
    r.wait()


def _open(d: Diary, cid: str, at: datetime) -> None:
    with d.write() as s:
        chain.append(s, origin_device=d.store.device_id, actor=d.worker.name, compartment="women", action="open",
                     client_id=cid, entity="clients", entity_id=cid, at=at)


def test_followup_pages_filters_and_masks(qtbot, store: Store, runner: SessionRunner,  # type: ignore[no-untyped-def]
                                          tmp_path: Path) -> None:
    lead = Diary(store, Worker("Lea Lind", "Projektledare"), today_override=date(2026, 1, 20))
    roles.set_profile_role(lead, True)
    other = Diary(store, Worker("Cecilia Berg"))
    hidden = clients.create_client(lead, ClientInput(name="Sara Hemlig", protected_identity="protected_registration",
                                                     worker="Cecilia Berg")).id
    plain = clients.create_client(lead, ClientInput(name="Lena Svensson")).id
    start = datetime(2026, 1, 14, 9)
    for i in range(130):
        _open(other, plain, start + timedelta(minutes=i))
    _open(other, hidden, datetime(2026, 1, 14, 22))
    w = FollowupScreen(lead, runner)
    qtbot.addWidget(w)
    w.resize(1000, 600)
    with qtbot.waitSignal(w.page_shown, timeout=10_000):
        pass
    assert w.model.rowCount() == 100 and w.more_btn.isEnabled()
    with qtbot.waitSignal(w.page_shown, timeout=10_000):
        w.more_btn.click()
    assert w.model.rowCount() == 131 and not w.more_btn.isEnabled()
    shown = [w.model.data(w.model.index(r, 3)) for r in range(w.model.rowCount())]
    assert "Sara Hemlig" not in shown and any(str(s).startswith("Protected identity") for s in shown)

    w.check.setCurrentIndex(w.check.findData("unusual_hours"))
    with qtbot.waitSignal(w.page_shown, timeout=10_000):
        w.show_btn.click()
    assert w.model.rowCount() == 1
    assert "unusual hours" in str(w.model.data(w.model.index(0, 4)))
    w.check.setCurrentIndex(w.check.findData("burst"))
    with qtbot.waitSignal(w.page_shown, timeout=10_000):
        w.show_btn.click()
    assert w.model.rowCount() == 0  # 130 openings of one record: not many records in a short time

    target = tmp_path / "log.csv"
    with qtbot.waitSignal(w.exported, timeout=10_000):
        w.export_to(str(target), "csv")
    assert oct(os.stat(target).st_mode & 0o777) == "0o600"
    assert "Sara Hemlig" not in target.read_text(encoding="utf-8")


def test_retention_preview_confirm_purge(qtbot, store: Store, runner: SessionRunner) -> None:  # type: ignore[no-untyped-def]
    lead = Diary(store, Worker("Lea Lind", "Projektledare"), today_override=date(2026, 6, 1))
    roles.set_profile_role(lead, True)
    old = clients.create_client(lead, ClientInput(name="Gammal Akt")).id
    entries.add_entry(lead, old, EntryInput(text="Utkast.", kinds=["support_talk"], event_on=date(2019, 3, 1)))
    with lead.write() as s:
        s.execute(update(Client).where(Client.id == old).values(created_at=datetime(2019, 3, 1)))
        s.execute(update(DiaryEntry).where(DiaryEntry.client_id == old).values(written_at=datetime(2019, 3, 1)))
    clients.create_client(lead, ClientInput(name="Ny Akt"))
    w = RetentionScreen(lead, runner)
    qtbot.addWidget(w)
    w.resize(900, 500)
    qtbot.waitUntil(lambda: w.preview is not None, timeout=10_000)
    assert w.model.rowCount() == 1 and w.model.data(w.model.index(0, 1)) == "Gammal Akt"
    assert w.run_btn.isEnabled()
    w.confirm = lambda pv: False  # type: ignore[method-assign]
    w.run_btn.click()
    assert "Not confirmed" in w.status.text()
    w.confirm = lambda pv: True  # type: ignore[method-assign]
    with qtbot.waitSignal(w.purged, timeout=20_000) as got:
        w.run_btn.click()
    assert got.args[0].clients == 1
    qtbot.waitUntil(lambda: w.log.count() == 1 and w.model.rowCount() == 0, timeout=10_000)
    assert "Gammal" not in w.log.item(0).text()
    with lead.read() as s:
        assert s.get(Client, old) is None


def test_reference_editor_adds_and_retires(qtbot, store: Store, runner: SessionRunner) -> None:  # type: ignore[no-untyped-def]
    from app.services import reference_lists as reference
    from app.ui.reference.editor import ReferenceEditor

    lead = Diary(store, Worker("Lea Lind", "Projektledare"))
    w = ReferenceEditor(lead, runner)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.loaded, timeout=10_000):
        pass
    assert [w.items.item(i).text() for i in range(w.items.count())] == ["Hägersten-Liljeholmen", "Skärholmen",
                                                                       "Älvsjö"]
    w.new_name.setText("Farsta")
    with qtbot.waitSignal(w.loaded, timeout=10_000):
        w.add_btn.click()
    assert "Farsta" in reference.lists(lead).districts and w.items.count() == 4
    w.items.setCurrentRow(1)
    with qtbot.waitSignal(w.loaded, timeout=10_000):
        w.retire_btn.click()
    assert "Skärholmen" not in reference.lists(lead).districts
    assert w.old.count() == 1 and w.old.item(0).text() == "Skärholmen"
    w.old.setCurrentRow(0)
    with qtbot.waitSignal(w.loaded, timeout=10_000):
        w.restore_btn.click()
    assert "Skärholmen" in reference.lists(lead).districts and w.old.count() == 0
    w.kind.setCurrentIndex(w.kind.findData("referring_unit"))
    assert w.items.count() == 5


def test_a_search_in_the_client_list_is_logged(qtbot, store: Store, runner: SessionRunner) -> None:  # type: ignore[no-untyped-def]
    from app.services.audit import followup
    from app.services.audit.followup import FollowupFilter
    from app.ui.clients.client_list import ClientListPane

    d = Diary(store, Worker("Lea Lind"))
    lena = clients.create_client(d, ClientInput(name="Lena Svensson")).id
    pane = ClientListPane(d, runner)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.search_finished, timeout=10_000):
        pane.search.setText("lena")
    qtbot.waitUntil(lambda: bool(followup.page(d, FollowupFilter(action="search"), own=True).rows), timeout=10_000)
    row = followup.page(d, FollowupFilter(action="search"), own=True).rows[0]
    assert row.what == "client_search" and row.records_listed == 1 and row.actor == "Lea Lind"
    from app.services import audit

    assert any(e.detail == f"1:{lena}" for e in audit.trail(d) if e.action == "search")
