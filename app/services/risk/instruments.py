"""Risk assessment instruments are data: JSON files checked against a schema when they are loaded.

Athena ships its own instruments in ``resources/instruments``; an organisation that holds a licence for
another instrument drops its file into a folder named in the preferences. A broken file never stops the
others from loading: it becomes a ``LoadError`` that names the file and the line to look at.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from app.i18n import RESOURCES
from app.services.risk import jsonpos

BUILTIN_DIR = RESOURCES / "instruments"
SCHEMA_PATH = RESOURCES / "schemas" / "instrument.schema.json"
SUMMED = "summed_score"
JUDGEMENT = "structured_judgement"
LEVELS = ("low", "medium", "high")
YES_NO_UNKNOWN = ("yes", "no", "unknown")

Text = Mapping[str, str]


def text(t: Text, lang: str, fallback: str = "sv") -> str:
    """The text in ``lang``, else in the instrument's own language, else any."""
    return t.get(lang) or t.get(fallback) or next(iter(t.values()), "")


@dataclass(frozen=True)
class Item:
    id: str
    part_id: str
    text: Text
    guidance: Text
    answer: str  # yes_no_unknown / scale / free_text
    weight: int
    scale_min: int = 0
    scale_max: int = 0
    scale_labels: Mapping[int, Text] = field(default_factory=dict)

    @property
    def scored(self) -> bool:
        return self.answer != "free_text"

    @property
    def max_points(self) -> int:
        if self.answer == "yes_no_unknown":
            return self.weight
        if self.answer == "scale":
            return self.weight * self.scale_max
        return 0


@dataclass(frozen=True)
class Part:
    id: str
    title: Text
    guidance: Text
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Band:
    id: str
    label: Text
    min: int
    max: int
    level: str
    guidance: Text


@dataclass(frozen=True)
class Scenario:
    id: str
    label: Text
    guidance: Text


@dataclass(frozen=True)
class Instrument:
    id: str
    name: Text
    version: str
    language: str
    licence: Text
    description: Text
    client_estimate: Text
    persons: bool  # several perpetrators and victims are recorded
    method: str
    bands: tuple[Band, ...]
    scenarios: tuple[Scenario, ...]
    parts: tuple[Part, ...]
    source: str
    builtin: bool

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(i for p in self.parts for i in p.items)

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)

    @property
    def max_score(self) -> int:
        return sum(i.max_points for i in self.items) if self.method == SUMMED else 0

    def t(self, value: Text, lang: str) -> str:
        return text(value, lang, self.language)


@dataclass(frozen=True)
class LoadError:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}, line {self.line}: {self.message}"


class InstrumentFileError(ValueError):
    def __init__(self, error: LoadError) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass(frozen=True)
class Catalogue:
    instruments: Mapping[str, Instrument]
    errors: tuple[LoadError, ...]

    def get(self, instrument_id: str) -> Instrument | None:
        return self.instruments.get(instrument_id)

    def ordered(self) -> list[Instrument]:
        return sorted(self.instruments.values(), key=lambda i: (not i.builtin, i.t(i.name, i.language), i.id))


@cache
def _validator() -> Any:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _txt(value: object) -> dict[str, str]:
    if isinstance(value, str):
        return {"": value}  # language-neutral: text() falls through to it
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    return {}


def _where(path: Iterable[object]) -> str:
    parts = [f"[{p}]" if isinstance(p, int) else f".{p}" for p in path]
    return "".join(parts).lstrip(".") or "(top level)"


def _check_unique(ids: list[tuple[str, jsonpos.Path]], what: str, fail: Any) -> None:
    seen: set[str] = set()
    for ident, path in ids:
        if ident in seen:
            fail(path, f"duplicate {what} id '{ident}'")
        seen.add(ident)


def _semantic_checks(doc: dict[str, Any], fail: Any) -> None:
    parts = doc["parts"]
    _check_unique([(p["id"], ("parts", i, "id")) for i, p in enumerate(parts)], "part", fail)
    _check_unique([(it["id"], ("parts", i, "items", j, "id")) for i, p in enumerate(parts)
                   for j, it in enumerate(p["items"])], "item", fail)
    method = doc["result"]["method"]
    max_score = 0
    for i, p in enumerate(parts):
        for j, it in enumerate(p["items"]):
            path: jsonpos.Path = ("parts", i, "items", j)
            if it["answer"] == "scale" and it["scale"]["min"] >= it["scale"]["max"]:
                fail((*path, "scale"), "a scale's min must be below its max")
            if "weight" in it and (method != SUMMED or it["answer"] == "free_text"):
                fail((*path, "weight"), "only scored items of a summed-score instrument take a weight")
            weight = int(it.get("weight", 1))
            if it["answer"] == "yes_no_unknown":
                max_score += weight
            elif it["answer"] == "scale":
                max_score += weight * int(it["scale"]["max"])
    if method == SUMMED:
        bands = doc["result"]["bands"]
        _check_unique([(b["id"], ("result", "bands", k, "id")) for k, b in enumerate(bands)], "band", fail)
        expected = 0
        for k, b in enumerate(bands):
            if b["min"] != expected:
                fail(("result", "bands", k, "min"),
                     f"bands must follow each other without gaps or overlaps: expected min {expected}")
            if b["max"] < b["min"]:
                fail(("result", "bands", k, "max"), "a band's max is below its min")
            expected = int(b["max"]) + 1
        if bands[-1]["max"] != max_score:
            fail(("result", "bands", len(bands) - 1, "max"),
                 f"the last band must end at the highest possible score, {max_score}")
    else:
        scen = doc["result"]["scenarios"]
        _check_unique([(s["id"], ("result", "scenarios", k, "id")) for k, s in enumerate(scen)], "scenario", fail)


def _build(doc: dict[str, Any], source: str, builtin: bool) -> Instrument:
    parts = []
    for p in doc["parts"]:
        items = []
        for it in p["items"]:
            scale = it.get("scale", {})
            labels = {int(k): _txt(v) for k, v in scale.get("labels", {}).items() if str(k).lstrip("-").isdigit()}
            items.append(Item(id=it["id"], part_id=p["id"], text=_txt(it["text"]), guidance=_txt(it.get("guidance")),
                              answer=it["answer"], weight=int(it.get("weight", 1)),
                              scale_min=int(scale.get("min", 0)), scale_max=int(scale.get("max", 0)),
                              scale_labels=labels))
        parts.append(Part(id=p["id"], title=_txt(p["title"]), guidance=_txt(p.get("guidance")), items=tuple(items)))
    res = doc["result"]
    bands = tuple(Band(id=b["id"], label=_txt(b["label"]), min=int(b["min"]), max=int(b["max"]), level=b["level"],
                       guidance=_txt(b.get("guidance"))) for b in res.get("bands", []))
    scenarios = tuple(Scenario(id=s["id"], label=_txt(s["label"]), guidance=_txt(s.get("guidance")))
                      for s in res.get("scenarios", []))
    return Instrument(id=doc["id"], name=_txt(doc["name"]), version=doc["version"], language=doc["language"],
                      licence=_txt(doc["licence"]), description=_txt(doc.get("description")),
                      client_estimate=_txt(doc.get("client_estimate")), persons=bool(doc.get("persons", False)),
                      method=res["method"], bands=bands, scenarios=scenarios, parts=tuple(parts), source=source,
                      builtin=builtin)


def parse_instrument(raw: str, source: str, *, builtin: bool = False) -> tuple[Instrument, dict[jsonpos.Path, int]]:
    """Parse and check one instrument file's text. Raises InstrumentFileError naming ``source`` and a line."""
    try:
        doc, lines = jsonpos.parse(raw)
    except jsonpos.JsonPosError as exc:
        raise InstrumentFileError(LoadError(source, exc.line, f"not valid JSON: {exc.message}")) from None
    errors = sorted(_validator().iter_errors(doc), key=lambda e: jsonpos.line_for(lines, tuple(e.absolute_path)))
    if errors:
        err = jsonschema.exceptions.best_match(errors) if len(errors) > 1 else errors[0]
        path = tuple(err.absolute_path)
        raise InstrumentFileError(LoadError(source, jsonpos.line_for(lines, path), f"{_where(path)}: {err.message}"))

    def fail(path: jsonpos.Path, message: str) -> None:
        raise InstrumentFileError(LoadError(source, jsonpos.line_for(lines, path), f"{_where(path)}: {message}"))

    _semantic_checks(doc, fail)
    return _build(doc, source, builtin), lines


def load_file(path: Path, *, builtin: bool = False) -> tuple[Instrument, dict[jsonpos.Path, int]]:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InstrumentFileError(LoadError(str(path), 1, f"cannot be read ({type(exc).__name__})")) from None
    return parse_instrument(raw, str(path), builtin=builtin)


def _files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.glob("*.json") if p.is_file())
    except OSError:
        return []


def load_catalogue(extra_dir: Path | None = None, builtin_dir: Path = BUILTIN_DIR) -> Catalogue:
    """Every instrument that loads; the files that do not, as errors. Built-in ids win over extra ones."""
    found: dict[str, Instrument] = {}
    errors: list[LoadError] = []
    sources = [(p, True) for p in _files(builtin_dir)]
    if extra_dir is not None:
        if extra_dir.is_dir():
            sources += [(p, False) for p in _files(extra_dir)]
        else:
            errors.append(LoadError(str(extra_dir), 1, "the instrument folder does not exist"))
    for path, builtin in sources:
        try:
            inst, lines = load_file(path, builtin=builtin)
        except InstrumentFileError as exc:
            errors.append(exc.error)
            continue
        if inst.id in found:
            errors.append(LoadError(str(path), lines.get(("id",), 1),
                                    f"id: duplicate instrument id '{inst.id}' (already in {found[inst.id].source})"))
            continue
        found[inst.id] = inst
    return Catalogue(instruments=found, errors=tuple(errors))


def _stamp(folder: Path | None) -> tuple[tuple[str, float], ...]:
    out: list[tuple[str, float]] = []
    for d in (BUILTIN_DIR, folder):
        if d is None:
            continue
        for p in _files(d):
            try:
                out.append((str(p), p.stat().st_mtime))
            except OSError:
                continue
    return tuple(out)


_cached: dict[str, tuple[tuple[tuple[str, float], ...], Catalogue]] = {}


def catalogue(extra_dir: Path | None = None) -> Catalogue:
    """The catalogue, reloaded only when a file in either folder changed."""
    key = str(extra_dir or "")
    stamp = _stamp(extra_dir)
    hit = _cached.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    cat = load_catalogue(extra_dir)
    _cached[key] = (stamp, cat)
    return cat
