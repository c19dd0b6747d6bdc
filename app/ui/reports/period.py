"""The period picker of the statistics screens (the women's report screen and the men's statistics): a kind
of period (week, month, year or a custom one), previous/next for the fixed kinds, and the first and last day,
which are typed only for a custom period."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from app.services.reports import statistics
from app.ui.common import from_qdate, to_qdate


class PeriodPicker(QWidget):
    """``changed`` is emitted when she chooses another kind of period or steps to the previous or next one
    (and by ``set_period``); typed days of a custom period are read when the screen asks for ``period()``."""

    changed = Signal()

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None, *, kind: str = "year") -> None:
        super().__init__(parent)
        self._today = today
        self.kind = QComboBox(self)
        for key, text in (("week", self.tr("Week")), ("month", self.tr("Month")), ("year", self.tr("Year")),
                          ("custom", self.tr("Custom period"))):
            self.kind.addItem(text, key)
        self.kind.setCurrentIndex(self.kind.findData(kind))
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
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Period:"), self))
        for w in (self.kind, self.prev_btn, self.start, QLabel("–", self), self.end, self.next_btn):
            row.addWidget(w)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.prev_btn.clicked.connect(lambda: self._step(-1))
        self.next_btn.clicked.connect(lambda: self._step(1))
        if kind != "custom":
            self.set_days(*statistics.period_containing(kind, today()))
        self._update_enabled()

    def period(self) -> tuple[date, date]:
        return from_qdate(self.start.date()), from_qdate(self.end.date())

    def set_days(self, start: date, end: date) -> None:
        """Show these days (without emitting ``changed``)."""
        self.start.setDate(to_qdate(start))
        self.end.setDate(to_qdate(end))

    def set_period(self, kind: str, start: date | None = None, end: date | None = None) -> None:
        """Choose a kind of period (and for "custom" its days), then emit ``changed``."""
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.kind.blockSignals(False)
        if kind == "custom" and start and end:
            self.set_days(start, end)
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
            # The new kind of period around today when today is in the one shown, else around its start.
            start, end = self.period()
            today = self._today()
            self.set_days(*statistics.period_containing(kind, today if start <= today <= end else start))
        self.changed.emit()

    def _step(self, steps: int) -> None:
        kind = str(self.kind.currentData())
        if kind != "custom":
            self.set_days(*statistics.shift_period(kind, self.period()[0], steps))
            self.changed.emit()
