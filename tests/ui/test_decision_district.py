"""The women's case overview moves a decision to another district from a chosen day on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from app.services.clients import cases, clients
from app.services.clients.cases import DecisionInput
from app.services.context import Diary, Worker
from app.services.reports import statistics
from app.storage import vault
from app.storage.keyfile import KdfParams
from app.ui.clients.overview import OverviewPanel
from app.ui.tasks import TaskRunner

TODAY = date(2026, 3, 15)


@pytest.fixture
def diary(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = vault.create(tmp_path / "diary", "korrekt häst batteri häftklammer", KdfParams.fast_for_tests())
    yield Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=TODAY)
    store.close()


def _by_district(d: Diary, start: date, end: date) -> dict[str, object]:
    rows = statistics.period_report(d, start, end)["women"]["current"]["by_district"]
    return {str(r["key"]): r["count"] for r in rows if r["count"]}


def test_change_district_from_the_overview(qtbot, diary: Diary) -> None:  # type: ignore[no-untyped-def]
    c = clients.create_client(diary, clients.ClientInput(name="Åsa Öberg"))
    case = cases.open_case(diary, c.id, referred_on="2025-05-01")
    cases.add_decision(diary, case.id, DecisionInput("adults", "Älvsjö", "2025-05-20", "2025-05-20", "2026-08-31"))
    runner = TaskRunner()
    panel = OverviewPanel(diary, runner)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    assert not panel.change_district.isEnabled()  # no client, no decision
    panel.set_client(c.id)
    qtbot.waitUntil(lambda: "Älvsjö" in panel.body.text(), timeout=5_000)
    assert panel.change_district.isEnabled()

    qtbot.mouseClick(panel.change_district, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.district_dialog is not None and panel.district_dialog.isVisible(), timeout=5_000)
    dialog = panel.district_dialog
    assert dialog is not None
    assert dialog.district.currentData() == "Älvsjö"  # her district now, preselected
    assert dialog.valid_from.date() == QDate(2026, 3, 15) and dialog.valid_from.maximumDate() == QDate(2026, 3, 15)
    assert not dialog.decision.isEnabled()  # one decision: nothing to choose
    dialog.district.setCurrentIndex(dialog.district.findData("Skärholmen"))
    dialog.valid_from.setDate(QDate(2026, 2, 1))
    with qtbot.waitSignal(panel.changed, timeout=5_000):
        dialog.accept()
    qtbot.waitUntil(lambda: "Skärholmen" in panel.body.text(), timeout=5_000)
    assert "Älvsjö" not in panel.body.text()
    runner.wait()
    # The history says when: January counts her in Älvsjö, February in Skärholmen.
    assert _by_district(diary, date(2026, 1, 1), date(2026, 1, 31)) == {"Älvsjö": 1}
    assert _by_district(diary, date(2026, 2, 1), date(2026, 2, 28)) == {"Skärholmen": 1}


def test_with_two_decisions_she_chooses_which(qtbot, diary: Diary) -> None:  # type: ignore[no-untyped-def]
    c = clients.create_client(diary, clients.ClientInput(name="Lena Ek"))
    case = cases.open_case(diary, c.id, referred_on="2025-01-10")
    cases.add_decision(diary, case.id, DecisionInput("adults", "Älvsjö", "2025-01-15", "2025-01-15", "2025-04-15"))
    cases.add_decision(diary, case.id, DecisionInput("adults", "Skärholmen", "2025-04-16", "2025-04-16",
                                                     "2026-06-30"))
    runner = TaskRunner()
    panel = OverviewPanel(diary, runner)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    panel.set_client(c.id)
    qtbot.waitUntil(lambda: panel.change_district.isEnabled(), timeout=5_000)
    panel.change_district.click()
    qtbot.waitUntil(lambda: panel.district_dialog is not None and panel.district_dialog.isVisible(), timeout=5_000)
    dialog = panel.district_dialog
    assert dialog is not None and dialog.decision.isEnabled() and dialog.decision.count() == 2
    assert dialog.district.currentData() == "Skärholmen"  # the latest decision first
    dialog.decision.setCurrentIndex(0)
    assert dialog.district.currentData() == "Älvsjö"  # the district follows the decision chosen
    dialog.district.setCurrentIndex(dialog.district.findData("Hägersten-Liljeholmen"))
    dialog.valid_from.setDate(QDate(2025, 1, 15))  # a correction for every period: from the start
    with qtbot.waitSignal(panel.changed, timeout=5_000):
        dialog.accept()
    runner.wait()
    districts = [d.district for d in cases.get_case(diary, case.id).decisions]
    assert districts == ["Hägersten-Liljeholmen", "Skärholmen"]
