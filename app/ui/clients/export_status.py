"""The export of a diary (or one client) as the status bar shows it: streamed to the chosen file in the
database worker, with a progress bar and a cancel button beside the status messages. Used by both tracks'
workspaces."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressBar, QPushButton, QStatusBar, QWidget

from app.services.clients import export
from app.services.context import Diary
from app.ui.common import show_error
from app.ui.session import SessionRunner


class ExportJob(QObject):
    """One running export: its progress (sent from the worker thread, shown on the GUI thread) and its cancel
    flag (set on the GUI thread, read by the worker after every client)."""

    progressed = Signal(int, int)  # clients written, clients in the export
    EVERY_S = 0.1  # at most ten progress signals a second

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._last = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int) -> None:  # worker thread
        now = time.perf_counter()
        if done == total or now - self._last >= self.EVERY_S:
            self._last = now
            self.progressed.emit(done, total)


def export_to_file(diary: Diary, path: Path, client_id: str | None, with_protected: bool = True,
                   job: ExportJob | None = None) -> Path:
    """Stream the export straight from the diary to the chosen file (0600, complete or not at all). No pauses
    are needed for the GUI thread: the worker lets go of the interpreter lock in every SQLite call and in
    the interpreter's regular switches, and never runs one long C call (one client's JSON at a time).
    ``with_protected=False`` leaves protected clients' address and personal identity number out."""
    if job is None:
        export.write_export_file(diary, path, client_id=client_id, with_protected=with_protected)
    else:
        export.write_export_file(diary, path, client_id=client_id, progress=job.progress,
                                 cancelled=lambda: job.cancelled, with_protected=with_protected)
    return path


class ExportStatus(QObject):
    """The export's progress bar and cancel button in a workspace's status bar, and the one export it runs at
    a time."""

    def __init__(self, diary: Diary, runner: SessionRunner, status: QStatusBar, owner: QWidget) -> None:
        super().__init__(owner)
        self.diary, self.runner, self.status, self.owner = diary, runner, status, owner
        self.progress = QProgressBar(owner)
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.setMaximumWidth(220)
        self.progress.setFormat(self.tr("%v of %m clients"))
        self.cancel_button = QPushButton(self.tr("Cancel export"), owner)
        self.cancel_button.setAccessibleName(self.tr("Cancel export"))
        self.cancel_button.clicked.connect(self.cancel)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()
        self.job: ExportJob | None = None

    def start(self, path: Path, client_id: str | None, with_protected: bool = True) -> None:
        """Export ``client_id`` (None: the whole diary of the workspace's track) to ``path``."""
        if self.job is not None:
            self.status.showMessage(self.tr("An export is already running."), 5000)
            return
        job = ExportJob()  # not a child: it outlives the workspace if the diary locks mid-export
        self.job = job
        job.progressed.connect(self._progressed)
        self.progress.setRange(0, 0)  # busy until the first progress arrives
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.status.showMessage(self.tr("Exporting…"))
        self.runner.run(export_to_file, self.diary, path, client_id, with_protected, job,
                        on_done=lambda p: self._finished(job, p), on_error=lambda e: self._failed(job, e))

    def cancel(self) -> None:
        """Stop a running export after the client being written; the file is not created."""
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.showMessage(self.tr("Cancelling the export…"))

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, job: ExportJob) -> bool:
        if job is not self.job:
            return False
        self.job = None
        self.progress.hide()
        self.cancel_button.hide()
        return True

    def _finished(self, job: ExportJob, path: Path) -> None:
        if self._done(job):
            self.status.showMessage(self.tr("Exported to {path}").format(path=path), 8000)

    def _failed(self, job: ExportJob, exc: Exception) -> None:
        if not self._done(job):
            return
        if isinstance(exc, export.ExportCancelled):
            self.status.showMessage(self.tr("The export was cancelled; no file was written."), 8000)
        else:
            self.status.clearMessage()
            show_error(self.owner, exc)
