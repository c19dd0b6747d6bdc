"""The access log's hash chain: one canonical form of a row, hashed together with the hash before it.

Kept in storage beside the change feed because it is an invariant of stored rows, not a business rule: the
service that appends rows and the check that verifies them must agree on exactly these bytes.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import datetime

GENESIS = "0" * 64
_HEAD_NS = uuid.UUID("6a1c1f4e-52c8-4d6e-9f53-7f0b2c1e9a11")


def head_id(origin_device: str, compartment: str) -> str:
    """The same id on every laptop for one device's chain in one compartment."""
    return str(uuid.uuid5(_HEAD_NS, f"{origin_device}/{compartment}"))


def _iso(value: datetime | str) -> str:
    return value if isinstance(value, str) else value.isoformat()


def row_hash(prev_hash: str, *, record_id: str, n: int, at: datetime | str, local_at: datetime | str,
             actor: str, origin_device: str, action: str, compartment: str, client_id: str | None,
             entity: str, entity_id: str, detail: str) -> str:
    payload = json.dumps([record_id, n, _iso(at), _iso(local_at), actor, origin_device, action, compartment,
                          client_id or "", entity, entity_id, detail], ensure_ascii=False,
                         separators=(",", ":"))
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()
