"""Migration 1800: change rows received before keep the names of their fields, not their values; local rows
(what sync ships) keep their values."""

from __future__ import annotations

import json
from pathlib import Path

from alembic import command
from sqlalchemy import text

from app.services.audit import trail
from app.services.clients import clients
from app.services.clients.clients import ClientInput
from app.services.context import Worker, open_diary, save_worker
from app.storage import migrate, vault
from app.storage.engine import WRITE_OPTION
from app.storage.keyfile import KdfParams

from .conftest import PASSPHRASE

_INSERT = ("INSERT INTO changes (hlc, entity, entity_id, op, fields, compartment, client_id, author, device_id, "
           "origin, at) VALUES (:h, 'clients', :i, 'update', :f, 'women', :i, 'Berit', 'dev-b', 'remote', "
           "'2026-03-01 10:00:00.000000')")


def _to(store: vault.Store, revision: str, down: bool) -> None:
    cfg = migrate.config()
    with store.engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


def test_old_received_rows_keep_names_only(data_dir: Path) -> None:
    store = vault.create(data_dir, PASSPHRASE, KdfParams.fast_for_tests())
    try:
        save_worker(store, Worker("Anna Andersson"))
        diary = open_diary(store)
        mine = clients.create_client(diary, ClientInput(name="Åsa Lind", address="Hemliga gatan 7")).id
        _to(store, "1700", down=True)
        received = {"1": {"phone": "070-123 45 67", "address": "Skyddade vägen 3", "name": "Åsa Ödman"},
                    "2": {}, "3": "not an object", "4": ["phone"]}
        with store.engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
            for k, fields in received.items():
                conn.execute(text(_INSERT), {"h": f"1772000000000-0000{k}-dev-b", "i": f"c-{k}",
                                             "f": json.dumps(fields)})
            conn.execute(text(_INSERT), {"h": "1772000000000-00005-dev-b", "i": "c-5", "f": "{broken"})
        _to(store, "head", down=False)
        with store.engine.connect() as conn:
            got = dict(conn.execute(text("SELECT entity_id, fields FROM changes WHERE origin = 'remote'")).all())
            local = conn.execute(text("SELECT fields FROM changes WHERE origin = 'local' AND entity_id = :i"),
                                 {"i": mine}).scalar_one()
        assert got == {"c-1": '["address","name","phone"]', "c-2": "[]", "c-3": '"not an object"',
                       "c-4": '["phone"]', "c-5": "{broken"}
        assert json.loads(local)["address"] == "Hemliga gatan 7"  # what sync ships: kept
        with store.engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:  # (the odd rows' test done)
            conn.execute(text("DELETE FROM changes WHERE entity_id IN ('c-3', 'c-5')"))
        entries = {e.entity_id: e.fields for e in trail(open_diary(store)) if e.entity_id == "c-1"}
        assert entries == {"c-1": ["address", "name", "phone"]}
        assert store.integrity_check() == []
    finally:
        store.close()
