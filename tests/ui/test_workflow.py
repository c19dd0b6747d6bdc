"""The whole day as a worker lives it: create, client, decision, entries, correction, lock, unlock, find."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from app.services.clients.entries import EntryView
from app.ui.clients.dialogs import ClientDialog, DecisionDialog
from app.ui.shell import AthenaWindow

from .conftest import PASSPHRASE, activate, type_text

CLIENT = "Zelda Åströmsdotter"


def visible_texts(widget: QWidget) -> list[str]:
    """Every text a widget shows or announces, including the rows of item views."""
    out = [widget.windowTitle(), widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
    for attr in ("text", "toPlainText", "placeholderText", "title", "currentText"):
        fn = getattr(widget, attr, None)
        if callable(fn):
            try:
                value = fn()
            except TypeError:
                continue
            if isinstance(value, str):
                out.append(value)
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        m = widget.model()
        try:
            columns = m.columnCount()
        except TypeError:  # a list model hides columnCount
            columns = 1
        for r in range(m.rowCount()):
            for c in range(columns):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                             Qt.ItemDataRole.AccessibleTextRole):
                    v = m.index(r, c).data(role)
                    if isinstance(v, str):
                        out.append(v)
    return out


def all_texts() -> str:
    return "\n".join(t for w in QApplication.allWidgets() for t in visible_texts(w))


def test_a_worker_day(qtbot, window: AthenaWindow) -> None:  # type: ignore[no-untyped-def]
    # First run: create the diary.
    create = window.create_screen
    assert window.stack.currentWidget() is create
    type_text(create.pass1, PASSPHRASE)
    type_text(create.pass2, PASSPHRASE)
    type_text(create.name, "Anna Andersson")
    assert create.meter.value() >= 3
    qtbot.mouseClick(create.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=20_000)
    ws = window.workspace
    assert ws is not None

    # A new client.
    ws.new_client()
    dialog = ws.findChild(ClientDialog)
    assert dialog is not None
    type_text(dialog.name, CLIENT)
    dialog.accept()
    qtbot.waitUntil(lambda: ws.client_view.client_id is not None, timeout=10_000)
    assert ws.client_view.name.text() == CLIENT
    assert CLIENT not in window.windowTitle()

    # Open a case, add a decision, extend it by three months with one click.
    overview = ws.client_view.panels["overview"]
    qtbot.waitUntil(overview.open_case.isEnabled, timeout=5_000)
    qtbot.mouseClick(overview.open_case, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(overview.add_decision.isEnabled, timeout=5_000)
    qtbot.mouseClick(overview.add_decision, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: overview.findChild(DecisionDialog) is not None, timeout=5_000)  # lists read first
    decision = overview.findChild(DecisionDialog)
    assert decision is not None
    type_text(decision.officer, "Lena Öberg")
    decision.accept()
    qtbot.waitUntil(overview.extend.isEnabled, timeout=5_000)
    qtbot.mouseClick(overview.extend, Qt.MouseButton.LeftButton)
    box = overview.extend_box  # extending is a decision of its own: she is asked first
    assert box is not None and "Extension" not in overview.body.text()
    # the header follows the decision (read again on the database thread)
    qtbot.waitUntil(lambda: ws.client_view.facts.text().startswith("Current"), timeout=5_000)
    qtbot.mouseClick(next(b for b in box.buttons() if box.buttonRole(b) == box.ButtonRole.AcceptRole),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Extension" in overview.body.text(), timeout=5_000)
    assert "Lena Öberg" in overview.body.text()

    # Diary entries of several kinds: one signed with Ctrl+Return, one saved as a draft and signed later.
    diary = ws.client_view.panels["diary"]
    ws.client_view.select_tab("diary")
    form = diary.form
    qtbot.mouseClick(form.kind_buttons["practical_support"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.kind_buttons["support_talk"], Qt.MouseButton.LeftButton)
    form.duration.setValue(60)
    type_text(form.text, "Följde med till banken; vi åt kanelbullarna efteråt.")
    activate(qtbot, window)
    qtbot.keyClick(form.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: diary.model.rowCount() == 1, timeout=5_000)
    qtbot.mouseClick(form.kind_buttons["court_support"], Qt.MouseButton.LeftButton)
    type_text(form.text, "Förberedande samtal inför huvudförhandlingen i tingsrätten.")
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: diary.model.rowCount() == 2, timeout=5_000)
    entries = diary.model.items()
    assert {tuple(e.kinds) for e in entries} == {("practical_support", "support_talk"), ("court_support",)}
    draft_row = next(i for i, e in enumerate(entries) if not e.signed)
    diary.view.setCurrentIndex(diary.model.index(draft_row, 0))
    assert diary.sign.isEnabled()
    qtbot.mouseClick(diary.sign, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: all(e.signed for e in diary.model.items()) and diary.model.rowCount() == 2,
                    timeout=5_000)

    # Correct the first entry: a new entry linked to it; the original stays.
    first_row = next(i for i, e in enumerate(diary.model.items()) if "banken" in e.text)
    diary.view.setCurrentIndex(diary.model.index(first_row, 0))
    assert diary.correct.isEnabled()
    qtbot.mouseClick(diary.correct, Qt.MouseButton.LeftButton)
    assert form.correcting is not None and not form.banner.isHidden()
    form.text.clear()
    type_text(form.text, "Följde med till Swedbank; vi åt kanelbullarna efteråt.")
    qtbot.mouseClick(form.save_sign, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: diary.model.rowCount() == 3, timeout=5_000)
    items: list[EntryView] = diary.model.items()
    correction = next(e for e in items if e.corrects_id)
    original = next(e for e in items if e.id == correction.corrects_id)
    assert original.corrected_by == [correction.id] and "banken" in original.text
    assert f"Correction of the entry of {original.event_on}" in diary.model.index(items.index(correction), 0).data()

    # Ctrl+L locks at once: nothing on screen names the client.
    assert CLIENT in all_texts()
    activate(qtbot, window)
    qtbot.keyClick(ws.client_list.search, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.workspace is None, timeout=5_000)
    qtbot.wait(50)  # deferred deletes of the client widgets
    assert window.stack.currentWidget() is window.unlock_screen
    texts = all_texts()
    for word in (CLIENT, "Zelda", "Åströmsdotter", "kanelbullarna", "Lena Öberg"):
        assert word not in texts
    assert window.windowTitle() == "Athena"

    # Unlock and find her by a word in an entry.
    type_text(window.unlock_screen.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=20_000)
    ws = window.workspace
    assert ws is not None
    type_text(ws.client_list.search, "kanelbull")
    qtbot.waitUntil(lambda: ws.client_list.model.rowCount() == 1, timeout=5_000)
    found = ws.client_list.model.item(0)
    assert found is not None and found.name == CLIENT
    # Enter in the search box opens the first hit; the window title still names no one.
    qtbot.keyClick(ws.client_list.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ws.client_view.client_id == found.id, timeout=5_000)
    assert window.windowTitle() == "Athena"
