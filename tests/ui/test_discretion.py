"""Locking and the things that must not show: wrong passphrase, protected address, clipboard, idle lock."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services import audit
from app.services.clients import clients
from app.services.clients.clients import ClientInput
from app.services.context import Diary, Worker, save_worker
from app.storage import vault
from app.ui.shell import AthenaWindow

from .conftest import PASSPHRASE, type_text


def make_diary(data_dir: Path) -> str:
    store = vault.create(data_dir, PASSPHRASE)
    try:
        worker = Worker("Anna Andersson", "Kvinnostödjare")
        save_worker(store, worker)
        diary = Diary(store, worker, today_override=date.today())
        c = clients.create_client(diary, ClientInput(name="Maja Skyddad", protected_identity="protected_registration",
                                                     address="Hemliga gatan 7", postal_code="12345",
                                                     city="Älvsjö"))
        return c.id
    finally:
        store.close()


def unlock(qtbot, window: AthenaWindow, passphrase: str = PASSPHRASE) -> None:  # type: ignore[no-untyped-def]
    type_text(window.unlock_screen.passphrase, passphrase)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)


def test_wrong_passphrase_says_only_that(qtbot, tmp_path: Path, prefs) -> None:  # type: ignore[no-untyped-def]
    make_diary(tmp_path / "diary")
    window = AthenaWindow(tmp_path / "diary", prefs)
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.unlock_screen
    unlock(qtbot, window, "fel lösenfras helt och hållet")
    qtbot.waitUntil(lambda: not window.unlock_screen.error.isHidden(), timeout=10_000)
    assert window.unlock_screen.error.text() == "Wrong passphrase."
    assert window.workspace is None


def test_protected_address_is_masked_until_revealed_and_the_reveal_is_logged(qtbot, tmp_path: Path,
                                                                            prefs) -> None:  # type: ignore[no-untyped-def]
    client_id = make_diary(tmp_path / "diary")
    window = AthenaWindow(tmp_path / "diary", prefs)
    qtbot.addWidget(window)
    window.show()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    ws = window.workspace
    assert ws is not None
    ws.open_client(client_id)
    view = ws.client_view
    qtbot.waitUntil(lambda: view.client_id == client_id, timeout=5_000)
    assert "Hemliga" not in view.address.text() and not view.reveal.isHidden()
    qtbot.mouseClick(view.reveal, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Hemliga gatan 7" in view.address.text(), timeout=5_000)
    assert window.diary is not None
    actions = [t.action for t in audit.trail(window.diary, client_id=client_id)]
    assert "reveal" in actions and "open" in actions
    # Copied from Athena, cleared on lock.
    QApplication.clipboard().setText("Hemliga gatan 7")
    window.clipboard.mark("Hemliga gatan 7")
    window.lock()
    assert QApplication.clipboard().text() == ""
    assert window.windowTitle() == "Athena"
    window.runner.wait(5_000)


def test_idle_time_locks_and_unlock_reopens(qtbot, tmp_path: Path, prefs) -> None:  # type: ignore[no-untyped-def]
    make_diary(tmp_path / "diary")
    prefs.idle_minutes = 7
    window = AthenaWindow(tmp_path / "diary", prefs)
    qtbot.addWidget(window)
    window.show()
    assert window.triggers.idle_seconds == 7 * 60
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    window.triggers.idle_seconds = 0
    with qtbot.waitSignal(window.locked, timeout=5_000):
        pass
    assert window.workspace is None and window.diary is None
    assert window.unlock_screen.message.text().startswith("Locked")
    window.triggers.set_idle_minutes(5)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    window.lock()
    window.runner.wait(5_000)


def test_preferences_persist_outside_the_diary(tmp_path: Path, prefs) -> None:  # type: ignore[no-untyped-def]
    assert prefs.language == "sv" and prefs.idle_minutes == 5
    prefs.language = "en"
    prefs.idle_minutes = 12
    prefs.sync()
    text = (tmp_path / "prefs.ini").read_text(encoding="utf-8")
    assert "idle_minutes=12" in text and "language=en" in text


def test_a_rule_broken_in_a_form_shows_its_message_and_saves_nothing(qtbot, tmp_path: Path,
                                                                    prefs) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    client_id = make_diary(tmp_path / "diary")
    window = AthenaWindow(tmp_path / "diary", prefs)
    qtbot.addWidget(window)
    window.show()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    ws = window.workspace
    assert ws is not None
    ws.open_client(client_id)
    qtbot.waitUntil(lambda: ws.client_view.client_id == client_id, timeout=5_000)
    diary = ws.client_view.panels["diary"]
    type_text(diary.form.text, "Ingen stödform vald")
    qtbot.mouseClick(diary.form.save_sign, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: diary.findChild(QMessageBox) is not None, timeout=5_000)
    box = diary.findChild(QMessageBox)
    assert box.text() == "Choose at least one kind of support."
    assert diary.model.rowCount() == 0 and diary.form.text.toPlainText() == "Ingen stödform vald"
    window.lock()  # the open message goes with the client's widgets
    qtbot.wait(20)
    assert window.workspace is None
    window.runner.wait(5_000)


def test_a_late_tick_means_the_computer_slept(qtbot, tmp_path: Path, prefs) -> None:  # type: ignore[no-untyped-def]
    make_diary(tmp_path / "diary")
    window = AthenaWindow(tmp_path / "diary", prefs)
    qtbot.addWidget(window)
    window.show()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    reasons: list[str] = []
    window.triggers.lock_requested.connect(reasons.append)
    window.triggers._last_tick -= 120  # as if the machine had been suspended for two minutes
    with qtbot.waitSignal(window.locked, timeout=3_000):
        pass
    assert reasons == ["sleep"] and window.workspace is None
    window.runner.wait(5_000)


def test_the_collector_is_on_again_after_a_wrong_passphrase_an_unlock_and_a_lock(qtbot, tmp_path: Path,
                                                                                prefs) -> None:  # type: ignore[no-untyped-def]
    """Unlocking pauses Python's cycle collector while the first screen fills; it must never stay off."""
    import gc

    make_diary(tmp_path / "diary")
    window = AthenaWindow(tmp_path / "diary", prefs)
    qtbot.addWidget(window)
    window.show()
    try:
        unlock(qtbot, window, "fel lösenfras helt och hållet")
        qtbot.waitUntil(lambda: not window.unlock_screen.error.isHidden(), timeout=10_000)
        assert gc.isenabled()
        window.unlock_screen.passphrase.clear()
        unlock(qtbot, window)
        qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.client_list.model.rowCount() > 0,
                        timeout=10_000)
        qtbot.waitUntil(gc.isenabled, timeout=10_000)
        window.lock()
        assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
