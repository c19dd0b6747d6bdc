"""Instrument files: schema and consistency checks, with errors that name the file and the line."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from app.services.risk import instruments as I
from app.services.risk import jsonpos

SCORED: dict[str, Any] = {
    "format": "athena-instrument/1",
    "id": "test-scored",
    "name": {"sv": "Testlista", "en": "Test list"},
    "version": "1",
    "language": "sv",
    "licence": "Test only.",
    "result": {"method": "summed_score", "bands": [
        {"id": "low", "level": "low", "label": "Low", "min": 0, "max": 2},
        {"id": "high", "level": "high", "label": "High", "min": 3, "max": 5},
    ]},
    "parts": [{"id": "a", "title": "A", "items": [
        {"id": "q1", "answer": "yes_no_unknown", "text": "One?", "weight": 2},
        {"id": "q2", "answer": "scale", "text": "How much?", "scale": {"min": 0, "max": 3}},
        {"id": "q3", "answer": "free_text", "text": "Anything else?"},
    ]}],
}


def write(folder: Path, name: str, doc: dict[str, Any] | str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def line_of(path: Path, needle: str, nth: int = 1) -> int:
    seen = 0
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == nth:
                return n
    raise AssertionError(needle)


def load_one(tmp_path: Path, doc: dict[str, Any] | str) -> tuple[I.Catalogue, Path]:
    good = write(tmp_path / "extra", "a_good.json", SCORED)
    bad = write(tmp_path / "extra", "b_bad.json", doc)
    assert good.exists()
    return I.load_catalogue(tmp_path / "extra", builtin_dir=tmp_path / "none"), bad


def test_builtin_instruments_load_cleanly() -> None:
    cat = I.load_catalogue()
    assert cat.errors == ()
    pv = cat.get("athena-partner-violence")
    hv = cat.get("athena-honour-violence")
    assert pv is not None and hv is not None
    assert pv.method == I.SUMMED and hv.method == I.JUDGEMENT and hv.persons
    ids = {i.id for i in pv.items}
    for factor in ("escalation", "threats_to_kill", "strangulation", "weapons", "separation", "jealousy_control",
                   "stalking", "pregnancy", "children", "substance_abuse", "order_violations"):
        assert factor in ids
    for inst in (pv, hv):  # Swedish first, English beside it, guidance for every scored item
        assert inst.language == "sv" and set(inst.name) == {"sv", "en"} and inst.client_estimate
        assert all(set(i.text) == {"sv", "en"} and set(i.guidance) == {"sv", "en"} for i in inst.items)
    assert pv.bands[0].min == 0 and pv.bands[-1].max == pv.max_score == 27


def test_good_file_loads(tmp_path: Path) -> None:
    write(tmp_path / "x", "t.json", SCORED)
    cat = I.load_catalogue(tmp_path / "x", builtin_dir=tmp_path / "none")
    inst = cat.get("test-scored")
    assert cat.errors == () and inst is not None
    assert inst.max_score == 2 + 3
    assert inst.t(inst.name, "en") == "Test list" and inst.t(inst.licence, "en") == "Test only."


def test_missing_field_names_file_and_line(tmp_path: Path) -> None:
    doc = copy.deepcopy(SCORED)
    del doc["parts"][0]["items"][1]["text"]
    cat, bad = load_one(tmp_path, doc)
    assert set(cat.instruments) == {"test-scored"}  # the good one still loads
    (err,) = cat.errors
    assert err.file == str(bad)
    assert err.line == line_of(bad, '"id": "q2"') - 1  # the item's opening brace
    assert "'text' is a required property" in err.message and "parts[0].items[1]" in err.message
    assert "b_bad.json" in str(err) and f"line {err.line}" in str(err)


def test_wrong_type_names_the_line_of_the_value(tmp_path: Path) -> None:
    doc = copy.deepcopy(SCORED)
    doc["parts"][0]["items"][0]["weight"] = "two"
    cat, bad = load_one(tmp_path, doc)
    (err,) = cat.errors
    assert err.line == line_of(bad, '"weight": "two"')
    assert "parts[0].items[0].weight" in err.message and "'two' is not of type 'integer'" in err.message


def test_unknown_answer_type_and_method(tmp_path: Path) -> None:
    doc = copy.deepcopy(SCORED)
    doc["parts"][0]["items"][2]["answer"] = "essay"
    cat, bad = load_one(tmp_path, doc)
    assert cat.errors[0].line == line_of(bad, '"essay"')
    doc = copy.deepcopy(SCORED)
    doc["result"]["method"] = "vibes"
    cat, bad = load_one(tmp_path, doc)
    assert cat.errors[0].line == line_of(bad, '"vibes"')


def test_duplicate_item_ids(tmp_path: Path) -> None:
    doc = copy.deepcopy(SCORED)
    doc["parts"].append({"id": "b", "title": "B", "items": [{"id": "q1", "answer": "yes_no_unknown", "text": "?"}]})
    doc["result"]["bands"][1]["max"] = 6
    cat, bad = load_one(tmp_path, doc)
    (err,) = cat.errors
    assert "duplicate item id 'q1'" in err.message
    assert err.line == line_of(bad, '"id": "q1"', nth=2)


def test_duplicate_key_in_the_text(tmp_path: Path) -> None:
    text = json.dumps(SCORED, indent=2).replace('"version": "1",', '"version": "1",\n  "version": "2",')
    cat, bad = load_one(tmp_path, text)
    (err,) = cat.errors
    assert "duplicate key 'version'" in err.message and err.line == line_of(bad, '"version": "2"')


def test_duplicate_instrument_ids_across_files(tmp_path: Path) -> None:
    cat, bad = load_one(tmp_path, SCORED)  # b_bad.json repeats a_good.json's id
    (err,) = cat.errors
    assert err.file == str(bad) and "duplicate instrument id 'test-scored'" in err.message
    assert err.line == line_of(bad, '"id": "test-scored"')
    assert cat.get("test-scored") is not None and cat.get("test-scored").source.endswith("a_good.json")  # type: ignore[union-attr]


def test_builtin_id_cannot_be_replaced_by_an_extra_file(tmp_path: Path) -> None:
    doc = json.loads((I.BUILTIN_DIR / "partner_violence_checklist.json").read_text(encoding="utf-8"))
    doc["version"] = "9"
    write(tmp_path / "extra", "copy.json", doc)
    cat = I.load_catalogue(tmp_path / "extra")
    assert cat.get("athena-partner-violence").version == "1.0"  # type: ignore[union-attr]
    assert "duplicate instrument id" in cat.errors[0].message


def test_malformed_json(tmp_path: Path) -> None:
    text = json.dumps(SCORED, indent=2).replace('"language": "sv",', '"language": "sv"')
    cat, bad = load_one(tmp_path, text)
    (err,) = cat.errors
    assert "not valid JSON" in err.message and err.line == line_of(bad, '"licence"')


def test_bands_must_cover_every_score(tmp_path: Path) -> None:
    doc = copy.deepcopy(SCORED)
    doc["result"]["bands"][1]["min"] = 4  # gap at 3
    cat, bad = load_one(tmp_path, doc)
    assert "without gaps" in cat.errors[0].message and cat.errors[0].line == line_of(bad, '"min": 4')
    doc = copy.deepcopy(SCORED)
    doc["result"]["bands"][1]["max"] = 9  # the highest score is 5
    cat, bad = load_one(tmp_path, doc)
    assert "highest possible score, 5" in cat.errors[0].message and cat.errors[0].line == line_of(bad, '"max": 9')


def test_judgement_instrument_takes_no_weights(tmp_path: Path) -> None:
    doc = copy.deepcopy(SCORED)
    doc["result"] = {"method": "structured_judgement", "scenarios": [{"id": "s", "label": "S"}]}
    cat, _bad = load_one(tmp_path, doc)
    assert "take a weight" in cat.errors[0].message
    del doc["parts"][0]["items"][0]["weight"]
    doc["id"] = "test-judged"
    cat, _bad = load_one(tmp_path, doc)
    assert cat.errors == () and cat.get("test-judged").method == I.JUDGEMENT  # type: ignore[union-attr]


def test_scale_needs_its_range_and_missing_folder_is_reported(tmp_path: Path) -> None:
    doc = copy.deepcopy(SCORED)
    del doc["parts"][0]["items"][1]["scale"]
    cat, _bad = load_one(tmp_path, doc)
    assert "'scale' is a required property" in cat.errors[0].message
    cat = I.load_catalogue(tmp_path / "nowhere")
    assert len(cat.instruments) == 2 and "does not exist" in cat.errors[0].message


def test_jsonpos_lines() -> None:
    value, lines = jsonpos.parse('{\n "a": [1,\n  {"b": true}],\n "c": null\n}')
    assert value == {"a": [1, {"b": True}], "c": None}
    assert lines[("a",)] == 2 and lines[("a", 1)] == 3 and lines[("a", 1, "b")] == 3 and lines[("c",)] == 4
    assert jsonpos.line_for(lines, ("a", 1, "missing")) == 3
    with pytest.raises(jsonpos.JsonPosError) as exc:
        jsonpos.parse('{\n "a": 1,\n "a": 2}')
    assert exc.value.line == 3
