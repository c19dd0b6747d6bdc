"""A diary made by the previous release (the schema before this release's migrations) opens and upgrades,
with a verified backup first; a diary from a newer release is refused with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command

from app.errors import BackupError, DiaryTooNew
from app.services import backup as backup_service
from app.services.clients import clients, entries
from app.services.clients.clients import ClientInput
from app.services.clients.entries import EntryInput
from app.services.context import Worker, open_diary, save_worker
from app.storage import backups, migrate, vault
from app.storage.engine import WRITE_OPTION
from app.storage.keyfile import KdfParams

from .conftest import PASSPHRASE


def _previous_release_head() -> str:
    """The schema just before this release's own migration (the backup-events table, 1000)."""
    from alembic.script import ScriptDirectory

    down = ScriptDirectory.from_config(migrate.config()).get_revision("1000").down_revision
    assert isinstance(down, str)
    return down


PREVIOUS_RELEASE_HEAD = _previous_release_head()


def _previous_release_diary(data_dir: Path) -> str:
    store = vault.create(data_dir, PASSPHRASE, KdfParams.fast_for_tests())
    save_worker(store, Worker("Anna Andersson"))
    diary = open_diary(store)
    cid = clients.create_client(diary, ClientInput(name="Maria Ek")).id
    entries.add_entry(diary, cid, EntryInput("Följde med till banken", ["practical_support"]), sign=True)
    cfg = migrate.config()
    with store.engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, PREVIOUS_RELEASE_HEAD)
    assert migrate.current_revision(store.engine) == PREVIOUS_RELEASE_HEAD
    store.close()
    return cid


def test_previous_release_diary_opens_and_upgrades_with_a_verified_backup_first(data_dir: Path) -> None:
    cid = _previous_release_diary(data_dir)
    store = vault.unlock(data_dir, PASSPHRASE)
    try:
        assert migrate.current_revision(store.engine) == migrate.head()
        diary = open_diary(store)
        assert [e.text for e in entries.list_entries(diary, cid).items] == ["Följde med till banken"]
        taken = [b for b in backup_service.list_backups(data_dir) if b.reason == "migration"]
        assert len(taken) == 1
        backups.verify(taken[0].path, store._key)
        conn = backups.open_file(taken[0].path, store._key)
        try:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == PREVIOUS_RELEASE_HEAD
        finally:
            conn.close()
        assert store.integrity_check() == []
    finally:
        store.close()


def test_no_upgrade_without_a_backup(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _previous_release_diary(data_dir)

    def refuse(*_a: object, **_k: object) -> None:
        raise BackupError("The backup could not be written; nothing was changed.")

    monkeypatch.setattr(backups, "take", refuse)
    with pytest.raises(BackupError):
        vault.unlock(data_dir, PASSPHRASE)
    monkeypatch.undo()
    from app.storage import keyfile
    from app.storage.engine import make_engine

    _, key = keyfile.unwrap_folder(data_dir, PASSPHRASE)
    engine = make_engine(data_dir / "diary.db", key)
    try:
        assert migrate.current_revision(engine) == PREVIOUS_RELEASE_HEAD
    finally:
        engine.dispose()


def test_newer_release_diary_is_refused_clearly_and_untouched(store: vault.Store, data_dir: Path) -> None:
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'ffff'")
    store.close()
    before = (data_dir / "diary.db").read_bytes()
    with pytest.raises(DiaryTooNew) as err:
        vault.unlock(data_dir, PASSPHRASE)
    assert "newer version of Athena" in str(err.value)
    assert (data_dir / "diary.db").read_bytes() == before
