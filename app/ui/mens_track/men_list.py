"""The men's list on the left: search (name, case number, phone, a talk's notes), a status filter, a mark for
the men whose three-talk rule asks to register them."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.services import audit
from app.services.context import Diary
from app.services.mens_track import men
from app.services.mens_track.men import ManView
from app.ui.common import accessible, error_text, heading
from app.ui.mens_track import labels
from app.ui.session import SessionRunner

SEARCH_DEBOUNCE_MS = 120
STATUSES = ("contact", "registered", "referred_on", "not_motivated", "closed")
DUE_COLOUR = "#b7791f"


class MenListPane(QWidget):
    man_chosen = Signal(str)
    loaded = Signal()

    def __init__(self, diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary, self._runner = diary, runner
        self._seq = 0
        self._logged_list: list[str] | None = None  # the list without a search last logged
        self.track_label = heading(self.tr("Men's support"), self, size=1.1)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search name, case number, phone or talk notes"))
        self.search.setClearButtonEnabled(True)
        accessible(self.search, self.tr("Search men"))
        self.status = QComboBox(self)
        self.status.addItem(self.tr("All men"), "")
        self.status.addItem(self.tr("Open cases"), "open")
        for code in STATUSES:
            self.status.addItem(labels.status(code), code)
        self.status.setCurrentIndex(1)
        accessible(self.status, self.tr("Status filter"))
        self.count = QLabel(self)
        self.count.setAccessibleName(self.tr("Number of men"))
        self.view = QListWidget(self)
        self.view.setAlternatingRowColors(True)
        accessible(self.view, self.tr("Men"))
        legend = QLabel(self.tr("● three talks attended: register as a case of his own"), self)
        legend.setWordWrap(True)
        legend.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.track_label)
        layout.addWidget(self.search)
        layout.addWidget(self.status)
        layout.addWidget(self.count)
        layout.addWidget(self.view, 1)
        layout.addWidget(legend)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.select_first)
        self.status.currentIndexChanged.connect(self.refresh)
        self.view.itemActivated.connect(self._chosen)
        self.view.itemClicked.connect(self._chosen)

    def refresh(self) -> None:
        self._seq += 1
        seq, diary, text = self._seq, self._diary, self.search.text().strip()
        code = str(self.status.currentData() or "")

        def fetch() -> list[ManView]:
            return men.list_men(diary, search=text, open_only=code == "open",
                                status=code if code not in ("", "open") else None, log=False)

        self._runner.run(fetch, on_done=lambda items: self._show(seq, items, searched=bool(text)),
                         on_error=lambda e: self.count.setText(error_text(e)), parallel=True)

    def _show(self, seq: int, items: list[ManView], *, searched: bool = False) -> None:
        if seq != self._seq:
            return  # she typed on: a newer search is under way
        # Logged on the database thread once shown (the search itself never waits for a writer): a search
        # each time; the list without one when it names other men than the list last logged.
        ids = [m.id for m in items]
        if searched:
            self._runner.run(audit.log_list, self._diary, "search", "men_search", ids, compartment="men")
        elif ids != self._logged_list:
            self._runner.run(audit.log_list, self._diary, "list", "men_list", ids, compartment="men")
        self._logged_list = None if searched else ids
        self.view.clear()
        for m in items:
            due = m.registration_due
            detail = " · ".join(x for x in (m.case_number, labels.status(m.status),
                                            self.tr("%n talk(s)", "", m.talks)) if x)
            item = QListWidgetItem(("● " if due else "") + f"{m.name}\n{detail}", self.view)
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            if due:
                item.setForeground(QBrush(QColor(DUE_COLOUR)))
                item.setToolTip(self.tr("Three talks attended: register him as a case of his own"))
        self.count.setText(self.tr("%n man/men", "", len(items)))
        self.loaded.emit()

    def _chosen(self, item: QListWidgetItem) -> None:
        man_id = item.data(Qt.ItemDataRole.UserRole)
        if man_id:
            self.man_chosen.emit(str(man_id))

    def select_first(self) -> None:
        if self.view.count():
            self.view.setCurrentRow(0)
            self._chosen(self.view.item(0))
