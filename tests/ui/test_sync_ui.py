"""The district share from the desktop: Sync now, the status bar, choosing between two versions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.models import Client
from app.services.context import Diary, Worker, save_worker
from app.services.sync import settings as sync_settings
from app.sync.folder import FolderShare
from app.ui.shell import AthenaWindow
from app.ui.sync import status as sync_status
from tests.unit.sync_helpers import PASS, Laptop, make_team

from .test_discretion import unlock


@pytest.fixture(autouse=True)
def no_background_rounds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rounds in these tests start from the Sync now action only."""
    monkeypatch.setattr(sync_status, "FIRST_CHECK_MS", 3_600_000)
    monkeypatch.setattr(sync_status, "CHECK_EVERY_MS", 3_600_000)


def open_in_window(qtbot, lap: Laptop, share: Path, prefs) -> AthenaWindow:  # type: ignore[no-untyped-def]
    """Close the laptop's test store and unlock the same diary in the desktop window."""
    worker = Worker(lap.name, "Kvinnostödjare")
    save_worker(lap.store, worker)
    sync_settings.set_location(Diary(lap.store, worker), str(share))
    lap.close()
    window = AthenaWindow(share.parent / "laptop0", prefs)
    qtbot.addWidget(window)
    window.show()
    unlock(qtbot, window, PASS)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    return window


def sync_from_ui(qtbot, window: AthenaWindow) -> None:  # type: ignore[no-untyped-def]
    ws = window.workspace
    assert ws is not None
    window.menus.actions["sync"].trigger()
    assert ws.sync.busy
    qtbot.waitUntil(lambda: not ws.sync.busy, timeout=10_000)
    window.runner.wait(5_000)  # the status read after the round
    qtbot.wait(10)


def phone(window: AthenaWindow, rid: str) -> str | None:
    assert window.diary is not None
    with window.diary.read() as s:
        c = s.get(Client, rid)
        return c.phone if c else None


def test_two_laptops_edit_the_same_field_and_converge(qtbot, tmp_path: Path, prefs) -> None:  # type: ignore[no-untyped-def]
    share_dir = tmp_path / "share"
    share_dir.mkdir()
    share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2)
    rid = a.add_client("Klient Ett", phone="1")
    window = open_in_window(qtbot, a, share_dir, prefs)
    ws = window.workspace
    assert ws is not None
    try:
        sync_from_ui(qtbot, window)
        first = ws.sync.last_summary
        assert first is not None and first.ok and first.pushed >= 1, first
        assert not ws.sync.problem.isVisible()
        assert "Synced" in ws.sync.last.text() or "Synkad" in ws.sync.last.text()
        assert b.sync(share).pulled >= 1

        b.edit(Client, rid, phone="from-b")
        assert b.sync(share).pushed == 1
        assert window.diary is not None
        with window.diary.write() as s:
            s.get(Client, rid).phone = "from-a"  # type: ignore[union-attr]
        sync_from_ui(qtbot, window)
        assert ws.sync.last_summary is not None and ws.sync.last_summary.conflicts == 1
        assert ws.sync.versions.isVisible() and "(1)" in ws.sync.versions.text()

        ws.open_client(rid)
        banner = ws.client_view.conflict_banner
        qtbot.waitUntil(banner.isVisible, timeout=5_000)
        qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
        assert ws.sync.dialogs
        dialog = ws.sync.dialogs[-1]
        qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1, timeout=5_000)
        top = dialog.tree.topLevelItem(0)
        assert top.childCount() == 2
        values = {top.child(i).text(2): top.child(i) for i in range(2)}
        assert set(values) == {"from-a", "from-b"}
        assert {top.child(i).text(3) for i in range(2)} == {"worker0", "worker1"}
        dialog.tree.setCurrentItem(values["from-b"])
        assert dialog.keep_version.isEnabled()
        qtbot.mouseClick(dialog.keep_version, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.empty.isVisibleTo(dialog), timeout=5_000)
        qtbot.waitUntil(lambda: not ws.sync.versions.isVisible(), timeout=5_000)
        qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5_000)
        dialog.close()

        sync_from_ui(qtbot, window)
        assert ws.sync.last_summary is not None and ws.sync.last_summary.ok
        b.sync(share)
        assert b.conflicts() == {}
        assert phone(window, rid) == "from-b" == b.diary()["clients"][rid]["phone"]
    finally:
        window.lock()
        window.runner.wait(10_000)
        b.close()


def test_a_vanished_share_shows_a_problem_and_leaves_the_diary_intact(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, prefs) -> None:
    share_dir = tmp_path / "share"
    share_dir.mkdir()
    (a,) = make_team(tmp_path, 1)
    rid = a.add_client("Klient Två", phone="070-1")
    window = open_in_window(qtbot, a, share_dir, prefs)
    ws = window.workspace
    assert ws is not None
    try:
        sync_from_ui(qtbot, window)
        assert ws.sync.last_summary is not None and ws.sync.last_summary.ok
        shutil.rmtree(share_dir)
        assert window.diary is not None
        with window.diary.write() as s:
            s.get(Client, rid).phone = "070-2"  # type: ignore[union-attr]
        sync_from_ui(qtbot, window)
        assert ws.sync.problem.isVisible()
        assert "share" in ws.sync.problem.text() or "mapp" in ws.sync.problem.text()
        assert "Klient" not in ws.sync.problem.text()
        assert ws.sync.waiting.isVisible()
        assert phone(window, rid) == "070-2"
        assert window.diary.store.integrity_check() == []
    finally:
        window.lock()
        window.runner.wait(10_000)


def test_background_check_runs_one_round_at_a_time_and_a_raced_deletion_can_be_undone(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, prefs, monkeypatch: pytest.MonkeyPatch) -> None:
    share_dir = tmp_path / "share"
    share_dir.mkdir()
    share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2)
    rid = a.add_client("Klient Tre", city="Malmö")
    rounds: list[int] = []
    real = sync_status.sync_now
    monkeypatch.setattr(sync_status, "sync_now", lambda *args, **kw: (rounds.append(1), real(*args, **kw))[1])
    window = open_in_window(qtbot, a, share_dir, prefs)
    ws = window.workspace
    assert ws is not None
    try:
        # Something is waiting: the timer's check runs a round; a second request meanwhile starts none.
        ws.sync.check(force=False)
        ws.sync.check(force=False)
        window.menus.actions["sync"].trigger()
        qtbot.waitUntil(lambda: not ws.sync.busy, timeout=10_000)
        window.runner.wait(5_000)
        assert rounds == [1]
        assert b.sync(share).pulled >= 1
        # Nothing waiting and a round just now: the timer's check leaves the share alone.
        ws.sync.check(force=False)
        qtbot.waitUntil(lambda: not ws.sync.busy, timeout=10_000)
        assert rounds == [1]

        b.delete(Client, rid)
        b.sync(share)
        assert window.diary is not None
        with window.diary.write() as s:
            s.get(Client, rid).city = "Lund"  # type: ignore[union-attr]
        sync_from_ui(qtbot, window)
        qtbot.waitUntil(ws.sync.versions.isVisible, timeout=5_000)
        dialog = ws.sync.open_conflicts(None)
        qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1, timeout=5_000)
        assert dialog.tree.topLevelItem(0).text(0).startswith("Klient Tre")  # whose record, in the full list
        assert dialog.keep_record.isVisibleTo(dialog) and not dialog.keep_version.isVisibleTo(dialog)
        qtbot.mouseClick(dialog.keep_record, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.empty.isVisibleTo(dialog), timeout=5_000)
        dialog.close()
        sync_from_ui(qtbot, window)
        b.sync(share)
        assert b.conflicts() == {}
        assert b.diary()["clients"][rid]["city"] == "Lund"
    finally:
        window.lock()
        window.runner.wait(10_000)
        b.close()


def test_preferences_keep_the_share_in_the_diary(qtbot, tmp_path: Path, prefs) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from app.ui.preferences import PreferencesDialog

    (a,) = make_team(tmp_path, 1)
    window = open_in_window(qtbot, a, tmp_path / "share", prefs)
    try:
        window.open_preferences()

        def dialog() -> PreferencesDialog | None:
            found = [w for w in QApplication.topLevelWidgets() if isinstance(w, PreferencesDialog) and w.isVisible()]
            return found[0] if found else None

        qtbot.waitUntil(lambda: dialog() is not None, timeout=5_000)
        d = dialog()
        assert d is not None and d.share is not None and d.teams is not None
        assert d.share.text() == str(tmp_path / "share")
        assert "Kvinnostöd Söder" in d.teams.text()
        d.share.setText(r"\\kommun\stod\team")
        d.accept()
        window.runner.wait(5_000)
        qtbot.wait(10)
        assert window.diary is not None
        assert sync_settings.get_location(window.diary) == r"\\kommun\stod\team"
        prefs.sync()
        assert "kommun" not in (tmp_path / "prefs.ini").read_text(encoding="utf-8")
    finally:
        window.lock()
        window.runner.wait(10_000)


def test_a_removed_laptop_is_told_plainly_in_the_status_bar(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, prefs) -> None:
    from app.sync import team as teams
    from tests.unit.sync_helpers import member_id
    share_dir = tmp_path / "share"
    share_dir.mkdir()
    a, b = make_team(tmp_path, 2)
    share = FolderShare(share_dir)
    for lap in (a, b, a):
        lap.sync(share)
    with b.store.write(b.ident) as s:  # the window opens laptop0 (a): b removes it
        teams.remove_member(s, teams.team_for(s), member_id(a))
    b.sync(share)
    window = open_in_window(qtbot, a, share_dir, prefs)
    ws = window.workspace
    assert ws is not None
    try:
        sync_from_ui(qtbot, window)
        assert ws.sync.last_summary is not None and ws.sync.last_summary.removed
        assert ws.sync.problem.isVisible()
        text = ws.sync.problem.text()
        assert "borttagen ur teamet" in text or "removed from the team" in text, text
    finally:
        window.lock()
        window.runner.wait(10_000)
        b.close()


def test_a_file_moved_aside_is_named_in_the_status_bar(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, prefs) -> None:
    from tests.unit.sync_helpers import member_id
    share_dir = tmp_path / "share"
    share_dir.mkdir()
    a, b = make_team(tmp_path, 2)
    share = FolderShare(share_dir)
    for lap in (a, b, a):
        lap.sync(share)
    (team_dir,) = [p for p in share_dir.iterdir() if p.is_dir()]
    (team_dir / f"d-{member_id(a)}" / "s-0000000001 (kopia).seg").write_bytes(b"a user's copy")
    window = open_in_window(qtbot, a, share_dir, prefs)
    ws = window.workspace
    assert ws is not None
    try:
        sync_from_ui(qtbot, window)
        assert ws.sync.last_summary is not None and ws.sync.last_summary.repaired
        assert ws.sync.problem.isVisible()
        text = ws.sync.problem.text()
        assert "s-0000000001 (kopia).seg" in text and "quarantine-" in text, text
        sync_from_ui(qtbot, window)  # the next round has nothing to say: the line goes
        assert not ws.sync.problem.isVisible()
    finally:
        window.lock()
        window.runner.wait(10_000)
        b.close()


def test_team_join_through_preferences(qtbot, tmp_path: Path, prefs) -> None:  # type: ignore[no-untyped-def]
    """No terminal: choose the invitation file, type the one-time code, join; a wrong code changes nothing."""
    from PySide6.QtWidgets import QApplication

    from app.sync import team as teams
    from app.ui.preferences import PreferencesDialog
    from tests.unit.sync_helpers import FAST

    (a,) = make_team(tmp_path, 1)
    with a.store.write(a.ident) as s:
        data, code = teams.invite(s, teams.team_for(s), FAST)
    invitation = tmp_path / "till-nya-datorn.athena-invite"
    invitation.write_bytes(data)
    b = Laptop(tmp_path / "laptopb", "b")
    save_worker(b.store, Worker("Berit", "Kvinnostödjare"))
    b.close()
    window = AthenaWindow(tmp_path / "laptopb", prefs)
    qtbot.addWidget(window)
    window.show()
    unlock(qtbot, window, PASS)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    try:
        window.open_preferences()

        def dialog() -> PreferencesDialog | None:
            found = [w for w in QApplication.topLevelWidgets() if isinstance(w, PreferencesDialog) and w.isVisible()]
            return found[0] if found else None

        qtbot.waitUntil(lambda: dialog() is not None, timeout=5_000)
        d = dialog()
        assert d is not None and d.invite_file is not None and d.invite_code is not None
        assert "athena team join" not in d.teams.text()  # type: ignore[union-attr]
        d.invite_file.setText(str(invitation))
        d.invite_code.setText("AAAA-BBBB-CCCC-DDDD-EEEE")
        qtbot.mouseClick(d.join_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: d.join_button.isEnabled(), timeout=20_000)
        assert "wrong" in d.join_status.text() or "fel" in d.join_status.text()
        assert window.diary is not None
        with window.diary.read() as s:
            assert teams.teams(s) == []
        d.invite_code.setText(code)
        qtbot.mouseClick(d.join_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: d.join_button.isEnabled(), timeout=20_000)
        assert "Kvinnostöd Söder" in d.join_status.text(), d.join_status.text()
        with window.diary.read() as s:
            assert [t.name for t in teams.teams(s)] == ["Kvinnostöd Söder"]
        d.reject()
    finally:
        window.lock()
        window.runner.wait(10_000)
