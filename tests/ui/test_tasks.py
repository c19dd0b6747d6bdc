"""A background call without an error handler is never silent: a message for her, a log line with the kind only."""

from __future__ import annotations

import logging
import os
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.errors import DomainError
from app.ui.session import SessionRunner
from app.ui.tasks import BACKGROUND_NICE, TaskRunner

CLIENT_DATA = "Åsa Öberg 19850312-1231"


def failing_call() -> None:
    raise RuntimeError(f"UNIQUE constraint failed: clients.name = {CLIENT_DATA}")


def refused_call() -> None:
    raise DomainError("There is no safety plan for this client yet.")


def boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    yield w
    for box in boxes():
        box.close()


def test_a_failing_call_without_handler_shows_a_message_and_logs_only_the_kind(
        qtbot, window: QWidget, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner(window)
    with caplog.at_level(logging.ERROR, logger="app.ui.tasks"):
        runner.run(failing_call)
        qtbot.waitUntil(lambda: bool(boxes()), timeout=10_000)
    box = boxes()[0]
    assert box.parent() is window
    assert "RuntimeError" in box.text() and "Öberg" not in box.text()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "failing_call" in logged and "RuntimeError" in logged
    assert "Öberg" not in logged and "19850312" not in logged and "UNIQUE" not in logged
    runner.wait()


def test_a_refusal_is_shown_in_her_words(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner(window)
    runner.run(refused_call)
    qtbot.waitUntil(lambda: bool(boxes()), timeout=10_000)
    assert boxes()[0].text() == "There is no safety plan for this client yet."
    runner.wait()


def test_an_explicit_handler_replaces_the_default(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner(window)
    seen: list[Exception] = []
    runner.run(failing_call, on_error=seen.append)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    qtbot.wait(20)
    assert not boxes() and isinstance(seen[0], RuntimeError)


def test_a_session_call_without_handler_reports_unless_the_session_ended(
        qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    reported: list[Exception] = []
    runner = TaskRunner(window, report_error=reported.append)
    session = SessionRunner(runner)
    session.run(failing_call)
    qtbot.waitUntil(lambda: bool(reported), timeout=10_000)
    ended = SessionRunner(runner)
    ended.run(_slow_failure)
    ended.end()  # locked while it ran: the widgets are gone, nothing is shown
    runner.wait()
    qtbot.wait(50)
    assert len(reported) == 1


def _slow_failure() -> None:
    import time

    time.sleep(0.05)
    raise RuntimeError("late")


def _nice() -> int:
    return os.getpriority(os.PRIO_PROCESS, 0)  # the calling thread's own nice value on Linux


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the nice value is per thread on Linux only")
def test_workers_run_below_the_gui_thread_and_the_gui_thread_keeps_its_priority(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Background work yields the CPU to the GUI thread: every pool (database, parallel, sync rounds) runs
    its jobs at a higher nice value than the GUI thread, which itself is left as it was."""
    gui_before = _nice()
    runner = TaskRunner(window)
    seen: list[int] = []
    runner.run(_nice, on_done=seen.append)
    runner.run(_nice, on_done=seen.append, parallel=True)
    runner.run_round(_nice, on_done=seen.append)
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=10_000)
    assert _nice() == gui_before
    assert all(n == min(19, gui_before + BACKGROUND_NICE) for n in seen), seen  # not lowered twice either
    seen.clear()
    for _ in range(3):  # a thread already lowered keeps the same priority, job after job
        runner.run(_nice, on_done=seen.append)
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=10_000)
    assert seen == [min(19, gui_before + BACKGROUND_NICE)] * 3
    runner.wait()
