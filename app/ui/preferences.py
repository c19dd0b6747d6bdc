"""Preferences kept in QSettings: language and idle minutes. Never any client data here."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from app.ui.common import accessible
from app.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES

DEFAULT_IDLE_MINUTES = 5


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
        try:
            return max(1, min(120, int(self._s.value("lock/idle_minutes", DEFAULT_IDLE_MINUTES))))
        except (TypeError, ValueError):
            return DEFAULT_IDLE_MINUTES

    @idle_minutes.setter
    def idle_minutes(self, value: int) -> None:
        self._s.setValue("lock/idle_minutes", max(1, min(120, int(value))))

    def sync(self) -> None:
        self._s.sync()


class PreferencesDialog(QDialog):
    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox(self)
        self.language.addItem("Svenska", "sv")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        accessible(self.language, self.tr("Language"))
        self.idle = QSpinBox(self)
        self.idle.setRange(1, 120)
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
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def apply_to(self, prefs: Preferences) -> None:
        prefs.language = self.language.currentData()
        prefs.idle_minutes = self.idle.value()
        prefs.sync()
