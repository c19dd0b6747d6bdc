"""The window's menu bar, rebuilt for what is open: nothing (create or unlock), the women's workspace or the
men's; the Track menu only for a worker with both tracks.

Every item is a named action in ``WindowMenus.actions`` (``"sync"``, ``"followup"``, ``"track_men"``, …), so
the window and its tests reach an item by name, never through the menu tree. ``set_enabled(name, on)`` greys an
item out (or back) and keeps it so across rebuilds (lock, unlock, language, track); the team lead's items
follow her role instead (``audit/menu.py``). To add an item, add one ``self._add(...)`` line where it belongs.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from app.models import Compartment
from app.services.context import Diary
from app.ui.audit.menu import LeadTools, add_lead_tools
from app.ui.main_window import Workspace
from app.ui.mens_track.workspace import MensWorkspace
from app.ui.session import SessionRunner


class MenuHost(Protocol):
    """What the menus ask of the window."""

    @property
    def workspace(self) -> Workspace | MensWorkspace | None: ...

    @property
    def full_diary(self) -> Diary | None: ...

    @property
    def track(self) -> str: ...

    @property
    def session(self) -> SessionRunner | None: ...

    def lock(self, reason: str = "manual") -> None: ...
    def back_up_now(self) -> None: ...
    def open_restore(self) -> None: ...
    def open_preferences(self) -> None: ...
    def close(self) -> bool: ...
    def open_reports(self) -> None: ...
    def open_tool(self, which: str) -> None: ...
    def ask_export(self, whole: bool) -> None: ...
    def switch_track(self, track: str) -> None: ...


class WindowMenus(QObject):
    def __init__(self, bar: QMenuBar, host: MenuHost) -> None:
        super().__init__(bar)
        self._bar, self._host = bar, host
        self.actions: dict[str, QAction] = {}
        self._enabled: dict[str, bool] = {}
        self.lead_tools: LeadTools | None = None  # the team lead's items, enabled once her role is known

    def set_enabled(self, name: str, enabled: bool) -> None:
        """Grey an item out, or back; it stays so when the menus are rebuilt."""
        self._enabled[name] = enabled
        if name in self.actions:
            self.actions[name].setEnabled(enabled)

    def rebuild(self) -> None:
        self._bar.clear()
        self.actions = {}
        self.lead_tools = None
        ws = self._host.workspace
        self._diary_menu(ws)
        if isinstance(ws, MensWorkspace):
            self._mens_view_menu(ws)
        elif ws is not None:
            self._view_menu(ws)
        self._track_menu()
        for name, enabled in self._enabled.items():
            if name in self.actions:
                self.actions[name].setEnabled(enabled)

    # --- the menus -----------------------------------------------------------------------------------
    def _diary_menu(self, ws: Workspace | MensWorkspace | None) -> None:
        host = self._host
        menu = self._bar.addMenu(self.tr("&Diary"))
        if isinstance(ws, MensWorkspace):
            self._add(menu, "new_man", self.tr("&New man in contact…"), "Ctrl+N", ws.new_man)
            self._add(menu, "export_diary", self.tr("Export &whole diary…"), "", lambda: host.ask_export(True))
        elif ws is not None:
            self._add(menu, "new_client", self.tr("&New client…"), "Ctrl+N", ws.new_client)
            self._add(menu, "export_client", self.tr("&Export client…"), "Ctrl+E", lambda: host.ask_export(False))
            self._add(menu, "export_diary", self.tr("Export &whole diary…"), "", lambda: host.ask_export(True))
        if ws is not None:
            sync = ws.sync
            menu.addSeparator()
            self._add(menu, "sync", self.tr("S&ync now"), "Ctrl+Shift+S", sync.sync_now)
            self.actions["sync"].setShortcuts([QKeySequence("Ctrl+Shift+S"), QKeySequence("F5")])
            self._add(menu, "conflicts", self.tr("Two &versions…"), "", lambda: sync.open_conflicts(None))
            if isinstance(ws, Workspace):
                self._add(menu, "reference_lists", self.tr("&Reference lists…"), "",
                          lambda: host.open_tool("reference"))
            menu.addSeparator()
            self._add(menu, "backup", self.tr("&Back up now"), "", host.back_up_now)
        self._add(menu, "restore", self.tr("&Restore from a backup…"), "", host.open_restore)
        menu.addSeparator()
        lock = self._add(menu, "lock", self.tr("&Lock"), "Ctrl+L", lambda: host.lock("manual"))
        lock.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the window-wide action does the work
        lock.setEnabled(ws is not None)
        self._add(menu, "preferences", self.tr("&Preferences…"), "Ctrl+,", host.open_preferences)
        self._add(menu, "quit", self.tr("&Quit"), "Ctrl+Q", host.close)

    def _view_menu(self, ws: Workspace) -> None:
        host = self._host
        menu = self._bar.addMenu(self.tr("&View"))
        self._add(menu, "today", self.tr("&Today"), "Ctrl+T", ws.show_today)
        self._add(menu, "find", self.tr("&Find client"), "Ctrl+F", ws.focus_search)
        self._add(menu, "new_entry", self.tr("New &diary entry"), "Ctrl+D", ws.new_entry)
        self._add(menu, "reports", self.tr("&Reports"), "Ctrl+R", host.open_reports)
        menu.addSeparator()
        self._lead_items(menu, ws)

    def _mens_view_menu(self, ws: MensWorkspace) -> None:
        menu = self._bar.addMenu(self.tr("&View"))
        self._add(menu, "today", self.tr("&Today"), "Ctrl+T", ws.show_today)
        self._add(menu, "find", self.tr("&Find man"), "Ctrl+F", ws.focus_search)
        self._add(menu, "new_talk", self.tr("New &talk"), "Ctrl+D", ws.new_talk)
        self._add(menu, "statistics", self.tr("&Statistics"), "Ctrl+R", ws.show_statistics)
        menu.addSeparator()
        self._lead_items(menu, ws)

    def _lead_items(self, menu: QMenu, ws: Workspace | MensWorkspace) -> None:
        """Log follow-up and retention (greyed out unless she is the team lead: ``audit/menu.py``) and her own
        access log."""
        host = self._host
        tools = add_lead_tools(menu, ws.diary, host.session, host.open_tool, ws.sync.synced)
        self.lead_tools = tools
        self.actions.update(followup=tools.followup, own_log=tools.own_log, retention=tools.retention)

    def _track_menu(self) -> None:
        """Only for a worker with both tracks: which one she works in now, chosen explicitly."""
        host = self._host
        full = host.full_diary
        if host.workspace is None or full is None or len(full.tracks) < 2:
            return
        menu = self._bar.addMenu(self.tr("T&rack"))
        group = QActionGroup(menu)
        group.setExclusive(True)
        for track, text, key in ((Compartment.WOMEN.value, self.tr("&Women's support"), "Ctrl+1"),
                                 (Compartment.MEN.value, self.tr("&Men's support"), "Ctrl+2")):
            act = self._add(menu, f"track_{track}", text, key, partial(host.switch_track, track))
            act.setCheckable(True)
            act.setChecked(track == host.track)
            group.addAction(act)

    def track_actions(self) -> dict[str, QAction]:
        """The Track menu's items by track (empty when she has one track)."""
        return {name.removeprefix("track_"): act for name, act in self.actions.items() if name.startswith("track_")}

    def _add(self, menu: QMenu, name: str, text: str, shortcut: str, slot: Callable[[], Any]) -> QAction:
        act: QAction = menu.addAction(text)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(lambda _checked=False: slot())
        self.actions[name] = act
        return act
