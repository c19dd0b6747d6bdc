"""The print dialog for a safety plan: mode, language, paper, title, what to include; preview, save or print.

Discreet (the default) is what she takes home: neutral title and headings, no name unless chosen, the
sensitive sections out unless chosen, and numbers that are themselves give-aways (a helpline, a shelter)
out unless she keeps them — then under a neutral name. Everything runs off the GUI thread (see
``app.ui.printing.dialog``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QRadioButton, QVBoxLayout, QWidget

from app.i18n import current_language
from app.printing.output import PrintResult
from app.printing.safety_plan import PlanPrintOptions
from app.reference import phone_numbers, plan_sections
from app.services.context import Diary
from app.services.safety_plan.printout import render_safety_plan
from app.ui.printing.dialog import DocumentPrintDialog
from app.ui.session import SessionRunner
from app.ui.tasks import TaskRunner


class SafetyPlanPrintDialog(DocumentPrintDialog):
    def __init__(self, diary: Diary, runner: TaskRunner | SessionRunner, client_id: str, version: int | None,
                 neutral_title: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(diary, runner, self.tr("Print safety plan"), parent)
        self.client_id, self.version = client_id, version

        self.discreet = QRadioButton(self.tr("Discreet (to take home)"))
        self.full = QRadioButton(self.tr("Full (for the file)"))
        self.discreet.setChecked(True)
        mode = QHBoxLayout()
        mode.addWidget(self.discreet)
        mode.addWidget(self.full)
        self.language = QComboBox()
        for code in plan_sections.languages():
            self.language.addItem(plan_sections.language(code).name, code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.language.setAccessibleName(self.tr("Language"))
        self.paper = QComboBox()
        self.paper.setAccessibleName(self.tr("Paper"))
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("Pocket card (A6)"), "card")
        self.title_edit = QLineEdit(neutral_title)
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setPlaceholderText(self.tr("A neutral title of her choice"))
        self.with_name = QCheckBox(self.tr("Print her name"))
        self.sensitive = QCheckBox(self.tr("Include the sensitive sections"))
        self.sensitive.setToolTip(self.tr("Warning signs, where she goes, what she takes, code word, phone and "
                                          "accounts, the court day"))
        keep_box = QVBoxLayout()
        self.keep: dict[str, QCheckBox] = {}
        for number_id, label in phone_numbers.giveaway_choices(current_language()):
            box = QCheckBox(self.tr("Keep “{number}” (under a neutral name)").replace("{number}", label))
            box.setToolTip(self.tr("This number itself gives the plan away and is left out of a discreet "
                                   "printout unless kept on purpose."))
            self.keep[number_id] = box
            keep_box.addWidget(box)

        self.form.addRow(self.tr("Mode"), mode)
        self.form.addRow(self.tr("Language"), self.language)
        self.form.addRow(self.tr("Paper"), self.paper)
        self.form.addRow(self.tr("Title"), self.title_edit)
        self.form.addRow("", self.with_name)
        self.form.addRow("", self.sensitive)
        self.form.addRow(self.tr("Numbers"), keep_box)

        for w in (self.discreet, self.full, self.with_name, self.sensitive, *self.keep.values()):
            w.toggled.connect(self.refresh)
        self.language.currentIndexChanged.connect(self.refresh)
        self.paper.currentIndexChanged.connect(self.refresh)
        self.title_edit.editingFinished.connect(self.refresh)
        self.discreet.setFocus()
        self.refresh()

    def options(self) -> PlanPrintOptions:
        discreet = self.discreet.isChecked()
        self.title_edit.setEnabled(discreet)
        self.sensitive.setEnabled(discreet)
        for box in self.keep.values():
            box.setEnabled(discreet)
        return PlanPrintOptions(discreet=discreet, language=self.language.currentData(),
                                fmt=self.paper.currentData(), version=self.version,
                                neutral_title=self.title_edit.text(), with_name=self.with_name.isChecked(),
                                include_sensitive=self.sensitive.isChecked(),
                                keep_numbers=frozenset(k for k, b in self.keep.items() if b.isChecked()))

    def document(self) -> Callable[[], PrintResult]:
        return partial(render_safety_plan, self.diary, self.client_id, self.options())

    def refresh(self, *args: Any) -> None:
        super().refresh(*args)
