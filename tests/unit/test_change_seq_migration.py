"""Migration 1700: a change row's number is never given twice, also for a diary that already lost its newest
rows to a purge before the upgrade — its counter starts above every number read as done."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import func, select, text

from app.models import Change
from app.services.clients import clients
from app.services.clients.clients import ClientInput
from app.services.context import Worker, open_diary, save_worker
from app.storage import migrate, vault
from app.storage.engine import WRITE_OPTION
from app.storage.keyfile import KdfParams

from .conftest import PASSPHRASE


def _to(store: vault.Store, revision: str, down: bool) -> None:
    cfg = migrate.config()
    with store.engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


def _max_seq(store: vault.Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.max(Change.seq))).scalar() or 0)


def test_numbers_are_never_reused_and_start_above_the_marks(data_dir: Path) -> None:
    store = vault.create(data_dir, PASSPHRASE, KdfParams.fast_for_tests())
    try:
        save_worker(store, Worker("Anna Andersson"))
        diary = open_diary(store)
        for k in range(5):
            clients.create_client(diary, ClientInput(name=f"Klient {k}"))
        _to(store, "1600", down=True)
        with store.engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
            rows = int(conn.execute(text("SELECT count(*) FROM changes")).scalar() or 0)
            top = int(conn.execute(text("SELECT max(seq) FROM changes")).scalar() or 0)
            # As a purge of the newest records did: their rows gone, the scrub's mark at the old top.
            conn.execute(text("DELETE FROM changes WHERE seq > :s"), {"s": top - 2})
            conn.execute(text("INSERT OR REPLACE INTO settings (key, value) VALUES ('retention.scrubbed_seq', :v)"),
                         {"v": str(top)})
        assert _max_seq(store) == top - 2
        _to(store, "head", down=False)
        assert migrate.current_revision(store.engine) == migrate.head()
        with store.engine.connect() as conn:
            assert int(conn.execute(text("SELECT count(*) FROM changes")).scalar() or 0) == rows - 2
            ddl = str(conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'changes'")).scalar())
            assert "AUTOINCREMENT" in ddl
            names = {r[0] for r in conn.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'changes'"))}
            assert {"ix_changes_at", "ix_changes_client_id", "ix_changes_entity_id"} <= names
            assert "ix_changes_hlc" not in names  # (dropped by migration 1900)
        clients.create_client(open_diary(store), ClientInput(name="Efter uppgraderingen"))
        assert _max_seq(store) == top + 1  # above the mark: the scrub (and sync) read it as new

        # And after the newest rows are deleted again, the next number is still above them.
        before = _max_seq(store)
        with store.engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
            conn.execute(text("DELETE FROM changes WHERE seq = :s"), {"s": before})
        clients.create_client(open_diary(store), ClientInput(name="Ännu en"))
        assert _max_seq(store) == before + 1
        assert store.integrity_check() == []
    finally:
        store.close()
