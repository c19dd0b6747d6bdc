"""The desktop app on a big diary (10,000 clients / 300,000 entries): time to an interactive window,
per-keystroke search latency, and how long the GUI thread ever stalls during unlock, search and export.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -u bench/bench_gui.py [--clients N --entries M]

Targets: ≤ 1.5 s from passphrase accepted to interactive and < 1 s to Idag filled; ≤ 50 ms per keystroke at the
median; the first page of a search with ~5,000 matching clients < 50 ms; draft autosave < 5 ms per keystroke
burst; GUI-thread stalls < 50 ms during unlock, scrolling, search and export and < 100 ms during print preview
and print to file; the whole export < 20 s with progress shown. Each unlock, scroll, search and export stall is
printed beside the worst gap of the same timer on an idle loop in the same run (the machine's own noise), the
export beside reading every row and writing as many bytes, Idag beside its SQL on a raw cursor. The diary is
built once (1–2 minutes) and cached under bench/.cache.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from app.services.clients import search
from app.services.today import attention
from app.ui.app import make_app
from app.ui.preferences import Preferences
from app.ui.shell import AthenaWindow
from bench._diary import PASSPHRASE, big_diary
from bench._floors import export_floor, replay_floor

QUERIES = ["tandläkaren", "Andersson", "kontaktförbud", "Eva", "2025-0001", "bankkort"]


class StallMeter:
    """A 10 ms timer on the GUI thread; any longer gap between its ticks is time the loop was blocked."""

    def __init__(self) -> None:
        self.timer = QTimer(interval=10)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.last = self.started = time.perf_counter()
        self.worst = 0.0
        self.worst_at = 0.0  # seconds after start() when the worst gap ended

    def _tick(self) -> None:
        now = time.perf_counter()
        if now - self.last > self.worst:
            self.worst, self.worst_at = now - self.last, now - self.started
        self.last = now

    def start(self) -> None:
        self.last = self.started = time.perf_counter()
        self.worst = self.worst_at = 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.worst * 1000


def pump(app: QApplication, until: Callable[[], bool], timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if until():
            return True
        time.sleep(0.001)
    return until()


def key(widget: object, ch: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def many_hits_word(window: AthenaWindow) -> tuple[str, int]:
    """The demo word whose clients come closest to 5,000 (not timed)."""
    assert window.diary is not None
    best = ("", 0)
    for w in ("sömnen", "ekonomin", "hyreskontrakt", "bankkort", "brottsskadeersättning"):
        n = search.run_search(window.diary, w).total
        if abs(n - 5000) < abs(best[1] - 5000):
            best = (w, n)
    return best


def draft_autosave(app: QApplication, window: AthenaWindow, meter: StallMeter) -> None:
    """Typing in a diary entry: what the draft costs per burst of keystrokes — on the GUI thread (reading
    the form, queueing the write) and on the database thread (the encrypted write)."""
    ws = window.workspace
    assert ws is not None and window.diary is not None
    first = ws.client_list.model.item(0)
    assert first is not None
    ws.open_client(first.id)
    if not pump(app, lambda: ws.client_view.client_id == first.id and not window.runner.busy(), 30):
        print(f"the client did not open: shown {ws.client_view.client_id}, runner busy {window.runner.busy()}")
    panel = ws.client_view.panels["diary"]
    ws.client_view.select_tab("diary")
    keeper = ws.drafts
    written: list[int] = []
    keeper.written.connect(written.append)
    gui: list[float] = []
    worker: list[float] = []
    meter.start()
    for burst in range(20):
        for ch in f"Hon berättade om veckan, åäö {burst}. ":
            key(panel.form.text, ch)
        n = len(written)
        t = time.perf_counter()
        keeper.flush()  # what the pause timer does 0.8 s after the last key
        gui.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        pump(app, lambda n=n: len(written) > n, 10)
        worker.append((time.perf_counter() - t) * 1000)
    stall = meter.stop()
    print(f"draft autosave per burst: GUI thread median {statistics.median(gui):.2f} ms, written in "
          f"{statistics.median(worker):.1f} ms (max {max(worker):.1f})   (target < 5), max stall {stall:.0f} ms")
    keeper.saved(panel)
    panel.form.reset()
    pump(app, lambda: not window.runner.busy(), 10)


def print_stalls(app: QApplication, window: AthenaWindow, meter: StallMeter) -> None:
    """The safety-plan print preview and printing to a file: everything heavy runs in a worker."""
    from PySide6.QtPrintSupport import QPrinter

    from app.services.safety_plan import plans as safety_plans
    from app.ui.safety_plan.print_dialog import SafetyPlanPrintDialog

    ws = window.workspace
    assert ws is not None and window.diary is not None
    client_id = ws.client_view.client_id
    assert client_id is not None
    if safety_plans.latest(window.diary, client_id) is None:
        safety_plans.save_version(window.diary, client_id, {"children": "Skolan vet vem som hämtar. " * 40,
                                                            "everyday_safety": "Olika vägar hem. " * 40},
                                  neutral_title="Min vecka")
    meter.start()
    t = time.perf_counter()
    dlg = SafetyPlanPrintDialog(window.diary, window.session, client_id, None, "Min vecka", "sv", window)  # type: ignore[arg-type]
    dlg.show()
    pump(app, lambda: dlg.printout is not None and dlg.preview_done and not window.runner.busy(), 60)
    preview_ms = (time.perf_counter() - t) * 1000
    stall_preview = meter.stop()
    out = Path(tempfile.mkdtemp()) / "plan.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    done: list[str] = []
    dlg.printed.connect(done.append)
    meter.start()
    t = time.perf_counter()
    dlg.print_to(printer)
    pump(app, lambda: bool(done) and not window.runner.busy(), 120)
    print_ms = (time.perf_counter() - t) * 1000
    stall_print = meter.stop()
    print(f"print preview: {preview_ms:6.0f} ms, max GUI stall {stall_preview:.0f} ms   (target < 100)")
    print(f"print to file ({printer.resolution()} dpi painter, 200 dpi pages): {print_ms:6.0f} ms, "
          f"max GUI stall {stall_print:.0f} ms   (target < 100)")
    dlg.close()
    out.unlink(missing_ok=True)


def main() -> int:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=10_000)
    ap.add_argument("--entries", type=int, default=300_000)
    args = ap.parse_args()
    data_dir = big_diary(args.clients, args.entries)
    app = make_app()
    prefs = Preferences(QSettings(str(Path(tempfile.mkdtemp()) / "p.ini"), QSettings.Format.IniFormat))
    window = AthenaWindow(data_dir, prefs)
    window.resize(1280, 800)
    window.show()
    meter = StallMeter()

    # The floor for every stall figure: the worst gap of the same timer while the loop has nothing to do (what
    # the machine's load alone costs the GUI thread in this run).
    def idle_gap() -> float:
        meter.start()
        pump(app, lambda: False, 1.0)
        return meter.stop()

    # The unlock screen pays the process's one-off costs in small slices while she types (app/ui/warmup.py):
    # a passphrase takes seconds to type, so the bench lets it finish before the floor and the unlock.
    t = time.perf_counter()
    pump(app, lambda: window.warmup.done, 10)
    warm_ms = (time.perf_counter() - t) * 1000
    idle = idle_gap()
    print(f"unlock screen warm-up:            {warm_ms:8.0f} ms")
    print(f"idle event loop, max gap (floor):  {idle:8.0f} ms")

    # Unlock: from pressing Enter to the first page of the list on screen.
    ready_at: list[float] = []
    window.opened.connect(lambda ws: ws.ready.connect(lambda: ready_at.append(time.perf_counter())))
    meter.start()
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    t0 = time.perf_counter()
    window.unlock_screen.submit()
    if not pump(app, lambda: bool(ready_at), 120):
        print("the diary did not open")
        return 1
    accepted = window.unlock_screen.accepted_at
    ws = window.workspace
    assert ws is not None
    today_loaded: list[float] = []
    ws.today.loaded.connect(lambda: today_loaded.append(time.perf_counter()))
    pump(app, lambda: bool(today_loaded), 120)
    pump(app, lambda: ws.client_view.built, 120)  # the client's tabs, built after the first screen is filled
    tabs_built = time.perf_counter()
    # The client she had open comes back on its tab, and every tab reads that client: until the last of
    # those lists is shown (and a little after), the GUI thread is still part of the unlock.
    pump(app, lambda: not window.runner.busy(), 120)
    settled = time.perf_counter()
    pump(app, lambda: False, 0.3)
    stall_unlock = meter.stop()
    print(f"key derivation + open:            {1000 * (accepted - t0):8.0f} ms")
    print(f"passphrase accepted → interactive:{1000 * (ready_at[0] - accepted):8.0f} ms   (target ≤ 1500)")
    if today_loaded:
        print(f"passphrase accepted → Idag filled:{1000 * (today_loaded[0] - accepted):8.0f} ms   (target < 1000)")
    print(f"passphrase accepted → tabs built: {1000 * (tabs_built - accepted):8.0f} ms, every tab filled "
          f"{1000 * (settled - accepted):.0f} ms")
    print(f"max GUI stall during unlock:      {stall_unlock:8.0f} ms   (target < 50; floor {idle:.0f}, "
          f"ratio {stall_unlock / max(idle, 1):.1f}; ended {1000 * meter.worst_at:.0f} ms after Enter)")

    # Scrolling the list to the end pages through 10,000 clients.
    idle = idle_gap()
    meter.start()
    t = time.perf_counter()
    model = ws.client_list.model
    while model.rowCount() < model.total:
        ws.client_list.view.scrollToBottom()
        pump(app, lambda: not model.busy, 30)
        if model.canFetchMore():
            model.fetchMore()
    scrolled = time.perf_counter() - t
    stall_scroll = meter.stop()
    print(f"scroll through {model.total} clients:    {1000 * scrolled:8.0f} ms, "
          f"max stall {stall_scroll:.0f} ms   (target < 50; floor {idle:.0f}, ratio {stall_scroll / max(idle, 1):.1f})")

    # Search: one keystroke at a time, each waiting for its result (a worker typing).
    latencies: list[float] = []
    pane = ws.client_list
    pane.search_finished.connect(latencies.append)
    idle = idle_gap()
    meter.start()
    for q in QUERIES:
        pane.search.clear()
        pump(app, lambda: not pane.model.busy, 30)
        for ch in q:
            n = len(latencies)
            key(pane.search, ch)
            pump(app, lambda n=n: len(latencies) > n, 30)
            pump(app, lambda: False, 0.02)
    stall_search = meter.stop()
    print(f"search keystrokes:                {len(latencies):8d}")
    print(f"per-keystroke latency, median:    {statistics.median(latencies):8.1f} ms   (target ≤ 50)")
    print(f"per-keystroke latency, p90 / max: {sorted(latencies)[int(0.9 * len(latencies))]:8.1f} / "
          f"{max(latencies):.1f} ms")
    print(f"max GUI stall during search:      {stall_search:8.0f} ms   (target < 50; floor {idle:.0f}, "
          f"ratio {stall_search / max(idle, 1):.1f})")

    # Burst typing (60 ms between keys): stale results are dropped, the last one shows.
    pane.search.clear()
    pump(app, lambda: not pane.model.busy, 30)
    meter.start()
    latencies.clear()
    for ch in "kontaktförbud":
        key(pane.search, ch)
        pump(app, lambda: False, 0.06)
    pump(app, lambda: bool(latencies) and not window.runner.busy(), 30)
    print(f"burst typing: {len(latencies)} result(s) shown for 13 keys, max stall {meter.stop():.0f} ms")

    # Search with ~5,000 matching clients: the first page, then the real count.
    word, hits = many_hits_word(window)
    pane.search.clear()
    pump(app, lambda: not pane.model.busy and not window.runner.busy(), 30)
    firsts: list[float] = []
    counts: list[float] = []
    svc: list[float] = []
    for _ in range(5):
        pane.search.clear()
        pump(app, lambda: not window.runner.busy(), 30)
        counted: list[int] = []
        conn = pane.search_counted.connect(counted.append)
        n = len(latencies)
        meter.start()
        t = time.perf_counter()
        pane.search.setText(word)
        pump(app, lambda n=n: len(latencies) > n, 30)
        firsts.append(latencies[-1])
        pump(app, lambda c=counted: bool(c), 30)
        counts.append((time.perf_counter() - t) * 1000)
        stall = meter.stop()
        pane.search_counted.disconnect(conn)
        assert window.diary is not None
        t = time.perf_counter()
        search.first_page(window.diary, word, limit=100)
        svc.append((time.perf_counter() - t) * 1000)
    print(f"search '{word}' ({hits} clients): first page median {statistics.median(firsts):6.1f} ms   "
          f"(target < 50; service alone {statistics.median(svc):.1f} ms), "
          f"real count after {statistics.median(counts):.0f} ms, max stall {stall:.0f} ms")
    pane.search.clear()
    pump(app, lambda: not window.runner.busy(), 30)

    draft_autosave(app, window, meter)
    print_stalls(app, window, meter)

    # Export of the whole diary in the worker thread.
    out = Path(tempfile.mkdtemp()) / "export.json"
    idle = idle_gap()
    meter.start()
    t = time.perf_counter()
    ws.export(out, whole_diary=True)
    progress: list[tuple[int, int]] = []
    job = ws._export_job
    if job is not None:
        job.progressed.connect(lambda done, total: progress.append((done, total)))
    pump(app, lambda: out.exists() and not window.runner.busy(), 600)
    exported = time.perf_counter() - t
    stall_export = meter.stop()
    nbytes = out.stat().st_size if out.exists() else 0
    out.unlink(missing_ok=True)
    floor = export_floor(ws.diary, out.with_name("floor.bin"), nbytes)
    print(f"export whole diary:               {1000 * exported:8.0f} ms ({nbytes / 1e6:.0f} MB; target < 20 s); "
          f"floor (read every row + write as many bytes) {1000 * floor:.0f} ms, ratio {exported / floor:.1f}")
    shown = progress[-1] if progress else (0, 0)
    print(f"export progress: {len(progress)} updates shown, last {shown[0]} of {shown[1]} clients")
    print(f"max GUI stall during export:      {stall_export:8.0f} ms   (target < 50; floor {idle:.0f}, ratio "
          f"{stall_export / max(idle, 1):.1f}; {meter.worst_at:.1f} s into the export)")

    # Idag's service call beside the same SQL on a raw cursor (run here, after the GUI figures).
    svc, raw = replay_floor(ws.diary, lambda: attention.today_view(ws.diary, limit=200), repeat=5)
    print(f"Idag lists, service:              {svc:8.1f} ms; the same SQL raw (floor) {raw:.1f} ms, "
          f"ratio {svc / raw:.1f}")

    window.close()
    window.runner.wait(60_000)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
