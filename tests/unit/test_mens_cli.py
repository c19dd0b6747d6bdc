"""``athena men``: a hand-made set of men through the command line, and the men's report figure by figure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.services.context import Worker, save_worker
from app.storage.vault import Store
from tests.unit.conftest import PASSPHRASE

YEAR = ["--from", "2025-01-01", "--to", "2025-12-31"]


@pytest.fixture
def cli(store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    save_worker(store, Worker("Per Persson", "Mansstödjare", frozenset({"men"})))
    monkeypatch.setenv("ATHENA_PASSPHRASE", PASSPHRASE)
    return ["--data-dir", str(data_dir), "--lang", "en"]


def _run(cli: list[str], capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main([*cli, "men", *args]) == 0, capsys.readouterr().err
    return capsys.readouterr().out.strip()


def _add(cli: list[str], capsys: pytest.CaptureFixture[str], name: str, source: str, first: str) -> str:
    return _run(cli, capsys, "add", "--name", name, "--source", source, "--first-contact", first)


def _talks(cli: list[str], capsys: pytest.CaptureFixture[str], man: str, *days: str, minutes: str = "60",
           attendance: str = "attended") -> None:
    for day in days:
        _run(cli, capsys, "talk", man, "--date", day, "--theme", "violence", "--theme", "responsibility",
             "--minutes", minutes, "--attendance", attendance, "--risk-partner", "raised")


def _report(cli: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    men: dict[str, object] = json.loads(_run(cli, capsys, "report", *YEAR, "--json"))["men"]
    return men


def test_men_report_from_a_hand_made_set(cli: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    adam = _add(cli, capsys, "Adam Ek", "court_order", "2025-01-10")
    _run(cli, capsys, "set", adam, "--investigation", "open", "--date", "2025-01-10")
    _talks(cli, capsys, adam, "2025-01-17", "2025-01-24")
    assert main([*cli, "men", "talk", adam, "--date", "2025-01-31", "--theme", "context"]) == 0
    captured = capsys.readouterr()
    assert "Talk 3 recorded." in captured.out
    assert "register him as a case of his own" in captured.err  # the three-talk rule is shown ...
    assert "Registered as case M-2025-0001." in _run(cli, capsys, "register", adam, "--date", "2025-02-01")
    assert main([*cli, "men", "show", "M-2025-0001"]) == 0
    shown = capsys.readouterr()
    assert "Adam Ek" in shown.out and "register him" not in shown.err  # ... and acted on
    _run(cli, capsys, "refer", adam, "--to", "Mansmottagningen", "--date", "2025-03-01")

    bertil = _add(cli, capsys, "Bertil Berg", "social_services", "2025-02-01")
    _talks(cli, capsys, bertil, "2025-02-08")
    _talks(cli, capsys, bertil, "2025-02-15", attendance="no_show")
    _run(cli, capsys, "set", bertil, "--motivation", "not_motivated", "--date", "2025-02-20")
    _run(cli, capsys, "close", bertil, "--outcome", "not_motivated", "--date", "2025-03-01")

    carl = _add(cli, capsys, "Carl Cedergren", "self_referral", "2025-04-01")
    _talks(cli, capsys, carl, "2025-04-08", "2025-04-15", minutes="90")
    _talks(cli, capsys, carl, "2025-04-22", attendance="cancelled")
    _run(cli, capsys, "set", carl, "--other-help", "yes", "--other-help-note", "Beroende", "--date", "2025-04-22")
    _run(cli, capsys, "refer", carl, "--to", "Beroendevården", "--date", "2025-05-01")

    david = _add(cli, capsys, "David Dahl", "police", "2024-10-01")
    _run(cli, capsys, "set", david, "--investigation", "open", "--date", "2024-10-01")
    _talks(cli, capsys, david, "2024-10-08", "2024-10-15", "2025-01-05")

    erik = _add(cli, capsys, "Erik Ek", "court_order", "2024-03-01")  # only in contact in 2024
    _talks(cli, capsys, erik, "2024-03-08")

    fredrik = _add(cli, capsys, "Fredrik Fors", "self_referral", "2025-06-01")
    _run(cli, capsys, "set", fredrik, "--investigation", "open", "--date", "2025-06-02")

    expected = {
        "in_contact": 5,  # Adam, Bertil, Carl, David (a talk in January), Fredrik; not Erik
        "investigations_opened": 2,  # Adam, Fredrik (David's was opened in 2024)
        "court_ordered": 1,  # Adam (Erik was not in contact this year)
        "talks_held": 7, "talks_cancelled": 1, "talks_no_show": 1,
        "talk_hours": 8.0,  # 5 talks of 60 minutes, 2 of 90
        "at_least_three_talks": 2,  # Adam, David (two of his three talks were in 2024)
        "registered_as_case": 1, "referred_on": 2, "not_motivated": 1, "needing_other_help": 1, "closed": 1,
    }
    report = _report(cli, capsys)
    assert {k: report[k] for k in expected} == expected
    assert {r["key"]: r["count"] for r in report["by_referral_source"]} == {  # type: ignore[attr-defined]
        "social_services": 1, "court_order": 1, "police": 1, "self_referral": 2, "other": 0}
    assert {r["key"]: r["count"] for r in report["by_status"]} == {  # type: ignore[attr-defined]
        "contact": 2, "registered": 0, "referred_on": 2, "not_motivated": 0, "closed": 1}
    assert _report_2024(cli, capsys)["in_contact"] == 2  # David and Erik

    # Today's changes leave the closed year's report as it was.
    _run(cli, capsys, "set", carl, "--other-help", "no")
    _run(cli, capsys, "set", david, "--motivation", "not_motivated", "--status", "not_motivated")
    _run(cli, capsys, "set", fredrik, "--status", "registered")
    assert _report(cli, capsys) == report

    text = _run(cli, capsys, "report", *YEAR)
    assert "Men in contact" in text and "Ordered by a court to attend talks" in text
    listed = _run(cli, capsys, "list", "--search", "M-2025")
    assert "Adam Ek" in listed and "Bertil" not in listed


def _report_2024(cli: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    out: dict[str, object] = json.loads(_run(cli, capsys, "report", "--from", "2024-01-01", "--to",
                                             "2024-12-31", "--json"))["men"]
    return out


def test_men_commands_refuse_a_womens_diary(store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ATHENA_PASSPHRASE", PASSPHRASE)
    assert main(["--data-dir", str(data_dir), "--lang", "en", "men", "list"]) == 1
    assert "no men's track" in capsys.readouterr().err


def test_bad_input_names_the_field_not_the_value(cli: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    adam = _add(cli, capsys, "Adam Ek", "court_order", "2025-01-10")
    assert main([*cli, "men", "talk", adam, "--date", "2099-01-01"]) == 1
    assert "future" in capsys.readouterr().err
    assert main([*cli, "men", "talk", "no-such-man"]) == 1
    assert "not found" in capsys.readouterr().err
    assert main([*cli, "men", "refer", adam, "--to", " "]) == 1
    err = capsys.readouterr().err
    assert "Referred on to is required." in err
    assert "Adam" not in err
