"""Encrypted backups: taken, rotated, re-encrypted on rekey, restored without losing what was there."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import config
from app.errors import BackupError
from app.models import Client
from app.services import backup as backup_service
from app.storage import backups, keyfile, layout, rekeying, vault
from app.storage.changefeed import Identity
from app.storage.keyfile import KdfParams

from .conftest import PASSPHRASE


def _add(store: vault.Store, name: str) -> None:
    with store.write(Identity("Test", store.device_id)) as s:
        s.add(Client(name=name, name_key=name.lower()))


def _names(store: vault.Store) -> set[str]:
    with store.read(Identity("Test", store.device_id)) as s:
        return set(s.scalars(select(Client.name)))


@pytest.fixture
def second_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home-drive" / "Athena"
    folder.parent.mkdir()  # the drive is there; Athena makes its own folder in it
    cfg = tmp_path / "athena.toml"
    cfg.write_text(f'[backup]\nfolder = "{folder.as_posix()}"\n', encoding="utf-8")
    monkeypatch.setenv("ATHENA_CONFIG", str(cfg))
    config.reload()
    yield folder
    monkeypatch.setenv("ATHENA_CONFIG", os.devnull)
    config.reload()


def test_backup_is_encrypted_private_verified_and_in_both_folders(store: vault.Store, data_dir: Path,
                                                                 second_folder: Path) -> None:
    _add(store, "Lena Svensson")
    written = backup_service.make_backup(store, "manual")
    assert [b.folder for b in written] == [data_dir / "backups", second_folder]
    for b in written:
        raw = b.path.read_bytes()
        assert b"Lena" not in raw and not raw.startswith(b"SQLite format 3")
        assert stat.S_IMODE(b.path.stat().st_mode) == 0o600
        backups.verify(b.path, store._key)
    # The second folder alone is enough: it holds the key copy too.
    assert (second_folder / backups.key_copy_name(store.diary_id)).read_bytes() == (
        data_dir / "diary.key").read_bytes()
    assert [b.reason for b in backup_service.list_backups(data_dir)] == ["manual", "manual"]


def test_restore_brings_back_the_latest_backup_and_keeps_what_was_there(store: vault.Store,
                                                                        data_dir: Path) -> None:
    _add(store, "Före")
    backup_service.make_backup(store, "manual")
    _add(store, "Efter")
    store.close()
    latest = backup_service.list_backups(data_dir)[0]
    restored = backup_service.restore(data_dir, PASSPHRASE, latest.path)
    try:
        assert _names(restored) == {"Före"}
        assert restored.integrity_check() == []
    finally:
        restored.close()
    # What was overwritten is itself a backup now, and restoring that brings "Efter" back.
    kept = [b for b in backup_service.list_backups(data_dir) if b.reason == "restore"]
    assert len(kept) == 1
    again = backup_service.restore(data_dir, PASSPHRASE, kept[0].path)
    try:
        assert _names(again) == {"Före", "Efter"}
    finally:
        again.close()


def test_restore_over_a_damaged_diary_keeps_the_damaged_file(store: vault.Store, data_dir: Path) -> None:
    _add(store, "Lena")
    backup_service.make_backup(store, "manual")
    store.close()
    (data_dir / "diary.db").write_bytes(b"")
    restored = backup_service.restore(data_dir, PASSPHRASE, backup_service.list_backups(data_dir)[0].path)
    restored.close()
    assert len(list(data_dir.glob("diary-damaged-*.db"))) == 1


def test_restore_refuses_a_wrong_passphrase_or_a_foreign_backup_and_changes_nothing(
        store: vault.Store, data_dir: Path, tmp_path: Path) -> None:
    _add(store, "Lena")
    backup_service.make_backup(store, "manual")
    store.close()
    other = vault.create(tmp_path / "other", PASSPHRASE, KdfParams.fast_for_tests())
    foreign = backup_service.make_backup(other, "manual")[0].path
    other.close()
    before = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    with pytest.raises(BackupError):
        backup_service.restore(data_dir, PASSPHRASE, foreign)
    from app.errors import WrongPassphrase

    with pytest.raises(WrongPassphrase):
        backup_service.restore(data_dir, "fel fras helt och hållet", backup_service.list_backups(data_dir)[0].path)
    assert {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()} == before


def test_restore_on_a_new_laptop_from_the_second_folder(store: vault.Store, data_dir: Path,
                                                         second_folder: Path, tmp_path: Path) -> None:
    _add(store, "Lena")
    backup_service.make_backup(store, "manual")
    store.close()
    fresh = tmp_path / "new-laptop" / "diary"
    chosen = backups.list_backups([second_folder])[0].path
    restored = backup_service.restore(fresh, PASSPHRASE, chosen, from_folder=second_folder)
    try:
        assert _names(restored) == {"Lena"}
    finally:
        restored.close()


def test_after_a_rekey_every_backup_opens_with_the_current_passphrase_and_none_with_the_old_key(
        store: vault.Store, data_dir: Path, second_folder: Path) -> None:
    _add(store, "Lena")
    for reason in ("manual", "import"):
        backup_service.make_backup(store, reason)
    old_key = store._key
    new_store = vault.rekey(store, PASSPHRASE)
    new_store.close()
    _, current = keyfile.unwrap_folder(data_dir, PASSPHRASE)
    assert current != old_key
    kept = backup_service.list_backups(data_dir)
    assert {b.reason for b in kept} == {"manual", "import", "rekey"}
    assert {b.folder for b in kept} == {data_dir / "backups", second_folder}
    for b in kept:
        assert backups.opens_with(b.path, current), b.path.name
        assert not backups.opens_with(b.path, old_key), b.path.name
    assert not list(data_dir.rglob("*" + backups.REKEYED + "*"))
    # And a restore through the current passphrase works.
    restored = backup_service.restore(data_dir, PASSPHRASE, kept[-1].path)
    assert _names(restored) == {"Lena"}
    restored.close()


def test_a_rekey_cut_off_after_the_swap_finishes_the_backups_at_next_unlock(store: vault.Store,
                                                                              data_dir: Path,
                                                                              monkeypatch: pytest.MonkeyPatch
                                                                              ) -> None:
    _add(store, "Lena")
    backup_service.make_backup(store, "manual")

    def crash(*_a: object, **_k: object) -> None:
        raise KeyboardInterrupt  # the power goes right after the database file was swapped

    monkeypatch.setattr(backups, "finish_rekey", crash)
    with pytest.raises(KeyboardInterrupt):
        vault.rekey(store, PASSPHRASE)
    monkeypatch.undo()
    s = vault.unlock(data_dir, PASSPHRASE)
    key = s._key
    s.close()
    for b in backup_service.list_backups(data_dir):
        assert backups.opens_with(b.path, key)


def test_passphrase_change_replaces_the_key_copies(store: vault.Store, data_dir: Path,
                                                   second_folder: Path) -> None:
    backup_service.make_backup(store, "manual")
    store.close()
    rekeying.change_passphrase(data_dir, PASSPHRASE, "en helt ny lösenfras för våren", KdfParams.fast_for_tests())
    for folder in (data_dir / "backups", second_folder):
        copy = keyfile.KeyFile.load(folder / backups.key_copy_name(backup_service.diary_id_of(data_dir)))
        from app.errors import WrongPassphrase

        with pytest.raises(WrongPassphrase):
            keyfile.unwrap(copy.main, keyfile.derive_kek(PASSPHRASE, copy.main.salt, copy.main.params))


def test_scheduled_backup_at_unlock_only_when_the_newest_is_old(store: vault.Store, data_dir: Path) -> None:
    t0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    assert backup_service.backup_if_due(store, now=t0) is not None
    assert backup_service.backup_if_due(store, now=t0 + timedelta(hours=5)) is None
    assert backup_service.backup_if_due(store, now=t0 + timedelta(hours=25)) is not None


def test_rotation_keeps_seven_daily_and_four_weekly(store: vault.Store, data_dir: Path) -> None:
    start = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    for day in range(60):
        for hour in (0, 6):
            store.backup("scheduled", now=start + timedelta(days=day, hours=hour))
    now = start + timedelta(days=59, hours=6)
    kept = backup_service.list_backups(data_dir)
    days = {b.taken_at.astimezone().date() for b in kept}
    assert len(kept) <= 7 + 4 + 2
    last7 = {(now - timedelta(days=d)).astimezone().date() for d in range(7)}
    assert last7 <= days
    weeks = {b.taken_at.astimezone().isocalendar()[:2] for b in kept}
    assert len(weeks) >= 4
    # Kept means it still opens.
    assert all(backups.opens_with(b.path, store._key) for b in kept)


def test_a_failed_backup_stops_the_import_before_anything_is_written(diary, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.services.importing import importer

    def refuse(*_a: object, **_k: object) -> None:
        raise BackupError("The backup could not be written; nothing was changed.")

    # The restore point's folder cannot take a backup: refused before the import writes anything.
    monkeypatch.setattr(backups, "check_room", refuse)
    data = ("Namn;Personnummer;Stadsdel;Beställande enhet;Beslutsdatum;Startdatum\n"
            "Maria Ek;;Älvsjö;barn_och_familj;2026-01-02;2026-01-05\n").encode()
    with pytest.raises(BackupError):
        importer.import_file(diary, data, "lista.csv")
    with diary.read() as s:
        assert s.scalar(select(func.count()).select_from(Client)) == 0


def test_a_restore_point_that_fails_after_the_import_is_reported(diary, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The restore point is written after the import's commit: when writing it fails, the import stays in the
    diary and the failure is reported by ``wait_for_restore_points``."""
    from app.services.importing import importer

    def fail(*_a: object, **_k: object) -> None:
        raise OSError("simulated")

    monkeypatch.setattr(backups, "_take_one", fail)
    data = ("Namn;Personnummer;Stadsdel;Beställande enhet;Beslutsdatum;Startdatum\n"
            "Maria Ek;;Älvsjö;barn_och_familj;2026-01-02;2026-01-05\n").encode()
    assert importer.import_file(diary, data, "lista.csv").imported
    with pytest.raises(BackupError):
        importer.wait_for_restore_points(diary)
    with diary.read() as s:
        assert s.scalar(select(func.count()).select_from(Client)) == 1
    assert importer.wait_for_restore_points(diary) == []  # reported once


def test_backup_leftovers_are_not_listed(store: vault.Store, data_dir: Path) -> None:
    backup_service.make_backup(store, "manual")
    (layout.backups_dir(data_dir) / "athena-x-20260101T000000Z-manual.db.tmp").write_bytes(b"x")
    assert len(backup_service.list_backups(data_dir)) == 1


def test_the_diary_records_its_backups_and_restores(store: vault.Store, data_dir: Path) -> None:
    taken = backup_service.make_backup(store, "manual")[0]
    store.close()
    restored = backup_service.restore(data_dir, PASSPHRASE, taken.path)
    try:
        events = backup_service.history(restored)
    finally:
        restored.close()
    assert [(e.kind, e.reason) for e in events][:1] == [("restore", "manual")]
    assert events[0].backup_taken_at == taken.taken_at.replace(microsecond=taken.taken_at.microsecond)


def test_an_unplugged_second_folder_is_skipped_not_created(store: vault.Store, data_dir: Path,
                                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "media" / "usb" / "Athena"
    cfg = tmp_path / "athena.toml"
    cfg.write_text(f'[backup]\nfolder = "{missing.as_posix()}"\n', encoding="utf-8")
    monkeypatch.setenv("ATHENA_CONFIG", str(cfg))
    config.reload()
    try:
        written = backup_service.make_backup(store, "manual")
    finally:
        monkeypatch.setenv("ATHENA_CONFIG", os.devnull)
        config.reload()
    assert [b.folder for b in written] == [data_dir / "backups"]
    assert not (tmp_path / "media").exists()
