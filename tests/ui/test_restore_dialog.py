"""The restore dialog: lists the backups (time, size), restores the chosen one and opens the diary; what was
there before is kept as a backup of its own. Also reachable when the diary does not open because it is damaged."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.models import Client
from app.services import backup as backup_service
from app.services.context import Worker, save_worker
from app.storage import vault
from app.storage.changefeed import Identity
from app.storage.keyfile import KdfParams
from app.ui.backup.restore_dialog import RestoreDialog
from app.ui.shell import AthenaWindow

from .conftest import PASSPHRASE, type_text


def _diary(folder: Path) -> None:
    store = vault.create(folder, PASSPHRASE, KdfParams.fast_for_tests())
    save_worker(store, Worker("Anna Andersson"))
    with store.write(Identity("Anna", store.device_id)) as s:
        s.add(Client(name="Maria Ek", name_key="maria ek"))
    backup_service.make_backup(store, "manual")
    with store.write(Identity("Anna", store.device_id)) as s:
        s.add(Client(name="Sara Lind", name_key="sara lind"))
    store.close()


def _names(window: AthenaWindow) -> set[str]:
    assert window.diary is not None
    with window.diary.read() as s:
        return {c.name for c in s.query(Client)}


def _dialog(qtbot, window: AthenaWindow) -> RestoreDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(getattr(window, "restore_dialog", None), RestoreDialog), timeout=5_000)
    dialog = window.restore_dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10_000)
    return dialog


def test_restore_from_the_unlock_screen_when_the_diary_is_damaged(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                  prefs) -> None:
    folder = tmp_path / "diary"
    _diary(folder)
    (folder / "diary.db").write_bytes(b"")  # damaged: 0 bytes
    window = AthenaWindow(folder, prefs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    type_text(window.unlock_screen.passphrase, PASSPHRASE)
    window.unlock_screen.submit()
    qtbot.waitUntil(lambda: window.unlock_screen.error.isVisible(), timeout=10_000)
    assert "damaged" in window.unlock_screen.error.text()
    window.unlock_screen.restore_button.click()
    dialog = _dialog(qtbot, window)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text().endswith("kB")
    assert dialog.table.item(0, 2).text() == "Taken by hand"
    assert not dialog.restore_button.isEnabled()
    type_text(dialog.passphrase, PASSPHRASE)
    assert dialog.restore_button.isEnabled()
    dialog.grab().save(str(tmp_path / "restore.png"))
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=20_000)
    assert _names(window) == {"Maria Ek"}
    assert list(folder.glob("diary-damaged-*.db"))
    window.lock("test end")
    window.runner.wait(10_000)


def test_restore_from_the_menu_locks_first_and_keeps_a_copy(qtbot, tmp_path: Path, prefs) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "diary"
    _diary(folder)
    window = AthenaWindow(folder, prefs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    type_text(window.unlock_screen.passphrase, PASSPHRASE)
    window.unlock_screen.submit()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=20_000)
    assert _names(window) == {"Maria Ek", "Sara Lind"}
    window.open_restore()
    assert window.diary is None  # locked before anything else
    dialog = _dialog(qtbot, window)
    # The backup list is newest first; the manual one is older than the scheduled one taken at unlock.
    reasons = [dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())]
    assert "Taken by hand" in reasons
    dialog.table.selectRow(reasons.index("Taken by hand"))
    type_text(dialog.passphrase, "fel lösenfras")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert dialog.error.text() == "Wrong passphrase."
    dialog.passphrase.clear()
    type_text(dialog.passphrase, PASSPHRASE)
    dialog.submit()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=20_000)
    assert _names(window) == {"Maria Ek"}
    kept = [b for b in backup_service.list_backups(folder) if b.reason == "restore"]
    assert len(kept) == 1
    window.lock("test end")
    window.runner.wait(10_000)
    QApplication.processEvents()
