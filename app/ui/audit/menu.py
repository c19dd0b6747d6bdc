"""The team lead's tools in the View menu: log follow-up and retention (the team lead's only), and the
worker's own access log (everyone's).

Whether the worker is the team lead is the service's answer (``services.access.roles.status``), read on the
task runner; until it arrives, and for anyone who is not the lead, the two lead items are disabled with a
tooltip saying why. The services refuse on their own too: the menu is a courtesy, not the wall.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from shiboken6 import isValid

from app.i18n import tr
from app.services.access import roles
from app.services.context import Diary
from app.ui.session import SessionRunner


@dataclass
class LeadTools:
    followup: QAction
    own_log: QAction
    retention: QAction
    lead: bool | None = None  # None until the answer has arrived

    def apply(self, found: list[roles.LeadStatus]) -> None:
        self.lead = bool(found) and all(s.lead for s in found)
        reason = next((s.reason for s in found if not s.lead), roles.NOT_LEAD_PROFILE)
        tip = "" if self.lead else tr(reason)
        for act in (self.followup, self.retention):
            if not isValid(act):
                return  # the menu was rebuilt meanwhile (a new workspace asks again)
            act.setEnabled(self.lead)
            act.setToolTip(tip or act.text().replace("&", "").rstrip("…"))
            act.setStatusTip(tip)


def add_lead_tools(menu: QMenu, diary: Diary, runner: SessionRunner | None,
                   open_tool: Callable[[str], None], synced: SignalInstance | None = None) -> LeadTools:
    """The three items; ``synced`` (the sync controller's signal) asks again after each round, since a
    grant or a revocation from the team's lead may have arrived."""
    menu.setToolTipsVisible(True)
    followup = menu.addAction(QCoreApplication.translate("LeadTools", "&Log follow-up…"))
    own = menu.addAction(QCoreApplication.translate("LeadTools", "&My access log…"))
    retention = menu.addAction(QCoreApplication.translate("LeadTools", "R&etention…"))
    followup.triggered.connect(lambda _c=False: open_tool("followup"))
    own.triggered.connect(lambda _c=False: open_tool("own_log"))
    retention.triggered.connect(lambda _c=False: open_tool("retention"))
    own.setToolTip(QCoreApplication.translate("LeadTools", "What the access log holds about your own work"))
    tools = LeadTools(followup, own, retention)
    checking = QCoreApplication.translate("LeadTools", "Checking whether you are the team lead…")
    for act in (followup, retention):
        act.setEnabled(False)
        act.setToolTip(checking)
    if runner is not None:
        runner.run(roles.status, diary, on_done=tools.apply, parallel=True)
        if synced is not None:
            def again(_summary: object) -> None:
                if isValid(followup):
                    runner.run(roles.status, diary, on_done=tools.apply, parallel=True)

            synced.connect(again)
    return tools
