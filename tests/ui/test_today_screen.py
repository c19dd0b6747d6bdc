"""Idag in a big diary: each list shows its first rows and counts the rest, read by the service in one go."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.services.context import Diary, Worker
from app.services.demo import diary as demo
from app.services.today import attention
from app.storage import vault
from app.ui.session import SessionRunner
from app.ui.tasks import TaskRunner
from app.ui.today import today as today_screen

from .conftest import PASSPHRASE


def test_lists_show_the_first_rows_and_count_the_rest(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(today_screen, "MAX_ROWS", 3)
    store = vault.create(tmp_path / "diary", PASSPHRASE)
    runner = TaskRunner()
    try:
        diary = Diary(store, Worker("Bänk Användare", "Kvinnostödjare"), today_override=date(2026, 3, 2))
        demo.generate(diary, clients=40, entries=2000, seed=4)
        full = attention.today_view(diary)
        drafts = len(full.unsigned_entries)
        assert drafts > 3
        session = SessionRunner(runner)
        screen = today_screen.TodayScreen(diary, session)
        qtbot.addWidget(screen)
        with qtbot.waitSignal(screen.loaded, timeout=20_000):
            screen.reload()
        texts = [screen.drafts.item(i).text() for i in range(screen.drafts.count())]
        assert len(texts) == 4 and str(drafts - 3) in texts[-1]
        earliest = {d.client_id for d in full.unsigned_entries if d.event_on == full.unsigned_entries[0].event_on}
        assert screen.drafts.item(0).data(0x0100) in earliest  # Qt.UserRole: the row opens that client
        for lst, name in ((screen.court, "court_dates"), (screen.ending, "ending_decisions"),
                          (screen.waiting, "waiting_referrals")):
            n = full.total(name)
            assert lst.count() == (min(n, 3) + (1 if n > 3 else 0) if n else 1)
        session.end()
    finally:
        runner.wait()
        store.close()


def test_risk_assessments_due_are_listed_and_open_the_client(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from app.services.demo import risk as risk_demo

    monkeypatch.setattr(today_screen, "MAX_ROWS", 3)
    store = vault.create(tmp_path / "diary", PASSPHRASE)
    runner = TaskRunner()
    try:
        diary = Diary(store, Worker("Bänk Användare", "Kvinnostödjare"), today_override=date(2026, 3, 2))
        demo.generate(diary, clients=60, entries=200, seed=4)
        risk_demo.generate(diary, seed=2)
        full = attention.today_view(diary)
        due = full.risk_due
        assert len(due) > 3 and {d.reason for d in due} >= {"never", "incident"}
        session = SessionRunner(runner)
        screen = today_screen.TodayScreen(diary, session)
        qtbot.addWidget(screen)
        with qtbot.waitSignal(screen.loaded, timeout=20_000):
            screen.reload()
        lst = screen.risk_due
        texts = [lst.item(i).text() for i in range(lst.count())]
        assert len(texts) == 4 and str(len(due) - 3) in texts[-1]  # three rows, then "… and N more"
        for i, d in enumerate(due[:3]):
            assert texts[i].startswith(d.client_name)
            assert lst.item(i).data(0x0100) == d.client_id
        reasons = {d.reason: screen._due_reason(d) for d in due}
        assert reasons["never"] == "never assessed"
        incident = next(d for d in due if d.reason == "incident")
        text = screen._due_reason(incident)
        assert str(incident.incidents_since) in text and "since" in text
        with qtbot.waitSignal(screen.client_chosen, timeout=2_000) as chosen:
            lst.itemActivated.emit(lst.item(0))
        assert chosen.args == [due[0].client_id]
        session.end()
    finally:
        runner.wait()
        store.close()
