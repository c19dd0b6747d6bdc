"""Synthetic incidents and completed risk assessments for a demo diary (after ``demo.generate``).

Written in bulk through the change feed like the rest of the demo. About two in three clients get marked
days of violence over the past year, and most of those one to three completed assessments of the partner
violence checklist, each superseding the one before.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from app.models import Client, Incident, RiskAssessment, new_id
from app.services.context import Diary
from app.services.risk.instruments import SUMMED, load_catalogue
from app.services.risk.scoring import CLIENT_ESTIMATES, compute_result, level_rank
from app.storage.changefeed import bulk_insert

CHECKLIST = "athena-partner-violence"


def generate(diary: Diary, *, seed: int = 1) -> dict[str, int]:
    rng = random.Random(seed)
    inst = load_catalogue().get(CHECKLIST)
    assert inst is not None and inst.method == SUMMED
    today = diary.today()
    incidents: list[dict[str, Any]] = []
    assessments: list[dict[str, Any]] = []
    with diary.read() as s:
        clients = s.execute(select(Client.id, Client.compartment).where(Client.compartment == "women")).all()
    for cid, compartment in clients:
        if rng.random() > 0.65:
            continue
        days: set[date] = set()
        rate = rng.uniform(0.005, 0.04)
        for back in range(365):
            if rng.random() < rate * (1.5 if back < 90 else 1.0):
                days.add(today - timedelta(days=back))
        for d in sorted(days):
            incidents.append(dict(id=new_id(), client_id=cid, compartment=compartment, occurred_on=d,
                                  severity=rng.choices([1, 2, 3, 4], weights=[40, 35, 18, 7])[0], note=""))
        previous: str | None = None
        for k in range(rng.choice([0, 1, 1, 2, 3])):
            on = today - timedelta(days=rng.randint(10, 120) + 120 * (2 - k))
            risk_share = rng.random()
            answers: dict[str, Any] = {"items": {}, "judgements": {}, "persons": []}
            for item in inst.items:
                if item.answer == "yes_no_unknown":
                    value: object = rng.choices(["yes", "no", "unknown"], [risk_share, 1 - risk_share, 0.1])[0]
                elif item.answer == "scale":
                    value = rng.randint(item.scale_min, item.scale_max)
                else:
                    value = ""
                answers["items"][item.id] = {"value": value, "comment": ""}
            estimate = rng.choice(CLIENT_ESTIMATES)
            result = compute_result(inst, answers)
            result["client_estimate"] = estimate
            est = level_rank(estimate)
            result["estimate_gap"] = est - int(result["rank"]) if est and result["rank"] else None
            aid = new_id()
            assessments.append(dict(
                id=aid, client_id=cid, compartment=compartment, instrument_id=inst.id,
                instrument_version=inst.version, answers=answers, result=result, client_estimate=estimate,
                assessor=diary.worker.name, assessed_on=on, summary="Bedömning gjord tillsammans med klienten.",
                completed_at=datetime.combine(on, time(15, 0)), supersedes_id=previous))
            previous = aid
    with diary.write() as s:
        bulk_insert(s, Incident, incidents)
        bulk_insert(s, RiskAssessment, assessments)
    return {"incidents": len(incidents), "risk_assessments": len(assessments)}
