"""Message catalogue for the UI-free layers (services, CLI).

The Qt UI translates its own strings with Qt's translation system; errors and CLI output raised below the UI
are looked up here, with English as the key and Swedish as the default language.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path


def _resources_root() -> Path:
    """The one folder every resource is read from: ``app/resources`` in an installed wheel or a bundle,
    ``resources/`` beside ``app/`` in a checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "resources"
    return installed if installed.is_dir() else here.parent / "resources"


RESOURCES = _resources_root()

_current: str | None = None


def set_language(lang: str) -> None:
    global _current
    _current = lang


def current_language() -> str:
    if _current:
        return _current
    env = os.environ.get("ATHENA_LANG", "")
    return "en" if env.startswith("en") else "sv"


@cache
def catalogue(lang: str) -> dict[str, str]:
    """``messages_<lang>.json`` merged with every feature catalogue ``messages_<lang>.<feature>.json``."""
    folder = RESOURCES / "translations"
    data: dict[str, str] = {}
    for path in [folder / f"messages_{lang}.json", *sorted(folder.glob(f"messages_{lang}.*.json"))]:
        if path.exists():
            data.update(json.loads(path.read_text(encoding="utf-8")))
    return data


_catalogue = catalogue


def tr(message_en: str, lang: str | None = None) -> str:
    lang = lang or current_language()
    if lang == "en":
        return message_en
    return _catalogue(lang).get(message_en, message_en)
