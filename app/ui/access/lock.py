"""Discretion: what makes the diary lock by itself, and the clipboard guard.

- idle: no key or mouse input for the idle time set in preferences (default 5 minutes);
- sleep: the idle check runs every second; a much longer gap means the computer was suspended;
- the desktop's screen saver or a suspend, when the desktop tells over D-Bus (freedesktop ScreenSaver
  ActiveChanged, logind PrepareForSleep), and Qt's own signs: the application suspended, a screen removed.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QKeySequence, QWindow

ACTIVITY_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
                   QEvent.Type.TouchBegin, QEvent.Type.Shortcut}
SLEEP_GAP_S = 30.0  # the 1 s tick came this late: the machine was asleep
LOCK_KEYS = QKeySequence("Ctrl+L")
_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
              | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier)


def is_lock_key(event: QEvent) -> bool:
    """Whether ``event`` is the key press that locks (Ctrl+L), whatever widget or window it is going to."""
    if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
        return False
    wanted = LOCK_KEYS[0]  # type: ignore[index]  # QKeySequence has operator[]; its stubs do not say so
    return bool(event.key() == wanted.key() and (event.modifiers() & _MODIFIERS) == wanted.keyboardModifiers())


def _clock() -> float:
    """A clock that keeps running while the computer sleeps (CLOCK_MONOTONIC stops on Linux)."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    return time.clock_gettime(boottime) if boottime is not None else time.time()


class LockTriggers(QObject):
    """Emits ``lock_requested(reason)``; the window decides what locking means.

    Ctrl+L is also recognised here, as a key press on its way to any of Athena's windows (reason "manual"):
    Qt's shortcuts fire only while it counts one of its windows as active, and a window can get keys without
    being active (no window manager, a focus handed over by the pointer alone). A key press that reaches a
    window was not taken by a shortcut, so the lock never runs twice.
    """

    lock_requested = Signal(str)

    def __init__(self, app: QGuiApplication, idle_minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.idle_seconds = idle_minutes * 60
        self._last_input = _clock()
        self._last_tick = _clock()
        self.armed = False  # only while the diary is open
        # Input is watched on the top-level windows, where every key press and mouse event arrives first, not
        # application-wide: a filter written in Python would run for every event of every object (thousands
        # while a screen is built) and each call must take the interpreter lock, so the GUI thread would keep
        # waiting for whichever worker holds it.
        app.focusWindowChanged.connect(self._watch)
        self.watch_windows()
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._check)
        self._tick.start()
        app.applicationStateChanged.connect(self._state_changed)
        app.screenRemoved.connect(lambda _s: self._fire("screen"))
        self._connect_dbus()

    def set_idle_minutes(self, minutes: int) -> None:
        self.idle_seconds = max(1, minutes) * 60

    def arm(self) -> None:
        self.armed = True
        self._last_input = self._last_tick = _clock()

    def _watch(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # installing twice keeps one filter

    def watch_windows(self) -> None:
        """Watch every top-level window there is now (called on each tick and when a window is shown)."""
        for window in QGuiApplication.topLevelWindows():
            self._watch(window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS:
            self._last_input = _clock()
            if is_lock_key(event):
                self._fire("manual")
                return True
        return False

    def _check(self) -> None:
        self.watch_windows()  # windows shown since the last tick
        now = _clock()
        slept = now - self._last_tick > SLEEP_GAP_S
        self._last_tick = now
        if slept:
            self._fire("sleep")
        elif now - self._last_input >= self.idle_seconds:
            self._fire("idle")

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self._fire("suspended")

    def _fire(self, reason: str) -> None:
        if self.armed:
            self.armed = False
            self.lock_requested.emit(reason)

    # --- the desktop's own signals, where there is a D-Bus ---------------------------------------------
    def _connect_dbus(self) -> None:
        try:
            from PySide6.QtCore import SLOT
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path in (("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
                                  ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver")):
                # PySide6 takes a SLOT() signature string here; its type stubs list only the callable forms.
                session.connect(service, path, service, "ActiveChanged", self,  # type: ignore[call-overload]
                                SLOT("_screensaver(bool)"))
        system = QDBusConnection.systemBus()
        if system.isConnected():
            system.connect("org.freedesktop.login1", "/org/freedesktop/login1",  # type: ignore[call-overload]
                           "org.freedesktop.login1.Manager", "PrepareForSleep", self, SLOT("_sleep(bool)"))

    @Slot(bool)
    def _screensaver(self, active: bool) -> None:
        if active:
            self._fire("screensaver")

    @Slot(bool)
    def _sleep(self, going: bool) -> None:
        if going:
            self._fire("sleep")


class ClipboardGuard(QObject):
    """Remembers text copied while Athena had focus; on lock, clears the clipboard if it still holds it."""

    def __init__(self, clipboard: QClipboard, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clipboard = clipboard
        self._ours: str | None = None
        clipboard.dataChanged.connect(self._changed)

    def _changed(self) -> None:
        text = self._clipboard.text()
        if QGuiApplication.focusWindow() is not None or self._clipboard.ownsClipboard():
            self._ours = text or None
        elif text != self._ours:
            self._ours = None

    def mark(self, text: str) -> None:
        self._ours = text

    def clear_if_ours(self) -> bool:
        current = self._clipboard.text()
        if (self._ours is not None and current == self._ours) or (current and self._clipboard.ownsClipboard()):
            self._clipboard.clear()
            self._ours = None
            return True
        self._ours = None
        return False
