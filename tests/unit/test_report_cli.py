"""athena report / import / week from the command line: outputs and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.storage.vault import Store
from tests.unit.conftest import PASSPHRASE


@pytest.fixture
def cli(store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("ATHENA_PASSPHRASE", PASSPHRASE)
    return ["--data-dir", str(data_dir), "--lang", "en"]


def test_import_then_report(cli: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "kvinnor.csv"
    good.write_bytes("namn;stadsdel;beställande enhet;startdatum;stödformer\r\n"
                     "Åsa Öberg;Skärholmen;Barn och familj;2024-02-01;stödsamtal\r\n".encode("cp1252"))
    assert main([*cli, "import", str(good), "--dry-run"]) == 0
    assert "nothing imported (dry run)" in capsys.readouterr().out
    assert main([*cli, "import", str(good)]) == 0
    out_text = capsys.readouterr().out
    assert "Text read as cp1252" in out_text
    # The import is reported first, then its restore point (the diary before the import) once written.
    assert out_text.index("Imported.") < out_text.index("Restore point written")

    assert main([*cli, "report", "--from", "2024-01-01", "--to", "31 december 2024"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["women"]["current"]["total"] == 1
    out = tmp_path / "r.pdf"
    assert main([*cli, "report", "--from", "2024-01-01", "--to", "2024-12-31", "--format", "pdf",
                 "-o", str(out), "--suppress-small"]) == 0
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_mode & 0o077 == 0
    assert main([*cli, "report", "--from", "2024-01-01", "--to", "2024-12-31", "--format", "xlsx"]) == 1
    with pytest.raises(SystemExit) as exc:
        main([*cli, "report", "--from", "1/1/2024", "--to", "2024-12-31"])
    assert exc.value.code == 2
    assert main([*cli, "week"]) == 0


def test_import_problems_exit_4(cli: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("namn;stadsdel;beställande enhet;startdatum\nEva;Södermalm;Barn och familj;2024-13-01\n",
                   encoding="utf-8")
    assert main([*cli, "import", str(bad)]) == 4
    err = capsys.readouterr().err
    assert 'row 2, column "stadsdel": Unknown district (known:' in err and "Södermalm" not in err
    assert 'row 2, column "startdatum": This date does not exist in the calendar.' in err
    assert "2 problem(s) found; nothing was imported." in err
    assert "Eva" not in err
    assert main([*cli, "import", str(tmp_path / "missing.csv")]) == 1
