"""The page machinery every printed document shares: fonts, formats, styles, right-to-left text, metadata.

PDFs are built in memory (``BytesIO``) and returned as bytes: nothing is written to disk here, so no plaintext
copy of a document can be left in a temp directory. The only file ever written is the one the worker chose
(``app.storage.private_files.write_private``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, A6
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.i18n import RESOURCES

FONT = "AthenaSans"
FONT_BOLD = "AthenaSans-Bold"
FORMATS = ("a4", "card")


@cache
def register_fonts() -> None:
    """DejaVu Sans ships in resources/fonts (Latin incl. åäö, Arabic, Cyrillic...) and is embedded as a subset."""
    folder = RESOURCES / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


@dataclass(frozen=True)
class PageFormat:
    key: str
    size: tuple[float, float]
    margin: float
    title: float  # font sizes in points
    heading: float
    body: float
    small: float


PAGE_FORMATS = {
    # A4 for the desk or the file; large type for reading without glasses.
    "a4": PageFormat("a4", A4, 20 * mm, 24, 16, 13, 10),
    # A pocket card: A6 pages that fold once to the size of a wallet.
    "card": PageFormat("card", A6, 8 * mm, 14, 11, 10, 7.5),
}


def page_format(key: str) -> PageFormat:
    from app.errors import DomainError

    if key not in PAGE_FORMATS:
        raise DomainError("Unknown paper format {fmt} (a4 or card).", fmt=key)
    return PAGE_FORMATS[key]


def visual_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Right-to-left text, wrapped in logical order and then put in visual order line by line.

    Reordering a whole paragraph first and wrapping after would put its lines in the wrong order, so each
    line is shaped (Arabic letters take their joined forms) and measured before ``get_display`` reorders it.
    """
    out: list[str] = []
    for logical in text.splitlines() or [""]:
        words = arabic_reshaper.reshape(_isolate_numbers(logical)).split(" ")
        line: list[str] = []
        for w in words:
            trial = " ".join([*line, w])
            if line and pdfmetrics.stringWidth(trial, font, size) > width:
                out.append(_display(" ".join(line)))
                line = [w]
            else:
                line.append(w)
        out.append(_display(" ".join(line)))
    return out


# Dates and phone numbers read left to right even inside Arabic text: isolate them before reordering.
_NUMBER_RUN = re.compile(r"\d[\d\- ]*\d")
_ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069")


def _isolate_numbers(text: str) -> str:
    return _NUMBER_RUN.sub(lambda m: "\u2066" + m.group(0) + "\u2069", text)


def _display(text: str) -> str:
    return str(get_display(text)).translate(_ISOLATES)


@dataclass
class Page:
    """A document being laid out: collects flowables and every string printed (for the leak checks)."""

    fmt: PageFormat
    rtl: bool = False
    story: list[Flowable] = field(default_factory=list)
    printed: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        register_fonts()
        f = self.fmt
        align = TA_RIGHT if self.rtl else TA_LEFT
        self.styles = {
            "title": ParagraphStyle("title", fontName=FONT_BOLD, fontSize=f.title, leading=f.title * 1.25,
                                    spaceAfter=f.body * 0.6, alignment=align),
            "heading": ParagraphStyle("heading", fontName=FONT_BOLD, fontSize=f.heading,
                                      leading=f.heading * 1.3, spaceBefore=f.body * 0.9, spaceAfter=f.body * 0.3,
                                      alignment=align, textColor=colors.HexColor("#1f2d3d")),
            "body": ParagraphStyle("body", fontName=FONT, fontSize=f.body, leading=f.body * 1.4, alignment=align),
            "bold": ParagraphStyle("bold", fontName=FONT_BOLD, fontSize=f.body, leading=f.body * 1.4,
                                   alignment=align),
            "small": ParagraphStyle("small", fontName=FONT, fontSize=f.small, leading=f.small * 1.35,
                                    alignment=align, textColor=colors.HexColor("#444444")),
        }

    @property
    def width(self) -> float:
        return self.fmt.size[0] - 2 * self.fmt.margin

    def para(self, text: str, style: str = "body", *, width: float | None = None,
             plain: bool = False) -> list[Flowable]:
        """Text as paragraphs; ``plain`` text (phone numbers, dates) is never reordered, only aligned."""
        self.printed.append(text)
        st = self.styles[style]
        if not self.rtl or plain:
            return [Paragraph(escape(text).replace("\n", "<br/>"), st)]
        lines = visual_lines(text, st.fontName, st.fontSize, (width or self.width) - 2)
        return [Paragraph(escape(line) or "&nbsp;", st) for line in lines]

    def add(self, text: str, style: str = "body") -> None:
        self.story.extend(self.para(text, style))

    def space(self, points: float) -> None:
        self.story.append(Spacer(1, points))

    def section(self, heading: str, body: Iterable[Flowable]) -> None:
        """A heading kept on the same page as the start of its text."""
        items = [*self.para(heading, "heading"), *body]
        self.story.append(KeepTogether(items[:3]))
        self.story.extend(items[3:])

    def table(self, rows: list[tuple[str, str]], *, bold_right: bool = True, key_share: float = 0.58) -> Flowable:
        """Two columns (label, value); mirrored for right-to-left languages."""
        w_key = self.width * key_share
        w_val = self.width - w_key
        data: list[list[Any]] = []
        for key, value in rows:
            k = self.para(key, "body", width=w_key)
            v = self.para(value, "bold" if bold_right else "body", width=w_val, plain=True)
            data.append([v, k] if self.rtl else [k, v])
        widths = [w_val, w_key] if self.rtl else [w_key, w_val]
        t = Table(data, colWidths=widths, hAlign="RIGHT" if self.rtl else "LEFT")
        t.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#bbbbbb")),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        return t


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str = ""
    subject: str = ""
    keywords: str = ""
    creator: str = ""


def build_pdf(page: Page, meta: Metadata, footer: str = "") -> tuple[bytes, int]:
    """Lay the story out into a PDF in memory; returns the bytes and the number of pages."""
    buf = io.BytesIO()
    fmt = page.fmt
    doc = SimpleDocTemplate(buf, pagesize=fmt.size, leftMargin=fmt.margin, rightMargin=fmt.margin,
                            topMargin=fmt.margin, bottomMargin=fmt.margin + fmt.small * 1.6,
                            title=meta.title, author=meta.author, subject=meta.subject,
                            keywords=meta.keywords, creator=meta.creator, producer="",
                            invariant=True, pageCompression=1)
    page.printed.extend([meta.title, meta.author, meta.subject, meta.keywords, meta.creator, footer])
    pages = [0]

    def on_page(canvas: Canvas, _doc: Any) -> None:
        pages[0] = canvas.getPageNumber()
        if not footer:
            return
        text = footer.format(page=canvas.getPageNumber())
        canvas.saveState()
        canvas.setFont(FONT, fmt.small)
        canvas.setFillColor(colors.HexColor("#666666"))
        if page.rtl:
            text = _display(arabic_reshaper.reshape(_isolate_numbers(text)))
            canvas.drawRightString(fmt.size[0] - fmt.margin, fmt.margin * 0.6, text)
        else:
            canvas.drawString(fmt.margin, fmt.margin * 0.6, text)
        canvas.restoreState()

    doc.build(list(page.story), onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue(), pages[0]
