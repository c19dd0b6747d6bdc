"""The sections of the client view are panels: one class each, registered here.

A panel is a QWidget built with ``(diary, runner, parent)`` that shows one client at a time through
``set_client(client_id)`` (``None`` clears it, e.g. on lock). Features add their panel by appending to
``CLIENT_PANELS``; the client view makes one tab per entry, in this order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtWidgets import QWidget

from app.services.context import Diary
from app.ui.tasks import TaskRunner


class ClientPanel(Protocol):
    def set_client(self, client_id: str | None) -> None: ...


class PanelFactory(Protocol):
    def __call__(self, diary: Diary, runner: TaskRunner, parent: QWidget | None = None) -> QWidget: ...


@dataclass(frozen=True)
class PanelSpec:
    key: str  # stable id, e.g. "overview", "diary", "safety_plan", "risk"
    title: str  # English source text; shown through QCoreApplication.translate("ClientPanels", title)
    module: str  # importable module path
    cls: str  # class name in that module (a PanelFactory)


# Filled by the features; the client view shows the ones whose module imports.
CLIENT_PANELS: list[PanelSpec] = [
    PanelSpec(key="safety_plan", title="Safety plan", module="app.ui.safety_plan.panel", cls="SafetyPlanPanel"),
    PanelSpec(key="risk", title="Risk", module="app.ui.risk.panel", cls="RiskPanel"),
]
