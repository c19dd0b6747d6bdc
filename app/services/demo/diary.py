"""A realistic synthetic diary for demos and benchmarks: Swedish names and addresses, decisions with
extensions, diary entries of all four kinds, safety plans, court dates, children and a few protected
identities. Written in bulk through the change feed, so a demo diary looks exactly like a used one."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from faker import Faker

from app import reference
from app.models import (
    Case,
    Child,
    Client,
    CourtAppointment,
    Decision,
    DiaryEntry,
    Extension,
    NetworkContact,
    ProtectedIdentity,
    SafetyPlanVersion,
    SupportKind,
    new_id,
)
from app.services.context import Diary
from app.services.demo import men as men_demo
from app.services.validation import add_months
from app.storage.changefeed import bulk_insert

ACTIVITIES = ["meeting", "phone", "police_report", "health_care", "dentist", "bank", "authority_visit",
              "court", "housing", "other"]
PLACES = ["banken", "tandläkaren", "vårdcentralen", "polisen", "Försäkringskassan", "Skatteverket",
          "Kronofogden", "Arbetsförmedlingen", "bostadsförmedlingen", "tingsrätten", "skolan", "förskolan"]
TEMPLATES = {
    "practical_support": [
        "Följde med {name} till {place}. Hon fick hjälp med {thing}.",
        "Hjälpte {name} att fylla i blanketter till {place} om {thing}.",
        "Praktiskt stöd: bokade tid hos {place} och planerade resan dit.",
        "Följde med till {place} för polisanmälan; förhöret tog cirka en timme.",
    ],
    "support_talk": [
        "Stödsamtal med {name}. Vi pratade om {topic} och hennes egna resurser.",
        "Samtal om {topic}. {name} beskriver att hon sover bättre sedan förra veckan.",
        "Stödsamtal: {name} vill fundera på alternativ kring {topic} till nästa gång.",
    ],
    "civic_information": [
        "Informerade om rätten till {right} och hur man ansöker hos {place}.",
        "Samhällsinformation om {right}. {name} fick skriftlig information på sitt språk.",
        "Gick igenom vad {place} gör och vilka skyldigheter och rättigheter hon har.",
    ],
    "court_support": [
        "Rättegångsstöd: förberedande samtal inför huvudförhandlingen i {court}.",
        "Följde med {name} till {court}. Separat väntrum var ordnat; målsägandebiträdet mötte oss.",
        "Efter rättegången i {court}: samtal om domen och vad som händer nu.",
    ],
}
THINGS = ["bankkort", "nytt id-kort", "hyreskontrakt", "skyddad adress", "ekonomiskt bistånd", "ny telefon",
          "kontaktförbud", "bostadsansökan", "tandvårdsbidrag", "barnbidrag"]
TOPICS = ["oro för barnen", "sömnen", "ekonomin", "skuld och skam", "relationen till familjen",
          "rädsla inför rättegången", "att flytta", "arbetet", "vänner som stöttar", "framtiden"]
RIGHTS = ["kontaktförbud", "målsägandebiträde", "skyddade personuppgifter", "brottsskadeersättning",
          "tolk", "bostadsbidrag", "vårdnad och umgänge"]
COURTS = ["Södertörns tingsrätt", "Stockholms tingsrätt", "Svea hovrätt", "Attunda tingsrätt"]
RELATIONS = ["syster", "mamma", "väninna", "kollega", "granne", "kurator", "svägerska", "expartner", "bror"]
FEMALE_RELATIONS = {"syster", "mamma", "väninna", "svägerska"}
MALE_RELATIONS = {"bror", "expartner"}


@dataclass(frozen=True)
class DemoSummary:
    clients: int
    cases: int
    decisions: int
    entries: int
    men: int


def _pnr(rng: random.Random, birth: date) -> str:
    from app.services.validation import luhn_ok

    yymmdd = birth.strftime("%y%m%d")
    while True:
        three = f"{rng.randint(0, 999):03d}"
        for check in range(10):
            if luhn_ok(yymmdd + three + str(check)):
                return f"{birth:%Y%m%d}-{three}{check}"


def generate(diary: Diary, *, clients: int = 200, entries: int | None = None, seed: int = 1,
             progress: Callable[[str, int, int], None] | None = None, men: int | None = None) -> DemoSummary:
    """Women (and, in a diary with the men's track, ``men`` men: by default a tenth of the clients)."""
    rng = random.Random(seed)
    fake = Faker("sv_SE")
    fake.seed_instance(seed)
    today = diary.today()
    n_entries = clients * 30 if entries is None else entries
    districts = reference.districts()
    units = [u.code for u in reference.referring_units()]
    unit_weights = [35, 30, 20, 10, 5][: len(units)]
    legal = reference.legal_basis_for

    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in (
        "clients", "cases", "decisions", "extensions", "network", "children", "court", "plans")}
    periods: list[tuple[str, str, date, date]] = []  # client, case, first day, last day of support
    for i in range(clients):
        cid = new_id()
        female = fake.first_name_female()
        name = f"{female} {fake.last_name()}"
        protected = rng.random() < 0.04
        rows["clients"].append(dict(
            id=cid, name=name, name_key=name.casefold(),
            personal_number=_pnr(rng, fake.date_of_birth(minimum_age=18, maximum_age=80))
            if rng.random() < 0.7 else None,
            protected_identity=rng.choice([ProtectedIdentity.CONFIDENTIALITY_MARKING.value,
                                           ProtectedIdentity.PROTECTED_REGISTRATION.value])
            if protected else ProtectedIdentity.NONE.value,
            languages=rng.choice(["sv", "sv", "sv", "sv,en", "ar,sv", "fa", "so,sv", "ti", "pl,en"]),
            interpreter_needed=rng.random() < 0.15, phone=fake.phone_number(),
            email=fake.free_email() if rng.random() < 0.5 else "",
            address=fake.street_address(), postal_code=fake.postcode(), city="Stockholm",
            worker=diary.worker.name if rng.random() < 0.5 else "Kollega Karlsson",
        ))
        referred = today - timedelta(days=rng.randint(0, 720))
        case_id = new_id()
        roll = rng.random()
        closed_on = None
        case_row = dict(id=case_id, client_id=cid, case_number=f"{referred.year}-{i + 1:05d}",
                        referred_on=referred, first_contact_on=referred + timedelta(days=rng.randint(0, 6)))
        if roll < 0.12:  # incoming: referral, no decision yet
            case_row["first_contact_on"] = None if rng.random() < 0.5 else case_row["first_contact_on"]
            periods.append((cid, case_id, referred, today))
        else:
            decided = referred + timedelta(days=rng.randint(1, 20))
            decided = min(decided, today)
            starts = decided
            ends = add_months(starts, 3)
            dec_id = new_id()
            rows["decisions"].append(dict(
                id=dec_id, case_id=case_id, referring_unit=rng.choices(units, unit_weights)[0],
                case_officer=fake.name(), district=rng.choice(districts), legal_basis=legal(decided.isoformat()),
                decided_on=decided, starts_on=starts, ends_on=ends))
            end = ends
            for _ in range(rng.choice([0, 0, 1, 1, 1, 2, 3])):
                if end > today + timedelta(days=30):
                    break
                new_end = add_months(end, 3)
                rows["extensions"].append(dict(id=new_id(), decision_id=dec_id,
                                               granted_on=end - timedelta(days=7), months=3,
                                               new_ends_on=new_end))
                end = new_end
            if end < today and rng.random() < 0.85:
                closed_on = end
            elif roll > 0.75 and end > today + timedelta(days=20):
                closed_on = None
            if closed_on:
                case_row.update(closed_on=closed_on, closing_reason=rng.choice(
                    ["Målen uppnådda", "Flyttat från kommunen", "Avbrutet på egen begäran",
                     "Övergått till annan insats"]))
            periods.append((cid, case_id, starts, min(closed_on or today, today)))
        rows["cases"].append(case_row)
        for _ in range(rng.randint(1, 4)):
            relation = rng.choice(RELATIONS)
            person = (fake.name_female() if relation in FEMALE_RELATIONS else
                      fake.name_male() if relation in MALE_RELATIONS else fake.name())
            rows["network"].append(dict(id=new_id(), client_id=cid, name=person, relation=relation,
                                        safety=rng.choice(["safe", "safe", "unsafe", "unknown"]),
                                        how_to_reach=fake.phone_number()))
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
            status = rng.choice(["not_informed", "informed", "informed", "linked", "declined"])
            rows["children"].append(dict(
                id=new_id(), client_id=cid, name=fake.first_name(), birth_year=rng.randint(2008, today.year - 1),
                trappan_status=status,
                trappan_informed_on=referred + timedelta(days=14) if status != "not_informed" else None,
                trappan_linked_on=referred + timedelta(days=30) if status == "linked" else None,
                trappan_declined_reason="Barnen bor fortfarande i en orolig situation" if status == "declined"
                else "", guardian_consent=rng.choice(["yes", "no", "unknown"])))
        if rng.random() < 0.2:
            when = today + timedelta(days=rng.randint(-60, 40))
            rows["court"].append(dict(
                id=new_id(), client_id=cid, court=rng.choice(COURTS), case_number=f"B {rng.randint(1000, 9999)}-"
                f"{str(when.year)[2:]}", starts_at=datetime.combine(when, time(rng.choice([9, 10, 13]), 0)),
                place=f"Sal {rng.randint(1, 12)}", meeting_point="Entrén mot parkeringen",
                counsel=f"Advokat {fake.last_name()}", prosecutor=f"Åklagare {fake.last_name()}",
                accompanied_by=diary.worker.name, safe_entry_exit=rng.random() < 0.7,
                separate_waiting_room=rng.random() < 0.8))
        if rng.random() < 0.5:
            rows["plans"].append(dict(
                id=new_id(), client_id=cid, version=1, language="sv", neutral_title="Mina anteckningar",
                sections={"warning_signs": "Han blir tyst och kontrollerar telefonen.",
                          "where_to_go": "Till syster på Fruängen.", "code_word": "Blå paraply",
                          "what_to_take": "Pass, bankkort, mediciner, laddare"}))

    entry_rows: list[dict[str, Any]] = []
    kinds_all = [k.value for k in SupportKind]
    now = datetime.combine(today, time(12, 0))
    for j in range(n_entries):
        cid, case_id, first, last = periods[j % len(periods)] if j < len(periods) else rng.choice(periods)
        span = max((last - first).days, 0)
        day = first + timedelta(days=rng.randint(0, span))
        kinds = sorted(set(rng.sample(kinds_all, rng.choice([1, 1, 1, 2]))))
        kind = kinds[0]
        text = rng.choice(TEMPLATES[kind]).format(
            name="klienten", place=rng.choice(PLACES), thing=rng.choice(THINGS), topic=rng.choice(TOPICS),
            right=rng.choice(RIGHTS), court=rng.choice(COURTS))
        written = datetime.combine(day, time(rng.randint(8, 17), rng.randint(0, 59)))
        entry_rows.append(dict(
            id=new_id(), client_id=cid, case_id=case_id, event_on=day, written_at=min(written, now),
            duration_minutes=rng.choice([15, 30, 45, 60, 90, 120]), kinds=",".join(k for k in kinds_all
                                                                                  if k in kinds),
            activity=rng.choice(ACTIVITIES) if kind == "practical_support" else
            ("court" if kind == "court_support" else "meeting"),
            text=text, author_name=diary.worker.name, author_title=diary.worker.title or "Kvinnostödjare",
            signed_at=None if (today - day).days < 7 and rng.random() < 0.3 else min(written, now)))

    plan: list[tuple[str, type[Any], list[dict[str, Any]]]] = [
        ("clients", Client, rows["clients"]), ("cases", Case, rows["cases"]),
        ("decisions", Decision, rows["decisions"]), ("extensions", Extension, rows["extensions"]),
        ("network", NetworkContact, rows["network"]), ("children", Child, rows["children"]),
        ("court", CourtAppointment, rows["court"]), ("plans", SafetyPlanVersion, rows["plans"]),
        ("entries", DiaryEntry, entry_rows),
    ]
    batch = 20_000
    for label, model, items in plan:
        for start in range(0, len(items), batch):
            with diary.write() as s:
                bulk_insert(s, model, items[start:start + batch])
            if progress:
                progress(label, min(start + batch, len(items)), len(items))
    n_men = 0
    if "men" in diary.tracks:
        n_men = men_demo.generate(diary, men=max(clients // 10, 3) if men is None else men, seed=seed)[0]
    return DemoSummary(clients=clients, cases=len(rows["cases"]), decisions=len(rows["decisions"]),
                       entries=len(entry_rows), men=n_men)
