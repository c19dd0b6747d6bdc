"""The men's statistics screen: the men's figures for a week, month, year or any period (read as they were at
the period's end), with export. Only the men's track is counted here, whatever else the worker may do."""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
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
from app.ui.common import from_qdate, to_qdate
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
        self.kind = QComboBox(self)
        for key, text in (("week", self.tr("Week")), ("month", self.tr("Month")), ("year", self.tr("Year")),
                          ("custom", self.tr("Custom period"))):
            self.kind.addItem(text, key)
        self.kind.setCurrentIndex(2)
        self.kind.setAccessibleName(self.tr("Kind of period"))
        self.prev_btn = QPushButton("◀", self)
        self.prev_btn.setToolTip(self.tr("Previous period"))
        self.next_btn = QPushButton("▶", self)
        self.next_btn.setToolTip(self.tr("Next period"))
        for b in (self.prev_btn, self.next_btn):
            b.setFixedWidth(34)
            b.setAccessibleName(b.toolTip())
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        self.start.setAccessibleName(self.tr("First day of the period"))
        self.end.setAccessibleName(self.tr("Last day of the period"))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.suppress = QCheckBox(self.tr("For publication (counts 1–4 as \"< 5\")"), self)
        self.show_btn = QPushButton(self.tr("Show"), self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:"), self))
        for w in (self.kind, self.prev_btn, self.start, QLabel("–", self), self.end, self.next_btn):
            bar.addWidget(w)
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
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.prev_btn.clicked.connect(lambda: self._step(-1))
        self.next_btn.clicked.connect(lambda: self._step(1))
        self.show_btn.clicked.connect(self.refresh)
        self.suppress.toggled.connect(self.refresh)
        self._set_period(*statistics.period_containing("year", diary.today()))
        self._update_enabled()

    # --- period --------------------------------------------------------------------------------------
    def period(self) -> tuple[date, date]:
        return from_qdate(self.start.date()), from_qdate(self.end.date())

    def _set_period(self, start: date, end: date) -> None:
        self.start.setDate(to_qdate(start))
        self.end.setDate(to_qdate(end))

    def set_period(self, kind: str, start: date | None = None, end: date | None = None) -> None:
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.kind.blockSignals(False)
        if kind == "custom" and start and end:
            self._set_period(start, end)
        self._kind_changed()

    def _update_enabled(self) -> None:
        custom = self.kind.currentData() == "custom"
        for w in (self.start, self.end):
            w.setEnabled(custom)
        self.prev_btn.setEnabled(not custom)
        self.next_btn.setEnabled(not custom)

    def _kind_changed(self) -> None:
        self._update_enabled()
        kind = str(self.kind.currentData())
        if kind != "custom":
            start, end = self.period()
            today = self._diary.today()
            self._set_period(*statistics.period_containing(kind, today if start <= today <= end else start))
        self.refresh()

    def _step(self, steps: int) -> None:
        kind = str(self.kind.currentData())
        if kind != "custom":
            self._set_period(*statistics.shift_period(kind, self.period()[0], steps))
            self.refresh()

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
