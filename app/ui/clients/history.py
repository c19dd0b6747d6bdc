"""Historik: the audit trail of one client — who did what, when. Field names only, never content."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from app.services import audit
from app.services.audit import TrailEntry
from app.services.context import Diary
from app.ui import labels
from app.ui.common import show_error
from app.ui.labels import local_time
from app.ui.session import SessionRunner


class HistoryPanel(QWidget):
    def __init__(self, diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary, self._runner = diary, runner
        self._client_id: str | None = None
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"),
                                              self.tr("Fields")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
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
        self.table.setRowCount(0)
        if client_id is not None:
            self.reload()

    def reload(self) -> None:
        cid = self._client_id
        if cid is not None:
            self._runner.run(audit.trail, self._diary, client_id=cid, limit=2000,
                             on_done=lambda rows: self._show(cid, rows), on_error=lambda e: show_error(self, e))

    def _show(self, client_id: str, rows: list[TrailEntry]) -> None:
        if client_id != self._client_id:
            return
        self.table.setRowCount(len(rows))
        for r, e in enumerate(rows):
            what = f"{labels.audit_action(e.action)} – {labels.entity(e.entity)}" if e.entity else \
                labels.audit_action(e.action)
            fields = ", ".join(labels.field(f) for f in e.fields) if e.action == "update" else ""
            for c, text in enumerate((local_time(e.at), e.actor, what, fields)):
                self.table.setItem(r, c, QTableWidgetItem(text))
