"""Numbers printed on safety plans (resources/reference/phone_numbers.json), each with a "last verified" date."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from app.i18n import RESOURCES


@dataclass(frozen=True)
class PhoneNumber:
    id: str
    number: str
    label: str  # what the service is, in the print language
    neutral: str  # a plain contact name for discreet printouts
    verified: date
    giveaway: bool = False  # the number itself gives the plan away (a helpline, a shelter)


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((RESOURCES / "reference" / "phone_numbers.json").read_text(encoding="utf-8"))
    return data


def _pick(texts: dict[str, str], lang: str) -> str:
    return texts.get(lang) or texts.get("en") or texts.get("sv") or ""


def numbers_for(district: str, lang: str) -> list[PhoneNumber]:
    """National numbers first, then the district's own (social emergency service, women's shelter)."""
    rows = [*_data()["national"], *_data()["districts"].get(district, [])]
    rows = _with_machine_numbers(rows, district)
    return [PhoneNumber(r["id"], r["number"], _pick(r["label"], lang), _pick(r["neutral"], lang),
                        date.fromisoformat(r["verified"]), bool(r.get("giveaway", False))) for r in rows]


def giveaway_numbers(district: str = "") -> list[str]:
    """The numbers (as printed) that give a discreet plan away: every district's, since a plan may be printed
    after she moved."""
    rows = [*_data()["national"], *(r for rows in _data()["districts"].values() for r in rows)]
    if district:
        rows += _data()["districts"].get(district, [])
    return sorted({r["number"] for r in rows if r.get("giveaway")})


def _with_machine_numbers(rows: list[dict[str, Any]], district: str) -> list[dict[str, Any]]:
    """IT's numbers (``athena.toml``) replace shipped ones with the same id and add the rest."""
    from app.config import machine_config

    extra = [p for p in machine_config().phone_numbers if not p.district or p.district == district]
    if not extra:
        return rows
    mine = {p.id: {"id": p.id, "number": p.number, "label": p.label, "neutral": p.neutral or p.label,
                   "verified": p.verified} for p in extra}
    out = [mine.pop(r["id"], r) for r in rows]
    return [*out, *mine.values()]


@cache
def organisation() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((RESOURCES / "reference" / "organisation.json").read_text(encoding="utf-8"))
    return data


def organisation_line(lang: str, district: str = "") -> str:
    org = organisation()
    parts = [org.get("municipality", ""), _pick(org.get("unit", {}), lang), district]
    return " · ".join(p for p in parts if p)


def giveaway_choices(lang: str) -> list[tuple[str, str]]:
    """(id, what it is in ``lang``) of every number kind that is a give-away, for "keep it" choices."""
    seen: dict[str, str] = {}
    for r in [*_data()["national"], *(r for rows in _data()["districts"].values() for r in rows)]:
        if r.get("giveaway") and r["id"] not in seen:
            seen[r["id"]] = _pick(r.get("kind") or r["label"], lang)
    return list(seen.items())
