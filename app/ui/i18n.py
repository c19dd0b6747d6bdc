"""Qt translations: Swedish by default, English selectable. Source strings in the code are English."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import i18n as core_i18n

TRANSLATIONS = core_i18n.RESOURCES / "translations"
LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"

_installed: list[QTranslator] = []


def qm_path(lang: str) -> Path:
    return TRANSLATIONS / f"athena_{lang}.qm"


def install(app: QCoreApplication, lang: str) -> bool:
    """Switch the running app to ``lang``; returns False if the compiled catalogue is missing."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    core_i18n.set_language(lang)  # messages raised by the services follow the same language
    QLocale.setDefault(QLocale(QLocale.Language.Swedish if lang == "sv" else QLocale.Language.English,
                               QLocale.Country.Sweden))
    if lang == "en":
        return True
    ok = True
    qt_own = QTranslator(app)
    if qt_own.load(QLocale(QLocale.Language.Swedish), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    ours = QTranslator(app)
    if ours.load(str(qm_path(lang))):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        ok = False
    return ok
