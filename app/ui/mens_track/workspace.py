"""The open diary on the men's track: the men's list on the left; Idag, his case or the statistics on the right.

Built with a diary narrowed to the men's track (``Diary.for_track``): whatever the worker's other track holds
cannot be listed, searched, opened or counted here, because every service checks the track.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QStackedWidget, QStatusBar, QVBoxLayout, QWidget

from app.services.context import Diary
from app.services.mens_track import men
from app.services.mens_track.men import ManView
from app.ui.clients.dialogs import run_dialog
from app.ui.clients.export_status import ExportStatus
from app.ui.mens_track.case_view import ManCaseView
from app.ui.mens_track.dialogs import ManDialog
from app.ui.mens_track.men_list import MenListPane
from app.ui.mens_track.statistics import MenStatisticsScreen
from app.ui.mens_track.today import MenTodayScreen
from app.ui.session import SessionRunner, StartsAfterPaint
from app.ui.sync.status import SyncController


class MensWorkspace(StartsAfterPaint):
    ready = Signal()  # the men's list is shown: she can search, open and write

    def __init__(self, diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diary, self.runner = diary, runner
        self.men_list = MenListPane(diary, runner, self)
        self.today = MenTodayScreen(diary, runner, self)
        self.case_view = ManCaseView(diary, runner, self)
        self.statistics: MenStatisticsScreen | None = None  # built when first asked for
        self.right = QStackedWidget(self)
        self.right.addWidget(self.today)
        self.right.addWidget(self.case_view)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.men_list)
        split.addWidget(self.right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([300, 930])
        split.setChildrenCollapsible(False)
        self.status = QStatusBar(self)
        self.status.setSizeGripEnabled(False)
        self.exporting = ExportStatus(diary, runner, self.status, self)
        self.sync = SyncController(diary, runner, self.status, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self.men_list.man_chosen.connect(self.open_man)
        self.today.man_chosen.connect(self.open_man)
        self.case_view.changed.connect(self._man_changed)
        self.sync.synced.connect(self._synced)
        self._ready_sent = False
        self.men_list.loaded.connect(self._list_loaded)
        self.start_after_paint()  # its first lists read once it is laid out and painted, as the women's

    @property
    def man_id(self) -> str | None:
        return self.case_view.man_id

    def start(self) -> None:
        self.men_list.refresh()
        self.today.reload()
        self.men_list.search.setFocus()
        self.sync.start()

    def _list_loaded(self) -> None:
        if not self._ready_sent:
            self._ready_sent = True
            self.ready.emit()

    # --- navigation ----------------------------------------------------------------------------------
    def show_today(self) -> None:
        self.case_view.set_man(None)
        self.right.setCurrentWidget(self.today)
        self.today.reload()

    def open_man(self, man_id: str) -> None:
        self.right.setCurrentWidget(self.case_view)
        self.case_view.set_man(man_id)

    def show_statistics(self) -> None:
        self.case_view.set_man(None)
        if self.statistics is None:
            self.statistics = MenStatisticsScreen(self.diary, self.runner, self)
            self.right.addWidget(self.statistics)
            self.statistics.refresh()
        self.right.setCurrentWidget(self.statistics)

    def export(self, path: Path) -> None:
        """Export the men's track (every man with his talks) to ``path`` in the database worker, with progress
        and a cancel button in the status bar, as the women's export."""
        self.exporting.start(path, None)

    def cancel_export(self) -> None:
        self.exporting.cancel()

    def focus_search(self) -> None:
        self.men_list.search.setFocus()
        self.men_list.search.selectAll()

    def new_talk(self) -> None:
        if self.case_view.man_id is None:
            self.status.showMessage(self.tr("Open a man's case first."), 5000)
            return
        self.case_view.new_talk()

    def new_man(self) -> None:
        def created(view: ManView) -> None:
            self.men_list.refresh()
            self.open_man(view.id)

        run_dialog(ManDialog(self.diary.today(), self), self.runner, men.add_man, self.diary, on_saved=created)

    def _man_changed(self) -> None:
        self.men_list.refresh()

    def _synced(self, summary: object) -> None:
        if getattr(summary, "pulled", 1) == 0:
            return
        self.men_list.refresh()
        if self.right.currentWidget() is self.today:
            self.today.reload()
