"""Registered client panels: one tab each after the built-ins; safety plan and risk replace the fallbacks."""

from __future__ import annotations

import sys
import types

from PySide6.QtWidgets import QLabel, QWidget

from app.ui import panels
from app.ui.clients.client_view import resolve_sections
from app.ui.clients.fallback_panels import text_to_sections


class _Panel(QLabel):
    def __init__(self, diary: object, runner: object, parent: QWidget | None = None) -> None:
        super().__init__("registered", parent)

    def set_client(self, client_id: str | None) -> None:
        pass


def test_registered_panels(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    mod = types.ModuleType("athena_test_panel")
    mod.Panel = _Panel  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "athena_test_panel", mod)
    monkeypatch.setattr(panels, "CLIENT_PANELS", [
        panels.PanelSpec("risk", "Risk", "athena_test_panel", "Panel"),
        panels.PanelSpec("incidents", "Incident calendar", "athena_test_panel", "Panel"),
        panels.PanelSpec("missing", "Not there", "athena_no_such_module", "Panel"),
    ])
    sections = resolve_sections()
    keys = [k for k, _t, _f in sections]
    assert keys == ["overview", "diary", "safety_plan", "risk", "network", "children", "court", "history",
                    "incidents"]
    assert dict((k, f) for k, _t, f in sections)["risk"] is _Panel


def test_safety_plan_text_round_trip() -> None:
    assert text_to_sections("safe_contacts: Syster Eva\n  ring 112 först\nescape_route: via gården") == {
        "safe_contacts": "Syster Eva\nring 112 först", "escape_route": "via gården"}
