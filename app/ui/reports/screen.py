"""The report screen: statistics for a week, month, year or any period, the team meeting's week view, and
export to PDF, CSV or XLSX. Counting and exporting run on the task runner, never on the GUI thread."""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import AthenaError
from app.printing import report_tables
from app.services.context import Diary
from app.services.reports import export as report_export
from app.services.reports import statistics, team_week
from app.storage.private_files import write_private
from app.ui.reports.period import PeriodPicker
from app.ui.reports.widgets import WeekView, section
from app.ui.tasks import Runner

FILTERS = {"pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)"}


def _write(diary: Diary, report: dict[str, Any], fmt: str, path: str) -> str:
    """Worker thread: build the file in memory, then write it only to the chosen path (0600)."""
    write_private(path, report_export.export_report(diary, report, fmt))
    return path


class ReportScreen(QWidget):
    report_shown = Signal()  # a period's figures are on screen (tests wait for it)
    exported = Signal(str)  # path of a written file

    def __init__(self, diary: Diary, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diary, self.runner = diary, runner
        self.report: dict[str, Any] | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Statistics"))
        lay = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.picker = PeriodPicker(diary.today, self)
        self.suppress = QCheckBox(self.tr("For publication (counts 1–4 as \"< 5\")"), self)
        self.refresh_btn = QPushButton(self.tr("Show"), self)
        bar.addWidget(self.picker)
        bar.addSpacing(12)
        bar.addWidget(self.suppress)
        bar.addStretch(1)
        bar.addWidget(self.refresh_btn)
        lay.addLayout(bar)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Statistics and team meeting"))
        self.scroll_area = QScrollArea(self)  # not ``scroll``: that would hide QWidget.scroll()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAccessibleName(self.tr("Statistics for the period"))
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.scroll_area.setWidget(self.body)
        self.tabs.addTab(self.scroll_area, self.tr("Statistics"))
        self.week = WeekView(self)
        self.tabs.addTab(self.week, self.tr("Team meeting"))
        lay.addWidget(self.tabs, 1)

        front = QHBoxLayout()
        self.report_title = QLineEdit(self)
        self.report_title.setPlaceholderText(self.tr("Title on the first page (e.g. Slutrapport 2025)"))
        self.report_title.setAccessibleName(self.tr("Report title"))
        self.project = QLineEdit(self)
        self.project.setPlaceholderText(self.tr("Project (e.g. the funder's reference)"))
        self.project.setAccessibleName(self.tr("Project"))
        front.addWidget(self.report_title, 2)
        front.addWidget(self.project, 2)
        lay.addLayout(front)

        foot = QHBoxLayout()
        self.status = QLabel(self)
        foot.addWidget(self.status, 1)
        self.export_buttons: dict[str, QPushButton] = {}
        for fmt, text in (("pdf", self.tr("Export PDF…")), ("csv", self.tr("Export CSV…")),
                          ("xlsx", self.tr("Export Excel…"))):
            btn = QPushButton(text, self)
            btn.clicked.connect(lambda _=False, f=fmt: self.export(f))
            foot.addWidget(btn)
            self.export_buttons[fmt] = btn
        lay.addLayout(foot)

        self.picker.changed.connect(self.refresh)
        self.refresh_btn.clicked.connect(self.refresh)
        self.suppress.toggled.connect(self.refresh)
        self.refresh()

    # -- period ---------------------------------------------------------------------------------------------
    def period(self) -> tuple[date, date]:
        return self.picker.period()

    def set_period(self, kind: str, start: date | None = None, end: date | None = None) -> None:
        """Choose a kind of period (and for "custom" its days), then show it."""
        self.picker.set_period(kind, start, end)

    # -- loading --------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        start, end = self.period()
        if end < start:
            self.status.setText(self.tr("The period must end after it starts."))
            return
        self.status.setText(self.tr("Counting…"))
        self._set_busy(True)
        self.runner.run(self._load, self.diary, start, end, self.suppress.isChecked(),
                        on_done=self._show, on_error=self._failed)

    @staticmethod
    def _load(diary: Diary, start: date, end: date, suppress: bool) -> tuple[dict[str, Any], Any]:
        report = statistics.period_report(diary, start, end)
        if suppress:
            report = report_tables.suppress(report)
        return report, team_week.team_week(diary)

    def _show(self, result: tuple[dict[str, Any], Any]) -> None:
        self.report, week = result
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        heading = QLabel(report_tables.period_heading(self.report), self.body)
        heading.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.body_layout.addWidget(heading)
        for t in report_tables.tables(self.report):
            self.body_layout.addWidget(section(t, self.body))
        self.body_layout.addStretch(1)
        self.week.show_week(week)
        self.status.setText("")
        self._set_busy(False)
        self.report_shown.emit()

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        message = str(exc) if isinstance(exc, AthenaError) else self.tr("The report could not be made.")
        self.status.setText(message)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for b in self.export_buttons.values():
            b.setEnabled(not busy)
        self.refresh_btn.setEnabled(not busy)

    # -- export ---------------------------------------------------------------------------------------------
    def export(self, fmt: str) -> None:
        if self.report is None or self._busy:
            return
        start, end = self.period()
        suggested = f"statistik_{start.isoformat()}_{end.isoformat()}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"), suggested, FILTERS[fmt])
        if not path:
            return
        if not path.lower().endswith("." + fmt):
            path += "." + fmt
        self.status.setText(self.tr("Exporting…"))
        self._set_busy(True)
        report = report_tables.with_front(self.report, title=self.report_title.text(), project=self.project.text())
        self.runner.run(_write, self.diary, report, fmt, path, on_done=self._exported, on_error=self._failed)

    def _exported(self, path: str) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("Saved {file}").replace("{file}", os.path.basename(path)))
        self.exported.emit(path)
