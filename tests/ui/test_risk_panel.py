"""The risk panel end to end: run an assessment, complete it (locks), mark incidents, read the chart.

Set ATHENA_SCREENSHOTS=1 to also save the screenshots in docs/screenshots/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCharts import QLineSeries, QScatterSeries, QStackedBarSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.services.clients import cases, clients
from app.services.context import Diary, Worker
from app.services.risk import assessments as risk
from app.services.risk import timeline as tl
from app.services.safety_plan import plans as safety_plans
from app.storage.vault import Store
from app.ui.clients.client_view import client_sections
from app.ui.risk.panel import RiskPanel
from app.ui.tasks import TaskRunner

TODAY = date(2026, 11, 23)
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
YES = ("escalation", "threats_to_kill", "strangulation", "separation")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    from app.storage import vault
    from app.storage.keyfile import KdfParams

    s = vault.create(tmp_path / "diary", "korrekt häst batteri häftklammer", KdfParams.fast_for_tests())
    yield s
    s.close()


@pytest.fixture
def diary(store: Store) -> Diary:
    return Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=TODAY)


def make_client(diary: Diary) -> str:
    c = clients.create_client(diary, clients.ClientInput(name="Sara Exempel"))
    case = cases.open_case(diary, c.id, referred_on="2026-02-20")
    cases.add_decision(diary, case.id, cases.DecisionInput(
        referring_unit="children_family", district="Skärholmen", decided_on="2026-02-25", starts_on="2026-03-01",
        ends_on="2027-03-01"))
    for day, sev in (("2026-06-02", 2), ("2026-09-20", 3), ("2026-10-03", 2), ("2026-10-18", 3)):
        tl.add_incident(diary, c.id, day, sev)
    inst = risk.require_instrument(diary, "athena-partner-violence")
    a = risk.start(diary, c.id, inst.id)  # an earlier, completed assessment to compare with
    for it in inst.items:
        risk.answer_item(diary, a.id, it.id, {"yes_no_unknown": "no", "scale": 1, "free_text": ""}[it.answer])
    risk.answer_item(diary, a.id, "escalation", "yes")
    risk.set_details(diary, a.id, summary="Första bedömningen.", client_estimate="medium", assessed_on="2026-07-01")
    risk.complete(diary, a.id)
    return c.id


def settle(qtbot: QtBot, runner: TaskRunner) -> None:
    qtbot.waitUntil(lambda: not runner.busy(), timeout=10_000)


def shoot(panel: RiskPanel, name: str) -> None:
    if os.environ.get("ATHENA_SCREENSHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        assert panel.grab().save(str(SHOTS / name))


def test_panel_is_the_client_views_risk_section() -> None:
    assert dict((k, f) for k, _t, f in client_sections())["risk"] is RiskPanel


def test_run_an_assessment_end_to_end(qtbot: QtBot, diary: Diary, monkeypatch: pytest.MonkeyPatch) -> None:
    cid = make_client(diary)
    runner = TaskRunner()
    panel = RiskPanel(diary, runner)
    qtbot.addWidget(panel)
    panel.resize(1100, 800)
    panel.show()
    settle(qtbot, runner)
    panel.set_client(cid)
    settle(qtbot, runner)
    assert panel.history.count() == 1 and "incident" in panel.due_label.text()
    # a summed checklist reads as a score and its band even before any assessment is open in the form
    assert "· Score 3 of 27 – " in panel.history.item(0).text() and "scenarios" not in panel.history.item(0).text()

    panel.instrument.setCurrentIndex(panel.instrument.findData("athena-partner-violence"))
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    settle(qtbot, runner)
    form = panel.form
    assert form.view is not None and not form.view.completed and form.view.supersedes_id is not None
    assert form.result_label.text().startswith("Not assessed yet")  # a new checklist has no band yet

    # item by item: answer, with the guidance at hand and a comment on one
    inst = form.inst
    assert inst is not None
    for n, item in enumerate(inst.items):
        assert form.item_page.question.text() == item.text["en"]
        assert form.item_page.guidance.text() == item.guidance["en"]
        if item.answer == "free_text":
            form.item_page.free_text.setFocus()
            qtbot.keyClicks(form.item_page.free_text, "Upcoming trial in January")
            form.item_page.flush()
        else:
            value: object = 2 if item.answer == "scale" else ("yes" if item.id in YES else "no")
            form.item_page.choose(value)
        if item.id == "threats_to_kill":
            qtbot.keyClicks(form.item_page.comment, "Said on the phone last week")
            form.item_page.flush()
        settle(qtbot, runner)
        if n < len(inst.items) - 1:
            qtbot.mouseClick(form.item_page.next_button, Qt.MouseButton.LeftButton)
    # escalation 2 + threats 3 + strangulation 3 + separation 2 + frequency 2 = 12 -> "Raised risk" (7..13)
    assert form.result_label.text() == "Score 12 of 27 – Raised risk (12 of 12 answered)"
    form.go_to("item", "threats_to_kill")  # back from the free-text item: the choices are there again
    assert form.item_page.comment.toPlainText() == "Said on the phone last week"
    assert [b.isChecked() for b in form.item_page.group.buttons()] == [True, False, False]
    assert all(b.isVisible() for b in form.item_page.group.buttons()) and not form.item_page.free_text.isVisible()
    shoot(panel, "risk_form.png")

    form.go_to("summary")
    assert form.pages.currentWidget() is form.summary_page
    form.estimate.setCurrentIndex(form.estimate.findData("high"))
    qtbot.keyClicks(form.summary, "Threats and strangulation; plan updated")
    form.summary.flush()
    settle(qtbot, runner)
    assert form.missing_label.text() == ""

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(form.complete_button, Qt.MouseButton.LeftButton)
    settle(qtbot, runner)

    # locked: the view, the stored row and the widgets
    view = form.view
    assert view is not None and view.completed
    assert view.result["score"] == 12 and view.result["band"] == "medium" and view.client_estimate == "high"
    assert view.comment("threats_to_kill") == "Said on the phone last week"
    assert view.value("other") == "Upcoming trial in January"
    assert view.summary == "Threats and strangulation; plan updated"
    assert not form.complete_button.isEnabled() and form.plan_button.isEnabled() and form.banner.isVisible()
    assert "locked" in form.banner.text()
    form.go_to("item", "weapons")
    assert not form.item_page.answer_box.isEnabled() and form.item_page.comment.isReadOnly()
    buttons = form.item_page.group.buttons()
    assert [b.text() for b in buttons] == ["Yes", "No", "Don't know"] and buttons[1].isChecked()
    assert all(not b.isEnabled() and b.isVisible() for b in buttons)
    assert form.summary.isReadOnly() and not form.estimate.isEnabled()
    stored = risk.get(diary, view.id, log=False)
    assert stored.completed_at is not None and stored.result == view.result
    assert panel.history.count() == 2 and "Raised risk" in panel.history.item(0).text()

    # the safety plan follows the assessment
    qtbot.mouseClick(form.plan_button, Qt.MouseButton.LeftButton)
    settle(qtbot, runner)
    plan = safety_plans.latest(diary, cid)
    assert plan is not None and plan.risk_assessment_id == view.id
    assert not form.plan_button.isEnabled() and f"version {plan.version}" in form.banner.text()

    # the incident calendar: mark a day with her, the months count it
    panel.tabs.setCurrentWidget(panel.calendar)
    panel.calendar.mark_day(date(2026, 11, 14), 4, "Kicked")
    settle(qtbot, runner)
    assert len(tl.incidents(diary, cid)) == 5
    assert panel.calendar.months.item(0, 1).text() == "1"  # November, newest first
    assert panel.calendar.months.item(0, 2).text() == "Life-threatening"
    assert "escalating" in panel.calendar.trend_label.text()
    fmt = panel.calendar.calendar.dateTextFormat(panel.calendar.calendar.selectedDate())
    assert fmt.background().color().name() == "#7f1d1d"
    panel.calendar.calendar.setSelectedDate(panel.calendar.calendar.selectedDate().addDays(-20))
    shoot(panel, "risk_calendar.png")

    # the chart: incidents per month and both results over time
    panel.tabs.setCurrentWidget(panel.chart)
    settle(qtbot, runner)
    data = panel.chart.data()
    assert data["months"][-1] == "2026-11-01" and data["months"][0] == "2025-12-01"
    assert data["counts"][-6:] == [1, 0, 0, 1, 2, 1]  # Jun .. Nov
    assert data["results"]["athena-partner-violence"] == [("2026-07-01", 1, 3), ("2026-11-23", 2, 12)]
    chart = panel.chart.chart
    bars = next(s for s in chart.series() if isinstance(s, QStackedBarSeries))
    per_month = [sum(bars.barSets()[k].at(m) for k in range(4)) for m in range(len(data["months"]))]
    assert per_month == data["counts"]
    assert bars.barSets()[3].at(len(per_month) - 1) == 1  # the life-threatening day in November
    line = next(s for s in chart.series() if isinstance(s, QLineSeries) and not isinstance(s, QScatterSeries))
    assert [p.y() for p in line.points()] == [1.0, 2.0] and line.points()[0].x() < line.points()[1].x()
    estimates = next(s for s in chart.series() if isinstance(s, QScatterSeries))
    assert [p.y() for p in estimates.points()] == [2.0, 3.0]
    shoot(panel, "risk_chart.png")

    panel.set_client(None)
    assert panel.form.view is None and not panel.tabs.isEnabled()
    runner.wait()


def test_structured_judgement_with_several_people(qtbot: QtBot, diary: Diary,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    c = clients.create_client(diary, clients.ClientInput(name="Leyla Exempel"))
    runner = TaskRunner()
    panel = RiskPanel(diary, runner)
    qtbot.addWidget(panel)
    panel.show()
    settle(qtbot, runner)
    panel.set_client(c.id)
    settle(qtbot, runner)
    panel.instrument.setCurrentIndex(panel.instrument.findData("athena-honour-violence"))
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    settle(qtbot, runner)
    form = panel.form
    assert form.inst is not None and form.inst.method == "structured_judgement"
    for item in form.inst.items:
        form.go_to("item", item.id)
        if item.answer == "free_text":
            qtbot.keyClicks(form.item_page.free_text, "Her aunt")
            form.item_page.flush()
        else:
            form.item_page.choose("yes")
        settle(qtbot, runner)
    form.go_to("judgement")
    page = form.judgement_page
    assert form.pages.currentWidget() is page
    for role, label in (("victim", "Herself"), ("victim", "Sister (14)"), ("perpetrator", "Father"),
                        ("perpetrator", "Uncle")):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
        row = page.people.rowCount() - 1
        combo, edit = page.people.cellWidget(row, 0), page.people.cellWidget(row, 1)
        combo.setCurrentIndex(combo.findData(role))  # type: ignore[union-attr]
        edit.setText(label)  # type: ignore[union-attr]
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, runner)
    assert [b.text() for b in page.boxes[1].checks.values()] == ["Herself", "Sister (14)", "Father", "Uncle"]
    for sc in ("serious_violence", "taken_abroad", "violence_against_others", "continued_control"):
        page.rate(sc, "medium")
        settle(qtbot, runner)
    page.rate("forced_marriage", "high")
    settle(qtbot, runner)
    for box in list(page.boxes[1].checks.values())[1:]:  # the sister, the father and the uncle
        box.setChecked(True)
        settle(qtbot, runner)
    assert form.result_label.text().startswith("Overall: High – 5 of 5 scenarios rated")
    form.go_to("summary")
    form.estimate.setCurrentIndex(form.estimate.findData("medium"))
    qtbot.keyClicks(form.summary, "Marriage planned abroad this summer")
    form.summary.flush()
    settle(qtbot, runner)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(form.complete_button, Qt.MouseButton.LeftButton)
    settle(qtbot, runner)
    view = form.view
    assert view is not None and view.completed
    assert view.result["level"] == "high" and view.result["estimate_gap"] == -1
    assert view.answers["judgements"]["forced_marriage"]["persons"] == ["p2", "p3", "p4"]
    assert [p["role"] for p in view.answers["persons"]] == ["victim", "victim", "perpetrator", "perpetrator"]
    assert not page.boxes[0].isEnabled() and not page.save_button.isEnabled()
    runner.wait()
