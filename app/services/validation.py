"""Input checks shared by the services. Messages name the field, never the value typed."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date

from app.errors import DomainError
from app.services.dates import DateError, parse_date

_PNR = re.compile(r"^(\d{2})?(\d{2})(\d{2})(\d{2})[-+]?(\d{4})$")


def required(value: str | None, field: str, max_len: int = 200) -> str:
    v = (value or "").strip()
    if not v:
        raise DomainError("{field} is required.", field=field)
    if len(v) > max_len:
        raise DomainError("{field} is too long (at most {n} characters).", field=field, n=max_len)
    return v


def optional(value: str | None, field: str, max_len: int = 300) -> str:
    v = (value or "").strip()
    if len(v) > max_len:
        raise DomainError("{field} is too long (at most {n} characters).", field=field, n=max_len)
    return v


def one_of(value: str, allowed: Collection[str], field: str) -> str:
    if value not in allowed:
        raise DomainError("{field} has a value that is not allowed.", field=field)
    return value


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def personal_number(value: str | None) -> str | None:
    """A Swedish personal identity number, normalised to YYYYMMDD-XXXX, or None when left empty."""
    v = (value or "").strip().replace(" ", "")
    if not v:
        return None
    m = _PNR.match(v)
    if not m:
        raise DomainError("The personal identity number must look like YYYYMMDD-XXXX.")
    century, yy, mm, dd, last = m.groups()
    if century is None:
        year_now = date.today().year
        century = str((year_now - 100 if v[6:7] == "+" else year_now) // 100)
        if int(century + yy) > year_now:
            century = str(int(century) - 1)
    day = int(dd)
    if day > 60:  # samordningsnummer
        day -= 60
    try:
        date(int(century + yy), int(mm), day)
    except ValueError:
        raise DomainError("The personal identity number has an impossible date.") from None
    if not luhn_ok(yy + mm + dd + last):
        raise DomainError("The personal identity number has a wrong check digit.")
    return f"{century}{yy}{mm}{dd}-{last}"


def as_date(value: date | str | None, field: str, *, required_: bool = True) -> date | None:
    """A date given to a service, read by the one date policy (``dates.parse_date``: 1/3/2024 is refused)."""
    try:
        day = parse_date(value)
    except DateError:
        raise DomainError("{field} is not a valid date (use YYYY-MM-DD).", field=field) from None
    if day is None and required_:
        raise DomainError("{field} is required.", field=field)
    return day


def add_months(d: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, min(d.day, day))
        except ValueError:
            continue
    raise AssertionError("unreachable")
