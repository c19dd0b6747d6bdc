"""A sync round runs beside the screens' database work: a read (and a write) issued while a round is running
completes before the round does; locking during a round stops it cleanly, and the next round goes on."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from app.models import Client
from app.services.clients import clients
from app.services.context import Diary
from app.storage import vault
from app.storage.changefeed import Identity
from app.sync import merge as sync_merge_module
from app.sync.folder import FolderShare
from tests.unit.sync_helpers import PASS, assert_converged, make_team

from .test_discretion import unlock
from .test_sync_ui import no_background_rounds, open_in_window  # noqa: F401  (the fixture is used)


def _set_phone(diary: Diary, rid: str, phone: str) -> None:
    with diary.write() as s:
        c = s.get(Client, rid)
        assert c is not None
        c.phone = phone


def _held_round(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """The next round pauses when it is about to apply (its reads of the share done), until released."""
    entered, release = threading.Event(), threading.Event()
    real = sync_merge_module.merge

    def held(*args: Any, **kw: Any) -> None:
        entered.set()
        release.wait(60)
        real(*args, **kw)

    monkeypatch.setattr(sync_merge_module, "merge", held)
    return entered, release


def test_a_read_and_a_write_during_a_round_complete_before_the_round(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, prefs, monkeypatch: pytest.MonkeyPatch) -> None:
    share_dir = tmp_path / "share"
    share_dir.mkdir()
    share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2)
    rid = a.add_client("Klient Ett", phone="1")
    for k in range(20):
        b.add_client(f"Klient B{k}")
    b.sync(share)
    window = open_in_window(qtbot, a, share_dir, prefs)
    ws = window.workspace
    assert ws is not None and window.session is not None and window.diary is not None
    order: list[str] = []
    ws.sync.synced.connect(lambda summary: order.append("round"))
    entered, release = _held_round(monkeypatch)
    try:
        window.menus.actions["sync"].trigger()
        qtbot.waitUntil(entered.is_set, timeout=10_000)
        done: list[str] = []

        def read(detail: clients.ClientDetail) -> None:
            order.append("read")
            done.append(detail.name)

        def wrote(_: object) -> None:
            order.append("write")
            release.set()

        window.session.run(clients.get_client, window.diary, rid, on_done=read)
        window.session.run(_set_phone, window.diary, rid, "2", on_done=wrote)
        qtbot.waitUntil(lambda: "round" in order, timeout=90_000)
        assert order == ["read", "write", "round"]
        assert done == ["Klient Ett"]
        summary = ws.sync.last_summary
        assert summary is not None and summary.ok and summary.pulled == 20, summary
    finally:
        release.set()
        window.runner.wait(10_000)
        window.close()


def test_locking_during_a_round_stops_it_and_the_next_round_goes_on(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, prefs, monkeypatch: pytest.MonkeyPatch) -> None:
    share_dir = tmp_path / "share"
    share_dir.mkdir()
    share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2)
    a.add_client("Klient Ett")
    for k in range(20):
        b.add_client(f"Klient B{k}")
    b.sync(share)
    a_dir = a.store.data_dir
    window = open_in_window(qtbot, a, share_dir, prefs)
    entered, release = _held_round(monkeypatch)
    window.menus.actions["sync"].trigger()
    qtbot.waitUntil(entered.is_set, timeout=10_000)
    window.lock()
    release.set()
    assert window.runner.wait(30_000)  # the round stopped and the store closed behind it
    assert window.diary is None
    monkeypatch.undo()
    # The same diary, opened again: the next rounds bring everything, nothing lost or applied twice.
    a.store = vault.unlock(a_dir, PASS)
    a.ident = Identity("worker0", a.store.device_id)
    try:
        for lap in (a, b, a):
            assert lap.sync(share).ok
        assert_converged(a, b)
        assert len(a.diary()["clients"]) == 21
    finally:
        a.close()
        b.close()
    unlock(qtbot, window, PASS)  # and the window unlocks again
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    window.runner.wait(10_000)
    window.close()
