"""A period report as JSON, CSV or XLSX bytes. Built in memory: the caller writes them to the chosen file only.

CSV: every table in turn — a title line, a header line, its rows, an empty line — with ";" between fields and
a UTF-8 byte order mark, which is what Excel with Swedish settings opens correctly. XLSX: a cover sheet with
the period, then one sheet per table.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from app.errors import DomainError
from app.i18n import tr
from app.printing.report_pdf import report_pdf
from app.printing.report_tables import Table, period_heading, tables
from app.services import audit
from app.services.context import Diary

FORMATS = ("json", "csv", "xlsx", "pdf")


def to_json(report: dict[str, Any]) -> bytes:
    return (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_csv(report: dict[str, Any], lang: str | None = None) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow([period_heading(report, lang)])
    w.writerow([])
    for t in tables(report, lang):
        w.writerow([t.title])
        w.writerow(t.headers)
        for row in t.rows:
            w.writerow(["" if c is None else c for c in row])
        for note in t.notes:
            w.writerow([note])
        w.writerow([])
    return buf.getvalue().encode("utf-8-sig")


def _sheet_name(t: Table, used: set[str]) -> str:
    base = "".join(ch for ch in t.title if ch not in "[]:*?/\\")[:28].strip() or t.key[:28]
    name, n = base, 2
    while name in used:
        name, n = f"{base[:26]} {n}", n + 1
    used.add(name)
    return name


def to_xlsx(report: dict[str, Any], lang: str | None = None) -> bytes:
    # openpyxl takes a quarter of a second to import: only when a spreadsheet is asked for, not at start-up.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    cover = wb.active
    assert cover is not None
    cover.title = tr("Report", lang)[:31]
    cover["A1"] = tr("Athena – statistics", lang)
    cover["A1"].font = Font(bold=True, size=14)
    cover["A2"] = period_heading(report, lang)
    cover["A3"] = tr("Generated on {day}", lang).format(day=report.get("generated_on", ""))
    cover.column_dimensions["A"].width = 70
    used = {cover.title}
    for i, t in enumerate(tables(report, lang), start=5):
        cover.cell(row=i, column=1, value=t.title)
        ws = wb.create_sheet(_sheet_name(t, used))
        ws.append([t.title])
        ws["A1"].font = Font(bold=True, size=12)
        ws.append(t.headers)
        for cell in ws[2]:
            cell.font = Font(bold=True)
        for row in t.rows:
            ws.append(list(row))
        for note in t.notes:
            ws.append([note])
        ws.column_dimensions["A"].width = max(18, min(60, max(len(str(r[0])) for r in t.rows) + 2))
        for col in range(2, len(t.headers) + 1):
            ws.column_dimensions[ws.cell(row=2, column=col).column_letter].width = 16
            for r in range(3, 3 + len(t.rows)):
                ws.cell(row=r, column=col).alignment = Alignment(horizontal="right")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def render(report: dict[str, Any], fmt: str, lang: str | None = None) -> bytes:
    if fmt == "json":
        return to_json(report)
    if fmt == "csv":
        return to_csv(report, lang)
    if fmt == "xlsx":
        return to_xlsx(report, lang)
    if fmt == "pdf":
        return report_pdf(report, lang)
    raise DomainError("Unknown report format; use json, csv, xlsx or pdf.")


def export_report(diary: Diary, report: dict[str, Any], fmt: str, lang: str | None = None) -> bytes:
    """The report in ``fmt``, and an audit event saying which period went out (never any figures)."""
    data = render(report, fmt, lang)
    p = report["period"]
    audit.log(diary, "export", entity="report",
              detail=f"statistics {p['from']}..{p['to']} format={fmt} suppressed={bool(report.get('suppressed'))}")
    return data
