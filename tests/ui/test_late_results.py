"""A team lead's tool window closed while its calls still run: their late answers (a page, a refusal) are
dropped, never written into the deleted window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from shiboken6 import isValid

from app.errors import DomainError
from app.ui.audit.followup import FollowupScreen
from app.ui.retention.screen import RetentionScreen


class _HeldRunner:
    """Keeps every call's callbacks, to answer after the window is gone."""

    alive = True

    def __init__(self) -> None:
        self.calls: list[tuple[Callable[[Any], None] | None, Callable[[Exception], None] | None]] = []

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[Exception], None] | None = None, **kwargs: Any) -> None:
        self.calls.append((on_done, on_error))


@pytest.mark.parametrize("screen_class", [FollowupScreen, RetentionScreen])
def test_answers_after_the_window_closed_are_dropped(qtbot, screen_class: type) -> None:  # type: ignore[no-untyped-def]
    runner = _HeldRunner()
    diary = SimpleNamespace(today=date.today, worker=SimpleNamespace(name="Anna Andersson"))
    screen = screen_class(diary, runner)
    screen.show()
    assert len(runner.calls) >= 2  # two calls in flight at once, as when she opens it
    screen.close()
    screen.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(screen)
    for on_done, on_error in runner.calls:  # the refusal a colleague who is not the lead gets, and answers
        assert on_error is not None
        on_error(DomainError("Only the team lead can do this."))
        if on_done is not None:
            on_done(None)  # dropped before it is even looked at
