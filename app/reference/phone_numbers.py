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
    return [PhoneNumber(r["id"], r["number"], _pick(r["label"], lang), _pick(r["neutral"], lang),
                        date.fromisoformat(r["verified"]), bool(r.get("giveaway", False))) for r in rows]


def giveaway_numbers(district: str = "") -> list[str]:
    """The numbers (as printed) that give a discreet plan away: every district's, since a plan may be printed
    after she moved."""
    rows = [*_data()["national"], *(r for rows in _data()["districts"].values() for r in rows)]
    if district:
        rows += _data()["districts"].get(district, [])
    return sorted({r["number"] for r in rows if r.get("giveaway")})


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
