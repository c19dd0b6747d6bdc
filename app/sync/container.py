"""The sealed and signed container every sync file uses (segments, snapshots, member cards, acknowledgements).

Layout, protocol 2 (all integers big-endian)::

    magic      10 bytes  b"ATHENA-SYN"
    version     1 byte   2
    kind        1 byte   b"S" segment, b"P" snapshot, b"C" member card, b"A" acknowledgement
    hlen        4 bytes  length of the header
    header   hlen bytes  UTF-8 JSON object, keys sorted; "body" = byte length of nonce + sealed
    nonce      12 bytes
    sealed    body-12    AES-256-GCM(epoch key, zlib(payload JSON), aad = every byte before the nonce)
    signature  64 bytes  Ed25519 by the writing member over SIG_CONTEXT + every byte before the signature

The header is readable without a key (team, epoch, member, number) but bound to the content as associated
data and by the signature, whose key belongs to the member named in the header — which must be the member
whose folder holds the file. So a file moved to another folder or name, or written by another member under
someone else's name, fails the checks.
"""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.sync.crypto import NONCE_BYTES, open_sealed, seal, sign, verify
from app.sync.errors import Rejected

MAGIC = b"ATHENA-SYN"
VERSION = 2
KINDS = {b"S": "segment", b"P": "snapshot", b"C": "card", b"A": "ack"}
MAX_HEADER = 64 * 1024
TAG_BYTES = 16
SIG_BYTES = 64
SIG_CONTEXT = b"athena-sync/2\x00"
MAX_PLAIN = 256 * 1024 * 1024  # a decompressed payload above this is refused (zip bombs)
_PREFIX = struct.Struct(">10sBcI")


@dataclass(frozen=True)
class Sealed:
    kind: str
    header: dict[str, Any]
    payload: Any


@dataclass(frozen=True)
class Keys:
    """What a reader needs for one file: the epoch key, and the writer's Ed25519 verify key (None: the
    caller verifies later with a key found inside, as for a member's own card)."""

    epoch_key: bytes
    verify_key: bytes | None


def encode(kind: str, header: dict[str, Any], payload: object, key: bytes, signing_key: bytes,
           level: int = 6) -> bytes:
    code = next(k for k, v in KINDS.items() if v == kind)
    body = zlib.compress(json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode(), level)
    header = {**header, "body": NONCE_BYTES + len(body) + TAG_BYTES}
    hbytes = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    prefix = _PREFIX.pack(MAGIC, VERSION, code, len(hbytes)) + hbytes
    unsigned = prefix + seal(key, body, prefix)
    return unsigned + sign(signing_key, SIG_CONTEXT + unsigned)


def read_header(data: bytes) -> tuple[str, dict[str, Any], bytes, bytes]:
    """Kind, header, associated data and the sealed rest (signature stripped). Raises Rejected."""
    if len(data) == 0:
        raise Rejected("An empty file was found on the share.")
    if len(data) < _PREFIX.size:
        raise Rejected("A file on the share is truncated.")
    magic, version, code, hlen = _PREFIX.unpack_from(data)
    if magic != MAGIC:
        raise Rejected("A file on the share is not an Athena sync file.")
    if version == 1:
        raise Rejected("A file on the share was written by an older Athena (sync format 1), which did not "
                       "sign its files; this team needs a new team folder (see the sync guide).")
    if version != VERSION:
        raise Rejected("A file on the share was written by a newer Athena (format {version}); update Athena.",
                       version=int(version))
    if code not in KINDS:
        raise Rejected("A file on the share has an unknown kind.")
    if hlen > MAX_HEADER or _PREFIX.size + hlen > len(data):
        raise Rejected("A file on the share is truncated.")
    raw = data[_PREFIX.size:_PREFIX.size + hlen]
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise Rejected("A file on the share has a damaged header.") from None
    if not isinstance(header, dict):
        raise Rejected("A file on the share has a damaged header.")
    rest = data[_PREFIX.size + hlen:]
    body = header_int(header, "body")
    if len(rest) < body + SIG_BYTES:
        raise Rejected("A file on the share is truncated.")
    if len(rest) > body + SIG_BYTES:
        raise Rejected("A file on the share has extra bytes (damaged).")
    return KINDS[code], header, data[:_PREFIX.size + hlen], rest[:body]


def signature_valid(data: bytes, verify_key: bytes) -> bool:
    return len(data) > SIG_BYTES and verify(verify_key, data[-SIG_BYTES:], SIG_CONTEXT + data[:-SIG_BYTES])


def decode(data: bytes, keys_for: Callable[[str, dict[str, Any]], Keys]) -> Sealed:
    """Check, verify and open a container; ``keys_for(kind, header)`` checks the header against the file's
    name and folder and returns the keys, or raises Rejected."""
    kind, header, aad, sealed = read_header(data)
    keys = keys_for(kind, header)
    if keys.verify_key is not None and not signature_valid(data, keys.verify_key):
        raise Rejected("A file on the share is not signed by the member whose folder holds it (forged, "
                       "altered or moved).")
    plain = open_sealed(keys.epoch_key, sealed, aad)
    try:
        payload = json.loads(inflate(plain))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise Rejected("A file on the share has damaged content.") from None
    return Sealed(kind, header, payload)


def verify_header(data: bytes, keys_for: Callable[[str, dict[str, Any]], Keys]) -> dict[str, Any]:
    """The checked and signature-verified header, without opening the payload (cheap: for choosing among
    snapshots by their ``deps``; the payload's own checks run when it is read)."""
    kind, header, _, _ = read_header(data)
    keys = keys_for(kind, header)
    if keys.verify_key is None or not signature_valid(data, keys.verify_key):
        raise Rejected("A file on the share is not signed by the member whose folder holds it (forged, "
                       "altered or moved).")
    return header


def inflate(data: bytes, limit: int | None = None) -> bytes:
    limit = MAX_PLAIN if limit is None else limit
    d = zlib.decompressobj()
    try:
        out = d.decompress(data, limit)
    except zlib.error:
        raise Rejected("A file on the share is damaged (bad compression).") from None
    if d.unconsumed_tail or not d.eof:
        raise Rejected("A file on the share is damaged or too large when unpacked.")
    return out


def header_int(header: dict[str, Any], name: str) -> int:
    v = header.get(name)
    if not isinstance(v, int) or isinstance(v, bool) or v < 0:
        raise Rejected("A file on the share has a damaged header.")
    return v


def header_str(header: dict[str, Any], name: str) -> str:
    v = header.get(name)
    if not isinstance(v, str) or not v or len(v) > 64:
        raise Rejected("A file on the share has a damaged header.")
    return v
