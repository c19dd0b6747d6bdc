"""Swedish by default through Qt's translator, English selectable; every source string translated."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.ui import i18n, i18n_build
from app.ui.shell import AthenaWindow

TS = i18n.TRANSLATIONS / "athena_sv.ts"


def unfinished(ts: Path) -> list[str]:
    """Source strings of ``ts`` without a finished Swedish translation (every plural form filled in)."""
    out = []
    for m in ET.parse(ts).iter("message"):
        translation = m.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(f.strip() for f in forms):
            out.append(m.findtext("source") or "")
    return out


def test_every_string_has_a_swedish_translation() -> None:
    assert [s for ts in i18n_build.catalogues("sv") for s in unfinished(ts)] == []


def test_translations_keep_the_placeholders() -> None:
    def marks(text: str) -> set[str]:
        return set(re.findall(r"{\w+}|%n", text))

    wrong = [m.findtext("source") for ts in i18n_build.catalogues("sv") for m in ET.parse(ts).iter("message")
             if marks(m.findtext("source") or "") != marks("".join(m.find("translation").itertext()))]  # type: ignore[union-attr]
    assert wrong == []


def test_every_source_string_is_in_the_catalogue(tmp_path: Path) -> None:
    """A string added to app/ui without running `python -m app.ui.i18n_build --update` would show in English."""
    for path in i18n_build.catalogues("sv"):
        shutil.copy(path, tmp_path / path.name)
    i18n_build.fold("sv", tmp_path)
    i18n_build.update(tmp_path)
    assert unfinished(tmp_path / TS.name) == []
    # Only catalogues the build compiles: athena_<lang>.ts and its feature catalogues athena_<lang>.<feature>.ts.
    compiled = {p for lang in i18n_build.LANGUAGES for p in i18n_build.catalogues(lang)}
    assert set(i18n.TRANSLATIONS.glob("*.ts")) == compiled


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
