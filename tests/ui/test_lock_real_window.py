"""Ctrl+L in a real X window, without a window manager and before any mouse click: the case in which Qt
counts no window as active, so none of its shortcuts can fire, while typed keys still reach the widgets.

Runs Athena as she would (``athena gui`` on a demo diary, the xcb platform) in an Xvfb server, types the
passphrase and Ctrl+L with xdotool and looks from outside: the process holds the diary's database file open
only while it is unlocked, and the screen shows the unlock screen again. Skipped where Xvfb, xdotool or
xwd are missing (``make deps`` installs them)."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.cli import main

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "demo-diary-passphrase"
TOOLS = ("Xvfb", "xdotool", "xwd")

pytestmark = pytest.mark.skipif(any(shutil.which(t) is None for t in TOOLS) or not sys.platform.startswith("linux"),
                                reason="needs Linux with Xvfb, xdotool and xwd (make deps)")


def _wait(what: str, check: Callable[[], bool], timeout: float) -> None:
    end = time.monotonic() + timeout
    while not check():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for: {what}")
        time.sleep(0.1)


@pytest.fixture
def display(tmp_path: Path) -> Iterator[str]:
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp",
                               "-noreset"], pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        number = b""
        while not number.endswith(b"\n"):
            chunk = os.read(read, 16)
            if not chunk:
                pytest.skip("Xvfb did not start")
            number += chunk
        yield f":{number.decode().strip()}"
    finally:
        os.close(read)
        server.terminate()
        server.wait(10)


def _holds_diary_open(pid: int, db: Path) -> bool:
    fds = Path(f"/proc/{pid}/fd")
    for fd in fds.iterdir():
        try:
            if Path(os.readlink(fd)) == db:
                return True
        except OSError:
            continue
    return False


def _screen(env: dict[str, str]) -> list[bytes]:
    """The screen's pixel rows (xwd's raw dump of the root window)."""
    raw = subprocess.run(["xwd", "-root", "-silent"], env=env, capture_output=True, check=True, timeout=10).stdout
    header = struct.unpack(">25I", raw[:100])
    start = header[0] + header[19] * 12  # header_size + ncolors × XWDColor
    height, per_line = header[5], header[12]
    return [raw[start + y * per_line:start + (y + 1) * per_line] for y in range(height)]


def _differ(a: list[bytes], b: list[bytes]) -> float:
    return sum(1 for x, y in zip(a, b, strict=True) if x != y) / len(a)


def test_ctrl_l_locks_before_any_click_without_a_window_manager(display: str, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "diary"
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "ATHENA_PASSPHRASE": PASSPHRASE,
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "ATHENA_CONFIG": os.devnull, "PYTHONPATH": str(ROOT)}
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    monkeypatch.setenv("ATHENA_PASSPHRASE", PASSPHRASE)
    assert main(["--data-dir", str(data), "demo", "--clients", "12", "--entries", "40", "--seed", "1"]) == 0
    athena = [sys.executable, "-m", "tests.athena_fast", "--data-dir", str(data), "--lang", "en"]
    db = (data / "diary.db").resolve()
    app = subprocess.Popen([*athena, "gui"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE)
    try:
        found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "^Athena$"], env=env,
                               capture_output=True, text=True, timeout=20)
        window = found.stdout.split()[0]
        # The pointer rests over the window (keys follow it when nothing has the focus); nothing is clicked.
        subprocess.run(["xdotool", "mousemove", "--window", window, "300", "200"], env=env, check=True, timeout=5)
        time.sleep(0.5)
        unlock_screen = _screen(env)
        assert not _holds_diary_open(app.pid, db)

        subprocess.run(["xdotool", "type", "--delay", "15", PASSPHRASE], env=env, check=True, timeout=10)
        subprocess.run(["xdotool", "key", "Return"], env=env, check=True, timeout=5)
        _wait("the diary to be unlocked", lambda: _holds_diary_open(app.pid, db), 20)
        shots = [_screen(env)]

        def settled() -> bool:  # the client list and Idag are filled: the screen stops changing (but for a
            time.sleep(0.3)      # blinking text cursor)
            shots.append(_screen(env))
            return _differ(shots[-1], unlock_screen) > 0.3 and _differ(shots[-1], shots[-2]) < 0.02

        _wait("the open diary on screen", settled, 20)
        open_diary = shots[-1]

        subprocess.run(["xdotool", "key", "ctrl+l"], env=env, check=True, timeout=5)
        _wait("the store to be closed", lambda: not _holds_diary_open(app.pid, db), 10)
        time.sleep(0.5)
        locked = _screen(env)
        # The unlock screen again (with its "locked" line), nothing of the open diary.
        assert _differ(locked, unlock_screen) < 0.15
        assert _differ(locked, open_diary) > 0.3
        assert app.poll() is None
    finally:
        app.terminate()
        try:
            _, err = app.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
            _, err = app.communicate()
    assert b"Traceback" not in err, err.decode(errors="replace")
