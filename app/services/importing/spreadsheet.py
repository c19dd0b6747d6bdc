"""Reading a spreadsheet the way teams keep them: CSV from any Excel (UTF-8 with or without BOM, UTF-16,
Windows-1252 / Latin-1 from older Excel), ";" or "," or tab separated, or an XLSX workbook. (The dates typed
in them are read by ``app.services.dates``, the same way as everywhere else.)

Everything here works on bytes already in memory and raises ``DomainError`` with a message that names no
cell value (values are client data).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app.errors import DomainError

Cell = str | int | float | date | datetime | None

# "Ã¤" for "ä" and friends: UTF-8 text that was decoded as Latin-1 and saved again.
_MOJIBAKE = re.compile("Ã[\u00a4\u00a5\u00b6\u0084\u0085\u0096\u00a9\u00bc]")


@dataclass(frozen=True)
class Sheet:
    """The first sheet of a file: its header cells and data rows (row 2 is the first data row)."""

    headers: list[str]
    rows: list[list[Cell]]
    file_format: str  # csv / xlsx
    encoding: str  # utf-8, utf-8-sig, utf-16, cp1252 ... ("" for xlsx)


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
    delimiter = guess_delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        raise DomainError("The CSV file is malformed (check quotation marks).") from None
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise DomainError("The file is empty.")
    body: list[list[Cell]] = [list(r) for r in rows[1:]]
    return Sheet([h.strip() for h in rows[0]], body, "csv", enc)


DELIMITERS = ";,\t"


def guess_delimiter(text: str) -> str:
    """";", "," or tab, by ``csv.Sniffer`` on the first lines: it sees quoted fields, so a header such as
    ``"Namn, efternamn";Stadsdel`` is split at the semicolon. One column (nothing to sniff) falls back to the
    most frequent candidate on the first line outside quotes."""
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        first = re.sub(r'"[^"]*"', "", text.split("\n", 1)[0])
        return max(DELIMITERS, key=first.count)


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
