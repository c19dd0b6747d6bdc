"""Running an assessment: item by item with the guidance at hand, the result computed live, then locked.

Every answer is saved as it is given (through the services, on the worker thread); the service returns the
recomputed result, which the form shows at once. A completed assessment is shown read-only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import current_language
from app.services.context import Diary
from app.services.risk import assessments as risk
from app.services.risk.instruments import SUMMED, Instrument
from app.ui.risk.item_page import DebouncedText, ItemPage
from app.ui.risk.judgement import JudgementPage
from app.ui.tasks import TaskRunner

ROLE = Qt.ItemDataRole.UserRole


def _tops(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    return [top for i in range(tree.topLevelItemCount()) if (top := tree.topLevelItem(i)) is not None]


def _children(item: QTreeWidgetItem | None) -> list[QTreeWidgetItem]:
    if item is None:
        return []
    return [child for j in range(item.childCount()) if (child := item.child(j)) is not None]


class AssessmentForm(QWidget):
    changed = Signal(object)  # the AssessmentView after a save
    plan_revised = Signal(object)  # the new safety-plan version

    def __init__(self, diary: Diary, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diary, self.runner = diary, runner
        self.view: risk.AssessmentView | None = None
        self.inst: Instrument | None = None
        self.lang = current_language()

        self.title = QLabel()
        self.title.setStyleSheet("font-size:16px; font-weight:bold;")
        self.licence = QLabel()
        self.licence.setWordWrap(True)
        self.licence.setStyleSheet("color:#6b7280; font-size:11px;")
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#e5e7eb; padding:6px; border-radius:4px;")

        self.nav = QTreeWidget()
        self.nav.setHeaderHidden(True)
        self.nav.setMinimumWidth(280)
        self.nav.setAccessibleName(self.tr("Items of the assessment"))
        self.nav.currentItemChanged.connect(self._navigate)
        self.item_page = ItemPage()
        self.item_page.answered.connect(self.answer)
        self.item_page.commented.connect(self._comment)
        self.item_page.step.connect(self._step)
        self.judgement_page = JudgementPage()
        self.judgement_page.persons_saved.connect(self._save_persons)
        self.judgement_page.judged.connect(self._judge)
        self.summary_page = self._build_summary_page()
        self.pages = QStackedWidget()
        for page in (self.item_page, self.judgement_page, self.summary_page):
            self.pages.addWidget(page)
        split = QSplitter()
        split.addWidget(self.nav)
        split.addWidget(self.pages)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 640])

        self.result_label = QLabel()
        self.result_label.setStyleSheet("font-weight:bold; font-size:14px;")
        self.complete_button = QPushButton(self.tr("Complete and lock"))
        self.complete_button.clicked.connect(self.complete)
        self.plan_button = QPushButton(self.tr("New safety plan revision"))
        self.plan_button.setToolTip(self.tr("Opens a new version of the safety plan linked to this assessment"))
        self.plan_button.clicked.connect(self.revise_plan)
        bottom = QHBoxLayout()
        bottom.addWidget(self.result_label, 1)
        bottom.addWidget(self.complete_button)
        bottom.addWidget(self.plan_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.licence)
        layout.addWidget(self.banner)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        self.load(None, None)

    def _build_summary_page(self) -> QWidget:
        page = QWidget()
        self.result_detail = QLabel()
        self.result_detail.setWordWrap(True)
        self.result_detail.setTextFormat(Qt.TextFormat.RichText)
        self.estimate_question = QLabel()
        self.estimate_question.setWordWrap(True)
        self.estimate = QComboBox()
        self.estimate.setAccessibleName(self.tr("Her own estimate"))
        for value, text in (("", self.tr("Not asked yet")), ("low", self.tr("Low")), ("medium", self.tr("Medium")),
                            ("high", self.tr("High")), ("unsure", self.tr("She cannot say"))):
            self.estimate.addItem(text, value)
        self.estimate.currentIndexChanged.connect(self._estimate_chosen)
        self.summary = DebouncedText()
        self.summary.setAccessibleName(self.tr("Assessor's summary"))
        self.summary.setPlaceholderText(self.tr("The assessor's summary: what the risk is, what drives it, "
                                                "what is to be done"))
        self.summary.settled.connect(lambda t: self._save_details(summary=t))
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet("color:#92400e;")
        form = QFormLayout(page)
        form.addRow(self.result_detail)
        form.addRow(self.estimate_question)
        form.addRow(self.tr("Her own estimate"), self.estimate)
        form.addRow(QLabel(self.tr("Assessor's summary")))
        form.addRow(self.summary)
        form.addRow(self.missing_label)
        return page

    # --- loading -------------------------------------------------------------------------------------
    def load(self, view: risk.AssessmentView | None, inst: Instrument | None) -> None:
        self.item_page.flush()
        self.summary.flush()
        self.view, self.inst = view, inst
        self.nav.blockSignals(True)
        self.nav.clear()
        if view is None or inst is None:
            self.title.setText(self.tr("No assessment open"))
            self.licence.setText(self.tr("Choose an instrument and start a new assessment, or open one from "
                                         "the list."))
            self.banner.hide()
            self.result_label.clear()
            self.complete_button.setEnabled(False)
            self.plan_button.setEnabled(False)
            self.pages.setEnabled(False)
            self.nav.blockSignals(False)
            return
        self.pages.setEnabled(True)
        self.title.setText(f"{inst.t(inst.name, self.lang)} ({self.tr('version')} {view.instrument_version})")
        self.licence.setText(inst.t(inst.licence, self.lang))
        n = 0
        for part in inst.parts:
            top = QTreeWidgetItem([inst.t(part.title, self.lang)])
            top.setData(0, ROLE, ("part", part.items[0].id))
            self.nav.addTopLevelItem(top)
            for item in part.items:
                n += 1
                child = QTreeWidgetItem([f"{n}. {inst.t(item.text, self.lang)}"])
                child.setData(0, ROLE, ("item", item.id))
                child.setToolTip(0, inst.t(item.text, self.lang))
                top.addChild(child)
        if inst.method != SUMMED or inst.persons:
            extra = QTreeWidgetItem([self.tr("Persons and scenarios")])
            extra.setData(0, ROLE, ("judgement", ""))
            self.nav.addTopLevelItem(extra)
        last = QTreeWidgetItem([self.tr("Result and summary")])
        last.setData(0, ROLE, ("summary", ""))
        self.nav.addTopLevelItem(last)
        self.nav.expandAll()
        self.nav.blockSignals(False)
        self.estimate_question.setText(inst.t(inst.client_estimate, self.lang)
                                       or self.tr("How large does she herself think the risk is?"))
        self.estimate.blockSignals(True)
        self.estimate.setCurrentIndex(max(0, self.estimate.findData(view.client_estimate)))
        self.estimate.blockSignals(False)
        self.summary.set_text_quietly(view.summary)
        self.judgement_page.load(inst, view.answers, locked=view.completed, lang=self.lang)
        self._refresh()
        first = _children(self.nav.topLevelItem(0))
        if first:
            self.nav.setCurrentItem(first[0])

    def _item_nodes(self) -> list[QTreeWidgetItem]:
        return [node for top in _tops(self.nav) for node in _children(top)]

    def _refresh(self) -> None:
        """Show what the latest saved view says: marks in the list, the live result, locks."""
        view, inst = self.view, self.inst
        if view is None or inst is None:
            return
        for node in self._item_nodes():
            answered = view.value(node.data(0, ROLE)[1]) not in (None, "")
            node.setForeground(0, Qt.GlobalColor.black if answered else Qt.GlobalColor.darkGray)
            node.setIcon(0, self.style().standardIcon(self.style().StandardPixmap.SP_DialogApplyButton)
                         if answered else self.style().standardIcon(self.style().StandardPixmap.SP_CustomBase))
        self.result_label.setText(self.result_text(view.result))
        self.result_detail.setText(self._detail_html(view))
        locked = view.completed
        if locked:
            assert view.completed_at is not None
            self.banner.setText(self.tr("Completed {date} by {who}. The assessment is locked; a new assessment "
                                        "supersedes it.").format(date=view.assessed_on.isoformat(), who=view.assessor))
            self.banner.show()
            self.missing_label.clear()
        else:
            self.banner.hide()
            self.runner.run(risk.missing, self.diary, view.id, on_done=self._show_missing)
        self.estimate.setEnabled(not locked)
        self.summary.setReadOnly(locked)
        self.complete_button.setEnabled(not locked)
        self.plan_button.setEnabled(locked)
        self.judgement_page.set_locked(locked)

    def _show_missing(self, gaps: list[str]) -> None:
        if self.view is not None and not self.view.completed:
            self.missing_label.setText("\n".join(f"• {g}" for g in gaps))

    def result_text(self, result: dict[str, Any], inst: Instrument | None = None) -> str:
        """The result in one line, for ``inst`` (default: the open assessment's instrument)."""
        inst = inst or self.inst
        level = {"low": self.tr("Low"), "medium": self.tr("Medium"), "high": self.tr("High")}.get(
            str(result.get("level")), self.tr("not yet rated"))
        if not result.get("answered"):
            return self.tr("Not assessed yet ({done})").replace(
                "{done}", self.tr("{n} of {total} answered").format(n=0, total=result.get("total", 0)))
        done = self.tr("{n} of {total} answered").format(n=result.get("answered", 0), total=result.get("total", 0))
        if result.get("method") == SUMMED:
            band = next((b for b in inst.bands if b.id == result.get("band")), None) if inst else None
            label = inst.t(band.label, self.lang) if inst and band else level
            return self.tr("Score {score} of {max} – {band} ({done})").format(
                score=result.get("score", 0), max=result.get("max_score", 0), band=label, done=done)
        return self.tr("Overall: {level} – {judged} of {total} scenarios rated ({done})").format(
            level=level, judged=result.get("judged", 0), total=result.get("scenario_total", 0), done=done)

    def _detail_html(self, view: risk.AssessmentView) -> str:
        inst = self.inst
        assert inst is not None
        res = view.result
        rows = [f"<p><b>{self.result_text(res)}</b></p>"]
        if res.get("unknown"):
            rows.append("<p>" + self.tr("{n} items answered don't know: the result may understate the risk.")
                        .format(n=res["unknown"]) + "</p>")
        if inst.method == SUMMED:
            band = next((b for b in inst.bands if b.id == res.get("band")), None)
            if band is not None and band.guidance:
                rows.append(f"<p>{inst.t(band.guidance, self.lang)}</p>")
        else:
            names = {"low": self.tr("Low"), "medium": self.tr("Medium"), "high": self.tr("High")}
            rows.append("<ul>" + "".join(
                f"<li>{inst.t(sc.label, self.lang)}: <b>{names.get(str(res['scenarios'].get(sc.id)), '–')}</b></li>"
                for sc in inst.scenarios) + "</ul>")
        return "".join(rows)

    # --- navigation ------------------------------------------------------------------------------------
    def _navigate(self, node: QTreeWidgetItem | None, _previous: object = None) -> None:
        if node is None or self.view is None or self.inst is None:
            return
        kind, ident = node.data(0, ROLE)
        if kind in ("item", "part"):
            items = list(self.inst.items)
            item = next(i for i in items if i.id == ident)
            pos = self.tr("item {n} of {total}").format(n=items.index(item) + 1, total=len(items))
            self.item_page.show_item(self.inst, item, self.view.value(item.id), self.view.comment(item.id),
                                     position=pos, locked=self.view.completed, lang=self.lang)
            self.item_page.prev_button.setEnabled(items.index(item) > 0)
            self.pages.setCurrentWidget(self.item_page)
        elif kind == "judgement":
            self.item_page.flush()
            self.pages.setCurrentWidget(self.judgement_page)
        else:
            self.item_page.flush()
            self.pages.setCurrentWidget(self.summary_page)

    def _step(self, delta: int) -> None:
        flat: list[QTreeWidgetItem] = []
        for top in _tops(self.nav):
            flat += _children(top) or [top]
        current = self.nav.currentItem()
        if current is not None and current.childCount():
            current = current.child(0)
        idx = flat.index(current) if current in flat else 0
        self.nav.setCurrentItem(flat[max(0, min(len(flat) - 1, idx + delta))])

    def go_to(self, kind: str, ident: str = "") -> None:
        for node in [*self._item_nodes(), *_tops(self.nav)]:
            if tuple(node.data(0, ROLE)) == (kind, ident) or (kind != "item" and node.data(0, ROLE)[0] == kind):
                self.nav.setCurrentItem(node)
                return

    def flush_pending(self) -> None:
        """Before the diary locks: text still waiting for its pause is saved into the assessment now."""
        self.item_page.flush()
        self.judgement_page.flush()

    # --- saving ----------------------------------------------------------------------------------------
    def _run(self, fn: Any, *args: Any, **kwargs: Any) -> None:
        if self.view is None or self.view.completed:
            return
        self.runner.run(fn, self.diary, self.view.id, *args, on_done=self._saved, on_error=self._failed, **kwargs)

    def answer(self, item_id: str, value: object) -> None:
        self._run(risk.answer_item, item_id, value)

    def _comment(self, item_id: str, text: str) -> None:
        self._run(risk.comment_item, item_id, text)

    def _save_persons(self, persons: list[dict[str, str]]) -> None:
        self._run(risk.set_persons, persons)

    def _judge(self, scenario_id: str, level: object, comment: str, persons: list[str]) -> None:
        self._run(risk.set_judgement, scenario_id, level, comment, persons)

    def _estimate_chosen(self, _index: int) -> None:
        self._save_details(client_estimate=self.estimate.currentData())

    def _save_details(self, **kwargs: Any) -> None:
        self._run(risk.set_details, **kwargs)

    def _saved(self, view: risk.AssessmentView) -> None:
        if self.view is None or view.id != self.view.id:
            return
        persons_changed = view.answers.get("persons") != self.view.answers.get("persons")
        self.view = view
        if persons_changed and self.inst is not None:
            self.judgement_page.load(self.inst, view.answers, locked=view.completed, lang=self.lang)
        self._refresh()
        if view.completed:  # show the open page read-only
            self._navigate(self.nav.currentItem())
        self.changed.emit(view)

    def _failed(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.tr("Risk assessment"), str(exc))

    def complete(self) -> None:
        if self.view is None or self.view.completed:
            return
        answer = QMessageBox.question(self, self.tr("Complete the assessment"),
                                      self.tr("A completed assessment is locked and cannot be changed. Complete it?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.item_page.flush()
        self.summary.flush()
        self._run(risk.complete)

    def revise_plan(self) -> None:
        if self.view is None or not self.view.completed:
            return
        self.runner.run(risk.open_safety_plan_revision, self.diary, self.view.id,
                        on_done=self._plan_done, on_error=self._failed)

    def _plan_done(self, plan: Any) -> None:
        self.plan_button.setEnabled(False)  # one revision per click is enough; reopen the assessment for another
        self.banner.setText(self.banner.text() + " " + self.tr("Safety plan version {n} opened from it.")
                            .format(n=plan.version))
        self.plan_revised.emit(plan)
