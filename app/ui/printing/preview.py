"""Page images of a PDF held in memory, for the print preview — without writing the document anywhere.

QtPdf's ``QPdfDocument`` reads the bytes from a ``QBuffer`` where the installed PySide6 has it. Some PySide6
builds ship without QtPdf; then poppler's ``pdftoppm`` renders one page at a time through pipes (the PDF on
its standard input, the PNG on its standard output: poppler keeps stdin in memory), so no file is created
either. Without both, the preview shows no pages and says so; printing and saving still work.
"""

from __future__ import annotations

import shutil
import subprocess

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage

try:  # pragma: no cover - depends on the PySide6 build
    from PySide6.QtPdf import QPdfDocument
except ImportError:  # pragma: no cover
    QPdfDocument = None  # type: ignore[misc,assignment]


def backend() -> str:
    if QPdfDocument is not None:
        return "qtpdf"
    if shutil.which("pdftoppm"):
        return "pdftoppm"
    return "none"


def render_pages(pdf: bytes, *, dpi: int = 72, max_pages: int = 20) -> list[QImage]:
    kind = backend()
    if kind == "qtpdf":
        return _qtpdf(pdf, dpi, max_pages)
    if kind == "pdftoppm":
        return _pdftoppm(pdf, dpi, max_pages)
    return []


def _qtpdf(pdf: bytes, dpi: int, max_pages: int) -> list[QImage]:  # pragma: no cover - not in every build
    assert QPdfDocument is not None
    buf = QBuffer()
    buf.setData(QByteArray(pdf))
    buf.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buf)
    images = []
    for i in range(min(doc.pageCount(), max_pages)):
        size = doc.pagePointSize(i)
        px = QSize(int(size.width() * dpi / 72), int(size.height() * dpi / 72))
        images.append(doc.render(i, px))
    doc.close()
    return images


def _pdftoppm(pdf: bytes, dpi: int, max_pages: int) -> list[QImage]:
    images = []
    for page in range(1, max_pages + 1):
        done = subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-"],
                              input=pdf, capture_output=True, timeout=30, check=False)
        if done.returncode != 0 or not done.stdout:
            break
        img = QImage()
        if not img.loadFromData(done.stdout, "PNG"):
            break
        images.append(img)
    return images
