"""Names and contents of the files on the share: segments, snapshots, member cards, epoch-key files.

Share layout (every name is opaque: random team and member ids, numbers)::

    <root>/<team id>/d-<member id>/s-<seq:010d>.seg     segment (sealed container, kind S)
                                  /p-<seq:010d>-<part:04d>of<parts:04d>.snp
                                                        snapshot at that member's seq, in parts (kind P)
                                  /c-<epoch:04d>.crd    member card for a key epoch (kind C)
                                  /k-<epoch:04d>.key    new epoch key wrapped for members (signed)
                                  /.tmp-<random>        a file being written; readers ignore it
"""

from __future__ import annotations

import base64
import json
import re
import struct
from typing import Any

from app.sync import container
from app.sync.crypto import sign, verify
from app.sync.errors import Rejected

SEG_RE = re.compile(r"^s-(\d{10})\.seg$")
SNAP_RE = re.compile(r"^p-(\d{10})-(\d{4})of(\d{4})\.snp$")
CARD_RE = re.compile(r"^c-(\d{4})\.crd$")
KEY_RE = re.compile(r"^k-(\d{4})\.key$")
HLC_RE = re.compile(r"^\d{13}-\d{5}-[0-9A-Za-z-]{1,40}$")
MAX_WRITES = 200_000


def seg_name(seq: int) -> str:
    return f"s-{seq:010d}.seg"


def snap_name(seq: int, part: int, parts: int) -> str:
    return f"p-{seq:010d}-{part:04d}of{parts:04d}.snp"


def snapshots(names: list[str]) -> dict[int, list[str]]:
    """Complete snapshots in a listing: seq -> part names in order (a snapshot missing a part is skipped)."""
    found: dict[int, dict[int, tuple[int, str]]] = {}
    for n in names:
        m = SNAP_RE.match(n)
        if m:
            found.setdefault(int(m.group(1)), {})[int(m.group(2))] = (int(m.group(3)), n)
    out: dict[int, list[str]] = {}
    for seq, parts in found.items():
        total = {t for t, _ in parts.values()}
        if len(total) == 1 and sorted(parts) == list(range(1, next(iter(total)) + 1)):
            out[seq] = [parts[i][1] for i in sorted(parts)]
    return out


def card_name(epoch: int) -> str:
    return f"c-{epoch:04d}.crd"


def key_name(epoch: int) -> str:
    return f"k-{epoch:04d}.key"


def member_folder(member_id: str) -> str:
    return f"d-{member_id}"


def folder_member(name: str) -> str | None:
    return name[2:] if name.startswith("d-") and re.fullmatch(r"[0-9a-f]{16}", name[2:]) else None


def numbered(names: list[str], pattern: re.Pattern[str]) -> dict[int, str]:
    out: dict[int, str] = {}
    for n in names:
        m = pattern.match(n)
        if m:
            out[int(m.group(1))] = n
    return out


def check_header(header: dict[str, Any], kind: str, got: str, team_id: str, member: str, seq: int,
                 seq_field: str = "seq") -> None:
    if got != kind:
        raise Rejected("A file on the share has the wrong kind for its name.")
    if container.header_str(header, "team") != team_id:
        raise Rejected("A file from another team was found in this team's folder.")
    if container.header_str(header, "member") != member:
        raise Rejected("A file was moved into another laptop's folder.")
    if container.header_int(header, seq_field) != seq:
        raise Rejected("A file on the share was renamed or replayed under another number.")


def open_segment(data: bytes, team_id: str, member: str, seq: int,
                 keys: dict[int, bytes]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A verified segment's header and writes. Raises Rejected with a clear message."""
    def key_for(h: dict[str, Any]) -> bytes:
        check_header(h, "segment", kind, team_id, member, seq)
        epoch = container.header_int(h, "epoch")
        if epoch not in keys:
            raise Rejected("A file on the share is sealed with a team key this laptop does not have.")
        return keys[epoch]

    kind = container.read_header(data)[0]
    sealed = container.decode(data, key_for)
    writes = sealed.payload
    if not isinstance(writes, list) or len(writes) > MAX_WRITES:
        raise Rejected("A file on the share has damaged content.")
    for w in writes:
        validate_write(w)
    deps = sealed.header.get("deps", {})
    if not isinstance(deps, dict) or not all(isinstance(v, int) for v in deps.values()):
        raise Rejected("A file on the share has a damaged header.")
    return sealed.header, writes


def validate_write(w: object) -> None:
    ok = (isinstance(w, dict) and isinstance(w.get("h"), str) and HLC_RE.match(w["h"]) is not None
          and isinstance(w.get("e"), str) and isinstance(w.get("i"), str) and w.get("o") in ("u", "d", "p")
          and isinstance(w.get("c"), str) and isinstance(w.get("f", {}), dict)
          and isinstance(w.get("b", {}), dict) and isinstance(w.get("db", []), list)
          and isinstance(w.get("kd", []), list))
    if not ok:
        raise Rejected("A file on the share has damaged content.")


def open_container(data: bytes, kind: str, team_id: str, member: str, number: int, number_field: str,
                   keys: dict[int, bytes]) -> container.Sealed:
    def key_for(h: dict[str, Any]) -> bytes:
        check_header(h, kind, got, team_id, member, number, number_field)
        epoch = container.header_int(h, "epoch")
        if epoch not in keys:
            raise Rejected("A file on the share is sealed with a team key this laptop does not have.")
        return keys[epoch]

    got = container.read_header(data)[0]
    return container.decode(data, key_for)


# --- epoch-key files: signed, not sealed (the readers do not have the new key yet) -----------------------
KEY_MAGIC = b"ATHENA-KEY"
_KEY_PREFIX = struct.Struct(">10sBI")


def encode_key_file(body: dict[str, Any], signing_key: bytes) -> bytes:
    raw = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    prefix = _KEY_PREFIX.pack(KEY_MAGIC, 1, len(raw)) + raw
    return prefix + sign(signing_key, prefix)


def decode_key_file(data: bytes) -> tuple[dict[str, Any], bytes, bytes]:
    """Body, signed bytes and signature (verify against the author's key before trusting the body)."""
    if len(data) < _KEY_PREFIX.size + 64:
        raise Rejected("A key file on the share is truncated.")
    magic, version, n = _KEY_PREFIX.unpack_from(data)
    if magic != KEY_MAGIC:
        raise Rejected("A file on the share is not an Athena sync file.")
    if version != 1:
        raise Rejected("A file on the share was written by a newer Athena (format {version}); update Athena.",
                       version=int(version))
    if _KEY_PREFIX.size + n + 64 != len(data):
        raise Rejected("A key file on the share is truncated.")
    signed = data[:_KEY_PREFIX.size + n]
    try:
        body = json.loads(data[_KEY_PREFIX.size:_KEY_PREFIX.size + n])
    except ValueError:
        raise Rejected("A key file on the share is damaged.") from None
    if not isinstance(body, dict):
        raise Rejected("A key file on the share is damaged.")
    return body, signed, data[len(signed):]


def key_file_valid(data_signed: bytes, signature: bytes, verify_key: bytes) -> bool:
    return verify(verify_key, signature, data_signed)


def b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def unb64(s: object) -> bytes:
    if not isinstance(s, str):
        raise Rejected("A file on the share has damaged content.")
    try:
        return base64.b64decode(s.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise Rejected("A file on the share has damaged content.") from None
