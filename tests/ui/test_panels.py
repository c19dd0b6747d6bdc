"""The client view's sections are imported directly: the real safety-plan and risk panels, no fallback."""

from __future__ import annotations

from app.ui.clients.client_view import client_sections
from app.ui.risk.panel import RiskPanel
from app.ui.safety_plan.panel import SafetyPlanPanel


def test_sections_are_the_real_panels_in_tab_order() -> None:
    sections = client_sections()
    assert [k for k, _t, _f in sections] == ["overview", "diary", "safety_plan", "risk", "network", "children",
                                             "court", "history"]
    factories = {k: f for k, _t, f in sections}
    assert factories["safety_plan"] is SafetyPlanPanel and factories["risk"] is RiskPanel
