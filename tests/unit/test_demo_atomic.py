"""`athena demo` is all or nothing: a run that fails leaves no half-filled diary behind, and demo data added to
an existing diary is undone from the backup taken first."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.models import Client
from app.services.context import Worker, save_worker
from app.storage import vault
from app.storage.changefeed import Identity
from app.storage.keyfile import KdfParams

from .conftest import PASSPHRASE


def _boom_after_some(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.services.demo import diary as demo

    real = demo.generate

    def half_then_fail(diary, **kw):  # type: ignore[no-untyped-def]
        real(diary, clients=2, seed=1)  # some clients are written, then the disk (say) gives up
        raise OSError("simulated failure half-way")

    monkeypatch.setattr(demo, "generate", half_then_fail)


def test_a_failed_demo_leaves_no_diary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATHENA_PASSPHRASE", PASSPHRASE)
    _boom_after_some(monkeypatch)
    folder = tmp_path / "demo"
    assert main(["--data-dir", str(folder), "demo", "--clients", "5"]) != 0
    assert not folder.exists()
    assert [p.name for p in tmp_path.iterdir()] == []


def test_a_failed_demo_into_an_existing_diary_undoes_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "diary"
    store = vault.create(folder, PASSPHRASE, KdfParams.fast_for_tests())
    save_worker(store, Worker("Anna"))
    with store.write(Identity("Anna", store.device_id)) as s:
        s.add(Client(name="Maria Ek", name_key="maria ek"))
    store.close()
    monkeypatch.setenv("ATHENA_PASSPHRASE", PASSPHRASE)
    _boom_after_some(monkeypatch)
    assert main(["--data-dir", str(folder), "demo", "--clients", "5"]) != 0
    store = vault.unlock(folder, PASSPHRASE)
    try:
        with store.read(Identity("Anna", store.device_id)) as s:
            assert s.scalar(select(func.count()).select_from(Client)) == 1
    finally:
        store.close()


def test_a_demo_refuses_a_folder_with_other_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ATHENA_PASSPHRASE", PASSPHRASE)
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "notes.txt").write_text("x")
    assert main(["--data-dir", str(folder), "demo", "--clients", "2"]) == 1
    assert "not empty" in capsys.readouterr().err
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
