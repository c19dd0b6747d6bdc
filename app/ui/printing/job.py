"""Sending a finished PDF to a printer, in a worker thread (never on the GUI thread).

On a CUPS system the PDF goes to ``lp`` on its standard input: Qt's own CUPS backend would spool the job
through a temporary file. Elsewhere (or when printing to a file) the pages are rendered at 200 dpi and painted
on the ``QPrinter`` (QPainter may paint on a QPrinter outside the GUI thread); the images exist in memory only.
Rendering a page at 200 dpi takes a few hundred milliseconds, which is why this never runs on the GUI thread.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter

from app.errors import DomainError
from app.storage.private_files import write_private
from app.ui.printing import preview as pdf_preview

PRINT_DPI = 200


def cups_printer(printer: QPrinter) -> str:
    """The CUPS queue name when the job should go through ``lp``; "" to paint on the QPrinter instead."""
    native = printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
    return printer.printerName() if native and sys.platform.startswith("linux") else ""


def send_to_printer(pdf: bytes, pages: int, printer: QPrinter, copies: int = 1) -> str:
    """Print ``pdf`` on ``printer``; returns "file", "lp" or "painted". Raises DomainError with a message to
    show."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        # "Print to file": the document already is a PDF. Written as it is (0600), it keeps its text and
        # vector quality, and Qt's PDF engine (which holds the interpreter lock while it compresses a page
        # image) never runs.
        write_private(printer.outputFileName(), pdf)
        return "file"
    lp = shutil.which("lp")
    name = cups_printer(printer)
    if lp and name:
        done = subprocess.run([lp, "-d", name, "-n", str(max(copies, 1)), "-t", "document", "-"], input=pdf,
                              capture_output=True, timeout=60, check=False)
        if done.returncode != 0:
            raise DomainError("The printer did not accept the document.")
        return "lp"
    images = pdf_preview.render_pages(pdf, dpi=PRINT_DPI, max_pages=pages)
    if not images:
        raise DomainError("This computer cannot print PDF pages; save the document as PDF and print it from there.")
    painter = QPainter(printer)
    try:
        for i, img in enumerate(images):
            if i:
                printer.newPage()
            target = painter.viewport()
            scaled = img.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
            painter.setWindow(img.rect())
            painter.drawImage(0, 0, img)
            painter.setViewport(target)
    finally:
        painter.end()
    return "painted"
