"""Synthetic men for the men's track: a man's whole course (referral, investigation, a series of talks with
VASKA themes or the team's own method, attendance, noted risk, the three-talk registration, onward referral,
closing). Written in bulk through the change feed like the rest of the demo."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from faker import Faker

from app import reference
from app.models import MenClient, MenTalk, new_id
from app.services.context import Diary
from app.services.mens_track.men import THREE_TALKS, VASKA
from app.storage.changefeed import bulk_insert

SOURCES = ["social_services"] * 5 + ["court_order", "police", "police", "self_referral", "self_referral", "other"]
REFERRED_BY = {"social_services": ["Socialtjänsten, vuxenenheten", "Socialtjänsten, barn och familj",
                                   "Frivården"],
               "court_order": ["Södertörns tingsrätt", "Stockholms tingsrätt"],
               "police": ["Polisen, Söderort"], "self_referral": [""], "other": ["Vårdcentralen", "Arbetsgivaren"]}
ONWARD = ["Mansmottagningen", "Beroendevården", "Psykiatrin", "Relationsvåld Centrum", "Frivården"]
OWN_THEMES = ["Känslor och kontroll", "Föräldraskap", "Kroppens signaler", "Återfallsplan"]
NOTES = [
    "Samtalet följde VASKA-strukturen. Han beskriver händelsen men lägger ansvaret på partnern.",
    "Han tar mer ansvar än förra gången och kan beskriva konsekvenser för barnen.",
    "Vi gick igenom alternativ till våld i konfliktsituationer; han provar time-out.",
    "Kort samtal, han var stressad av vårdnadstvisten. Nästa samtal bokat.",
    "Han berättar om sin uppväxt och sammanhanget kring våldet.",
]


def generate(diary: Diary, *, men: int, seed: int = 1) -> tuple[int, int]:
    """``men`` men with their talks; returns (men, talks) written."""
    rng = random.Random(seed * 7919)
    fake = Faker("sv_SE")
    fake.seed_instance(seed * 7919)
    today = diary.today()
    districts = reference.districts()
    men_rows: list[dict[str, Any]] = []
    talk_rows: list[dict[str, Any]] = []
    numbers: dict[int, int] = {}
    for _ in range(men):
        mid = new_id()
        name = f"{fake.first_name_male()} {fake.last_name()}"
        source = rng.choice(SOURCES)
        first = today - timedelta(days=rng.randint(3, 540))
        booked = rng.choice([1, 1, 2, 3, 4, 5, 6, 8, 10])
        row: dict[str, Any] = dict(
            id=mid, compartment="men", name=name, name_key=name.casefold(), district=rng.choice(districts),
            referral_source=source, referred_by=rng.choice(REFERRED_BY[source]), status="contact",
            first_contact_on=first, phone=fake.phone_number(), motivation=rng.choice(
                ["unknown", "motivated", "motivated", "ambivalent", "not_motivated"]),
            investigation_opened_on=first if source in ("social_services", "court_order") and rng.random() < 0.6
            else None)
        attended, day, last = 0, first, first
        for n in range(1, booked + 1):
            day = day + timedelta(days=rng.choice([7, 7, 14]))
            if day > today:
                break
            attendance = rng.choices(["attended", "cancelled", "no_show"], [8, 1, 1])[0]
            own = rng.random() < 0.2
            risk = rng.choices(["not_assessed", "low", "raised", "high"], [3, 5, 2, 1])[0]
            talk_rows.append(dict(
                id=new_id(), compartment="men", men_client_id=mid, held_on=day, number=n,
                method="own" if own else "vaska", themes="" if own else ",".join(
                    sorted(rng.sample(VASKA, rng.choice([1, 2])), key=VASKA.index)),
                own_theme=rng.choice(OWN_THEMES) if own else "", duration_minutes=rng.choice([45, 60, 60, 90]),
                attendance=attendance, risk_partner=risk if attendance == "attended" else "not_assessed",
                risk_children=rng.choice(["not_assessed", "low", risk]) if attendance == "attended"
                else "not_assessed",
                text=rng.choice(NOTES) if attendance == "attended" else "", author_name=diary.worker.name))
            if attendance == "attended":
                attended += 1
                last = day
        if row["investigation_opened_on"] and (today - first).days > 60:
            row["investigation_closed_on"] = first + timedelta(days=rng.randint(20, 60))
        if attended >= THREE_TALKS and rng.random() < 0.75:
            numbers[last.year] = numbers.get(last.year, 0) + 1
            row.update(status="registered", registered_on=last, case_number=f"M-{last.year}-{numbers[last.year]:04d}")
        if row["motivation"] == "not_motivated" and attended < THREE_TALKS:
            row["status"] = "not_motivated"
        if rng.random() < 0.15:
            row.update(needs_other_help=True, other_help_note=rng.choice(["Beroende", "Psykisk ohälsa", "Skulder"]))
        if rng.random() < 0.2 and attended:
            row.update(status="referred_on", referred_on_to=rng.choice(ONWARD),
                       referred_onward_on=min(last + timedelta(days=3), today))
        if (today - last).days > 150 and rng.random() < 0.7:
            row.update(status="closed", closed_on=last + timedelta(days=30), outcome=rng.choice(
                ["completed", "completed", "dropped_out", "moved", "other"]
                if row["status"] != "referred_on" else ["referred_on"]))
            if row.get("investigation_opened_on") and not row.get("investigation_closed_on"):
                row["investigation_closed_on"] = row["closed_on"]
        men_rows.append(row)
    with diary.write() as s:
        bulk_insert(s, MenClient, men_rows)
        bulk_insert(s, MenTalk, talk_rows)
    return len(men_rows), len(talk_rows)
