"""The men's Idag: men to register (three-talk rule), raised risk noted at the latest talk, open
investigations, and men with no talk for a month."""

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

from app.services import audit
from app.services.context import Diary
from app.services.mens_track import today as men_today
from app.services.mens_track.today import MenToday
from app.ui.common import fmt_date, heading, show_error
from app.ui.mens_track import labels
from app.ui.session import SessionRunner

MAX_ROWS = 200


class MenTodayScreen(QWidget):
    man_chosen = Signal(str)
    loaded = Signal()

    def __init__(self, diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary, self._runner = diary, runner
        self.title = heading(self.tr("Today, {day} – men's support").format(day=fmt_date(diary.today())), self,
                             size=1.4)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.due = self._box(self.tr("Three talks attended: register as a case"))
        self.risk = self._box(self.tr("Raised risk noted at the latest talk"))
        self.investigations = self._box(self.tr("Open investigations"))
        self.quiet = self._box(self.tr("No talk in the last 30 days"))
        grid = QGridLayout()
        for i, lst in enumerate((self.due, self.risk, self.investigations, self.quiet)):
            box = lst.parentWidget()
            assert box is not None
            grid.addWidget(box, i // 2, i % 2)
        top = QGridLayout()
        top.addWidget(self.title, 0, 0)
        top.addWidget(self.refresh_button, 0, 1, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
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
        man_id = item.data(Qt.ItemDataRole.UserRole)
        if man_id:
            self.man_chosen.emit(str(man_id))

    def reload(self) -> None:
        self._runner.run(men_today.today_view, self._diary, log=False, on_done=self._show,
                         on_error=lambda e: show_error(self, e), parallel=True)

    def _show(self, t: MenToday) -> None:
        shown: list[str] = []

        def fill(lst: QListWidget, rows: list[tuple[str, str]]) -> None:
            lst.clear()
            shown.extend(man_id for man_id, _ in rows[:MAX_ROWS])
            for man_id, text in rows[:MAX_ROWS]:
                QListWidgetItem(text, lst).setData(Qt.ItemDataRole.UserRole, man_id)
            if len(rows) > MAX_ROWS:
                QListWidgetItem(self.tr("… and %n more", "", len(rows) - MAX_ROWS), lst).setFlags(
                    Qt.ItemFlag.NoItemFlags)
            if not rows:
                QListWidgetItem(self.tr("Nothing here."), lst).setFlags(Qt.ItemFlag.NoItemFlags)

        fill(self.due, [(m.id, self.tr("{name} – {n} talks").format(name=m.name, n=m.talks))
                        for m in t.registration_due])
        fill(self.risk, [(m.id, self.tr("{day}  {name} – partner: {partner}, children: {children}").format(
            day=fmt_date(talk.held_on), name=m.name, partner=labels.risk(talk.risk_partner),
            children=labels.risk(talk.risk_children))) for m, talk in t.raised_risk])
        fill(self.investigations, [(m.id, f"{fmt_date(m.investigation_opened_on)}  {m.name}")
                                   for m in t.open_investigations])
        fill(self.quiet, [(m.id, f"{fmt_date(m.last_talk_on or m.first_contact_on)}  {m.name}")
                          for m in t.no_recent_talk])
        # The men named on screen, logged on the database thread (reading Idag never waits for a writer).
        self._runner.run(audit.log_list, self._diary, "list", "men_today", shown, compartment="men")
        self.loaded.emit()
