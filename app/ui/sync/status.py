"""Background sync while the diary is unlocked, "Sync now", and what the status bar says about it.

Every minute the controller reads the sync state (database thread), asks in a pool thread whether the share
answers, and runs a round when something is waiting or the last round is more than five minutes old. The
round runs in its own lane (``TaskRunner.run_round``), applying in short transactions, so the screens' reads
and writes on the database thread go on while it runs (reads never wait; a write waits at most one of the
round's transactions); the screens refresh after it (``synced``). Locking asks the round to stop at its
next transaction (``stop``) and closes the store only once it has ended: what it applied is kept, and the
next round goes on from there. Only one check-and-round is under way at a time.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from app.services.context import Diary
from app.services.retention import scrub as retention_scrub
from app.services.sync import settings as sync_settings
from app.services.sync.settings import SyncStatus
from app.sync import SyncSummary, share_reachable, sync_now
from app.sync.files import QUARANTINE_PREFIX
from app.ui.common import accessible, error_text
from app.ui.session import SessionRunner
from app.ui.sync.conflicts import ConflictsDialog

CHECK_EVERY_MS = 60_000
FIRST_CHECK_MS = 10_000  # soon after unlocking, once the first screens have loaded
ROUND_AT_LEAST_EVERY_S = 5 * 60


def _local_time(at: datetime) -> str:
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    local = at.astimezone()
    today = datetime.now().astimezone().date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%Y-%m-%d %H:%M")


class SyncController(QObject):
    synced = Signal(object)  # SyncSummary, after a round (data from the team may have arrived)
    status_shown = Signal(object)  # SyncStatus

    def __init__(self, diary: Diary, runner: SessionRunner, bar: QStatusBar, parent: QWidget) -> None:
        super().__init__(parent)
        self._diary, self._runner, self._parent = diary, runner, parent
        self._busy = False
        self._stopping = threading.Event()  # set when the diary locks: a running round ends at its next step
        self._last_round = 0.0  # monotonic seconds; 0 = not in this session
        self.status: SyncStatus | None = None
        self.last_summary: SyncSummary | None = None
        self.problem = QLabel(bar)
        self.problem.setStyleSheet("color: #a4262c;")
        self.problem.hide()
        self.waiting = QLabel(bar)
        self.last = QLabel(bar)
        self.versions = QPushButton(bar)
        self.versions.setFlat(True)
        self.versions.setStyleSheet("QPushButton { color: #8a5300; font-weight: bold; padding: 0 6px; }")
        self.versions.hide()
        # Named from the start, not only once the first status has come (the workspace reads it after its
        # first paint, and a client may be open by then).
        accessible(self.versions, self.tr("Details kept in two versions: {n}. Choose one.").format(n=0))
        self.versions.clicked.connect(lambda: self.open_conflicts(None))
        for w in (self.problem, self.waiting, self.last, self.versions):
            bar.addPermanentWidget(w)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(lambda: self.check(force=False))
        self.first_check = QTimer(self)
        self.first_check.setSingleShot(True)
        self.first_check.setInterval(FIRST_CHECK_MS)
        self.first_check.timeout.connect(lambda: self.check(force=False))
        self.dialogs: list[ConflictsDialog] = []

    @property
    def busy(self) -> bool:
        return self._busy

    # --- lifecycle -----------------------------------------------------------------------------------
    def start(self) -> None:
        self.timer.start()
        self.first_check.start()
        self.refresh()

    def stop(self) -> None:
        """Locking: no new checks, and a running round stops after its current transaction."""
        self._stopping.set()
        self.timer.stop()
        self.first_check.stop()
        for d in self.dialogs:
            d.close()
        self.dialogs.clear()

    def refresh(self) -> None:
        # Refreshed after every round and check: a failure shows in the status bar, not as a box each minute.
        self._runner.run(sync_settings.status, self._diary, on_done=self._show_status,
                         on_error=lambda exc: self._set_problem(error_text(exc)))

    # --- a round -------------------------------------------------------------------------------------
    def sync_now(self) -> None:
        self.check(force=True)

    def check(self, *, force: bool) -> None:
        if self._busy:
            if force:
                self._set_problem(None)
                self.last.setText(self.tr("Syncing…"))
            return
        self._busy = True
        self._runner.run(sync_settings.status, self._diary,
                         on_done=lambda st: self._decide(st, force), on_error=self._failed)

    def _decide(self, st: SyncStatus, force: bool) -> None:
        self._show_status(st)
        if not st.location or not st.teams:
            self._busy = False
            if force:
                self._set_problem(self.tr("Sync is not set up: choose the share in Preferences.")
                                  if not st.location else
                                  self.tr("This diary is not in a team yet (athena team join FILE)."))
            return
        due = st.waiting > 0 or time.monotonic() - self._last_round > ROUND_AT_LEAST_EVERY_S
        if not (force or due):
            self._busy = False
            return
        if force:
            self.last.setText(self.tr("Syncing…"))
        location = st.location
        self._runner.run(share_reachable, location, parallel=True,
                         on_done=lambda ok: self._reachable(location, bool(ok)), on_error=self._failed)

    def _reachable(self, location: str, ok: bool) -> None:
        if not ok:
            self._busy = False
            self._set_problem(self.tr("The share cannot be reached (not connected, or a wrong path). Nothing "
                                      "was changed; Athena tries again in a minute."))
            self.refresh()
            return
        self._runner.run_round(sync_now, self._diary.store, location, self._diary.identity,
                               stop=self._stopping.is_set, on_done=self._round_done, on_error=self._failed)

    def _round_done(self, summary: SyncSummary) -> None:
        self._busy = False
        self._last_round = time.monotonic()
        self.last_summary = summary
        problems = summary.problems
        headline = problems[0] if problems else None
        if summary.removed:  # nothing more will reach this laptop: said first, in plain words
            headline = self.tr("This laptop was removed from the team: it no longer sends or receives the "
                               "team's data. Its own diary is kept.")
        elif summary.clock_ahead_hours:
            headline = self.tr("This laptop's clock is {hours} hours ahead: set the clock right; its changes "
                               "are kept until then.").format(hours=summary.clock_ahead_hours)
        elif headline is None and summary.repaired:
            # A file moved aside on the share: named, so that whoever looks after the share can find it.
            moved = [w for w in summary.warnings if QUARANTINE_PREFIX in w]
            headline = moved[0] if moved else None
        self._set_problem(headline, "\n".join(problems or summary.warnings))
        self.synced.emit(summary)
        if summary.pulled:  # records purged on another laptop: clear what the round left of them here
            self._runner.run(retention_scrub.after_sync, self._diary)
        self.refresh()

    def _failed(self, exc: Exception) -> None:
        self._busy = False
        self._set_problem(error_text(exc))
        self.refresh()

    # --- showing -------------------------------------------------------------------------------------
    def _set_problem(self, text: str | None, details: str = "") -> None:
        self.problem.setText(text or "")
        self.problem.setToolTip(details or text or "")
        accessible(self.problem, self.tr("Sync problem: {text}").format(text=text) if text else "")
        self.problem.setVisible(bool(text))

    def _show_status(self, st: SyncStatus) -> None:
        self.status = st
        if not st.location or not st.teams:
            self.last.setText(self.tr("Sync not set up"))
            self.last.setToolTip(self.tr("Choose the share in Preferences; join a team with "
                                         "athena team join FILE."))
            self.waiting.hide()
        else:
            self.last.setText(self.tr("Synced {time}").format(time=_local_time(st.last_sync))
                              if st.last_sync else self.tr("Not synced yet"))
            self.last.setToolTip(self.tr("Last sync with the team's share"))
            self.waiting.setText(self.tr("Waiting to sync: {n}").format(n=st.waiting))
            self.waiting.setVisible(st.waiting > 0)
        self.versions.setText(self.tr("2 versions ({n})").format(n=st.conflicts))
        accessible(self.versions, self.tr("Details kept in two versions: {n}. Choose one.").format(n=st.conflicts))
        self.versions.setVisible(st.conflicts > 0)
        self.status_shown.emit(st)

    # --- conflicts -----------------------------------------------------------------------------------
    def open_conflicts(self, client_id: str | None) -> ConflictsDialog:
        dialog = ConflictsDialog(self._diary, self._runner, client_id, self._parent)
        dialog.resolved.connect(self.refresh)
        dialog.resolved.connect(lambda: self.synced.emit(None))
        dialog.finished.connect(lambda *_: self._closed(dialog))
        self.dialogs.append(dialog)
        dialog.open()
        return dialog

    def _closed(self, dialog: ConflictsDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()
