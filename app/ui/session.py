"""One unlocked session of the diary: the Diary plus a runner whose callbacks die with the session.

When the diary locks, every widget that showed client data is destroyed; a worker-thread job still running
must then not call back into them. ``SessionRunner`` has TaskRunner's ``run`` signature (so client panels get
it as their runner) and drops the callbacks of everything started before ``end()``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget

from app.ui.tasks import TaskRunner

# A new workspace reads its first lists once it has been laid out and painted, or after this long if it is not
# painted (hidden, minimised): laid out while workers run, every size and paint call waits for the interpreter.
FIRST_PAINT_WAIT_MS = 100


class StartsAfterPaint(QWidget):
    """A workspace whose ``start`` (its first reads) runs once, after its first paint has reached the screen —
    or after FIRST_PAINT_WAIT_MS if it is never painted — and never after its session ended (a lock)."""

    runner: SessionRunner

    def start_after_paint(self) -> None:
        self._started = False
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._start_once)

    def start(self) -> None:
        raise NotImplementedError

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._started:
            QTimer.singleShot(0, self, self._start_once)  # after this paint has reached the screen

    def _start_once(self) -> None:
        if not self._started and self.runner.alive:  # not after a lock: the workspace is going away
            self._started = True
            self.start()


class SessionRunner:
    def __init__(self, runner: TaskRunner) -> None:
        self._runner = runner
        self._alive = True

    @property
    def alive(self) -> bool:
        return self._alive

    def end(self) -> None:
        self._alive = False

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[Exception], None] | None = None, parallel: bool = False,
            **kwargs: Any) -> None:
        if self._alive:
            done, failed = self._guarded(fn, on_done, on_error)
            self._runner.run(fn, *args, on_done=done, on_error=failed, parallel=parallel, **kwargs)

    def run_round(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
                  on_error: Callable[[Exception], None] | None = None, **kwargs: Any) -> None:
        if self._alive:
            done, failed = self._guarded(fn, on_done, on_error)
            self._runner.run_round(fn, *args, on_done=done, on_error=failed, **kwargs)

    def _guarded(self, fn: Callable[..., Any], on_done: Callable[[Any], None] | None,
                 on_error: Callable[[Exception], None] | None
                 ) -> tuple[Callable[[Any], None], Callable[[Exception], None]]:
        """The callbacks, dropped once the session has ended (the diary locked while the job ran)."""
        def done(result: Any) -> None:
            if self._alive and on_done is not None:
                on_done(result)

        def failed(exc: Exception) -> None:
            if not self._alive:
                return
            if on_error is not None:
                on_error(exc)
            else:
                self._runner.unhandled(fn, exc)

        return done, failed

    def wait(self, msecs: int = 30_000) -> bool:
        return self._runner.wait(msecs)

    def busy(self) -> bool:
        return self._runner.busy()
