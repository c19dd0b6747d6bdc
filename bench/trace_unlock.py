"""Where the GUI thread's longest stalls during unlock go: a 1 ms timer on the GUI thread records every gap, a
sampling thread records every thread's Python stack every ~1 ms, and the worst gaps are printed with the GUI
thread's stacks sampled inside them and what the other threads were running meanwhile.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -u bench/trace_unlock.py [--top 5] [--depth 14]

A diagnostic, not a figure: the sampler takes the interpreter lock itself, so the gaps it shows are a little
longer than bench_gui.py's.
"""

from __future__ import annotations

import itertools
import os
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from types import FrameType

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings, Qt, QTimer

from app.ui.app import make_app
from app.ui.preferences import Preferences
from app.ui.shell import AthenaWindow
from bench._diary import PASSPHRASE, big_diary
from bench.bench_gui import pump

ROOT = str(Path(__file__).resolve().parent.parent)


def _where(frame: FrameType | None, depth: int) -> tuple[str, ...]:
    out: list[str] = []
    while frame is not None and len(out) < depth:
        code = frame.f_code
        path = code.co_filename
        short = path[len(ROOT) + 1:] if path.startswith(ROOT) else Path(path).name
        out.append(f"{short}:{frame.f_lineno} {code.co_name}")
        frame = frame.f_back
    return tuple(out)


class Sampler(threading.Thread):
    def __init__(self, gui: int, depth: int) -> None:
        super().__init__(daemon=True)
        self.gui, self.depth = gui, depth
        self.samples: list[tuple[float, tuple[str, ...], dict[str, tuple[str, ...]], float]] = []
        self._cpu = Path(f"/proc/self/task/{threading.get_native_id()}/schedstat")
        self.running = True

    def run(self) -> None:
        names = {}
        while self.running:
            t = time.perf_counter()
            frames = sys._current_frames()
            if len(names) != len(frames):
                names = {th.ident: th.name for th in threading.enumerate()}
            gui = _where(frames.get(self.gui), self.depth)
            others = {names.get(i, str(i)): _where(f, 4) for i, f in frames.items()
                      if i not in (self.gui, self.ident)}
            cpu = int(self._cpu.read_text().split()[0]) / 1e9  # the GUI thread's CPU time so far
            self.samples.append((t, gui, others, cpu))
            time.sleep(0.001)


def main() -> int:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--top", type=int, default=5)
    ap.add_argument("--depth", type=int, default=14)
    ap.add_argument("--no-sampler", action="store_true", help="only the gaps and the marks (no stack samples)")
    ap.add_argument("--calls", action="store_true", help="also record every Python call the event loop makes on "
                    "the GUI thread (slower: a profile hook)")
    args = ap.parse_args()
    data_dir = big_diary(10_000, 300_000)
    app = make_app()
    prefs = Preferences(QSettings(str(Path(tempfile.mkdtemp()) / "p.ini"), QSettings.Format.IniFormat))
    window = AthenaWindow(data_dir, prefs)
    window.resize(1280, 800)
    window.show()
    pump(app, lambda: False, 0.5)

    ticks: list[float] = []
    timer = QTimer(interval=1)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    sampler = Sampler(threading.get_ident(), args.depth)
    ready: list[float] = []
    window.opened.connect(lambda ws: ws.ready.connect(lambda: ready.append(time.perf_counter())))
    entries: list[tuple[float, float, str]] = []  # (start, end, name) of Python called from the event loop
    pump_code = pump.__code__
    open_calls: dict[int, float] = {}

    def hook(frame: FrameType, event: str, _arg: object) -> None:
        if event == "call" or event == "return":
            back = frame.f_back
            if back is not None and back.f_code is pump_code:
                if event == "call":
                    open_calls[id(frame)] = time.perf_counter()
                else:
                    start = open_calls.pop(id(frame), None)
                    if start is not None:
                        code = frame.f_code
                        entries.append((start, time.perf_counter(),
                                        f"{Path(code.co_filename).name}:{code.co_firstlineno} {code.co_qualname}"))

    if args.calls:
        sys.setprofile(hook)
    from app.ui.clients.client_view import ClientView
    from app.ui.main_window import Workspace

    marks: list[tuple[float, float, str]] = []

    def marked(fn, label):  # type: ignore[no-untyped-def]
        def wrapper(self, *a, **k):  # type: ignore[no-untyped-def]
            busy = window.runner.busy()
            t = time.perf_counter()
            try:
                return fn(self, *a, **k)
            finally:
                first = a[:1] if a and isinstance(a[0], str) else ()
                marks.append((t, time.perf_counter(), f"{label}{first} busy={busy}"))
        return wrapper

    ClientView._add_panel = marked(ClientView._add_panel, "add_panel")  # type: ignore[method-assign]
    ClientView._place_panel = marked(ClientView._place_panel, "place_panel")  # type: ignore[method-assign]
    ClientView._build_step = marked(ClientView._build_step, "build_step")  # type: ignore[method-assign]
    Workspace.__init__ = marked(Workspace.__init__, "Workspace")  # type: ignore[method-assign]
    Workspace.start = marked(Workspace.start, "Workspace.start")  # type: ignore[method-assign]
    from app.ui.paging import PagedModel
    from app.ui.today.today import TodayScreen

    ClientView._opened = marked(ClientView._opened, "ClientView._opened")  # type: ignore[method-assign]
    TodayScreen._show = marked(TodayScreen._show, "Today._show")  # type: ignore[method-assign]
    PagedModel._arrived = marked(PagedModel._arrived, "PagedModel._arrived")  # type: ignore[method-assign]
    Workspace._restore = marked(Workspace._restore, "Workspace._restore")  # type: ignore[method-assign]
    timer.start()
    if not args.no_sampler:
        sampler.start()
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    t0 = time.perf_counter()
    ticks.append(t0)
    window.unlock_screen.submit()
    pump(app, lambda: bool(ready), 120)
    ws = window.workspace
    assert ws is not None
    pump(app, lambda: ws.client_view.built and not window.runner.busy(), 120)
    pump(app, lambda: False, 0.2)
    sys.setprofile(None)
    timer.stop()
    sampler.running = False
    if not args.no_sampler:
        sampler.join()
    accepted = window.unlock_screen.accepted_at
    print(f"accepted at {1000 * (accepted - t0):.0f} ms, ready at {1000 * (ready[0] - t0):.0f} ms")
    for a, b, label in marks:
        print(f"mark {1000 * (a - t0):6.0f}–{1000 * (b - t0):6.0f} ms ({1000 * (b - a):5.1f}) {label}")
    gaps = sorted(((b - a, a, b) for a, b in itertools.pairwise(ticks)), reverse=True)
    print("gaps > 15 ms (start ms after Enter: length):",
          ", ".join(f"{1000 * (a - t0):.0f}:{1000 * g:.0f}" for g, a, _ in sorted(gaps, key=lambda x: x[1])
                    if g > 0.015))
    for g, a, b in gaps[:args.top]:
        print(f"\n=== gap {1000 * g:.1f} ms at {1000 * (a - t0):.0f}–{1000 * (b - t0):.0f} ms after Enter ===")
        inside = [s for s in sampler.samples if a <= s[0] <= b]
        print(f"{len(inside)} samples")
        cpu0 = inside[0][3] if inside else 0.0
        for t, gui, others, cpu in inside:
            print(f"  +{1000 * (t - a):5.1f} cpu+{1000 * (cpu - cpu0):5.1f}  GUI: {' < '.join(gui[:args.depth])}")
            for name, st in others.items():
                if st and "wait" not in st[0] and "_bootstrap" not in st[0]:
                    print(f"           {name}: {' < '.join(st)}")
        leaf = Counter(gui[:3] for _, gui, _, _ in inside)
        print("  GUI leaf frames:", leaf.most_common(5))
        if args.calls:
            inner = [(s, e, n) for s, e, n in entries if e >= a and s <= b]
            spent = sum(min(e, b) - max(s, a) for s, e, _ in inner)
            print(f"  Python called from the event loop: {len(inner)} calls, {1000 * spent:.1f} ms inside them")
            for name, k in Counter(n for _, _, n in inner).most_common(12):
                ms = sum(e - s for s, e, n in inner if n == name) * 1000
                print(f"    {k:5d} × {name}  ({ms:.1f} ms)")
    window.close()
    window.runner.wait(60_000)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
