"""The client view's risk panel: assessments, the incident calendar and risk over time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import current_language
from app.services.context import Diary
from app.services.risk import assessments as risk
from app.services.risk import timeline as tl
from app.services.risk.instruments import Catalogue, Instrument
from app.ui.drafts import DraftKeeper
from app.ui.risk.calendar import IncidentCalendar
from app.ui.risk.chart import RiskChart
from app.ui.risk.form import AssessmentForm
from app.ui.tasks import TaskRunner

ROLE = Qt.ItemDataRole.UserRole


class RiskPanel(QWidget):
    loaded = Signal()  # the client's assessments, incidents and chart are shown

    def __init__(self, diary: Diary, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diary, self.runner = diary, runner
        self.client_id: str | None = None
        self.catalogue: Catalogue | None = None
        self.lang = current_language()

        self.instrument = QComboBox()
        self.instrument.setAccessibleName(self.tr("Instrument"))
        self.copy_previous = QCheckBox(self.tr("Start from the last answers"))
        self.copy_previous.setToolTip(self.tr("The new assessment starts with the answers of the last completed "
                                              "one; go through every item again with her."))
        self.new_button = QPushButton(self.tr("New assessment"))
        self.new_button.clicked.connect(self.start_new)
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        self.due_label.setStyleSheet("color:#92400e; font-weight:bold;")
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color:#b91c1c;")
        self.history = QListWidget()
        self.history.setMaximumHeight(80)
        self.history.setAccessibleName(self.tr("Assessments of this client"))
        self.history.currentItemChanged.connect(self._open_selected)

        self.form = AssessmentForm(diary, runner)
        self.form.changed.connect(self._assessment_saved)
        self.calendar = IncidentCalendar(diary, runner)
        self.calendar.changed.connect(self._reload_overview)
        self.chart = RiskChart()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Assessment, incident calendar and risk over time"))
        self.tabs.addTab(self.form, self.tr("Assessment"))
        self.tabs.addTab(self.calendar, self.tr("Incident calendar"))
        self.tabs.addTab(self.chart, self.tr("Over time"))

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Instrument")))
        top.addWidget(self.instrument, 1)
        top.addWidget(self.copy_previous)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.problems)
        layout.addWidget(self.due_label)
        layout.addWidget(QLabel(self.tr("Assessments of this client")))
        layout.addWidget(self.history)
        layout.addWidget(self.tabs, 1)
        self._set_enabled(False)
        self.runner.run(risk.instruments, diary, on_done=self._instruments, on_error=self._failed)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.instrument, self.copy_previous, self.new_button, self.history, self.tabs):
            w.setEnabled(on)

    def _instruments(self, cat: Catalogue) -> None:
        self.catalogue = cat
        self.instrument.clear()
        for inst in cat.ordered():
            label = inst.t(inst.name, self.lang) + ("" if inst.builtin else " " + self.tr("(licensed)"))
            self.instrument.addItem(label, inst.id)
        if cat.errors:
            self.problems.setText(self.tr("Some instrument files could not be loaded:") + "\n"
                                  + "\n".join(str(e) for e in cat.errors))
        self.problems.setVisible(bool(cat.errors))

    def _instrument(self, instrument_id: str) -> Instrument | None:
        return self.catalogue.get(instrument_id) if self.catalogue else None

    def names(self) -> dict[str, str]:
        cat = self.catalogue
        return {i.id: i.t(i.name, self.lang) for i in cat.ordered()} if cat else {}

    # --- the client ------------------------------------------------------------------------------------
    def attach_drafts(self, keeper: DraftKeeper) -> None:
        """The assessment saves itself after each pause; before a lock the last pause is saved too."""
        keeper.add_flush_hook(self.form.flush_pending)

    def set_client(self, client_id: str | None) -> None:
        self.client_id = client_id
        self.history.clear()
        self.form.load(None, None)
        self.chart.clear()
        self.due_label.hide()
        self.calendar.set_client(client_id)
        self._set_enabled(client_id is not None)
        if client_id is not None:
            self._reload_history()
            self._reload_overview()

    def _reload_history(self, select_id: str | None = None) -> None:
        cid = self.client_id
        if cid is None:
            return
        self.runner.run(risk.list_for_client, self.diary, cid,
                        on_done=lambda rows: self._history(rows, select_id) if cid == self.client_id else None,
                        on_error=self._failed)

    def _history(self, rows: list[risk.AssessmentView], select_id: str | None) -> None:
        self.history.blockSignals(True)
        self.history.clear()
        names = self.names()
        for a in rows:
            state = self.tr("completed") if a.completed else self.tr("draft")
            line = f"{a.assessed_on.isoformat()} · {names.get(a.instrument_id, a.instrument_id)} · " \
                   f"{self.form.result_text(a.result, self._instrument(a.instrument_id)) if a.completed else state}"
            node = QListWidgetItem(line if not a.completed else f"{line} · {state}")
            node.setData(ROLE, a.id)
            self.history.addItem(node)
            if a.id == select_id:
                self.history.setCurrentItem(node)
        self.history.blockSignals(False)

    def _reload_overview(self) -> None:
        cid = self.client_id
        if cid is None:
            return

        def fetch() -> tuple[tl.TimeSeries, list[tl.DueAssessment]]:
            return tl.time_series(self.diary, cid), tl.assessments_due(self.diary, client_id=cid)

        self.runner.run(fetch, on_done=lambda r: self._overview(*r) if cid == self.client_id else None,
                        on_error=self._failed)

    def _overview(self, ts: tl.TimeSeries, due: list[tl.DueAssessment]) -> None:
        self.chart.show_series(ts, self.names())
        if due:
            d = due[0]
            text = {"never": self.tr("A risk assessment is due: none has been completed for this current case."),
                    "overdue": self.tr("A risk assessment is due: the last one was on {date}, more than three "
                                       "months ago."),
                    "incident": self.tr("A risk assessment is due: {n} new incident(s) since the last one on "
                                        "{date}.")}[d.reason]
            self.due_label.setText(text.format(date=d.last_assessed_on.isoformat() if d.last_assessed_on else "",
                                               n=d.incidents_since))
        self.due_label.setVisible(bool(due))
        self.loaded.emit()

    # --- assessments -----------------------------------------------------------------------------------
    def start_new(self) -> None:
        inst_id = self.instrument.currentData()
        if self.client_id is None or not inst_id:
            return
        self.runner.run(risk.start, self.diary, self.client_id, inst_id, copy_previous=self.copy_previous.isChecked(),
                        on_done=self._opened, on_error=self._failed)

    def _open_selected(self, node: QListWidgetItem | None, _previous: object = None) -> None:
        if node is not None:
            self.runner.run(risk.get, self.diary, node.data(ROLE), on_done=self._opened, on_error=self._failed)

    def _opened(self, view: risk.AssessmentView) -> None:
        if view.client_id != self.client_id:
            return
        inst = self.catalogue.get(view.instrument_id) if self.catalogue else None
        if inst is None:
            QMessageBox.information(self, self.tr("Risk assessment"),
                                    self.tr("The instrument of this assessment is not available here; its result "
                                            "is still shown in the list and the chart."))
            return
        self.form.load(view, inst)
        self.tabs.setCurrentWidget(self.form)
        if self.history.currentItem() is None or self.history.currentItem().data(ROLE) != view.id:
            self._reload_history(select_id=view.id)

    def _assessment_saved(self, view: risk.AssessmentView) -> None:
        if view.completed:
            self._reload_history(select_id=view.id)
            self._reload_overview()

    def _failed(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.tr("Risk"), str(exc))

    def current(self) -> Any:
        return self.form.view
