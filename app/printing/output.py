"""What a print job produces, how it is logged and where it may be written."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from app.errors import DomainError
from app.services import audit
from app.services.context import Diary


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


def log_print(diary: Diary, result: PrintResult, *, target: str = "file") -> None:
    """One audit event per print or save: what, which version and how — never the content."""
    audit.log(diary, "print", client_id=result.client_id, compartment=result.compartment, entity=result.entity,
              entity_id=result.entity_id, detail=f"{result.detail}, {target}")


def write_private(path: str, data: bytes) -> None:
    """Write to the file the worker chose, readable by her only (0600), without any temporary copy."""
    if not path or path == "-":
        raise DomainError("Choose a file to write the document to.")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError:
        raise DomainError("The file cannot be written.") from None
    try:
        os.fchmod(fd, 0o600)  # an existing file keeps its old mode through O_CREAT
        with os.fdopen(fd, "wb") as f:
            f.write(data)
    except OSError:
        raise DomainError("The file cannot be written.") from None


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
