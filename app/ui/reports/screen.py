"""The report screen: statistics for a week, month, year or any period, the team meeting's week view, and
export to PDF, CSV or XLSX. Counting and exporting run on the task runner, never on the GUI thread."""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
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
from app.ui.reports.widgets import WeekView, section
from app.ui.tasks import Runner

FILTERS = {"pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)"}


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


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
            b.setAccessibleName(b.toolTip())  # "◀" and "▶" say nothing to a screen reader
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        self.start.setAccessibleName(self.tr("First day of the period"))
        self.end.setAccessibleName(self.tr("Last day of the period"))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.suppress = QCheckBox(self.tr("For publication (counts 1–4 as \"< 5\")"), self)
        self.refresh_btn = QPushButton(self.tr("Show"), self)
        bar.addWidget(QLabel(self.tr("Period:"), self))
        bar.addWidget(self.kind)
        bar.addWidget(self.prev_btn)
        bar.addWidget(self.start)
        bar.addWidget(QLabel("–", self))
        bar.addWidget(self.end)
        bar.addWidget(self.next_btn)
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

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.prev_btn.clicked.connect(lambda: self._step(-1))
        self.next_btn.clicked.connect(lambda: self._step(1))
        self.refresh_btn.clicked.connect(self.refresh)
        self.suppress.toggled.connect(self.refresh)
        self._set_period(*statistics.period_containing("year", diary.today()))
        self._kind_changed()

    # -- period ---------------------------------------------------------------------------------------------
    def period(self) -> tuple[date, date]:
        return _pydate(self.start.date()), _pydate(self.end.date())

    def _set_period(self, start: date, end: date) -> None:
        self.start.setDate(_qdate(start))
        self.end.setDate(_qdate(end))

    def set_period(self, kind: str, start: date | None = None, end: date | None = None) -> None:
        """Choose a kind of period (and for "custom" its days), then show it."""
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.kind.blockSignals(False)
        if kind == "custom" and start and end:
            self._set_period(start, end)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        custom = kind == "custom"
        for w in (self.start, self.end):
            w.setEnabled(custom)
        self.prev_btn.setEnabled(not custom)
        self.next_btn.setEnabled(not custom)
        if not custom:
            # The new kind of period around today when today is in the one shown, else around its start.
            start, end = self.period()
            today = self.diary.today()
            self._set_period(*statistics.period_containing(kind, today if start <= today <= end else start))
        self.refresh()

    def _step(self, steps: int) -> None:
        kind = self.kind.currentData()
        if kind != "custom":
            self._set_period(*statistics.shift_period(kind, _pydate(self.start.date()), steps))
            self.refresh()

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
        self.runner.run(_write, self.diary, self.report, fmt, path, on_done=self._exported, on_error=self._failed)

    def _exported(self, path: str) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("Saved {file}").replace("{file}", os.path.basename(path)))
        self.exported.emit(path)
