"""The key file beside the diary: the database key wrapped by a key derived from the passphrase.

The database key is 32 random bytes. It is sealed with AES-256-GCM under a key-encryption key (KEK) derived
from the passphrase with Argon2id. Changing the passphrase re-wraps the same database key; a full rekey
replaces it (see ``rekeying.rekey_files``), with a ``pending`` slot so that a crash half-way never locks the
worker out.
The file holds no client data and nothing that helps guess the passphrase besides the salt and KDF cost.
"""

from __future__ import annotations

import base64
import json
import secrets
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.errors import DiaryDamaged, DiaryMissing, StorageError, WrongPassphrase
from app.storage import layout
from app.storage.private_files import write_private

FORMAT = "athena-keyfile"
VERSION = 1
KEY_BYTES = 32


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The default takes ~0.3 s and 64 MiB on a plain laptop."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2

    @classmethod
    def fast_for_tests(cls) -> KdfParams:
        return cls(time_cost=1, memory_kib=8 * 1024, parallelism=1)

    @classmethod
    def default(cls) -> KdfParams:
        """The cost for a new diary or key. Only the test suite can lower it, by calling
        ``lower_cost_for_this_test_process`` (no environment variable or setting is read)."""
        return _test_override or cls()


_test_override: KdfParams | None = None


def lower_cost_for_this_test_process() -> None:
    """Make new keys cheap to derive in this process. Called by ``tests/conftest.py`` and the test-only
    launcher ``tests/athena_fast.py``; refused in a bundled (frozen) Athena."""
    global _test_override
    if getattr(sys, "frozen", False):
        raise RuntimeError("the test key-derivation cost cannot be used in an installed Athena")
    _test_override = KdfParams.fast_for_tests()


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _unb64(s: str) -> bytes:
    return base64.b64decode(s.encode("ascii"), validate=True)


def derive_kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


@dataclass
class WrappedKey:
    """One passphrase slot: the database key sealed under a KEK."""

    salt: bytes
    params: KdfParams
    nonce: bytes
    sealed: bytes

    def to_json(self) -> dict[str, Any]:
        return {
            "kdf": "argon2id",
            "time_cost": self.params.time_cost,
            "memory_kib": self.params.memory_kib,
            "parallelism": self.params.parallelism,
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "sealed": _b64(self.sealed),
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> WrappedKey:
        if d.get("kdf") != "argon2id":
            raise StorageError("The key file uses an unknown key derivation.")
        return cls(
            salt=_unb64(d["salt"]),
            params=KdfParams(int(d["time_cost"]), int(d["memory_kib"]), int(d["parallelism"])),
            nonce=_unb64(d["nonce"]),
            sealed=_unb64(d["sealed"]),
        )


_AAD = f"{FORMAT}/{VERSION}".encode()


def wrap(db_key: bytes, kek: bytes, salt: bytes, params: KdfParams) -> WrappedKey:
    nonce = secrets.token_bytes(12)
    return WrappedKey(salt, params, nonce, AESGCM(kek).encrypt(nonce, db_key, _AAD))


def wrap_with_passphrase(db_key: bytes, passphrase: str, params: KdfParams) -> WrappedKey:
    salt = secrets.token_bytes(16)
    return wrap(db_key, derive_kek(passphrase, salt, params), salt, params)


def unwrap(slot: WrappedKey, kek: bytes) -> bytes:
    try:
        return AESGCM(kek).decrypt(slot.nonce, slot.sealed, _AAD)
    except InvalidTag:
        raise WrongPassphrase("Wrong passphrase.") from None


@dataclass
class KeyFile:
    diary_id: str
    main: WrappedKey
    pending: WrappedKey | None = None  # set only during a full rekey
    recovery: dict[str, Any] | None = field(default=None)  # sealed copy for the data-protection officer

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"format": FORMAT, "version": VERSION, "diary_id": self.diary_id,
                             "main": self.main.to_json()}
        if self.pending is not None:
            d["pending"] = self.pending.to_json()
        if self.recovery is not None:
            d["recovery"] = self.recovery
        return d

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            d = json.loads(path.read_text(encoding="utf-8"))
            if d.get("format") != FORMAT:
                raise ValueError("format")
            if int(d.get("version", 0)) > VERSION:
                raise StorageError("The key file was made by a newer version of Athena.")
            return cls(
                diary_id=str(d["diary_id"]),
                main=WrappedKey.from_json(d["main"]),
                pending=WrappedKey.from_json(d["pending"]) if d.get("pending") else None,
                recovery=d.get("recovery"),
            )
        except StorageError:
            raise
        except (OSError, ValueError, KeyError, TypeError):
            raise StorageError("The key file is missing or damaged.") from None

    def save(self, path: Path) -> None:
        try:
            write_private(path, json.dumps(self.to_json(), indent=1).encode("utf-8"))
        except StorageError:
            if layout.free_bytes(path.parent) < 64 * 1024:
                raise layout.disk_full("the key file") from None
            raise


def unwrap_folder(data_dir: Path, passphrase: str) -> tuple[KeyFile, bytes]:
    """Check the passphrase against a diary folder's key file (the slow step). Touches nothing on disk."""
    data_dir = Path(data_dir)
    if not layout.diary_exists(data_dir):
        raise DiaryMissing("No diary was found in this folder.")
    if not layout.key_path(data_dir).exists():
        raise DiaryDamaged("The diary is damaged: its key file (diary.key) is missing. " + layout.RESTORE_HINT)
    kf = KeyFile.load(layout.key_path(data_dir))
    return kf, unwrap(kf.main, derive_kek(passphrase, kf.main.salt, kf.main.params))
