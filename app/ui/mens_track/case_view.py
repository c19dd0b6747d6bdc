"""A man's case: his details, the three-talk rule, his series of talks, his status history, and every step
(new talk, registration, investigation, motivation, other help, onward referral, closing) run in a worker."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.context import Diary
from app.services.mens_track import men
from app.services.mens_track.men import ManCase, ManView
from app.ui.clients.dialogs import _FormDialog, run_dialog
from app.ui.common import fmt_date, heading, show_error
from app.ui.mens_track import labels
from app.ui.mens_track.dialogs import (
    CloseManDialog,
    DatedStepDialog,
    ManDialog,
    OtherHelpDialog,
    ReferDialog,
    TalkDialog,
)
from app.ui.session import SessionRunner

TALK_COLUMNS = 8
RULE_STYLE = "QFrame#rule { background: #fff4d6; border: 1px solid #e0b64c; border-radius: 4px; }"


class ManCaseView(QWidget):
    changed = Signal()  # something about him was saved: the list and Idag may show it differently
    loaded = Signal()

    def __init__(self, diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary, self._runner = diary, runner
        self.man_id: str | None = None
        self.case: ManCase | None = None

        self.title = heading("", self, size=1.4)
        self.subtitle = QLabel(self)
        self.rule = QFrame(self)
        self.rule.setObjectName("rule")
        self.rule.setStyleSheet(RULE_STYLE)
        rule_row = QHBoxLayout(self.rule)
        self.rule_text = QLabel(self.tr("He has attended three talks: register him as a case of his own."),
                                self.rule)
        self.rule_text.setWordWrap(True)
        self.register_button = QPushButton(self.tr("&Register as a case…"), self.rule)
        rule_row.addWidget(self.rule_text, 1)
        rule_row.addWidget(self.register_button)
        self.rule.hide()

        actions = QHBoxLayout()
        self.talk_button = QPushButton(self.tr("New &talk…"), self)
        self.edit_button = QPushButton(self.tr("&Edit details…"), self)
        self.investigation_button = QPushButton(self.tr("Open &investigation…"), self)
        self.help_button = QPushButton(self.tr("Other &help…"), self)
        self.refer_button = QPushButton(self.tr("Refer &on…"), self)
        self.close_button = QPushButton(self.tr("&Close case…"), self)
        for b in (self.talk_button, self.edit_button, self.investigation_button, self.help_button,
                  self.refer_button, self.close_button):
            actions.addWidget(b)
        actions.addStretch(1)

        details = QGroupBox(self.tr("His case"), self)
        self.form = QFormLayout(details)
        self.values: dict[str, QLabel] = {}
        for key, text in (("source", self.tr("Referral source")), ("referred_by", self.tr("Referred by")),
                          ("district", self.tr("District")), ("phone", self.tr("Phone")),
                          ("first", self.tr("First contact")), ("investigation", self.tr("Investigation")),
                          ("other_help", self.tr("Other help")), ("registered", self.tr("Own case")),
                          ("referred", self.tr("Referred on")), ("outcome", self.tr("Outcome"))):
            label = QLabel(details)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAccessibleName(text)
            self.form.addRow(text, label)
            self.values[key] = label
        self.motivation = QComboBox(details)
        for code in men.MOTIVATIONS:
            self.motivation.addItem(labels.motivation(code), code)
        self.motivation.setAccessibleName(self.tr("Motivation"))
        self.form.insertRow(6, self.tr("Motivation"), self.motivation)
        history_box = QGroupBox(self.tr("Status history"), self)
        self.history = QListWidget(history_box)
        self.history.setAccessibleName(self.tr("Status history"))
        self.history.setWordWrap(True)
        QVBoxLayout(history_box).addWidget(self.history)
        left = QVBoxLayout()
        left.addWidget(details)
        left.addWidget(history_box, 1)

        talks_box = QGroupBox(self.tr("Talks"), self)
        self.talks = QTableWidget(0, TALK_COLUMNS, talks_box)
        self.talks.setHorizontalHeaderLabels([
            "#", self.tr("Date"), self.tr("Attendance"), self.tr("Theme"), self.tr("Min"),
            self.tr("Risk, partner"), self.tr("Risk, children"), self.tr("Notes")])
        self.talks.verticalHeader().setVisible(False)
        self.talks.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.talks.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.talks.setWordWrap(False)
        self.talks.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.talks.setAccessibleName(self.tr("Talks"))
        header = self.talks.horizontalHeader()
        for c in range(TALK_COLUMNS - 1):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TALK_COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)  # themes may be long: elided
        header.resizeSection(3, 150)
        self.talk_count = QLabel(talks_box)
        self.talk_notes = QPlainTextEdit(talks_box)
        self.talk_notes.setReadOnly(True)
        self.talk_notes.setPlaceholderText(self.tr("Choose a talk to read its notes."))
        self.talk_notes.setAccessibleName(self.tr("Notes from the chosen talk"))
        self.talk_notes.setMaximumHeight(120)
        box_layout = QVBoxLayout(talks_box)
        box_layout.addWidget(self.talk_count)
        box_layout.addWidget(self.talks, 1)
        box_layout.addWidget(self.talk_notes)

        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(talks_box, 5)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.rule)
        layout.addLayout(actions)
        layout.addLayout(body, 1)

        self.talk_button.clicked.connect(self.new_talk)
        self.register_button.clicked.connect(self.register_case)
        self.edit_button.clicked.connect(self.edit_details)
        self.investigation_button.clicked.connect(self.investigation)
        self.help_button.clicked.connect(self.other_help)
        self.refer_button.clicked.connect(self.refer_on)
        self.close_button.clicked.connect(self.close_case)
        self.motivation.activated.connect(self._motivation_chosen)
        self.talks.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._talk_chosen(row))

    # --- loading -------------------------------------------------------------------------------------
    def set_man(self, man_id: str | None) -> None:
        self.man_id, self.case = man_id, None
        self.talks.setRowCount(0)
        self.talk_notes.clear()
        self.history.clear()
        self.title.setText("")
        self.subtitle.setText("")
        self.rule.hide()
        if man_id is not None:
            self._runner.run(men.open_man, self._diary, man_id, on_done=lambda c: self._show(man_id, c),
                             on_error=lambda e: show_error(self, e))

    def reload(self) -> None:
        if self.man_id is not None:
            man_id = self.man_id
            self._runner.run(men.man_case, self._diary, man_id, on_done=lambda c: self._show(man_id, c),
                             on_error=lambda e: show_error(self, e))

    def _show(self, man_id: str, case: ManCase) -> None:
        if man_id != self.man_id:
            return  # she opened someone else meanwhile
        self.case = case
        m = case.man
        self.title.setText(m.name)
        parts = [m.case_number or self.tr("No case number yet"), labels.status(m.status),
                 self.tr("%n talk(s) attended", "", m.talks)]
        if m.booked_talks > m.talks:
            parts.append(self.tr("%n cancelled or missed", "", m.booked_talks - m.talks))
        self.subtitle.setText(" · ".join(parts))
        self.rule.setVisible(m.registration_due)
        self._fill_details(m)
        self._fill_talks(case)
        self.history.clear()
        if not case.history:
            self.history.addItem(self.tr("No change recorded since the first contact."))
        for h in case.history:
            since = fmt_date(h.valid_from) if h.valid_from else self.tr("from the start")
            self.history.addItem(f"{since}  {labels.field(h.field)}: {labels.field_value(h.field, h.value)}")
        closed = m.is_closed
        for b in (self.talk_button, self.investigation_button, self.refer_button, self.close_button):
            b.setEnabled(not closed)
        open_investigation = m.investigation_opened_on is not None and m.investigation_closed_on is None
        self.investigation_button.setText(self.tr("Close &investigation…") if open_investigation
                                          else self.tr("Open &investigation…"))
        self.loaded.emit()

    def _fill_details(self, m: ManView) -> None:
        v = self.values
        v["source"].setText(labels.source(m.referral_source))
        v["referred_by"].setText(m.referred_by or "–")
        v["district"].setText(m.district or "–")
        v["phone"].setText(m.phone or "–")
        v["first"].setText(fmt_date(m.first_contact_on))
        if m.investigation_opened_on is None:
            v["investigation"].setText(self.tr("None"))
        else:
            v["investigation"].setText(self.tr("opened {start}, closed {end}").format(
                start=fmt_date(m.investigation_opened_on), end=fmt_date(m.investigation_closed_on))
                if m.investigation_closed_on else self.tr("open since {start}").format(
                start=fmt_date(m.investigation_opened_on)))
        v["other_help"].setText((m.other_help_note or self.tr("Yes")) if m.needs_other_help else self.tr("No"))
        v["registered"].setText(self.tr("{number}, registered {day}").format(
            number=m.case_number, day=fmt_date(m.registered_on)) if m.registered_on else self.tr("Not yet"))
        v["referred"].setText(f"{m.referred_on_to} ({fmt_date(m.referred_onward_on)})" if m.referred_on_to else "–")
        v["outcome"].setText(f"{labels.outcome(m.outcome)} ({fmt_date(m.closed_on)})" if m.closed_on else "–")
        self.motivation.setCurrentIndex(max(0, self.motivation.findData(m.motivation)))

    def _fill_talks(self, case: ManCase) -> None:
        self.talks.setRowCount(len(case.talks))
        for r, t in enumerate(case.talks):
            theme = ", ".join(labels.theme(x) for x in t.themes) if t.method == "vaska" else t.own_theme
            cells = [str(t.number), fmt_date(t.held_on), labels.attendance(t.attendance), theme,
                     str(t.duration_minutes), labels.risk(t.risk_partner), labels.risk(t.risk_children),
                     t.text.splitlines()[0] if t.text else ""]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == TALK_COLUMNS - 1 and t.text:
                    item.setToolTip(t.text)
                self.talks.setItem(r, c, item)
        if case.talks:
            self.talks.setCurrentCell(len(case.talks) - 1, 0)  # the latest talk's notes below the table
        m = case.man
        self.talk_count.setText(self.tr("%n talk(s) attended", "", m.talks) + (
            "  ·  " + self.tr("three-talk rule met") if m.three_talk_rule_met else ""))

    def _talk_chosen(self, row: int) -> None:
        talks = self.case.talks if self.case is not None else []
        if 0 <= row < len(talks):
            t = talks[row]
            self.talk_notes.setPlainText(t.text or self.tr("(no notes)"))
        else:
            self.talk_notes.clear()

    # --- steps ---------------------------------------------------------------------------------------
    def _run(self, dialog: _FormDialog, fn: Callable[..., Any]) -> None:
        if self.man_id is None:
            return
        run_dialog(dialog, self._runner, fn, self._diary, self.man_id, on_saved=lambda _r: self._saved())

    def _saved(self) -> None:
        self.reload()
        self.changed.emit()

    def new_talk(self) -> None:
        if self.case is not None and not self.case.man.is_closed:
            self._run(TalkDialog(self._diary.today(), len(self.case.talks) + 1, self), men.add_talk)

    def register_case(self) -> None:
        self._run(DatedStepDialog(self.tr("Register as a case of his own"), self.tr("&Registered on"),
                                  self._diary.today(), self), men.register_case)

    def edit_details(self) -> None:
        if self.case is not None:
            self._run(ManDialog(self._diary.today(), self, self.case.man), men.update_man)

    def investigation(self) -> None:
        if self.case is None:
            return
        m = self.case.man
        if m.investigation_opened_on is not None and m.investigation_closed_on is None:
            self._run(DatedStepDialog(self.tr("Close the investigation"), self.tr("&Closed on"),
                                      self._diary.today(), self), men.close_investigation)
        else:
            self._run(DatedStepDialog(self.tr("Open an investigation"), self.tr("&Opened on"),
                                      self._diary.today(), self), men.open_investigation)

    def other_help(self) -> None:
        if self.case is not None:
            self._run(OtherHelpDialog(self.case.man, self._diary.today(), self), men.set_other_help)

    def refer_on(self) -> None:
        self._run(ReferDialog(self._diary.today(), self), men.refer_on)

    def close_case(self) -> None:
        self._run(CloseManDialog(self._diary.today(), self), men.close_man)

    def _motivation_chosen(self, _index: int) -> None:
        if self.man_id is None or self.case is None or self.motivation.currentData() == self.case.man.motivation:
            return
        self._runner.run(men.set_motivation, self._diary, self.man_id, str(self.motivation.currentData()),
                         on_done=lambda _r: self._saved(), on_error=self._refused)

    def _refused(self, exc: Exception) -> None:
        show_error(self, exc)
        self.reload()
