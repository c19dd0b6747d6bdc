"""The print dialog every printed document shares: its options on the left, a preview of the real pages and
what is left out, then save as PDF or print.

Nothing heavy runs on the GUI thread: the document is made in a worker and its 60 dpi preview pages are
rendered by Qt in its own thread (with pdftoppm: in the worker, through a pipe), saving
writes the file in a worker, and printing (``lp`` or 200 dpi pages painted on the QPrinter) runs in a worker
too. The dialog hears back by signal: ``saved``/``printed`` on success, ``failed`` with a message to show.
The PDF lives in memory; it is written only to the file she chooses or sent to the printer, and each save or
print is one ``print`` audit event.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.printing.output import PrintResult
from app.services.audit import log_print
from app.services.context import Diary
from app.storage.private_files import write_private
from app.ui.common import error_text, fit_on_screen, show_error
from app.ui.printing import job
from app.ui.printing import preview as pdf_preview
from app.ui.session import SessionRunner
from app.ui.tasks import TaskRunner

PREVIEW_DPI = 60


def _make(build: Callable[[], PrintResult]) -> tuple[PrintResult, list[QImage] | None]:
    """The document, and its preview pages unless Qt renders them in its own thread (None)."""
    result = build()
    if pdf_preview.PageRenderer.threaded():
        return result, None
    return result, pdf_preview.render_pages(result.pdf, dpi=PREVIEW_DPI, max_pages=result.pages)


def _save(diary: Diary, result: PrintResult, path: str) -> str:
    write_private(path, result.pdf)
    log_print(diary, result, target="file")
    return path


class DocumentPrintDialog(QDialog):
    """Subclasses add their options to ``self.form`` and implement ``document()``; call ``refresh()`` when an
    option changes (and once at the end of ``__init__``)."""

    saved = Signal(str)  # the path written
    printed = Signal(str)  # "lp" or "painted"
    failed = Signal(str)  # a message fit to show
    previewed = Signal()  # the preview's pages are on screen

    def __init__(self, diary: Diary, runner: TaskRunner | SessionRunner, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diary, self.runner = diary, runner
        self.printout: PrintResult | None = None
        self._pending = self._again = False
        self._busy = False
        self._printer: QPrinter | None = None  # kept alive while a worker prints on it
        self.preview_done = False
        self._renderer = pdf_preview.PageRenderer(self)
        self._renderer.page_ready.connect(self._page_ready)
        self._renderer.finished.connect(self._pages_done)
        self._page_labels: list[QLabel] = []
        self.setWindowTitle(title)
        fit_on_screen(self, 900, 640, anchor=parent.window() if parent is not None else None)

        self.form = QFormLayout()
        self.omissions = QLabel()
        self.omissions.setWordWrap(True)
        self.omissions.setObjectName("omissions")
        self.omissions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.pages = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(self.pages)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(QCoreApplication.translate("DocumentPrintDialog", "Preview of the pages"))
        # An A4 page at the preview's 60 dpi is 496 pixels wide: show it whole, with the margins and scroll bar.
        scroll.setMinimumWidth(round(8.27 * PREVIEW_DPI) + 2 * scroll.frameWidth() + 44)
        scroll.setWidget(holder)

        self.save_button = QPushButton(QCoreApplication.translate("DocumentPrintDialog", "Save as PDF…"))
        self.print_button = QPushButton(QCoreApplication.translate("DocumentPrintDialog", "Print…"))
        close = QPushButton(QCoreApplication.translate("DocumentPrintDialog", "Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for b in (self.save_button, self.print_button, close):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        self.save_button.clicked.connect(self.save_as_pdf)
        self.print_button.clicked.connect(self.print_document)
        close.clicked.connect(self.reject)

        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addWidget(QLabel(QCoreApplication.translate("DocumentPrintDialog", "Left out of this printout:")))
        left.addWidget(self.omissions)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(scroll, 3)
        root = QVBoxLayout(self)
        root.addLayout(body, 1)
        root.addLayout(buttons)
        self.failed.connect(self.status.setText)

    # --- to implement -------------------------------------------------------------------------------------
    def document(self) -> Callable[[], PrintResult]:
        """Read the options (GUI thread) and return the call that builds the document (worker thread)."""
        raise NotImplementedError

    # --- the preview --------------------------------------------------------------------------------------
    def refresh(self, *_: Any) -> None:
        if self._pending:  # one render at a time; the newest options win when it comes back
            self._again = True
            return
        self._pending, self._again = True, False
        self.preview_done = False
        self._enable(False)
        self.status.setText(QCoreApplication.translate("DocumentPrintDialog", "Making the document…"))
        self.runner.run(_make, self.document(), on_done=self._made, on_error=self._failed, parallel=True)

    def _enable(self, on: bool) -> None:
        self.save_button.setEnabled(on and not self._busy)
        self.print_button.setEnabled(on and not self._busy)

    def _made(self, value: tuple[PrintResult, list[QImage] | None]) -> None:
        self._pending = False
        if self._again:
            self.refresh()
            return
        self.printout, images = value
        nothing = QCoreApplication.translate("DocumentPrintDialog", "Nothing.")
        self.omissions.setText("\n".join(f"• {o}" for o in self.printout.omissions) or nothing)
        self._renderer.stop()
        self._page_labels = []
        self.preview_done = False
        while self.pages.count():
            item = self.pages.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if images is None:  # Qt renders the pages in its own thread; each is shown as it arrives
            count = self._renderer.start(self.printout.pdf, dpi=PREVIEW_DPI, max_pages=self.printout.pages)
            for _ in range(count):
                label = QLabel()
                label.setStyleSheet("background: white; border: 1px solid #999;")
                self._page_labels.append(label)
                self.pages.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            images = []
        for img in images:
            label = QLabel()
            self._set_page(label, img)
            self.pages.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        if not images and not self._page_labels:
            self.pages.addWidget(QLabel(QCoreApplication.translate(
                "DocumentPrintDialog", "No page preview on this computer; the document is ready.")))
        self.status.setText(QCoreApplication.translate("DocumentPrintDialog", "%n page(s)", "",
                                                       self.printout.pages))
        self._enable(True)
        if not self._page_labels:
            self._pages_done()

    @staticmethod
    def _set_page(label: QLabel, img: QImage) -> None:
        pixmap = QPixmap.fromImage(img)
        label.setPixmap(pixmap)
        label.setFixedSize(pixmap.size())
        label.setStyleSheet("background: white; border: 1px solid #999;")

    def _page_ready(self, page: int, img: QImage) -> None:
        if 0 <= page < len(self._page_labels):
            self._set_page(self._page_labels[page], img)

    def _pages_done(self) -> None:
        self.preview_done = True
        self.previewed.emit()

    def _failed(self, exc: Exception) -> None:
        self._pending = False
        self.printout = None
        self.failed.emit(error_text(exc) if hasattr(exc, "user_message")
                         else QCoreApplication.translate("DocumentPrintDialog", "The document failed."))

    # --- save and print (both in a worker) ----------------------------------------------------------------
    def save_as_pdf(self) -> None:
        if self.printout is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("DocumentPrintDialog", "Save as PDF"),
                                              "", QCoreApplication.translate("DocumentPrintDialog", "PDF (*.pdf)"))
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> None:
        if self.printout is None or self._busy:
            return
        self._start(QCoreApplication.translate("DocumentPrintDialog", "Saving…"))
        self.runner.run(_save, self.diary, self.printout, path, on_done=self._saved, on_error=self._job_failed)

    def _saved(self, path: str) -> None:
        self._busy = False
        self._enable(self.printout is not None)
        self.status.setText(QCoreApplication.translate("DocumentPrintDialog", "Saved."))
        self.saved.emit(path)

    def print_document(self) -> None:
        if self.printout is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Send the document to ``printer`` in a worker; ``printed`` or ``failed`` reports back."""
        if self.printout is None or self._busy:
            return
        self._printer = printer
        self._start(QCoreApplication.translate("DocumentPrintDialog", "Printing…"))
        # The pool, not the database thread: 200 dpi pages take seconds and must not hold up her writing.
        self.runner.run(job.send_to_printer, self.printout.pdf, self.printout.pages, printer,
                        max(printer.copyCount(), 1), on_done=self._sent, on_error=self._job_failed,
                        parallel=True)

    def _sent(self, how: str) -> None:
        result = self.printout
        if result is not None:
            self.runner.run(log_print, self.diary, result, target="printer",
                            on_done=lambda _v: self._printed(how), on_error=self._job_failed)
        else:
            self._printed(how)

    def _printed(self, how: str) -> None:
        self._busy = False
        self._printer = None
        self._enable(self.printout is not None)
        self.status.setText(QCoreApplication.translate("DocumentPrintDialog", "Sent to the printer."))
        self.printed.emit(how)

    def _start(self, text: str) -> None:
        self._busy = True
        self._enable(False)
        self.status.setText(text)

    def _job_failed(self, exc: Exception) -> None:
        """Saving or printing failed (the file, the printer, the audit event): said in the dialog and in a
        message over it, so it is not missed."""
        self._busy = False
        self._printer = None
        self._enable(self.printout is not None)
        self.failed.emit(error_text(exc))
        show_error(self, exc)
