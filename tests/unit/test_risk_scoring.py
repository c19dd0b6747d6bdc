"""Scoring of both result types, with hand-computed expectations, and properties of summed scores."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import DomainError
from app.services.risk import instruments as I
from app.services.risk.scoring import (
    band_for,
    check_value,
    compute_result,
    level_rank,
    missing_for_completion,
)

CAT = I.load_catalogue()
PV = CAT.get("athena-partner-violence")
HV = CAT.get("athena-honour-violence")
assert PV is not None and HV is not None


def items(**values: Any) -> dict[str, Any]:
    return {"items": {k: {"value": v, "comment": ""} for k, v in values.items()}}


ALL_NO = {i.id: "no" for i in PV.items if i.answer == "yes_no_unknown"} | {"frequency": 0, "other": ""}


def test_partner_violence_hand_computed_medium() -> None:
    # escalation yes 2 + frequency 2 × 1 + threats yes 3 + separation yes 2 = 9 -> "medium" (7..13)
    answers = items(**(ALL_NO | {"escalation": "yes", "frequency": 2, "threats_to_kill": "yes",
                                 "weapons": "unknown", "separation": "yes"}))
    r = compute_result(PV, answers)
    assert (r["score"], r["max_score"], r["band"], r["level"], r["rank"]) == (9, 27, "medium", "medium", 2)
    assert (r["answered"], r["total"], r["unknown"], r["present"], r["complete"]) == (12, 12, 1, 3, True)


def test_partner_violence_extremes_and_partial() -> None:
    assert compute_result(PV, items(**ALL_NO))["score"] == 0
    assert compute_result(PV, items(**ALL_NO))["band"] == "low"
    everything = {k: "yes" for k in ALL_NO} | {"frequency": 3, "other": "text"}
    r = compute_result(PV, items(**everything))
    assert (r["score"], r["band"], r["level"]) == (27, "high", "high")
    # strangulation 3 + weapons 3 + children 2 + order violations 2 + substance abuse 1 + frequency 3 = 14 -> high
    r = compute_result(PV, items(strangulation="yes", weapons="yes", children="yes", order_violations="yes",
                                 substance_abuse="yes", frequency=3))
    assert (r["score"], r["band"], r["answered"], r["complete"]) == (14, "high", 6, False)
    r = compute_result(PV, {})
    assert (r["score"], r["band"], r["answered"], r["complete"]) == (0, None, 0, False)  # not assessed yet


def test_structured_judgement_hand_computed() -> None:
    levels = {"serious_violence": "high", "forced_marriage": "medium", "taken_abroad": "low",
              "violence_against_others": "low", "continued_control": "medium"}
    answers = items(**{i.id: ("yes" if i.scored else "Her aunt") for i in HV.items})
    answers["judgements"] = {k: {"level": v} for k, v in levels.items()}
    r = compute_result(HV, answers)
    assert r["method"] == I.JUDGEMENT and "score" not in r  # no points
    assert r["scenarios"] == levels and (r["level"], r["rank"], r["judged"], r["complete"]) == ("high", 3, 5, True)
    assert r["present"] == 10
    answers["judgements"] = {"forced_marriage": {"level": "medium"}, "taken_abroad": {"level": "low"}}
    r = compute_result(HV, answers)
    assert (r["level"], r["judged"], r["complete"]) == ("medium", 2, False)
    assert r["scenarios"]["serious_violence"] is None


def test_missing_for_completion() -> None:
    full = items(**ALL_NO)
    assert missing_for_completion(PV, full, "high", "Sammanfattning") == []
    assert missing_for_completion(PV, items(escalation="yes"), "", " ") == [
        "Answer every item (don't know is an answer).", "Record the client's own estimate of her risk.",
        "Write the assessor's summary."]
    hv = items(**{i.id: "no" for i in HV.items if i.scored})
    hv["judgements"] = {s.id: {"level": "low"} for s in HV.scenarios}
    assert missing_for_completion(HV, hv, "unsure", "x") == [
        "Name at least one person at risk and one who may use violence."]
    hv["persons"] = [{"id": "p1", "role": "victim", "label": "Hon"},
                     {"id": "p2", "role": "perpetrator", "label": "Far"},
                     {"id": "p3", "role": "perpetrator", "label": "Bror"}]
    assert missing_for_completion(HV, hv, "unsure", "x") == []


def test_check_value() -> None:
    freq, yn, free = PV.item("frequency"), PV.item("escalation"), PV.item("other")
    assert freq and yn and free
    assert check_value(freq, 3) == 3 and check_value(yn, "unknown") == "unknown" and check_value(free, " a ") == "a"
    for item, bad in ((freq, 4), (freq, -1), (freq, True), (freq, "2"), (yn, "maybe"), (yn, 1), (free, 5)):
        with pytest.raises(DomainError):
            check_value(item, bad)
    assert level_rank("low") == 1 and level_rank("high") == 3 and level_rank("unsure") == 0


@st.composite
def summed_instruments(draw: st.DrawFn) -> I.Instrument:
    """A random but valid summed-score instrument, built through the real file checks."""
    n = draw(st.integers(1, 6))
    its: list[dict[str, Any]] = []
    for k in range(n):
        kind = draw(st.sampled_from(["yes_no_unknown", "scale", "free_text"]))
        it: dict[str, Any] = {"id": f"i{k}", "answer": kind, "text": "?"}
        if kind != "free_text":
            it["weight"] = draw(st.integers(0, 5))
        if kind == "scale":
            lo = draw(st.integers(0, 2))
            it["scale"] = {"min": lo, "max": draw(st.integers(lo + 1, 5))}
        its.append(it)
    top = sum(i.get("weight", 0) * (i["scale"]["max"] if i["answer"] == "scale" else 1) for i in its)
    cuts = sorted(draw(st.sets(st.integers(1, top), max_size=3))) if top else []
    edges = [0, *cuts, top + 1]
    bands = [{"id": f"b{j}", "label": "B", "level": "low", "min": edges[j], "max": edges[j + 1] - 1}
             for j in range(len(edges) - 1)]
    doc = {"format": "athena-instrument/1", "id": "gen", "name": "G", "version": "1", "language": "sv",
           "licence": "L", "result": {"method": "summed_score", "bands": bands},
           "parts": [{"id": "p", "title": "P", "items": its}]}
    inst, _lines = I.parse_instrument(json.dumps(doc), "generated.json")
    return inst


def answer_for(item: I.Item) -> st.SearchStrategy[Any]:
    if item.answer == "yes_no_unknown":
        return st.sampled_from(["yes", "no", "unknown", None])
    if item.answer == "scale":
        return st.one_of(st.none(), st.integers(item.scale_min, item.scale_max))
    return st.one_of(st.none(), st.text(max_size=5))


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_summed_score_stays_within_its_bands(data: st.DataObject) -> None:
    inst = data.draw(st.one_of(summed_instruments(), st.just(PV)))
    answers = {"items": {i.id: {"value": data.draw(answer_for(i))} for i in inst.items}}
    r = compute_result(inst, answers)
    assert inst.bands[0].min <= r["score"] <= inst.bands[-1].max == inst.max_score
    containing = [b for b in inst.bands if b.min <= r["score"] <= b.max]
    assert len(containing) == 1 and band_for(inst.bands, r["score"]) == containing[0]
    # a band once anything is answered; nothing answered is "not assessed yet", never a band
    assert r["band"] == (containing[0].id if r["answered"] else None)
