"""Översikt: the client's case, decisions with their periods and extensions, case officer, status, closing."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import reference
from app.services import reference_lists
from app.services.clients import cases
from app.services.clients.cases import CaseView, DecisionView
from app.services.context import Diary
from app.services.validation import add_months
from app.ui import labels
from app.ui.clients.dialogs import CloseCaseDialog, DecisionDialog, DistrictDialog, run_dialog
from app.ui.common import fmt_date, show_error
from app.ui.drafts import DraftKeeper
from app.ui.session import SessionRunner


class OverviewPanel(QWidget):
    changed = Signal()

    def __init__(self, diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary, self._runner = diary, runner
        self._client_id: str | None = None
        self._cases: list[CaseView] = []
        self._drafts: DraftKeeper | None = None
        self._pending_dialog: tuple[str, dict[str, Any]] | None = None
        self.extend_box: QMessageBox | None = None

        self.open_case = QPushButton(self.tr("&Open case"), self)
        self.add_decision = QPushButton(self.tr("Add &decision"), self)
        self.extend = QPushButton(self.tr("E&xtend 3 months"), self)
        self.extend.setToolTip(self.tr("Extend the latest decision by three months"))
        self.first_contact = QPushButton(self.tr("First &contact today"), self)
        self.change_district = QPushButton(self.tr("Change dis&trict…"), self)
        self.change_district.setToolTip(self.tr("Move a decision to another district from a chosen day on"))
        self.close_case = QPushButton(self.tr("Close &case…"), self)
        self.district_dialog: DistrictDialog | None = None
        for b in (self.open_case, self.add_decision, self.extend, self.first_contact, self.change_district,
                  self.close_case):
            b.setAccessibleName(b.text().replace("&", "").rstrip("…"))
        self.body = QLabel(self)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse |
                                          Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.body.setAccessibleName(self.tr("Case overview"))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.body)
        scroll.setAccessibleName(self.tr("Case overview"))

        # Two rows of three, so the six actions fit beside the client list at the window's narrowest (960 px,
        # in Swedish) without the tab scrolling sideways: opening and the decision's period on the first row,
        # the rest on the second.
        actions = QGridLayout()
        for i, b in enumerate((self.open_case, self.add_decision, self.extend, self.first_contact,
                               self.change_district, self.close_case)):
            actions.addWidget(b, i // 3, i % 3)
        actions.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addWidget(scroll, 1)

        self.open_case.clicked.connect(self._open_case)
        self.add_decision.clicked.connect(lambda: self._add_decision())
        self.extend.clicked.connect(self._extend)
        self.first_contact.clicked.connect(self._first_contact)
        self.change_district.clicked.connect(self._change_district)
        self.close_case.clicked.connect(lambda: self._close_case())
        self._update_buttons()

    # --- loading -------------------------------------------------------------------------------------
    def set_client(self, client_id: str | None) -> None:
        self._client_id = client_id
        self._cases = []
        self.body.clear()
        self._update_buttons()
        if client_id is not None:
            self.reload()

    def reload(self) -> None:
        cid = self._client_id
        if cid is None:
            return
        self._runner.run(cases.cases_for_client, self._diary, cid,
                         on_done=lambda result: self._show(cid, result), on_error=lambda e: show_error(self, e))

    def _show(self, client_id: str, result: list[CaseView]) -> None:
        if client_id != self._client_id:
            return
        self._cases = result
        self.body.setText(self._html(result))
        self._update_buttons()
        pending, self._pending_dialog = self._pending_dialog, None
        if pending is not None:
            self.reopen_dialog(*pending)

    def _open(self) -> CaseView | None:
        return next((c for c in self._cases if c.closed_on is None), None)

    def _latest_decision(self) -> DecisionView | None:
        case = self._open()
        return case.decisions[-1] if case and case.decisions else None

    def _update_buttons(self) -> None:
        has_client = self._client_id is not None
        open_case = self._open()
        self.open_case.setEnabled(has_client and open_case is None)
        self.add_decision.setEnabled(open_case is not None)
        self.extend.setEnabled(self._latest_decision() is not None)
        self.first_contact.setEnabled(open_case is not None and open_case.first_contact_on is None)
        self.change_district.setEnabled(self._latest_decision() is not None)
        self.close_case.setEnabled(open_case is not None)

    def _html(self, result: list[CaseView]) -> str:
        if not result:
            return "<p>" + escape(self.tr("No case yet. Open a case when the referral comes in.")) + "</p>"
        out: list[str] = []
        for case in result:
            title = self.tr("Case {number} – {status}").format(number=case.case_number,
                                                                 status=labels.status(case.status))
            out.append(f"<h3>{escape(title)}</h3>")
            rows = [(self.tr("Referred"), fmt_date(case.referred_on)),
                    (self.tr("First contact"), fmt_date(case.first_contact_on))]
            if case.closed_on:
                rows += [(self.tr("Closed"), fmt_date(case.closed_on)),
                         (self.tr("Closing reason"), case.closing_reason)]
            out.append(_table(rows))
            if not case.decisions:
                out.append("<p><i>" + escape(self.tr("No decision yet: the client is incoming.")) + "</i></p>")
            for d in case.decisions:
                heading = self.tr("Decision of {day}").format(day=fmt_date(d.decided_on))
                out.append(f"<h4>{escape(heading)}</h4>")
                rows = [(self.tr("Referring unit"), reference.referring_unit_label(d.referring_unit)),
                        (self.tr("Legal basis"), reference.legal_reference_title(d.legal_basis) or "–"),
                        (self.tr("Intervention"), reference.intervention_label(d.intervention) or "–"),
                        (self.tr("District"), d.district),
                        (self.tr("Case officer"), d.case_officer or "–"),
                        (self.tr("Period"), f"{fmt_date(d.starts_on)} – {fmt_date(d.ends_on)}")]
                for e in d.extensions:
                    rows.append((self.tr("Extension"), self.tr("%n month(s), granted {granted}, until {until}", "",
                                                               e.months)
                                 .format(granted=fmt_date(e.granted_on), until=fmt_date(e.new_ends_on))))
                rows.append((self.tr("Support ends"), fmt_date(d.effective_end)))
                if d.note:
                    rows.append((self.tr("Note"), d.note))
                out.append(_table(rows))
        return "".join(out)

    # --- actions -------------------------------------------------------------------------------------
    def _after_change(self, _result: object = None) -> None:
        self.reload()
        self.changed.emit()

    def _open_case(self) -> None:
        if self._client_id is not None:
            self._runner.run(cases.open_case, self._diary, self._client_id, on_done=self._after_change,
                             on_error=lambda e: show_error(self, e))

    def attach_drafts(self, keeper: DraftKeeper) -> None:
        self._drafts = keeper

    def _add_decision(self, draft: dict[str, Any] | None = None) -> None:
        case = self._open()
        if case is not None:
            # The team's lists are read on the task runner, then the dialog offers them.
            def offer(lists: reference.ReferenceLists) -> None:
                dialog = DecisionDialog(self._diary.today(), self, lists)
                dialog.keep_drafts(self._drafts, f"decision_dialog:{case.id}", "decision_dialog",
                                   self._client_id, draft)
                run_dialog(dialog, self._runner, cases.add_decision, self._diary, case.id,
                           on_saved=self._after_change)

            self._runner.run(reference_lists.lists, self._diary, parallel=True, on_done=offer,
                             on_error=lambda e: show_error(self, e))

    def _extend(self) -> None:
        """Extending is a decision of its own: she confirms it first."""
        d = self._latest_decision()
        if d is None:
            return
        until = add_months(d.effective_end, 3)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Extend 3 months"),
                          self.tr("Extend the decision of {day} by three months, until {until}?")
                          .replace("{day}", fmt_date(d.decided_on)).replace("{until}", fmt_date(until)),
                          QMessageBox.StandardButton.NoButton, self)
        yes = box.addButton(self.tr("E&xtend"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.extend_box = box

        def answered(_result: int) -> None:
            if box.clickedButton() is yes:
                self._runner.run(cases.extend_decision, self._diary, d.id, months=3, on_done=self._after_change,
                                 on_error=lambda e: show_error(self, e))

        box.finished.connect(answered)
        box.open()

    def _first_contact(self) -> None:
        case = self._open()
        if case is not None:
            self._runner.run(cases.record_first_contact, self._diary, case.id, self._diary.today(),
                             on_done=self._after_change, on_error=lambda e: show_error(self, e))

    def _change_district(self) -> None:
        """A decision's district from a chosen day on (she moved): reports for earlier periods keep the old."""
        case = self._open()
        if case is None or not case.decisions:
            return
        decisions = list(case.decisions)

        def offer(lists: reference.ReferenceLists) -> None:
            dialog = DistrictDialog(self._diary.today(), decisions, list(lists.districts), self)
            self.district_dialog = dialog
            run_dialog(dialog, self._runner, cases.change_district, self._diary, on_saved=self._after_change)

        self._runner.run(reference_lists.lists, self._diary, parallel=True, on_done=offer,
                         on_error=lambda e: show_error(self, e))

    def _close_case(self, draft: dict[str, Any] | None = None) -> None:
        case = self._open()
        if case is not None:
            dialog = CloseCaseDialog(self._diary.today(), self)
            dialog.keep_drafts(self._drafts, f"close_dialog:{case.id}", "close_dialog", self._client_id, draft)
            run_dialog(dialog, self._runner, cases.close_case, self._diary, case.id, on_saved=self._after_change)

    def reopen_dialog(self, editor: str, content: dict[str, Any]) -> None:
        """After unlocking: the decision or closing form she had open, as she left it."""
        if not self._cases:  # the cases are still loading: open it once they are here
            self._pending_dialog = (editor, content)
            return
        if editor == "decision_dialog":
            self._add_decision(content)
        elif editor == "close_dialog":
            self._close_case(content)


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td style='padding-right:14px'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>"
                    for k, v in rows)
    return f"<table cellspacing='2'>{cells}</table>"
