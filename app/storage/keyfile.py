"""The key file beside the diary: the database key wrapped by a key derived from the passphrase.

The database key is 32 random bytes. It is sealed with AES-256-GCM under a key-encryption key (KEK) derived
from the passphrase with Argon2id. Changing the passphrase re-wraps the same database key; a full rekey
replaces it (see ``vault.rekey``), with a ``pending`` slot so that a crash half-way never locks the
worker out.
The file holds no client data and nothing that helps guess the passphrase besides the salt and KDF cost.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.errors import StorageError, WrongPassphrase
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
    def from_env(cls) -> KdfParams:
        # Test suites and benchmarks may lower the cost; never set this on a worker's laptop.
        return cls.fast_for_tests() if os.environ.get("ATHENA_TEST_FAST_KDF") == "1" else cls()


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
        write_private(path, json.dumps(self.to_json(), indent=1).encode("utf-8"))
