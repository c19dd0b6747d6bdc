"""The team's districts, referring units and legal references: add, retire, bring back. Changes are records
in the diary and reach the team with the next sync; reading and writing run on the task runner."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.reference import ReferenceLists
from app.services import reference_lists as reference
from app.services.context import Diary
from app.services.reference_lists import TeamItem
from app.ui.common import error_text
from app.ui.session import SessionRunner

CODE_ROLE = Qt.ItemDataRole.UserRole


def _load(diary: Diary) -> tuple[ReferenceLists, list[TeamItem]]:
    return reference.lists(diary), reference.team_items(diary)


class ReferenceEditor(QWidget):
    loaded = Signal()
    changed = Signal()

    def __init__(self, diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diary, self.runner = diary, runner
        self.lists: ReferenceLists | None = None
        self.retired: list[TeamItem] = []
        self.setWindowTitle(self.tr("Reference lists"))
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("List"))
        for key, text in (("district", self.tr("Districts")), ("referring_unit", self.tr("Referring units")),
                          ("legal_reference", self.tr("Legal references"))):
            self.kind.addItem(text, key)
        top.addWidget(QLabel(self.tr("&List:"), self))
        top.addWidget(self.kind, 1)
        lay.addLayout(top)
        self.items = QListWidget(self)
        self.items.setAccessibleName(self.tr("Items in use"))
        lay.addWidget(self.items, 1)
        lay.addWidget(QLabel(self.tr("Retired (kept on existing cases, not offered for new ones):"), self))
        self.old = QListWidget(self)
        self.old.setAccessibleName(self.tr("Retired items"))
        self.old.setMaximumHeight(110)
        lay.addWidget(self.old)
        row = QHBoxLayout()
        self.new_name = QLineEdit(self)
        self.new_name.setPlaceholderText(self.tr("New name"))
        self.new_name.setAccessibleName(self.tr("New name"))
        self.add_btn = QPushButton(self.tr("&Add"), self)
        self.retire_btn = QPushButton(self.tr("&Retire"), self)
        self.restore_btn = QPushButton(self.tr("&Bring back"), self)
        for w in (self.new_name, self.add_btn, self.retire_btn, self.restore_btn):
            row.addWidget(w)
        lay.addLayout(row)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.status.setText(self.tr("Changes reach the team's other laptops with the next sync."))
        self.kind.currentIndexChanged.connect(lambda _i: self._show())
        self.add_btn.clicked.connect(self.add)
        self.new_name.returnPressed.connect(self.add)
        self.retire_btn.clicked.connect(self.retire)
        self.restore_btn.clicked.connect(self.restore)
        self.reload()

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def reload(self) -> None:
        self.runner.run(_load, self.diary, parallel=True, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, got: tuple[ReferenceLists, list[TeamItem]]) -> None:
        self.lists, items = got
        self.retired = [i for i in items if not i.active]
        self._show()
        self.loaded.emit()

    def _show(self) -> None:
        self.items.clear()
        self.old.clear()
        if self.lists is None:
            return
        kind = self.current_kind()
        entries: list[tuple[str, str]]
        if kind == "district":
            entries = [(d, d) for d in self.lists.districts]
        elif kind == "referring_unit":
            entries = [(u.code, u.label()) for u in self.lists.referring_units]
        else:
            entries = [(r.code, r.title) for r in self.lists.legal_references]
        for code, label in entries:
            item = QListWidgetItem(label, self.items)
            item.setData(CODE_ROLE, code)
        for t in self.retired:
            if t.kind == kind:
                item = QListWidgetItem(t.label, self.old)
                item.setData(CODE_ROLE, t.code)

    def _write(self, fn: Callable[..., TeamItem], *args: str) -> None:
        self.runner.run(fn, self.diary, *args, on_done=self._written, on_error=self._failed)

    def add(self) -> None:
        name = self.new_name.text().strip()
        if name:
            self._write(reference.add_item, self.current_kind(), name)

    def retire(self) -> None:
        item = self.items.currentItem()
        if item is not None:
            self._write(reference.retire_item, self.current_kind(), str(item.data(CODE_ROLE)))

    def restore(self) -> None:
        item = self.old.currentItem()
        if item is not None:
            self._write(reference.add_item, self.current_kind(), item.text(), str(item.data(CODE_ROLE)))

    def _written(self, item: TeamItem) -> None:
        self.new_name.clear()
        self.status.setText((self.tr("Added: {name}.") if item.active else self.tr("Retired: {name}."))
                            .format(name=item.label) + " "
                            + self.tr("Changes reach the team's other laptops with the next sync."))
        self.changed.emit()
        self.reload()

    def _failed(self, exc: Exception) -> None:
        self.status.setText(error_text(exc))
