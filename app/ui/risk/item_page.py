"""One item of an assessment at a time: the question, the answer, the guidance beside it and a comment."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.services.risk.instruments import Instrument, Item

DEBOUNCE_MS = 600
YES_NO = {"yes": 1, "no": 2, "unknown": 3}  # button ids (-1 would mean "assign one" to QButtonGroup)


class DebouncedText(QPlainTextEdit):
    """A text box that reports its text a moment after typing stops (and at once on ``flush``)."""

    settled = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(lambda: self.settled.emit(self.toPlainText()))
        self.textChanged.connect(self._typed)
        self._quiet = False

    def _typed(self) -> None:
        if not self._quiet:
            self._timer.start()

    def set_text_quietly(self, text: str) -> None:
        self._timer.stop()
        self._quiet = True
        self.setPlainText(text)
        self._quiet = False

    def flush(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.settled.emit(self.toPlainText())


class ItemPage(QWidget):
    answered = Signal(str, object)  # item id, value (None clears)
    commented = Signal(str, str)
    step = Signal(int)  # -1 previous, +1 next

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: Item | None = None
        self.lang = "sv"
        self.where = QLabel()
        self.where.setStyleSheet("color:#4b5563;")
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-size:15px; font-weight:bold;")
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.answer_box = QWidget()
        self.answer_layout = QVBoxLayout(self.answer_box)
        self.answer_layout.setContentsMargins(0, 4, 0, 4)
        self.group = QButtonGroup(self)
        self.group.idClicked.connect(self._clicked)
        self.choices: QWidget | None = None
        self.free_text = DebouncedText()
        self.free_text.setMaximumHeight(140)
        self.free_text.setAccessibleName(self.tr("Answer"))
        self.answer_layout.addWidget(self.free_text)
        self.free_text.settled.connect(lambda t: self.item and self.answered.emit(self.item.id, t))
        self.guidance = QLabel()
        self.guidance.setWordWrap(True)
        self.guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        guidance_box = QGroupBox(self.tr("Guidance"))
        guidance_box.setStyleSheet("QGroupBox { background:#eef2ff; }")
        QVBoxLayout(guidance_box).addWidget(self.guidance)
        self.comment = DebouncedText()
        self.comment.setPlaceholderText(self.tr("Comment on this item: what she said, examples, sources"))
        self.comment.setMaximumHeight(90)
        self.comment.setAccessibleName(self.tr("Comment on this item"))
        self.comment.settled.connect(lambda t: self.item and self.commented.emit(self.item.id, t))
        self.prev_button = QPushButton(self.tr("← Previous"))
        self.prev_button.clicked.connect(lambda: self.step.emit(-1))
        self.next_button = QPushButton(self.tr("Next →"))
        self.next_button.clicked.connect(lambda: self.step.emit(1))

        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.question)
        layout.addWidget(self.answer_box)
        layout.addWidget(guidance_box)
        layout.addWidget(QLabel(self.tr("Comment")))
        layout.addWidget(self.comment)
        layout.addStretch(1)
        layout.addLayout(nav)

    def flush(self) -> None:
        self.free_text.flush()
        self.comment.flush()

    def show_item(self, inst: Instrument, item: Item, value: object, comment: str, *, position: str,
                  locked: bool, lang: str) -> None:
        self.flush()
        self.item, self.lang = item, lang
        part = next(p for p in inst.parts if p.id == item.part_id)
        self.where.setText(f"{inst.t(part.title, lang)} · {position}")
        self.question.setText(inst.t(item.text, lang))
        self.guidance.setText(inst.t(item.guidance, lang) or self.tr("No guidance for this item."))
        self._build_answer(inst, item, value)
        self.comment.set_text_quietly(comment)
        for w in (self.answer_box, self.comment):
            w.setEnabled(not locked)
        self.comment.setReadOnly(locked)

    def _build_answer(self, inst: Instrument, item: Item, value: object) -> None:
        for button in self.group.buttons():
            self.group.removeButton(button)
        if self.choices is not None:
            self.answer_layout.removeWidget(self.choices)
            self.choices.deleteLater()
            self.choices = None
        self.free_text.setVisible(item.answer == "free_text")
        if item.answer == "free_text":
            self.free_text.set_text_quietly(value if isinstance(value, str) else "")
            return
        if item.answer == "yes_no_unknown":
            options: list[tuple[int, str]] = [(YES_NO[v], t) for v, t in (
                ("yes", self.tr("Yes")), ("no", self.tr("No")), ("unknown", self.tr("Don't know")))]
            current = YES_NO.get(str(value))
            row: QHBoxLayout | QVBoxLayout = QHBoxLayout()
        else:
            options = []
            for n in range(item.scale_min, item.scale_max + 1):
                label = inst.t(item.scale_labels[n], self.lang) if n in item.scale_labels else ""
                options.append((n, f"{n} – {label}" if label else str(n)))
            current = value if isinstance(value, int) else None
            row = QVBoxLayout()
        holder = self.choices = QWidget()
        holder.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        for ident, label in options:
            button = QRadioButton(label)
            self.group.addButton(button, ident)
            button.setChecked(ident == current)
            row.addWidget(button)
        if isinstance(row, QHBoxLayout):
            row.addStretch(1)
        self.answer_layout.insertWidget(0, holder)
        holder.show()  # a layout only shows a new child later, from the event loop

    def _clicked(self, ident: int) -> None:
        if self.item is None:
            return
        if self.item.answer == "yes_no_unknown":
            self.answered.emit(self.item.id, {v: k for k, v in YES_NO.items()}[ident])
        else:
            self.answered.emit(self.item.id, ident)

    def choose(self, value: object) -> None:
        """Click the option for ``value`` (as the worker would)."""
        ident = YES_NO.get(value) if isinstance(value, str) else value
        button = self.group.button(int(ident)) if isinstance(ident, int) else None
        if button is not None:
            button.click()
