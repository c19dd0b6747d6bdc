"""The client on the right: a header (protected address masked until revealed) and one tab per section.

The sections are imported directly (``client_sections``): a panel that cannot be imported is an error, never a
quiet fallback. The safety-plan and risk panels pull in heavy libraries (reportlab, jsonschema) that take a
large part of a second to import the first time; importing this module (the window does, before it is first
shown) imports them, so nothing heavy is left for after the passphrase is accepted. Building all the panels
at once also takes longer than a frame, so the client view adds its tabs over event-loop turns after it is
built, each in two (the panel is made on one turn and put in its tab, with the open client, on the next: the
risk panel alone takes ~10 ms to make); ``panels`` builds whatever is still missing at once if asked before
that.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import reference
from app.models import Compartment
from app.services import audit
from app.services.clients import clients
from app.services.clients.clients import ClientDetail
from app.services.context import Diary
from app.ui import labels
from app.ui.clients.dialogs import ClientDialog, run_dialog
from app.ui.clients.diary_panel import DiaryPanel
from app.ui.clients.history import HistoryPanel
from app.ui.clients.overview import OverviewPanel
from app.ui.clients.records_panels import children_panel, court_panel, network_panel
from app.ui.common import heading, show_error
from app.ui.drafts import DraftKeeper
from app.ui.risk.panel import RiskPanel
from app.ui.safety_plan.panel import SafetyPlanPanel
from app.ui.session import SessionRunner
from app.ui.sync.conflicts import ConflictBanner

Factory = Callable[[Diary, Any, QWidget | None], QWidget]
MASK = "••••••••••"
MASK_PNR = "••••••••-••••"


# While background jobs run, a tab waits up to this many turns of this many ms before it is built anyway.
_BUILD_WAIT_TURNS = 25
_BUILD_WAIT_MS = 20


def client_sections() -> list[tuple[str, str, Factory]]:
    """(key, English title, factory) in the order of the tabs."""
    return [
        ("overview", "Overview", OverviewPanel),
        ("diary", "Diary", DiaryPanel),
        ("safety_plan", "Safety plan", SafetyPlanPanel),
        ("risk", "Risk", RiskPanel),
        ("network", "Network", network_panel),
        ("children", "Children", children_panel),
        ("court", "Court", court_panel),
        ("history", "History", HistoryPanel),
    ]


def _title(text: str) -> str:
    return QCoreApplication.translate("ClientPanels", text)


def _builtin_titles() -> list[str]:
    """Literal calls so that pyside6-lupdate collects the built-in titles in the "ClientPanels" context."""
    return [QCoreApplication.translate("ClientPanels", "Overview"),
            QCoreApplication.translate("ClientPanels", "Diary"),
            QCoreApplication.translate("ClientPanels", "Safety plan"),
            QCoreApplication.translate("ClientPanels", "Risk"),
            QCoreApplication.translate("ClientPanels", "Network"),
            QCoreApplication.translate("ClientPanels", "Children"),
            QCoreApplication.translate("ClientPanels", "Court"),
            QCoreApplication.translate("ClientPanels", "History")]


class ClientView(QWidget):
    changed = Signal()  # something that the client list shows may have changed
    shown = Signal(str)  # the client's header is shown (client id)

    def __init__(self, diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary, self._runner = diary, runner
        self._detail: ClientDetail | None = None
        self._drafts: DraftKeeper | None = None
        self.name = heading("", self, size=1.5)
        self.name.setAccessibleName(self.tr("Client name"))
        self.facts = QLabel(self)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address = QLabel(self)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reveal = QPushButton(self.tr("Show &address and personal number"), self)
        self.reveal.setAccessibleName(self.tr("Show the protected address and personal number (logged)"))
        self.reveal.setToolTip(self.tr("The address and personal identity number are protected. Showing them "
                                       "is logged."))
        self.edit = QPushButton(self.tr("&Edit client…"), self)
        self.edit.setAccessibleName(self.tr("Edit client"))
        self.extract = QPushButton(self.tr("Record e&xtract…"), self)
        self.extract.setAccessibleName(self.tr("Print record extract"))
        self.extract.setToolTip(self.tr("Everything stored about her, to hand over: what is left out is shown "
                                        "before printing"))
        self.extract_dialog: QWidget | None = None
        header = QGridLayout()
        header.addWidget(self.name, 0, 0, 1, 2)
        actions = QHBoxLayout()
        actions.addWidget(self.extract)
        actions.addWidget(self.edit)
        header.addLayout(actions, 0, 2, Qt.AlignmentFlag.AlignRight)
        header.addWidget(self.facts, 1, 0, 1, 3)
        header.addWidget(self.address, 2, 0)
        header.addWidget(self.reveal, 2, 1, Qt.AlignmentFlag.AlignLeft)
        header.setColumnStretch(0, 0)
        header.setColumnStretch(1, 1)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Client sections"))
        self._panels: dict[str, QWidget] = {}
        self._holders: dict[str, QScrollArea] = {}
        self._pending: list[tuple[str, str, Factory]] | None = None
        self._made: tuple[str, str, QWidget] | None = None  # made on the last turn, its tab on the next
        self._waited = 0
        self._build_timer = QTimer(self, singleShot=True, interval=0)
        self._build_timer.timeout.connect(self._build_step)
        self._build_timer.start(0)
        self.conflict_banner = ConflictBanner(diary, runner, self)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.conflict_banner)
        layout.addWidget(self.tabs, 1)
        self.reveal.clicked.connect(self._reveal)
        self.edit.clicked.connect(lambda: self._edit())
        self.extract.clicked.connect(self.open_extract)
        self._clear_header()

    @property
    def panels(self) -> dict[str, QWidget]:
        """The section panels by key, all of them (built now if the one-per-turn build has not finished)."""
        self._build_all()
        return self._panels

    def _build_all(self) -> None:
        if self._pending is None:
            self._pending = client_sections()
        self._place_made()
        while self._pending:
            self._add_panel(*self._pending.pop(0))
        self._build_timer.stop()

    @property
    def built(self) -> bool:
        """Whether every tab has been added."""
        return self._pending == [] and self._made is None

    def hold_build(self) -> None:
        """Leave the remaining tabs unbuilt until ``resume_build`` or until a client is opened (so that the
        first screen's lists are not kept waiting behind building tabs nobody sees yet)."""
        self._build_timer.stop()

    def resume_build(self) -> None:
        if self._pending is None or self._pending or self._made is not None:
            self._build_timer.start(0)

    def _build_step(self) -> None:
        """One panel made, or the one made on the last turn put in its tab, per event-loop turn."""
        if not getattr(self._runner, "alive", True):  # the diary locked meanwhile: this view is going away
            return
        if self._pending is None:
            self._pending = client_sections()
        if self._made is not None:
            self._place_made()
            if self._pending:
                self._build_timer.start(0)
            return
        busy = getattr(self._runner, "busy", None)
        if self._pending and busy is not None and busy() and self._waited < _BUILD_WAIT_TURNS:
            # Background jobs (the first lists after unlock) are running: a tab built now would share the
            # interpreter with them and hold the GUI thread several times longer. Wait a little, not forever.
            self._waited += 1
            self._build_timer.start(_BUILD_WAIT_MS)
            return
        self._waited = 0
        if self._pending:
            key, title, factory = self._pending.pop(0)
            self._made = (key, title, factory(self._diary, self._runner, self.tabs))
            self._build_timer.start(0)

    def attach_drafts(self, keeper: DraftKeeper) -> None:
        """Hand the session's draft keeper to every panel that keeps drafts (and to those still to be built)."""
        self._drafts = keeper
        for panel in self._panels.values():
            attach = getattr(panel, "attach_drafts", None)
            if attach is not None:
                attach(keeper)

    def current_tab_key(self) -> str:
        widget = self.tabs.currentWidget()
        return next((k for k, p in self._holders.items() if p is widget), "")

    def select_tab(self, key: str) -> None:
        """Show one tab: built now if it is not yet (in its place among the tabs), the others still one per
        event-loop turn, so reopening a client on a late tab after unlock does not build every tab at once."""
        if self._made is not None and self._made[0] == key:
            self._place_made()
        if key not in self._holders:
            if self._pending is None:
                self._pending = client_sections()
            wanted = next((s for s in self._pending if s[0] == key), None)
            if wanted is not None:
                self._pending.remove(wanted)
                self._add_panel(*wanted)
            if self._pending or self._made is not None:
                self._build_timer.start(0)
        holder = self._holders.get(key)
        if holder is not None:
            self.tabs.setCurrentWidget(holder)

    def _add_panel(self, key: str, title: str, factory: Factory) -> None:
        self._place_panel(key, title, factory(self._diary, self._runner, self.tabs))

    def _place_made(self) -> None:
        made, self._made = self._made, None
        if made is not None:
            self._place_panel(*made)

    def _place_panel(self, key: str, title: str, panel: QWidget) -> None:
        self._panels[key] = panel
        attach = getattr(panel, "attach_drafts", None)
        if attach is not None and self._drafts is not None:
            attach(self._drafts)
        # Each tab scrolls when the window is smaller than the panel would like (a 1366×768 laptop at 125 %,
        # 1280×720 at 150 %): the window's minimum size stays small, nothing is squeezed or clipped.
        holder = QScrollArea(self.tabs)
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setWidget(panel)
        holder.setAccessibleName(_title(title))
        self._holders[key] = holder
        pos = {k: i for i, (k, _, _) in enumerate(client_sections())}
        at = sum(1 for k in self._holders if k != key and pos.get(k, len(pos)) < pos.get(key, len(pos)))
        self.tabs.insertTab(at, holder, _title(title))
        sig = getattr(panel, "changed", None)
        if sig is not None:
            sig.connect(self._panel_changed)
        if self._detail is not None:  # a client was opened while the tabs were still being added
            panel.set_client(self._detail.id)  # type: ignore[attr-defined]

    @property
    def client_id(self) -> str | None:
        return self._detail.id if self._detail else None

    def _clear_header(self) -> None:
        self._detail = None
        self.name.setText("")
        self.facts.setText("")
        self.address.setText("")
        self.reveal.hide()
        self.edit.setEnabled(False)
        self.extract.setEnabled(False)

    def set_client(self, client_id: str | None) -> None:
        if client_id is None:
            self._clear_header()
            self.conflict_banner.set_client(None)
            for panel in self._panels.values():  # tabs still to be added start empty
                panel.set_client(None)  # type: ignore[attr-defined]
            return
        self.resume_build()
        self._runner.run(clients.get_client, self._diary, client_id, on_done=self._opened,
                         on_error=lambda e: show_error(self, e))

    def _opened(self, detail: ClientDetail) -> None:
        self._show_header(detail)
        self.conflict_banner.set_client(detail.id)
        for panel in self._panels.values():  # tabs still to be added get it when added
            panel.set_client(detail.id)  # type: ignore[attr-defined]
        self.shown.emit(detail.id)

    def refresh_sync_state(self) -> None:
        """After a sync round: the header and the two-versions banner again (the tabs keep what she types)."""
        d = self._detail
        if d is None:
            return
        self.conflict_banner.refresh()
        self._runner.run(clients.get_client, self._diary, d.id,
                         on_done=lambda new: self._show_header(new) if self._detail is d else None)

    def _show_header(self, d: ClientDetail, revealed: bool = False) -> None:
        self._detail = d
        self.name.setText(d.name)
        facts = [labels.status(d.status)]
        if d.personal_number:  # a protected client's number is masked like her address until revealed
            facts.append(MASK_PNR if d.is_protected and not revealed else d.personal_number)
        if d.phone:
            facts.append(d.phone)
        facts.append(self.tr("Languages: {langs}").format(langs=reference.language_names(d.languages)))
        if d.interpreter_needed:
            interpreter = self.tr("interpreter needed")
            if d.interpreter_language:
                interpreter = self.tr("interpreter: {lang}").replace(
                    "{lang}", reference.language_names(d.interpreter_language))
            if d.interpreter_independent:
                interpreter += " " + self.tr("(not a relative, not from her community)")
            facts.append(interpreter)
        if d.is_protected:
            facts.append(labels.protected(d.protected_identity))
        self.facts.setText("  ·  ".join(facts))
        self.edit.setEnabled(True)
        self.extract.setEnabled(True)
        if d.is_protected and revealed:
            self.address.setText(self.tr("Address: {address}").format(address=self._address_text(d)))
            self.address.setAccessibleName(self.tr("Address"))
            self.reveal.hide()
        elif d.is_protected:
            self.address.setText(self.tr("Address: {mask} (protected)").format(mask=MASK))
            self.address.setAccessibleName(self.tr("Address hidden"))
            self.reveal.show()
        else:
            self.address.setText(self.tr("Address: {address}").format(address=self._address_text(d)))
            self.address.setAccessibleName(self.tr("Address"))
            self.reveal.hide()

    @staticmethod
    def _address_text(d: ClientDetail) -> str:
        return ", ".join(x for x in (d.address, f"{d.postal_code} {d.city}".strip()) if x) or "–"

    def _reveal(self) -> None:
        d = self._detail
        if d is None:
            return

        def shown(_: object) -> None:
            if self._detail is d:
                self._show_header(d, revealed=True)

        self._runner.run(audit.log, self._diary, "reveal", client_id=d.id, compartment=Compartment.WOMEN.value,
                         entity="clients", entity_id=d.id,
                         detail="protected address and personal identity number", on_done=shown,
                         on_error=lambda e: show_error(self, e))

    def _edit(self, draft: dict[str, Any] | None = None) -> None:
        d = self._detail
        if d is not None:
            def saved(detail: ClientDetail) -> None:
                self._show_header(detail)
                self.changed.emit()

            dialog = ClientDialog(self, d)
            dialog.keep_drafts(self._drafts, f"client_dialog:{d.id}", "client_dialog", d.id, draft)
            run_dialog(dialog, self._runner, clients.update_client, self._diary, d.id, on_saved=saved)

    def open_extract(self) -> None:
        d = self._detail
        if d is None:
            return
        from app.ui.printing.documents import RecordExtractDialog

        dialog = RecordExtractDialog(self._diary, self._runner, d.id, self)
        dialog.finished.connect(dialog.deleteLater)
        self.extract_dialog = dialog
        dialog.open()

    def reopen_dialog(self, editor: str, content: dict[str, Any]) -> None:
        """After unlocking: the form she had open over this client, as she left it."""
        if editor == "client_dialog":
            self._edit(content)
        else:
            overview = self.panels.get("overview")
            reopen = getattr(overview, "reopen_dialog", None)
            if reopen is not None:
                reopen(editor, content)

    def _panel_changed(self) -> None:
        history = self._panels.get("history")
        if isinstance(history, HistoryPanel):
            history.reload()
        d = self._detail
        if d is not None:  # a decision or a closed case changes the status in the header
            self._runner.run(clients.get_client, self._diary, d.id, log=False,
                             on_done=lambda new: self._show_header(new) if self._detail is d else None)
        self.changed.emit()
