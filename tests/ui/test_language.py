"""Swedish by default through Qt's translator, English selectable; every source string translated."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.ui import i18n
from app.ui.shell import AthenaWindow

TS = i18n.TRANSLATIONS / "athena_sv.ts"


def test_every_string_has_a_swedish_translation() -> None:
    unfinished = [m.findtext("source") for m in ET.parse(TS).iter("message")
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")  # type: ignore[union-attr]
                  or not ("".join(m.find("translation").itertext()).strip())]  # type: ignore[union-attr]
    assert unfinished == []


@pytest.mark.skipif(not i18n.qm_path("sv").exists(), reason="run `make translations` first")
def test_swedish_then_english(qtbot, tmp_path: Path, prefs) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert app is not None
    try:
        assert i18n.install(app, "sv")
        window = AthenaWindow(tmp_path / "diary", prefs)
        qtbot.addWidget(window)
        assert window.create_screen.button.text() == "&Skapa dagbok"
        assert "glömd lösenfras" in " ".join(w.text() for w in window.create_screen.findChildren(type(
            window.unlock_screen.message)))
        window.apply_language("en")
        assert window.create_screen.button.text() == "&Create diary"
    finally:
        i18n.install(app, "en")
