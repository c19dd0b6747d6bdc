"""The report screen: shows a period's figures, moves between periods, exports through the task runner."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QTableWidget

from app.models import Compartment
from app.services.clients import cases, clients
from app.services.context import Diary, Worker
from app.services.demo import diary as demo
from app.storage import vault
from app.storage.keyfile import KdfParams
from app.storage.vault import Store
from app.ui.reports.screen import ReportScreen
from app.ui.tasks import TaskRunner


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = vault.create(tmp_path / "diary", "korrekt häst batteri häftklammer", KdfParams.fast_for_tests())
    yield s
    s.close()


@pytest.fixture
def screen(qtbot, store: Store):  # type: ignore[no-untyped-def]
    diary = Diary(store, Worker("Anna Andersson", "Kvinnostödjare",
                                frozenset({Compartment.WOMEN.value, Compartment.MEN.value})),
                  today_override=date(2025, 11, 20))
    demo.generate(diary, clients=25, seed=3)
    cid = clients.create_client(diary, clients.ClientInput(name="Hanna Hemlig",
                                                           protected_identity="protected_registration")).id
    case = cases.open_case(diary, cid, referred_on="2025-11-01")
    cases.add_decision(diary, case.id, cases.DecisionInput(
        referring_unit="adults", district="Älvsjö", decided_on="2025-08-20", starts_on="2025-08-25",
        ends_on="2025-11-25"))
    runner = TaskRunner()
    w = ReportScreen(diary, runner)
    qtbot.addWidget(w)
    w.resize(1100, 800)
    qtbot.waitUntil(lambda: w.report is not None, timeout=10_000)
    runner.wait()
    qtbot.wait(20)
    yield w
    runner.wait()


def _cell(w: ReportScreen, key: str, row: int, col: int) -> str:
    table = w.findChild(QTableWidget, f"table_{key}")
    assert table is not None
    return table.item(row, col).text()


def test_year_month_and_custom(qtbot, screen: ReportScreen) -> None:  # type: ignore[no-untyped-def]
    assert screen.period() == (date(2025, 1, 1), date(2025, 12, 31))
    total = screen.report["women"]["current"]["total"]
    assert _cell(screen, "current_by_district", 3, 1) == str(total) and total > 0
    with qtbot.waitSignal(screen.report_shown, timeout=10_000):
        screen.set_period("month")
    assert screen.period() == (date(2025, 11, 1), date(2025, 11, 30))  # the month holding today
    with qtbot.waitSignal(screen.report_shown, timeout=10_000):
        screen.picker.next_btn.click()
    assert screen.period() == (date(2025, 12, 1), date(2025, 12, 31))
    with qtbot.waitSignal(screen.report_shown, timeout=10_000):
        screen.set_period("custom", date(2024, 6, 1), date(2025, 5, 31))
    assert screen.report["period"] == {"from": "2024-06-01", "to": "2025-05-31"}
    with qtbot.waitSignal(screen.report_shown, timeout=10_000):
        screen.suppress.setChecked(True)
    assert screen.report["suppressed"] is True


def test_week_view_hides_protected_names(screen: ReportScreen) -> None:
    names = [screen.week.ending.item(r, 2).text() for r in range(screen.week.ending.rowCount())]
    assert "Hanna Hemlig" not in names and "Protected identity" in names
    assert screen.week.figures["ending"].text() == str(len(names))


@pytest.mark.parametrize("fmt,magic", [("pdf", b"%PDF"), ("xlsx", b"PK"), ("csv", b"\xef\xbb\xbf")])
def test_export(qtbot, screen: ReportScreen, tmp_path: Path, monkeypatch, fmt: str,  # type: ignore[no-untyped-def]
                magic: bytes) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"rapport.{fmt}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(screen.exported, timeout=20_000) as sig:
        screen.export_buttons[fmt].click()
    assert sig.args == [str(target)]
    assert target.read_bytes().startswith(magic)
    assert os.stat(target).st_mode & 0o077 == 0
    assert list(out.iterdir()) == [target]  # no temporary files beside it


def test_export_over_an_old_world_readable_file(qtbot, screen: ReportScreen, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                monkeypatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "rapport.csv"
    target.write_bytes(b"last year's figures")
    target.chmod(0o644)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(screen.exported, timeout=20_000):
        screen.export_buttons["csv"].click()
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert os.stat(target).st_mode & 0o777 == 0o600
    assert list(out.iterdir()) == [target]
