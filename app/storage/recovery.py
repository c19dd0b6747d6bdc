"""A sealed recovery copy of the database key for the municipality's data-protection officer.

The officer holds an X25519 key pair; only the public key ever reaches a laptop. Sealing stores, in the key
file, the database key encrypted to that public key (ephemeral X25519 → HKDF-SHA256 → AES-256-GCM). When a
worker has forgotten her passphrase, the officer's private key opens the seal and a new passphrase is set —
the diary itself is never decrypted outside Athena.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.errors import StorageError
from app.storage import keyfile, layout
from app.storage.keyfile import KdfParams, KeyFile

ALG = "x25519-hkdf-sha256-aes256gcm"
INFO = b"athena recovery seal v1"


def generate_officer_keys(passphrase: str) -> tuple[bytes, bytes]:
    """(private PEM encrypted with ``passphrase``, public PEM)."""
    priv = X25519PrivateKey.generate()
    priv_pem = priv.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.BestAvailableEncryption(passphrase.encode("utf-8")))
    pub_pem = priv.public_key().public_bytes(serialization.Encoding.PEM,
                                             serialization.PublicFormat.SubjectPublicKeyInfo)
    return priv_pem, pub_pem


def fingerprint(pub: X25519PublicKey) -> str:
    raw = pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:32]


def _kek(shared: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=INFO).derive(shared)


def seal(db_key: bytes, pub: X25519PublicKey, diary_id: str) -> dict[str, str]:
    """The recovery record for the key file. It keeps the officer's public key so a rekey can re-seal."""
    eph = X25519PrivateKey.generate()
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    raw = {
        "ephemeral": eph.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw),
        "officer_public": pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw),
        "salt": salt, "nonce": nonce,
        "sealed": AESGCM(_kek(eph.exchange(pub), salt)).encrypt(nonce, db_key, diary_id.encode()),
    }
    return {"alg": ALG, "officer": fingerprint(pub), **{k: base64.b64encode(v).decode() for k, v in raw.items()}}


def reseal(record: dict[str, str] | None, db_key: bytes, diary_id: str) -> dict[str, str] | None:
    """After a rekey: the same officer, the new database key."""
    if not record or record.get("alg") != ALG or "officer_public" not in record:
        return None
    pub = X25519PublicKey.from_public_bytes(base64.b64decode(record["officer_public"]))
    return seal(db_key, pub, diary_id)


def seal_for_officer(data_dir: Path, passphrase: str, officer_public_pem: bytes) -> str:
    """Store a recovery seal in the key file; returns the officer key's fingerprint."""
    try:
        pub = serialization.load_pem_public_key(officer_public_pem)
    except ValueError:
        raise StorageError("The officer's public key cannot be read.") from None
    if not isinstance(pub, X25519PublicKey):
        raise StorageError("The officer's public key is of the wrong kind.")
    kf, db_key = keyfile.unwrap_folder(data_dir, passphrase)
    kf.recovery = seal(db_key, pub, kf.diary_id)
    kf.save(layout.key_path(Path(data_dir)))
    return fingerprint(pub)


def reset_passphrase(data_dir: Path, officer_private_pem: bytes, officer_passphrase: str, new_passphrase: str,
                     params: KdfParams | None = None) -> None:
    """Open the seal with the officer's private key and set a new passphrase for the worker."""
    path = layout.key_path(Path(data_dir))
    kf = KeyFile.load(path)
    rec = kf.recovery
    if not rec or rec.get("alg") != ALG:
        raise StorageError("This diary has no recovery seal.")
    try:
        priv = serialization.load_pem_private_key(officer_private_pem, officer_passphrase.encode("utf-8"))
    except (ValueError, TypeError):
        raise StorageError("The officer's private key cannot be opened with that passphrase.") from None
    if not isinstance(priv, X25519PrivateKey) or fingerprint(priv.public_key()) != rec.get("officer"):
        raise StorageError("This recovery seal was made for another officer key.")
    raw = {k: base64.b64decode(rec[k]) for k in ("ephemeral", "salt", "nonce", "sealed")}
    shared = priv.exchange(X25519PublicKey.from_public_bytes(raw["ephemeral"]))
    try:
        db_key = AESGCM(_kek(shared, raw["salt"])).decrypt(raw["nonce"], raw["sealed"], kf.diary_id.encode())
    except InvalidTag:
        raise StorageError("The recovery seal is damaged.") from None
    kf.main = keyfile.wrap_with_passphrase(db_key, new_passphrase, params or kf.main.params)
    kf.save(path)
