"""Nothing typed is lost: text typed in each editor survives Ctrl+L, the idle lock and quitting, and is found
again after unlocking — with the client and the tab she had open, the form open as she left it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.services.clients import cases, clients, entries
from app.services.context import Diary, Worker, save_worker
from app.services.drafts import store as drafts
from app.services.risk import assessments as risk
from app.storage import vault
from app.storage.keyfile import KdfParams
from app.ui.clients.dialogs import ClientDialog, CloseCaseDialog, DecisionDialog
from app.ui.preferences import Preferences
from app.ui.shell import AthenaWindow

from .conftest import PASSPHRASE, activate, type_text

TYPED = "Hon ringde från jobbet, åäö ÅÄÖ"


@dataclass
class World:
    data_dir: Path
    client_id: str
    entry_id: str
    assessment_id: str


def make_world(data_dir: Path) -> World:
    store = vault.create(data_dir, PASSPHRASE, KdfParams.fast_for_tests())
    try:
        worker = Worker("Anna Andersson", "Kvinnostödjare")
        save_worker(store, worker)
        diary = Diary(store, worker, today_override=date.today())
        c = clients.create_client(diary, clients.ClientInput(name="Åsa Öberg"))
        case = cases.open_case(diary, c.id, referred_on=date.today().isoformat())
        cases.add_decision(diary, case.id, cases.DecisionInput(
            referring_unit="children_family", district="Älvsjö", decided_on=date.today().isoformat(),
            starts_on=date.today().isoformat()))
        e = entries.add_entry(diary, c.id, entries.EntryInput(text="Första samtalet.", kinds=["support_talk"]),
                              sign=True)
        a = risk.start(diary, c.id, risk.require_instrument(diary, "athena-partner-violence").id)
        return World(data_dir, c.id, e.id, a.id)
    finally:
        store.close()


def open_window(qtbot, data_dir: Path, prefs: Preferences) -> AthenaWindow:  # type: ignore[no-untyped-def]
    window = AthenaWindow(data_dir, prefs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    type_text(window.unlock_screen.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    return window


def settle(window: AthenaWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: (window.runner.wait(5000), not window.runner.busy())[1], timeout=10_000)


def open_client(window: AthenaWindow, qtbot, world: World, tab: str) -> Any:  # type: ignore[no-untyped-def]
    ws = window.workspace
    assert ws is not None
    ws.open_client(world.client_id)
    qtbot.waitUntil(lambda: ws.client_view.client_id == world.client_id, timeout=5_000)
    ws.client_view.select_tab(tab)
    settle(window, qtbot)
    return ws.client_view.panels[tab]


def open_dialog(window: AthenaWindow, qtbot, kind: type) -> Any:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(kind)), timeout=5_000)
    return next(d for d in window.findChildren(kind) if d.isVisible())


# --- the editors: (tab, type something in, find it again after unlocking) ---------------------------------

def type_entry(window: AthenaWindow, qtbot, world: World) -> Callable[[AthenaWindow], None]:  # type: ignore[no-untyped-def]
    panel = open_client(window, qtbot, world, "diary")
    type_text(panel.form.text, TYPED)

    def found(window: AthenaWindow) -> None:
        p = window.workspace.client_view.panels["diary"]  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: p.form.text.toPlainText() == TYPED, timeout=5_000)
    return found


def type_correction(window: AthenaWindow, qtbot, world: World) -> Callable[[AthenaWindow], None]:  # type: ignore[no-untyped-def]
    panel = open_client(window, qtbot, world, "diary")
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.mouseClick(panel.correct, Qt.MouseButton.LeftButton)
    panel.form.text.moveCursor(panel.form.text.textCursor().MoveOperation.End)
    type_text(panel.form.text, " " + TYPED)

    def found(window: AthenaWindow) -> None:
        p = window.workspace.client_view.panels["diary"]  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: p.form.correcting is not None, timeout=5_000)
        assert p.form.correcting.id == world.entry_id
        assert p.form.text.toPlainText() == "Första samtalet. " + TYPED
    return found


def type_plan(window: AthenaWindow, qtbot, world: World) -> Callable[[AthenaWindow], None]:  # type: ignore[no-untyped-def]
    panel = open_client(window, qtbot, world, "safety_plan")
    type_text(panel.editor, TYPED)

    def found(window: AthenaWindow) -> None:
        p = window.workspace.client_view.panels["safety_plan"]  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: p.editor.toPlainText() == TYPED, timeout=5_000)
        assert "draft" in p.status.text() or "utkast" in p.status.text()
    return found


def type_risk(window: AthenaWindow, qtbot, world: World) -> Callable[[AthenaWindow], None]:  # type: ignore[no-untyped-def]
    panel = open_client(window, qtbot, world, "risk")
    qtbot.waitUntil(lambda: panel.history.count() > 0, timeout=5_000)
    panel.history.setCurrentRow(0)
    settle(window, qtbot)
    assert panel.form.view is not None and panel.form.view.id == world.assessment_id
    panel.form.nav.setCurrentItem(panel.form._item_nodes()[0])
    type_text(panel.form.item_page.comment, TYPED)

    def found(window: AthenaWindow) -> None:
        assert window.diary is not None
        assert TYPED in str(risk.get(window.diary, world.assessment_id).answers)
    return found


def type_new_client(window: AthenaWindow, qtbot, world: World) -> Callable[[AthenaWindow], None]:  # type: ignore[no-untyped-def]
    window.workspace.new_client()  # type: ignore[union-attr]
    dialog = open_dialog(window, qtbot, ClientDialog)
    assert dialog.focusWidget() is dialog.name  # the first field, never a button
    type_text(dialog.name, "Björk Ängel")

    def found(window: AthenaWindow) -> None:
        d = open_dialog(window, qtbot, ClientDialog)
        assert d.name.text() == "Björk Ängel"
    return found


def type_edit_client(window: AthenaWindow, qtbot, world: World) -> Callable[[AthenaWindow], None]:  # type: ignore[no-untyped-def]
    open_client(window, qtbot, world, "overview")
    qtbot.mouseClick(window.workspace.client_view.edit, Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    dialog = open_dialog(window, qtbot, ClientDialog)
    type_text(dialog.phone, "070-111 22 33")

    def found(window: AthenaWindow) -> None:
        d = open_dialog(window, qtbot, ClientDialog)
        assert d.phone.text() == "070-111 22 33" and d.name.text() == "Åsa Öberg"
    return found


def type_decision(window: AthenaWindow, qtbot, world: World) -> Callable[[AthenaWindow], None]:  # type: ignore[no-untyped-def]
    panel = open_client(window, qtbot, world, "overview")
    qtbot.waitUntil(panel.add_decision.isEnabled, timeout=5_000)
    qtbot.mouseClick(panel.add_decision, Qt.MouseButton.LeftButton)
    dialog = open_dialog(window, qtbot, DecisionDialog)
    type_text(dialog.officer, "Örjan Åkesson")

    def found(window: AthenaWindow) -> None:
        d = open_dialog(window, qtbot, DecisionDialog)
        assert d.officer.text() == "Örjan Åkesson"
    return found


def type_closing(window: AthenaWindow, qtbot, world: World) -> Callable[[AthenaWindow], None]:  # type: ignore[no-untyped-def]
    panel = open_client(window, qtbot, world, "overview")
    qtbot.waitUntil(panel.close_case.isEnabled, timeout=5_000)
    qtbot.mouseClick(panel.close_case, Qt.MouseButton.LeftButton)
    dialog = open_dialog(window, qtbot, CloseCaseDialog)
    type_text(dialog.reason, "Flyttat till Göteborg")

    def found(window: AthenaWindow) -> None:
        d = open_dialog(window, qtbot, CloseCaseDialog)
        assert d.reason.text() == "Flyttat till Göteborg"
    return found


EDITORS = {"entry": (type_entry, "diary"), "correction": (type_correction, "diary"),
           "safety_plan": (type_plan, "safety_plan"), "risk": (type_risk, "risk"),
           "new_client": (type_new_client, None), "edit_client": (type_edit_client, "overview"),
           "decision": (type_decision, "overview"), "closing": (type_closing, "overview")}


def ctrl_l(window: AthenaWindow, qtbot) -> AthenaWindow:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialog

    dialogs = [d for d in window.findChildren(QDialog) if d.isVisible()]
    if dialogs:  # she presses Ctrl+L in the form she is typing in
        dialogs[0].activateWindow()
        target = dialogs[0].focusWidget() or dialogs[0]
    else:
        target = QApplication.focusWidget() or window
    with qtbot.waitSignal(window.locked, timeout=5_000):
        qtbot.keyClick(target, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    return window


def idle(window: AthenaWindow, qtbot) -> AthenaWindow:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.locked, timeout=5_000):
        window.triggers.idle_seconds = 0
    window.triggers.idle_seconds = 3600
    return window


def quit_app(window: AthenaWindow, qtbot) -> AthenaWindow:  # type: ignore[no-untyped-def]
    assert window.workspace is not None
    if not window.workspace.drafts.unsaved():  # the risk form saves into the assessment itself
        with qtbot.waitSignal(window.locked, timeout=5_000):
            window.close()
        return window
    window.close()  # unsaved text: she is asked first
    qtbot.waitUntil(lambda: window.quit_box is not None and window.quit_box.isVisible(), timeout=5_000)
    assert window.workspace is not None  # nothing happened yet
    with qtbot.waitSignal(window.locked, timeout=5_000):
        qtbot.mouseClick(window.quit_box.clickedButton() or window.quit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    return window


@pytest.mark.parametrize("how", [ctrl_l, idle, quit_app], ids=["ctrl_l", "idle", "quit"])
@pytest.mark.parametrize("editor", list(EDITORS))
def test_typed_text_survives_the_lock(qtbot, tmp_path: Path, prefs: Preferences,  # type: ignore[no-untyped-def]
                                      editor: str, how: Callable[..., AthenaWindow]) -> None:
    world = make_world(tmp_path / "diary")
    window = open_window(qtbot, world.data_dir, prefs)
    settle(window, qtbot)
    type_in, tab = EDITORS[editor]
    found = type_in(window, qtbot, world)
    activate(qtbot, window) if how is ctrl_l and window.isActiveWindow() is False and \
        QApplication.activeModalWidget() is None else None
    how(window, qtbot)
    window.runner.wait(10_000)
    assert window.workspace is None and window.diary is None
    if how is quit_app:  # started again
        window = open_window(qtbot, world.data_dir, prefs)
    else:
        type_text(window.unlock_screen.passphrase, PASSPHRASE)
        qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    ws = window.workspace
    assert ws is not None
    if tab is not None:  # back with the client and the tab she had open
        qtbot.waitUntil(lambda: ws.client_view.client_id == world.client_id, timeout=5_000)
        qtbot.waitUntil(lambda: ws.client_view.current_tab_key() == tab, timeout=5_000)
    settle(window, qtbot)
    found(window)
    window.lock()
    window.runner.wait(10_000)


def test_quit_without_unsaved_text_does_not_ask(qtbot, tmp_path: Path, prefs: Preferences) -> None:  # type: ignore[no-untyped-def]
    world = make_world(tmp_path / "diary")
    window = open_window(qtbot, world.data_dir, prefs)
    settle(window, qtbot)
    with qtbot.waitSignal(window.locked, timeout=5_000):
        window.close()
    assert window.quit_box is None


def test_a_draft_entry_is_opened_again_edited_and_signed(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         prefs: Preferences) -> None:
    world = make_world(tmp_path / "diary")
    window = open_window(qtbot, world.data_dir, prefs)
    settle(window, qtbot)
    panel = open_client(window, qtbot, world, "diary")
    qtbot.mouseClick(panel.form.kind_buttons["practical_support"], Qt.MouseButton.LeftButton)
    type_text(panel.form.text, "Följde med till banken.")
    qtbot.mouseClick(panel.form.save, Qt.MouseButton.LeftButton)  # saved unsigned: a draft entry
    settle(window, qtbot)
    assert panel.form.text.toPlainText() == ""
    assert window.focusWidget() is panel.form.text  # she goes on writing, the focus did not jump to search
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    assert panel.current_entry() is not None and not panel.current_entry().signed
    qtbot.mouseClick(panel.edit_draft, Qt.MouseButton.LeftButton)
    assert panel.form.text.toPlainText() == "Följde med till banken."
    panel.form.text.moveCursor(panel.form.text.textCursor().MoveOperation.End)
    type_text(panel.form.text, " Kortet spärrat.")
    qtbot.mouseClick(panel.form.save, Qt.MouseButton.LeftButton)  # saved again, still a draft
    settle(window, qtbot)
    assert window.diary is not None
    mine = entries.unsigned_entries(window.diary)
    assert [e.text for e in mine] == ["Följde med till banken. Kortet spärrat."]
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.mouseClick(panel.edit_draft, Qt.MouseButton.LeftButton)
    type_text(panel.form.text, " Klart.")
    qtbot.mouseClick(panel.form.save_sign, Qt.MouseButton.LeftButton)
    settle(window, qtbot)
    signed = entries.get_entry(window.diary, mine[0].id)
    assert signed.signed and signed.text.endswith("Kortet spärrat. Klart.")
    assert entries.unsigned_entries(window.diary) == []
    assert drafts.list_drafts(window.diary) == []  # saving removed the typing draft too
    window.lock()
    window.runner.wait(10_000)


def test_drafts_never_reach_the_widget_tree_of_a_locked_window(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                               prefs: Preferences) -> None:
    world = make_world(tmp_path / "diary")
    window = open_window(qtbot, world.data_dir, prefs)
    settle(window, qtbot)
    type_entry(window, qtbot, world)
    ctrl_l(window, qtbot)
    texts = [w.text() for w in window.findChildren(QWidget) if hasattr(w, "text") and callable(w.text)
             and isinstance(w.text(), str)]
    assert not any(TYPED in t for t in texts)
