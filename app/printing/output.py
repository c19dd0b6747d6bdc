"""What a print job produces, and the checks every document passes before it is handed out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PrintResult:
    """A finished document in memory, what was left out of it and what the audit trail will say."""

    pdf: bytes
    pages: int
    omissions: list[str]  # for the worker, in the UI language: what the document leaves out and why
    client_id: str
    compartment: str
    entity: str
    entity_id: str
    detail: str  # e.g. "safety plan v3, discreet, card, sv" — never content
    printed: list[str] = field(default_factory=list, repr=False, compare=False)  # every string laid out


def digits_of(s: str) -> str:
    return re.sub(r"\D", "", s)


_digits = digits_of


def identity_leaks(printed: list[str], *, address: str, personal_number: str | None) -> bool:
    """Whether any printed string holds the client's address or personal identity number (in any spelling)."""
    addr = address.strip().casefold()
    pnr = _digits(personal_number or "")[-10:]
    for text in printed:
        if addr and addr in text.casefold():
            return True
        if len(pnr) == 10 and pnr in _digits(text):
            return True
    return False


def contains_identity(text: str, *, address: str, personal_number: str | None) -> bool:
    return identity_leaks([text], address=address, personal_number=personal_number)
