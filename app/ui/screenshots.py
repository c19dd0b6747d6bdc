"""A PNG of every main screen, taken offscreen from a real diary (``athena screenshots DIR``)."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QIODevice, QSettings
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from app.services.clients import records
from app.services.clients.clients import ClientSummary
from app.services.context import Diary
from app.services.mens_track import men
from app.services.risk import assessments as risk
from app.services.risk import timeline as tl
from app.services.safety_plan import plans as safety_plans
from app.services.sync.settings import SyncStatus, TeamStatus
from app.storage import layout
from app.storage.private_files import write_private
from app.sync import SyncSummary
from app.sync.log import PROBLEM, WARNING, LogLine
from app.sync.team import REMOVED
from app.ui import i18n
from app.ui.app import make_app
from app.ui.main_window import Workspace
from app.ui.mens_track.dialogs import TalkDialog
from app.ui.mens_track.workspace import MensWorkspace
from app.ui.preferences import Preferences, PreferencesDialog
from app.ui.shell import AthenaWindow


def png_bytes(widget: QWidget) -> bytes:
    """The widget as a PNG in memory (written only through ``write_private``: a screen can show client data)."""
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buf, "PNG")
    return bytes(buf.data().data())


def wait_until(app: QApplication, pred: Callable[[], bool], timeout: float = 60.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if pred():
            return True
        time.sleep(0.01)
    return pred()


def settle(app: QApplication, window: AthenaWindow, rounds: int = 3) -> None:
    """Let queued jobs finish and their results reach the widgets."""
    for _ in range(rounds):
        wait_until(app, lambda: not window.runner.busy(), 60)
        for _ in range(5):
            app.processEvents()
            time.sleep(0.01)


def _pick(diary: Diary, items: list[ClientSummary]) -> ClientSummary | None:
    """A current client with as much stored as possible, so every section has something to show."""

    def richness(c: ClientSummary) -> int:
        score = (c.status == "current") * 8 + c.is_protected * 20 + c.decision_ending_soon + c.court_soon
        if c.status == "current":
            score += sum(bool(records.list_for_client(diary, kind, c.id)) * 3
                         for kind in ("network", "children", "court"))
            score += bool(safety_plans.versions(diary, c.id)) * 3
            score += min(len(risk.list_for_client(diary, c.id)), 3) * 2 + min(len(tl.incidents(diary, c.id)), 10)
        return score

    candidates = [c for c in items if c.status == "current"][:80] or items
    return max(candidates, key=richness) if candidates else None


def _safety_plan_shots(app: QApplication, window: AthenaWindow, panel: QWidget, shot: Callable[..., None],
                       n: int) -> int:
    """The safety-plan tab, then its print dialog with the discreet printout's first page."""
    shot(f"{n:02d}-client-safety-plan")
    open_print = getattr(panel, "open_print", None)
    if open_print is None:
        return n + 1
    open_print()
    dialog = getattr(panel, "print_dialog", None)
    if dialog is None:
        return n + 1
    wait_until(app, lambda: getattr(dialog, "printout", None) is not None, 60)
    shot(f"{n + 1:02d}-client-safety-plan-print", dialog)
    dialog.close()
    return n + 2


def _first_row(panel: QWidget) -> Callable[[], object]:
    """Choose the first row of a record panel's table (the court date to print a sheet for)."""
    def select() -> None:
        table = getattr(panel, "table", None)
        if table is not None and table.rowCount():
            table.setCurrentCell(0, 0)
    return select


def _print_shot(app: QApplication, owner: QWidget, attr: str, opener: str, shot: Callable[..., None], n: int,
                name: str, select: Callable[[], object] | None = None) -> int:
    """A print dialog opened from ``owner`` (court-day sheet, record extract), once its pages are shown."""
    if select is not None:
        select()
    open_dialog = getattr(owner, opener, None)
    if open_dialog is None:
        return n
    open_dialog()
    dialog = getattr(owner, attr, None)
    if dialog is None:
        return n
    wait_until(app, lambda: getattr(dialog, "printout", None) is not None, 60)
    shot(f"{n:02d}-{name}", dialog)
    dialog.close()
    return n + 1


def _risk_shots(app: QApplication, window: AthenaWindow, panel: QWidget, shot: Callable[..., None],
                n: int) -> int:
    """The risk tab with the latest assessment open at its result, then the incident calendar and the chart."""
    history = getattr(panel, "history", None)
    if history is not None and history.count():
        history.setCurrentRow(0)
        settle(app, window)
        form = getattr(panel, "form", None)
        if form is not None:
            form.go_to("summary")
    shot(f"{n:02d}-client-risk")
    tabs = getattr(panel, "tabs", None)
    if tabs is None:
        return n + 1
    for i, name in ((1, "risk-calendar"), (2, "risk-over-time")):
        tabs.setCurrentIndex(i)
        shot(f"{n + i:02d}-client-{name}")
    tabs.setCurrentIndex(0)
    return n + 3


def _men_shots(app: QApplication, window: AthenaWindow, shot: Callable[..., None], n: int) -> int:
    """The men's track: Idag and the list, a man's case with his talks, a new talk, the statistics."""
    ws = window.workspace
    if not isinstance(ws, MensWorkspace):
        return n
    wait_until(app, lambda: ws.men_list.view.count() > 0, 60)
    shot(f"{n:02d}-men-today-and-list")
    men_shown = men.list_men(ws.diary, open_only=True)
    chosen = max(men_shown, key=lambda m: (m.registration_due, m.booked_talks), default=None)
    if chosen is not None:
        ws.open_man(chosen.id)
        wait_until(app, lambda: ws.case_view.case is not None, 30)
        shot(f"{n + 1:02d}-men-case")
        ws.case_view.new_talk()
        dialogs = [w for w in app.topLevelWidgets() if isinstance(w, TalkDialog) and w.isVisible()]
        if dialogs:
            dialogs[0].themes["responsibility"].setChecked(True)
            dialogs[0].text.setPlainText("Han beskriver händelsen och tar ansvar för sin del.")
            shot(f"{n + 2:02d}-men-new-talk", dialogs[0])
            dialogs[0].reject()
    ws.show_statistics()
    stats = ws.statistics
    if stats is not None:
        wait_until(app, lambda: stats.report is not None, 60)
    shot(f"{n + 3:02d}-men-statistics")
    return n + 4


def sync_problem_summaries() -> list[SyncSummary]:
    """Rounds as the status bar shows them: this laptop removed, its clock ahead, a file moved aside."""
    moved = LogLine(WARNING, "A file that this laptop did not write, {file}, was found in its folder and moved "
                    "aside as {moved}.", {"file": "s-0000000042.seg",
                                          "moved": "quarantine-20261201T091500-3fa2c1-s-0000000042.seg"})
    removed = LogLine(PROBLEM, REMOVED)
    clock = LogLine(PROBLEM, "This laptop's clock is {hours} hours ahead of the file server's; its changes are kept "
                    "and sent once the clock is right.", {"hours": 26})
    return [SyncSummary(ok=False, removed=True, problems=[removed.text()]),
            SyncSummary(ok=False, clock_ahead_hours=26, problems=[clock.text()]),
            SyncSummary(ok=True, repaired=1, warnings=[moved.text()])]


def sync_problems_png(app: QApplication, window: AthenaWindow, bar: QWidget, controller: Any) -> bytes:
    """The status bar after each of ``sync_problem_summaries``, stacked into one PNG."""
    grabs = []
    shown = SyncStatus(r"\\fil01\kvinnostod", (TeamStatus("Kvinnostöd Söder", "women", 4),), 3, 0,
                       datetime.now(UTC).replace(tzinfo=None) - timedelta(minutes=12))
    for summary in sync_problem_summaries():
        controller._round_done(summary)
        settle(app, window)
        controller._show_status(shown)  # as on a laptop in a team (the demo diary is in none)
        grabs.append(bar.grab().toImage())
    width = max(g.width() for g in grabs)
    image = QImage(width, sum(g.height() for g in grabs) + 4 * (len(grabs) - 1), QImage.Format.Format_RGB32)
    image.fill(QColor("#c8c8c8"))
    painter = QPainter(image)
    y = 0
    for g in grabs:
        painter.drawImage(0, y, g)
        y += g.height() + 4
    painter.end()
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    QPixmap.fromImage(image).save(buf, "PNG")
    controller._set_problem(None)
    return bytes(buf.data().data())


def take_screenshots(data_dir: Path, passphrase: str, out: Path, *, lang: str = "sv",
                     size: tuple[int, int] = (1280, 800)) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    app = make_app()
    layout.clean_screenshot_folders()  # left by a run that crashed
    settings_dir = tempfile.mkdtemp(prefix=layout.SCREENSHOT_PREFIX)
    prefs = Preferences(QSettings(str(Path(settings_dir) / "prefs.ini"), QSettings.Format.IniFormat))
    prefs.language = lang
    i18n.install(app, lang)
    window = AthenaWindow(data_dir, prefs)
    window.resize(*size)
    window.show()
    saved: list[Path] = []

    def shot(name: str, widget: QWidget | None = None) -> None:
        settle(app, window)
        saved.append(write_private(out / f"{name}.png", png_bytes(widget or window)))

    # First run, as a new worker sees it (nothing is created).
    window.stack.setCurrentWidget(window.create_screen)
    window.create_screen.name.setText("Anna Andersson")
    window.create_screen.pass1.setText("blåbär kanel tåg")
    shot("01-create-diary")
    window.create_screen.pass1.clear()
    window.create_screen.name.clear()
    window.stack.setCurrentWidget(window.unlock_screen)
    shot("02-unlock")

    window.unlock_screen.passphrase.setText(passphrase)
    window.unlock_screen.submit()
    if not wait_until(app, lambda: window.workspace is not None, 120):
        raise RuntimeError("the diary did not open")
    if isinstance(window.workspace, MensWorkspace):  # a men's-support worker's diary
        n = _men_shots(app, window, shot, 3)
        window.lock("manual")
        shot(f"{n:02d}-lock-screen")
        window.close()
        window.runner.wait(30_000)
        return saved
    ws = window.workspace
    assert isinstance(ws, Workspace)
    ready: list[bool] = []
    ws.ready.connect(lambda: ready.append(True))
    wait_until(app, lambda: bool(ready) or not ws.client_list.model.busy, 60)
    shot("03-today-and-client-list")

    client = _pick(ws.diary, ws.client_list.model.items())
    if client is not None:
        row = ws.client_list.model.items().index(client)
        index = ws.client_list.model.index(row, 0)
        ws.client_list.view.setCurrentIndex(index)
        ws.client_list.view.scrollTo(index)
        ws.open_client(client.id)
        wait_until(app, lambda: ws.client_view.client_id == client.id, 30)
        n = 4
        for key, panel in ws.client_view.panels.items():
            ws.client_view.select_tab(key)
            if key == "risk":
                n = _risk_shots(app, window, panel, shot, n)
            elif key == "safety_plan":
                n = _safety_plan_shots(app, window, panel, shot, n)
            elif key == "court":
                shot(f"{n:02d}-client-court")
                n = _print_shot(app, panel, "sheet_dialog", "open_print", shot, n + 1, "client-court-day-sheet",
                                select=_first_row(panel))
            else:
                shot(f"{n:02d}-client-{key.replace('_', '-')}")
                n += 1
        n = _print_shot(app, ws.client_view, "extract_dialog", "open_extract", shot, n, "client-record-extract")
        ws.client_view.tabs.setCurrentIndex(1)
    else:
        n = 4 + len(ws.client_view.panels)

    ws.client_list.search.setText("tandläkaren")
    wait_until(app, lambda: ws.client_list.count.text() != "", 30)
    shot(f"{n:02d}-search")
    n += 1

    window.open_reports()
    if window._report_windows:
        reports = window._report_windows[-1]
        reports.resize(*size)
        wait_until(app, lambda: getattr(reports, "report", None) is not None, 60)
        tabs = getattr(reports, "tabs", None)
        shot(f"{n:02d}-reports-statistics", reports)
        if tabs is not None:
            tabs.setCurrentIndex(1)
            shot(f"{n + 1:02d}-reports-team-meeting", reports)
        n += 2
        reports.close()
    # The sync problems the status bar names (numbered after the preferences, to keep the others' names).
    saved.append(write_private(out / f"{n + 2:02d}-sync-problems.png",
                               sync_problems_png(app, window, ws.status, ws.sync)))
    if window.full_diary is not None and "men" in window.full_diary.tracks:
        window.switch_track("men")
        n = _men_shots(app, window, shot, n)
    window.lock("manual")
    shot(f"{n:02d}-lock-screen")

    dialog = PreferencesDialog(prefs, window)
    dialog.show()
    shot(f"{n + 1:02d}-preferences", dialog)
    dialog.close()
    window.close()
    window.runner.wait(30_000)
    shutil.rmtree(settings_dir, ignore_errors=True)
    return saved
