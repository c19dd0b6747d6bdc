"""One unlocked session of the diary: the Diary plus a runner whose callbacks die with the session.

When the diary locks, every widget that showed client data is destroyed; a worker-thread job still running
must then not call back into them. ``SessionRunner`` has TaskRunner's ``run`` signature (so client panels get
it as their runner) and drops the callbacks of everything started before ``end()``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.ui.tasks import TaskRunner

# A new workspace reads its first lists once it has been laid out and painted, or after this long if it is not
# painted (hidden, minimised): laid out while workers run, every size and paint call waits for the interpreter.
FIRST_PAINT_WAIT_MS = 100


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
