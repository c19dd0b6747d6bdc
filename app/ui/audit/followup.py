"""Log follow-up (loggranskning) for the team lead: who opened, searched, listed, printed or exported which
records, when; filters; the four checks; export. Pages arrive from the task runner, never the GUI thread."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.services.audit import followup
from app.services.audit.followup import AccessRow, FollowupFilter, FollowupPage
from app.services.context import Diary
from app.ui.common import error_text
from app.ui.session import SessionRunner

Index = QModelIndex | QPersistentModelIndex


def _write_export(diary: Diary, flt: FollowupFilter, fmt: str, path: str, own: bool = False) -> str:
    """Worker thread: build the export in memory, then write it only to the chosen file (0600)."""
    return str(followup.export_to(diary, flt, fmt, path, own=own))


class FollowupModel(QAbstractTableModel):
    """Rows of the follow-up, a page at a time (keyset cursor from the service)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[AccessRow] = []
        self.cursor: str | None = None
        self._headers = [self.tr("When"), self.tr("Worker"), self.tr("Did"), self.tr("Record"),
                         self.tr("Checks")]

    def action_text(self, row: AccessRow) -> str:
        texts = {"open": self.tr("opened"), "search": self.tr("searched"), "list": self.tr("listed"),
                 "print": self.tr("printed"), "export": self.tr("exported"), "reveal": self.tr("showed address"),
                 "import": self.tr("imported"), "purge": self.tr("purged")}
        text = texts.get(row.action, row.action)
        if row.action in ("search", "list"):
            text += " " + self.tr("(%n records)", "", row.records_listed)
        return text

    def record_text(self, row: AccessRow) -> str:
        if row.client_id is None:
            return ""
        if row.masked:
            return self.tr("Protected identity ({ref})").format(ref=row.client_id[:8])
        if row.missing:
            return self.tr("Not in this diary ({ref})").format(ref=row.client_id[:8])
        return row.record

    def flags_text(self, row: AccessRow) -> str:
        names = {"no_entry": self.tr("no entry of their own"), "protected": self.tr("protected identity"),
                 "unusual_hours": self.tr("unusual hours"), "burst": self.tr("many records in a short time")}
        return ", ".join(names[f] for f in row.flags)

    def reset_rows(self, page: FollowupPage) -> None:
        self.beginResetModel()
        self.rows, self.cursor = list(page.rows), page.cursor
        self.endResetModel()

    def append(self, page: FollowupPage) -> None:
        if page.rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self.endInsertRows()
        self.cursor = page.cursor

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 0:
                return row.at
            if col == 1:
                return row.actor
            if col == 2:
                return self.action_text(row)
            if col == 3:
                return self.record_text(row)
            return self.flags_text(row)
        if role == Qt.ItemDataRole.ForegroundRole and row.flags and index.column() == 4:
            return QColor("#a01818")
        return None


class FollowupScreen(QWidget):
    """Filters above, the log below, a page at a time; export of everything the filters select."""

    page_shown = Signal()  # a page is on screen (tests wait for it)
    exported = Signal(str)

    def __init__(self, diary: Diary, runner: SessionRunner, parent: QWidget | None = None, *,
                 own: bool = False) -> None:
        super().__init__(parent)
        self.diary, self.runner = diary, runner
        self.own = own  # any worker's own rows only (the service forces the worker filter to her)
        self._generation = 0
        self._busy = False
        self.setWindowTitle(self.tr("My access log") if own else self.tr("Log follow-up"))
        lay = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.use_period = QCheckBox(self.tr("Period"), self)
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        today = diary.today()
        first = today.replace(day=1)
        for edit, day, name in ((self.start, first, self.tr("First day")), (self.end, today, self.tr("Last day"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.setAccessibleName(name)
            edit.setEnabled(False)
        self.use_period.toggled.connect(self.start.setEnabled)
        self.use_period.toggled.connect(self.end.setEnabled)
        self.actor = QComboBox(self)
        self.actor.addItem(self.tr("All workers"), "")
        self.actor.setAccessibleName(self.tr("Worker"))
        self.action = QComboBox(self)
        self.action.setAccessibleName(self.tr("What was done"))
        self.action.addItem(self.tr("Everything"), "")
        for key, text in (("open", self.tr("Opened")), ("search", self.tr("Searched")), ("list", self.tr("Listed")),
                          ("print", self.tr("Printed")), ("export", self.tr("Exported")),
                          ("reveal", self.tr("Showed an address")), ("import", self.tr("Imported")),
                          ("purge", self.tr("Purged"))):
            self.action.addItem(text, key)
        self.check = QComboBox(self)
        self.check.setAccessibleName(self.tr("Check"))
        self.check.addItem(self.tr("No check"), "")
        for key, text in (("no_entry", self.tr("Opened without an entry of their own")),
                          ("protected", self.tr("Protected identity opened")),
                          ("unusual_hours", self.tr("Unusual hours")),
                          ("burst", self.tr("Many records in a short time"))):
            self.check.addItem(text, key)
        self.show_btn = QPushButton(self.tr("Show"), self)
        self.show_btn.setDefault(True)
        for w in (self.use_period, self.start, self.end, self.actor, self.action, self.check, self.show_btn):
            bar.addWidget(w)
        bar.addStretch(1)
        lay.addLayout(bar)

        self.model = FollowupModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Access log"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        lay.addWidget(self.table, 1)

        foot = QHBoxLayout()
        self.status = QLabel(self)
        self.more_btn = QPushButton(self.tr("Show more"), self)
        self.more_btn.setEnabled(False)
        self.csv_btn = QPushButton(self.tr("Export CSV…"), self)
        self.json_btn = QPushButton(self.tr("Export JSON…"), self)
        foot.addWidget(self.status, 1)
        for b in (self.more_btn, self.csv_btn, self.json_btn):
            foot.addWidget(b)
        lay.addLayout(foot)

        self.show_btn.clicked.connect(self.reload)
        self.more_btn.clicked.connect(self.fetch_more)
        self.csv_btn.clicked.connect(lambda: self.ask_export("csv"))
        self.json_btn.clicked.connect(lambda: self.ask_export("json"))
        if own:  # her own rows: the worker shown is her (the service forces it anyway)
            self.actor.addItem(diary.worker.name, diary.worker.name)
            self.actor.setCurrentIndex(1)
            self.actor.setEnabled(False)
        else:
            self.runner.run(followup.actors, diary, on_done=self._actors, on_error=self._failed, parallel=True)
        self.reload()

    def filters(self) -> FollowupFilter:
        start: date | None = None
        end: date | None = None
        if self.use_period.isChecked():
            s, e = self.start.date(), self.end.date()
            start, end = date(s.year(), s.month(), s.day()), date(e.year(), e.month(), e.day())
        return FollowupFilter(start=start, end=end, actor=self.actor.currentData() or None,
                              action=self.action.currentData() or None, check=self.check.currentData() or None)

    def _actors(self, names: list[str]) -> None:
        if not isValid(self):  # closed (and deleted) while the names were on their way
            return
        for n in names:
            self.actor.addItem(n, n)

    def reload(self) -> None:
        self._generation += 1
        gen = self._generation
        self.status.setText(self.tr("Reading the log…"))
        self.more_btn.setEnabled(False)
        self.runner.run(followup.page, self.diary, self.filters(), own=self.own, parallel=True,
                        on_done=lambda p: self._arrived(gen, p, reset=True), on_error=self._failed)

    def fetch_more(self) -> None:
        if self.model.cursor is None:
            return
        gen = self._generation
        self.more_btn.setEnabled(False)
        self.runner.run(followup.page, self.diary, self.filters(), cursor=self.model.cursor, own=self.own,
                        parallel=True,
                        on_done=lambda p: self._arrived(gen, p, reset=False), on_error=self._failed)

    def _arrived(self, generation: int, page: FollowupPage, *, reset: bool) -> None:
        if not isValid(self):  # closed (and deleted) while the page was on its way
            return
        if generation != self._generation:
            return  # the filters changed while this page was on its way
        if reset:
            self.model.reset_rows(page)
        else:
            self.model.append(page)
        flagged = sum(1 for r in self.model.rows if r.flags)
        self.status.setText(self.tr("%n rows shown", "", len(self.model.rows)) + " · "
                            + self.tr("%n flagged", "", flagged)
                            + ("" if page.cursor is None else " · " + self.tr("more in the log")))
        self.more_btn.setEnabled(page.cursor is not None)
        self.page_shown.emit()

    def _failed(self, exc: Exception) -> None:
        if isValid(self):  # not closed (and deleted) while the call ran
            self.status.setText(error_text(exc))

    def ask_export(self, fmt: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the log follow-up"),
                                              f"loggranskning.{fmt}", f"{fmt.upper()} (*.{fmt})")
        if path:
            self.export_to(path if path.lower().endswith("." + fmt) else f"{path}.{fmt}", fmt)

    def export_to(self, path: str, fmt: str) -> None:
        self.status.setText(self.tr("Exporting…"))
        self.runner.run(_write_export, self.diary, self.filters(), fmt, path, self.own,
                        on_done=self._exported, on_error=self._failed)

    def _exported(self, path: str) -> None:
        self.status.setText(self.tr("Saved {path}.").format(path=path))
        self.exported.emit(path)
