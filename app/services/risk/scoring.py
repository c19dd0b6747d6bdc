"""How an assessment's answers become its result: pure functions, no database.

Answers are stored as one JSON object::

    {"items": {item_id: {"value": "yes" | 3 | "text", "comment": "..."}},
     "judgements": {scenario_id: {"level": "low" | "medium" | "high", "comment": "...", "persons": [id, ...]}},
     "persons": [{"id": "p1", "role": "perpetrator" | "victim", "label": "..."}]}

A summed-score instrument adds points: "yes" earns the item's weight, a scale its value times the weight,
"no", "don't know" and free text earn none ("don't know" is counted apart, since a checklist with many
unknowns understates the risk). A structured professional judgement has no points: the assessor rates each
named scenario low, medium or high, and the overall level is the highest of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.errors import DomainError
from app.services.risk.instruments import JUDGEMENT, LEVELS, SUMMED, YES_NO_UNKNOWN, Band, Instrument, Item

MAX_FREE_TEXT = 4000
MAX_COMMENT = 2000
ROLES = ("perpetrator", "victim")
CLIENT_ESTIMATES = ("low", "medium", "high", "unsure")


def level_rank(level: str | None) -> int:
    """low 1, medium 2, high 3; 0 when not yet known."""
    return LEVELS.index(level) + 1 if level in LEVELS else 0


def check_value(item: Item, value: Any) -> object:
    """The answer in its stored form, or DomainError when it does not fit the item."""
    if value is None:
        return None
    if item.answer == "yes_no_unknown":
        if value not in YES_NO_UNKNOWN:
            raise DomainError("The answer must be yes, no or don't know.")
        return str(value)
    if item.answer == "scale":
        if isinstance(value, bool) or not isinstance(value, int) or not item.scale_min <= value <= item.scale_max:
            raise DomainError("The answer must be a number from {lo} to {hi}.", lo=item.scale_min, hi=item.scale_max)
        return value
    if not isinstance(value, str):
        raise DomainError("The answer must be text.")
    if len(value) > MAX_FREE_TEXT:
        raise DomainError("{field} is too long (at most {n} characters).", field="Answer", n=MAX_FREE_TEXT)
    return value.strip()


def item_points(item: Item, value: object) -> int:
    if item.answer == "yes_no_unknown":
        return item.weight if value == "yes" else 0
    if item.answer == "scale" and isinstance(value, int) and not isinstance(value, bool):
        return item.weight * value
    return 0


def band_for(bands: tuple[Band, ...], score: int) -> Band | None:
    return next((b for b in bands if b.min <= score <= b.max), None)


def _item_values(answers: Mapping[str, Any]) -> dict[str, object]:
    items = answers.get("items") or {}
    out: dict[str, object] = {}
    if isinstance(items, Mapping):
        for key, entry in items.items():
            if isinstance(entry, Mapping):
                out[str(key)] = entry.get("value")
    return out


def _answered(item: Item, value: object) -> bool:
    if value is None:
        return False
    return not (item.answer == "free_text" and value == "")


def compute_result(instrument: Instrument, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The result as far as the answers go; ``complete`` says whether every scored item and scenario is done."""
    values = _item_values(answers)
    scored = [i for i in instrument.items if i.scored]
    answered = [i for i in scored if _answered(i, values.get(i.id))]
    common: dict[str, Any] = {
        "method": instrument.method, "instrument_id": instrument.id, "instrument_version": instrument.version,
        "answered": len(answered), "total": len(scored),
        "unknown": sum(1 for i in scored if values.get(i.id) == "unknown"),
        "present": sum(1 for i in scored if values.get(i.id) == "yes"),
    }
    if instrument.method == SUMMED:
        score = sum(item_points(i, values.get(i.id)) for i in scored)
        # Nothing answered yet is not "low risk": no band until at least one item is answered.
        band = band_for(instrument.bands, score) if answered else None
        level = band.level if band else None
        return {**common, "score": score, "max_score": instrument.max_score, "band": band.id if band else None,
                "level": level, "rank": level_rank(level), "complete": len(answered) == len(scored)}
    judgements = answers.get("judgements") or {}
    levels: dict[str, str | None] = {}
    for sc in instrument.scenarios:
        entry = judgements.get(sc.id) if isinstance(judgements, Mapping) else None
        lvl = entry.get("level") if isinstance(entry, Mapping) else None
        levels[sc.id] = lvl if lvl in LEVELS else None
    known = [lv for lv in levels.values() if lv is not None]
    overall = max(known, key=level_rank) if known else None
    return {**common, "scenarios": levels, "judged": len(known), "scenario_total": len(levels),
            "level": overall, "rank": level_rank(overall),
            "complete": len(answered) == len(scored) and len(known) == len(levels)}


def missing_for_completion(instrument: Instrument, answers: Mapping[str, Any], client_estimate: str,
                           summary: str) -> list[str]:
    """English message keys for what still stands in the way of completing; empty when it can be completed."""
    res = compute_result(instrument, answers)
    out: list[str] = []
    if res["answered"] < res["total"]:
        out.append("Answer every item (don't know is an answer).")
    if instrument.method == JUDGEMENT and res["judged"] < res["scenario_total"]:
        out.append("Rate every scenario low, medium or high.")
    if instrument.persons:
        roles = {p.get("role") for p in answers.get("persons") or [] if isinstance(p, Mapping)}
        if not {"perpetrator", "victim"} <= roles:
            out.append("Name at least one person at risk and one who may use violence.")
    if client_estimate not in CLIENT_ESTIMATES:
        out.append("Record the client's own estimate of her risk.")
    if not summary.strip():
        out.append("Write the assessor's summary.")
    return out


def check_persons(persons: Any) -> list[dict[str, str]]:
    """Validated list of people in a structured judgement (several perpetrators and victims possible)."""
    if not isinstance(persons, list):
        raise DomainError("The list of persons is malformed.")
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    given = {str(p.get("id")) for p in persons if isinstance(p, Mapping) and p.get("id")}
    fresh = (f"p{k}" for k in range(1, 10_000) if f"p{k}" not in given)  # new people get unused ids
    for p in persons:
        if not isinstance(p, Mapping):
            raise DomainError("The list of persons is malformed.")
        role = p.get("role")
        if role not in ROLES:
            raise DomainError("{field} has a value that is not allowed.", field="Role")
        label = str(p.get("label") or "").strip()
        if not label:
            raise DomainError("{field} is required.", field="Person")
        if len(label) > 200:
            raise DomainError("{field} is too long (at most {n} characters).", field="Person", n=200)
        pid = str(p.get("id") or next(fresh))
        if pid in seen:
            raise DomainError("The list of persons is malformed.")
        seen.add(pid)
        out.append({"id": pid, "role": str(role), "label": label})
    return out
