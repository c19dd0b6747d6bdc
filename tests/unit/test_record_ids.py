"""A record's id is a version-7 UUID: made one after another, ids sort in the order they were made, so new
records are added at the end of a big diary's id indexes (a pull of the team's new records, an import, her day's
entries) instead of changing pages all over them. The diary's and the device's ids stay random."""

from __future__ import annotations

import uuid
from pathlib import Path

from app.services.clients import clients
from app.services.clients.clients import ClientInput
from app.services.context import Worker, open_diary, save_worker
from app.storage import vault
from app.storage.keyfile import KdfParams

from .conftest import PASSPHRASE


def test_records_get_ordered_ids_and_the_diary_random_ones(data_dir: Path) -> None:
    store = vault.create(data_dir, PASSPHRASE, KdfParams.fast_for_tests())
    try:
        save_worker(store, Worker("Anna Andersson"))
        diary = open_diary(store)
        ids = [clients.create_client(diary, ClientInput(name=f"Klient {k}")).id for k in range(50)]
        assert all(uuid.UUID(i).version == 7 for i in ids)
        assert ids == sorted(ids) and len(set(ids)) == len(ids)
        assert uuid.UUID(store.device_id).version == 4
        assert uuid.UUID(store.diary_id).version == 4
    finally:
        store.close()
