"""Nothing typed is lost: every editor that holds unsaved text is a draft source, and the keeper writes its
fields as an encrypted draft inside the diary a moment after typing stops, and at once before the diary locks
(Ctrl+L, idle time, sleep) or the window closes.

An editor implements ``DraftSource``: ``draft_state()`` says what it edits and what is unsaved (``None`` when
it edits nothing; empty content when nothing is unsaved, which removes the draft), ``restore_draft`` puts a
kept draft back. The keeper is made per unlocked session by the workspace and handed to the editors
(``attach_drafts``); its writes queue on the database thread like any other write, so a lock's ``store.close``
runs after the last draft is written. Only what changed since the last write is written, and typing costs the
GUI thread a timer restart per keystroke; the fields are read once per pause.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

from app.services.context import Diary
from app.services.drafts import store as drafts
from app.services.drafts.store import DraftInput, DraftView
from app.ui.session import SessionRunner
from app.ui.tasks import TaskRunner

DEBOUNCE_MS = 800


@dataclass(frozen=True)
class DraftState:
    key: str
    editor: str
    client_id: str | None
    content: dict[str, Any]  # empty: nothing unsaved


class DraftSource(Protocol):
    def draft_state(self) -> DraftState | None: ...

    def restore_draft(self, content: dict[str, Any]) -> None: ...


class DraftKeeper(QObject):
    written = Signal(int)  # how many drafts one write held (tests, bench)

    def __init__(self, diary: Diary, runner: TaskRunner | SessionRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.diary, self.runner = diary, runner
        self._sources: list[DraftSource] = []
        self._hooks: list[Callable[[], None]] = []  # editors that save into their own record as she types
        self._dirty: set[int] = set()  # ids of sources typed in since their last write
        self._stored: dict[str, dict[str, Any]] = {}  # key -> content last written (or found) this session
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)

    # --- editors ------------------------------------------------------------------------------------------
    def watch(self, source: DraftSource, *signals: SignalInstance) -> None:
        if source not in self._sources:
            self._sources.append(source)
            if isinstance(source, QObject):
                source.destroyed.connect(lambda *_a, s=source: self._forget(s))
        for sig in signals:
            sig.connect(lambda *_a, s=source: self.touched(s))

    def add_flush_hook(self, hook: Callable[[], None]) -> None:
        """For an editor that writes straight into its record after a pause (the risk form): called before
        locking, so that the last pause's text is written too."""
        self._hooks.append(hook)

    def _forget(self, source: DraftSource) -> None:
        if source in self._sources:
            self._sources.remove(source)
        self._dirty.discard(id(source))

    def touched(self, source: DraftSource) -> None:
        """She typed: (re)start the pause timer; the fields are read when it fires."""
        self._dirty.add(id(source))
        self._timer.start()

    def restore(self, source: DraftSource) -> None:
        """After the editor has loaded what it edits: put its kept draft back, if there is one."""
        state = source.draft_state()
        if state is None:
            return
        key = state.key

        def found(view: DraftView | None) -> None:
            if view is None or source not in self._sources:
                return
            now = source.draft_state()
            if now is None or now.key != key:  # she moved on meanwhile
                return
            self._stored[key] = view.content
            source.restore_draft(view.content)

        self.runner.run(drafts.get_draft, self.diary, key, on_done=found)

    def saved(self, source: DraftSource, key: str | None = None) -> None:
        """The real record was saved (or the editor cancelled): its draft goes."""
        state = source.draft_state()
        k = key or (state.key if state else None)
        self._dirty.discard(id(source))
        if k is not None:
            self._stored.pop(k, None)
            self.runner.run(drafts.discard_drafts, self.diary, [k])

    # --- writing ------------------------------------------------------------------------------------------
    def pending(self, *, all_sources: bool = False) -> tuple[list[DraftInput], list[str]]:
        """What to write and what to remove, read from the editors now."""
        write: list[DraftInput] = []
        discard: list[str] = []
        for source in list(self._sources):
            if not all_sources and id(source) not in self._dirty:
                continue
            state = source.draft_state()
            if state is None:
                continue
            if state.content:
                if self._stored.get(state.key) != state.content:
                    write.append(DraftInput(state.key, state.editor, state.client_id, state.content))
            elif state.key in self._stored:
                discard.append(state.key)
        return write, discard

    def flush(self, *, all_sources: bool = False) -> None:
        """Write what changed, on the database thread (in order with every other write)."""
        self._timer.stop()
        write, discard = self.pending(all_sources=all_sources)
        self._dirty.clear()
        if not write and not discard:
            return
        for d in write:
            self._stored[d.key] = d.content
        for k in discard:
            self._stored.pop(k, None)
        self.runner.run(drafts.save_drafts, self.diary, write, discard, on_done=self.written.emit)

    def flush_all(self) -> None:
        """Before locking or quitting: every editor, typed in or not."""
        for hook in list(self._hooks):
            try:
                hook()
            except RuntimeError:  # its widgets are already gone
                self._hooks.remove(hook)
        self.flush(all_sources=True)

    def unsaved(self) -> list[str]:
        """The editors (by kind) that hold unsaved text now."""
        out: list[str] = []
        for source in self._sources:
            state = source.draft_state()
            if state is not None and state.content:
                out.append(state.editor)
        return out

    def save_place(self, client_id: str | None, tab: str) -> None:
        self.runner.run(drafts.save_place, self.diary, client_id, tab)
