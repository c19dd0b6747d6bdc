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
