"""Names and contents of the files on the share: segments, snapshots, member cards, epoch-key files.

Share layout (every name is opaque: random team and member ids, numbers)::

    <root>/<team id>/d-<member id>/s-<seq:010d>.seg     segment (sealed container, kind S)
                                  /p-<seq:010d>-<part:04d>of<parts:04d>.snp
                                                        snapshot at that member's seq, in parts (kind P)
                                  /c-<epoch:04d>.crd    member card for a key epoch (kind C)
                                  /k-<epoch:04d>.key    new epoch key wrapped for members (signed)
                                  /a-<n:010d>.ack       acknowledgement: how far it applied everyone (kind A)
                                  /.tmp-<random>        a file being written; readers ignore it
                                  /quarantine-...       a foreign or damaged file moved aside; readers ignore it

Every file is signed by the member whose folder holds it (``container``); readers verify before trusting it.
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
ACK_RE = re.compile(r"^a-(\d{10})\.ack$")
QUARANTINE_PREFIX = "quarantine-"
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


def ack_name(number: int) -> str:
    return f"a-{number:010d}.ack"


def is_protocol_name(name: str) -> bool:
    return any(p.match(name) for p in (SEG_RE, SNAP_RE, CARD_RE, KEY_RE, ACK_RE))


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


UNKNOWN_MEMBER = "A file on the share comes from a laptop this laptop does not know as a team member."


def open_container(data: bytes, kind: str, team_id: str, member: str, number: int, number_field: str,
                   keys: dict[int, bytes], verify_key: bytes | None,
                   self_signed: bool = False) -> container.Sealed:
    """A verified container: header bound to its name and folder, signed by ``member`` (``verify_key``).
    ``self_signed`` (member cards only): the caller checks the signature with the key inside."""
    def keys_for(got: str, h: dict[str, Any]) -> container.Keys:
        check_header(h, kind, got, team_id, member, number, number_field)
        if verify_key is None and not self_signed:
            raise Rejected(UNKNOWN_MEMBER)
        epoch = container.header_int(h, "epoch")
        if epoch not in keys:
            raise Rejected("A file on the share is sealed with a team key this laptop does not have.")
        return container.Keys(keys[epoch], verify_key)

    return container.decode(data, keys_for)


def verified_header(data: bytes, kind: str, team_id: str, member: str, number: int, number_field: str,
                    keys: dict[int, bytes], verify_key: bytes | None) -> dict[str, Any]:
    """A file's header, checked against its name and folder and verified with the writer's key."""
    def keys_for(got: str, h: dict[str, Any]) -> container.Keys:
        check_header(h, kind, got, team_id, member, number, number_field)
        if verify_key is None:
            raise Rejected(UNKNOWN_MEMBER)
        epoch = container.header_int(h, "epoch")
        if epoch not in keys:
            raise Rejected("A file on the share is sealed with a team key this laptop does not have.")
        return container.Keys(keys[epoch], verify_key)

    return container.verify_header(data, keys_for)


def open_segment(data: bytes, team_id: str, member: str, seq: int, keys: dict[int, bytes],
                 verify_key: bytes | None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A verified segment's header and writes. Raises Rejected with a clear message."""
    sealed = open_container(data, "segment", team_id, member, seq, "seq", keys, verify_key)
    writes = sealed.payload
    if not isinstance(writes, list) or len(writes) > MAX_WRITES:
        raise Rejected("A file on the share has damaged content.")
    for w in writes:
        validate_write(w)
    deps = sealed.header.get("deps", {})
    if not isinstance(deps, dict) or not all(isinstance(v, int) and not isinstance(v, bool)
                                             for v in deps.values()):
        raise Rejected("A file on the share has a damaged header.")
    void = sealed.header.get("void", [])
    if not isinstance(void, list) or not all(isinstance(v, int) and 0 < v < seq for v in void):
        raise Rejected("A file on the share has a damaged header.")
    return sealed.header, writes


def _hlcs(v: object) -> bool:
    return isinstance(v, list) and all(isinstance(h, str) and HLC_RE.match(h) is not None for h in v)


_OPS = ("u", "d", "p")


def validate_write(w: object) -> None:
    """The shape of one write (its values are checked against the columns when it is applied)."""
    if not (isinstance(w, dict) and _write_ok(w)):
        raise Rejected("A file on the share has damaged content.")


def _write_ok(w: dict[str, Any]) -> bool:
    h, i, k = w.get("h"), w.get("i"), w.get("k")
    if not (isinstance(h, str) and HLC_RE.match(h) is not None
            and isinstance(w.get("e"), str) and isinstance(i, str) and 0 < len(i) <= 36
            and w.get("o") in _OPS and isinstance(w.get("c"), str)
            and isinstance(w.get("a", ""), str) and (k is None or isinstance(k, str))
            and isinstance(w.get("f", {}), dict)):
        return False
    if "b" in w or "db" in w or "kd" in w or "pc" in w:  # bases, kept deletions, purge flag: most have none
        b = w.get("b", {})
        return (isinstance(b, dict) and (not b or all(_hlcs(v) for v in b.values()))
                and ("db" not in w or _hlcs(w["db"])) and ("kd" not in w or _hlcs(w["kd"]))
                and isinstance(w.get("pc", False), bool))
    return True


# --- epoch-key files: signed, not sealed (the readers do not have the new key yet) -----------------------
KEY_MAGIC = b"ATHENA-KEY"
KEY_VERSION = 2
KEY_SIG_CONTEXT = b"athena-key/2\x00"
_KEY_PREFIX = struct.Struct(">10sBI")


def encode_key_file(body: dict[str, Any], signing_key: bytes) -> bytes:
    raw = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    prefix = _KEY_PREFIX.pack(KEY_MAGIC, KEY_VERSION, len(raw)) + raw
    return prefix + sign(signing_key, KEY_SIG_CONTEXT + prefix)


def decode_key_file(data: bytes) -> tuple[dict[str, Any], bytes, bytes]:
    """Body, signed bytes and signature (verify against the author's key before trusting the body)."""
    if len(data) < _KEY_PREFIX.size + 64:
        raise Rejected("A key file on the share is truncated.")
    magic, version, n = _KEY_PREFIX.unpack_from(data)
    if magic != KEY_MAGIC:
        raise Rejected("A file on the share is not an Athena sync file.")
    if version == 1:
        raise Rejected("A file on the share was written by an older Athena (sync format 1), which did not "
                       "sign its files; this team needs a new team folder (see the sync guide).")
    if version != KEY_VERSION:
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
    return verify(verify_key, signature, KEY_SIG_CONTEXT + data_signed)


def b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def unb64(s: object) -> bytes:
    if not isinstance(s, str):
        raise Rejected("A file on the share has damaged content.")
    try:
        return base64.b64decode(s.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise Rejected("A file on the share has damaged content.") from None
