"""The open diary as the window works in it, one track at a time.

``TrackWorkspaces`` holds the unlocked diary with every track of the worker (``full_diary``), the track she
works in now (``track``; ``diary`` is the full diary narrowed to it with ``Diary.for_track``, so the track wall
is the services' own check, not a filter in the widgets), and that track's screens (``workspace``:
``main_window.Workspace`` or ``mens_track.workspace.MensWorkspace``) with the session runner they use.
Switching, a new language and locking end the session runner, so a result still on its way never reaches a
widget that is gone.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from app.models import Compartment
from app.printing.document import register_fonts
from app.services.context import Diary
from app.ui.main_window import Workspace
from app.ui.mens_track.workspace import MensWorkspace
from app.ui.session import SessionRunner
from app.ui.tasks import TaskRunner


def first_track(diary: Diary) -> str:
    """The track a diary opens in: the women's when she has it."""
    return Compartment.WOMEN.value if Compartment.WOMEN.value in diary.tracks else Compartment.MEN.value


class TrackWorkspaces(QObject):
    built = Signal(object)  # the new workspace, in the stack (its current page from the next turn on)
    dropping = Signal()  # the workspace is about to go: close what was opened from it

    def __init__(self, runner: TaskRunner, stack: QStackedWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self._runner, self._stack, self._parent = runner, stack, parent
        self.full_diary: Diary | None = None
        self.diary: Diary | None = None
        self.track = Compartment.WOMEN.value
        self.session: SessionRunner | None = None
        self.workspace: Workspace | MensWorkspace | None = None

    def open(self, diary: Diary) -> None:
        """A diary was unlocked (or restored): open it in its first track."""
        self.full_diary = diary
        self.track = first_track(diary)
        self.diary = diary.for_track(self.track)
        self.session = SessionRunner(self._runner)
        self._build()

    def switch(self, track: str) -> bool:
        """Leave one track's screens for the other's: the old screens go (with any result still on its way),
        the new ones read only the chosen track. False when there is nothing to switch to."""
        if self.full_diary is None or track == self.track or track not in self.full_diary.tracks:
            return False
        self.drop()
        if self.session is not None:
            self.session.end()
        self.track = track
        self.diary = self.full_diary.for_track(track)
        self.session = SessionRunner(self._runner)
        self._build()
        return True

    def rebuild(self) -> None:
        """The same track's screens built again (a new language), with the client or man she had open."""
        ws = self.workspace
        if ws is None:
            return
        client_id = ws.man_id if isinstance(ws, MensWorkspace) else ws.client_view.client_id
        if isinstance(ws, Workspace):
            ws.remember()  # the rebuilt screens find what she had typed
        self.drop()
        if self.session is not None:  # the old widgets' pending results must not arrive
            self.session.end()
        self.session = SessionRunner(self._runner)
        self._build()
        new = self.workspace
        if client_id and new is not None:
            if isinstance(new, MensWorkspace):
                new.open_man(client_id)
            else:
                new.open_client(client_id)

    def close(self) -> Diary | None:
        """Locking: what she typed is written (on the database thread, before the store closes) and where she
        was; the session ends and the screens go. Returns the diary whose store the caller closes, or None when
        none was open."""
        if self.diary is None:
            return None
        if isinstance(self.workspace, Workspace):
            self.workspace.remember()
        diary, self.diary, self.full_diary = self.diary, None, None
        if self.session is not None:
            self.session.end()
            self.session = None
        self.drop()
        return diary

    def drop(self) -> None:
        """The workspace goes: its sync stops (a round already queued finishes before the store closes), an
        export is cancelled, the open client or man is let go, the widgets are deleted."""
        self.dropping.emit()
        ws = self.workspace
        if ws is None:
            return
        ws.sync.stop()
        ws.cancel_export()  # the store closes behind it, not after the whole diary
        if isinstance(ws, MensWorkspace):
            ws.case_view.set_man(None)
        else:
            ws.client_view.set_client(None)
        self._stack.removeWidget(ws)
        ws.hide()
        ws.deleteLater()
        self.workspace = None

    def _warm_print_fonts(self) -> None:
        """The print fonts are parsed once per process: in the background a moment after the first screen is
        filled, not while she waits for her first preview."""
        self._runner.run(register_fonts, parallel=True)

    def _build(self) -> None:
        assert self.diary is not None and self.session is not None
        ws: Workspace | MensWorkspace
        if self.track == Compartment.MEN.value:
            ws = MensWorkspace(self.diary, self.session, self._parent)
        else:
            ws = Workspace(self.diary, self.session, self._parent)
        self.workspace = ws
        # Everything built so far lives as long as the session: keep it out of the collector's full
        # passes, which otherwise grow with every object and pause every thread.
        ws.ready.connect(gc.freeze)
        ws.ready.connect(gc.enable)  # switched off while the diary opened (UnlockScreen.submit)
        ws.ready.connect(lambda: QTimer.singleShot(3000, self, self._warm_print_fonts))
        self._stack.addWidget(ws)
        # Shown on a later turn of the event loop than the one that made it: making it, laying it out and
        # painting it (~7 + 2 + 8 ms) in one turn held the GUI thread for all three at once.
        QTimer.singleShot(1, ws, lambda: self._show(ws))
        self.built.emit(ws)

    def _show(self, ws: Workspace | MensWorkspace) -> None:
        if self.workspace is ws:  # not dropped (locked, switched) meanwhile
            self._stack.setCurrentWidget(ws)
