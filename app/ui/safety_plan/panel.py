"""The safety-plan panel of the client view: edit the sections with the guiding prompts at hand, pick people
from the network map, save a new version, compare two versions and print.

Every save is a new version (versions are never edited). All service calls run on the TaskRunner.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.i18n import current_language
from app.reference import plan_sections
from app.services.context import Diary
from app.services.safety_plan import plans as safety_plans
from app.services.safety_plan.plans import PersonChoice, PlanVersion, RiskChoice, SectionDiff
from app.ui.drafts import DraftKeeper, DraftState
from app.ui.safety_plan.print_dialog import SafetyPlanPrintDialog
from app.ui.tasks import TaskRunner

ID_ROLE = Qt.ItemDataRole.UserRole


class SafetyPlanPanel(QWidget):
    def __init__(self, diary: Diary, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diary, self.runner = diary, runner
        self.client_id: str | None = None
        self.plan_versions: list[PlanVersion] = []
        self.choices: list[PersonChoice] = []
        self.texts: dict[str, str] = {}
        self.checked_people: list[str] = []
        self.current_section: str | None = None
        self.print_dialog: SafetyPlanPrintDialog | None = None
        self._drafts: DraftKeeper | None = None
        self._baseline: dict[str, Any] = {}  # what the shown version holds: a draft is what differs
        self.last_diff: list[SectionDiff] = []
        ui = self._ui_language()

        self.versions = QComboBox()
        self.versions.setAccessibleName(self.tr("Version"))
        self.versions.activated.connect(self._version_chosen)
        self.compare_button = QPushButton(self.tr("Compare…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as new version"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Version")))
        top.addWidget(self.versions, 1)
        for b in (self.compare_button, self.print_button):
            top.addWidget(b)

        self.section_list = QListWidget()
        self.section_list.setAccessibleName(self.tr("Sections of the safety plan"))
        for d in plan_sections.sections():
            item = QListWidgetItem(ui.heading(d.id, discreet=False))
            item.setData(ID_ROLE, d.id)
            if d.discreet_sensitive:
                item.setToolTip(self.tr("Sensitive: left out of a discreet printout unless included on purpose"))
            self.section_list.addItem(item)
        self.section_list.currentItemChanged.connect(self._section_changed)
        # Wide enough for the longest heading ("Säkerhet hemma, på jobbet och på vägen") without a scroll bar.
        self.section_list.setMinimumWidth(self.section_list.sizeHintForColumn(0) + 2 * self.section_list.frameWidth()
                                          + 12)

        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold; font-size: 14pt;")
        self.prompts = QLabel()
        self.prompts.setWordWrap(True)
        self.prompts.setStyleSheet("color: #444;")
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Text of the section"))
        self.people_label = QLabel(self.tr("Tick the people she can call (from the network map):"))
        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("People she can call"))
        self.people_note = QLabel(self.tr("Someone in this version is now marked not safe in the network map: "
                                          "he was taken off the list and is never printed."))
        self.people_note.setWordWrap(True)
        self.people_note.setStyleSheet("color: #c0392b;")
        self.people_note.hide()
        self.unsafe_dropped = False
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.prompts)
        right.addWidget(self.editor, 2)
        right.addWidget(self.people_label)
        right.addWidget(self.people, 1)
        right.addWidget(self.people_note)
        right_w = QWidget()
        right_w.setLayout(right)
        split = QSplitter()
        split.addWidget(self.section_list)
        split.addWidget(right_w)
        split.setStretchFactor(1, 3)

        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Printed title"))
        self.title.setPlaceholderText(self.tr("A neutral title of her choice, e.g. “My week”"))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Her language"))
        for code in plan_sections.languages():
            self.language.addItem(plan_sections.language(code).name, code)
        self.risk = QComboBox()
        self.risk.setAccessibleName(self.tr("After risk assessment"))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("What changed and why (for the file, never printed)"))
        form = QFormLayout()
        form.addRow(self.tr("Printed title"), self.title)
        form.addRow(self.tr("Her language"), self.language)
        form.addRow(self.tr("After risk assessment"), self.risk)
        form.addRow(self.tr("Note"), self.note)
        bottom = QHBoxLayout()
        bottom.addLayout(form, 1)
        bottom.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.status = QLabel()

        root = QVBoxLayout(self)
        root.addLayout(top)
        root.addWidget(split, 1)
        root.addLayout(bottom)
        root.addWidget(self.status)

        self.save_button.clicked.connect(self.save)
        self.compare_button.clicked.connect(self.open_compare)
        self.print_button.clicked.connect(self.open_print)
        self.section_list.setCurrentRow(0)
        self.set_client(None)

    # --- loading ----------------------------------------------------------------------------------------------

    def _ui_language(self) -> plan_sections.LanguagePack:
        try:
            return plan_sections.language(current_language())
        except Exception:
            return plan_sections.language("en")

    def set_client(self, client_id: str | None) -> None:
        if self._drafts is not None:
            self._drafts.flush()  # what she typed for the client she leaves is kept first
        self._baseline = {}
        self.client_id = client_id
        self.plan_versions, self.choices, self.texts, self.checked_people = [], [], {}, []
        self.versions.clear()
        self.people.clear()
        self.editor.clear()
        self.title.clear()
        self.note.clear()
        self.risk.clear()
        self.setEnabled(client_id is not None)
        if client_id is not None:
            self.runner.run(self._load, client_id, on_done=self._loaded, on_error=self._failed)

    def _load(self, client_id: str) -> tuple[str, list[PlanVersion], list[PersonChoice], list[RiskChoice]]:
        return (client_id, safety_plans.versions(self.diary, client_id),
                safety_plans.people_choices(self.diary, client_id),
                safety_plans.risk_assessment_choices(self.diary, client_id))

    def _loaded(self, value: tuple[str, list[PlanVersion], list[PersonChoice], list[RiskChoice]]) -> None:
        client_id, versions, choices, risks = value
        if client_id != self.client_id:
            return  # another client was chosen meanwhile
        self.plan_versions, self.choices = versions, choices
        self.risk.clear()
        self.risk.addItem(self.tr("(none)"), None)
        for r in risks:
            self.risk.addItem(f"{r.assessed_on} · {r.instrument_id}", r.id)
        self.versions.clear()
        for v in versions:
            self.versions.addItem(self.tr("Version {n} · {date} · {who}").replace("{n}", str(v.version))
                                  .replace("{date}", v.created_at.strftime("%Y-%m-%d %H:%M"))
                                  .replace("{who}", v.created_by), v.id)
        self.compare_button.setEnabled(len(versions) >= 2)
        self.print_button.setEnabled(bool(versions))
        if versions:
            self._show_version(versions[0])
        else:
            self.status.setText(self.tr("No safety plan yet: fill in the sections and save."))
            self._fill_people()
            self._section_changed(self.section_list.currentItem(), None)
            self._mark_baseline()
        if self._drafts is not None:
            self._drafts.restore(self)

    # --- drafts -------------------------------------------------------------------------------------------
    def attach_drafts(self, keeper: DraftKeeper) -> None:
        self._drafts = keeper
        keeper.watch(self, self.editor.textChanged, self.title.textChanged, self.note.textChanged,
                     self.people.itemChanged)
        if self.client_id is not None and self._baseline:
            keeper.restore(self)

    def _fields(self) -> dict[str, Any]:
        texts = dict(self.texts)
        if self.current_section is not None:
            texts[self.current_section] = self.editor.toPlainText()
        return {"texts": {k: v for k, v in texts.items() if v.strip()}, "title": self.title.text(),
                "note": self.note.text(), "people": sorted(self.ticked_people())}

    def draft_state(self) -> DraftState | None:
        if self.client_id is None or not self._baseline:
            return None  # nothing loaded yet
        now = self._fields()
        return DraftState(f"safety_plan:{self.client_id}", "safety_plan", self.client_id,
                          now if now != self._baseline else {})

    def restore_draft(self, content: dict[str, Any]) -> None:
        self.texts = {str(k): str(v) for k, v in (content.get("texts") or {}).items()}
        self.title.setText(str(content.get("title", "")))
        self.note.setText(str(content.get("note", "")))
        self.checked_people = [str(c) for c in content.get("people") or []]
        self._fill_people()
        self.current_section = None
        self._section_changed(self.section_list.currentItem(), None)
        self.status.setText(self.tr("Unsaved changes brought back from the draft. Save to make a new version."))

    def _mark_baseline(self) -> None:
        self._baseline = self._fields()

    def _version_chosen(self, index: int) -> None:
        if 0 <= index < len(self.plan_versions):
            self._show_version(self.plan_versions[index])

    def _show_version(self, v: PlanVersion) -> None:
        self.texts = {sid: plan_sections.section_text(val) for sid, val in v.sections.items()}
        self.checked_people = [p["contact_id"] for p in
                               plan_sections.section_people(v.sections.get("people_to_call"))]
        self.title.setText(v.neutral_title)
        self.language.setCurrentIndex(max(self.language.findData(v.language), 0))
        self.risk.setCurrentIndex(max(self.risk.findData(v.risk_assessment_id), 0))
        self._fill_people()
        self.current_section = None
        self._section_changed(self.section_list.currentItem(), None)
        self.status.setText(self.tr("Showing version {n}. Saving makes a new version.")
                            .replace("{n}", str(v.version)))
        self._mark_baseline()

    def _fill_people(self) -> None:
        self.people.clear()
        self.unsafe_dropped = False
        for p in self.choices:
            text = p.name + (f" ({p.relation})" if p.relation else "") + (f" – {p.phone}" if p.phone else "")
            item = QListWidgetItem()
            item.setData(ID_ROLE, p.contact_id)
            if p.safety == "unsafe":
                # Never someone to call: he cannot be ticked, and the row says why.
                item.setText(text + "  " + self.tr("[not safe – cannot be chosen]"))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(self.tr("Marked not safe in the network map: a person who is not safe is never "
                                        "printed as someone to call."))
                item.setData(Qt.ItemDataRole.CheckStateRole, None)
                if p.contact_id in self.checked_people:
                    self.unsafe_dropped = True
            else:
                item.setText(text)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if p.contact_id in self.checked_people
                                   else Qt.CheckState.Unchecked)
            self.people.addItem(item)
        self.checked_people = [c for c in self.checked_people
                               if any(p.contact_id == c and p.safety != "unsafe" for p in self.choices)]
        self.people_note.setVisible(self.unsafe_dropped)

    # --- editing ----------------------------------------------------------------------------------------------

    def _section_changed(self, item: QListWidgetItem | None, _previous: Any) -> None:
        if self.current_section is not None:
            self.texts[self.current_section] = self.editor.toPlainText()
        if item is None:
            return
        sid = item.data(ID_ROLE)
        self.current_section = sid
        ui = self._ui_language()
        self.heading.setText(ui.heading(sid, discreet=False))
        self.prompts.setText("\n".join(f"• {p}" for p in ui.sections[sid].prompts))
        self.editor.setPlainText(self.texts.get(sid, ""))
        is_people = any(d.id == sid and d.kind == "people" for d in plan_sections.sections())
        self.people.setVisible(is_people)
        self.people_label.setVisible(is_people)
        self.people_note.setVisible(is_people and self.unsafe_dropped)

    def select_section(self, section_id: str) -> None:
        for row in range(self.section_list.count()):
            if self.section_list.item(row).data(ID_ROLE) == section_id:
                self.section_list.setCurrentRow(row)

    def ticked_people(self) -> list[str]:
        unsafe = {p.contact_id for p in self.choices if p.safety == "unsafe"}
        return [self.people.item(i).data(ID_ROLE) for i in range(self.people.count())
                if self.people.item(i).checkState() == Qt.CheckState.Checked
                and self.people.item(i).data(ID_ROLE) not in unsafe]

    def save(self) -> None:
        if self.client_id is None:
            return
        if self.current_section is not None:
            self.texts[self.current_section] = self.editor.toPlainText()
        texts = {k: v for k, v in self.texts.items() if v.strip()}
        people = self.ticked_people()
        self.save_button.setEnabled(False)
        self.runner.run(self._save, self.client_id, texts, people, self.language.currentData(),
                        self.title.text(), self.note.text(), self.risk.currentData(), on_done=self._saved,
                        on_error=self._failed)

    def _save(self, client_id: str, texts: dict[str, str], people: list[str], language: str, title: str,
              note: str, risk_id: str | None) -> PlanVersion:
        sections: dict[str, Any] = dict(texts)
        if people or "people_to_call" in texts:
            sections["people_to_call"] = safety_plans.people_value(self.diary, client_id, people,
                                                                   texts.get("people_to_call", ""))
        return safety_plans.save_version(self.diary, client_id, sections, language=language,
                                         neutral_title=title, note=note, risk_assessment_id=risk_id)

    def _saved(self, v: PlanVersion) -> None:
        if self._drafts is not None:
            self._drafts.saved(self, f"safety_plan:{v.client_id}")
        self.save_button.setEnabled(True)
        self.note.clear()
        self.status.setText(self.tr("Saved as version {n}.").replace("{n}", str(v.version)))
        if self.client_id:
            self.runner.run(self._load, self.client_id, on_done=self._loaded, on_error=self._failed)

    def _failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        # Domain errors carry a message fit to show; anything else may hold client data and is not shown.
        self.status.setText(str(exc) if hasattr(exc, "user_message") else self.tr("Something went wrong."))

    # --- compare and print ------------------------------------------------------------------------------------

    def open_compare(self) -> None:
        if len(self.plan_versions) < 2:
            return
        dlg = QDialog(self)
        dlg.setWindowTitle(self.tr("Compare versions"))
        old, new = QComboBox(), QComboBox()
        old.setAccessibleName(self.tr("Older version"))
        new.setAccessibleName(self.tr("Newer version"))
        for v in self.plan_versions:
            old.addItem(self.tr("Version {n}").replace("{n}", str(v.version)), v.id)
            new.addItem(self.tr("Version {n}").replace("{n}", str(v.version)), v.id)
        old.setCurrentIndex(1)
        self.diff_view = QPlainTextEdit()
        self.diff_view.setReadOnly(True)
        self.diff_view.setAccessibleName(self.tr("Differences between the versions"))
        run = QPushButton(self.tr("Compare"))
        run.clicked.connect(lambda: self.compare_versions(old.currentData(), new.currentData()))
        row = QHBoxLayout()
        for w in (old, QLabel("→"), new, run):
            row.addWidget(w)
        lay = QVBoxLayout(dlg)
        lay.addLayout(row)
        lay.addWidget(self.diff_view)
        dlg.resize(700, 500)
        self.compare_dialog = dlg
        dlg.open()
        self.compare_versions(old.currentData(), new.currentData())

    def compare_versions(self, old_id: str, new_id: str) -> None:
        self.runner.run(safety_plans.compare, self.diary, old_id, new_id, on_done=self._compared,
                        on_error=self._failed)

    def _compared(self, diffs: list[SectionDiff]) -> None:
        self.last_diff = diffs
        ui = self._ui_language()
        status = {"added": self.tr("added"), "removed": self.tr("removed"), "changed": self.tr("changed"),
                  "unchanged": self.tr("unchanged")}
        out: list[str] = []
        for d in diffs:
            out.append(f"{ui.heading(d.section_id, discreet=False)} — {status[d.status]}")
            if d.status != "unchanged":
                out += [f"    {line}" for line in d.lines]
                if d.old_people != d.new_people:
                    out.append("    - " + ", ".join(d.old_people))
                    out.append("    + " + ", ".join(d.new_people))
        if hasattr(self, "diff_view"):
            self.diff_view.setPlainText("\n".join(out))

    def open_print(self) -> None:
        if self.client_id is None or not self.plan_versions:
            return
        idx = max(self.versions.currentIndex(), 0)
        v = self.plan_versions[idx]
        self.print_dialog = SafetyPlanPrintDialog(self.diary, self.runner, self.client_id, v.version,
                                                  v.neutral_title, v.language, self)
        self.print_dialog.open()
