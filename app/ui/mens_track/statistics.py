"""The men's statistics screen: the men's figures for a week, month, year or any period (read as they were at
the period's end), with export. Only the men's track is counted here, whatever else the worker may do."""

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
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import AthenaError
from app.printing import report_tables
from app.services.context import Diary
from app.services.reports import export as report_export
from app.services.reports import statistics
from app.storage.private_files import write_private
from app.ui.reports.period import PeriodPicker
from app.ui.reports.widgets import section
from app.ui.session import SessionRunner

FILTERS = {"pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)"}


def men_report(diary: Diary, start: date, end: date, suppress: bool) -> dict[str, Any]:
    """Worker thread: the period report with the men's figures only."""
    report = {**statistics.period_report(diary, start, end), "women": None}
    return report_tables.suppress(report) if suppress else report


def write_report(diary: Diary, report: dict[str, Any], fmt: str, path: str) -> str:
    """Worker thread: the file is built in memory, then written only to the chosen path (0600)."""
    write_private(path, report_export.export_report(diary, report, fmt))
    return path


class MenStatisticsScreen(QWidget):
    report_shown = Signal()
    exported = Signal(str)

    def __init__(self, diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary, self._runner = diary, runner
        self.report: dict[str, Any] | None = None
        self.picker = PeriodPicker(diary.today, self)
        self.suppress = QCheckBox(self.tr("For publication (counts 1–4 as \"< 5\")"), self)
        self.show_btn = QPushButton(self.tr("Show"), self)
        bar = QHBoxLayout()
        bar.addWidget(self.picker)
        bar.addSpacing(12)
        bar.addWidget(self.suppress)
        bar.addStretch(1)
        bar.addWidget(self.show_btn)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAccessibleName(self.tr("Men's statistics for the period"))
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.scroll_area.setWidget(self.body)
        self.status = QLabel(self)
        foot = QHBoxLayout()
        foot.addWidget(self.status, 1)
        self.export_buttons: dict[str, QPushButton] = {}
        for fmt, text in (("pdf", self.tr("Export PDF…")), ("csv", self.tr("Export CSV…")),
                          ("xlsx", self.tr("Export Excel…"))):
            btn = QPushButton(text, self)
            btn.clicked.connect(lambda _=False, f=fmt: self.export(f))
            foot.addWidget(btn)
            self.export_buttons[fmt] = btn
        note = QLabel(self.tr("Statuses and classifications are counted as they were at the period's end; "
                              "definitions in the user guide (docs/reports.md)."), self)
        note.setWordWrap(True)
        note.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(note)
        layout.addLayout(foot)
        self.picker.changed.connect(self.refresh)
        self.show_btn.clicked.connect(self.refresh)
        self.suppress.toggled.connect(self.refresh)

    # --- period --------------------------------------------------------------------------------------
    def period(self) -> tuple[date, date]:
        return self.picker.period()

    def set_period(self, kind: str, start: date | None = None, end: date | None = None) -> None:
        self.picker.set_period(kind, start, end)

    # --- loading and export --------------------------------------------------------------------------
    def refresh(self) -> None:
        start, end = self.period()
        if end < start:
            self.status.setText(self.tr("The period must end after it starts."))
            return
        self.status.setText(self.tr("Counting…"))
        self._set_busy(True)
        self._runner.run(men_report, self._diary, start, end, self.suppress.isChecked(), on_done=self._show,
                         on_error=self._failed)

    def _show(self, report: dict[str, Any]) -> None:
        self.report = report
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        title = QLabel(report_tables.period_heading(report), self.body)
        title.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.body_layout.addWidget(title)
        for t in report_tables.tables(report):
            self.body_layout.addWidget(section(t, self.body))
        self.body_layout.addStretch(1)
        self.status.setText("")
        self._set_busy(False)
        self.report_shown.emit()

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.status.setText(str(exc) if isinstance(exc, AthenaError) else self.tr("The report could not be made."))

    def _set_busy(self, busy: bool) -> None:
        for b in self.export_buttons.values():
            b.setEnabled(not busy)
        self.show_btn.setEnabled(not busy)

    def export(self, fmt: str) -> None:
        if self.report is None:
            return
        start, end = self.period()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"),
                                              f"mansstod_{start.isoformat()}_{end.isoformat()}.{fmt}", FILTERS[fmt])
        if path:
            self.export_to(fmt, path if path.lower().endswith("." + fmt) else path + "." + fmt)

    def export_to(self, fmt: str, path: str) -> None:
        if self.report is None:
            return
        self.status.setText(self.tr("Exporting…"))
        self._set_busy(True)
        self._runner.run(write_report, self._diary, self.report, fmt, path, on_done=self._exported,
                         on_error=self._failed)

    def _exported(self, path: str) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("Saved {file}").replace("{file}", os.path.basename(path)))
        self.exported.emit(path)
