"""Restore from a backup: the diary's backups with their time and size; what is there now is kept first.

Shown from the unlock screen (the diary is locked, or does not open because it is damaged) and from the Diary
menu (which locks first). Listing needs no passphrase; restoring asks for the current one, and runs in a
worker thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import WrongPassphrase
from app.services import backup as backup_service
from app.services.backup import BackupInfo
from app.services.context import Diary, open_diary
from app.ui.common import accessible, error_text, heading
from app.ui.tasks import TaskRunner


def restore_and_open(data_dir: Path, passphrase: str, backup: Path) -> Diary:
    return open_diary(backup_service.restore(data_dir, passphrase, backup))


def size_text(n: int) -> str:
    if n >= 1_048_576:
        return QCoreApplication.translate("RestoreDialog", "{n} MB").format(n=f"{n / 1_048_576:.1f}")
    return QCoreApplication.translate("RestoreDialog", "{n} kB").format(n=max(1, n // 1024))


def reason_text(reason: str) -> str:
    return {
        "scheduled": QCoreApplication.translate("RestoreDialog", "Daily"),
        "manual": QCoreApplication.translate("RestoreDialog", "Taken by hand"),
        "migration": QCoreApplication.translate("RestoreDialog", "Before an upgrade"),
        "rekey": QCoreApplication.translate("RestoreDialog", "Before a new key"),
        "import": QCoreApplication.translate("RestoreDialog", "Before an import"),
        "purge": QCoreApplication.translate("RestoreDialog", "Before a removal"),
        "restore": QCoreApplication.translate("RestoreDialog", "Before a restore"),
        "demo": QCoreApplication.translate("RestoreDialog", "Before demo data"),
    }.get(reason, reason)


class RestoreDialog(QDialog):
    restored = Signal(object)  # Diary, opened

    def __init__(self, data_dir: Path, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data_dir, self._runner = Path(data_dir), runner
        self._items: list[BackupInfo] = []
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.setMinimumSize(640, 440)
        intro = QLabel(self.tr("Choose the backup to bring back. What is in the diary now is kept first, as a "
                               "backup of its own (or, if it is damaged, as a file beside it): nothing is "
                               "overwritten without a copy."), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Size"), self.tr("Why"),
                                              self.tr("Where")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        accessible(self.table, self.tr("Backups"))
        self.empty = QLabel(self.tr("Looking for backups…"), self)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        accessible(self.passphrase, self.tr("Passphrase"))
        pass_label = QLabel(self.tr("Your current &passphrase"), self)
        pass_label.setBuddy(self.passphrase)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.hide()
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b; font-weight: bold")
        self.error.setAccessibleName(self.tr("Message"))
        self.error.hide()
        self.buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("&Restore this backup"), self)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(pass_label)
        row.addWidget(self.passphrase, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Restore from a backup"), self, size=1.4))
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(self._update)
        self.passphrase.textChanged.connect(self._update)
        self.passphrase.returnPressed.connect(self.submit)
        self._runner.run(backup_service.list_backups, self._data_dir, on_done=self._fill,
                         on_error=self._failed, parallel=True)

    def _fill(self, items: list[BackupInfo]) -> None:
        self._items = items
        self.table.setRowCount(len(items))
        for row, b in enumerate(items):
            where = self.tr("This computer") if b.in_diary_folder else self.tr("Second folder")
            cells = [b.taken_at.astimezone().strftime("%Y-%m-%d %H:%M"), size_text(b.size), reason_text(b.reason),
                     where]
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if col == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(str(b.path))
                self.table.setItem(row, col, item)
        if items:
            self.empty.hide()
            self.table.selectRow(0)
        else:
            self.empty.setText(self.tr("There are no backups of this diary on this computer or in the second "
                                       "folder."))
        self.passphrase.setFocus()
        self._update()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._items[rows[0].row()] if rows else None

    def _update(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None and bool(self.passphrase.text())
                                       and not self.busy.isVisible())

    def submit(self) -> None:
        chosen = self.selected()
        if chosen is None or not self.passphrase.text() or self.busy.isVisible():
            return
        self.error.hide()
        self.busy.show()
        self._update()
        self.table.setEnabled(False)
        self._runner.run(restore_and_open, self._data_dir, self.passphrase.text(), chosen.path,
                         on_done=self._done, on_error=self._failed)

    def _done(self, diary: Diary) -> None:
        self.passphrase.clear()
        self.busy.hide()
        self.restored.emit(diary)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.busy.hide()
        self.table.setEnabled(True)
        self.error.setText(self.tr("Wrong passphrase.") if isinstance(exc, WrongPassphrase) else error_text(exc))
        self.error.show()
        self.passphrase.selectAll()
        self._update()
