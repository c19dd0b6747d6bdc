"""The team-lead role on the command line: access-log and gallra refuse a worker who is not the lead (exit 1, a
clear message in Swedish or English, nothing changed); --mine is open to everyone; athena role; athena team
lead from the founder's laptop."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from app import cli
from app.models import Client, DiaryEntry, RetentionRun
from app.services.clients import clients, entries
from app.services.clients.clients import ClientInput
from app.services.clients.entries import EntryInput
from app.services.context import Diary, Worker, save_worker
from app.storage import vault
from app.sync.backends import open_share
from tests.unit.conftest import PASSPHRASE
from tests.unit.sync_helpers import PASS, make_team, member_id


@pytest.fixture
def diary_dir(store: vault.Store, monkeypatch: pytest.MonkeyPatch) -> Path:
    save_worker(store, Worker("Lea Lind", "Kvinnostödjare"))
    d = Diary(store, Worker("Lea Lind"))
    old = clients.create_client(d, ClientInput(name="Gammal Akt")).id
    entries.add_entry(d, old, EntryInput(text="Samtal.", kinds=["support_talk"], event_on=date(2015, 3, 1)))
    with d.write() as s:
        s.execute(update(Client).where(Client.id == old).values(created_at=datetime(2015, 3, 1)))
        s.execute(update(DiaryEntry).where(DiaryEntry.client_id == old).values(written_at=datetime(2015, 3, 1)))
    clients.get_client(d, old)
    clients.get_client(Diary(store, Worker("Cecilia Berg")), old)
    monkeypatch.setenv("ATHENA_PASSPHRASE", PASSPHRASE)
    path = store.data_dir
    store.close()
    return path


def _run(diary_dir: Path, *args: str, lang: str = "en") -> int:
    return cli.main(["--lang", lang, "--data-dir", str(diary_dir), *args])


def _counts(diary_dir: Path) -> tuple[int, int, int]:
    store = vault.unlock(diary_dir, PASSPHRASE)
    try:
        with store.read(Diary(store, Worker("x")).identity) as s:
            return (s.scalar(select(func.count()).select_from(Client)) or 0,
                    s.scalar(select(func.count()).select_from(DiaryEntry)) or 0,
                    s.scalar(select(func.count()).select_from(RetentionRun)) or 0)
    finally:
        store.close()


def test_not_the_lead_is_refused_with_a_clear_message(diary_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(diary_dir, "role") == 0
    assert capsys.readouterr().out.split("\t")[:2] == ["women", "not team lead"]
    before = _counts(diary_dir)
    assert _run(diary_dir, "access-log") == 1
    err = capsys.readouterr()
    assert err.out == "" and "Only the team lead may use the log follow-up" in err.err
    assert _run(diary_dir, "access-log", lang="sv") == 1
    assert "Bara teamledaren får använda loggranskning och gallring" in capsys.readouterr().err
    assert _run(diary_dir, "access-log", "--allow-protected", "Lea Lind") == 1
    for args in (("--preview",), ("--run", "--yes"), ("--log",), ("--set", "keep_everything=true")):
        assert _run(diary_dir, "gallra", *args) == 1
        assert "Only the team lead" in capsys.readouterr().err
    assert _counts(diary_dir) == before  # nothing purged, no purge log

    # Her own rows: open to her, nobody else's.
    assert _run(diary_dir, "access-log", "--mine", "--actor", "Cecilia Berg") == 0
    out = capsys.readouterr().out
    assert "Lea Lind" in out and "Cecilia Berg" not in out


def test_a_worker_names_herself_lead_of_her_own_diary(diary_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(diary_dir, "role", "--lead") == 0
    assert capsys.readouterr().out.split("\t")[:2] == ["women", "team lead"]
    assert _run(diary_dir, "access-log", "--action", "open") == 0
    out = capsys.readouterr().out
    assert "Lea Lind" in out and "Cecilia Berg" in out
    assert _run(diary_dir, "gallra", "--run", "--yes") == 0
    assert _counts(diary_dir)[:2] == (0, 0)
    assert _run(diary_dir, "role", "--worker") == 0
    capsys.readouterr()
    assert _run(diary_dir, "access-log") == 1
    assert _run(diary_dir, "team", "lead", "abc") == 1
    assert "not in a team" in capsys.readouterr().err


def test_team_lead_from_the_founders_laptop(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "share").mkdir()
    share = open_share(str(tmp_path / "share"))
    a, b = make_team(tmp_path, 2)
    try:
        assert b.sync(share).ok and a.sync(share).ok
        ma, mb = member_id(a), member_id(b)
        dir_a, dir_b = a.store.data_dir, b.store.data_dir
    finally:
        a.close()
        b.close()
    monkeypatch.setenv("ATHENA_PASSPHRASE", PASS)
    assert _run(dir_b, "team", "lead", mb) == 1  # not from a plain member's laptop
    assert "Only a team lead's laptop" in capsys.readouterr().err
    assert _run(dir_a, "team", "lead", mb) == 0
    assert set(capsys.readouterr().out.split()) >= {ma, mb, "founder"}
    assert _run(dir_a, "team", "members") == 0
    lines = [ln.split("\t") for ln in capsys.readouterr().out.splitlines()]
    assert {row[0] for row in lines if "team lead" in row[2]} == {ma, mb}
    assert _run(dir_a, "team", "lead", ma, "--revoke") == 1  # the founder stays
    assert "founder stays" in capsys.readouterr().err
