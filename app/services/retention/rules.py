"""Retention rules (gallring) as data: ``resources/reference/retention.json``, overridable per diary.

Pure functions only: when a record is due, by when it must go, whose birth day exempts it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from app.errors import DomainError
from app.i18n import RESOURCES

OVERRIDE_KEY = "retention.rules"
KEYS = ("keep_everything", "years_after_last_entry", "keep_while_other_register_data", "archive_birth_days")


@dataclass(frozen=True)
class Rules:
    name: str
    version: int
    keep_everything: bool
    years_after_last_entry: int
    keep_while_other_register_data: bool
    archive_birth_days: tuple[int, ...]

    @property
    def label(self) -> str:
        return f"{self.name} v{self.version}"


@cache
def _file() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((RESOURCES / "reference" / "retention.json").read_text("utf-8"))
    return data


def parse(data: dict[str, Any], overrides: dict[str, Any] | None = None) -> Rules:
    merged = {**data, **(overrides or {})}
    try:
        years = int(merged["years_after_last_entry"])
        days = tuple(sorted({int(d) for d in merged.get("archive_birth_days", [])}))
    except (KeyError, TypeError, ValueError):
        raise DomainError("The retention rules are not valid.") from None
    if not 1 <= years <= 100 or any(not 1 <= d <= 31 for d in days):
        raise DomainError("The retention rules are not valid.")
    return Rules(name=str(merged.get("name", "")), version=int(merged.get("version", 1)),
                 keep_everything=bool(merged.get("keep_everything", False)), years_after_last_entry=years,
                 keep_while_other_register_data=bool(merged.get("keep_while_other_register_data", True)),
                 archive_birth_days=days)


def load(overrides: dict[str, Any] | None = None) -> Rules:
    return parse(_file(), overrides)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def due_on(last_entry: date, rules: Rules) -> date:
    """The first day the record may be purged."""
    return add_years(last_entry, rules.years_after_last_entry)


def deadline(due: date) -> date:
    """The record must be gone by the end of the calendar year after the one it fell due in."""
    return date(due.year + 1, 12, 31)


def birth_day(personal_number: str | None) -> int | None:
    """Day of the month from a personal identity number (YYYYMMDD-NNNN or YYMMDD-NNNN); coordination
    numbers (day + 60) count as the real day."""
    if not personal_number:
        return None
    digits = "".join(ch for ch in personal_number if ch.isdigit())
    if len(digits) == 12:
        raw = digits[6:8]
    elif len(digits) == 10:
        raw = digits[4:6]
    else:
        return None
    day = int(raw)
    if day > 60:
        day -= 60
    return day if 1 <= day <= 31 else None


def person_key(personal_number: str | None) -> str | None:
    """The same person across records: the last ten digits of the personal identity number."""
    if not personal_number:
        return None
    digits = "".join(ch for ch in personal_number if ch.isdigit())
    return digits[-10:] if len(digits) >= 10 else None
