"""First run (create a diary) and unlock. The key derivation runs in a worker thread behind a busy bar."""

from __future__ import annotations

import gc
import time
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import StorageError, WrongPassphrase
from app.i18n import tr as core_tr
from app.models import Compartment
from app.services.access import passphrase as strength
from app.services.access import roles
from app.services.backup import backup_if_due
from app.services.context import Diary, Worker, open_diary, save_worker
from app.storage import vault
from app.ui.common import accessible, error_text, heading
from app.ui.tasks import TaskRunner


def open_existing(data_dir: Path, passphrase: str) -> Diary:
    store = vault.unlock(data_dir, passphrase)
    try:
        backup_if_due(store)
    except StorageError as exc:
        store.backup_problem = str(exc)  # the diary is fine; the window says that no backup was taken
    except BaseException:
        store.close()
        raise
    return open_diary(store)


def create_new(data_dir: Path, passphrase: str, worker: Worker, lead: bool = False) -> Diary:
    store = vault.create(data_dir, passphrase)
    try:
        save_worker(store, worker)
        if lead:  # team lead of this diary's own log (a synced team names its leads itself)
            roles.set_profile_role(open_diary(store), True)
    except BaseException:
        store.close()
        raise
    return open_diary(store)


class _Card(QWidget):
    """A narrow centred column, so the screen reads calmly on any window size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = QFrame(self)
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.card.setFixedWidth(500)  # a fixed width lets the wrapped texts compute their height
        self.column = QVBoxLayout(self.card)
        self.column.setContentsMargins(28, 24, 28, 24)
        self.column.setSpacing(10)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.busy = QProgressBar(self.card)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.setAccessibleName(self.tr("Working"))
        self.busy.hide()
        self.error = QLabel(self.card)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b; font-weight: bold")
        self.error.setAccessibleName(self.tr("Message"))
        self.error.hide()

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for cls in (QLineEdit, QPushButton, QCheckBox):
            for w in self.card.findChildren(cls):
                w.setEnabled(not busy)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class UnlockScreen(_Card):
    """Also the lock screen: it shows no client data, only the diary's folder state and a passphrase box."""

    unlocked = Signal(object)  # Diary
    restore_requested = Signal()

    def __init__(self, data_dir: Path, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data_dir, self._runner = data_dir, runner
        self.accepted_at = 0.0
        self.restore_button = QPushButton(self.tr("Restore from a &backup…"), self.card)
        self.restore_button.setFlat(True)
        accessible(self.restore_button, self.tr("Restore from a backup"))
        self.restore_button.clicked.connect(self.restore_requested.emit)
        self.title = heading("Athena", self.card, size=1.8)
        self.message = QLabel(self.tr("The diary is locked. Enter your passphrase to open it."), self.card)
        self.message.setWordWrap(True)
        self.passphrase = QLineEdit(self.card)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        accessible(self.passphrase, self.tr("Passphrase"))
        label = QLabel(self.tr("&Passphrase"), self.card)
        label.setBuddy(self.passphrase)
        self.button = QPushButton(self.tr("&Unlock"), self.card)
        self.button.setDefault(True)
        accessible(self.button, self.tr("Unlock"))
        for w in (self.title, self.message, label, self.passphrase, self.busy, self.error, self.button,
                  self.restore_button):
            self.column.addWidget(w)
        self.button.clicked.connect(self.submit)
        self.passphrase.returnPressed.connect(self.submit)

    def set_locked_message(self, locked: bool) -> None:
        self.message.setText(self.tr("Locked. Enter your passphrase to continue.") if locked else
                             self.tr("The diary is locked. Enter your passphrase to open it."))

    def reset(self) -> None:
        self.passphrase.clear()
        self.error.hide()
        self.set_busy(False)
        self.passphrase.setFocus()

    def submit(self) -> None:
        text = self.passphrase.text()
        if not text or self.busy.isVisible():
            return
        self.error.hide()
        self.set_busy(True)
        # What exists now (modules, the window) lives as long as the process: keep it out of the collector's
        # full passes (unfrozen again after a lock), and pause the collector while the diary opens and fills
        # its first screen (on again when the workspace is ready, on a wrong passphrase, and after a lock).
        gc.freeze()
        gc.disable()
        self._runner.run(open_existing, self._data_dir, text, on_done=self._done, on_error=self._failed)

    def _done(self, diary: Diary) -> None:
        self.accepted_at = time.perf_counter()  # the passphrase was right and the store is open (bench)
        self.passphrase.clear()
        self.set_busy(False)
        self.unlocked.emit(diary)

    def _failed(self, exc: Exception) -> None:
        gc.enable()
        self.set_busy(False)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        self.show_error(self.tr("Wrong passphrase.") if isinstance(exc, WrongPassphrase) else error_text(exc))


class CreateDiaryScreen(_Card):
    created = Signal(object)  # Diary

    def __init__(self, data_dir: Path, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data_dir, self._runner = data_dir, runner
        title = heading(self.tr("Create your diary"), self.card, size=1.6)
        intro = QLabel(self.tr("Athena keeps everything encrypted on this computer. Choose a passphrase of "
                               "several words that only you know."), self.card)
        intro.setWordWrap(True)
        warning = QLabel(self.tr("Important: a forgotten passphrase cannot be recovered. Without it, nobody "
                                 "— not even the IT department — can open the diary."), self.card)
        warning.setWordWrap(True)
        warning.setStyleSheet("font-weight: bold")
        warning.setAccessibleName(self.tr("Warning"))
        self.pass1 = QLineEdit(self.card)
        self.pass2 = QLineEdit(self.card)
        for edit, name in ((self.pass1, self.tr("Passphrase")), (self.pass2, self.tr("Repeat the passphrase"))):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            accessible(edit, name)
        self.meter = QProgressBar(self.card)
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(10)
        accessible(self.meter, self.tr("Passphrase strength"))
        self.feedback = QLabel(self.card)
        self.feedback.setWordWrap(True)
        self.name = QLineEdit(self.card)
        accessible(self.name, self.tr("Your name"))
        self.title_edit = QLineEdit(self.tr("Women's support worker"), self.card)
        accessible(self.title_edit, self.tr("Your title"))
        self.women = QCheckBox(self.tr("Women's support"), self.card)
        self.women.setChecked(True)
        self.men = QCheckBox(self.tr("Men's support"), self.card)
        self.lead = QCheckBox(self.tr("I am the team lead (log follow-up and retention)"), self.card)
        self.lead.setToolTip(self.tr("For this diary's own log; in a synced team the team names its leads."))
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase"), self.pass1)
        form.addRow(self.tr("&Repeat"), self.pass2)
        form.addRow(self.tr("Strength"), self.meter)
        form.addRow("", self.feedback)
        form.addRow(self.tr("Your &name"), self.name)
        form.addRow(self.tr("Your &title"), self.title_edit)
        form.addRow(self.tr("Track"), self.women)
        form.addRow("", self.men)
        form.addRow(self.tr("Role"), self.lead)
        self.button = QPushButton(self.tr("&Create diary"), self.card)
        self.button.setDefault(True)
        accessible(self.button, self.tr("Create diary"))
        for w in (title, intro, warning):
            self.column.addWidget(w)
        self.column.addLayout(form)
        for widget in (self.busy, self.error, self.button):
            self.column.addWidget(widget)
        self.pass1.textChanged.connect(self._rate)
        self.women.toggled.connect(self._track_chosen)
        self.men.toggled.connect(self._track_chosen)
        self.button.clicked.connect(self.submit)
        self.pass2.returnPressed.connect(self.submit)
        self._rate("")

    def _track_chosen(self, _checked: bool) -> None:
        """The suggested title follows the track while she has not written her own."""
        suggested = {self.tr("Women's support worker"), self.tr("Men's support worker")}
        if self.title_edit.text() in suggested:
            men_only = self.men.isChecked() and not self.women.isChecked()
            self.title_edit.setText(self.tr("Men's support worker") if men_only else self.tr("Women's support worker"))

    def _rate(self, text: str) -> None:
        s = strength.strength(text, [self.name.text()] if self.name.text() else None)
        self.meter.setValue(s.score)
        self.meter.setAccessibleDescription(str(s.score))
        self.feedback.setText(core_tr(s.feedback))

    def submit(self) -> None:
        p1, p2 = self.pass1.text(), self.pass2.text()
        s = strength.strength(p1, [self.name.text()] if self.name.text() else None)
        if not s.acceptable:
            self.show_error(core_tr(s.feedback))
            return
        if p1 != p2:
            self.show_error(self.tr("The two passphrases are not the same."))
            return
        if not self.name.text().strip():
            self.show_error(self.tr("Write your name: it signs your diary entries."))
            return
        tracks = {t for t, box in ((Compartment.WOMEN.value, self.women), (Compartment.MEN.value, self.men))
                  if box.isChecked()}
        if not tracks:
            self.show_error(self.tr("Choose at least one track."))
            return
        worker = Worker(self.name.text().strip(), self.title_edit.text().strip(), frozenset(tracks))
        self.error.hide()
        self.set_busy(True)
        self._runner.run(create_new, self._data_dir, p1, worker, self.lead.isChecked(), on_done=self._done,
                         on_error=self._failed)

    def _done(self, diary: Diary) -> None:
        self.pass1.clear()
        self.pass2.clear()
        self.set_busy(False)
        self.created.emit(diary)

    def _failed(self, exc: Exception) -> None:
        gc.enable()
        self.set_busy(False)
        self.show_error(error_text(exc))
