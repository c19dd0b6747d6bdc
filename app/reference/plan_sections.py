"""The sections of a safety plan as data (resources/safety_plan): order, kind, per-language texts.

A language is either inline in ``sections.json`` or a drop-in file ``languages/<code>.json`` of the same shape;
missing labels and prompts fall back to English, so a new language can start with its headings only.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from app.errors import DomainError
from app.i18n import RESOURCES

PLAN_DIR = RESOURCES / "safety_plan"
FALLBACK = "en"


@dataclass(frozen=True)
class SectionDef:
    id: str
    kind: str  # text / people / numbers
    discreet_sensitive: bool


@dataclass(frozen=True)
class SectionText:
    heading: str
    neutral_heading: str
    prompts: tuple[str, ...]


@dataclass(frozen=True)
class LanguagePack:
    code: str
    name: str
    rtl: bool
    labels: dict[str, str]
    sections: dict[str, SectionText]

    def label(self, key: str, **params: object) -> str:
        text = self.labels.get(key, key)
        return text.format(**params) if params else text

    def heading(self, section_id: str, *, discreet: bool) -> str:
        t = self.sections.get(section_id)
        if t is None:
            return section_id
        return t.neutral_heading if discreet else t.heading


@cache
def _raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PLAN_DIR / "sections.json").read_text(encoding="utf-8"))
    return data


def sections() -> list[SectionDef]:
    return [SectionDef(s["id"], s.get("kind", "text"), bool(s.get("discreet_sensitive", False)))
            for s in _raw()["sections"]]


def section_ids() -> list[str]:
    return [s.id for s in sections()]


def _raw_language(code: str) -> dict[str, Any] | None:
    inline: dict[str, Any] | None = _raw()["languages"].get(code)
    if inline is not None:
        return inline
    if not code.isalpha():
        return None
    path = PLAN_DIR / "languages" / f"{code}.json"
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def languages() -> list[str]:
    """Codes of every language a plan can be printed in: the inline ones first, then the drop-in files."""
    codes = list(_raw()["languages"])
    folder = PLAN_DIR / "languages"
    if folder.is_dir():
        codes += sorted(p.stem for p in folder.glob("*.json") if p.stem not in codes)
    return codes


@cache
def language(code: str) -> LanguagePack:
    raw = _raw_language(code)
    if raw is None:
        raise DomainError("There are no safety plan texts in the language {lang}.", lang=code)
    base = _raw_language(FALLBACK) or {}
    labels = {**base.get("labels", {}), **raw.get("labels", {})}
    texts: dict[str, SectionText] = {}
    for sid in section_ids():
        own = raw.get("sections", {}).get(sid, {})
        fb = base.get("sections", {}).get(sid, {})
        heading = own.get("heading") or fb.get("heading") or sid
        texts[sid] = SectionText(heading=heading, neutral_heading=own.get("neutral_heading") or
                                 fb.get("neutral_heading") or heading,
                                 prompts=tuple(own.get("prompts") or fb.get("prompts") or ()))
    return LanguagePack(code=code, name=str(raw.get("name", code)), rtl=raw.get("direction") == "rtl",
                        labels=labels, sections=texts)


@dataclass(frozen=True)
class DiscreetWords:
    stems: tuple[str, ...]  # anywhere in a word
    words: tuple[str, ...]  # whole words only
    pattern: re.Pattern[str] | None  # the whole words as one alternation


@cache
def _discreet() -> DiscreetWords:
    data: dict[str, Any] = json.loads((PLAN_DIR / "discreet_words.json").read_text(encoding="utf-8"))
    stems: set[str] = set()
    words: set[str] = set()
    for key, value in data.items():
        if key.startswith("_"):
            continue
        if isinstance(value, list):  # the older shape: a list of stems
            stems.update(w.casefold() for w in value)
        else:
            stems.update(w.casefold() for w in value.get("stems", []))
            words.update(w.casefold() for w in value.get("words", []))
    ordered = sorted(words, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in ordered) + r")(?!\w)") if ordered else None
    return DiscreetWords(tuple(sorted(stems)), tuple(sorted(words)), pattern)


def discreet_words() -> tuple[str, ...]:
    """Every word and stem that gives a plan away, in every language (a plan in English may still hold a
    Swedish word)."""
    d = _discreet()
    return tuple(sorted({*d.stems, *d.words}))


def giveaway_words(text: str) -> list[str]:
    """The discreet words found in ``text``: stems anywhere in a word, short words only as whole words
    (case-insensitive; Arabic presentation forms are folded to the plain letters first)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    d = _discreet()
    found = {w for w in d.stems if w in folded}
    if d.pattern is not None:
        found.update(m.group(1) for m in d.pattern.finditer(folded))
    return sorted(found)


# --- the stored value of one section ---------------------------------------------------------------------
# A section is stored as plain text, or for the "people" kind as {"text": str, "people": [person, ...]} where a
# person is a snapshot of a network contact taken when the version was saved (versions never change).

def section_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return str(value.get("text", "") or "")
    return ""


def section_people(value: Any) -> list[dict[str, str]]:
    if not isinstance(value, dict):
        return []
    people = value.get("people") or []
    return [{k: str(p.get(k, "") or "") for k in ("contact_id", "name", "relation", "phone", "safety")}
            for p in people if isinstance(p, dict)]
