"""The import's column layout (docs/import.md) and the checks of one row's cells.

One row is one woman, with at most one case, one decision, one extension and the kinds of support she had.
Headers are matched without regard to case, spaces, underscores or å/ä/ö, in Swedish or in English.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Any

from app import reference
from app.errors import DomainError
from app.models import ProtectedIdentity, SupportKind
from app.services import validation
from app.services.dates import DateError, parse_date
from app.services.importing.spreadsheet import Cell


@dataclass(frozen=True)
class Column:
    key: str
    sv: str  # the header written in docs/import.md and in the template
    en: str
    kind: str = "text"  # text / date / bool
    max_len: int = 200


COLUMNS = [
    Column("name", "namn", "name"),
    Column("personal_number", "personnummer", "personal number", max_len=20),
    Column("birth_date", "födelsedatum", "birth date", "date"),
    Column("protected_identity", "skyddad identitet", "protected identity", max_len=40),
    Column("languages", "språk", "languages"),
    Column("interpreter", "tolk", "interpreter", "bool"),
    Column("phone", "telefon", "phone", max_len=50),
    Column("email", "e-post", "email"),
    Column("address", "adress", "address", max_len=300),
    Column("postal_code", "postnummer", "postal code", max_len=10),
    Column("city", "ort", "city", max_len=100),
    Column("worker", "ansvarig", "worker"),
    Column("case_number", "ärendenummer", "case number", max_len=40),
    Column("referred_on", "aktualiserad", "referred on", "date"),
    Column("first_contact_on", "första kontakt", "first contact", "date"),
    Column("referring_unit", "beställande enhet", "referring unit", max_len=100),
    Column("district", "stadsdel", "district", max_len=100),
    Column("case_officer", "handläggare", "case officer"),
    Column("decided_on", "beslutsdatum", "decided on", "date"),
    Column("starts_on", "startdatum", "starts on", "date"),
    Column("ends_on", "slutdatum", "ends on", "date"),
    Column("extended_to", "förlängt till", "extended to", "date"),
    Column("closed_on", "avslutad", "closed on", "date"),
    Column("closing_reason", "avslutsorsak", "closing reason", max_len=300),
    Column("support_kinds", "stödformer", "support kinds", max_len=300),
]
REQUIRED_COLUMNS = ("name",)
DECISION_KEYS = ("referring_unit", "district", "decided_on", "starts_on", "ends_on", "extended_to",
                 "case_officer")

PROTECTED = {
    "": ProtectedIdentity.NONE.value, "nej": ProtectedIdentity.NONE.value, "no": ProtectedIdentity.NONE.value,
    "ja": ProtectedIdentity.CONFIDENTIALITY_MARKING.value, "yes": ProtectedIdentity.CONFIDENTIALITY_MARKING.value,
    "sekretessmarkering": ProtectedIdentity.CONFIDENTIALITY_MARKING.value,
    "skyddad folkbokföring": ProtectedIdentity.PROTECTED_REGISTRATION.value,
    "fingerade personuppgifter": ProtectedIdentity.FICTITIOUS_IDENTITY.value,
    **{p.value: p.value for p in ProtectedIdentity},
}
BOOLS = {"": False, "nej": False, "no": False, "0": False, "ja": True, "yes": True, "1": True, "x": True}
KIND_WORDS = {
    "praktiskt stöd": SupportKind.PRACTICAL_SUPPORT.value, "stödsamtal": SupportKind.SUPPORT_TALK.value,
    "samhällsinformation": SupportKind.CIVIC_INFORMATION.value,
    "rättegångsstöd": SupportKind.COURT_SUPPORT.value,
    **{k.value: k.value for k in SupportKind},
}


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower case, å/ä/ö → a/a/o, separators → one space: how headers and choices are compared."""
    t = unicodedata.normalize("NFKD", text.strip().lower())
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    for sep in ("_", "-", "  "):
        t = t.replace(sep, " ")
    return " ".join(t.split())


HEADER_KEYS = {fold(name): c.key for c in COLUMNS for name in (c.sv, c.en, c.key)}
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}
_PROTECTED = {fold(k): v for k, v in PROTECTED.items()}
_BOOLS = {fold(k): v for k, v in BOOLS.items()}
_KINDS = {fold(k): v for k, v in KIND_WORDS.items()}


@cache
def _districts() -> dict[str, str]:
    return {fold(d): d for d in reference.districts()}


@cache
def _units() -> dict[str, str]:
    return {fold(x): u.code for u in reference.referring_units() for x in (u.code, u.sv, u.en)}


class CellError(Exception):
    """A cell's problem: an English message key (translated when shown) and its parameters."""

    def __init__(self, message_en: str, **params: object) -> None:
        super().__init__(message_en)
        self.message_en = message_en
        self.params = params


def text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def cell(col: Column, value: Cell) -> Any:
    """A checked cell value for ``col``; raises ``CellError``."""
    if col.kind == "date":
        try:
            return parse_date(value)
        except DateError as exc:
            raise CellError(exc.message_en) from None
    s = text(value)
    if len(s) > col.max_len:
        raise CellError("Too long (at most {n} characters).", n=col.max_len)
    if col.kind == "bool":
        if fold(s) not in _BOOLS:
            raise CellError("Write ja or nej.")
        return _BOOLS[fold(s)]
    if col.key == "personal_number":
        try:
            return validation.personal_number(s)
        except DomainError as exc:
            raise CellError(exc.message_en) from None
    if col.key == "protected_identity":
        if fold(s) not in _PROTECTED:
            raise CellError("Write nej, ja, sekretessmarkering, skyddad folkbokföring or fingerade "
                            "personuppgifter.")
        return _PROTECTED[fold(s)]
    if col.key == "district" and s:
        known = _districts()
        if fold(s) not in known:
            raise CellError("Unknown district \"{value}\" (known: {known}).", value=s,
                            known=", ".join(reference.districts()))
        return known[fold(s)]
    if col.key == "referring_unit" and s:
        units = _units()
        if fold(s) not in units:
            raise CellError("Unknown referring unit \"{value}\" (known: {known}).", value=s,
                            known=", ".join(u.sv for u in reference.referring_units()))
        return units[fold(s)]
    if col.key == "support_kinds":
        kinds = []
        for part in s.replace(";", ",").replace("/", ",").split(","):
            if not part.strip():
                continue
            if fold(part) not in _KINDS:
                raise CellError("Unknown kind of support (use praktiskt stöd, stödsamtal, samhällsinformation, "
                                "rättegångsstöd).")
            kinds.append(_KINDS[fold(part)])
        return [k.value for k in SupportKind if k.value in kinds]
    if col.key == "languages":
        langs = [x.strip().lower() for x in s.replace(";", ",").split(",") if x.strip()]
        if any(not (2 <= len(x) <= 3 and x.isalpha()) for x in langs):
            raise CellError("Languages must be language codes such as sv, en, ar.")
        return ",".join(langs) or "sv"
    return s


def birth_date(values: dict[str, Any]) -> date | None:
    """From the personal number when there is one (samordningsnummer: day minus 60), else the column."""
    pnr: str | None = values.get("personal_number")
    if pnr:
        day = int(pnr[6:8])
        return date(int(pnr[:4]), int(pnr[4:6]), day - 60 if day > 60 else day)
    born: date | None = values.get("birth_date")
    return born
