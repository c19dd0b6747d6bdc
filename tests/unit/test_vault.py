from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import DiaryExists, DiaryMissing, DiaryTooNew, WrongPassphrase
from app.models import Change, Client
from app.storage import migrate, rekeying, vault
from app.storage.changefeed import Identity
from app.storage.keyfile import KdfParams

from .conftest import PASSPHRASE


def _snapshot(d: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(d.iterdir()) if p.is_file()}


def _add_client(store: vault.Store, name: str = "Lena Svensson") -> str:
    with store.write(Identity("Test", store.device_id)) as s:
        c = Client(name=name, name_key=name.lower())
        s.add(c)
        s.flush()
        return c.id


def test_database_file_is_encrypted(store: vault.Store, data_dir: Path) -> None:
    _add_client(store)
    store.checkpoint()
    assert not vault.plain_text_probe(data_dir / "diary.db")
    assert b"Lena" not in (data_dir / "diary.db").read_bytes()


def test_wrong_passphrase_is_clear_and_modifies_nothing(store: vault.Store, data_dir: Path) -> None:
    _add_client(store)
    store.close()
    before = _snapshot(data_dir)
    with pytest.raises(WrongPassphrase) as err:
        vault.unlock(data_dir, "not the passphrase")
    assert "passphrase" in str(err.value).lower()
    assert PASSPHRASE not in str(err.value)
    assert _snapshot(data_dir) == before


def test_create_refuses_existing_and_unlock_refuses_missing(store: vault.Store, data_dir: Path,
                                                            tmp_path: Path) -> None:
    with pytest.raises(DiaryExists):
        vault.create(data_dir, PASSPHRASE, KdfParams.fast_for_tests())
    with pytest.raises(DiaryMissing):
        vault.unlock(tmp_path / "nowhere", PASSPHRASE)


def test_change_passphrase_rewraps_without_touching_database(store: vault.Store, data_dir: Path) -> None:
    _add_client(store)
    store.close()
    db_before = (data_dir / "diary.db").read_bytes()
    rekeying.change_passphrase(data_dir, PASSPHRASE, "en helt ny lösenfras")
    assert (data_dir / "diary.db").read_bytes() == db_before
    with pytest.raises(WrongPassphrase):
        vault.unlock(data_dir, PASSPHRASE)
    s = vault.unlock(data_dir, "en helt ny lösenfras")
    with s.read(Identity("t", s.device_id)) as ses:
        assert ses.scalar(select(func.count()).select_from(Client)) == 1
    s.close()


def test_full_rekey_changes_the_key_and_keeps_data(store: vault.Store, data_dir: Path) -> None:
    _add_client(store)
    store.checkpoint()
    old_kf = (data_dir / "diary.key").read_text()
    new_store = vault.rekey(store, PASSPHRASE)
    assert new_store.integrity_check() == []
    assert (data_dir / "diary.key").read_text() != old_kf
    new_store.close()
    s = vault.unlock(data_dir, PASSPHRASE)
    with s.read(Identity("t", s.device_id)) as ses:
        assert ses.scalar(select(func.count()).select_from(Client)) == 1
    s.close()
    assert not (data_dir / "diary.db.rekey").exists()


def test_rekey_interrupted_after_swap_still_unlocks(store: vault.Store, data_dir: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _add_client(store)
    from app.storage import keyfile

    real_save = keyfile.KeyFile.save
    calls = {"n": 0}

    def crash_on_second_save(self: keyfile.KeyFile, path: Path) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt("simulated crash after the file swap")
        real_save(self, path)

    monkeypatch.setattr(keyfile.KeyFile, "save", crash_on_second_save)
    with pytest.raises(KeyboardInterrupt):
        vault.rekey(store, PASSPHRASE)
    monkeypatch.setattr(keyfile.KeyFile, "save", real_save)
    s = vault.unlock(data_dir, PASSPHRASE)
    assert s.integrity_check() == []
    with s.read(Identity("t", s.device_id)) as ses:
        assert ses.scalar(select(func.count()).select_from(Client)) == 1
    s.close()
    assert keyfile.KeyFile.load(data_dir / "diary.key").pending is None


def test_engine_never_hands_out_an_unkeyed_connection(store: vault.Store, data_dir: Path) -> None:
    # Every pooled connection, including fresh ones, is keyed before its first statement.
    conns = [store.engine.raw_connection() for _ in range(6)]
    for c in conns:
        assert c.cursor().execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
        assert c.cursor().execute("SELECT count(*) FROM clients").fetchone()[0] == 0
    for c in conns:
        c.close()
    store.checkpoint()
    assert not vault.plain_text_probe(data_dir / "diary.db")


def test_pragmas_are_set_on_every_connection(store: vault.Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


def test_none_and_bool_are_bound_as_before(store: vault.Store) -> None:
    # The driver's adapters for None and bool (engine.py) bind what it bound without them: NULL, and 0 / 1 as
    # integers; an ORM Boolean reads back as a bool, a None as None.
    with store.engine.connect() as conn:
        got = conn.exec_driver_sql("SELECT ?, typeof(?), ?, typeof(?), ?, typeof(?)",
                                   (None, None, True, True, False, False)).one()
        assert tuple(got) == (None, "null", 1, "integer", 0, "integer")
    ident = Identity("Lena", store.device_id)
    with store.write(ident) as s:
        s.add(Client(id="c-bind", name="Anna", name_key="anna", personal_number=None, interpreter_needed=True))
    with store.read(ident) as s:
        c = s.get(Client, "c-bind")
        assert c is not None and c.personal_number is None and c.interpreter_needed is True
        assert s.execute(select(func.typeof(Client.interpreter_needed), func.typeof(Client.personal_number))
                         .where(Client.id == "c-bind")).one() == ("integer", "null")


def test_integrity_check_reports_a_damaged_file(store: vault.Store, data_dir: Path) -> None:
    for i in range(50):
        _add_client(store, f"Klient {i}")
    store.checkpoint()
    store.close()
    path = data_dir / "diary.db"
    raw = bytearray(path.read_bytes())
    raw[4096 * 3 + 100] ^= 0xFF  # flip a bit inside a data page
    path.write_bytes(bytes(raw))
    try:
        s = vault.unlock(data_dir, PASSPHRASE)
    except Exception as exc:  # a damaged page can already fail the schema read
        assert "Lena" not in str(exc)
        return
    assert s.integrity_check() != []
    s.close()


def test_migration_from_first_schema_version(data_dir: Path) -> None:
    # Build a diary at revision 0001 with data in it, then open it with this release.
    s = vault.create(data_dir, PASSPHRASE, KdfParams.fast_for_tests())
    s.close()
    (data_dir / "diary.db").unlink()
    for suffix in ("-wal", "-shm"):
        Path(str(data_dir / "diary.db") + suffix).unlink(missing_ok=True)
    from app.storage import keyfile
    from app.storage.engine import make_engine

    kf = keyfile.KeyFile.load(data_dir / "diary.key")
    db_key = keyfile.unwrap(kf.main, keyfile.derive_kek(PASSPHRASE, kf.main.salt, kf.main.params))
    from app.storage.engine import open_raw

    open_raw(data_dir / "diary.db", db_key, create=True).close()
    engine = make_engine(data_dir / "diary.db", db_key)
    migrate.upgrade(engine, None, target="0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO clients (id, compartment, created_at, updated_at, created_by, updated_by, device_id,"
            " name, protected_identity, languages, interpreter_needed, phone, email, address, postal_code,"
            " city, contact_note, worker, name_key) VALUES ('c1', 'women', '2025-01-01', '2025-01-01', 'a',"
            " 'a', 'd', 'Maria Ek', 'none', 'sv', 0, '', '', '', '', '', '', '', 'maria ek')")
        conn.exec_driver_sql(
            "INSERT INTO diary_entries (id, compartment, created_at, updated_at, created_by, updated_by,"
            " device_id, client_id, event_on, written_at, duration_minutes, kinds, activity, text,"
            " author_name, author_title) VALUES ('e1', 'women', '2025-01-01', '2025-01-01', 'a', 'a', 'd',"
            " 'c1', '2025-01-02', '2025-01-02', 30, 'support_talk,practical_support', 'bank',"
            " 'Följde med till banken', 'a', '')")
    assert migrate.current_revision(engine) == "0001"
    engine.dispose()

    s = vault.unlock(data_dir, PASSPHRASE)
    assert migrate.current_revision(s.engine) == migrate.head()
    with s.engine.connect() as conn:
        hits = conn.exec_driver_sql("SELECT rowid FROM diary_fts WHERE diary_fts MATCH 'banken'").fetchall()
        kinds = conn.exec_driver_sql("SELECT kind FROM diary_entry_kinds ORDER BY kind").fetchall()
    assert len(hits) == 1
    assert [k[0] for k in kinds] == ["practical_support", "support_talk"]
    backups = list((data_dir / "backups").glob("athena-*-migration.db"))
    assert len(backups) == 1 and not vault.plain_text_probe(backups[0])
    assert s.integrity_check() == []
    s.close()


def test_diary_from_newer_release_is_refused(store: vault.Store, data_dir: Path) -> None:
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    store.close()
    before = _snapshot(data_dir)
    with pytest.raises(DiaryTooNew) as err:
        vault.unlock(data_dir, PASSPHRASE)
    assert "newer" in str(err.value)
    after = _snapshot(data_dir)
    assert after["diary.db"] == before["diary.db"]


def test_change_feed_one_row_per_record_written(store: vault.Store) -> None:
    ident = Identity("Anna", store.device_id)
    with store.write(ident) as s:
        c = Client(name="Eva", name_key="eva")
        s.add(c)
        s.flush()
        c.phone = "070-123"  # same transaction: still one change
    with store.write(ident) as s:
        s.get(Client, c.id).city = "Stockholm"  # type: ignore[union-attr]
    with store.read(ident) as s:
        changes = s.scalars(select(Change).order_by(Change.seq)).all()
    assert [ch.op for ch in changes] == ["insert", "update"]
    assert changes[0].fields["phone"] == "070-123"
    assert changes[1].fields == {"city": "Stockholm"}
    assert changes[0].hlc < changes[1].hlc
    assert all(ch.device_id == store.device_id and ch.author == "Anna" for ch in changes)


def test_failed_transaction_writes_nothing(store: vault.Store) -> None:
    ident = Identity("Anna", store.device_id)
    with pytest.raises(RuntimeError), store.write(ident) as s:
        s.add(Client(name="Eva", name_key="eva"))
        s.flush()
        raise RuntimeError("boom")
    with store.read(ident) as s:
        assert s.scalar(select(func.count()).select_from(Client)) == 0
        assert s.scalar(select(func.count()).select_from(Change)) == 0


def test_files_are_private(store: vault.Store, data_dir: Path) -> None:
    assert oct(os.stat(data_dir / "diary.key").st_mode & 0o777) == "0o600"
