"""``athena display-check OUT.png``: can this machine show Athena's text? For IT after an install.

Renders Swedish and right-to-left (Arabic) sample text with the fonts Athena registers at start, saves the
picture, and reports for each sample the font family used and any character the font cannot draw.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo, QFontMetrics
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.ui.app import make_app

SAMPLES = [
    ("sv", "Säkerhetsplan för Åsa Öberg – stödsamtal, rättegångsstöd, Älvsjö"),
    ("ar", "خطة الأمان: أرقام الهاتف المهمة"),  # "Safety plan: important phone numbers"
]


@dataclass(frozen=True)
class SampleResult:
    lang: str
    family: str
    missing: str  # characters the font has no glyph for


def run(out: Path) -> list[SampleResult]:
    app = make_app()
    window = QWidget()
    window.setWindowTitle("Athena")
    layout = QVBoxLayout(window)
    results: list[SampleResult] = []
    for lang, text in SAMPLES:
        label = QLabel(text, window)
        if lang == "ar":
            label.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        label.setFont(font)
        layout.addWidget(label)
        metrics = QFontMetrics(font)
        missing = "".join(sorted({ch for ch in text if not ch.isspace() and not metrics.inFontUcs4(ord(ch))}))
        results.append(SampleResult(lang, QFontInfo(font).family(), missing))
    window.resize(720, 160)
    window.show()
    app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out))
    window.close()
    return results
