"""The driver-level executemany of bulk inserts stores exactly what SQLAlchemy's insert stores: the same rows,
the same values and the same SQLite storage classes, for every column type the records use."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.models import Case, Change, Client, Decision, DiaryEntry, Extension
from app.storage import changefeed, vault
from app.storage.changefeed import Identity, bulk_insert
from app.storage.keyfile import KdfParams
from tests.unit.conftest import PASSPHRASE


def _rows(n: int) -> dict[type, list[dict[str, Any]]]:
    out: dict[type, list[dict[str, Any]]] = {Client: [], Case: [], Decision: [], Extension: [], DiaryEntry: []}
    for i in range(n):
        cid, case, dec, ext, entry = (f"00000000-0000-7000-8000-{i:06d}{k:06d}" for k in range(1, 6))
        out[Client].append(dict(id=cid, compartment="women", name=f"Kvinna {i}", name_key=f"kvinna {i}",
                                personal_number=None if i % 2 else f"19800101-{i:04d}",
                                protected_identity="none", languages="sv", interpreter_needed=bool(i % 3),
                                phone="", email="", address="Gatan 1", postal_code="", city="", worker=""))
        out[Case].append(dict(id=case, compartment="women", client_id=cid, case_number=f"IMP-2024-{i:05d}",
                              referred_on=date(2024, 1, 1 + i % 28), first_contact_on=None,
                              closed_on=date(2024, 6, 1) if i % 4 == 0 else None, closing_reason=""))
        out[Decision].append(dict(id=dec, compartment="women", case_id=case, referring_unit="adults",
                                  district="Älvsjö", case_officer="", legal_basis="SoL",
                                  decided_on=date(2024, 1, 2), starts_on=date(2024, 1, 3),
                                  ends_on=date(2024, 4, 3)))
        if i % 3 == 0:
            out[Extension].append(dict(id=ext, compartment="women", decision_id=dec,
                                       granted_on=date(2024, 4, 1), months=3, new_ends_on=date(2024, 7, 3)))
        out[DiaryEntry].append(dict(id=entry, compartment="women", client_id=cid, case_id=case,
                                    event_on=date(2024, 1, 3), written_at=datetime(2024, 1, 3, 10, 0, 0, 123456),
                                    kinds="support_talk,court_support", activity="", text="Importerad",
                                    author_name="Anna", author_title="Kvinnostödjare",
                                    signed_at=datetime(2024, 1, 3, 10, 0, 1)))
    return out


def _table(store: vault.Store, name: str) -> list[tuple[Any, ...]]:
    with store.engine.connect() as conn:
        cols = [r[1] for r in conn.execute(text(f'PRAGMA table_info("{name}")'))]
        skip = {"created_at", "updated_at", "hlc", "at", "seq"}  # moments of writing and the clock
        picked = [c for c in cols if c not in skip]
        # a change row's fields hold the record's moment of writing: left out like the columns above
        sql = ", ".join((f"json_remove(\"{c}\", '$.created_at'), typeof(\"{c}\")" if c == "fields"
                         else f'"{c}", typeof("{c}")') for c in picked)
        rows = sorted(tuple(r) for r in conn.execute(text(f'SELECT {sql} FROM "{name}"')))
        conn.rollback()
    return rows


@pytest.mark.parametrize("n", [150])
def test_driver_executemany_stores_what_the_insert_stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          n: int) -> None:
    stores = {}
    for way, threshold in (("core", 10**9), ("driver", 1)):
        monkeypatch.setattr(changefeed, "BULK_ROWS", threshold)
        store = vault.create(tmp_path / way, PASSPHRASE, KdfParams.fast_for_tests())
        with store.write(Identity("Anna", store.device_id)) as s:
            for model, rows in _rows(n).items():
                bulk_insert(s, model, rows)
        stores[way] = store
    try:
        for model in (Client, Case, Decision, Extension, DiaryEntry, Change):
            name = model.__tablename__
            core, driver = _table(stores["core"], name), _table(stores["driver"], name)
            # the two diaries have different device ids
            core = [tuple(v for v in r if v != stores["core"].device_id) for r in core]
            driver = [tuple(v for v in r if v != stores["driver"].device_id) for r in driver]
            assert core == driver, name
            assert len(core) >= n // 3
    finally:
        for store in stores.values():
            store.close()
