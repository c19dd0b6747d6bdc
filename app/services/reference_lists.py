"""The team's own districts, referring units and legal references, laid over the files in resources/reference.

A team adds items or retires those it no longer uses inside its diary (``ReferenceItem`` records, synced to the
team like any record). Values already stored in cases stay valid when an item is retired; new cases cannot
choose it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from app import reference
from app.errors import DomainError
from app.models import ReferenceItem
from app.reference import KINDS, LegalBasis, ReferenceLists, ReferringUnit

__all__ = ["KINDS", "ReferenceLists", "TeamItem", "add_item", "lists", "relabel_item", "retire_item", "team_items"]
from app.services.context import Diary


@dataclass(frozen=True)
class TeamItem:
    id: str
    kind: str
    code: str
    label: str
    active: bool
    compartment: str


def _team_rows(diary: Diary) -> list[TeamItem]:
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
    base_d = [d for d in reference.districts() if ("district", d) not in retired]
    extra_d = [i.code for i in added if i.kind == "district" and i.code not in base_d]
    relabel = {i.code: i.label for i in added if i.kind == "referring_unit"}
    units = [ReferringUnit(u.code, relabel.get(u.code, u.sv), relabel.get(u.code, u.en))
             for u in reference.referring_units() if ("referring_unit", u.code) not in retired]
    known_units = {u.code for u in units}
    units += [ReferringUnit(i.code, i.label, i.label) for i in added
              if i.kind == "referring_unit" and i.code not in known_units]
    legal = [r for r in reference.legal_references() if ("legal_reference", r.code) not in retired]
    known_legal = {r.code for r in legal}
    legal += [LegalBasis(i.code, i.label, None, None) for i in added
              if i.kind == "legal_reference" and i.code not in known_legal]
    return ReferenceLists(base_d + extra_d, units, legal)


def _code_for(kind: str, label: str) -> str:
    if kind == "district":
        return label
    slug = re.sub(r"[^a-z0-9]+", "_", label.casefold().translate(str.maketrans("åäöéü", "aaoeu"))).strip("_")
    return f"team_{slug}"[:60]


def _write_item(diary: Diary, kind: str, code: str, *, label: str, active: bool) -> TeamItem:
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
    if kind == "district":
        raise DomainError("A district cannot be renamed (cases store its name): add the new one and retire "
                          "the old one.")
    return add_item(diary, kind, label, code)


def retire_item(diary: Diary, kind: str, code: str) -> TeamItem:
    """No longer offered for new cases; what is stored keeps its value."""
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
