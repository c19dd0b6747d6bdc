"""Structured professional judgement: the people involved and a rating per scenario.

Honour-related violence is often carried out by several people and aimed at several, so the worker lists
everyone who may use violence or control and everyone at risk, then rates each scenario low, medium or high
and ticks whom it concerns. There are no points.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.risk.instruments import LEVELS, Instrument, Scenario


class ScenarioBox(QGroupBox):
    def __init__(self, inst: Instrument, scenario: Scenario, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(inst.t(scenario.label, lang), parent)
        self.scenario = scenario
        name = inst.t(scenario.label, lang)
        self.level = QComboBox()
        self.level.setAccessibleName(self.tr("Risk: {scenario}").replace("{scenario}", name))
        self.level.addItem(self.tr("Not rated"), None)
        for level, name in zip(LEVELS, (self.tr("Low"), self.tr("Medium"), self.tr("High")), strict=True):
            self.level.addItem(name, level)
        self.comment = QLineEdit()
        self.comment.setMaxLength(2000)
        self.comment.setAccessibleName(self.tr("Why this rating: {scenario}").replace("{scenario}", name))
        self.comment.setPlaceholderText(self.tr("Why this rating"))
        self.persons_row = QHBoxLayout()
        self.checks: dict[str, QCheckBox] = {}
        guidance = QLabel(inst.t(scenario.guidance, lang))
        guidance.setWordWrap(True)
        guidance.setStyleSheet("color:#4b5563;")
        form = QFormLayout(self)
        form.addRow(guidance)
        form.addRow(self.tr("Risk"), self.level)
        form.addRow(self.tr("Comment"), self.comment)
        form.addRow(self.tr("Concerns"), self.persons_row)

    def set_persons(self, persons: list[dict[str, str]], ticked: list[str]) -> None:
        for box in self.checks.values():
            box.deleteLater()
        self.checks = {}
        for p in persons:
            box = QCheckBox(p["label"])
            box.setChecked(p["id"] in ticked)
            self.checks[p["id"]] = box
            self.persons_row.addWidget(box)

    def ticked(self) -> list[str]:
        return [pid for pid, box in self.checks.items() if box.isChecked()]


class JudgementPage(QWidget):
    persons_saved = Signal(list)
    judged = Signal(str, object, str, list)  # scenario id, level or None, comment, person ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: list[ScenarioBox] = []
        self._loading = False
        self.people = QTableWidget(0, 2)
        self.people.setHorizontalHeaderLabels([self.tr("Role"), self.tr("Who (relation or name)")])
        self.people.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.people.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.people.verticalHeader().setVisible(False)
        self.people.setMaximumHeight(150)
        self.people.setAccessibleName(self.tr("Persons"))
        self.add_button = QPushButton(self.tr("Add person"))
        self.add_button.clicked.connect(lambda: self._add_row("perpetrator", ""))
        self.remove_button = QPushButton(self.tr("Remove person"))
        self.remove_button.clicked.connect(self._remove_row)
        self.save_button = QPushButton(self.tr("Save persons"))
        self.save_button.clicked.connect(lambda: self.persons_saved.emit(self.persons()))
        people_box = QGroupBox(self.tr("Persons: several who may use violence and several at risk are possible"))
        pl = QVBoxLayout(people_box)
        pl.addWidget(self.people)
        row = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.save_button):
            row.addWidget(b)
        row.addStretch(1)
        pl.addLayout(row)
        self.scenario_holder = QWidget()
        self.scenario_layout = QVBoxLayout(self.scenario_holder)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.tr("Scenarios"))
        scroll.setWidget(self.scenario_holder)
        layout = QVBoxLayout(self)
        layout.addWidget(people_box)
        layout.addWidget(QLabel(self.tr("Scenarios: rate each one low, medium or high")))
        layout.addWidget(scroll, 1)

    def _add_row(self, role: str, label: str) -> None:
        row = self.people.rowCount()
        self.people.insertRow(row)
        combo = QComboBox()
        combo.setAccessibleName(self.tr("Role of person {n}").replace("{n}", str(row + 1)))
        combo.addItem(self.tr("May use violence"), "perpetrator")
        combo.addItem(self.tr("At risk"), "victim")
        combo.setCurrentIndex(0 if role == "perpetrator" else 1)
        self.people.setCellWidget(row, 0, combo)
        edit = QLineEdit(label)
        edit.setMaxLength(200)
        edit.setAccessibleName(self.tr("Who is person {n} (relation or name)").replace("{n}", str(row + 1)))
        self.people.setCellWidget(row, 1, edit)

    def _remove_row(self) -> None:
        row = self.people.currentRow()
        if row >= 0:
            self.people.removeRow(row)

    def persons(self) -> list[dict[str, str]]:
        out = []
        for row in range(self.people.rowCount()):
            combo = self.people.cellWidget(row, 0)
            edit = self.people.cellWidget(row, 1)
            if isinstance(combo, QComboBox) and isinstance(edit, QLineEdit) and edit.text().strip():
                pid = edit.property("person_id") or ""
                out.append({"id": pid, "role": str(combo.currentData()), "label": edit.text().strip()})
        return out

    def load(self, inst: Instrument, answers: dict[str, Any], *, locked: bool, lang: str) -> None:
        self._loading = True
        persons = list(answers.get("persons") or [])
        self.people.setRowCount(0)
        for p in persons:
            self._add_row(p["role"], p["label"])
            edit = self.people.cellWidget(self.people.rowCount() - 1, 1)
            if edit is not None:
                edit.setProperty("person_id", p["id"])
        for box in self.boxes:
            box.deleteLater()
        self.boxes = []
        while self.scenario_layout.count():
            self.scenario_layout.takeAt(0)
        judgements = answers.get("judgements") or {}
        for sc in inst.scenarios:
            box = ScenarioBox(inst, sc, lang)
            entry = judgements.get(sc.id) or {}
            box.level.setCurrentIndex(box.level.findData(entry.get("level")) if entry.get("level") else 0)
            box.comment.setText(str(entry.get("comment") or ""))
            box.set_persons(persons, list(entry.get("persons") or []))
            box.level.currentIndexChanged.connect(lambda _i, b=box: self._emit(b))
            box.comment.editingFinished.connect(lambda b=box: self._emit(b))
            for check in box.checks.values():
                check.toggled.connect(lambda _on, b=box: self._emit(b))
            self.scenario_layout.addWidget(box)
            self.boxes.append(box)
        self.scenario_layout.addStretch(1)
        self.set_locked(locked)
        self._loading = False

    def set_locked(self, locked: bool) -> None:
        for w in (self.people, self.add_button, self.remove_button, self.save_button, *self.boxes):
            w.setEnabled(not locked)

    def rate(self, scenario_id: str, level: str) -> None:
        box = next(b for b in self.boxes if b.scenario.id == scenario_id)
        box.level.setCurrentIndex(box.level.findData(level))

    def flush(self) -> None:
        """A comment typed but not yet left (no editingFinished yet) is reported now."""
        for box in self.boxes:
            if box.comment.isModified():
                box.comment.setModified(False)
                self._emit(box)

    def _emit(self, box: ScenarioBox) -> None:
        if not self._loading:
            self.judged.emit(box.scenario.id, box.level.currentData(), box.comment.text(), box.ticked())
