"""Reference data kept as files in resources/reference: districts, referring units, legal references."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from app.i18n import RESOURCES, current_language

if TYPE_CHECKING:
    from app.services.context import Diary


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
    return list(_load("districts.json")["districts"])


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


# --- the team's own lists ------------------------------------------------------------------------------
# A team adds districts, referring units and legal references, or retires those it no longer uses, inside
# its diary (``ReferenceItem`` records: synced to the team like any record). The files above are the
# starting point; values already stored in cases stay valid when an item is retired.

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


@dataclass(frozen=True)
class TeamItem:
    id: str
    kind: str
    code: str
    label: str
    active: bool
    compartment: str


def _team_rows(diary: Diary) -> list[TeamItem]:
    from sqlalchemy import select

    from app.models import ReferenceItem

    with diary.read() as s:
        return [TeamItem(r.id, r.kind, r.code, r.label, r.active, r.compartment) for r in s.scalars(
            select(ReferenceItem).where(ReferenceItem.compartment.in_(diary.tracks))
            .order_by(ReferenceItem.kind, ReferenceItem.position, ReferenceItem.label))]


def team_items(diary: Diary) -> list[TeamItem]:
    return _team_rows(diary)


def lists(diary: Diary) -> ReferenceLists:
    """The lists this diary's team works with (``diary`` is an ``app.services.context.Diary``)."""
    items = _team_rows(diary)
    retired = {(i.kind, i.code) for i in items if not i.active}
    added = [i for i in items if i.active]
    base_d = [d for d in districts() if ("district", d) not in retired]
    extra_d = [i.code for i in added if i.kind == "district" and i.code not in base_d]
    relabel = {i.code: i.label for i in added if i.kind == "referring_unit"}
    units = [ReferringUnit(u.code, relabel.get(u.code, u.sv), relabel.get(u.code, u.en))
             for u in referring_units() if ("referring_unit", u.code) not in retired]
    known_units = {u.code for u in units}
    units += [ReferringUnit(i.code, i.label, i.label) for i in added
              if i.kind == "referring_unit" and i.code not in known_units]
    legal = [r for r in legal_references() if ("legal_reference", r.code) not in retired]
    known_legal = {r.code for r in legal}
    legal += [LegalBasis(i.code, i.label, None, None) for i in added
              if i.kind == "legal_reference" and i.code not in known_legal]
    return ReferenceLists(base_d + extra_d, units, legal)


def _code_for(kind: str, label: str) -> str:
    if kind == "district":
        return label
    import re

    slug = re.sub(r"[^a-z0-9]+", "_", label.casefold().translate(str.maketrans("åäöéü", "aaoeu"))).strip("_")
    return f"team_{slug}"[:60]


def _write_item(diary: Diary, kind: str, code: str, *, label: str, active: bool) -> TeamItem:
    from sqlalchemy import select

    from app.models import ReferenceItem

    compartment = diary.tracks[0] if diary.tracks else "women"
    with diary.write() as s:
        row = s.scalars(select(ReferenceItem).where(ReferenceItem.kind == kind, ReferenceItem.code == code,
                                                    ReferenceItem.compartment == compartment)).first()
        if row is None:
            row = ReferenceItem(kind=kind, code=code, label=label, active=active, compartment=compartment)
            s.add(row)
        else:
            row.label, row.active = label, active
        s.flush()
        return TeamItem(row.id, row.kind, row.code, row.label, row.active, row.compartment)


def add_item(diary: Diary, kind: str, label: str, code: str = "") -> TeamItem:
    """Add a district, referring unit or legal reference to the team's lists (or bring a retired one back)."""
    from app.errors import DomainError

    label = " ".join(label.split())
    if kind not in KINDS:
        raise DomainError("Unknown kind of list.")
    if not label:
        raise DomainError("{field} is required.", field="Name")
    if len(label) > 200 or len(code) > 60:
        raise DomainError("{field} is too long (at most {n} characters).", field="Name", n=200)
    return _write_item(diary, kind, code.strip() or _code_for(kind, label), label=label, active=True)


def relabel_item(diary: Diary, kind: str, code: str, label: str) -> TeamItem:
    """Show a referring unit or legal reference under a new name (the stored code stays)."""
    from app.errors import DomainError

    if kind == "district":
        raise DomainError("A district cannot be renamed (cases store its name): add the new one and retire "
                          "the old one.")
    return add_item(diary, kind, label, code)


def retire_item(diary: Diary, kind: str, code: str) -> TeamItem:
    """No longer offered for new cases; what is stored keeps its value."""
    from app.errors import DomainError

    current = lists(diary)
    if kind == "district":
        known = code in current.districts
        label = code
    elif kind == "referring_unit":
        known = code in current.referring_unit_codes()
        label = current.referring_unit_label(code)
    else:
        known = code in {r.code for r in current.legal_references}
        label = next((r.title for r in current.legal_references if r.code == code), code)
    if not known:
        raise DomainError("There is no such item in the list.")
    return _write_item(diary, kind, code, label=label, active=False)
