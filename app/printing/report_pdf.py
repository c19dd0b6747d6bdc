"""The period report as a PDF: a heading, each table, and a bar chart beside the tables worth one.

Built in memory with reportlab and returned as bytes. DejaVu Sans is embedded so å, ä, ö print everywhere.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as PdfTable

from app.i18n import RESOURCES, tr
from app.printing.report_tables import Table, chart_values, period_heading, tables

FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
ACCENT = colors.HexColor("#3b5b7a")
PALE = colors.HexColor("#eef2f6")


def _fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = RESOURCES / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


def _styles() -> dict[str, ParagraphStyle]:
    return {
        "title": ParagraphStyle("title", fontName=BOLD, fontSize=17, leading=21, spaceAfter=4),
        "sub": ParagraphStyle("sub", fontName=FONT, fontSize=10, leading=13, textColor=colors.HexColor("#444444"),
                              spaceAfter=10),
        "h2": ParagraphStyle("h2", fontName=BOLD, fontSize=11.5, leading=14, spaceBefore=10, spaceAfter=4,
                             textColor=ACCENT),
        "head_r": ParagraphStyle("head_r", fontName=BOLD, fontSize=8.5, leading=10.5, alignment=2),
        "head_rs": ParagraphStyle("head_rs", fontName=BOLD, fontSize=7, leading=9, alignment=2),
        "cell": ParagraphStyle("cell", fontName=FONT, fontSize=8.5, leading=10.5),
        "head": ParagraphStyle("head", fontName=BOLD, fontSize=8.5, leading=10.5),
        "note": ParagraphStyle("note", fontName=FONT, fontSize=7.5, leading=9.5,
                               textColor=colors.HexColor("#555555"), spaceBefore=2),
    }


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def _table(t: Table, st: dict[str, ParagraphStyle], width: float) -> PdfTable:
    n = len(t.headers)
    wide = n > 2  # kinds per district: four figure columns whose headers must fit unbroken
    head = [Paragraph(h, st["head"] if i == 0 else st["head_rs" if wide else "head_r"])
            for i, h in enumerate(t.headers)]
    body = [[Paragraph(_fmt(row[0]), st["cell"]), *[_fmt(c) for c in row[1:]]] for row in t.rows]
    if n <= 2:  # a label and one figure: a narrow table reads better than a page-wide one
        width *= 0.7
    first = width * (0.7 if n <= 2 else 0.25)
    cols = [first] + [(width - first) / (n - 1)] * (n - 1)
    table = PdfTable([head, *body], colWidths=cols, repeatRows=1, hAlign="LEFT")
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), PALE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#cccccc")),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("ALIGN", (1, 0), (-1, 0), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if t.has_total:
        style += [("FONT", (0, -1), (-1, -1), BOLD, 8.5), ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT)]
    table.setStyle(TableStyle(style))
    return table


def _chart(t: Table, width: float) -> Drawing | None:
    pairs = chart_values(t)
    if not pairs:
        return None
    bar_h = 13
    label_w = 52 * mm
    height = len(pairs) * bar_h + 26
    d = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_w, 14
    chart.width, chart.height = width - label_w - 12, len(pairs) * bar_h
    # The chart draws its first category at the bottom: reverse so it reads in table order.
    chart.data = [[v for _, v, _ in reversed(pairs)]]
    chart.categoryAxis.categoryNames = [label[:34] for label, _, _ in reversed(pairs)]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -6
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max(v for _, v, _ in pairs)
    chart.valueAxis.valueMax = max(top * 1.1, 5)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    # Bar labels are the table's own cells, so a suppressed count reads "< 5" beside an empty bar.
    chart.barLabelFormat = "values"
    chart.barLabelArray = [[shown for _, _, shown in reversed(pairs)]]
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    return d


def _footer(label: str) -> Any:
    def draw(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor("#666666"))
        canvas.drawString(doc.leftMargin, 10 * mm, label)
        canvas.drawRightString(A4[0] - doc.rightMargin, 10 * mm,
                               tr("Page {n}").format(n=canvas.getPageNumber()))
        canvas.restoreState()
    return draw


def report_pdf(report: dict[str, Any], lang: str | None = None) -> bytes:
    """The report as PDF bytes (A4). ``report`` may be suppressed first (report_tables.suppress)."""
    _fonts()
    st = _styles()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                            bottomMargin=18 * mm, title=tr("Statistics", lang), author="Athena")
    width = A4[0] - doc.leftMargin - doc.rightMargin
    story: list[Any] = [Paragraph(tr("Statistics", lang), st["title"]),
                        Paragraph(period_heading(report, lang) + "<br/>"
                                  + tr("Generated on {day}", lang).format(day=report.get("generated_on", "")),
                                  st["sub"])]
    for t in tables(report, lang):
        block: list[Any] = [Paragraph(t.title, st["h2"]), _table(t, st, width)]
        block += [Paragraph(n, st["note"]) for n in t.notes]
        chart = _chart(t, width) if t.chart else None
        if chart is not None:
            block += [Spacer(1, 4), chart]
        story.append(KeepTogether(block))
    footer = _footer(tr("Athena – statistics", lang) + " · " + report["period"]["from"] + " – "
                     + report["period"]["to"])
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()
