from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.storage import vault
from app.storage.keyfile import KdfParams

PASSPHRASE = "korrekt häst batteri häftklammer"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "diary"


@pytest.fixture
def store(data_dir: Path) -> Iterator[vault.Store]:
    s = vault.create(data_dir, PASSPHRASE, KdfParams.fast_for_tests())
    yield s
    s.close()


TODAY = __import__("datetime").date(2026, 3, 15)


@pytest.fixture
def diary(store: vault.Store):  # type: ignore[no-untyped-def]
    from app.services.context import Diary, Worker

    return Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=TODAY)


@pytest.fixture
def men_diary(store: vault.Store):  # type: ignore[no-untyped-def]
    from app.services.context import Diary, Worker

    return Diary(store, Worker("Per Persson", "Mansstödjare", frozenset({"men"})), today_override=TODAY)
