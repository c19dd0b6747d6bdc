"""The court-day sheet (from the court tab and from Idag) and the record extract (from the client) are
printed from the window: preview and what is left out first, then saved or printed in a worker."""

from __future__ import annotations

import io
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from app.services import audit
from app.services.clients import clients, records
from app.services.context import Diary, Worker, save_worker
from app.storage import vault
from app.storage.keyfile import KdfParams
from app.ui.printing.documents import CourtDayDialog, RecordExtractDialog
from app.ui.shell import AthenaWindow

from .conftest import PASSPHRASE, type_text


def pdf_text(data: bytes) -> str:
    return "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


def make_diary(data_dir: Path) -> str:
    store = vault.create(data_dir, PASSPHRASE, KdfParams.fast_for_tests())
    try:
        worker = Worker("Anna Andersson", "Kvinnostödjare")
        save_worker(store, worker)
        diary = Diary(store, worker, today_override=date.today())
        c = clients.create_client(diary, clients.ClientInput(
            name="Maja Skyddad", personal_number="19850312-1231", protected_identity="protected_registration",
            address="Hemliga gatan 7"))
        when = (datetime.now() + timedelta(days=2)).replace(hour=9, minute=30, second=0, microsecond=0)
        records.add(diary, "court", c.id, {"court": "Södertörns tingsrätt", "case_number": "B 1234-26",
                                           "starts_at": when.strftime("%Y-%m-%d %H:%M"), "place": "Sal 4",
                                           "meeting_point": "Vid entrén", "safe_entry_exit": True})
        records.add(diary, "network", c.id, {"name": "Märta Ågren", "how_to_reach": "070-123 45 67"})
        return c.id
    finally:
        store.close()


def open_window(qtbot, tmp_path: Path, prefs) -> AthenaWindow:  # type: ignore[no-untyped-def]
    window = AthenaWindow(tmp_path / "diary", prefs)
    qtbot.addWidget(window)
    window.show()
    type_text(window.unlock_screen.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    return window


def settle(window: AthenaWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: (window.runner.wait(5000), not window.runner.busy())[1], timeout=20_000)


def test_court_day_sheet_from_the_court_tab_and_from_idag(qtbot, tmp_path: Path, prefs) -> None:  # type: ignore[no-untyped-def]
    client_id = make_diary(tmp_path / "diary")
    window = open_window(qtbot, tmp_path, prefs)
    ws = window.workspace
    assert ws is not None
    settle(window, qtbot)
    # From Idag: the court date of the coming days, then the button.
    today = ws.today
    qtbot.waitUntil(lambda: today.court.count() > 0 and bool(today.court.item(0).data(Qt.ItemDataRole.UserRole)),
                    timeout=5_000)
    assert not today.print_sheet.isEnabled()
    today.court.setCurrentRow(0)
    qtbot.mouseClick(today.print_sheet, Qt.MouseButton.LeftButton)
    dlg = today.sheet_dialog
    assert isinstance(dlg, CourtDayDialog)
    settle(window, qtbot)
    assert dlg.printout is not None and "Södertörns tingsrätt" in pdf_text(dlg.printout.pdf)
    assert "Protected identity" in dlg.omissions.text() or "Skyddad" in dlg.omissions.text()
    out = tmp_path / "sheet.pdf"
    with qtbot.waitSignal(dlg.saved, timeout=10_000):
        dlg.save_to(str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and "B 1234-26" in pdf_text(out.read_bytes())
    dlg.close()

    # From the court tab of the client.
    ws.open_client(client_id)
    qtbot.waitUntil(lambda: ws.client_view.client_id == client_id, timeout=5_000)
    court = ws.client_view.panels["court"]
    ws.client_view.select_tab("court")
    settle(window, qtbot)
    assert not court.print_sheet.isEnabled()
    court.table.setCurrentCell(0, 0)
    assert court.print_sheet.isEnabled()
    qtbot.mouseClick(court.print_sheet, Qt.MouseButton.LeftButton)
    dlg2 = court.sheet_dialog
    assert isinstance(dlg2, CourtDayDialog)
    settle(window, qtbot)
    printed = tmp_path / "printed.pdf"
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    with qtbot.waitSignal(dlg2.printed, timeout=20_000):
        dlg2.print_to(printer)
    assert "Södertörns tingsrätt" in pdf_text(printed.read_bytes())
    assert window.diary is not None
    details = [e.detail for e in audit.trail(window.diary, client_id=client_id) if e.action == "print"]
    assert len(details) == 2 and all("court" in d for d in details)
    dlg2.close()
    window.lock()
    window.runner.wait(10_000)


def test_record_extract_shows_what_is_left_out_then_prints(qtbot, tmp_path: Path, prefs) -> None:  # type: ignore[no-untyped-def]
    client_id = make_diary(tmp_path / "diary")
    window = open_window(qtbot, tmp_path, prefs)
    ws = window.workspace
    assert ws is not None
    ws.open_client(client_id)
    view = ws.client_view
    qtbot.waitUntil(lambda: view.client_id == client_id and view.extract.isEnabled(), timeout=5_000)
    qtbot.mouseClick(view.extract, Qt.MouseButton.LeftButton)
    dlg = view.extract_dialog
    assert isinstance(dlg, RecordExtractDialog)
    settle(window, qtbot)
    assert dlg.printout is not None
    left_out = dlg.omissions.text()
    assert "address" in left_out or "adress" in left_out  # protected identity: said before printing
    assert "contacts" in left_out or "kontakter" in left_out  # other people's details
    text = pdf_text(dlg.printout.pdf)
    assert "Maja Skyddad" in text and "Hemliga" not in text and "070-123" not in text
    out = tmp_path / "extract.pdf"
    with qtbot.waitSignal(dlg.saved, timeout=10_000):
        dlg.save_to(str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    dlg.close()
    window.lock()
    window.runner.wait(10_000)
