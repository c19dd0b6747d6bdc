"""Key material for teams: epoch keys, member key pairs, sealed boxes, and the invitation seal."""

from __future__ import annotations

import secrets

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from app.storage.keyfile import KdfParams
from app.sync.errors import Rejected

KEY_BYTES = 32
NONCE_BYTES = 12
_RAW = (Encoding.Raw, PublicFormat.Raw)


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def open_sealed(key: bytes, sealed: bytes, aad: bytes) -> bytes:
    if len(sealed) < NONCE_BYTES + 16:
        raise Rejected("A file on the share is truncated.")
    try:
        return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)
    except InvalidTag:
        raise Rejected("A file on the share failed its authenticity check (damaged or altered).") from None


def new_box_keys() -> tuple[bytes, bytes]:
    """An X25519 pair (private, public), raw bytes."""
    priv = X25519PrivateKey.generate()
    raw = priv.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return raw, priv.public_key().public_bytes(*_RAW)


def new_signing_keys() -> tuple[bytes, bytes]:
    """An Ed25519 pair (private, public), raw bytes."""
    priv = Ed25519PrivateKey.generate()
    raw = priv.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return raw, priv.public_key().public_bytes(*_RAW)


def _box_key(shared: bytes, eph_pub: bytes, recipient_pub: bytes) -> bytes:
    return HKDF(hashes.SHA256(), KEY_BYTES, salt=None,
                info=b"athena-sealed-box/1" + eph_pub + recipient_pub).derive(shared)


def box_seal(recipient_pub: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """Anonymous sealed box: ephemeral X25519 + HKDF-SHA256 + AES-256-GCM."""
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(*_RAW)
    shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient_pub))
    return eph_pub + seal(_box_key(shared, eph_pub, recipient_pub), plaintext, aad)


def box_open(private_raw: bytes, sealed: bytes, aad: bytes) -> bytes:
    if len(sealed) < 32 + NONCE_BYTES + 16:
        raise Rejected("A key file on the share is truncated.")
    priv = X25519PrivateKey.from_private_bytes(private_raw)
    eph_pub = sealed[:32]
    my_pub = priv.public_key().public_bytes(*_RAW)
    try:
        shared = priv.exchange(X25519PublicKey.from_public_bytes(eph_pub))
    except ValueError:
        raise Rejected("A key file on the share is damaged.") from None
    return open_sealed(_box_key(shared, eph_pub, my_pub), sealed[32:], aad)


def sign(signing_raw: bytes, data: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(signing_raw).sign(data)


def verify(verify_raw: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(verify_raw).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


# One-time invitation codes: 20 characters from an alphabet without look-alikes (~100 bits), read out in
# groups of four. The code is stretched with Argon2id before it seals the invitation.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 20


def new_invite_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i:i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def code_key(code: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(normalise_code(code).encode("ascii", "ignore"), salt, time_cost=params.time_cost,
                           memory_cost=params.memory_kib, parallelism=params.parallelism,
                           hash_len=KEY_BYTES, type=Type.ID)
