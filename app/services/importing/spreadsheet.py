"""Reading a spreadsheet the way teams keep them: CSV from any Excel (UTF-8 with or without BOM, UTF-16,
Windows-1252 / Latin-1 from older Excel), ";" or "," or tab separated, or an XLSX workbook; and reading the
dates people type in them.

Everything here works on bytes already in memory and raises ``DomainError`` with a message that names no
cell value (values are client data).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from app.errors import DomainError

Cell = str | int | float | date | datetime | None

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
# "Ã¤" for "ä" and friends: UTF-8 text that was decoded as Latin-1 and saved again.
_MOJIBAKE = re.compile("Ã[\u00a4\u00a5\u00b6\u0084\u0085\u0096\u00a9\u00bc]")
EXCEL_EPOCH = date(1899, 12, 30)


@dataclass(frozen=True)
class Sheet:
    """The first sheet of a file: its header cells and data rows (row 2 is the first data row)."""

    headers: list[str]
    rows: list[list[Cell]]
    file_format: str  # csv / xlsx
    encoding: str  # utf-8, utf-8-sig, utf-16, cp1252 ... ("" for xlsx)


class DateError(ValueError):
    def __init__(self, message_en: str) -> None:
        super().__init__(message_en)
        self.message_en = message_en


BAD_DATE = "Not a date that can be read: write it as 2024-03-01, 20240301 or 1 mars 2024."
AMBIGUOUS_DATE = "Dates with slashes are ambiguous (1/3 or 3/1?): write it as 2024-03-01."


def parse_date(value: Cell) -> date | None:
    """A date typed in a spreadsheet, or None when empty. Raises ``DateError`` otherwise.

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


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was read with."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        raise DomainError("The file is not a CSV text file. Save it from Excel as \"CSV UTF-8\" or as .xlsx.")
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # Older Excel saves "CSV (semicolon separated)" in Windows-1252, a superset of Latin-1's letters.
        try:
            text, enc = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, enc = data.decode("latin-1"), "latin-1"
        if any("\x80" <= ch <= "\x9f" for ch in text):
            raise DomainError("The file's text encoding could not be recognised. Save it from Excel as "
                              "\"CSV UTF-8\" and try again.")
    if _MOJIBAKE.search(text):
        raise DomainError("The file's text looks garbled (\"Ã¤\" instead of \"ä\"): it was converted between "
                          "encodings twice. Export it again from the original as \"CSV UTF-8\".")
    return text, enc


def read_csv(data: bytes) -> Sheet:
    text, enc = decode(data)
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        raise DomainError("The CSV file is malformed (check quotation marks).") from None
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise DomainError("The file is empty.")
    body: list[list[Cell]] = [list(r) for r in rows[1:]]
    return Sheet([h.strip() for h in rows[0]], body, "csv", enc)


def _xlsx_cell(v: Any) -> Cell:
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, str | int | float | date) or v is None:
        return v
    return str(v)


def read_xlsx(data: bytes) -> Sheet:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # zipfile/openpyxl raise many kinds; the message would not help the worker
        raise DomainError("The file is not a workbook that can be read (.xlsx).") from None
    try:
        ws = wb.worksheets[0]
        rows = [[_xlsx_cell(v) for v in r] for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()
    rows = [r for r in rows if any(c not in (None, "") for c in r)]
    if not rows:
        raise DomainError("The file is empty.")
    headers = ["" if h is None else str(h).strip() for h in rows[0]]
    while headers and not headers[-1]:
        headers.pop()
    return Sheet(headers, [r[: len(headers)] for r in rows[1:]], "xlsx", "")


def read_sheet(data: bytes, filename: str) -> Sheet:
    """CSV or XLSX by content (an XLSX is a zip file), whatever the file is called."""
    if data.startswith(b"PK\x03\x04"):
        return read_xlsx(data)
    if filename.lower().endswith((".xlsx", ".xlsm")):
        raise DomainError("The file is not a workbook that can be read (.xlsx).")
    if filename.lower().endswith(".xls"):
        raise DomainError("Old Excel files (.xls) cannot be read: save the file as .xlsx or \"CSV UTF-8\".")
    return read_csv(data)
