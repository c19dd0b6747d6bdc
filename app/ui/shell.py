"""The one top-level window: create / unlock / the open diary, and locking.

Locking destroys every widget that showed client data, drops the callbacks of jobs still running, closes
the store (the database key leaves memory) and shows the unlock screen. The title is always "Athena".
"""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app.services.backup import BackupInfo, make_backup
from app.services.clients import export as export_service
from app.services.context import Diary
from app.services.sync import settings as sync_settings
from app.services.sync.joining import JoinedTeam, join_with_invitation
from app.services.sync.settings import SyncStatus
from app.storage import vault
from app.ui import i18n, labels
from app.ui.access.lock import ClipboardGuard, LockTriggers
from app.ui.access.unlock import CreateDiaryScreen, UnlockScreen
from app.ui.audit.menu import LeadTools
from app.ui.backup.restore_dialog import RestoreDialog
from app.ui.common import error_text, fit_on_screen, show_error
from app.ui.main_window import Workspace
from app.ui.mens_track.workspace import MensWorkspace
from app.ui.menus import WindowMenus
from app.ui.preferences import Preferences, PreferencesDialog
from app.ui.reports.screen import ReportScreen
from app.ui.session import SessionRunner
from app.ui.tasks import TaskRunner
from app.ui.tracks import TrackWorkspaces
from app.ui.warmup import Warmup

TITLE = "Athena"
MIN_WIDTH, MIN_HEIGHT = 960, 560  # fits 1280×720 at 150 % and a 1366×768 laptop with room to spare


def _close_after_round(runner: TaskRunner, store: vault.Store) -> None:
    """On the database thread, when locking: wait for a sync round to stop (it was asked to, and stops after
    its current transaction), then close the store."""
    runner.wait_rounds()
    store.close()


def _forget_session_objects() -> None:
    """After locking: let the collector reach what the closed session left (see gc.freeze on open)."""
    gc.unfreeze()
    gc.enable()
    gc.collect()


class AthenaWindow(QMainWindow):
    locked = Signal()
    opened = Signal(object)  # Workspace

    def __init__(self, data_dir: Path, prefs: Preferences, runner: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir, self.prefs = Path(data_dir), prefs
        self.runner = runner or TaskRunner(self)
        self.setWindowTitle(TITLE)
        self._report_windows: list[QWidget] = []
        self._quit_confirmed = False
        self.quit_box: QMessageBox | None = None
        self.preferences_dialog: PreferencesDialog | None = None
        self.export_box: QMessageBox | None = None
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.tracks = TrackWorkspaces(self.runner, self.stack, self)
        self.tracks.dropping.connect(self._close_tool_windows)
        self.tracks.built.connect(self._workspace_built)
        self.menus = WindowMenus(self.menuBar(), self)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.triggers = LockTriggers(app, prefs.idle_minutes, self)
        self.triggers.lock_requested.connect(self.lock)
        self.clipboard = ClipboardGuard(app.clipboard(), self)
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(lambda: self.lock("manual"))
        self.addAction(self.lock_action)
        # A window-modal form blocks the main window's shortcuts: lend Ctrl+L to every window she types in.
        app.focusChanged.connect(self._lend_lock_shortcut)
        # The process's one-off costs, paid while the unlock screen waits for the passphrase (app/ui/warmup.py).
        self.warmup = Warmup(self)
        self._build_gate(locked=False)
        fit_on_screen(self, 1280, 800)
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)

    # The open diary, its active track and that track's screens (app/ui/tracks.py).
    @property
    def diary(self) -> Diary | None:
        """The unlocked diary seen from the active track only."""
        return self.tracks.diary

    @property
    def full_diary(self) -> Diary | None:
        """The same with every track of the worker."""
        return self.tracks.full_diary

    @property
    def track(self) -> str:
        return self.tracks.track

    @property
    def session(self) -> SessionRunner | None:
        return self.tracks.session

    @property
    def workspace(self) -> Workspace | MensWorkspace | None:
        return self.tracks.workspace

    @property
    def lead_tools(self) -> LeadTools | None:
        """The team lead's items of the View menu (None while no diary is open)."""
        return self.menus.lead_tools

    def _lend_lock_shortcut(self, _old: QWidget | None, new: QWidget | None) -> None:
        window = new.window() if new is not None else None
        if window is not None and window is not self and self.lock_action not in window.actions():
            window.addAction(self.lock_action)
            self.triggers.watch_windows()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Ctrl+L is recognised on its way into any of Athena's windows (LockTriggers), also when Qt counts no
        # window as active: watch this one from its first paint, not from the next tick. And ask to be the
        # active window, which a desktop without a window manager never makes it by itself.
        self.triggers.watch_windows()
        if self.workspace is None:
            self.warmup.start()
        if not event.spontaneous():
            self.raise_()
            self.activateWindow()

    # --- screens -------------------------------------------------------------------------------------
    def _build_gate(self, *, locked: bool) -> None:
        """The create or unlock screen (rebuilt on a language change)."""
        for old in (getattr(self, "unlock_screen", None), getattr(self, "create_screen", None)):
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
        self.unlock_screen = UnlockScreen(self.data_dir, self.runner, self)
        self.unlock_screen.unlocked.connect(self._opened)
        self.unlock_screen.restore_requested.connect(self.open_restore)
        self.create_screen = CreateDiaryScreen(self.data_dir, self.runner, self)
        self.create_screen.created.connect(self._opened)
        self.stack.addWidget(self.unlock_screen)
        self.stack.addWidget(self.create_screen)
        if self.workspace is None:
            self._show_gate(locked)
        self._build_menus()

    def _show_gate(self, locked: bool) -> None:
        if vault.diary_exists(self.data_dir):
            self.unlock_screen.set_locked_message(locked)
            self.stack.setCurrentWidget(self.unlock_screen)
            self.unlock_screen.reset()
        else:
            self.stack.setCurrentWidget(self.create_screen)
            self.create_screen.pass1.setFocus()

    def _build_menus(self) -> None:
        self.menus.rebuild()

    # --- open and lock -------------------------------------------------------------------------------
    def _opened(self, diary: Diary) -> None:
        self.warmup.stop()  # what is left waits for the next lock
        self.tracks.open(diary)
        self.triggers.arm()
        if diary.store.backup_problem:
            self.statusBar().showMessage(self.tr("No backup was taken at unlock: {problem}").format(
                problem=diary.store.backup_problem), 30_000)

    # --- backups -------------------------------------------------------------------------------------
    def back_up_now(self) -> None:
        if self.diary is None or self.session is None:
            return
        self.session.run(make_backup, self.diary, "manual", on_done=self._backed_up,
                         on_error=lambda exc: show_error(self, exc))

    def _backed_up(self, written: list[BackupInfo]) -> None:
        self.statusBar().showMessage(self.tr("The backup was taken and checked ({where}).").format(
            where=", ".join(str(b.folder) for b in written)), 10_000)

    def open_restore(self) -> None:
        """The restore dialog, over the unlock screen: an open diary is locked first (restoring replaces the
        file under it)."""
        self.lock("restore")
        dialog = RestoreDialog(self.data_dir, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.restored.connect(self._opened)
        self.restore_dialog = dialog
        dialog.open()

    def switch_track(self, track: str) -> None:
        """Work in the other track (menu Track, Ctrl+1 / Ctrl+2): see TrackWorkspaces.switch."""
        self.tracks.switch(track)

    def _workspace_built(self, workspace: Workspace | MensWorkspace) -> None:
        self._build_menus()
        self.opened.emit(workspace)

    def _close_tool_windows(self) -> None:
        for w in self._report_windows:
            w.close()
            w.deleteLater()
        self._report_windows.clear()

    def lock(self, reason: str = "manual") -> None:
        # What she typed is written (on the database thread, before the store closes), and where she was;
        # then every widget that showed client data goes.
        diary = self.tracks.close()
        if diary is None:
            return
        self.clipboard.clear_if_ours()
        self.triggers.armed = False
        self.setWindowTitle(TITLE)
        # Jobs already queued on the database thread finish first, and a sync round stops at its next
        # transaction; then the key leaves memory.
        self.runner.run(_close_after_round, self.runner, diary.store)
        QTimer.singleShot(0, _forget_session_objects)
        self._build_menus()
        self._show_gate(locked=True)
        if self.isVisible():
            self.warmup.start()
        self.locked.emit()

    # --- preferences, reports, export ----------------------------------------------------------------
    def open_preferences(self) -> None:
        if self.diary is not None and self.session is not None:
            # The share and the teams live inside the diary: read them first, on the database thread.
            self.session.run(sync_settings.status, self.diary, on_done=self._open_preferences,
                             on_error=lambda e: self._open_preferences(None))
        else:
            self._open_preferences(None)

    def _open_preferences(self, sync: SyncStatus | None) -> None:
        dialog = PreferencesDialog(self.prefs, self, sync=sync)
        old_lang = self.prefs.language

        def accepted() -> None:
            dialog.apply_to(self.prefs)
            location = dialog.share_location()
            if (sync is not None and location is not None and location != sync.location
                    and self.diary is not None and self.session is not None):
                ws = self.workspace
                self.session.run(sync_settings.set_location, self.diary, location,
                                 on_done=lambda _v: ws.sync.refresh() if ws is not None else None,
                                 on_error=lambda e: show_error(self, e))
            self.triggers.set_idle_minutes(self.prefs.idle_minutes)
            if self.prefs.language != old_lang:
                self.apply_language(self.prefs.language)

        def join(path: str, code: str) -> None:
            if self.diary is None or self.session is None:
                dialog.joined(self.tr("Unlock the diary first."))
                return
            ws = self.workspace

            def done(info: JoinedTeam) -> None:
                dialog.joined(self.tr("Joined “{name}” ({track}) as a new laptop. The first sync fetches the "
                                      "team's data.").replace("{name}", info.name)
                              .replace("{track}", labels.track(info.compartment)))
                if ws is not None:
                    ws.sync.refresh()

            self.session.run(join_with_invitation, self.full_diary or self.diary, path, code, on_done=done,
                             on_error=lambda e: dialog.joined(error_text(e)))

        dialog.join_requested.connect(join)
        self.preferences_dialog = dialog
        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def apply_language(self, lang: str) -> None:
        app = QApplication.instance()
        assert app is not None
        i18n.install(app, lang)
        self.tracks.rebuild()
        self._build_gate(locked=True)

    def open_reports(self) -> None:
        if self.diary is None or self.session is None:
            return
        screen = ReportScreen(self.diary, self.session, self)
        screen.setWindowFlag(Qt.WindowType.Window, True)
        screen.setWindowTitle(self.tr("Athena – Reports"))
        screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        screen.destroyed.connect(lambda *_: self._report_windows.remove(screen)
                                 if screen in self._report_windows else None)
        self._report_windows.append(screen)
        fit_on_screen(screen, 1200, 800, anchor=self)
        screen.show()
        self.triggers.watch_windows()  # Ctrl+L locks from it at once

    def open_tool(self, which: str) -> None:
        """The team lead's log follow-up or retention screen, in a window of its own (closed on lock)."""
        if self.diary is None or self.session is None:
            return
        screen: QWidget
        if which in ("followup", "own_log"):
            from app.ui.audit.followup import FollowupScreen

            screen = FollowupScreen(self.diary, self.session, self, own=which == "own_log")
            screen.setWindowTitle("Athena – " + screen.windowTitle())
        elif which == "retention":
            from app.ui.retention.screen import RetentionScreen

            screen = RetentionScreen(self.diary, self.session, self)
            screen.setWindowTitle(self.tr("Athena – Retention"))
        else:
            from app.ui.reference.editor import ReferenceEditor

            screen = ReferenceEditor(self.diary, self.session, self)
            screen.setWindowTitle(self.tr("Athena – Reference lists"))
        screen.setWindowFlag(Qt.WindowType.Window, True)
        screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        if which == "reference":
            screen.resize(520, 520)
        else:
            screen.resize(980, 620)
        screen.destroyed.connect(lambda *_: self._report_windows.remove(screen)
                                 if screen in self._report_windows else None)
        self._report_windows.append(screen)
        screen.show()
        self.triggers.watch_windows()  # Ctrl+L locks from it at once

    def ask_export(self, whole: bool) -> None:
        if self.workspace is None or self.diary is None or self.session is None:
            return
        client_id: str | None = None
        if isinstance(self.workspace, MensWorkspace):
            whole = True  # a man's case goes out with the whole diary's export of the men's track
        elif not whole:
            client_id = self.workspace.client_view.client_id
            if client_id is None:
                self.workspace.status.showMessage(self.tr("Open a client first."), 5000)
                return
        self.session.run(export_service.protected_count, self.diary, client_id,
                         on_done=lambda n: self._warn_export(whole, int(n)),
                         on_error=lambda e: show_error(self, e))

    def _warn_export(self, whole: bool, protected: int) -> None:
        """The file is not encrypted: say so, and offer to leave protected details out, before a file is
        chosen."""
        if self.workspace is None:
            return
        text = self.tr("The export file is NOT encrypted: anyone who gets the file can read everything in it. "
                       "Keep it on an encrypted drive and delete it when it has served its purpose.")
        if protected:
            text += "\n\n" + self.tr("It holds the protected address and personal identity number of %n "
                                      "client(s) with protected identity.", "", protected)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export"), text, QMessageBox.StandardButton.NoButton,
                          self)
        leave_out = QCheckBox(self.tr("Leave out protected details (address and personal identity number of "
                                      "clients with protected identity)"), box)
        leave_out.setChecked(bool(protected))
        leave_out.setEnabled(bool(protected))
        box.setCheckBox(leave_out)
        go = box.addButton(self.tr("&Choose file and export…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.export_box = box

        def answered(_result: int) -> None:
            ws = self.workspace
            if box.clickedButton() is not go or ws is None:
                return
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"),
                                                  str(Path.home() / "athena-export.json"), self.tr("JSON (*.json)"))
            if not path or self.workspace is not ws:  # locked (Ctrl+L, idle) while the file was chosen
                return
            if isinstance(ws, MensWorkspace):
                self._export_men(Path(path))
            else:
                ws.export(Path(path), whole_diary=whole, with_protected=not leave_out.isChecked())

        box.finished.connect(answered)
        box.open()

    def _export_men(self, path: Path) -> None:
        if isinstance(self.workspace, MensWorkspace):
            self.workspace.export(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        ws = self.workspace
        unsaved = ws.drafts.unsaved() if isinstance(ws, Workspace) else []
        if unsaved and not self._quit_confirmed:
            event.ignore()
            self._ask_quit(unsaved)
            return
        self._quit_confirmed = False
        self.lock("quit")
        self.runner.wait(10_000)
        event.accept()

    def _ask_quit(self, unsaved: list[str]) -> None:
        """Quit with unsaved text: say so. Her text is kept as an encrypted draft either way."""
        names = {"entry": self.tr("a diary entry"), "safety_plan": self.tr("the safety plan"),
                 "client_dialog": self.tr("the client form"), "decision_dialog": self.tr("a decision"),
                 "close_dialog": self.tr("closing a case")}
        what = ", ".join(dict.fromkeys(names.get(u, u) for u in unsaved))
        box = QMessageBox(QMessageBox.Icon.Question, TITLE,
                          self.tr("There is unsaved text ({what}). It is kept as an encrypted draft in the "
                                  "diary and will be back when you unlock. Quit now?").replace("{what}", what),
                          QMessageBox.StandardButton.NoButton, self)
        self.quit_button = box.addButton(self.tr("&Quit, keep the draft"), QMessageBox.ButtonRole.AcceptRole)
        stay = box.addButton(self.tr("&Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.quit_box = box

        def answered(_result: int) -> None:
            if box.clickedButton() is self.quit_button:
                self._quit_confirmed = True
                QTimer.singleShot(0, self.close)

        box.finished.connect(answered)
        box.open()
