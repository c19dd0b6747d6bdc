"""The safety-plan panel: edit with prompts, pick people, save versions, compare, preview and save a PDF."""

from __future__ import annotations

import io
import os
import stat
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.services import audit
from app.services.clients import clients, records
from app.services.context import Diary, Worker
from app.storage import vault
from app.storage.keyfile import KdfParams
from app.ui.safety_plan.panel import SafetyPlanPanel
from app.ui.tasks import TaskRunner

PASSPHRASE = "korrekt häst batteri häftklammer"


@pytest.fixture
def setup(tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple]:  # type: ignore[no-untyped-def]
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    store = vault.create(tmp_path / "diary", PASSPHRASE, KdfParams.fast_for_tests())
    diary = Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=date(2026, 11, 20))
    c = clients.create_client(diary, clients.ClientInput(name="Åsa Öberg", personal_number="19850312-1231",
                                                         protected_identity="protected_registration",
                                                         address="Hemliga gatan 7"))
    records.add(diary, "network", c.id, {"name": "Märta Ågren", "relation": "syster", "safety": "safe",
                                         "how_to_reach": "070-123 45 67"})
    records.add(diary, "network", c.id, {"name": "Kalle Farlig", "safety": "unsafe"})
    from app.models import RiskAssessment

    with diary.write() as s:
        s.add(RiskAssessment(client_id=c.id, instrument_id="freda", instrument_version="1",
                             assessed_on=date(2026, 11, 1)))
    runner = TaskRunner()
    panel = SafetyPlanPanel(diary, runner)
    qtbot.addWidget(panel)
    yield panel, runner, diary, c.id, tmp
    runner.wait()
    store.close()


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    # qtbot.keyClicks cannot send non-ASCII characters: one key event per character.
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def settle(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: (runner.wait(5000), not runner.busy())[1], timeout=10_000)


def test_edit_save_compare_print(setup, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    panel, runner, diary, client_id, tmp = setup
    assert tempfile.gettempdir() == str(tmp)
    before = sorted(os.listdir(tempfile.gettempdir()))
    panel.set_client(client_id)
    settle(qtbot, runner)
    assert panel.people.count() == 2
    assert "[not safe" in panel.people.item(0).text() + panel.people.item(1).text()

    panel.select_section("where_to_go")
    assert "•" in panel.prompts.text()  # the guiding prompts are at hand
    type_text(panel.editor, "Till Märta på Fruängen, ÅÄÖ.")
    panel.select_section("people_to_call")
    assert panel.people.isVisible() or not panel.isVisible()
    for i in range(panel.people.count()):
        if panel.people.item(i).text().startswith("Märta"):
            panel.people.item(i).setCheckState(Qt.CheckState.Checked)
    type_text(panel.title, "Min vecka")
    assert panel.risk.count() == 2  # "(none)" and the assessment
    panel.risk.setCurrentIndex(1)
    panel.save()
    settle(qtbot, runner)
    assert [v.version for v in panel.plan_versions] == [1]
    v1 = panel.plan_versions[0]
    assert v1.sections["where_to_go"] == "Till Märta på Fruängen, ÅÄÖ."
    assert [p["name"] for p in v1.sections["people_to_call"]["people"]] == ["Märta Ågren"]
    assert v1.risk_assessment_id is not None and panel.risk.currentIndex() == 1

    panel.select_section("code_word")
    type_text(panel.editor, "Blå paraply")
    panel.save()
    settle(qtbot, runner)
    assert [v.version for v in panel.plan_versions] == [2, 1]

    panel.open_compare()
    settle(qtbot, runner)
    assert {d.section_id: d.status for d in panel.last_diff}["code_word"] == "added"
    assert "Blå paraply" in panel.diff_view.toPlainText()
    panel.compare_dialog.close()

    panel.open_print()
    dlg = panel.print_dialog
    settle(qtbot, runner)
    assert dlg.printout is not None and dlg.printout.pages >= 1
    assert "name" in dlg.omissions.text() and "Protected identity" in dlg.omissions.text()
    dlg.paper.setCurrentIndex(dlg.paper.findData("card"))
    settle(qtbot, runner)
    assert "card" in dlg.printout.detail
    from app.ui.printing import preview as pdf_preview

    if pdf_preview.backend() != "none":  # the real pages are shown (rendered by Qt in its own thread)
        qtbot.waitUntil(lambda: dlg.preview_done, timeout=10_000)
        assert dlg.pages.count() == dlg.printout.pages
        assert not dlg.pages.itemAt(0).widget().pixmap().isNull()
    panel.grab().save(str(tmp_path / "panel.png"))
    dlg.grab().save(str(tmp_path / "print_dialog.png"))
    if os.environ.get("ATHENA_SHOTS"):
        dlg.grab().save(os.path.join(os.environ["ATHENA_SHOTS"], "print_dialog.png"))
        panel.grab().save(os.path.join(os.environ["ATHENA_SHOTS"], "panel.png"))

    out = tmp_path / "plan.pdf"
    out.write_bytes(b"an older printout")
    out.chmod(0o644)  # saving over an old world-readable file leaves it readable by her only
    with qtbot.waitSignal(dlg.saved, timeout=10_000):
        dlg.save_to(str(out))
    settle(qtbot, runner)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Märta" in text and "Min vecka" in text
    for word in ("säkerhetsplan", "våld", "skydd", "hemliga", "blå paraply"):
        assert word not in text.casefold()
    prints = [e for e in audit.trail(diary, client_id=client_id) if e.action == "print"]
    assert [e.detail for e in prints] == ["safety plan v2, discreet, card, sv, file"]
    dlg.close()
    assert sorted(os.listdir(tempfile.gettempdir())) == before


def test_cleared_client_disables_the_panel(setup, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel, runner, _diary, client_id, _tmp = setup
    panel.set_client(client_id)
    settle(qtbot, runner)
    panel.set_client(None)
    assert not panel.isEnabled() and panel.versions.count() == 0


def test_printing_paints_pages_or_pipes_to_lp(setup, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from app.services.safety_plan import plans as safety_plans
    from app.ui.printing import job as safety_plan_print
    from app.ui.printing import preview as pdf_preview

    panel, runner, diary, client_id, _tmp = setup
    safety_plans.save_version(diary, client_id, {"where_to_go": "Till Märta."}, neutral_title="Min vecka")
    panel.set_client(client_id)
    settle(qtbot, runner)
    panel.open_print()
    dlg = panel.print_dialog
    settle(qtbot, runner)
    before = sorted(os.listdir(tempfile.gettempdir()))

    sent: list[tuple[list[str], bytes]] = []

    class Done:
        returncode = 0

    def fake_run(cmd, input=None, **_kw):  # type: ignore[no-untyped-def]
        sent.append((cmd, input))
        return Done()

    with monkeypatch.context() as m:  # a CUPS printer: the PDF goes to lp on stdin, no spool file of ours
        m.setattr(safety_plan_print.shutil, "which", lambda name: "/usr/bin/lp")
        m.setattr(safety_plan_print.subprocess, "run", fake_run)
        m.setattr(safety_plan_print, "cups_printer", lambda printer: "kontoret")  # no CUPS in the test
        with qtbot.waitSignal(dlg.printed, timeout=10_000):
            dlg.print_to(QPrinter())
        settle(qtbot, runner)
        assert sent[0][0][:3] == ["/usr/bin/lp", "-d", "kontoret"] and sent[0][1] == dlg.printout.pdf

    if pdf_preview.backend() != "none":  # painting on a QPrinter (here: Qt's PDF writer to a chosen file)
        target = tmp_path / "printed.pdf"
        pdf_printer = QPrinter()
        pdf_printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        pdf_printer.setOutputFileName(str(target))
        with qtbot.waitSignal(dlg.printed, timeout=30_000):
            dlg.print_to(pdf_printer)
        settle(qtbot, runner)
        assert target.stat().st_size > 1000
    prints = [e.detail for e in audit.trail(diary, client_id=client_id) if e.action == "print"]
    assert len(prints) == (2 if pdf_preview.backend() != "none" else 1)
    assert all(d == "safety plan v1, discreet, a4, sv, printer" for d in prints)
    assert sorted(os.listdir(tempfile.gettempdir())) == before
    dlg.close()


def _pdf_text(pdf: bytes) -> str:
    return "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)


def test_unsafe_contact_cannot_be_ticked_or_printed_in_any_mode(setup, qtbot,  # type: ignore[no-untyped-def]
                                                                tmp_path: Path) -> None:
    from app.services.safety_plan import plans as safety_plans

    panel, runner, diary, client_id, _tmp = setup
    # An older version names Kalle from before he was marked not safe (a snapshot never changes).
    kalle = next(p for p in safety_plans.people_choices(diary, client_id) if p.name == "Kalle Farlig")
    safety_plans.save_version(diary, client_id, {"people_to_call": {"text": "", "people": [
        {"contact_id": kalle.contact_id, "name": "Kalle Farlig", "relation": "sambo", "phone": "070-666"}]}},
        neutral_title="Min vecka")
    panel.set_client(client_id)
    settle(qtbot, runner)
    panel.select_section("people_to_call")
    row = next(panel.people.item(i) for i in range(panel.people.count())
               if panel.people.item(i).text().startswith("Kalle"))
    assert not row.flags() & Qt.ItemFlag.ItemIsUserCheckable and not row.flags() & Qt.ItemFlag.ItemIsEnabled
    assert "not safe" in row.toolTip() and "cannot be chosen" in row.text()
    rect = panel.people.visualItemRect(row)
    qtbot.mouseClick(panel.people.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.people_note.isVisibleTo(panel)  # the panel says why he is gone from the list
    row.setCheckState(Qt.CheckState.Checked)  # even forced, the panel does not hand him on
    assert kalle.contact_id not in panel.ticked_people()

    panel.open_print()
    dlg = panel.print_dialog
    settle(qtbot, runner)
    for mode in (dlg.discreet, dlg.full):
        mode.setChecked(True)
        settle(qtbot, runner)
        assert dlg.printout is not None
        assert "Kalle" not in _pdf_text(dlg.printout.pdf)
        assert "not safe" in dlg.omissions.text()
    dlg.close()


def test_discreet_print_leaves_out_giveaway_numbers_unless_kept(setup, qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.services.clients import cases
    from app.services.safety_plan import plans as safety_plans

    panel, runner, diary, client_id, _tmp = setup
    case = cases.open_case(diary, client_id, referred_on="2026-09-01")
    cases.add_decision(diary, case.id, cases.DecisionInput(
        referring_unit="children_family", district="Älvsjö", decided_on="2026-09-05", starts_on="2026-09-05"))
    safety_plans.save_version(diary, client_id, {"children": "Skolan vet."}, neutral_title="Min vecka")
    panel.set_client(client_id)
    settle(qtbot, runner)
    panel.open_print()
    dlg = panel.print_dialog
    settle(qtbot, runner)
    flat = "".join(_pdf_text(dlg.printout.pdf).split())
    assert "020-505050" not in flat and "08-6460601" not in flat
    assert "left out" in dlg.omissions.text()
    qtbot.mouseClick(dlg.keep["womens_helpline"], Qt.MouseButton.LeftButton)
    settle(qtbot, runner)
    flat = "".join(_pdf_text(dlg.printout.pdf).split())
    assert "Linjen020-505050" in flat and "Kvinnofrid" not in flat and "08-6460601" not in flat
    dlg.close()


def test_discreet_print_in_every_language_gives_nothing_away(setup, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Through the dialog's own language choice: text and metadata free of the word list and of give-away
    numbers, in every language a plan prints in."""
    import unicodedata

    from app.printing.output import digits_of
    from app.reference import phone_numbers, plan_sections
    from app.services.clients import cases
    from app.services.safety_plan import plans as safety_plans

    panel, runner, diary, client_id, _tmp = setup
    case = cases.open_case(diary, client_id, referred_on="2026-09-01")
    cases.add_decision(diary, case.id, cases.DecisionInput(
        referring_unit="children_family", district="Skärholmen", decided_on="2026-09-05", starts_on="2026-09-05"))
    marta = next(p for p in safety_plans.people_choices(diary, client_id) if p.name.startswith("Märta"))
    safety_plans.save_version(diary, client_id, {
        "people_to_call": safety_plans.people_value(diary, client_id, [marta.contact_id], "Ring Märta först."),
        "everyday_safety": "Ring polisen om han står utanför jouren.", "children": "Skolan vet."},
        neutral_title="Min vecka")
    panel.set_client(client_id)
    settle(qtbot, runner)
    panel.open_print()
    dlg = panel.print_dialog
    settle(qtbot, runner)
    assert dlg.discreet.isChecked()
    numbers = [digits_of(n) for n in phone_numbers.giveaway_numbers()]
    for i in range(dlg.language.count()):
        dlg.language.setCurrentIndex(i)
        settle(qtbot, runner)
        reader = PdfReader(io.BytesIO(dlg.printout.pdf))
        text = unicodedata.normalize("NFKC", "".join(p.extract_text() or "" for p in reader.pages))
        meta = " ".join(str(v) for v in (reader.metadata or {}).values())
        for chunk in (text, text[::-1], meta):  # Arabic comes out in visual order
            assert plan_sections.giveaway_words(chunk) == [], (dlg.language.currentData(), chunk[:200])
        assert not any(n in digits_of(text + meta) for n in numbers), dlg.language.currentData()
        assert "Märta" in text
    dlg.close()


def test_a_failed_print_audit_event_is_shown(setup, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.services.safety_plan import plans as safety_plans
    from app.ui.printing import dialog as print_dialog

    panel, runner, diary, client_id, _tmp = setup
    safety_plans.save_version(diary, client_id, {"where_to_go": "Till Märta."}, neutral_title="Min vecka")
    panel.set_client(client_id)
    settle(qtbot, runner)
    panel.open_print()
    dlg = panel.print_dialog
    settle(qtbot, runner)

    def audit_fails(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk I/O error")

    monkeypatch.setattr(print_dialog, "log_print", audit_fails)
    with qtbot.waitSignal(dlg.failed, timeout=10_000):
        dlg.save_to(str(tmp_path / "plan.pdf"))
    settle(qtbot, runner)

    def shown() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]

    qtbot.waitUntil(lambda: bool(shown()), timeout=10_000)
    assert "OSError" in shown()[0].text()
    for box in shown():
        box.close()
    dlg.close()
