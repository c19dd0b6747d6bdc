"""One-off costs of the process paid while the unlock screen waits for the passphrase, not after it.

PySide creates its Python types and their enums lazily, on the first use of a class (a few hundred of them,
0.1–0.2 ms each): the first workspace, client view and risk panel built after unlock would pay ~10 ms of
that on the GUI thread, at the moment the workers reading the first lists hold the interpreter. ``Warmup``
touches every class of the Qt modules already imported, and builds one empty chart view (its first
construction sets up the graphics scene machinery), a few milliseconds per event-loop turn while the unlock
screen is idle. It holds no client data and creates nothing that stays.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer

SLICE_S = 0.002  # work per turn: well under a frame, so typing the passphrase never waits for it
PAUSE_MS = 4  # between turns: the loop handles input and paints in between

_done = False  # once per process


def _qt_modules() -> list[object]:
    return [m for name, m in sorted(sys.modules.items()) if name.startswith("PySide6.Qt") and m is not None]


def _steps() -> Iterator[Callable[[], object]]:
    """Small pieces of work, each well under a millisecond (one class's enums, at most ~2 ms for the largest)."""
    for module in _qt_modules():
        for name in dir(module):
            if name[:1] == "Q":
                yield functools.partial(_touch_class, module, name)
    yield _first_chart


def _touch_class(module: object, name: str) -> None:
    cls = getattr(module, name, None)
    if not isinstance(cls, type):
        return
    for attr in dir(cls):
        if attr[:1].isupper():
            getattr(cls, attr, None)


def _first_chart() -> None:
    from app.ui.risk.chart import RiskChart

    RiskChart().deleteLater()


class Warmup(QObject):
    """Runs the steps a slice at a time until done or stopped (a diary was opened meanwhile)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: Iterator[Callable[[], object]] | None = None
        self._timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._timer.timeout.connect(self._slice)

    @property
    def done(self) -> bool:
        return _done

    def start(self) -> None:
        if not _done and not self._timer.isActive():
            if self._steps is None:
                self._steps = _steps()
            self._timer.start(0)

    def stop(self) -> None:
        self._timer.stop()

    def _slice(self) -> None:
        global _done
        assert self._steps is not None
        end = time.perf_counter() + SLICE_S
        for step in self._steps:
            step()
            if time.perf_counter() >= end:
                self._timer.start()
                return
        _done = True

    def run_all(self) -> None:
        """Everything at once (tests)."""
        global _done
        self.stop()
        for step in self._steps or _steps():
            step()
        _done = True
