"""Säkerhetsplan and Risk as the core stores them, until their own editors are registered.

The safety plan: every version listed, its sections shown, and a new version saved from "key: value" text.
Risk: the stored assessments, read-only.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.services.context import Diary
from app.services.risk import stored as stored_assessments
from app.services.risk.stored import StoredAssessment
from app.services.safety_plan import plans as safety_plans
from app.services.safety_plan.plans import PlanVersion
from app.ui.common import fmt_date, show_error
from app.ui.session import SessionRunner


def sections_to_text(sections: dict[str, Any]) -> str:
    return "\n".join(f"{k}: {v}" for k, v in sections.items())


_KEY_LINE = re.compile(r"^([\w.-]+):\s?(.*)$")


def text_to_sections(text: str) -> dict[str, str]:
    """One "key: value" per line (the key one word, at the start of the line); other lines continue the
    previous value."""
    out: dict[str, str] = {}
    last: str | None = None
    for line in text.splitlines():
        m = _KEY_LINE.match(line)
        if m:
            last = m.group(1)
            out[last] = m.group(2).strip()
        elif last is not None:
            out[last] = (out[last] + "\n" + line.strip()).strip()
        elif line.strip():
            last = "text"
            out[last] = line.strip()
    return out


class SafetyPlanFallback(QWidget):
    changed = Signal()

    def __init__(self, diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary, self._runner = diary, runner
        self._client_id: str | None = None
        self._versions: list[PlanVersion] = []
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Safety plan versions"))
        self.view = QTextBrowser(self)
        self.view.setAccessibleName(self.tr("Safety plan sections"))
        self.editor = QPlainTextEdit(self)
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText(self.tr("One section per line, e.g.\nsafe_contacts: Syster, tel …\n"
                                               "escape_route: …"))
        self.editor.setAccessibleName(self.tr("New version, one section per line as key: value"))
        self.save = QPushButton(self.tr("Save as new &version"), self)
        self.save.setAccessibleName(self.tr("Save as new version"))
        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(self.tr("Versions"), left))
        ll.addWidget(self.list)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.view, 3)
        rl.addWidget(QLabel(self.tr("New version (key: value per line)"), right))
        rl.addWidget(self.editor, 2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save)
        rl.addLayout(row)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(split)
        self.list.currentRowChanged.connect(self._show_version)
        self.save.clicked.connect(self._save)

    def set_client(self, client_id: str | None) -> None:
        self._client_id = client_id
        self._versions = []
        self.list.clear()
        self.view.clear()
        self.editor.clear()
        self.setEnabled(client_id is not None)
        if client_id is not None:
            self.reload()

    def reload(self) -> None:
        cid = self._client_id
        if cid is not None:
            self._runner.run(safety_plans.versions, self._diary, cid,
                             on_done=lambda v: self._loaded(cid, v), on_error=lambda e: show_error(self, e))

    def _loaded(self, client_id: str, versions: list[PlanVersion]) -> None:
        if client_id != self._client_id:
            return
        self._versions = versions
        self.list.clear()
        for v in versions:
            day = fmt_date(v.created_at.date())
            item = QListWidgetItem(self.tr("Version {n} – {day}").format(n=v.version, day=day))
            item.setToolTip(self.tr("Saved by {who}").format(who=v.created_by))
            self.list.addItem(item)
        if versions:
            self.list.setCurrentRow(0)
            self.editor.setPlainText(sections_to_text(versions[0].sections))
        else:
            self.view.setPlainText(self.tr("No safety plan yet."))

    def _show_version(self, row: int) -> None:
        if not 0 <= row < len(self._versions):
            return
        v = self._versions[row]
        title = v.neutral_title or self.tr("Version {n}").format(n=v.version)
        parts = [f"<h3>{escape(title)}</h3>"]
        for k, val in v.sections.items():
            parts.append(f"<p><b>{escape(k)}</b><br>{escape(str(val)).replace(chr(10), '<br>')}</p>")
        if v.note:
            parts.append(f"<p><i>{escape(v.note)}</i></p>")
        self.view.setHtml("".join(parts))

    def _save(self) -> None:
        if self._client_id is None:
            return
        sections = text_to_sections(self.editor.toPlainText())
        def saved(_version: object) -> None:
            self.reload()
            self.changed.emit()

        self._runner.run(safety_plans.save_version, self._diary, self._client_id, sections, on_done=saved,
                         on_error=lambda e: show_error(self, e))


class RiskFallback(QWidget):
    def __init__(self, diary: Diary, runner: SessionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary, self._runner = diary, runner
        self._client_id: str | None = None
        self.view = QTextBrowser(self)
        self.view.setAccessibleName(self.tr("Stored risk assessments"))
        QVBoxLayout(self).addWidget(self.view)

    def set_client(self, client_id: str | None) -> None:
        self._client_id = client_id
        self.view.clear()
        if client_id is not None:
            self._runner.run(stored_assessments.list_assessments, self._diary, client_id,
                             on_done=lambda rows: self._show(client_id, rows),
                             on_error=lambda e: show_error(self, e))

    def _show(self, client_id: str, rows: list[StoredAssessment]) -> None:
        if client_id != self._client_id:
            return
        if not rows:
            self.view.setPlainText(self.tr("No risk assessment stored for this client."))
            return
        parts = []
        for r in rows:
            parts.append(f"<h3>{fmt_date(r.assessed_on)} – {escape(r.instrument_id)} {escape(r.instrument_version)}"
                         "</h3>")
            parts.append("<p>" + escape(self.tr("Assessor: {who}").format(who=r.assessor or "–")) + "<br>")
            if r.client_estimate:
                parts.append(escape(self.tr("Her own estimate: {e}").format(e=r.client_estimate)) + "<br>")
            parts.append(escape(r.summary) + "</p>")
        self.view.setHtml("".join(parts))
