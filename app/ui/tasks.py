"""Running service calls off the GUI thread and reporting back by signal.

``TaskRunner.run(fn, *args, on_done=..., on_error=...)`` runs ``fn`` in a thread pool; the callbacks run on
the GUI thread. Database work is serialised on one worker by default (SQLite has one writer anyway, and the
order of a worker's actions is then the order she made them); ``parallel=True`` uses the shared pool for
read-only work such as search. A sync round runs in a lane of its own (``run_round``): it applies in short
transactions on its own connection, so the database worker's reads and writes go on while it runs.

A call without ``on_error`` is never silent: its failure goes to ``TaskRunner.unhandled``, which logs the kind
of error and the function's name (never the message: a driver's message can hold client data) and shows the
worker a message (``report_error``; by default a message box over the window that owns the runner).
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from app.errors import AthenaError
from app.ui.common import show_error

log = logging.getLogger(__name__)


# Worker threads run at a lower scheduling priority than the GUI thread (a higher nice value): on a laptop
# with two cores, two workers reading the first lists after unlock (SQLite decrypting pages, with the
# interpreter lock released) would otherwise take both cores, and the GUI thread laying out and painting the
# new screen would get a third of one. The workers still have every cycle the GUI thread leaves idle.
BACKGROUND_NICE = 10
_LINUX = sys.platform.startswith("linux")
_BACKGROUND = min(19, (os.getpriority(os.PRIO_PROCESS, 0) if _LINUX else 0) + BACKGROUND_NICE)


def _lower_this_thread() -> None:
    """Give the calling pool thread the background priority (Linux: the nice value is per thread; a syscall
    of a microsecond or so, so it is checked at every job rather than remembered per thread)."""
    if not _LINUX:
        return
    try:
        if os.getpriority(os.PRIO_PROCESS, 0) < _BACKGROUND:
            os.setpriority(os.PRIO_PROCESS, 0, _BACKGROUND)
    except OSError:
        pass  # not allowed here: the thread keeps the process's priority


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        super().__init__()
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.signals = _Signals()
        self.setAutoDelete(True)

    @Slot()
    def run(self) -> None:
        _lower_this_thread()
        try:
            result = self.fn(*self.args, **self.kwargs)
        except Exception as exc:  # reported to the GUI thread; never printed (may hold client data)
            if not isinstance(exc, AthenaError):
                traceback.clear_frames(exc.__traceback__) if exc.__traceback__ else None
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class Runner(Protocol):
    """What a screen needs to run service calls: a ``TaskRunner``, or the ``SessionRunner`` around it."""

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[Exception], None] | None = None, parallel: bool = False,
            **kwargs: Any) -> None: ...


def task_name(fn: Callable[..., Any]) -> str:
    return f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', type(fn).__name__)}"


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None,
                 report_error: Callable[[Exception], None] | None = None) -> None:
        super().__init__(parent)
        self.report_error = report_error or self._show_error
        self._serial = QThreadPool(self)
        self._serial.setMaxThreadCount(1)
        self._parallel = QThreadPool(self)
        self._parallel.setMaxThreadCount(2)
        self._rounds = QThreadPool(self)
        self._rounds.setMaxThreadCount(1)
        self._jobs: set[_Job] = set()

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[Exception], None] | None = None, parallel: bool = False,
            **kwargs: Any) -> None:
        self._start(self._parallel if parallel else self._serial, fn, args, kwargs, on_done, on_error)

    def run_round(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
                  on_error: Callable[[Exception], None] | None = None, **kwargs: Any) -> None:
        """A sync round, one at a time, beside the database worker (see the module's docstring)."""
        self._start(self._rounds, fn, args, kwargs, on_done, on_error)

    def wait_rounds(self) -> None:
        """Block until the running round (if any) has ended: before the store closes."""
        self._rounds.waitForDone(-1)

    def _start(self, pool: QThreadPool, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
               on_done: Callable[[Any], None] | None, on_error: Callable[[Exception], None] | None) -> None:
        job = _Job(fn, args, kwargs)
        self._jobs.add(job)

        def finished(result: Any) -> None:
            self._jobs.discard(job)
            if on_done is not None:
                on_done(result)

        def failed(exc: Exception) -> None:
            self._jobs.discard(job)
            if on_error is not None:
                on_error(exc)
            else:
                self.unhandled(fn, exc)

        job.signals.done.connect(finished)
        job.signals.failed.connect(failed)
        pool.start(job)

    def unhandled(self, fn: Callable[..., Any], exc: Exception) -> None:
        """The default error path: a log line with the kind of error only, and a message for the worker."""
        log.error("Background task %s failed: %s", task_name(fn), type(exc).__name__)
        self.report_error(exc)

    def _show_error(self, exc: Exception) -> None:
        owner = self.parent()
        show_error(owner.window() if isinstance(owner, QWidget) else None, exc)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every job has finished (tests, shutdown)."""
        return (self._serial.waitForDone(msecs) and self._parallel.waitForDone(msecs)
                and self._rounds.waitForDone(msecs))

    def busy(self) -> bool:
        return bool(self._jobs)
