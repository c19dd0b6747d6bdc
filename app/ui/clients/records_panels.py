"""Nätverk, Barn and Rättegång: one small list-and-form panel, configured per kind of record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.clients import records
from app.services.context import Diary
from app.ui import labels
from app.ui.common import TypedDateEdit, TypedDateTimeEdit, fmt_date, from_qdate, show_error, to_qdate
from app.ui.session import SessionRunner


@dataclass(frozen=True)
class Field:
    key: str
    label: Callable[[], str]
    kind: str = "text"  # text | long | choice | date | datetime | bool | int
    choices: tuple[str, ...] = ()
    choice_label: Callable[[str], str] = str
    in_table: bool = False


@dataclass(frozen=True)
class RecordKind:
    kind: str  # records.KINDS key
    fields: list[Field] = field(default_factory=list)


NETWORK = RecordKind("network", [
    Field("name", lambda: QCoreApplication.translate("Records", "Name"), in_table=True),
    Field("relation", lambda: QCoreApplication.translate("Records", "Relation"), in_table=True),
    Field("safety", lambda: QCoreApplication.translate("Records", "Safe for her?"), "choice",
          ("unknown", "safe", "unsafe"), labels.safety, in_table=True),
    Field("how_to_reach", lambda: QCoreApplication.translate("Records", "How to reach")),
    Field("note", lambda: QCoreApplication.translate("Records", "Note"), "long"),
])

CHILDREN = RecordKind("children", [
    Field("name", lambda: QCoreApplication.translate("Records", "Name"), in_table=True),
    Field("birth_year", lambda: QCoreApplication.translate("Records", "Birth year"), "int", in_table=True),
    Field("trappan_status", lambda: QCoreApplication.translate("Records", "Trappan talks"), "choice",
          ("not_informed", "informed", "linked", "declined"), labels.trappan, in_table=True),
    Field("trappan_informed_on", lambda: QCoreApplication.translate("Records", "Informed on"), "date"),
    Field("trappan_linked_on", lambda: QCoreApplication.translate("Records", "Linked on"), "date"),
    Field("trappan_declined_reason", lambda: QCoreApplication.translate("Records", "Why Trappan did not happen")),
    Field("guardian_consent", lambda: QCoreApplication.translate("Records", "Guardians consent"), "choice",
          ("unknown", "yes", "no"), labels.consent),
    Field("note", lambda: QCoreApplication.translate("Records", "Note"), "long"),
])

COURT = RecordKind("court", [
    Field("starts_at", lambda: QCoreApplication.translate("Records", "Date and time"), "datetime", in_table=True),
    Field("court", lambda: QCoreApplication.translate("Records", "Court"), in_table=True),
    Field("case_number", lambda: QCoreApplication.translate("Records", "Case number"), in_table=True),
    Field("place", lambda: QCoreApplication.translate("Records", "Room")),
    Field("meeting_point", lambda: QCoreApplication.translate("Records", "Meeting point")),
    Field("counsel", lambda: QCoreApplication.translate("Records", "Counsel for the injured party")),
    Field("prosecutor", lambda: QCoreApplication.translate("Records", "Prosecutor")),
    Field("accompanied_by", lambda: QCoreApplication.translate("Records", "Accompanied by")),
    Field("safe_entry_exit", lambda: QCoreApplication.translate("Records", "Safe entry and exit arranged"), "bool"),
    Field("separate_waiting_room", lambda: QCoreApplication.translate("Records", "Separate waiting room"), "bool"),
    Field("outcome", lambda: QCoreApplication.translate("Records", "Outcome"), "long"),
])


class RecordPanel(QWidget):
    changed = Signal()

    def __init__(self, spec: RecordKind, diary: Diary, runner: SessionRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._spec, self._diary, self._runner = spec, diary, runner
        self._client_id: str | None = None
        self._rows: list[dict[str, Any]] = []
        self._editing: str | None = None
        cols = [f for f in spec.fields if f.in_table]
        self._cols = cols
        self.table = QTableWidget(0, len(cols), self)
        self.table.setHorizontalHeaderLabels([f.label() for f in cols])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Stored records"))
        self.inputs: dict[str, QWidget] = {}
        form_box = QWidget(self)
        form = QFormLayout(form_box)
        for f in spec.fields:
            w = self._make_input(f, form_box)
            w.setAccessibleName(f.label())
            self.inputs[f.key] = w
            form.addRow(f.label(), w)
        self.new = QPushButton(self.tr("&New"), self)
        self.save = QPushButton(self.tr("Sa&ve"), self)
        self.delete = QPushButton(self.tr("Delete"), self)
        for b in (self.new, self.save, self.delete):
            b.setAccessibleName(b.text().replace("&", ""))
        buttons = QHBoxLayout()
        self.buttons = buttons
        buttons.addWidget(self.new)
        buttons.addStretch(1)
        buttons.addWidget(self.delete)
        buttons.addWidget(self.save)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(form_box)
        rl.addStretch(1)
        rl.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(split)
        self.table.currentCellChanged.connect(lambda row, *_: self._load_row(row))
        self.new.clicked.connect(self._clear_form)
        self.save.clicked.connect(self._save)
        self.delete.clicked.connect(self._delete)
        self._clear_form()

    def _make_input(self, f: Field, parent: QWidget) -> QWidget:
        if f.kind == "choice":
            combo = QComboBox(parent)
            for code in f.choices:
                combo.addItem(f.choice_label(code), code)
            return combo
        if f.kind == "date":
            d = TypedDateEdit(parent)
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setSpecialValueText("–")
            d.setMinimumDate(to_qdate(date(1990, 1, 1)))
            return d
        if f.kind == "datetime":
            dt = TypedDateTimeEdit(parent)
            dt.setCalendarPopup(True)
            dt.setDisplayFormat("yyyy-MM-dd HH:mm")
            return dt
        if f.kind == "bool":
            return QCheckBox(parent)
        if f.kind == "long":
            t = QPlainTextEdit(parent)
            t.setTabChangesFocus(True)
            t.setMaximumHeight(80)
            return t
        return QLineEdit(parent)

    # --- data ----------------------------------------------------------------------------------------
    def set_client(self, client_id: str | None) -> None:
        self._client_id = client_id
        self._rows = []
        self.table.setRowCount(0)
        self._clear_form()
        self.setEnabled(client_id is not None)
        if client_id is not None:
            self.reload()

    def reload(self) -> None:
        cid = self._client_id
        if cid is None:
            return
        self._runner.run(records.list_for_client, self._diary, self._spec.kind, cid,
                         on_done=lambda rows: self._show(cid, rows), on_error=lambda e: show_error(self, e))

    def _show(self, client_id: str, rows: list[dict[str, Any]]) -> None:
        if client_id != self._client_id:
            return
        self._rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, f in enumerate(self._cols):
                self.table.setItem(r, c, QTableWidgetItem(self._cell(f, row.get(f.key))))

    @staticmethod
    def _cell(f: Field, value: Any) -> str:
        if value is None or value == "":
            return "–"
        if f.kind == "choice":
            return f.choice_label(str(value))
        if isinstance(value, date | datetime):
            return fmt_date(value)
        return str(value)

    def _clear_form(self) -> None:
        self._editing = None
        self.table.clearSelection()
        for f in self._spec.fields:
            self._set_input(f, None)
        self.delete.setEnabled(False)

    def _set_input(self, f: Field, value: Any) -> None:
        w = self.inputs[f.key]
        if isinstance(w, QComboBox):
            w.setCurrentIndex(max(0, w.findData(value)))
        elif isinstance(w, QDateTimeEdit) and f.kind == "datetime":
            v = value or datetime.now().replace(hour=9, minute=0, second=0, microsecond=0)
            w.setDateTime(QDateTime(to_qdate(v.date()), QTime(v.hour, v.minute)))
        elif isinstance(w, QDateEdit):
            w.setDate(to_qdate(value) if value else w.minimumDate())
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(str(value or ""))
        elif isinstance(w, QLineEdit):
            w.setText("" if value is None else str(value))

    def _get_input(self, f: Field) -> Any:
        w = self.inputs[f.key]
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QDateEdit) and f.kind == "date":
            return None if w.date() == w.minimumDate() else from_qdate(w.date())
        if isinstance(w, QDateTimeEdit):
            return w.dateTime().toString("yyyy-MM-dd HH:mm")
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QLineEdit):
            return w.text()
        return None

    def _load_row(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        data = self._rows[row]
        self._editing = data["id"]
        for f in self._spec.fields:
            self._set_input(f, data.get(f.key))
        self.delete.setEnabled(True)

    def _done(self, _result: object = None) -> None:
        self._clear_form()
        self.reload()
        self.changed.emit()

    def _save(self) -> None:
        if self._client_id is None:
            return
        values = {f.key: self._get_input(f) for f in self._spec.fields}
        err = lambda e: show_error(self, e)  # noqa: E731
        if self._editing is None:
            self._runner.run(records.add, self._diary, self._spec.kind, self._client_id, values,
                             on_done=self._done, on_error=err)
        else:
            self._runner.run(records.update, self._diary, self._spec.kind, self._editing, values,
                             on_done=self._done, on_error=err)

    def _delete(self) -> None:
        if self._editing is not None:
            self._runner.run(records.delete, self._diary, self._spec.kind, self._editing, on_done=self._done,
                             on_error=lambda e: show_error(self, e))


def network_panel(diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> RecordPanel:
    return RecordPanel(NETWORK, diary, runner, parent)


def children_panel(diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> RecordPanel:
    return RecordPanel(CHILDREN, diary, runner, parent)


class CourtPanel(RecordPanel):
    """Rättegång, with the court-day sheet printed from the chosen date."""

    def __init__(self, diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> None:
        super().__init__(COURT, diary, runner, parent)
        self.print_sheet = QPushButton(self.tr("&Print court-day sheet…"), self)
        self.print_sheet.setAccessibleName(self.tr("Print court-day sheet"))
        self.print_sheet.setEnabled(False)
        self.buttons.insertWidget(1, self.print_sheet)
        self.print_sheet.clicked.connect(self.open_print)
        self.sheet_dialog: QWidget | None = None

    def _load_row(self, row: int) -> None:
        super()._load_row(row)
        self.print_sheet.setEnabled(self._editing is not None)

    def _clear_form(self) -> None:
        super()._clear_form()
        if hasattr(self, "print_sheet"):
            self.print_sheet.setEnabled(False)

    def open_print(self) -> None:
        if self._editing is None:
            return
        from app.ui.printing.documents import CourtDayDialog  # reportlab: imported when first printed

        dialog = CourtDayDialog(self._diary, self._runner, self._editing, self)
        dialog.finished.connect(dialog.deleteLater)
        self.sheet_dialog = dialog
        dialog.open()


def court_panel(diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> RecordPanel:
    return CourtPanel(diary, runner, parent)
