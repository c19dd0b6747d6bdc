from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import StorageError, WrongPassphrase
from app.storage import recovery, vault
from app.storage.keyfile import KdfParams

from .conftest import PASSPHRASE


def test_officer_can_reset_a_forgotten_passphrase(store: vault.Store, data_dir: Path) -> None:
    store.close()
    priv, pub = recovery.generate_officer_keys("dso lösenord")
    fp = recovery.seal_for_officer(data_dir, PASSPHRASE, pub)
    assert len(fp) == 32
    db_before = (data_dir / "diary.db").read_bytes()
    recovery.reset_passphrase(data_dir, priv, "dso lösenord", "helt nytt minnesvärt lösenord",
                              KdfParams.fast_for_tests())
    assert (data_dir / "diary.db").read_bytes() == db_before
    with pytest.raises(WrongPassphrase):
        vault.unlock(data_dir, PASSPHRASE)
    vault.unlock(data_dir, "helt nytt minnesvärt lösenord").close()


def test_wrong_officer_key_or_passphrase_is_refused(store: vault.Store, data_dir: Path) -> None:
    store.close()
    _, pub = recovery.generate_officer_keys("a")
    other_priv, _ = recovery.generate_officer_keys("b")
    recovery.seal_for_officer(data_dir, PASSPHRASE, pub)
    with pytest.raises(StorageError, match="another officer"):
        recovery.reset_passphrase(data_dir, other_priv, "b", "nytt")
    with pytest.raises(StorageError, match="cannot be opened"):
        recovery.reset_passphrase(data_dir, other_priv, "fel", "nytt")
    with pytest.raises(StorageError):
        recovery.seal_for_officer(data_dir, PASSPHRASE, b"not a key")
    vault.unlock(data_dir, PASSPHRASE).close()


def test_rekey_reseals_for_the_same_officer(store: vault.Store, data_dir: Path) -> None:
    priv, pub = recovery.generate_officer_keys("dso")
    recovery.seal_for_officer(data_dir, PASSPHRASE, pub)
    vault.rekey(store, PASSPHRASE).close()
    recovery.reset_passphrase(data_dir, priv, "dso", "ett annat långt lösenord", KdfParams.fast_for_tests())
    s = vault.unlock(data_dir, "ett annat långt lösenord")
    assert s.integrity_check() == []
    s.close()
