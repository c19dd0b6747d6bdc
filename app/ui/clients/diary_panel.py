"""Dagbok: the diary newest first, and a quick entry form built for speed.

The form: date (today by default), kinds of support as toggle buttons, activity, duration, text. Ctrl+Return
saves and signs; a signed entry is corrected by a new entry linked to it, never rewritten.
"""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.services.clients import entries
from app.services.clients.clients import Page
from app.services.clients.entries import EntryInput, EntryView
from app.services.context import Diary
from app.ui import labels
from app.ui.clients.dialogs import date_edit
from app.ui.common import accessible, fmt_date, from_qdate, show_error, to_qdate
from app.ui.drafts import DraftKeeper, DraftState
from app.ui.paging import ItemRole, PagedModel
from app.ui.session import SessionRunner


class EntryForm(QWidget):
    save_requested = Signal(object, bool)  # EntryInput, sign

    def __init__(self, today: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.correcting: EntryView | None = None
        self.editing: EntryView | None = None  # an unsigned entry opened again
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.cancel_correction = QPushButton(self.tr("Cancel correction"), self)
        self.cancel_correction.hide()
        self.date = date_edit(self, today, self.tr("Date"))
        self.date.setMaximumDate(to_qdate(today))
        self.kind_buttons: dict[str, QPushButton] = {}
        kinds_row = QHBoxLayout()
        for i, code in enumerate(entries.KINDS, start=1):
            b = QPushButton(f"&{i} " + labels.kind(code), self)
            b.setCheckable(True)
            b.setAccessibleName(labels.kind(code))
            b.setToolTip(self.tr("Alt+%1 toggles this kind of support").replace("%1", str(i)))
            self.kind_buttons[code] = b
            kinds_row.addWidget(b)
        kinds_row.addStretch(1)
        self.activity = QComboBox(self)
        for code in sorted(entries.ACTIVITIES, key=lambda c: (c != "", labels.activity(c))):
            self.activity.addItem(labels.activity(code), code)
        accessible(self.activity, self.tr("Activity"))
        self.duration = QSpinBox(self)
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(" " + self.tr("min"))
        accessible(self.duration, self.tr("Duration in minutes"))
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("What happened, what was said and done, by whom"))
        accessible(self.text, self.tr("Entry text"))
        self.save = QPushButton(self.tr("Save draft"), self)
        self.save_sign = QPushButton(self.tr("Save and &sign"), self)
        self.save_sign.setDefault(True)
        self.save_sign.setToolTip(self.tr("Ctrl+Return"))

        def label(text: str, buddy: QWidget) -> QLabel:
            lab = QLabel(text, self)
            lab.setBuddy(buddy)
            return lab

        grid = QGridLayout()
        grid.addWidget(label(self.tr("&Date"), self.date), 0, 0)
        grid.addWidget(self.date, 0, 1)
        grid.addWidget(label(self.tr("&Activity"), self.activity), 0, 2)
        grid.addWidget(self.activity, 0, 3)
        grid.addWidget(label(self.tr("D&uration"), self.duration), 0, 4)
        grid.addWidget(self.duration, 0, 5)
        grid.setColumnStretch(6, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_correction)
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        buttons.addWidget(self.save_sign)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.banner, 1)
        layout.addLayout(row)
        layout.addLayout(kinds_row)
        layout.addLayout(grid)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)

        self.save.clicked.connect(lambda: self.save_requested.emit(self.value(), False))
        self.save_sign.clicked.connect(lambda: self.save_requested.emit(self.value(), True))
        self.cancel_correction.clicked.connect(self.reset)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(self.save_sign.click)

    def value(self) -> EntryInput:
        return EntryInput(text=self.text.toPlainText(),
                          kinds=[k for k, b in self.kind_buttons.items() if b.isChecked()],
                          event_on=from_qdate(self.date.date()), activity=self.activity.currentData() or "",
                          duration_minutes=self.duration.value())

    def changed_signals(self) -> list[SignalInstance]:
        """Everything that changes what the form holds (for the draft keeper)."""
        return [self.text.textChanged, self.date.dateChanged, self.activity.currentIndexChanged,
                self.duration.valueChanged, *(b.toggled for b in self.kind_buttons.values())]

    def fields(self) -> dict[str, Any]:
        v = self.value()
        return {"text": v.text, "kinds": list(v.kinds), "event_on": from_qdate(self.date.date()).isoformat(),
                "activity": v.activity, "duration": v.duration_minutes,
                "corrects_id": self.correcting.id if self.correcting else None,
                "editing_id": self.editing.id if self.editing else None}

    def set_fields(self, f: dict[str, Any]) -> None:
        self.text.setPlainText(str(f.get("text", "")))
        with contextlib.suppress(ValueError):
            self.date.setDate(to_qdate(date.fromisoformat(str(f.get("event_on")))))
        self.activity.setCurrentIndex(max(0, self.activity.findData(f.get("activity", ""))))
        self.duration.setValue(int(f.get("duration", 0) or 0))
        kinds = set(f.get("kinds") or [])
        for k, b in self.kind_buttons.items():
            b.setChecked(k in kinds)

    def reset(self) -> None:
        self.correcting = None
        self.editing = None
        self.banner.hide()
        self.cancel_correction.hide()
        self.save.setEnabled(True)
        self.text.clear()
        self.duration.setValue(0)
        self.activity.setCurrentIndex(0)
        self.date.setDate(to_qdate(self._today))
        for b in self.kind_buttons.values():
            b.setChecked(False)

    def start_editing(self, entry: EntryView) -> None:
        """Open an unsigned entry again: edit it, save it again, or save and sign it."""
        self.reset()
        self.editing = entry
        self.banner.setText(self.tr("Draft of {day}, not signed: edit it, then save or save and sign.")
                            .format(day=fmt_date(entry.event_on)))
        self.banner.show()
        self.cancel_correction.setText(self.tr("Cancel"))
        self.cancel_correction.show()
        self.date.setDate(to_qdate(entry.event_on))
        self.text.setPlainText(entry.text)
        self.duration.setValue(entry.duration_minutes)
        self.activity.setCurrentIndex(max(0, self.activity.findData(entry.activity)))
        for k, b in self.kind_buttons.items():
            b.setChecked(k in entry.kinds)
        self.text.moveCursor(QTextCursor.MoveOperation.End)  # she goes on where the text ends
        self.text.setFocus()

    def start_correction(self, entry: EntryView) -> None:
        self.reset()
        self.cancel_correction.setText(self.tr("Cancel correction"))
        self.correcting = entry
        self.banner.setText(self.tr("Correction of the entry of {day}. The original stays as it was.")
                            .format(day=fmt_date(entry.event_on)))
        self.banner.show()
        self.cancel_correction.show()
        self.save.setEnabled(False)  # a correction of a signed entry is signed
        self.date.setDate(to_qdate(entry.event_on))
        self.text.setPlainText(entry.text)
        self.duration.setValue(entry.duration_minutes)
        self.activity.setCurrentIndex(max(0, self.activity.findData(entry.activity)))
        for k, b in self.kind_buttons.items():
            b.setChecked(k in entry.kinds)
        self.text.moveCursor(QTextCursor.MoveOperation.End)  # she goes on where the text ends
        self.text.setFocus()


class DiaryPanel(QWidget):
    changed = Signal()

    def __init__(self, diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary, self._runner = diary, runner
        self._client_id: str | None = None
        self.form = EntryForm(diary.today(), self)
        self.model: PagedModel[EntryView] = PagedModel(runner, self._render, page_size=50, parent=self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSpacing(2)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        accessible(self.view, self.tr("Diary entries, newest first"))
        self.sign = QPushButton(self.tr("Si&gn"), self)
        self.edit_draft = QPushButton(self.tr("&Open draft"), self)
        self.correct = QPushButton(self.tr("Co&rrect…"), self)
        self.delete = QPushButton(self.tr("Delete draft"), self)
        self._drafts: DraftKeeper | None = None
        for b in (self.edit_draft, self.sign, self.correct, self.delete):
            b.setEnabled(False)
            b.setAccessibleName(b.text().replace("&", "").rstrip("…"))

        listbox = QWidget(self)
        lay = QVBoxLayout(listbox)
        lay.setContentsMargins(0, 0, 0, 0)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("Diary, newest first"), listbox))
        actions.addStretch(1)
        for b in (self.edit_draft, self.sign, self.correct, self.delete):
            actions.addWidget(b)
        lay.addLayout(actions)
        lay.addWidget(self.view, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.form)
        split.addWidget(listbox)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

        self.form.save_requested.connect(self._save)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.sign.clicked.connect(self._sign)
        self.edit_draft.clicked.connect(self._open_draft)
        self.view.doubleClicked.connect(lambda *_: self._open_draft())
        self.form.cancel_correction.clicked.connect(self._cancelled)
        self.correct.clicked.connect(self._correct)
        self.delete.clicked.connect(self._delete)

    def _render(self, e: EntryView, role: int) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        head = [fmt_date(e.event_on), ", ".join(labels.kind(k) for k in e.kinds)]
        if e.activity:
            head.append(labels.activity(e.activity))
        if e.duration_minutes:
            head.append(labels.minutes(e.duration_minutes))
        head.append(f"{e.author_name}")
        head.append(self.tr("signed") if e.signed else self.tr("DRAFT, not signed"))
        lines = [" · ".join(head)]
        if e.corrects_id:
            original = next((o for o in self.model.items() if o.id == e.corrects_id), None)
            lines.append(self.tr("↳ Correction of the entry of {day}").format(day=fmt_date(original.event_on))
                         if original else self.tr("↳ Correction of an earlier entry"))
        if e.corrected_by:
            lines.append(self.tr("⚠ Corrected by a later entry (%n)", "", len(e.corrected_by)))
        lines.append(e.text)
        return "\n".join(lines)

    def start_entry(self) -> None:
        """Ctrl+D from anywhere: straight to the text of a new entry."""
        if self.form.correcting is None:
            self.form.date.setDate(to_qdate(self._diary.today()))
        self.form.text.setFocus()

    # --- drafts: what she types is kept while she types, and found again after unlocking ---------------------
    def attach_drafts(self, keeper: DraftKeeper) -> None:
        self._drafts = keeper
        keeper.watch(self, *self.form.changed_signals())
        if self._client_id is not None:
            keeper.restore(self)

    def draft_state(self) -> DraftState | None:
        if self._client_id is None:
            return None
        f = self.form.fields()
        unsaved = bool(f["text"].strip()) and (self.form.editing is None or f["text"] != self.form.editing.text
                                                or f["kinds"] != list(self.form.editing.kinds))
        return DraftState(f"entry:{self._client_id}", "entry", self._client_id, f if unsaved else {})

    def restore_draft(self, content: dict[str, Any]) -> None:
        base_id = content.get("corrects_id") or content.get("editing_id")
        if not base_id:
            self.form.reset()
            self.form.set_fields(content)
            self.form.text.moveCursor(QTextCursor.MoveOperation.End)
            if self.isVisible():
                self.form.text.setFocus()  # back where she was typing
            return
        client_id = self._client_id

        def loaded(entry: EntryView) -> None:
            if self._client_id != client_id:
                return
            if content.get("corrects_id"):
                self.form.start_correction(entry)
            else:
                self.form.start_editing(entry)
            self.form.set_fields(content)

        self._runner.run(entries.get_entry, self._diary, str(base_id), on_done=loaded,
                         on_error=lambda _e: self.form.set_fields(content))

    def _cancelled(self) -> None:
        if self._drafts is not None:
            self._drafts.saved(self)

    def set_client(self, client_id: str | None) -> None:
        if self._drafts is not None:
            self._drafts.flush()  # what she typed for the client she leaves is kept first
        self._client_id = client_id
        self.form.reset()
        if client_id is None:
            self.model.clear()
            return
        if self._drafts is not None:
            self._drafts.restore(self)
        diary = self._diary

        def fetch(offset: int, limit: int) -> Page[EntryView]:
            return entries.list_entries(diary, client_id, offset=offset, limit=limit)

        self.model.set_source(fetch)

    def current_entry(self) -> EntryView | None:
        item = self.view.currentIndex().data(ItemRole)
        return item if isinstance(item, EntryView) else None

    def _update_buttons(self) -> None:
        e = self.current_entry()
        self.sign.setEnabled(e is not None and not e.signed)
        self.edit_draft.setEnabled(e is not None and not e.signed)
        self.delete.setEnabled(e is not None and not e.signed)
        self.correct.setEnabled(e is not None and e.signed)

    def _saved(self, _entry: object = None) -> None:
        if self._drafts is not None and self._client_id is not None:
            self._drafts.saved(self, f"entry:{self._client_id}")
        self.form.reset()
        if self.isVisible():
            self.form.text.setFocus()  # she goes on writing here, not in the search box
        self.model.reload()
        self.changed.emit()

    def _save(self, data: EntryInput, sign: bool) -> None:
        if self._client_id is None:
            return
        original = self.form.correcting
        err = lambda e: show_error(self, e)  # noqa: E731
        if original is not None:
            self._runner.run(entries.correct_entry, self._diary, original.id, data, sign=True,
                             on_done=self._saved, on_error=err)
        elif self.form.editing is not None:
            self._runner.run(entries.update_entry, self._diary, self.form.editing.id, data, sign=sign,
                             on_done=self._saved, on_error=err)
        else:
            self._runner.run(entries.add_entry, self._diary, self._client_id, data, sign=sign,
                             on_done=self._saved, on_error=err)

    def _sign(self) -> None:
        e = self.current_entry()
        if e is not None:
            self._runner.run(entries.sign_entry, self._diary, e.id, on_done=self._saved,
                             on_error=lambda exc: show_error(self, exc))

    def _delete(self) -> None:
        e = self.current_entry()
        if e is not None:
            self._runner.run(entries.delete_draft, self._diary, e.id, on_done=self._saved,
                             on_error=lambda exc: show_error(self, exc))

    def _open_draft(self) -> None:
        e = self.current_entry()
        if e is not None and not e.signed:
            self.form.start_editing(e)

    def _correct(self) -> None:
        e = self.current_entry()
        if e is not None:
            self.form.start_correction(e)
