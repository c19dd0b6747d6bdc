"""Forms of the men's track: a man in contact, a talk, an onward referral, closing, a dated step."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from app import reference
from app.services.mens_track import men
from app.services.mens_track.men import ManInput, ManView
from app.ui.clients.dialogs import _FormDialog, date_edit
from app.ui.common import from_qdate, to_qdate
from app.ui.mens_track import labels

ONWARD = ["Mansmottagningen", "Beroendevården", "Psykiatrin", "Relationsvåld Centrum", "Frivården"]


W = TypeVar("W", bound=QWidget)


def _row(dialog: _FormDialog, label: str, widget: W) -> W:
    """The form row, typed as the widget put in it."""
    dialog.row(label, widget)
    return widget


def _combo(parent: QWidget, items: list[tuple[str, str]]) -> QComboBox:
    box = QComboBox(parent)
    for code, text in items:
        box.addItem(text, code)
    return box


def _select(box: QComboBox, code: str) -> None:
    box.setCurrentIndex(max(0, box.findData(code)))


class ManDialog(_FormDialog):
    """A man in contact: new, or his details changed."""

    def __init__(self, today: date, parent: QWidget | None = None, current: ManView | None = None) -> None:
        super().__init__(self.tr("New man in contact") if current is None else self.tr("Edit details"), parent)
        self.current = current
        self.name = _row(self, self.tr("&Name"), QLineEdit(self))
        self.source = _row(self, self.tr("Referral &source"),
                               _combo(self, [(c, labels.source(c)) for c in men.REFERRAL_SOURCES]))
        self.referred_by = _row(self, self.tr("Referred &by"), QLineEdit(self))
        self.referred_by.setPlaceholderText(self.tr("e.g. the unit or case officer (optional)"))
        self.district = _row(self, self.tr("&District"), _combo(
            self, [("", self.tr("(not given)"))] + [(d, d) for d in reference.districts()]))
        self.phone = _row(self, self.tr("P&hone"), QLineEdit(self))
        self.pnr = _row(self, self.tr("&Personal number"), QLineEdit(self))
        self.pnr.setPlaceholderText(self.tr("YYYYMMDD-NNNN (optional)"))
        self.first = _row(self, self.tr("&First contact"), date_edit(self, today, ""))
        self.first.setMaximumDate(to_qdate(today))
        self.note = _row(self, self.tr("Note"), QPlainTextEdit(self))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(60)
        self.valid_from = _row(self, self.tr("Changes &valid from"), date_edit(self, today, ""))
        self.valid_from.setMaximumDate(to_qdate(today))
        self.valid_from.setToolTip(self.tr("A new referral source or district counts from this day on; reports "
                                           "for periods that ended before keep the old one."))
        self.valid_from.setVisible(current is not None)
        label = self.form.labelForField(self.valid_from)
        if label is not None:
            label.setVisible(current is not None)
        if current is not None:
            self.name.setText(current.name)
            _select(self.source, current.referral_source)
            self.referred_by.setText(current.referred_by)
            _select(self.district, current.district)
            self.phone.setText(current.phone)
            self.pnr.setText(current.personal_number or "")
            if current.first_contact_on:
                self.first.setDate(to_qdate(current.first_contact_on))
            self.note.setPlainText(current.note)
        self.resize(480, self.sizeHint().height())

    def value(self) -> Any:
        data = ManInput(name=self.name.text(), referral_source=str(self.source.currentData()),
                        referred_by=self.referred_by.text(), district=str(self.district.currentData() or ""),
                        phone=self.phone.text(), personal_number=self.pnr.text().strip() or None,
                        first_contact_on=from_qdate(self.first.date()), note=self.note.toPlainText())
        if self.current is not None:
            return dict(data=data, effective_on=from_qdate(self.valid_from.date()))
        return dict(name=data.name, referral_source=data.referral_source, referred_by=data.referred_by,
                    district=data.district, phone=data.phone, personal_number=data.personal_number,
                    first_contact_on=data.first_contact_on, note=data.note)


class TalkDialog(_FormDialog):
    """One talk of the series: date, VASKA themes or the team's own theme, length, attendance, noted risk."""

    def __init__(self, today: date, number: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Talk {n}").format(n=number), parent)
        self.held_on = _row(self, self.tr("&Date"), date_edit(self, today, ""))
        self.held_on.setMaximumDate(to_qdate(today))
        method = QWidget(self)
        row = QHBoxLayout(method)
        row.setContentsMargins(0, 0, 0, 0)
        self.vaska = QRadioButton(self.tr("&VASKA"), method)
        self.own = QRadioButton(self.tr("The team's &own method"), method)
        self.vaska.setChecked(True)
        group = QButtonGroup(method)
        group.addButton(self.vaska)
        group.addButton(self.own)
        row.addWidget(self.vaska)
        row.addWidget(self.own)
        row.addStretch(1)
        _row(self, self.tr("Method"), method)
        themes = QWidget(self)
        grid = QGridLayout(themes)
        grid.setContentsMargins(0, 0, 0, 0)
        self.themes: dict[str, QCheckBox] = {}
        for i, code in enumerate(men.VASKA):
            box = QCheckBox(labels.theme(code), themes)
            box.setAccessibleName(labels.theme(code))
            grid.addWidget(box, i // 3, i % 3)
            self.themes[code] = box
        _row(self, self.tr("VASKA themes"), themes)
        self.own_theme = _row(self, self.tr("&Theme"), QLineEdit(self))
        self.own_theme.setPlaceholderText(self.tr("the theme in the team's own method"))
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, 600)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" min"))
        _row(self, self.tr("D&uration"), self.minutes)
        self.attendance = _row(self, self.tr("&Attendance"),
                                   _combo(self, [(c, labels.attendance(c)) for c in men.ATTENDANCE]))
        self.risk_partner = _row(self, self.tr("Risk to &partner"),
                                     _combo(self, [(c, labels.risk(c)) for c in men.RISK_LEVELS]))
        self.risk_children = _row(self, self.tr("Risk to &children"),
                                      _combo(self, [(c, labels.risk(c)) for c in men.RISK_LEVELS]))
        self.text = _row(self, self.tr("&Notes"), QPlainTextEdit(self))
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(90)
        self.vaska.toggled.connect(self._method_changed)
        self._method_changed()
        self.resize(520, self.sizeHint().height())

    def _method_changed(self) -> None:
        vaska = self.vaska.isChecked()
        for box in self.themes.values():
            box.setEnabled(vaska)
        self.own_theme.setEnabled(not vaska)

    def value(self) -> dict[str, Any]:
        vaska = self.vaska.isChecked()
        return dict(held_on=from_qdate(self.held_on.date()), method="vaska" if vaska else "own",
                    themes=[c for c, box in self.themes.items() if box.isChecked()] if vaska else [],
                    own_theme="" if vaska else self.own_theme.text(), duration_minutes=self.minutes.value(),
                    attendance=str(self.attendance.currentData()),
                    risk_partner=str(self.risk_partner.currentData()),
                    risk_children=str(self.risk_children.currentData()), text=self.text.toPlainText())


class ReferDialog(_FormDialog):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Refer on"), parent)
        self.to = QComboBox(self)
        self.to.setEditable(True)
        self.to.addItems(ONWARD)
        self.to.setCurrentText("")
        _row(self, self.tr("Referred on &to"), self.to)
        self.on = _row(self, self.tr("&Date"), date_edit(self, today, ""))
        self.on.setMaximumDate(to_qdate(today))
        self.resize(420, self.sizeHint().height())

    def value(self) -> dict[str, Any]:
        return dict(to=self.to.currentText(), on=from_qdate(self.on.date()))


class CloseManDialog(_FormDialog):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Close his case"), parent)
        self.outcome = _row(self, self.tr("&Outcome"), _combo(self, [(c, labels.outcome(c)) for c in men.OUTCOMES]))
        self.on = _row(self, self.tr("Closing &date"), date_edit(self, today, ""))
        self.on.setMaximumDate(to_qdate(today))
        self.resize(420, self.sizeHint().height())

    def value(self) -> dict[str, Any]:
        return dict(outcome=str(self.outcome.currentData()), on=from_qdate(self.on.date()))


class DatedStepDialog(_FormDialog):
    """A step that only needs its date: registering the case, opening or closing an investigation."""

    def __init__(self, title: str, label: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.on = _row(self, label, date_edit(self, today, ""))
        self.on.setMaximumDate(to_qdate(today))
        self.resize(380, self.sizeHint().height())

    def value(self) -> dict[str, Any]:
        return dict(on=from_qdate(self.on.date()))


class OtherHelpDialog(_FormDialog):
    def __init__(self, current: ManView, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Needs other help"), parent)
        self.needed = _row(self, self.tr("Other help"), QCheckBox(self.tr("He needs other help than the talks"), self))
        self.needed.setChecked(current.needs_other_help)
        self.note = _row(self, self.tr("&Which help"), QLineEdit(current.other_help_note, self))
        self.note.setPlaceholderText(self.tr("e.g. addiction care, psychiatry, debt counselling"))
        self.on = _row(self, self.tr("&Valid from"), date_edit(self, today, ""))
        self.on.setMaximumDate(to_qdate(today))
        self.resize(440, self.sizeHint().height())

    def value(self) -> dict[str, Any]:
        return dict(needed=self.needed.isChecked(), note=self.note.text(), effective_on=from_qdate(self.on.date()))
