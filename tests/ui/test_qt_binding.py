"""The Qt binding itself: a signal emitted from Python must not steal a reference to True.

PySide6 6.12.0 does (Signal.emit returns True without a new reference), so a day of work — every service
call reports back by signal — ends in a crash on Python 3.11 ("bool_dealloc"). pyproject pins it out.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(object)


def test_emit_keeps_reference_counts() -> None:
    e = _Emitter()
    got: list[object] = []
    e.fired.connect(got.append)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(200):
        e.fired.emit(None)
    after = sys.getrefcount(True), sys.getrefcount(None)
    got.clear()
    assert abs(after[0] - before[0]) < 5, "this PySide6 loses a reference to True on every emit"
