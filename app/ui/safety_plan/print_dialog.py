"""The print dialog for a safety plan: options, a preview of the real pages, what is left out, save or print.

The PDF is made in a worker thread and kept in memory; it is written only to the file the worker chooses or
sent to the printer. Each save or print is logged in the audit trail (what and how, never the content).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.printing.output import PrintResult
from app.printing.safety_plan import PlanPrintOptions
from app.reference import plan_sections
from app.services.audit import log_print
from app.services.context import Diary
from app.services.safety_plan.printout import render_safety_plan
from app.storage.private_files import write_private
from app.ui.printing import preview as pdf_preview
from app.ui.tasks import TaskRunner


class SafetyPlanPrintDialog(QDialog):
    def __init__(self, diary: Diary, runner: TaskRunner, client_id: str, version: int | None,
                 neutral_title: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diary, self.runner, self.client_id, self.version = diary, runner, client_id, version
        self.document: PrintResult | None = None  # not ``result``: that would hide QDialog.result()
        self._pending = self._again = False
        self.setWindowTitle(self.tr("Print safety plan"))
        self.resize(900, 700)

        self.discreet = QRadioButton(self.tr("Discreet (to take home)"))
        self.full = QRadioButton(self.tr("Full (for the file)"))
        self.discreet.setChecked(True)
        mode = QHBoxLayout()
        mode.addWidget(self.discreet)
        mode.addWidget(self.full)
        self.language = QComboBox()
        for code in plan_sections.languages():
            self.language.addItem(plan_sections.language(code).name, code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.language.setAccessibleName(self.tr("Language"))
        self.paper = QComboBox()
        self.paper.setAccessibleName(self.tr("Paper"))
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("Pocket card (A6)"), "card")
        self.title_edit = QLineEdit(neutral_title)
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setPlaceholderText(self.tr("A neutral title of her choice"))
        self.with_name = QCheckBox(self.tr("Print her name"))
        self.sensitive = QCheckBox(self.tr("Include the sensitive sections"))

        form = QFormLayout()
        form.addRow(self.tr("Mode"), mode)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow("", self.with_name)
        form.addRow("", self.sensitive)

        self.omissions = QLabel()
        self.omissions.setWordWrap(True)
        self.omissions.setObjectName("omissions")
        self.status = QLabel()
        self.pages = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(self.pages)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.tr("Preview of the pages"))
        # An A4 page at the preview's 60 dpi is 496 pixels wide: show it whole, with the margins and scroll bar.
        scroll.setMinimumWidth(round(8.27 * 60) + 2 * scroll.frameWidth() + 44)
        scroll.setWidget(holder)

        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.print_button = QPushButton(self.tr("Print…"))
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for b in (self.save_button, self.print_button, close):
            buttons.addWidget(b)
        self.save_button.clicked.connect(self.save_as_pdf)
        self.print_button.clicked.connect(self.print_document)
        close.clicked.connect(self.reject)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(QLabel(self.tr("Left out of this printout:")))
        left.addWidget(self.omissions)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(scroll, 3)
        root = QVBoxLayout(self)
        root.addLayout(body, 1)
        root.addLayout(buttons)

        for w in (self.discreet, self.full, self.with_name, self.sensitive):
            w.toggled.connect(self.refresh)
        self.language.currentIndexChanged.connect(self.refresh)
        self.paper.currentIndexChanged.connect(self.refresh)
        self.title_edit.editingFinished.connect(self.refresh)
        self.refresh()

    def options(self) -> PlanPrintOptions:
        discreet = self.discreet.isChecked()
        self.title_edit.setEnabled(discreet)
        self.sensitive.setEnabled(discreet)
        return PlanPrintOptions(discreet=discreet, language=self.language.currentData(),
                                fmt=self.paper.currentData(), version=self.version,
                                neutral_title=self.title_edit.text(), with_name=self.with_name.isChecked(),
                                include_sensitive=self.sensitive.isChecked())

    def refresh(self, *_: Any) -> None:
        if self._pending:  # one render at a time; the newest options win when it comes back
            self._again = True
            return
        self._pending, self._again = True, False
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("Making the document…"))
        self.runner.run(self._make, self.options(), on_done=self._made, on_error=self._failed)

    def _make(self, opts: PlanPrintOptions) -> tuple[PrintResult, list[QImage]]:
        result = render_safety_plan(self.diary, self.client_id, opts)
        return result, pdf_preview.render_pages(result.pdf, dpi=60, max_pages=result.pages)

    def _made(self, value: tuple[PrintResult, list[QImage]]) -> None:
        self._pending = False
        if self._again:
            self.refresh()
            return
        self.document, images = value
        self.omissions.setText("\n".join(f"• {o}" for o in self.document.omissions) or self.tr("Nothing."))
        while self.pages.count():
            item = self.pages.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        for img in images:
            label = QLabel()
            pixmap = QPixmap.fromImage(img)
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.size())
            label.setStyleSheet("background: white; border: 1px solid #999;")
            self.pages.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        if not images:
            self.pages.addWidget(QLabel(self.tr("No page preview on this computer; the document is ready.")))
        self.status.setText(self.tr("%n page(s)", "", self.document.pages))
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)

    def _failed(self, exc: Exception) -> None:
        self._pending = False
        self.document = None
        self.status.setText(str(exc) if hasattr(exc, "user_message") else self.tr("The document failed."))

    def save_as_pdf(self) -> None:
        if self.document is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), "", self.tr("PDF (*.pdf)"))
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> None:
        assert self.document is not None
        try:
            write_private(path, self.document.pdf)
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Save as PDF"), str(exc))
            return
        self.runner.run(log_print, self.diary, self.document, target="file")
        self.status.setText(self.tr("Saved."))

    def print_document(self) -> None:
        if self.document is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Send the document to the printer chosen in the dialog.

        On a CUPS system the PDF goes to ``lp`` on its standard input: Qt's own CUPS backend would spool the
        job through a temporary file. Elsewhere (or when printing to a file) the page images are painted on
        the QPrinter; they exist in memory only.
        """
        assert self.document is not None
        lp = shutil.which("lp")
        name = _cups_printer(printer)
        if lp and name:
            done = subprocess.run([lp, "-d", name, "-n", str(max(printer.copyCount(), 1)),
                                   "-t", "document", "-"], input=self.document.pdf, capture_output=True,
                                  timeout=60, check=False)
            if done.returncode != 0:
                QMessageBox.warning(self, self.tr("Print"), self.tr("The printer did not accept the document."))
                return
        elif not self._paint(printer):
            return
        self.runner.run(log_print, self.diary, self.document, target="printer")
        self.status.setText(self.tr("Sent to the printer."))

    def _paint(self, printer: QPrinter) -> bool:
        assert self.document is not None
        images = pdf_preview.render_pages(self.document.pdf, dpi=200, max_pages=self.document.pages)
        if not images:
            QMessageBox.warning(self, self.tr("Print"), self.tr("This computer cannot print PDF pages; save the "
                                                               "document as PDF and print it from there."))
            return False
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
        return True


def _cups_printer(printer: QPrinter) -> str:
    """The CUPS queue name when the job should go through ``lp``; "" to paint on the QPrinter instead."""
    native = printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
    return printer.printerName() if native and sys.platform.startswith("linux") else ""
