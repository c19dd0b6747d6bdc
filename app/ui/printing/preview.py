"""Page images of a PDF held in memory, for the print preview — without writing the document anywhere.

QtPdf's ``QPdfDocument`` reads the bytes from a ``QBuffer`` where the installed PySide6 has it. For the
preview, ``PageRenderer`` has Qt render the pages in its own thread (``QPdfPageRenderer``): a page rendered from
Python holds the interpreter lock for tens of milliseconds, and the GUI thread would wait for it. Some PySide6
builds ship without QtPdf; then poppler's ``pdftoppm`` renders one page at a time through pipes (the PDF on
its standard input, the PNG on its standard output: poppler keeps stdin in memory), so no file is created
either. Without both, the preview shows no pages and says so; printing and saving still work.
"""

from __future__ import annotations

import shutil
import subprocess
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Signal
from PySide6.QtGui import QImage

try:  # pragma: no cover - depends on the PySide6 build
    from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions, QPdfPageRenderer
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


class PageRenderer(QObject):
    """A PDF's pages rendered to images by Qt in its own thread, with no Python running (QtPdf only: see
    ``threaded``): the GUI thread loads the bytes (well under a millisecond) and asks for each page;
    ``page_ready`` brings each image back to it, ``finished`` follows the last one."""

    page_ready = Signal(int, QImage)  # page index, its image
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc: Any = None
        self._buf: QBuffer | None = None
        self._renderer: Any = None
        self._left: set[int] = set()

    @staticmethod
    def threaded() -> bool:
        return backend() == "qtpdf"

    def start(self, pdf: bytes, *, dpi: int, max_pages: int) -> int:
        """Ask for the pages (at most ``max_pages``) of ``pdf``; returns how many will arrive."""
        assert QPdfDocument is not None
        self.stop()
        self._buf = QBuffer(self)
        self._buf.setData(QByteArray(pdf))
        self._buf.open(QIODevice.OpenModeFlag.ReadOnly)
        self._doc = QPdfDocument(self)
        self._doc.load(self._buf)
        self._renderer = QPdfPageRenderer(self)
        self._renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        self._renderer.setDocument(self._doc)
        self._renderer.pageRendered.connect(self._rendered)
        count = min(int(self._doc.pageCount()), max_pages)
        self._left = set(range(count))
        for i in range(count):
            size = self._doc.pagePointSize(i)
            self._renderer.requestPage(i, QSize(int(size.width() * dpi / 72), int(size.height() * dpi / 72)),
                                       QPdfDocumentRenderOptions())
        if not count:
            self.finished.emit()
        return count

    def _rendered(self, page: int, _size: QSize, image: QImage, *_rest: object) -> None:
        if page not in self._left:
            return
        self._left.discard(page)
        self.page_ready.emit(page, image)
        if not self._left:
            self.finished.emit()

    def stop(self) -> None:
        """Drop the document being rendered (a newer one replaces it); pages still on their way are ignored."""
        self._left = set()
        for obj in (self._renderer, self._doc, self._buf):
            if obj is not None:
                obj.deleteLater()
        self._renderer = self._doc = self._buf = None
