"""Fits a municipal laptop: the window's minimum size is at most 1000×600 with a client open (every tab built),
it opens on-screen, and forms open with the keyboard in their first field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services.clients import cases, clients
from app.services.context import Diary, Worker, save_worker
from app.storage import vault
from app.storage.keyfile import KdfParams
from app.ui.clients.dialogs import ClientDialog, CloseCaseDialog, DecisionDialog
from app.ui.shell import MIN_WIDTH, AthenaWindow

from .conftest import PASSPHRASE, type_text


def test_minimum_size_fits_1280x720_at_150_percent(qtbot, tmp_path: Path, prefs) -> None:  # type: ignore[no-untyped-def]
    store = vault.create(tmp_path / "diary", PASSPHRASE, KdfParams.fast_for_tests())
    worker = Worker("Anna Andersson", "Kvinnostödjare")
    save_worker(store, worker)
    diary = Diary(store, worker, today_override=date.today())
    c = clients.create_client(diary, clients.ClientInput(name="Åsa Öberg-Ängström"))
    cases.open_case(diary, c.id, referred_on=date.today().isoformat())
    store.close()
    window = AthenaWindow(tmp_path / "diary", prefs)
    qtbot.addWidget(window)
    window.show()
    type_text(window.unlock_screen.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    ws = window.workspace
    assert ws is not None
    ws.open_client(c.id)
    qtbot.waitUntil(lambda: ws.client_view.client_id == c.id, timeout=5_000)
    for key in ws.client_view.panels:  # every tab built and shown once
        ws.client_view.select_tab(key)
        QApplication.processEvents()
        hint = window.minimumSizeHint().expandedTo(window.minimumSize())
        assert hint.width() <= 1000 and hint.height() <= 600, (key, hint)
    window.resize(1280, 720)
    QApplication.processEvents()
    assert window.width() == 1280 and window.height() == 720
    window.lock()
    window.runner.wait(10_000)


def test_forms_open_with_focus_in_the_first_field(qtbot) -> None:  # type: ignore[no-untyped-def]
    for dialog, first in ((lambda: ClientDialog(None), "name"), (lambda: DecisionDialog(date.today()), "unit"),
                          (lambda: CloseCaseDialog(date.today()), "closed_on")):
        d = dialog()
        qtbot.addWidget(d)
        d.show()
        qtbot.waitExposed(d)
        assert d.focusWidget() is getattr(d, first), type(d).__name__
        d.close()


def test_windows_open_on_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from app.ui.common import fit_on_screen

    w = QWidget()
    qtbot.addWidget(w)
    fit_on_screen(w, 1600, 1200)  # the reports window asks for more than the screen has
    avail = w.screen().availableGeometry()
    w.show()
    assert w.width() <= avail.width() and w.height() <= avail.height()
    assert avail.contains(w.geometry().topLeft()) and w.geometry().bottom() <= avail.bottom()


def test_list_rows_leave_room_for_the_ring_of_a(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Å/Ä/Ö are never clipped on the first line of a list: the row is taller than the letters reach."""
    from PySide6.QtWidgets import QListWidget

    from app.ui.app import AthenaStyle

    lw = QListWidget()
    lw.setStyle(AthenaStyle())
    lw.addItems(["Åsa Öberg", "Ängel"])
    qtbot.addWidget(lw)
    lw.show()
    qtbot.waitExposed(lw)
    row = lw.visualItemRect(lw.item(0))
    letters = lw.fontMetrics().tightBoundingRect("ÅÄÖ")
    assert row.height() >= letters.height() + 4, (row.height(), letters.height())
    image = lw.viewport().grab().toImage()
    top_dark = next((y for y in range(row.height()) if any(image.pixelColor(x, y).lightness() < 100
                                                           for x in range(min(120, row.width())))), None)
    assert top_dark is not None and top_dark >= 1  # nothing drawn on (or cut off at) the row's first line


def test_the_overview_does_not_scroll_sideways_at_the_narrowest_window_in_swedish(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, prefs) -> None:
    from app.ui import i18n

    from .conftest import activate

    store = vault.create(tmp_path / "diary", PASSPHRASE, KdfParams.fast_for_tests())
    worker = Worker("Anna Andersson", "Kvinnostödjare")
    save_worker(store, worker)
    diary = Diary(store, worker, today_override=date.today())
    c = clients.create_client(diary, clients.ClientInput(name="Åsa Öberg-Ängström"))
    cases.open_case(diary, c.id, referred_on=date.today().isoformat())
    store.close()
    app = QApplication.instance()
    assert i18n.install(app, "sv")  # the Swedish labels are the longer ones
    try:
        window = AthenaWindow(tmp_path / "diary", prefs)
        qtbot.addWidget(window)
        window.resize(MIN_WIDTH, 560)
        window.show()
        activate(qtbot, window)
        type_text(window.unlock_screen.passphrase, PASSPHRASE)
        qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
        ws = window.workspace
        assert ws is not None
        ws.open_client(c.id)
        qtbot.waitUntil(lambda: ws.client_view.client_id == c.id and "overview" in ws.client_view.panels,
                        timeout=5_000)
        ws.client_view.select_tab("overview")
        qtbot.waitUntil(lambda: window.width() == MIN_WIDTH, timeout=2_000)
        QApplication.processEvents()
        holder = ws.client_view._holders["overview"]
        panel = ws.client_view.panels["overview"]
        assert panel.close_case.text().startswith("Avsluta")  # (Swedish)
        assert panel.minimumSizeHint().width() <= holder.viewport().width(), (
            panel.minimumSizeHint().width(), holder.viewport().width())
        assert not holder.horizontalScrollBar().isVisible()
        window.lock()
        window.runner.wait(10_000)
    finally:
        i18n.install(app, "en")
