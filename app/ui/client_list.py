"""The client list on the left: instant search, filters, markers, and rows fetched a page at a time."""

from __future__ import annotations

import time
from functools import cache
from typing import Any

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from app.services import reference
from app.services.clients import ClientSummary, Page, list_clients
from app.services.context import Diary
from app.services.search import search_clients
from app.ui import labels
from app.ui.common import accessible, error_text
from app.ui.paging import ItemRole, PagedModel
from app.ui.session import SessionRunner

SEARCH_DEBOUNCE_MS = 30  # coalesces a burst of keystrokes; a search already running is never queued twice
MARKER_COLOURS = {"S": "#8e44ad", "B": "#c0392b", "R": "#1f6fb2"}


@cache
def _marker_icon(flags: str) -> QIcon:
    """Small round badges: S protected identity, B decision ending, R court date (colour + letter)."""
    size, gap = 18, 3
    pix = QPixmap(3 * size + 2 * gap, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(11)
    p.setFont(font)
    for i, letter in enumerate("SBR"):
        if letter not in flags:
            continue
        rect = QRectF(i * (size + gap), 0, size, size)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(MARKER_COLOURS[letter]))
        p.drawEllipse(rect)
        p.setPen(QColor("white"))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, letter)
    p.end()
    return QIcon(pix)


def marker_flags(c: ClientSummary) -> str:
    return ("S" if c.is_protected else "") + ("B" if c.decision_ending_soon else "") + \
        ("R" if c.court_soon else "")


class ClientListPane(QWidget):
    client_chosen = Signal(str)
    search_finished = Signal(float)  # milliseconds from the keystroke to the shown result (bench, tests)

    def __init__(self, diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary, self._runner = diary, runner
        self.model: PagedModel[ClientSummary] = PagedModel(runner, self._render, page_size=200, parent=self)
        self._search_seq = 0
        self._search_running = False
        self._typed_at = 0.0

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search name, case number or diary text"))
        self.search.setClearButtonEnabled(True)
        accessible(self.search, self.tr("Search clients"))
        self.status = QComboBox(self)
        for code, text in (("", self.tr("All statuses")), ("incoming", labels.status("incoming")),
                           ("current", labels.status("current")), ("closed", labels.status("closed"))):
            self.status.addItem(text, code)
        accessible(self.status, self.tr("Status filter"))
        self.district = QComboBox(self)
        self.district.addItem(self.tr("All districts"), "")
        for d in reference.districts():
            self.district.addItem(d, d)
        accessible(self.district, self.tr("District filter"))
        self.mine = QCheckBox(self.tr("My cases"), self)
        self.count = QLabel(self)
        self.count.setAccessibleName(self.tr("Number of clients"))

        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setIconSize(QSize(60, 18))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        accessible(self.view, self.tr("Clients"))
        legend = QLabel(self.tr("S protected identity · B decision ends ≤ 14 days · R court ≤ 7 days"), self)
        legend.setWordWrap(True)
        legend.setEnabled(False)

        filters = QHBoxLayout()
        filters.addWidget(self.status, 1)
        filters.addWidget(self.district, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        row = QHBoxLayout()
        row.addWidget(self.mine)
        row.addStretch(1)
        row.addWidget(self.count)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(legend)
        self.setTabOrder(self.search, self.status)
        self.setTabOrder(self.status, self.district)
        self.setTabOrder(self.district, self.mine)
        self.setTabOrder(self.mine, self.view)

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run_search)
        self.search.textChanged.connect(self._typed)
        self.status.currentIndexChanged.connect(self.refresh)
        self.district.currentIndexChanged.connect(self.refresh)
        self.mine.toggled.connect(self.refresh)
        self.view.activated.connect(self._chosen)
        self.view.clicked.connect(self._chosen)
        self.model.loaded.connect(self._update_count)
        self.model.failed.connect(lambda exc: self.count.setText(error_text(exc)))

    # --- rows ----------------------------------------------------------------------------------------
    def _render(self, c: ClientSummary, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            extra = " · ".join(x for x in (c.case_number, labels.status(c.status)) if x)
            return f"{c.name}   ({extra})"
        if role == Qt.ItemDataRole.DecorationRole:
            flags = marker_flags(c)
            return _marker_icon(flags) if flags else _marker_icon("")
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            parts = [labels.status(c.status)]
            if c.is_protected:
                parts.append(self.tr("Protected identity"))
            if c.decision_ending_soon:
                parts.append(self.tr("Decision ends within 14 days"))
            if c.court_soon:
                parts.append(self.tr("Court date within 7 days"))
            if c.district:
                parts.append(c.district)
            return ", ".join(parts)
        return None

    def _filters(self) -> dict[str, Any]:
        return dict(status=self.status.currentData() or None, district=self.district.currentData() or None,
                    mine=self.mine.isChecked())

    def refresh(self) -> None:
        if self.search.text().strip():
            self._run_search()
            return
        filters, diary = self._filters(), self._diary

        def fetch(offset: int, limit: int) -> Page[ClientSummary]:
            return list_clients(diary, offset=offset, limit=limit, **filters)

        self.model.set_source(fetch)

    def _update_count(self) -> None:
        if self.search.text().strip():
            self.count.setText(self.tr("%n match(es)", "", self.model.rowCount()))
        else:
            self.count.setText(self.tr("%n client(s)", "", self.model.total))

    # --- search --------------------------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        self._typed_at = time.perf_counter()
        self._debounce.start()

    def _run_search(self) -> None:
        text = self.search.text().strip()
        self._search_seq += 1
        if not text:
            self.refresh()
            return
        if self._search_running:
            return  # the running search re-launches with the newest text when it returns
        seq, filters, diary = self._search_seq, self._filters(), self._diary
        self._search_running = True

        def find() -> list[ClientSummary]:
            hits = [h.client for h in search_clients(diary, text)]
            if not hits or not (filters["status"] or filters["district"] or filters["mine"]):
                return hits
            kept = {c.id for c in list_clients(diary, ids=[c.id for c in hits], limit=len(hits),
                                               **filters).items}
            return [c for c in hits if c.id in kept]

        self._runner.run(find, on_done=lambda hits: self._found(seq, hits),
                         on_error=lambda exc: self._search_failed(seq, exc), parallel=True)

    def _found(self, seq: int, hits: list[ClientSummary]) -> None:
        self._search_running = False
        if seq != self._search_seq:  # she typed on: drop this result, search for what is there now
            self._run_search()
            return
        self.model.set_items(hits)
        self.search_finished.emit((time.perf_counter() - self._typed_at) * 1000)

    def _search_failed(self, seq: int, exc: Exception) -> None:
        self._search_running = False
        if seq != self._search_seq:
            self._run_search()
        else:
            self.count.setText(error_text(exc))

    # --- choosing ------------------------------------------------------------------------------------
    def _chosen(self, index: QModelIndex) -> None:
        c = index.data(ItemRole)
        if isinstance(c, ClientSummary):
            self.client_chosen.emit(c.id)

    def select_first(self) -> None:
        if self.model.rowCount():
            idx = self.model.index(0, 0)
            self.view.setCurrentIndex(idx)
            self._chosen(idx)
