"""The incident calendar: with the client, mark the days of violence and how severe they were.

Each marked day is coloured by severity; beside the calendar the months are counted so that frequency and
escalation can be seen at a glance and talked about.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import validation
from app.services.context import Diary
from app.services.risk import timeline as tl
from app.ui.risk.chart import SEVERITY_COLOURS
from app.ui.tasks import TaskRunner

MONTHS_SHOWN = 6


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


class IncidentCalendar(QWidget):
    changed = Signal()  # a mark was added, changed or removed

    def __init__(self, diary: Diary, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diary, self.runner = diary, runner
        self.client_id: str | None = None
        self.marks: dict[date, tl.IncidentView] = {}

        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setMaximumDate(qdate(diary.today()))
        self.calendar.setMinimumWidth(360)
        self.calendar.selectionChanged.connect(self._show_day)
        self.calendar.setAccessibleName(self.tr("Incident calendar: days with violence"))
        year = self.calendar.findChild(QSpinBox)  # the year field of the calendar's navigation bar
        if year is not None:
            year.setAccessibleName(self.tr("Year"))

        self.day_label = QLabel()
        self.severity = QComboBox()
        self.severity.setAccessibleName(self.tr("Severity"))
        self.severity.addItem(self.tr("No violence marked"), 0)
        for n, name in enumerate(self.severity_names(), start=1):
            self.severity.addItem(f"{n} – {name}", n)
        self.note = QLineEdit()
        self.note.setMaxLength(2000)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("What happened, in her words (optional)"))
        self.save_button = QPushButton(self.tr("Save mark"))
        self.save_button.clicked.connect(self.save_day)
        self.remove_button = QPushButton(self.tr("Remove mark"))
        self.remove_button.clicked.connect(self.remove_day)
        day_box = QGroupBox(self.tr("Selected day"))
        form = QFormLayout(day_box)
        form.addRow(self.day_label)
        form.addRow(self.tr("Severity"), self.severity)
        form.addRow(self.tr("Note"), self.note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        form.addRow(buttons)

        legend = QHBoxLayout()
        for n, name in enumerate(self.severity_names()):
            chip = QLabel(name)
            fg = "white" if n >= 2 else "black"
            chip.setStyleSheet(f"background:{SEVERITY_COLOURS[n]}; color:{fg}; padding:2px 6px; border-radius:3px;")
            legend.addWidget(chip)
        legend.addStretch(1)

        self.months = QTableWidget(0, 3)
        self.months.setHorizontalHeaderLabels([self.tr("Month"), self.tr("Days with violence"),
                                               self.tr("Most severe")])
        self.months.verticalHeader().setVisible(False)
        self.months.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.months.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.months.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.months.setAccessibleName(self.tr("Frequency, month by month"))
        self.trend_label = QLabel()
        self.trend_label.setWordWrap(True)

        left = QVBoxLayout()
        left.addWidget(self.calendar, 1)
        left.addLayout(legend)
        right = QVBoxLayout()
        right.addWidget(day_box)
        right.addWidget(QLabel(self.tr("Frequency, month by month")))
        right.addWidget(self.months, 1)
        right.addWidget(self.trend_label)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self._show_day()

    def severity_names(self) -> tuple[str, str, str, str]:
        return (self.tr("Minor"), self.tr("Serious"), self.tr("Severe"), self.tr("Life-threatening"))

    # --- loading -------------------------------------------------------------------------------------
    def set_client(self, client_id: str | None) -> None:
        self.client_id = client_id
        self._apply([])
        if client_id is not None:
            self.reload()

    def reload(self) -> None:
        if self.client_id is None:
            return
        cid = self.client_id
        self.runner.run(tl.incidents, self.diary, cid,
                        on_done=lambda rows: self._apply(rows) if cid == self.client_id else None,
                        on_error=self._failed)

    def _apply(self, rows: list[tl.IncidentView]) -> None:
        self.marks = {r.occurred_on: r for r in rows}
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clears every day's format
        for day, inc in self.marks.items():
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(SEVERITY_COLOURS[inc.severity - 1]))
            fmt.setForeground(QColor("white" if inc.severity >= 3 else "black"))
            fmt.setFontWeight(700)
            self.calendar.setDateTextFormat(qdate(day), fmt)
        self._fill_months()
        self._show_day()

    def month_counts(self) -> list[tl.MonthCount]:
        today = self.diary.today()
        first = validation.add_months(tl.month_start(today), -(MONTHS_SHOWN - 1))
        return tl.monthly_counts([(d, m.severity) for d, m in self.marks.items()], first, today)

    def _fill_months(self) -> None:
        counts = self.month_counts()
        self.months.setRowCount(len(counts))
        loc = QLocale()
        for row, mc in enumerate(reversed(counts)):
            self.months.setItem(row, 0, QTableWidgetItem(loc.toString(qdate(mc.month), "MMMM yyyy")))
            n = QTableWidgetItem(str(mc.count))
            n.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.months.setItem(row, 1, n)
            worst = QTableWidgetItem(self.severity_names()[mc.max_severity - 1] if mc.max_severity else "–")
            if mc.max_severity:
                worst.setBackground(QColor(SEVERITY_COLOURS[mc.max_severity - 1]))
                worst.setForeground(QColor("white" if mc.max_severity >= 3 else "black"))
            self.months.setItem(row, 2, worst)
        trend = tl.trend(counts)
        text = {"escalating": self.tr("More or more severe violence in the last three months than in the three "
                                      "before: escalating."),
                "calming": self.tr("Less violence in the last three months than in the three before."),
                "steady": self.tr("No clear change between the last three months and the three before.")}[trend]
        self.trend_label.setText(text)
        self.trend_label.setStyleSheet("color:#b91c1c; font-weight:bold;" if trend == "escalating" else "")

    # --- editing a day ---------------------------------------------------------------------------------
    def _show_day(self) -> None:
        day = pydate(self.calendar.selectedDate())
        self.day_label.setText(QLocale().toString(self.calendar.selectedDate(), QLocale.FormatType.LongFormat))
        mark = self.marks.get(day)
        self.severity.setCurrentIndex(mark.severity if mark else 0)
        self.note.setText(mark.note if mark else "")
        enabled = self.client_id is not None
        for w in (self.severity, self.note, self.save_button):
            w.setEnabled(enabled)
        self.remove_button.setEnabled(enabled and mark is not None)

    def mark_day(self, day: date, severity: int, note: str = "") -> None:
        """Select ``day`` and save a mark of ``severity`` (what the Save button does)."""
        self.calendar.setSelectedDate(qdate(day))
        self.severity.setCurrentIndex(severity)
        self.note.setText(note)
        self.save_day()

    def save_day(self) -> None:
        if self.client_id is None:
            return
        day = pydate(self.calendar.selectedDate())
        severity = int(self.severity.currentData() or 0)
        mark = self.marks.get(day)
        if severity == 0:
            if mark is not None:
                self.remove_day()
            return
        if mark is None:
            self.runner.run(tl.add_incident, self.diary, self.client_id, day, severity, self.note.text(),
                            on_done=self._written, on_error=self._failed)
        else:
            self.runner.run(tl.update_incident, self.diary, mark.id, severity=severity, note=self.note.text(),
                            on_done=self._written, on_error=self._failed)

    def remove_day(self) -> None:
        mark = self.marks.get(pydate(self.calendar.selectedDate()))
        if mark is not None:
            self.runner.run(tl.delete_incident, self.diary, mark.id, on_done=self._written, on_error=self._failed)

    def _written(self, _result: object) -> None:
        self.reload()
        self.changed.emit()

    def _failed(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.tr("Incident calendar"), str(exc))
