"""The client list on the left: instant search, filters, markers, and rows fetched a page at a time."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app import reference
from app.services import audit
from app.services.clients.clients import ClientSummary, Page, list_clients
from app.services.clients.search import SearchResult, first_page, run_search, search_page
from app.services.context import Diary
from app.ui import labels
from app.ui.common import accessible, error_text
from app.ui.paging import ItemRole, PagedModel
from app.ui.session import SessionRunner

SEARCH_DEBOUNCE_MS = 15  # coalesces a burst of keystrokes; a search already running is never queued twice
MARKER_COLOURS = {"S": "#8e44ad", "B": "#c0392b", "R": "#1f6fb2"}


DetailRole = Qt.ItemDataRole.UserRole + 2
FlagsRole = Qt.ItemDataRole.UserRole + 3
BADGE = 16
PAGE_SIZE = 200
FIRST_PAGE = 100  # a search's first page: three screens of rows, as fast as possible; the rest pages on
COUNT_DELAY_MS = 250  # after the first page: no newer keystroke for this long, then count every match


class ClientDelegate(QStyledItemDelegate):
    """Two lines per client — name; case number, status and district — and round badges on the right:
    S protected identity, B decision ending within 14 days, R court date within 7 days."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        fm = option.fontMetrics
        return QSize(200, 2 * fm.height() + 10)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else QApplication.style()
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        flags = str(index.data(FlagsRole) or "")
        rect = option.rect.adjusted(6, 4, -6, -4)
        badges_w = len(flags) * (BADGE + 3)
        text_rect = rect.adjusted(0, 0, -badges_w - 4, 0)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        painter.save()
        painter.setPen(pal.highlightedText().color() if selected else pal.text().color())
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        fm = QFontMetrics(bold)
        top = QRectF(text_rect.left(), text_rect.top(), text_rect.width(), fm.height())
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
                                       Qt.TextElideMode.ElideRight, text_rect.width()))
        painter.setFont(option.font)
        if not selected:
            painter.setPen(pal.placeholderText().color())
        fm2 = QFontMetrics(option.font)
        bottom = QRectF(text_rect.left(), text_rect.top() + fm.height() + 1, text_rect.width(), fm2.height())
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm2.elidedText(str(index.data(DetailRole) or ""), Qt.TextElideMode.ElideRight,
                                        text_rect.width()))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = QFont(option.font)
        small.setBold(True)
        small.setPixelSize(10)
        painter.setFont(small)
        x = rect.right() - badges_w + 3
        y = rect.center().y() - BADGE / 2
        for letter in flags:
            circle = QRectF(x, y, BADGE, BADGE)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(MARKER_COLOURS[letter]))
            painter.drawEllipse(circle)
            painter.setPen(QColor("white"))
            painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, letter)
            x += BADGE + 3
        painter.restore()


def marker_flags(c: ClientSummary) -> str:
    return ("S" if c.is_protected else "") + ("B" if c.decision_ending_soon else "") + \
        ("R" if c.court_soon else "")


class ClientListPane(QWidget):
    client_chosen = Signal(str)
    search_finished = Signal(float)  # milliseconds from the keystroke to the shown result (bench, tests)
    search_counted = Signal(int)  # the real number of matches, once every match is known

    def __init__(self, diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary, self._runner = diary, runner
        self.model: PagedModel[ClientSummary] = PagedModel(runner, self._render, page_size=PAGE_SIZE, parent=self)
        self._search_seq = 0
        self._search_running = False
        self._counting = False
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
        self.view.setItemDelegate(ClientDelegate(self.view))
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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

        # Counting every match of a common word takes a few hundred milliseconds: not for every keystroke.
        self._count_timer = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._count_all)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run_search)
        self.search.textChanged.connect(self._typed)
        self.status.currentIndexChanged.connect(self.refresh)
        self.district.currentIndexChanged.connect(self.refresh)
        self.mine.toggled.connect(self.refresh)
        self.search.returnPressed.connect(self.select_first)
        self.search.installEventFilter(self)
        self.view.activated.connect(self._chosen)
        self.view.clicked.connect(self._chosen)
        self.model.loaded.connect(self._update_count)
        self.model.failed.connect(lambda exc: self.count.setText(error_text(exc)))

    # --- rows ----------------------------------------------------------------------------------------
    def _render(self, c: ClientSummary, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return c.name
        if role == DetailRole:
            return " · ".join(x for x in (c.case_number, labels.status(c.status), c.district) if x)
        if role == FlagsRole:
            return marker_flags(c)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            parts = [labels.status(c.status)]
            if c.is_protected:
                parts.append(self.tr("Protected identity"))
            if c.decision_ending_soon:
                parts.append(self.tr("Decision ends within 14 days"))
            if c.court_soon:
                parts.append(self.tr("Court date within 7 days"))
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
        if self.search.text().strip() and self._counting:
            self.count.setText(self.tr("%n+ match(es), counting…", "", self.model.rowCount()))
        elif self.search.text().strip():
            self.count.setText(self.tr("%n match(es)", "", self.model.total))
        else:
            self.count.setText(self.tr("%n client(s)", "", self.model.total))

    # --- search --------------------------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        self._typed_at = time.perf_counter()
        self._count_timer.stop()
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

        def find() -> tuple[SearchResult, Page[ClientSummary]]:
            return first_page(diary, text, limit=FIRST_PAGE, **filters)

        self._runner.run(find, on_done=lambda found: self._found(seq, found),
                         on_error=lambda exc: self._search_failed(seq, exc), parallel=True)

    def _found(self, seq: int, found: tuple[SearchResult, Page[ClientSummary]]) -> None:
        self._search_running = False
        if seq != self._search_seq:  # she typed on: drop this result, search for what is there now
            self._run_search()
            return
        result, page = found
        self._counting = not result.complete
        self.model.set_first_page(self._pager(result), page)
        # Logged once shown, on the database thread: a search on the pool never waits for the write lock.
        self._runner.run(audit.log_list, self._diary, "search", "client_search", [c.id for c in page.items])
        self.search_finished.emit((time.perf_counter() - self._typed_at) * 1000)
        if not result.complete:  # the whole truth follows once she stops typing: every match, the real count
            self._count_timer.start()

    def _count_all(self) -> None:
        seq, text = self._search_seq, self.search.text().strip()
        if not self._counting or self._search_running or not text:
            return
        filters, diary = self._filters(), self._diary
        self._runner.run(run_search, diary, text, **filters, parallel=True,
                         on_done=lambda full: self._counted(seq, full),
                         on_error=lambda exc: self._search_failed(seq, exc))

    def _pager(self, result: SearchResult) -> Callable[[int, int], Page[ClientSummary]]:
        diary = self._diary

        def more(offset: int, limit: int) -> Page[ClientSummary]:
            return search_page(diary, result, offset, limit)

        return more

    def _counted(self, seq: int, full: SearchResult) -> None:
        if seq != self._search_seq:
            return
        self._counting = False
        self.model.continue_with(self._pager(full), full.total)
        self._runner.run(audit.log_list, self._diary, "search", "client_search", full.ids)
        self.search_counted.emit(full.total)

    def _search_failed(self, seq: int, exc: Exception) -> None:
        self._search_running = False
        if seq != self._search_seq:
            self._run_search()
        else:
            self.count.setText(error_text(exc))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down arrow in the search box goes on to the list."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress and \
                isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down and self.model.rowCount():
            self.view.setFocus()
            if not self.view.currentIndex().isValid():
                self.view.setCurrentIndex(self.model.index(0, 0))
            return True
        return super().eventFilter(watched, event)

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
