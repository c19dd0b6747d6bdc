"""The open diary: the client list on the left; Idag or the client on the right."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from app.services.clients import clients
from app.services.context import Diary
from app.services.drafts import store as drafts
from app.services.drafts.store import DraftView, Place
from app.ui.clients.client_list import ClientListPane
from app.ui.clients.client_view import ClientView
from app.ui.clients.dialogs import ClientDialog, run_dialog
from app.ui.clients.export_status import ExportJob, ExportStatus, export_to_file  # noqa: F401 (re-exported)
from app.ui.drafts import DraftKeeper
from app.ui.session import SessionRunner, StartsAfterPaint
from app.ui.sync.status import SyncController
from app.ui.today.today import TodayScreen

DIALOG_EDITORS = ("client_dialog", "decision_dialog", "close_dialog")


def _where_she_was(diary: Diary) -> tuple[Place | None, list[DraftView]]:
    return drafts.get_place(diary), drafts.list_drafts(diary)


class Workspace(StartsAfterPaint):
    ready = Signal()  # the first page of the client list is shown: she can search, open and write

    def __init__(self, diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diary, self.runner = diary, runner
        self.client_list = ClientListPane(diary, runner, self)
        self.today = TodayScreen(diary, runner, self)
        self.client_view = ClientView(diary, runner, self)
        # The client's tabs are built after the list and Idag have been filled (or when a client is opened):
        # building them takes the GUI thread, and the workers filling the first screen would wait for it.
        self.client_view.hold_build()
        self._first_screen = {"list", "today"}
        self._build_anyway = QTimer(self, singleShot=True, interval=3000)  # Idag failed or is slow
        self._build_anyway.timeout.connect(self.client_view.resume_build)
        self._build_anyway.start()
        self.right = QStackedWidget(self)
        self.right.addWidget(self.today)
        self.right.addWidget(self.client_view)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.client_list)
        split.addWidget(self.right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([330, 900])
        split.setChildrenCollapsible(False)
        self.status = QStatusBar(self)
        self.status.setSizeGripEnabled(False)
        self.exporting = ExportStatus(diary, runner, self.status, self)
        self.export_progress, self.export_cancel = self.exporting.progress, self.exporting.cancel_button
        self.sync = SyncController(diary, runner, self.status, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

        self.drafts = DraftKeeper(diary, runner, self)
        self.client_view.attach_drafts(self.drafts)
        self._restore_dialogs: list[DraftView] = []
        self.client_view.shown.connect(self._client_shown)
        self.client_list.client_chosen.connect(self.open_client)
        self.today.client_chosen.connect(self.open_client)
        self.client_view.changed.connect(self._client_changed)
        self.client_view.conflict_banner.open_requested.connect(self.sync.open_conflicts)
        self.sync.synced.connect(self._synced)
        self._ready_sent = False
        self.client_list.model.loaded.connect(self._list_loaded)
        self.today.loaded.connect(lambda: self._first_screen_part("today"))
        # The workers reading the first lists start once the new screen has been laid out and painted: laid out
        # while they run, every widget's size and paint calls would wait for the interpreter they hold.
        self.start_after_paint()

    def start(self) -> None:
        self.client_list.refresh()
        self.today.reload()
        self.client_list.search.setFocus()
        self.sync.start()
        self.runner.run(_where_she_was, self.diary, on_done=self._restore, on_error=lambda _e: None)

    # --- where she was, and what she had typed -------------------------------------------------------
    def remember(self) -> None:
        """Before locking or quitting: every editor's unsaved text and the client and tab she has open."""
        self.drafts.flush_all()
        client_id = self.client_view.client_id
        self.drafts.save_place(client_id, self.client_view.current_tab_key() if client_id else "")

    def _restore(self, found: tuple[Place | None, list[DraftView]]) -> None:
        place, kept = found
        dialogs = [d for d in kept if d.editor in DIALOG_EDITORS]
        new_client = next((d for d in dialogs if d.key == "client_dialog:new"), None)
        if place is not None and place.client_id:
            self._restore_tab = place.tab
            self._restore_dialogs = [d for d in dialogs if d.client_id == place.client_id]
            self.open_client(place.client_id)
        if new_client is not None:
            self.new_client(new_client.content)

    def _client_shown(self, client_id: str) -> None:
        tab = getattr(self, "_restore_tab", "")
        if tab:
            self._restore_tab = ""
            self.client_view.select_tab(tab)
        dialogs, self._restore_dialogs = self._restore_dialogs, []
        for d in dialogs:
            if d.client_id == client_id:
                self.client_view.reopen_dialog(d.editor, d.content)

    def _list_loaded(self) -> None:
        if not self._ready_sent:
            self._ready_sent = True
            self.ready.emit()
            self._first_screen_part("list")

    def _first_screen_part(self, part: str) -> None:
        if part in self._first_screen:
            self._first_screen.discard(part)
            if not self._first_screen:
                self.client_view.resume_build()

    # --- navigation ----------------------------------------------------------------------------------
    def show_today(self) -> None:
        self.client_view.set_client(None)
        self.right.setCurrentWidget(self.today)
        self.today.reload()

    def open_client(self, client_id: str) -> None:
        self.right.setCurrentWidget(self.client_view)
        self.client_view.set_client(client_id)

    def new_entry(self) -> None:
        if self.client_view.client_id is None:
            self.status.showMessage(self.tr("Open a client first."), 5000)
            return
        diary = self.client_view.panels.get("diary")
        if diary is not None:
            self.client_view.select_tab("diary")
            start = getattr(diary, "start_entry", None)
            if start is not None:
                start()

    def focus_search(self) -> None:
        self.client_list.search.setFocus()
        self.client_list.search.selectAll()

    def _client_changed(self) -> None:
        if not self.client_list.search.text().strip():
            self.client_list.refresh()

    def _synced(self, summary: object) -> None:
        """A round that brought the team's changes (or a choice between two versions) may have changed what is
        shown. The open client's tabs are left alone: she may be writing in one."""
        self.client_view.refresh_sync_state()
        if getattr(summary, "pulled", 1) == 0:
            return
        if not self.client_list.search.text().strip():
            self.client_list.refresh()
        if self.right.currentWidget() is self.today:
            self.today.reload()

    # --- actions -------------------------------------------------------------------------------------
    def new_client(self, draft: dict[str, Any] | None = None) -> None:
        def created(detail: clients.ClientDetail) -> None:
            self.client_list.refresh()
            self.open_client(detail.id)

        dialog = ClientDialog(self)
        dialog.keep_drafts(self.drafts, "client_dialog:new", "client_dialog", None, draft)
        run_dialog(dialog, self.runner, clients.create_client, self.diary, on_saved=created)

    def export(self, path: Path, *, whole_diary: bool = False, with_protected: bool = True) -> None:
        """Export the open client (or the whole diary) to ``path`` in the database worker, with progress and
        a cancel button in the status bar. One export at a time. ``with_protected=False`` leaves protected
        clients' address and personal identity number out of the file."""
        self.exporting.start(path, None if whole_diary else self.client_view.client_id, with_protected)

    def cancel_export(self) -> None:
        """Stop a running export after the client being written; the file is not created."""
        self.exporting.cancel()

    @property
    def _export_job(self) -> ExportJob | None:
        return self.exporting.job
