"""athena gallra --preview|--run|--log|--set and athena access-log."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from app import cli
from app.models import Client, DiaryEntry
from app.services.access import roles
from app.services.clients import clients, entries
from app.services.clients.clients import ClientInput
from app.services.clients.entries import EntryInput
from app.services.context import Diary, Worker, save_worker
from app.storage import vault
from tests.unit.conftest import PASSPHRASE


@pytest.fixture
def diary_dir(store: vault.Store, monkeypatch: pytest.MonkeyPatch) -> Path:
    save_worker(store, Worker("Lea Lind", "Projektledare"))
    d = Diary(store, Worker("Lea Lind"))
    roles.set_profile_role(d, True)  # the team lead of her own diary (no synced team)
    old = clients.create_client(d, ClientInput(name="Gammal Akt", protected_identity="protected_registration",
                                                  worker="Anna Andersson")).id
    entries.add_entry(d, old, EntryInput(text="Utkast.", kinds=["support_talk"], event_on=date(2015, 3, 1)))
    at = datetime(2015, 3, 1)
    with d.write() as s:
        s.execute(update(Client).where(Client.id == old).values(created_at=at))
        s.execute(update(DiaryEntry).where(DiaryEntry.client_id == old).values(written_at=at))
    new = clients.create_client(d, ClientInput(name="Ny Akt")).id
    clients.get_client(d, new)
    clients.get_client(d, old)
    monkeypatch.setenv("ATHENA_PASSPHRASE", PASSPHRASE)
    path = store.data_dir
    store.close()
    return path


def _run(diary_dir: Path, *args: str) -> int:
    return cli.main(["--lang", "en", "--data-dir", str(diary_dir), *args])


def test_gallra_preview_run_and_log(diary_dir: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run(diary_dir, "gallra", "--preview", "--json") == 0
    pv = json.loads(capsys.readouterr().out)
    assert len(pv["purge"]) == 1 and pv["purge"][0]["name"] is None  # protected: not named
    assert pv["rows"] == {"clients": 1, "diary_entries": 1}
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert _run(diary_dir, "gallra", "--run") == 1  # no terminal, no --yes: refused, nothing purged
    assert "confirmation" in capsys.readouterr().err
    assert _run(diary_dir, "gallra", "--run", "--yes") == 0
    assert "Purged 1 records (2 rows)" in capsys.readouterr().out
    assert _run(diary_dir, "gallra", "--preview") == 0
    assert "Due for purging: 0 records" in capsys.readouterr().out
    assert _run(diary_dir, "gallra", "--log") == 0
    log = capsys.readouterr().out
    assert "Lea Lind" in log and "Gammal" not in log
    assert _run(diary_dir, "gallra", "--set", "keep_everything=true") == 0
    assert _run(diary_dir, "gallra", "--set", "years_after_last_entry=0") == 1
    assert "not valid" in capsys.readouterr().err
    assert _run(diary_dir, "integrity") == 0


def test_access_log(diary_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "log.csv"
    assert _run(diary_dir, "access-log", "--action", "open", "-o", str(out)) == 0
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("at,actor,action") and len(rows) == 3
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert any("Ny Akt" in r for r in rows)
    assert _run(diary_dir, "access-log", "--check", "protected", "--format", "json") == 0
    got = json.loads(capsys.readouterr().out)
    # Lea is not Gammal Akt's responsible worker: the protected name is not shown to her.
    assert len(got) == 1 and got[0]["masked"] and "Gammal" not in got[0]["record"]
    assert _run(diary_dir, "access-log", "--allow-protected", "Lea Lind") == 0
    capsys.readouterr()
    assert _run(diary_dir, "access-log", "--check", "protected", "--format", "json") == 0
    assert json.loads(capsys.readouterr().out)[0]["record"] == "Gammal Akt"
