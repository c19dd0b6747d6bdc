"""Preferences kept in QSettings: language and idle minutes. Never any client data here.

The district share's location is shown in the same dialog but kept inside the encrypted diary
(app.services.sync.settings): a share path can name a unit or a server, so it never goes to QSettings."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.sync.settings import SyncStatus
from app.ui import labels
from app.ui.common import accessible
from app.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES

DEFAULT_IDLE_MINUTES = 5


def idle_limits() -> tuple[int, int]:
    """(default, longest) idle minutes before locking: IT's ``idle_lock_minutes`` is both, when set (a worker
    may choose a shorter time, never a longer one)."""
    from app.config import machine_config

    it = machine_config().idle_lock_minutes
    return (it, it) if it else (DEFAULT_IDLE_MINUTES, 120)


class Preferences:
    """Typed access to the few settings Athena keeps outside the encrypted diary."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or QSettings("Athena", "Athena")

    @property
    def language(self) -> str:
        value = str(self._s.value("ui/language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value if value in LANGUAGES else DEFAULT_LANGUAGE)

    @property
    def idle_minutes(self) -> int:
        default, most = idle_limits()
        try:
            return max(1, min(most, int(str(self._s.value("lock/idle_minutes", default)))))
        except (TypeError, ValueError):
            return default

    @idle_minutes.setter
    def idle_minutes(self, value: int) -> None:
        self._s.setValue("lock/idle_minutes", max(1, min(idle_limits()[1], int(value))))

    def sync(self) -> None:
        self._s.sync()


class PreferencesDialog(QDialog):
    join_requested = Signal(str, str)  # invitation file, one-time code

    def __init__(self, prefs: Preferences, parent: QWidget | None = None, *,
                 sync: SyncStatus | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox(self)
        self.language.addItem("Svenska", "sv")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        accessible(self.language, self.tr("Language"))
        self.idle = QSpinBox(self)
        self.idle.setRange(1, idle_limits()[1])
        self.idle.setValue(prefs.idle_minutes)
        self.idle.setSuffix(" " + self.tr("min"))
        accessible(self.idle, self.tr("Lock after idle minutes"))
        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("&Lock after"), self.idle)
        hint = QLabel(self.tr("Athena also locks at once with Ctrl+L, and when the computer goes to sleep or "
                              "the screen saver starts."), self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        self.share: QLineEdit | None = None
        self.teams: QLabel | None = None
        self.invite_file: QLineEdit | None = None
        self.invite_code: QLineEdit | None = None
        if sync is not None:
            layout.addWidget(self._sync_box(sync))
        layout.addWidget(buttons)
        self.setMinimumWidth(560 if sync is not None else 420)

    def _sync_box(self, sync: SyncStatus) -> QGroupBox:
        box = QGroupBox(self.tr("District share (sync)"), self)
        self.share = QLineEdit(sync.location, box)
        self.share.setPlaceholderText(self.tr(r"A folder, \\server\share\folder or smb://server/share/folder"))
        accessible(self.share, self.tr("Share location"),
                   self.tr("Kept inside the encrypted diary, not in the computer's settings."))
        if sync.teams:
            lines = [self.tr("{name} ({track}), {n} laptops").format(
                name=t.name, track=labels.track(t.compartment), n=t.members) for t in sync.teams]
            text = self.tr("This diary belongs to:") + "\n" + "\n".join(lines)
        else:
            text = self.tr("This diary is not in a team yet. Ask a team member for an invitation file and, "
                           "separately, its one-time code.")
        self.teams = QLabel(text, box)
        self.teams.setWordWrap(True)
        self.teams.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout(box)
        form.addRow(self.tr("&Share"), self.share)
        form.addRow(self.tr("Team"), self.teams)
        # Join a team: choose the invitation file, type the one-time code.
        self.invite_file = QLineEdit(box)
        self.invite_file.setPlaceholderText(self.tr("The invitation file (.athena-invite)"))
        accessible(self.invite_file, self.tr("Invitation file"))
        browse = QPushButton(self.tr("&Choose…"), box)
        browse.setAutoDefault(False)
        browse.clicked.connect(self._choose_invitation)
        row = QHBoxLayout()
        row.addWidget(self.invite_file, 1)
        row.addWidget(browse)
        self.invite_code = QLineEdit(box)
        self.invite_code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX")
        self.invite_code.setEchoMode(QLineEdit.EchoMode.Password)
        accessible(self.invite_code, self.tr("One-time code"))
        self.join_button = QPushButton(self.tr("&Join the team"), box)
        self.join_button.setAutoDefault(False)
        self.join_button.clicked.connect(self._join)
        self.join_status = QLabel(box)
        self.join_status.setWordWrap(True)
        form.addRow(self.tr("&Invitation"), row)
        form.addRow(self.tr("One-time &code"), self.invite_code)
        form.addRow("", self.join_button)
        form.addRow("", self.join_status)
        return box

    def _choose_invitation(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Invitation file"), "",
                                              self.tr("Invitations (*.athena-invite);;All files (*)"))
        if path and self.invite_file is not None:
            self.invite_file.setText(path)

    def _join(self) -> None:
        if self.invite_file is None or self.invite_code is None:
            return
        path, code = self.invite_file.text().strip(), self.invite_code.text().strip()
        if not path or not code:
            self.join_status.setText(self.tr("Choose the invitation file and type its one-time code."))
            return
        self.join_button.setEnabled(False)
        self.join_status.setText(self.tr("Joining… (checking the code takes a few seconds)"))
        self.join_requested.emit(path, code)

    def joined(self, text: str) -> None:
        """The window's answer: joined (the team line), or why not."""
        self.join_button.setEnabled(True)
        self.join_status.setText(text)
        if self.invite_code is not None:
            self.invite_code.clear()

    def show_teams(self, text: str) -> None:
        if self.teams is not None:
            self.teams.setText(text)

    def share_location(self) -> str | None:
        """The share as typed, or None when the dialog did not show it (the diary is locked)."""
        return self.share.text().strip() if self.share is not None else None

    def apply_to(self, prefs: Preferences) -> None:
        prefs.language = self.language.currentData()
        prefs.idle_minutes = self.idle.value()
        prefs.sync()
