"""`athena export` leaves protected details out unless asked, as the desktop does, and says so on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import i18n
from app.cli import main
from app.services import audit
from app.services.clients import clients
from app.services.context import Diary
from tests.unit.conftest import PASSPHRASE

LEFT_OUT = "[skyddad uppgift utelämnad]"


@pytest.fixture
def cli(diary: Diary, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("ATHENA_PASSPHRASE", PASSPHRASE)
    return ["--data-dir", str(data_dir)]


@pytest.fixture
def two_clients(diary: Diary) -> tuple[str, str]:
    hidden = clients.create_client(diary, clients.ClientInput(
        name="Maja Skyddad", personal_number="19850312-2387", protected_identity="protected_registration",
        address="Hemliga gatan 7", postal_code="12345", city="Älvsjö"))
    open_ = clients.create_client(diary, clients.ClientInput(name="Åsa Öppen", address="Storgatan 1",
                                                             city="Borås"))
    return hidden.id, open_.id


def _by_name(path: Path) -> dict[str, dict[str, object]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {c["client"]["name"]: c["client"] for c in data["clients"]}


def test_by_default_protected_details_are_left_out_and_stderr_says_so(
        cli: list[str], diary: Diary, two_clients: tuple[str, str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "all.json"
    assert main([*cli, "--lang", "en", "export", "--all", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "Left out: the address and personal identity number of 1 client(s) with protected identity" in err
    assert "--with-protected" in err
    rows = _by_name(out)
    hidden, shown = rows["Maja Skyddad"], rows["Åsa Öppen"]
    assert hidden["address"] == LEFT_OUT and hidden["city"] == LEFT_OUT and hidden["personal_number"] is None
    assert shown["address"] == "Storgatan 1" and shown["city"] == "Borås"
    text = out.read_text(encoding="utf-8")
    assert "Hemliga" not in text and "850312-2387" not in text and "198503122387" not in text
    # Neither the warning nor the trail carries the details themselves.
    assert "Hemliga" not in err and "Maja" not in err
    details = [t.detail for t in audit.trail(diary) if t.action == "export"]
    assert details and "protected details of 1 left out" in details[-1]


def test_in_swedish_and_on_standard_output(cli: list[str], two_clients: tuple[str, str],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    try:
        assert main([*cli, "--lang", "sv", "export", "--client", two_clients[0]]) == 0
    finally:
        i18n.set_language("en")
    captured = capsys.readouterr()
    assert "Utelämnat: adress och personnummer för 1 klient(er) med skyddad identitet" in captured.err
    client = json.loads(captured.out)["clients"][0]["client"]
    assert client["address"] == LEFT_OUT and client["personal_number"] is None


def test_with_protected_exports_them_whole_without_a_warning(cli: list[str], two_clients: tuple[str, str],
                                                             tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "all.json"
    assert main([*cli, "--lang", "en", "export", "--all", "--with-protected", "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""
    hidden = _by_name(out)["Maja Skyddad"]
    assert hidden["address"] == "Hemliga gatan 7" and hidden["personal_number"] == "19850312-2387"


def test_a_client_without_protected_identity_gives_no_warning(cli: list[str], two_clients: tuple[str, str],
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*cli, "--lang", "en", "export", "--client", two_clients[1]]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert json.loads(captured.out)["clients"][0]["client"]["address"] == "Storgatan 1"
