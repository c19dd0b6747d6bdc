"""Idag: court dates this week, decisions ending within 14 days, referrals without a first contact, drafts, and
the current clients whose risk assessment is due."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.context import Diary
from app.services.risk.timeline import DueAssessment
from app.services.today import attention
from app.services.today.attention import Attention
from app.ui.common import fmt_date, heading, show_error
from app.ui.session import SessionRunner

APPOINTMENT_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_ROWS = 200  # a list longer than this is not read on a screen; the rest is counted


class TodayScreen(QWidget):
    client_chosen = Signal(str)
    loaded = Signal()

    def __init__(self, diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary, self._runner = diary, runner
        self.title = heading(self.tr("Today, {day}").format(day=fmt_date(diary.today())), self, size=1.4)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.court = self._box(self.tr("Court dates in the coming 7 days"))
        self.print_sheet = QPushButton(self.tr("&Print court-day sheet…"), self)
        self.print_sheet.setAccessibleName(self.tr("Print court-day sheet"))
        self.print_sheet.setEnabled(False)
        court_box = self.court.parentWidget()
        box_layout = court_box.layout() if court_box is not None else None
        if box_layout is not None:
            box_layout.addWidget(self.print_sheet)
        self.court.currentItemChanged.connect(
            lambda item, _old: self.print_sheet.setEnabled(item is not None and bool(item.data(APPOINTMENT_ROLE))))
        self.print_sheet.clicked.connect(self.open_print)
        self.sheet_dialog: QWidget | None = None
        self.ending = self._box(self.tr("Decisions ending within 14 days"))
        self.waiting = self._box(self.tr("Referrals without a first contact"))
        self.drafts = self._box(self.tr("My unsigned entries"))
        self.risk_due = self._box(self.tr("Risk assessments due"))
        grid = QGridLayout()
        for i, lst in enumerate((self.court, self.ending, self.waiting, self.drafts, self.risk_due)):
            box = lst.parentWidget()
            assert box is not None  # _box puts each list in its own group box
            grid.addWidget(box, i // 2, i % 2, 1, 2 if i == 4 else 1)
        layout = QVBoxLayout(self)
        top = QGridLayout()
        top.addWidget(self.title, 0, 0)
        top.addWidget(self.refresh_button, 0, 1, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self.refresh_button.clicked.connect(self.reload)

    def _box(self, title: str) -> QListWidget:
        box = QGroupBox(title, self)
        lst = QListWidget(box)
        lst.setAccessibleName(title)
        QVBoxLayout(box).addWidget(lst)
        lst.itemActivated.connect(self._chosen)
        return lst

    def _chosen(self, item: QListWidgetItem) -> None:
        cid = item.data(Qt.ItemDataRole.UserRole)
        if cid:
            self.client_chosen.emit(cid)

    def open_print(self) -> None:
        item = self.court.currentItem()
        appointment_id = item.data(APPOINTMENT_ROLE) if item is not None else None
        if not appointment_id:
            return
        from app.ui.printing.documents import CourtDayDialog  # reportlab: imported when first printed

        dialog = CourtDayDialog(self._diary, self._runner, str(appointment_id), self)
        dialog.finished.connect(dialog.deleteLater)
        self.sheet_dialog = dialog
        dialog.open()

    def reload(self) -> None:
        # Read-only and possibly slow in a big diary: the shared pool, so it never holds up saving.
        self._runner.run(attention.today_view, self._diary, limit=MAX_ROWS, on_done=self._show,
                         on_error=lambda e: show_error(self, e), parallel=True)

    def _due_reason(self, d: DueAssessment) -> str:
        if d.reason == "never":
            return self.tr("never assessed")
        last = fmt_date(d.last_assessed_on)
        if d.reason == "incident":
            return self.tr("%n incident(s) since the assessment of {day}", "", d.incidents_since).format(day=last)
        return self.tr("last assessed {day}").format(day=last)

    def _show(self, a: Attention) -> None:
        def fill(lst: QListWidget, rows: list[tuple[str, str]], empty: str, total: int | None = None) -> None:
            lst.clear()
            for cid, text in rows[:MAX_ROWS]:
                item = QListWidgetItem(text, lst)
                item.setData(Qt.ItemDataRole.UserRole, cid)
            more = max(len(rows), total or 0) - min(len(rows), MAX_ROWS)  # the service counted them all
            if more > 0:
                item = QListWidgetItem(self.tr("… and %n more", "", more), lst)
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            if not rows:
                item = QListWidgetItem(empty, lst)
                item.setFlags(Qt.ItemFlag.NoItemFlags)

        nothing = self.tr("Nothing here.")
        fill(self.court, [(c.client_id, f"{fmt_date(c.starts_at)}  {c.client_name} – {c.court}")
                          for c in a.court_dates], nothing, a.total("court_dates"))
        for i, c in enumerate(a.court_dates[:MAX_ROWS]):  # the rows are in the same order
            row = self.court.item(i)
            if row is not None:
                row.setData(APPOINTMENT_ROLE, c.appointment_id)
        fill(self.ending, [(d.client_id, f"{fmt_date(d.ends_on)}  {d.client_name} ({d.case_number})")
                           for d in a.ending_decisions], nothing, a.total("ending_decisions"))
        fill(self.waiting, [(w.client_id, f"{fmt_date(w.referred_on)}  {w.client_name}")
                            for w in a.waiting_referrals], nothing, a.total("waiting_referrals"))
        fill(self.drafts, [(d.client_id, f"{fmt_date(d.event_on)}  {d.client_name}")
                           for d in a.unsigned_entries], nothing, a.total("unsigned_entries"))
        fill(self.risk_due, [(d.client_id, f"{d.client_name} – {self._due_reason(d)}") for d in a.risk_due],
             nothing, a.total("risk_due"))
        self.loaded.emit()
