"""Case data the work needs: a decision's legal basis (old or new SoL by date) and intervention, shown and
printed; the interpreter's language and independence; languages by name."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt

from app.errors import DomainError
from app.services.clients import cases, clients
from app.services.clients.printouts import render_record_extract
from app.services.context import Diary, Worker
from app.storage import vault
from app.storage.keyfile import KdfParams
from app.ui.clients.dialogs import ClientDialog, DecisionDialog
from app.ui.clients.overview import OverviewPanel
from app.ui.tasks import TaskRunner


@pytest.fixture
def diary(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = vault.create(tmp_path / "diary", "korrekt häst batteri häftklammer", KdfParams.fast_for_tests())
    yield Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=date(2026, 11, 20))
    store.close()


def test_legal_basis_follows_the_decision_date(qtbot) -> None:  # type: ignore[no-untyped-def]
    d = DecisionDialog(date(2026, 11, 20))
    qtbot.addWidget(d)
    titles = [d.legal.itemText(i) for i in range(d.legal.count())]
    assert titles == ["Bistånd enligt socialtjänstlagen (2025:400)"]
    d.decided.setDate(QDate(2025, 3, 1))
    assert [d.legal.itemText(i) for i in range(d.legal.count())] == ["4 kap. 1 § socialtjänstlagen (2001:453)"]
    assert d.intervention.count() >= 3


def test_decision_with_legal_basis_and_intervention_is_shown_and_printed(qtbot, diary: Diary) -> None:  # type: ignore[no-untyped-def]
    c = clients.create_client(diary, clients.ClientInput(name="Åsa Öberg", languages="sv,ti"))
    case = cases.open_case(diary, c.id, referred_on="2025-05-01")
    dialog = DecisionDialog(date(2025, 5, 20))
    qtbot.addWidget(dialog)
    dialog.decided.setDate(QDate(2025, 5, 20))
    dialog.starts.setDate(QDate(2025, 5, 20))
    dialog.intervention.setCurrentIndex(dialog.intervention.findData("court_support"))
    cases.add_decision(diary, case.id, dialog.value())
    view = cases.get_case(diary, case.id).decisions[0]
    assert view.legal_basis == "SoL2001-4:1" and view.intervention == "court_support"
    with pytest.raises(DomainError):  # the new act was not in force in May 2025
        cases.add_decision(diary, case.id, cases.DecisionInput(
            referring_unit="children_family", district="Älvsjö", decided_on="2025-05-20", starts_on="2025-05-20",
            legal_basis="SoL2025"))
    runner = TaskRunner()
    panel = OverviewPanel(diary, runner)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    panel.set_client(c.id)
    qtbot.waitUntil(lambda: "4 kap. 1 §" in panel.body.text(), timeout=5_000)
    assert "Stöd inför och under rättegång" in panel.body.text() or "trial" in panel.body.text()
    runner.wait()
    pdf = render_record_extract(diary, c.id, language="sv").pdf
    text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "4 kap. 1 §" in text.replace("\n", " ") and "rättegång" in text
    assert "tigrinja" in text


def test_interpreter_language_and_independence(qtbot, diary: Diary) -> None:  # type: ignore[no-untyped-def]
    d = ClientDialog(None)
    qtbot.addWidget(d)
    d.name.setText("Selam Tesfay")
    for i in range(d.langs.count()):
        if d.langs.item(i).data(Qt.ItemDataRole.UserRole) == "ti":
            d.langs.item(i).setCheckState(Qt.CheckState.Checked)
    assert not d.interpreter_language.isEnabled()
    d.interpreter.setChecked(True)
    d.interpreter_language.setCurrentIndex(d.interpreter_language.findData("ti"))
    d.interpreter_independent.setChecked(True)
    detail = clients.create_client(diary, d.value())
    assert detail.languages == "sv,ti" and detail.interpreter_language == "ti" and detail.interpreter_independent
    again = ClientDialog(None, detail)
    qtbot.addWidget(again)
    assert again.langs.codes() == "sv,ti" and again.interpreter_language.currentData() == "ti"


def test_every_stored_field_has_a_label() -> None:
    from sqlalchemy import inspect

    from app.models import RECORD_CLASSES
    from app.ui import labels

    for cls in RECORD_CLASSES.values():
        for attr in inspect(cls).column_attrs:
            assert labels.field(attr.key) != attr.key, (cls.__name__, attr.key)
