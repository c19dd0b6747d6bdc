"""Fields kept in two versions after a sync: the list, choosing one, and the client view's banner.

Every read and every resolution runs on the session's database thread; the dialog only shows results.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.context import Diary
from app.services.sync import conflicts
from app.services.sync.conflicts import DELETED, Conflict
from app.services.sync.settings import OpenConflict, open_conflicts
from app.ui import labels
from app.ui.common import accessible, heading, show_error
from app.ui.labels import local_time
from app.ui.session import SessionRunner

_CONFLICT, _VERSION = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1


def kind_label(entity: str) -> str:
    # Literal translate calls, so that pyside6-lupdate finds every label.
    labels = {
        "clients": QCoreApplication.translate("SyncConflicts", "Client"),
        "network_contacts": QCoreApplication.translate("SyncConflicts", "Network contact"),
        "children": QCoreApplication.translate("SyncConflicts", "Child"),
        "cases": QCoreApplication.translate("SyncConflicts", "Case"),
        "decisions": QCoreApplication.translate("SyncConflicts", "Decision"),
        "extensions": QCoreApplication.translate("SyncConflicts", "Extension"),
        "legal_references": QCoreApplication.translate("SyncConflicts", "Legal reference"),
        "diary_entries": QCoreApplication.translate("SyncConflicts", "Diary entry"),
        "court_appointments": QCoreApplication.translate("SyncConflicts", "Court date"),
        "safety_plan_versions": QCoreApplication.translate("SyncConflicts", "Safety plan"),
        "risk_assessments": QCoreApplication.translate("SyncConflicts", "Risk assessment"),
        "incidents": QCoreApplication.translate("SyncConflicts", "Incident"),
        "men_clients": QCoreApplication.translate("SyncConflicts", "Client (men's track)"),
        "men_talks": QCoreApplication.translate("SyncConflicts", "Talk (men's track)"),
    }
    return labels.get(entity, entity)


def field_label(field: str) -> str:
    if field == DELETED:
        return QCoreApplication.translate("SyncConflicts", "deleted on one laptop, changed on another")
    common = {
        "name": QCoreApplication.translate("SyncConflicts", "Name"),
        "personal_number": QCoreApplication.translate("SyncConflicts", "Personal identity number"),
        "phone": QCoreApplication.translate("SyncConflicts", "Phone"),
        "email": QCoreApplication.translate("SyncConflicts", "E-mail"),
        "address": QCoreApplication.translate("SyncConflicts", "Address"),
        "postal_code": QCoreApplication.translate("SyncConflicts", "Postal code"),
        "city": QCoreApplication.translate("SyncConflicts", "City"),
        "contact_note": QCoreApplication.translate("SyncConflicts", "How to contact"),
        "languages": QCoreApplication.translate("SyncConflicts", "Languages"),
        "interpreter_needed": QCoreApplication.translate("SyncConflicts", "Interpreter needed"),
        "status": QCoreApplication.translate("SyncConflicts", "Status"),
        "text": QCoreApplication.translate("SyncConflicts", "Text"),
        "note": QCoreApplication.translate("SyncConflicts", "Note"),
    }
    return common.get(field) or labels.field(field)


def value_text(value: object) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return (QCoreApplication.translate("SyncConflicts", "yes") if value
                else QCoreApplication.translate("SyncConflicts", "no"))
    return str(value)


time_text = local_time  # the trail and the conflicts show stored UTC times in her own clock


class ConflictsDialog(QDialog):
    resolved = Signal()  # a choice was saved: the status bar and the client view may show less

    def __init__(self, diary: Diary, runner: SessionRunner, client_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary, self._runner, self._client_id = diary, runner, client_id
        self.setWindowTitle(self.tr("Two versions"))
        self.intro = QLabel(self.tr(
            "Two workers changed the same details before their laptops synced. Athena keeps both versions and "
            "shows the first one until you choose. Your choice travels to the team at the next sync."), self)
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Record / version"), self.tr("Field"), self.tr("Value"),
                                   self.tr("Written by"), self.tr("Device"), self.tr("Time")])
        accessible(self.tree, self.tr("Details kept in two versions"))
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.empty = QLabel(self.tr("Nothing to choose: every detail has one version."), self)
        self.keep_version = QPushButton(self.tr("&Keep this version"), self)
        accessible(self.keep_version, self.tr("Keep the selected version"))
        self.keep_record = QPushButton(self.tr("Keep the &record"), self)
        self.delete_record = QPushButton(self.tr("&Delete the record"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for b in (self.keep_version, self.keep_record, self.delete_record):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Details kept in two versions"), self))
        layout.addWidget(self.intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.keep_version.clicked.connect(self._keep_version)
        self.keep_record.clicked.connect(lambda: self._deletion(True))
        self.delete_record.clicked.connect(lambda: self._deletion(False))
        self.resize(900, 420)
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        self._runner.run(open_conflicts, self._diary, self._client_id, on_done=self._show,
                         on_error=lambda e: show_error(self, e))

    def _show(self, found: list[OpenConflict]) -> None:
        self.tree.clear()
        for item in found:
            c = item.conflict
            kind = kind_label(c.entity)
            if item.client_name and self._client_id is None:
                kind = f"{item.client_name} – {kind}"
            top = QTreeWidgetItem([kind, field_label(c.field),
                                   self.tr("{n} versions").format(n=c.count), "", "", ""])
            top.setData(0, _CONFLICT, c)
            for i, v in enumerate(c.versions):
                name = self.tr("Shown now") if i == 0 else self.tr("Version {n}").format(n=i + 1)
                child = QTreeWidgetItem([name, "", value_text(v.value), v.author, v.device[:8],
                                         time_text(v.at)])
                child.setData(0, _CONFLICT, c)
                child.setData(0, _VERSION, i)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        for col in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(col)
        self.tree.setVisible(bool(found))
        self.empty.setVisible(not found)
        if found and (first := self.tree.topLevelItem(0)) is not None:
            self.tree.setCurrentItem(first.child(0) or first)
        self._update_buttons()

    def _selected(self) -> tuple[Conflict | None, int | None]:
        item = self.tree.currentItem()
        if item is None:
            return None, None
        return item.data(0, _CONFLICT), item.data(0, _VERSION)

    def _update_buttons(self) -> None:
        c, version = self._selected()
        deletion = c is not None and c.field == DELETED
        self.keep_version.setVisible(not deletion)
        self.keep_version.setEnabled(c is not None and version is not None)
        self.keep_record.setVisible(deletion)
        self.delete_record.setVisible(deletion)

    def _saved(self, _: object = None) -> None:
        self.resolved.emit()
        self.reload()

    def _keep_version(self) -> None:
        c, version = self._selected()
        if c is None or version is None or c.field == DELETED:
            return
        self._runner.run(conflicts.resolve, self._diary, c.entity, c.entity_id,
                         c.field, version, on_done=self._saved, on_error=self._failed)

    def _deletion(self, keep: bool) -> None:
        c, _ = self._selected()
        if c is None or c.field != DELETED:
            return
        self._runner.run(conflicts.resolve_deletion, self._diary, c.entity,
                         c.entity_id, keep, on_done=self._saved, on_error=self._failed)

    def _failed(self, exc: Exception) -> None:
        show_error(self, exc)
        self.reload()


class ConflictBanner(QFrame):
    """Above a client's tabs when some of her details are kept in two versions."""

    open_requested = Signal(str)  # client id

    def __init__(self, diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary, self._runner = diary, runner
        self._client_id: str | None = None
        self.setObjectName("conflictBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#conflictBanner { background: #fff4ce; border: 1px solid #d9b400; }")
        self.text = QLabel(self.tr("There are 2 versions of some details for this client."), self)
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("Choose &version…"), self)
        accessible(self.button, self.tr("Show the details kept in two versions"))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.button.clicked.connect(lambda: self._client_id and self.open_requested.emit(self._client_id))
        self.hide()

    def set_client(self, client_id: str | None) -> None:
        self._client_id = client_id
        self.hide()
        self.refresh()

    def refresh(self) -> None:
        client_id = self._client_id
        if client_id is None:
            self.hide()
            return

        def shown(found: list[OpenConflict]) -> None:
            if self._client_id == client_id:
                self.setVisible(bool(found))

        self._runner.run(open_conflicts, self._diary, client_id, on_done=shown)
