"""Reference data read from resources/ (pure, no database): districts, referring units and legal references
here; safety-plan section texts (`plan_sections`) and the numbers printed on plans (`phone_numbers`) beside."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from app.i18n import RESOURCES, current_language


@cache
def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((RESOURCES / "reference" / name).read_text(encoding="utf-8"))
    return data


def organisation() -> dict[str, str]:
    """Municipality and unit for the heading of full documents, in the current language."""
    data = _load("organisation.json")
    unit = data.get("unit", "")
    label = unit.get("en" if current_language() == "en" else "sv", "") if isinstance(unit, dict) else str(unit)
    return {"municipality": str(data.get("municipality", "")), "unit": label}


def districts() -> list[str]:
    """The team's districts: IT's machine-wide list (``athena.toml``) when set, else the shipped one."""
    from app.config import machine_config

    return list(machine_config().districts or _load("districts.json")["districts"])


@dataclass(frozen=True)
class ReferringUnit:
    code: str
    sv: str
    en: str

    def label(self, lang: str | None = None) -> str:
        return self.en if (lang or current_language()) == "en" else self.sv


def referring_units() -> list[ReferringUnit]:
    return [ReferringUnit(u["code"], u["sv"], u["en"]) for u in _load("referring_units.json")["units"]]


def referring_unit_codes() -> set[str]:
    return {u.code for u in referring_units()}


def referring_unit_label(code: str, lang: str | None = None) -> str:
    for u in referring_units():
        if u.code == code:
            return u.label(lang)
    return code


@dataclass(frozen=True)
class LegalBasis:
    code: str
    title: str
    valid_from: str | None
    valid_to: str | None


def legal_references() -> list[LegalBasis]:
    return [LegalBasis(r["code"], r["title"], r.get("valid_from"), r.get("valid_to"))
            for r in _load("legal_references.json")["references"]]


def legal_basis_for(day: str) -> str:
    """The code of the paragraph in force on an ISO date."""
    for r in legal_references():
        if (r.valid_from is None or r.valid_from <= day) and (r.valid_to is None or day <= r.valid_to):
            return r.code
    return ""


@dataclass(frozen=True)
class Intervention:
    """What a decision grants (insats)."""

    code: str
    sv: str
    en: str

    def label(self, lang: str | None = None) -> str:
        return self.en if (lang or current_language()) == "en" else self.sv


def interventions() -> list[Intervention]:
    return [Intervention(i["code"], i["sv"], i["en"]) for i in _load("interventions.json")["interventions"]]


def intervention_label(code: str, lang: str | None = None) -> str:
    return next((i.label(lang) for i in interventions() if i.code == code), code)


def legal_references_on(day: str, among: list[LegalBasis] | None = None) -> list[LegalBasis]:
    """The references in force on an ISO date (the old and the new SoL each on their own dates), from the
    files' list or from ``among`` (a team's own lists)."""
    return [r for r in (legal_references() if among is None else among)
            if (r.valid_from is None or r.valid_from <= day) and (r.valid_to is None or day <= r.valid_to)]


def legal_reference_title(code: str) -> str:
    return next((r.title for r in legal_references() if r.code == code), code)


@dataclass(frozen=True)
class Language:
    code: str
    sv: str
    en: str

    def label(self, lang: str | None = None) -> str:
        return self.en if (lang or current_language()) == "en" else self.sv


def languages() -> list[Language]:
    return [Language(x["code"], x["sv"], x["en"]) for x in _load("languages.json")["languages"]]


def language_names(codes: str, lang: str | None = None) -> str:
    """"sv,ar,ti" → "svenska, arabiska, tigrinja" (an unknown code is shown as it is)."""
    names = {x.code: x.label(lang) for x in languages()}
    return ", ".join(names.get(c.strip(), c.strip()) for c in codes.split(",") if c.strip())


# --- the team's own lists ------------------------------------------------------------------------------
# A team adds districts, referring units and legal references, or retires those it no longer uses, inside
# its diary (app.services.reference_lists). The files above are the starting point.

KINDS = ("district", "referring_unit", "legal_reference")


@dataclass(frozen=True)
class ReferenceLists:
    """What a worker may choose from now: the files' lists with the team's additions and retirements."""

    districts: list[str]
    referring_units: list[ReferringUnit]
    legal_references: list[LegalBasis]

    def referring_unit_codes(self) -> set[str]:
        return {u.code for u in self.referring_units}

    def referring_unit_label(self, code: str, lang: str | None = None) -> str:
        for u in self.referring_units:
            if u.code == code:
                return u.label(lang)
        return referring_unit_label(code, lang)
