"""Unlock without stalls: the process's one-off costs are paid while the unlock screen waits (app/ui/warmup.py),
and the workers reading the first lists start only once the new screen has been painted."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services.clients import clients
from app.services.clients.clients import ClientInput
from app.services.context import Diary, Worker, save_worker
from app.storage import vault
from app.storage.keyfile import KdfParams
from app.ui import warmup
from app.ui.main_window import Workspace
from app.ui.session import SessionRunner
from app.ui.shell import AthenaWindow
from app.ui.tasks import TaskRunner

from .conftest import PASSPHRASE, type_text

NAME = "Maja Skyddad"


def make_diary(data_dir: Path) -> None:
    store = vault.create(data_dir, PASSPHRASE, KdfParams.fast_for_tests())
    try:
        worker = Worker("Anna Andersson", "Kvinnostödjare")
        save_worker(store, worker)
        clients.create_client(Diary(store, worker, today_override=date.today()), ClientInput(name=NAME))
    finally:
        store.close()


def unlock(qtbot, window: AthenaWindow) -> None:  # type: ignore[no-untyped-def]
    type_text(window.unlock_screen.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)


def texts_on_screen(window: AthenaWindow) -> str:
    from PySide6.QtWidgets import QLabel, QLineEdit, QListView

    parts: list[str] = []
    for w in window.findChildren(QLabel):
        parts.append(w.text())
    for e in window.findChildren(QLineEdit):
        parts.append(e.text())
    for v in window.findChildren(QListView):
        m = v.model()
        if m is not None:
            parts.extend(str(m.index(r, 0).data()) for r in range(m.rowCount()))
    return "\n".join(parts)


def test_the_warm_up_runs_while_the_unlock_screen_waits_stops_at_unlock_and_goes_on_after_a_lock(
        qtbot, tmp_path: Path, prefs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(warmup, "_done", False)  # as in a new process
    slices: list[int] = []
    real_slice = warmup.Warmup._slice

    def counted(self: warmup.Warmup) -> None:
        slices.append(1)
        real_slice(self)

    monkeypatch.setattr(warmup.Warmup, "_slice", counted)
    real_steps = warmup._steps

    def longer() -> Iterator[Callable[[], object]]:  # the real steps, then enough work to outlast the unlock
        yield from real_steps()
        for _ in range(1500):
            yield lambda: time.sleep(0.0005)

    monkeypatch.setattr(warmup, "_steps", longer)
    make_diary(tmp_path / "diary")
    window = AthenaWindow(tmp_path / "diary", prefs)
    qtbot.addWidget(window)
    from app.ui.risk.chart import RiskChart

    def charts() -> int:
        return sum(isinstance(w, RiskChart) for w in QApplication.allWidgets())

    charts_before = charts()
    window.show()
    qtbot.waitUntil(lambda: len(slices) >= 2, timeout=5_000)  # in slices, the loop turning in between
    assert not window.warmup.done
    unlock(qtbot, window)  # typed while it runs: every key reached the box
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    stopped_at = len(slices)
    qtbot.wait(100)
    assert len(slices) == stopped_at and not window.warmup.done  # no slice while the diary opens
    window.lock()
    qtbot.waitUntil(lambda: window.warmup.done, timeout=20_000)  # the rest while the lock screen waits
    assert len(slices) > stopped_at
    # It made nothing that stays: the chart it built (and the workspace's, gone with the lock) are deleted.
    qtbot.waitUntil(lambda: charts() <= charts_before, timeout=2_000)
    window.runner.wait(5_000)


def test_the_first_lists_are_read_after_the_new_screen_is_painted(qtbot, tmp_path: Path, monkeypatch,
                                                                 prefs) -> None:  # type: ignore[no-untyped-def]
    make_diary(tmp_path / "diary")
    window = AthenaWindow(tmp_path / "diary", prefs)
    qtbot.addWidget(window)
    window.show()
    events: list[str] = []
    real_paint, real_start = Workspace.paintEvent, Workspace.start
    monkeypatch.setattr(Workspace, "paintEvent", lambda self, e: (events.append("paint"), real_paint(self, e)))
    monkeypatch.setattr(Workspace, "start", lambda self: (events.append("start"), real_start(self)))
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: "start" in events, timeout=10_000)
    assert events.index("paint") < events.index("start") and events.count("start") == 1
    ws = window.workspace
    assert ws is not None
    qtbot.waitUntil(lambda: ws.client_list.model.rowCount() == 1 and ws.client_view.built, timeout=10_000)
    assert NAME in texts_on_screen(window)
    window.lock()
    assert window.workspace is None and not ws.isVisible()
    qtbot.waitUntil(lambda: NAME not in texts_on_screen(window), timeout=2_000)  # deleted on the next turn
    window.runner.wait(5_000)


def test_a_workspace_never_painted_reads_its_lists_anyway(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_diary(tmp_path / "diary")
    store = vault.unlock(tmp_path / "diary", PASSPHRASE)
    runner = TaskRunner()
    session = SessionRunner(runner)
    try:
        ws = Workspace(Diary(store, Worker("Anna Andersson", "Kvinnostödjare")), session)
        qtbot.addWidget(ws)  # never shown
        qtbot.waitUntil(lambda: ws.client_list.model.rowCount() == 1, timeout=10_000)
    finally:
        session.end()
        runner.wait()
        store.close()


def test_a_lock_before_the_first_paint_starts_nothing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_diary(tmp_path / "diary")
    store = vault.unlock(tmp_path / "diary", PASSPHRASE)
    runner = TaskRunner()
    session = SessionRunner(runner)
    try:
        ws = Workspace(Diary(store, Worker("Anna Andersson", "Kvinnostödjare")), session)
        qtbot.addWidget(ws)
        session.end()  # what a lock does first
        qtbot.wait(250)  # past the fallback start
        assert not ws._started and ws.client_list.model.rowCount() == 0 and not runner.busy()
    finally:
        runner.wait()
        store.close()


def test_the_workspace_is_shown_on_the_turn_after_it_is_made_and_not_after_a_lock(
        qtbot, tmp_path: Path, prefs) -> None:  # type: ignore[no-untyped-def]
    make_diary(tmp_path / "diary")
    window = AthenaWindow(tmp_path / "diary", prefs)
    qtbot.addWidget(window)
    window.show()
    current_when_built: list[object] = []
    window.opened.connect(lambda ws: current_when_built.append(window.stack.currentWidget()))
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: bool(current_when_built), timeout=10_000)
    assert current_when_built == [window.unlock_screen]  # made on this turn, laid out and painted on the next
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.workspace, timeout=2_000)
    # Locked on the very turn it was made: the lock screen stays, nothing of the diary shows.
    window.lock()
    window.unlock_screen.passphrase.clear()
    current_when_built.clear()
    window.opened.connect(lambda ws: window.lock())
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: bool(current_when_built), timeout=10_000)
    qtbot.wait(50)
    assert window.workspace is None and window.stack.currentWidget() is window.unlock_screen
    qtbot.waitUntil(lambda: NAME not in texts_on_screen(window), timeout=2_000)
    window.runner.wait(5_000)


def _mens_diary(data_dir: Path) -> Worker:
    from app.services.mens_track import men

    store = vault.create(data_dir, PASSPHRASE, KdfParams.fast_for_tests())
    worker = Worker("Per Persson", "Mansstödjare", frozenset({"men"}))
    try:
        save_worker(store, worker)
        men.add_man(Diary(store, worker, today_override=date.today()), name="Åke Östlund")
    finally:
        store.close()
    return worker


def test_the_mens_workspace_reads_its_lists_after_its_first_paint_or_anyway(qtbot, tmp_path: Path, monkeypatch,
                                                                            prefs) -> None:  # type: ignore[no-untyped-def]
    from app.ui.mens_track.workspace import MensWorkspace

    worker = _mens_diary(tmp_path / "diary")
    window = AthenaWindow(tmp_path / "diary", prefs)
    qtbot.addWidget(window)
    window.show()
    events: list[str] = []
    real_paint, real_start = MensWorkspace.paintEvent, MensWorkspace.start
    monkeypatch.setattr(MensWorkspace, "paintEvent", lambda self, e: (events.append("paint"), real_paint(self, e)))
    monkeypatch.setattr(MensWorkspace, "start", lambda self: (events.append("start"), real_start(self)))
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: "start" in events, timeout=10_000)
    assert events.index("paint") < events.index("start") and events.count("start") == 1
    ws = window.workspace
    assert isinstance(ws, MensWorkspace)
    qtbot.waitUntil(lambda: ws.men_list.view.count() == 1, timeout=10_000)
    window.lock()
    window.runner.wait(5_000)

    # Never painted: read anyway. Locked before its first paint: nothing starts.
    store = vault.unlock(tmp_path / "diary", PASSPHRASE)
    runner = TaskRunner()
    session = SessionRunner(runner)
    try:
        hidden = MensWorkspace(Diary(store, worker).for_track("men"), session)
        qtbot.addWidget(hidden)
        qtbot.waitUntil(lambda: hidden.men_list.view.count() == 1, timeout=10_000)
        session.end()
        runner.wait()
        session = SessionRunner(runner)
        locked = MensWorkspace(Diary(store, worker).for_track("men"), session)
        qtbot.addWidget(locked)
        session.end()  # what a lock does first
        qtbot.wait(250)  # past the fallback start
        assert not locked._started and locked.men_list.view.count() == 0 and not runner.busy()
    finally:
        session.end()
        runner.wait()
        store.close()
