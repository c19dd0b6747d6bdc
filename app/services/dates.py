"""The one date policy: how a date typed anywhere (import file, command line, a service's input) is read.

The importer, the CLI's ``--from``/``--to`` and every service that takes a date (``validation.as_date``) use
``parse_date``, so a date is accepted or refused the same way everywhere — ``1/3/2024`` is refused everywhere,
because Swedish and American Excel read it as different days.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from app.errors import DomainError

Typed = str | int | float | date | datetime | None

MONTHS = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7, "augusti": 8,
    "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10,
    "nov": 11, "dec": 12,
}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_WORDS = re.compile(r"^(\d{1,2})\s+([a-zåäö]+)\.?\s+(\d{4})$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_SLASHED = re.compile(r"^\d{1,4}/\d{1,2}/\d{1,4}$")
EXCEL_EPOCH = date(1899, 12, 30)


class DateError(DomainError):
    """A date that cannot be read; ``message_en`` says how to write it (it never repeats the value)."""


BAD_DATE = "Not a date that can be read: write it as 2024-03-01, 20240301 or 1 mars 2024."
AMBIGUOUS_DATE = "Dates with slashes are ambiguous (1/3 or 3/1?): write it as 2024-03-01."


def parse_date(value: Typed) -> date | None:
    """A date as typed by a worker or in a spreadsheet, or None when empty. Raises ``DateError`` otherwise.

    Read: ISO 2024-03-01 (also 2024-3-1), 20240301, "1 mars 2024" / "1 mar 2024" (Swedish month names),
    1.3.2024 (day first), Excel date cells and Excel day numbers. Refused: 1/3/2024 and the like, which
    Swedish and American Excel read differently.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        n = int(value)
        if n == value and 19000101 <= n <= 21001231:
            return parse_date(str(n))
        if n == value and 1 <= n <= 80_000:  # an Excel day number from a cell formatted as a number
            return EXCEL_EPOCH + timedelta(days=n)
        raise DateError(BAD_DATE)
    s = str(value).strip().lower()
    if not s:
        return None
    if s.endswith(" 00:00:00"):  # a date cell exported as text
        s = s[:-9]
    parts: tuple[int, int, int] | None = None
    if (m := _ISO.match(s)) or (m := _COMPACT.match(s)):
        parts = int(m[1]), int(m[2]), int(m[3])
    elif m := _WORDS.match(s):
        month = MONTHS.get(m[2])
        if month is None:
            raise DateError(BAD_DATE)
        parts = int(m[3]), month, int(m[1])
    elif m := _DOTTED.match(s):
        parts = int(m[3]), int(m[2]), int(m[1])
    elif _SLASHED.match(s):
        raise DateError(AMBIGUOUS_DATE)
    if parts is None:
        raise DateError(BAD_DATE)
    try:
        return date(*parts)
    except ValueError:
        raise DateError("This date does not exist in the calendar.") from None
