from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from app.services.clients import export
from app.services.context import Diary, Worker
from app.services.demo import diary as demo
from app.storage import vault
from app.ui.main_window import export_to_file

from .conftest import PASSPHRASE


def test_streamed_export_is_the_services_json_and_private(tmp_path: Path) -> None:
    store = vault.create(tmp_path / "diary", PASSPHRASE)
    try:
        diary = Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=date(2026, 3, 2))
        demo.generate(diary, clients=3, seed=2)
        out = export_to_file(diary, tmp_path / "all.json", None)
        data = json.loads(out.read_text(encoding="utf-8"))
        assert len(data["clients"]) == 3
        assert out.read_text(encoding="utf-8") == export.to_json(data)
        assert out.stat().st_mode & 0o777 == 0o600
        assert not (tmp_path / "all.json.part").exists()
    finally:
        store.close()


def test_export_over_an_old_world_readable_file_is_private(tmp_path: Path) -> None:
    store = vault.create(tmp_path / "diary", PASSPHRASE)
    try:
        diary = Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=date(2026, 3, 2))
        demo.generate(diary, clients=1, seed=3)
        target = tmp_path / "all.json"
        target.write_text("{}", encoding="utf-8")
        target.chmod(0o644)
        export_to_file(diary, target, None)
        assert target.stat().st_mode & 0o777 == 0o600
        assert len(json.loads(target.read_text(encoding="utf-8"))["clients"]) == 1
        assert sorted(p.name for p in tmp_path.iterdir()) == ["all.json", "diary"]
    finally:
        store.close()


def _workspace(qtbot, tmp_path: Path, clients: int = 3):  # type: ignore[no-untyped-def]
    from app.ui.main_window import Workspace
    from app.ui.session import SessionRunner
    from app.ui.tasks import TaskRunner

    store = vault.create(tmp_path / "diary", PASSPHRASE)
    diary = Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=date(2026, 3, 2))
    demo.generate(diary, clients=clients, seed=2)
    runner = TaskRunner()
    session = SessionRunner(runner)
    ws = Workspace(diary, session)
    qtbot.addWidget(ws)
    ws.show()

    def close() -> None:
        session.end()  # results still on their way no longer reach the widgets
        runner.wait()
        store.close()

    return ws, close


def test_export_in_the_app_shows_progress_then_the_file(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws, close = _workspace(qtbot, tmp_path, clients=5)
    try:
        seen: list[tuple[int, int]] = []
        target = tmp_path / "alla.json"
        ws.export(target, whole_diary=True)
        assert ws.export_progress.isVisible() and ws.export_cancel.isVisible()
        assert ws._export_job is not None
        ws._export_job.progressed.connect(lambda d, t: seen.append((d, t)))
        qtbot.waitUntil(lambda: not ws.export_progress.isVisible(), timeout=20_000)
        assert target.exists() and target.stat().st_mode & 0o777 == 0o600
        assert json.loads(target.read_text(encoding="utf-8"))["clients"]
        assert seen and seen[-1] == (5, 5)
        assert str(target) in ws.status.currentMessage()
    finally:
        close()


def test_cancelled_export_writes_no_file(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import threading

    ws, close = _workspace(qtbot, tmp_path)
    try:
        gate = threading.Event()
        ws.runner.run(gate.wait, 10)  # the database thread is busy: the export waits behind this
        target = tmp_path / "alla.json"
        ws.export(target, whole_diary=True)
        ws.export(tmp_path / "andra.json", whole_diary=True)  # one export at a time
        ws.export_cancel.click()
        assert not ws.export_cancel.isEnabled()
        gate.set()
        qtbot.waitUntil(lambda: not ws.export_progress.isVisible(), timeout=20_000)
        assert not target.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["diary"]
        assert not (tmp_path / "andra.json").exists()
        assert "avbr" in ws.status.currentMessage().lower() or "cancel" in ws.status.currentMessage().lower()
    finally:
        close()


def _mens_workspace(qtbot, tmp_path: Path, men_count: int = 6):  # type: ignore[no-untyped-def]
    from app.services.demo import men as men_demo
    from app.ui.mens_track.workspace import MensWorkspace
    from app.ui.session import SessionRunner
    from app.ui.tasks import TaskRunner

    store = vault.create(tmp_path / "diary", PASSPHRASE)
    full = Diary(store, Worker("Per Persson", "Mansstödjare", frozenset({"women", "men"})),
                 today_override=date(2026, 3, 2))
    demo.generate(full, clients=3, seed=2)  # women's clients: never in the men's track's export
    men_demo.generate(full, men=men_count, seed=5)
    diary = full.for_track("men")
    runner = TaskRunner()
    session = SessionRunner(runner)
    ws = MensWorkspace(diary, session)
    qtbot.addWidget(ws)
    ws.show()

    def close() -> None:
        session.end()
        runner.wait()
        store.close()

    return ws, diary, close


def test_mens_export_shows_progress_and_writes_the_same_bytes(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "unit"))
    import export_reference as reference  # the export as built before it was streamed

    ws, diary, close = _mens_workspace(qtbot, tmp_path)
    try:
        expected = reference.to_json(reference.export_all(diary))
        data = json.loads(expected)
        n = len(data["men"])
        assert data["clients"] == [] and n >= 6 and any(m["talks"] for m in data["men"])
        before = export_to_file(diary, tmp_path / "before.json", None)  # what the men's export wrote until now
        assert before.read_bytes() == expected.encode("utf-8")
        seen: list[tuple[int, int]] = []
        target = tmp_path / "män.json"
        ws.export(target)
        assert ws.exporting.progress.isVisible() and ws.exporting.cancel_button.isVisible()
        assert ws.exporting.job is not None
        ws.exporting.job.progressed.connect(lambda d, t: seen.append((d, t)))
        qtbot.waitUntil(lambda: not ws.exporting.progress.isVisible(), timeout=20_000)
        assert target.read_bytes() == before.read_bytes()
        assert target.stat().st_mode & 0o777 == 0o600
        assert seen and seen[-1] == (n, n)
        assert str(target) in ws.status.currentMessage()
    finally:
        close()


def test_mens_export_can_be_cancelled(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import threading

    ws, _diary, close = _mens_workspace(qtbot, tmp_path)
    try:
        gate = threading.Event()
        ws.runner.run(gate.wait, 10)  # the database thread is busy: the export waits behind this
        target = tmp_path / "män.json"
        ws.export(target)
        ws.export(tmp_path / "andra.json")  # one export at a time
        ws.exporting.cancel_button.click()
        assert not ws.exporting.cancel_button.isEnabled()
        gate.set()
        qtbot.waitUntil(lambda: not ws.exporting.progress.isVisible(), timeout=20_000)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["diary"]
        assert "cancel" in ws.status.currentMessage().lower()
    finally:
        close()
