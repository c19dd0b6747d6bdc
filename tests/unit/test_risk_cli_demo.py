"""The risk CLI (instrument check, due list) and the risk part of the demo diary."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app import cli
from app.services.context import Diary, Worker
from app.services.demo import diary as demo
from app.services.demo import risk as risk_demo
from app.services.risk import timeline as tl
from app.storage.vault import Store
from tests.unit.conftest import PASSPHRASE


def test_instrument_check_names_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "licensed"
    folder.mkdir()
    (folder / "broken.json").write_text('{\n  "format": "athena-instrument/1",\n  "id": 7\n}\n', encoding="utf-8")
    assert cli.main(["--lang", "en", "risk-instruments", "--folder", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "athena-partner-violence" in out and "athena-honour-violence" in out
    assert f"{folder / 'broken.json'}, line 1" in out  # a required key is missing at the top level


def test_due_list_and_demo(store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    diary = Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=date(2026, 11, 23))
    demo.generate(diary, clients=12, seed=3)
    counts = risk_demo.generate(diary, seed=3)
    assert counts["incidents"] > 0 and counts["risk_assessments"] > 0
    due = tl.assessments_due(diary)
    store.close()
    monkeypatch.setenv("ATHENA_PASSPHRASE", PASSPHRASE)
    assert cli.main(["--data-dir", str(data_dir), "risk-due", "--format", "json", "--months", "3"]) == 0
    rows = json.loads(capsys.readouterr().out)
    # the CLI's "today" is the real date, so compare only what does not depend on it
    assert {r["reason"] for r in rows} <= {"never", "overdue", "incident"}
    assert len(due) >= 1


def test_risk_messages_have_swedish() -> None:
    import re

    from app import i18n

    catalogue = i18n.catalogue("sv")
    root = Path(__file__).resolve().parents[2] / "app"
    keys: set[str] = set()
    for name in ("services/risk/assessments.py", "services/risk/timeline.py", "services/risk/scoring.py",
                 "commands/risk.py"):
        text = (root / name).read_text(encoding="utf-8")
        keys |= set(re.findall(r'(?:DomainError|NotFound|tr)\(\s*"([^"]+)"', text))
        keys |= set(re.findall(r'out\.append\("([^"]+)"\)', text))
    generic = {"{field} has a value that is not allowed.", "{field} is required.",
               "{field} is too long (at most {n} characters)."}
    assert len(keys) > 25
    assert sorted(keys - generic - set(catalogue)) == []
