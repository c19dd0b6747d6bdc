"""The export as it was built before it was streamed: the whole diary as ORM objects, then one dict, then JSON.

Kept only as the reference the streamed export must match byte for byte (tests/unit/test_export_stream.py),
with or without protected clients' details (``with_protected``: left out of the finished dict, as that export
did).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from app.models import (
    Case,
    Child,
    Client,
    CourtAppointment,
    Decision,
    DiaryEntry,
    Extension,
    Incident,
    MenClient,
    MenTalk,
    NetworkContact,
    Record,
    RiskAssessment,
    SafetyPlanVersion,
    StatusHistory,
)
from app.services.context import Diary

PER_CLIENT: list[tuple[str, type[Record]]] = [
    ("network_contacts", NetworkContact), ("children", Child), ("court_appointments", CourtAppointment),
    ("diary_entries", DiaryEntry), ("safety_plan_versions", SafetyPlanVersion),
    ("risk_assessments", RiskAssessment), ("incidents", Incident), ("status_history", StatusHistory),
]


PROTECTED_FIELDS = ("personal_number", "address", "postal_code", "city")
REDACTED = "[skyddad uppgift utelämnad]"


def _redact(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        if not secret:
            continue
        folded, low = text.casefold(), secret.casefold()
        out, i = [], 0
        while (j := folded.find(low, i)) >= 0:
            out.append(text[i:j] + REDACTED)
            i = j + len(secret)
        text = "".join(out) + text[i:]
    return text


def _without_protected(bundle: dict[str, Any]) -> bool:
    client = bundle["client"]
    if (client.get("protected_identity") or "none") == "none":
        return False
    pnr = str(client.get("personal_number") or "")
    secrets = [str(client.get("address") or "").strip(), pnr, pnr[2:] if len(pnr) >= 12 else ""]
    for key in PROTECTED_FIELDS:
        if client.get(key):
            client[key] = REDACTED if key != "personal_number" else None
    for key, _model in PER_CLIENT:
        for row in bundle.get(key, []):
            for field, value in list(row.items()):
                if isinstance(value, str) and value:
                    row[field] = _redact(value, secrets)
    return True


def _plain(obj: Record) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for attr in inspect(type(obj)).column_attrs:
        v = getattr(obj, attr.key)
        out[attr.key] = v.isoformat() if isinstance(v, date | datetime) else v
    return out


def _client_bundle(s: Session, client: Client) -> dict[str, Any]:
    bundle: dict[str, Any] = {"client": _plain(client), "cases": []}
    for case in s.scalars(select(Case).where(Case.client_id == client.id).order_by(Case.referred_on)):
        c = _plain(case)
        c["decisions"] = []
        for dec in s.scalars(select(Decision).where(Decision.case_id == case.id).order_by(Decision.starts_on)):
            d = _plain(dec)
            d["extensions"] = [_plain(e) for e in s.scalars(
                select(Extension).where(Extension.decision_id == dec.id).order_by(Extension.new_ends_on))]
            c["decisions"].append(d)
        bundle["cases"].append(c)
    for key, model in PER_CLIENT:
        rows = s.scalars(select(model).where(model.client_id == client.id)  # type: ignore[attr-defined]
                         .order_by(model.created_at))
        bundle[key] = [_plain(r) for r in rows]
    return bundle


def export_client(diary: Diary, client_id: str, *, with_protected: bool = True) -> dict[str, Any]:
    with diary.read() as s:
        client = s.get(Client, client_id)
        assert client is not None
        bundle = _client_bundle(s, client)
    if not with_protected:
        _without_protected(bundle)
    return {"format": "athena-export", "version": 1, "clients": [bundle], "men": []}


def export_all(diary: Diary, *, with_protected: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {"format": "athena-export", "version": 1, "clients": [], "men": []}
    with diary.read() as s:
        for client in s.scalars(select(Client).where(Client.compartment.in_(diary.tracks))
                                .order_by(Client.name_key)):
            out["clients"].append(_client_bundle(s, client))
        if "men" in diary.tracks:
            for man in s.scalars(select(MenClient).order_by(MenClient.name_key)):
                m = _plain(man)
                m["talks"] = [_plain(t) for t in s.scalars(
                    select(MenTalk).where(MenTalk.men_client_id == man.id).order_by(MenTalk.held_on))]
                m["status_history"] = [_plain(h) for h in s.scalars(
                    select(StatusHistory).where(StatusHistory.client_id == man.id)
                    .order_by(StatusHistory.created_at))]
                out["men"].append(m)
    if not with_protected:
        for bundle in out["clients"]:
            _without_protected(bundle)
    return out


def iter_json(data: dict[str, Any]) -> Iterator[str]:
    yield "{"
    for i, (key, value) in enumerate(data.items()):
        yield ("," if i else "") + "\n " + json.dumps(key) + ": "
        if isinstance(value, list):
            yield "["
            for j, item in enumerate(value):
                yield ("," if j else "") + "\n" + json.dumps(item, ensure_ascii=False)
            yield "\n ]" if value else "]"
        else:
            yield json.dumps(value, ensure_ascii=False)
    yield "\n}\n"


def to_json(data: dict[str, Any]) -> str:
    return "".join(iter_json(data))
