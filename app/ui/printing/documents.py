"""The court-day sheet and the record extract (registerutdrag), printed from the window on the same
off-thread path as the safety plan (``app.ui.printing.dialog``): options, the real pages, what is left out."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from app.printing.output import PrintResult
from app.printing.record_extract import LANGS
from app.reference import plan_sections
from app.services.clients.printouts import render_court_day, render_record_extract
from app.services.context import Diary
from app.ui.printing.dialog import DocumentPrintDialog
from app.ui.session import SessionRunner
from app.ui.tasks import TaskRunner


class CourtDayDialog(DocumentPrintDialog):
    """When and where, who meets her, how she gets in and out: on A4 or a pocket card."""

    def __init__(self, diary: Diary, runner: TaskRunner | SessionRunner, appointment_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(diary, runner, self.tr("Print court-day sheet"), parent)
        self.appointment_id = appointment_id
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        for code in plan_sections.languages():
            self.language.addItem(plan_sections.language(code).name, code)
        self.paper = QComboBox()
        self.paper.setAccessibleName(self.tr("Paper"))
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("Pocket card (A6)"), "card")
        self.with_name = QCheckBox(self.tr("Print her name"))
        self.form.addRow(self.tr("Language"), self.language)
        self.form.addRow(self.tr("Paper"), self.paper)
        self.form.addRow("", self.with_name)
        self.language.currentIndexChanged.connect(self.refresh)
        self.paper.currentIndexChanged.connect(self.refresh)
        self.with_name.toggled.connect(self.refresh)
        self.language.setFocus()
        self.refresh()

    def document(self) -> Callable[[], PrintResult]:
        return partial(render_court_day, self.diary, self.appointment_id, language=self.language.currentData(),
                       fmt=self.paper.currentData(), with_name=self.with_name.isChecked())


class RecordExtractDialog(DocumentPrintDialog):
    """Everything stored about her, for her (a request for a record extract): what is left out — other
    people's details, a protected address — is listed before anything is printed."""

    def __init__(self, diary: Diary, runner: TaskRunner | SessionRunner, client_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(diary, runner, self.tr("Print record extract"), parent)
        self.client_id = client_id
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        names = {"sv": "Svenska", "en": "English"}
        for code in LANGS:
            self.language.addItem(names.get(code, code), code)
        self.form.addRow(self.tr("Language"), self.language)
        self.language.currentIndexChanged.connect(self.refresh)
        self.language.setFocus()
        self.refresh()

    def document(self) -> Callable[[], PrintResult]:
        return partial(render_record_extract, self.diary, self.client_id, language=self.language.currentData())
