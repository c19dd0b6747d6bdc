"""Retention (gallring) for the team lead: preview what the rules say is due, confirm, purge; the purge log.

The preview and the purge run on the task runner (the purge on the database thread, like every write).
The confirmation asks for the number of records, so a purge is never one click away.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.services.context import Diary
from app.services.retention import purge
from app.services.retention.purge import Candidate, Preview, PurgeResult, RunLog
from app.ui.common import error_text
from app.ui.session import SessionRunner

Index = QModelIndex | QPersistentModelIndex


class CandidateModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Candidate] = []
        self._headers = [self.tr("What happens"), self.tr("Record"), self.tr("Case numbers"),
                         self.tr("Last entry"), self.tr("Purge by")]

    def set_rows(self, rows: list[Candidate]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

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
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        c = self.rows[index.row()]
        col = index.column()
        if col == 0:
            return {"purge": self.tr("To be purged"), "archive": self.tr("To be marked for the archive"),
                    "hold": self.tr("Kept: other register data on the same person")}[c.action]
        if col == 1:
            track = self.tr("men's track") if c.entity == "men_clients" else ""
            name = self.tr("Protected identity") if c.protected else c.name
            return f"{name} ({track})" if track else name
        if col == 2:
            return " ".join(c.case_numbers)
        if col == 3:
            return c.last_entry_on.isoformat()
        late = " " + self.tr("(overdue)") if c.overdue else ""
        return c.deadline.isoformat() + late


class RetentionScreen(QWidget):
    previewed = Signal()
    purged = Signal(object)  # PurgeResult

    def __init__(self, diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diary, self.runner = diary, runner
        self.preview: Preview | None = None
        self.setWindowTitle(self.tr("Retention"))
        lay = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.model = CandidateModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Records due"))
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        lay.addWidget(self.table, 3)
        bar = QHBoxLayout()
        self.refresh_btn = QPushButton(self.tr("Preview again"), self)
        self.run_btn = QPushButton(self.tr("Purge…"), self)
        self.run_btn.setEnabled(False)
        self.status = QLabel(self)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.refresh_btn)
        bar.addWidget(self.run_btn)
        lay.addLayout(bar)
        lay.addWidget(QLabel(self.tr("Purge log (never names or numbers):"), self))
        self.log = QListWidget(self)
        self.log.setAccessibleName(self.tr("Purge log"))
        lay.addWidget(self.log, 1)
        self.refresh_btn.clicked.connect(self.refresh)
        self.run_btn.clicked.connect(self.ask_run)
        self.refresh()

    def refresh(self) -> None:
        self.status.setText(self.tr("Checking the rules…"))
        self.run_btn.setEnabled(False)
        self.runner.run(purge.preview, self.diary, parallel=True, on_done=self._shown, on_error=self._failed)
        self.runner.run(purge.purge_log, self.diary, parallel=True, on_done=self._show_log,
                        on_error=self._failed)  # not the team lead: the preview's refusal says why

    def _shown(self, pv: Preview) -> None:
        if not isValid(self):  # closed (and deleted) while the call ran
            return
        self.preview = pv
        self.model.set_rows([*pv.purge, *pv.archive, *pv.held])
        if pv.keep_everything:
            self.summary.setText(self.tr("Rules: {rules}. This diary keeps everything: nothing is purged.")
                                 .format(rules=pv.rules))
        else:
            days = ", ".join(str(d) for d in pv.archive_days) or "-"
            self.summary.setText(
                self.tr("Rules: {rules}. A record is purged {years} years after its last entry, by the end of the "
                        "following year; records of people born on day {days} of a month are marked for the "
                        "archive authority instead.").format(rules=pv.rules, years=pv.years, days=days) + "\n"
                + self.tr("%n record(s) due for purging", "", len(pv.purge)) + " · "
                + self.tr("%n row(s) in all", "", pv.records) + " · "
                + self.tr("%n to mark for the archive", "", len(pv.archive)) + " · "
                + self.tr("%n kept for now", "", len(pv.held)))
        self.status.setText("")
        self.run_btn.setEnabled(not pv.keep_everything and bool(pv.purge or pv.archive))
        self.previewed.emit()

    def _show_log(self, runs: list[RunLog]) -> None:
        if not isValid(self):  # closed (and deleted) while the call ran
            return
        self.log.clear()
        for r in runs:
            self.log.addItem(self.tr("{at} {actor}: {n} records purged ({rows} rows), {a} marked for the "
                                     "archive ({rules})").format(at=f"{r.at:%Y-%m-%d %H:%M}", actor=r.actor,
                                                                 n=r.clients_purged, rows=r.records_purged,
                                                                 a=r.archive_marked, rules=r.rules))

    def confirm(self, pv: Preview) -> bool:
        """Ask for the number of records; overridden in tests."""
        text, ok = QInputDialog.getText(
            self, self.tr("Purge for good"),
            self.tr("%n record(s) will be removed for good, on every laptop of the team, with their backups. "
                    "Type the number of records to confirm:", "", len(pv.purge)))
        return ok and text.strip() == str(len(pv.purge))

    def ask_run(self) -> None:
        pv = self.preview
        if pv is None:
            return
        if not self.confirm(pv):
            self.status.setText(self.tr("Not confirmed; nothing was purged."))
            return
        self.run_btn.setEnabled(False)
        self.refresh_btn.setEnabled(False)
        self.status.setText(self.tr("Purging…"))
        self.runner.run(purge.run, self.diary, pv.token, on_done=self._done, on_error=self._failed)

    def _done(self, result: PurgeResult) -> None:
        if not isValid(self):  # closed (and deleted) while the call ran
            return
        self.refresh_btn.setEnabled(True)
        self.status.setText(self.tr("%n record(s) purged", "", result.clients) + " · "
                            + self.tr("%n older backup(s) replaced", "", result.backups_removed))
        self.purged.emit(result)
        self.refresh()

    def _failed(self, exc: Exception) -> None:
        if not isValid(self):  # closed (and deleted) while the call ran
            return
        self.refresh_btn.setEnabled(True)
        self.status.setText(error_text(exc))
