"""The men's track in the desktop app: a man's series of talks through to the three-talk rule, his
registration and onward referral; a worker with both tracks switches explicitly and sees one track at a time."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.errors import AccessDenied
from app.services.clients import clients
from app.services.mens_track import men
from app.ui.main_window import Workspace
from app.ui.mens_track.dialogs import DatedStepDialog, ManDialog, ReferDialog, TalkDialog
from app.ui.mens_track.workspace import MensWorkspace
from app.ui.shell import AthenaWindow

from .conftest import PASSPHRASE, type_text
from .test_workflow import all_texts

MAN = "Åke Östlund"
WOMAN = "Zelda Åströmsdotter"


def _create(qtbot, window: AthenaWindow, *, women: bool, men_track: bool) -> None:  # type: ignore[no-untyped-def]
    create = window.create_screen
    type_text(create.pass1, PASSPHRASE)
    type_text(create.pass2, PASSPHRASE)
    type_text(create.name, "Per Persson")
    create.women.setChecked(women)
    create.men.setChecked(men_track)
    if men_track and not women:
        assert create.title_edit.text() in {"Men's support worker", "Mansstödjare"}
    qtbot.mouseClick(create.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=20_000)


def _talk(qtbot, ws: MensWorkspace, *, attendance: str = "attended", own_theme: str = "") -> None:  # type: ignore[no-untyped-def]
    before = ws.case_view.talks.rowCount()
    ws.new_talk()
    dialog = ws.findChild(TalkDialog)
    assert dialog is not None
    if own_theme:
        dialog.own.setChecked(True)
        type_text(dialog.own_theme, own_theme)
    else:
        dialog.themes["violence"].setChecked(True)
        dialog.themes["responsibility"].setChecked(True)
    dialog.attendance.setCurrentIndex(dialog.attendance.findData(attendance))
    dialog.risk_partner.setCurrentIndex(dialog.risk_partner.findData("raised"))
    type_text(dialog.text, "Han beskriver händelsen och sitt ansvar.")
    dialog.accept()
    qtbot.waitUntil(lambda: ws.case_view.talks.rowCount() == before + 1, timeout=10_000)
    qtbot.waitUntil(lambda: ws.findChild(TalkDialog) is None, timeout=5_000)


def test_a_series_of_talks_to_the_three_talk_rule_and_an_onward_referral(qtbot, window: AthenaWindow) -> None:  # type: ignore[no-untyped-def]
    _create(qtbot, window, women=False, men_track=True)
    ws = window.workspace
    assert isinstance(ws, MensWorkspace)  # a diary for men's support opens the men's screens
    assert not window.menus.track_actions()  # one track: nothing to switch

    ws.new_man()
    dialog = ws.findChild(ManDialog)
    assert dialog is not None
    type_text(dialog.name, MAN)
    dialog.source.setCurrentIndex(dialog.source.findData("court_order"))
    dialog.accept()
    view = ws.case_view
    qtbot.waitUntil(lambda: view.case is not None and view.case.man.name == MAN, timeout=10_000)
    qtbot.waitUntil(lambda: ws.men_list.view.count() == 1, timeout=5_000)
    man_id = view.case.man.id  # type: ignore[union-attr]
    assert view.values["source"].text() == "Court order" or view.values["source"].text() == "Domstolsbeslut"

    _talk(qtbot, ws)
    _talk(qtbot, ws, attendance="no_show")  # a missed talk does not count towards the rule
    _talk(qtbot, ws, own_theme="Föräldraskap")
    assert view.case is not None and view.case.man.talks == 2
    assert view.rule.isHidden()
    _talk(qtbot, ws)
    qtbot.waitUntil(lambda: view.case is not None and view.case.man.talks == 3, timeout=5_000)
    assert view.rule.isVisible()  # the three-talk rule is shown ...
    qtbot.waitUntil(lambda: ws.men_list.view.count() == 1 and ws.men_list.view.item(0).text().startswith("●"),
                    timeout=5_000)
    ws.show_today()
    qtbot.waitUntil(lambda: ws.today.due.count() == 1 and MAN in ws.today.due.item(0).text(), timeout=5_000)
    assert MAN in ws.today.risk.item(0).text()  # raised risk to his partner noted at the latest talk

    ws.today.due.itemActivated.emit(ws.today.due.item(0))
    qtbot.waitUntil(lambda: view.case is not None and view.rule.isVisible(), timeout=5_000)
    qtbot.mouseClick(view.register_button, Qt.MouseButton.LeftButton)  # ... and acted on
    step = view.findChild(DatedStepDialog)
    assert step is not None
    step.accept()
    qtbot.waitUntil(lambda: view.case is not None and view.case.man.registered_on is not None, timeout=5_000)
    assert view.rule.isHidden()
    case_number = view.case.man.case_number
    assert case_number.startswith("M-") and case_number in view.subtitle.text()

    qtbot.mouseClick(view.refer_button, Qt.MouseButton.LeftButton)
    refer = view.findChild(ReferDialog)
    assert refer is not None
    refer.to.setCurrentText("Mansmottagningen")
    refer.accept()
    qtbot.waitUntil(lambda: view.case is not None and view.case.man.status == "referred_on", timeout=5_000)
    assert "Mansmottagningen" in view.values["referred"].text()
    history = [view.history.item(i).text() for i in range(view.history.count())]
    assert [h.split("  ", 1)[1] for h in history if "Status:" in h] == [
        "Status: In contact", "Status: Registered case", "Status: Referred on"]

    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    edit = view.findChild(ManDialog)
    assert edit is not None and edit.name.text() == MAN and edit.valid_from.isVisibleTo(edit)
    edit.phone.setText("070-111 22 33")
    edit.accept()
    qtbot.waitUntil(lambda: view.values["phone"].text() == "070-111 22 33", timeout=5_000)
    assert view.case is not None and view.case.man.referral_source == "court_order"

    ws.show_statistics()
    stats = ws.statistics
    assert stats is not None
    qtbot.waitUntil(lambda: stats.report is not None, timeout=10_000)
    figures = stats.report["men"]  # type: ignore[index]
    assert (figures["in_contact"], figures["talks_held"], figures["talks_no_show"], figures["court_ordered"],
            figures["at_least_three_talks"], figures["registered_as_case"], figures["referred_on"]) == \
        (1, 3, 1, 1, 1, 1, 1)
    assert stats.report["women"] is None  # type: ignore[index]

    # Another language rebuilds the screens and keeps his case open.
    ws.open_man(man_id)
    window.apply_language("en")
    qtbot.waitUntil(lambda: isinstance(window.workspace, MensWorkspace) and window.workspace is not ws,
                    timeout=5_000)
    again = window.workspace
    assert isinstance(again, MensWorkspace)
    qtbot.waitUntil(lambda: again.case_view.case is not None and again.case_view.case.man.name == MAN,
                    timeout=10_000)
    assert again.case_view.talk_button.text() == "New &talk…"


def test_a_worker_with_both_tracks_switches_and_sees_one_at_a_time(qtbot, window: AthenaWindow) -> None:  # type: ignore[no-untyped-def]
    _create(qtbot, window, women=True, men_track=True)
    assert isinstance(window.workspace, Workspace)
    full = window.full_diary
    assert full is not None
    window.runner.wait(10_000)
    woman = clients.create_client(full, clients.ClientInput(name=WOMAN)).id
    man = men.add_man(full, name=MAN).id
    ws = window.workspace
    ws.client_list.refresh()
    qtbot.waitUntil(lambda: ws.client_list.model.rowCount() == 1, timeout=5_000)
    assert WOMAN in all_texts() and MAN not in all_texts()
    assert window.diary is not None
    with pytest.raises(AccessDenied):
        men.get_man(window.diary, man)  # the women's screens cannot open a man's case

    window.menus.track_actions()["men"].trigger()  # the switch is explicit: the Track menu (Ctrl+2)
    qtbot.waitUntil(lambda: isinstance(window.workspace, MensWorkspace), timeout=5_000)
    mws = window.workspace
    assert isinstance(mws, MensWorkspace)
    qtbot.waitUntil(lambda: mws.men_list.view.count() == 1, timeout=5_000)
    assert MAN in all_texts() and WOMAN not in all_texts()
    assert window.menus.track_actions()["men"].isChecked()
    with pytest.raises(AccessDenied):
        clients.get_client(window.diary, woman)
    assert clients.list_clients(window.diary).total == 0

    window.menus.track_actions()["women"].trigger()
    qtbot.waitUntil(lambda: isinstance(window.workspace, Workspace), timeout=5_000)
    back = window.workspace
    assert isinstance(back, Workspace)
    qtbot.waitUntil(lambda: back.client_list.model.rowCount() == 1, timeout=5_000)
    assert MAN not in all_texts()
