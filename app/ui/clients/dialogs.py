"""Forms that open over the main window: new client, decision, a decision's district, closing a case."""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import reference
from app.services.clients.cases import DecisionInput, DecisionView
from app.services.clients.clients import ClientDetail, ClientInput
from app.services.validation import add_months
from app.ui import labels
from app.ui.common import TypedDateEdit, accessible, error_text, fmt_date, from_qdate, to_qdate
from app.ui.drafts import DraftKeeper, DraftState

W = TypeVar("W", bound=QWidget)


class LanguagePicker(QListWidget):
    """Her languages by name, ticked (the codes are stored)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for lang in reference.languages():
            item = QListWidgetItem(lang.label(), self)
            item.setData(Qt.ItemDataRole.UserRole, lang.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if lang.code == "sv" else Qt.CheckState.Unchecked)
        self.setMaximumHeight(self.sizeHintForRow(0) * 4 + 2 * self.frameWidth())

    def codes(self) -> str:
        return ",".join(str(self.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.count())
                        if self.item(i).checkState() == Qt.CheckState.Checked)

    def set_codes(self, codes: str) -> None:
        wanted = {c.strip() for c in codes.split(",") if c.strip()}
        known = set()
        for i in range(self.count()):
            item = self.item(i)
            code = str(item.data(Qt.ItemDataRole.UserRole))
            known.add(code)
            item.setCheckState(Qt.CheckState.Checked if code in wanted else Qt.CheckState.Unchecked)
        for code in sorted(wanted - known):  # a code not in the list stays, shown as it is
            item = QListWidgetItem(code, self)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)


def date_edit(parent: QWidget, value: date, name: str) -> QDateEdit:
    edit = TypedDateEdit(to_qdate(value), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    accessible(edit, name)
    return edit


class _FormDialog(QDialog):
    submitted = Signal(object)

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    _drafts: DraftKeeper | None = None
    _draft_key = ""
    _draft_editor = ""
    _draft_client: str | None = None
    _initial: dict[str, Any] = {}

    def row(self, label: str, widget: W) -> W:
        self.form.addRow(label, widget)
        widget.setAccessibleName(label.replace("&", ""))
        return widget

    def showEvent(self, event: QShowEvent) -> None:
        """Open with the keyboard in the first field (never on a button: typing a space would press it)."""
        super().showEvent(event)
        first = self.form.itemAt(0, QFormLayout.ItemRole.FieldRole)
        widget = first.widget() if first is not None else None
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- drafts: what she typed survives a lock ------------------------------------------------------------
    def _field_widgets(self) -> dict[str, QWidget]:
        return {k: v for k, v in vars(self).items()
                if isinstance(v, QLineEdit | QPlainTextEdit | QComboBox | QCheckBox | QDateEdit | LanguagePicker)}

    def fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, w in self._field_widgets().items():
            if isinstance(w, QLineEdit):
                out[name] = w.text()
            elif isinstance(w, QPlainTextEdit):
                out[name] = w.toPlainText()
            elif isinstance(w, QComboBox):
                out[name] = w.currentData() if w.currentData() is not None else w.currentText()
            elif isinstance(w, QCheckBox):
                out[name] = w.isChecked()
            elif isinstance(w, QDateEdit):
                out[name] = from_qdate(w.date()).isoformat()
            elif isinstance(w, LanguagePicker):
                out[name] = w.codes()
        return out

    def set_fields(self, values: dict[str, Any]) -> None:
        widgets = self._field_widgets()
        for name, value in values.items():
            w = widgets.get(name)
            if isinstance(w, QLineEdit):
                w.setText(str(value))
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText(str(value))
            elif isinstance(w, QComboBox):
                w.setCurrentIndex(max(0, w.findData(value)))
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QDateEdit):
                with contextlib.suppress(ValueError):
                    w.setDate(to_qdate(date.fromisoformat(str(value))))
            elif isinstance(w, LanguagePicker):
                w.set_codes(str(value))

    def keep_drafts(self, keeper: DraftKeeper | None, key: str, editor: str, client_id: str | None,
                    restore: dict[str, Any] | None = None) -> None:
        """Keep what she types as a draft under ``key``; ``restore``: a kept draft to put back first."""
        self._initial = self.fields()
        if restore:
            self.set_fields(restore)
        if keeper is None:
            return
        self._drafts, self._draft_key, self._draft_editor, self._draft_client = keeper, key, editor, client_id
        signals: list[SignalInstance] = []
        for w in self._field_widgets().values():
            if isinstance(w, QLineEdit | QPlainTextEdit):
                signals.append(w.textChanged)
            elif isinstance(w, QComboBox):
                signals.append(w.currentIndexChanged)
            elif isinstance(w, QCheckBox):
                signals.append(w.toggled)
            elif isinstance(w, QDateEdit):
                signals.append(w.dateChanged)
            elif isinstance(w, LanguagePicker):
                signals.append(w.itemChanged)
        keeper.watch(self, *signals)
        self.rejected.connect(lambda: keeper.saved(self))

    def draft_state(self) -> DraftState | None:
        if not self._draft_key:
            return None
        now = self.fields()
        return DraftState(self._draft_key, self._draft_editor, self._draft_client,
                          now if now != self._initial else {})

    def restore_draft(self, content: dict[str, Any]) -> None:
        self.set_fields(content)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    # OK does not close the dialog by itself: the owner saves in a worker thread, then calls ``finish``
    # (saved) or ``fail`` (the rules said no: the message is shown and the form stays as typed).
    def accept(self) -> None:
        self.buttons.setEnabled(False)
        self.error.hide()
        self.submitted.emit(self.value())

    def finish(self) -> None:
        if self._drafts is not None:
            self._drafts.saved(self)
        super().accept()

    def fail(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.show_error(error_text(exc))

    def value(self) -> Any:
        raise NotImplementedError


class ClientDialog(_FormDialog):
    """New client, or edit an existing one."""

    def __init__(self, parent: QWidget | None = None, current: ClientDetail | None = None) -> None:
        super().__init__(self.tr("New client") if current is None else self.tr("Edit client"), parent)
        self.name = self.row(self.tr("&Name"), QLineEdit(self))
        self.pnr = self.row(self.tr("&Personal number"), QLineEdit(self))
        self.pnr.setPlaceholderText(self.tr("YYYYMMDD-NNNN (optional)"))
        self.protected = self.row(self.tr("Protected &identity"), QComboBox(self))
        for code in ("none", "confidentiality_marking", "protected_registration", "fictitious_identity"):
            self.protected.addItem(labels.protected(code), code)
        self.phone = self.row(self.tr("P&hone"), QLineEdit(self))
        self.address = self.row(self.tr("&Address"), QLineEdit(self))
        self.postal = self.row(self.tr("Postal code"), QLineEdit(self))
        self.city = self.row(self.tr("City"), QLineEdit(self))
        self.langs = self.row(self.tr("&Languages"), LanguagePicker(self))
        self.interpreter = self.row(self.tr("Interpreter"), QCheckBox(self.tr("Interpreter needed"), self))
        self.interpreter_language = self.row(self.tr("Interpreter's language"), QComboBox(self))
        self.interpreter_language.addItem("–", "")
        for lang in reference.languages():
            self.interpreter_language.addItem(lang.label(), lang.code)
        self.interpreter_independent = self.row(
            "", QCheckBox(self.tr("Not a relative, not from her community"), self))
        self.interpreter_independent.setToolTip(self.tr("An interpreter from her family or community may carry "
                                                        "word back: ask the agency for someone independent."))
        self.interpreter.toggled.connect(self._interpreter_toggled)
        self._interpreter_toggled(False)
        if current is not None:
            self.name.setText(current.name)
            self.pnr.setText(current.personal_number or "")
            self.protected.setCurrentIndex(max(0, self.protected.findData(current.protected_identity)))
            self.phone.setText(current.phone)
            self.address.setText(current.address)
            self.postal.setText(current.postal_code)
            self.city.setText(current.city)
            self.langs.set_codes(current.languages)
            self.interpreter.setChecked(current.interpreter_needed)
            self.interpreter_language.setCurrentIndex(max(0, self.interpreter_language.findData(
                current.interpreter_language)))
            self.interpreter_independent.setChecked(current.interpreter_independent)
        self.resize(460, self.sizeHint().height())

    def value(self) -> ClientInput:
        return ClientInput(name=self.name.text(), personal_number=self.pnr.text().strip() or None,
                           protected_identity=self.protected.currentData(), phone=self.phone.text(),
                           address=self.address.text(), postal_code=self.postal.text(), city=self.city.text(),
                           languages=self.langs.codes(), interpreter_needed=self.interpreter.isChecked(),
                           interpreter_language=self.interpreter_language.currentData() or "",
                           interpreter_independent=self.interpreter_independent.isChecked())

    def _interpreter_toggled(self, on: bool) -> None:
        self.interpreter_language.setEnabled(on)
        self.interpreter_independent.setEnabled(on)


class DecisionDialog(_FormDialog):
    def __init__(self, today: date, parent: QWidget | None = None,
                 lists: reference.ReferenceLists | None = None) -> None:
        super().__init__(self.tr("New decision"), parent)
        self._legal_references = lists.legal_references if lists else reference.legal_references()
        self.unit = self.row(self.tr("&Referring unit"), QComboBox(self))
        for u in (lists.referring_units if lists else reference.referring_units()):
            self.unit.addItem(u.label(), u.code)
        self.district = self.row(self.tr("&District"), QComboBox(self))
        for d in (lists.districts if lists else reference.districts()):
            self.district.addItem(d, d)
        self.decided = self.row(self.tr("Decision &date"), date_edit(self, today, ""))
        self.legal = self.row(self.tr("&Legal basis"), QComboBox(self))
        self.intervention = self.row(self.tr("&Intervention"), QComboBox(self))
        for i in reference.interventions():
            self.intervention.addItem(i.label(), i.code)
        self.decided.dateChanged.connect(lambda _d: self._fill_legal())
        self._fill_legal()
        self.starts = self.row(self.tr("&Start of support"), date_edit(self, today, ""))
        self.ends = self.row(self.tr("&End of period"), date_edit(self, add_months(today, 3), ""))
        self.officer = self.row(self.tr("Case &officer"), QLineEdit(self))
        self.note = self.row(self.tr("Note"), QPlainTextEdit(self))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(70)
        self.starts.dateChanged.connect(lambda d: self.ends.setDate(to_qdate(add_months(from_qdate(d), 3))))
        self.resize(460, self.sizeHint().height())

    def value(self) -> DecisionInput:
        return DecisionInput(referring_unit=self.unit.currentData(), district=self.district.currentData(),
                             decided_on=from_qdate(self.decided.date()), starts_on=from_qdate(self.starts.date()),
                             ends_on=from_qdate(self.ends.date()), case_officer=self.officer.text(),
                             legal_basis=self.legal.currentData() or "",
                             intervention=self.intervention.currentData() or "", note=self.note.toPlainText())

    def _fill_legal(self) -> None:
        """The references in force on the decision date: the old SoL before 1 July 2025, the new one after."""
        keep = self.legal.currentData()
        self.legal.blockSignals(True)
        self.legal.clear()
        for r in reference.legal_references_on(from_qdate(self.decided.date()).isoformat(),
                                               self._legal_references):
            self.legal.addItem(r.title, r.code)
        self.legal.setCurrentIndex(max(0, self.legal.findData(keep)))
        self.legal.blockSignals(False)


class DistrictDialog(_FormDialog):
    """Move a decision to another district (she moved, or the district was wrong) from a chosen day on."""

    def __init__(self, today: date, decisions: list[DecisionView], districts: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change district"), parent)
        self.decision = self.row(self.tr("&Decision"), QComboBox(self))
        for d in decisions:
            self.decision.addItem(self.tr("Decision of {day} ({district})").replace("{day}", fmt_date(d.decided_on))
                                  .replace("{district}", d.district), d.id)
        self.decision.setCurrentIndex(len(decisions) - 1)  # the latest, the one in force
        self.decision.setEnabled(len(decisions) > 1)
        self.district = self.row(self.tr("&New district"), QComboBox(self))
        for name in districts:
            self.district.addItem(name, name)
        self.valid_from = self.row(self.tr("&Valid from"), date_edit(self, today, ""))
        self.valid_from.setMaximumDate(to_qdate(today))
        hint = QLabel(self.tr("Reports for periods that ended before this day keep the old district. To correct a "
                              "mistake for every period, give the start of the support."), self)
        hint.setWordWrap(True)
        hint.setEnabled(False)
        self.form.addRow(hint)
        self._decisions = {d.id: d for d in decisions}
        self.decision.currentIndexChanged.connect(lambda _i: self._preselect())
        self._preselect()
        self.resize(460, self.sizeHint().height())

    def _preselect(self) -> None:
        chosen = self._decisions.get(self.decision.currentData())
        if chosen is not None:
            index = self.district.findData(chosen.district)
            if index < 0:  # a district the team's list no longer has: shown as it is
                self.district.addItem(chosen.district, chosen.district)
                index = self.district.count() - 1
            self.district.setCurrentIndex(index)

    def value(self) -> dict[str, Any]:
        return dict(decision_id=self.decision.currentData(), district=self.district.currentData(),
                    effective_on=from_qdate(self.valid_from.date()))


class CloseCaseDialog(_FormDialog):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Close case"), parent)
        self.closed_on = self.row(self.tr("Closing &date"), date_edit(self, today, ""))
        self.reason = self.row(self.tr("&Reason"), QLineEdit(self))
        self.reason.setPlaceholderText(self.tr("e.g. goals reached, moved, declined further support"))
        self.resize(460, self.sizeHint().height())

    def value(self) -> dict[str, Any]:
        return dict(closed_on=from_qdate(self.closed_on.date()), reason=self.reason.text())


def run_dialog(dialog: _FormDialog, runner: Any, fn: Any, *args: Any, on_saved: Any = None,
               **kwargs: Any) -> None:
    """Show ``dialog``; on OK call ``fn(*args, dialog.value() [as kwargs if a dict])`` in a worker thread."""

    def submit(value: Any) -> None:
        def saved(result: Any) -> None:
            dialog.finish()
            if on_saved is not None:
                on_saved(result)

        call_kwargs = {**kwargs, **value} if isinstance(value, dict) else kwargs
        call_args = args if isinstance(value, dict) else (*args, value)
        runner.run(fn, *call_args, on_done=saved, on_error=dialog.fail, **call_kwargs)

    dialog.submitted.connect(submit)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
