"""Historik: the audit trail of one client — who did what, when. Field names only, never content.

A client seen every week for years has a long trail (the newest 2,000 entries are shown). The rows are added a
few hundred per event-loop turn, newest first, and the columns are sized from the first rows only: filled at
once and measured row by row, 2,000 rows held the GUI thread for a tenth of a second (every cell's size is a
call into the style).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from app.services import audit
from app.services.audit import TrailEntry
from app.services.context import Diary
from app.ui import labels
from app.ui.common import show_error
from app.ui.labels import local_time
from app.ui.session import SessionRunner

ROWS_PER_TURN = 200
MEASURED_ROWS = 100  # the columns fit these rows (the newest: the ones on screen first)


class HistoryPanel(QWidget):
    def __init__(self, diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary, self._runner = diary, runner
        self._client_id: str | None = None
        self._fill_seq = 0  # a fill still under way stops when a newer one (or another client) comes
        self._filling = False
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"),
                                              self.tr("Fields")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setResizeContentsPrecision(MEASURED_ROWS)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(self.tr("Audit trail of this client"))
        QVBoxLayout(self).addWidget(self.table)

    def set_client(self, client_id: str | None) -> None:
        self._client_id = client_id
        self._fill_seq += 1
        self._filling = False
        self.table.setRowCount(0)
        if client_id is not None:
            self.reload()

    @property
    def filling(self) -> bool:
        """Whether rows are still being added."""
        return self._filling

    def reload(self) -> None:
        cid = self._client_id
        if cid is not None:
            self._runner.run(audit.trail, self._diary, client_id=cid, limit=2000,
                             on_done=lambda rows: self._show(cid, rows), on_error=lambda e: show_error(self, e))

    def _show(self, client_id: str, rows: list[TrailEntry]) -> None:
        if client_id != self._client_id:
            return
        self._fill_seq += 1
        self.table.setRowCount(0)
        self.table.setRowCount(len(rows))
        self._filling = True
        self._fill(self._fill_seq, rows, 0)

    def _fill(self, seq: int, rows: list[TrailEntry], start: int) -> None:
        if seq != self._fill_seq:
            return
        end = min(len(rows), start + ROWS_PER_TURN)
        for r in range(start, end):
            e = rows[r]
            what = f"{labels.audit_action(e.action)} – {labels.entity(e.entity)}" if e.entity else \
                labels.audit_action(e.action)
            fields = ", ".join(labels.field(f) for f in e.fields) if e.action == "update" else ""
            for c, text in enumerate((local_time(e.at), e.actor, what, fields)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        if end < len(rows):
            QTimer.singleShot(0, self, lambda: self._fill(seq, rows, end))
        else:
            self._filling = False
