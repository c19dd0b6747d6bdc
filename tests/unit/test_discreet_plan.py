"""The discreet safety plan is safe by construction: no contact marked not safe as someone to call, in any mode;
no giveaway word (text or metadata) and no giveaway number by default, in every language the plan prints in."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.errors import DomainError
from app.printing.output import digits_of
from app.printing.safety_plan import PlanPrintOptions
from app.reference import phone_numbers, plan_sections
from app.services.clients import cases, clients, records
from app.services.context import Diary, Worker
from app.services.safety_plan import plans as safety_plans
from app.services.safety_plan.printout import render_safety_plan
from app.storage import vault
from app.storage.keyfile import KdfParams
from tests.unit.conftest import PASSPHRASE


@dataclass
class Plan:
    diary: Diary
    client_id: str
    partner_id: str
    sister_id: str


@pytest.fixture
def plan(tmp_path: Path) -> Iterator[Plan]:
    store = vault.create(tmp_path / "diary", PASSPHRASE, KdfParams.fast_for_tests())
    diary = Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=date(2026, 11, 20))
    c = clients.create_client(diary, clients.ClientInput(name="Lina Berg", languages="sv,ar"))
    case = cases.open_case(diary, c.id, referred_on="2026-09-01")
    cases.add_decision(diary, case.id, cases.DecisionInput(
        referring_unit="children_family", district="Älvsjö", decided_on="2026-09-05", starts_on="2026-09-05"))
    # Johan is "unknown" when the plan is saved and marked not safe afterwards: the version's snapshot still
    # names him, the network map now says he is not safe.
    johan = records.add(diary, "network", c.id, {"name": "Johan Berg", "relation": "F.d. sambo",
                                                 "how_to_reach": "070-666 66 66"})
    sister = records.add(diary, "network", c.id, {"name": "Märta Ågren", "relation": "syster", "safety": "safe",
                                                  "how_to_reach": "070-123 45 67"})
    neighbour = records.add(diary, "network", c.id, {"name": "Östen Lind", "relation": "granne, förövarens bror",
                                                     "safety": "safe", "how_to_reach": "08-1"})
    sections = {
        "people_to_call": safety_plans.people_value(diary, c.id, [johan["id"], sister["id"], neighbour["id"]],
                                                    "Ring Märta först."),
        "where_to_go": "Till Märta i Fruängen.",
        "what_to_take": "Pass, bankkort, nycklar.",
        "everyday_safety": "Ring polisen om han står utanför.",  # polis: a giveaway word
        "children": "Skolan vet vem som hämtar.",
        "important_numbers": "Kvinnofridslinjen 020-50 50 50",  # a giveaway number in her own text
    }
    safety_plans.save_version(diary, c.id, sections, neutral_title="Min vecka")
    records.update(diary, "network", johan["id"], {"name": "Johan Berg", "relation": "F.d. sambo",
                                                   "how_to_reach": "070-666 66 66", "safety": "unsafe"})
    yield Plan(diary, c.id, johan["id"], sister["id"])
    store.close()


def text_of(pdf: bytes) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)


def metadata_of(pdf: bytes) -> str:
    meta = PdfReader(io.BytesIO(pdf)).metadata or {}
    return " ".join(str(v) for v in meta.values())


def leaks(text: str) -> list[str]:
    """Giveaway words in text taken back out of a PDF: Arabic comes out in presentation forms and in visual
    order, so the plain letters are checked in both directions."""
    plain = unicodedata.normalize("NFKC", text)
    return plan_sections.giveaway_words(plain) + plan_sections.giveaway_words(plain[::-1])


def test_word_list_covers_every_language_and_spares_harmless_words() -> None:
    words = plan_sections.discreet_words()
    for w in ("polis", "jour", "hot", "brott", "kvinnofrid", "skyddat boende", "förövar", "police", "threat",
              "crime", "shelter", "perpetrat", "شرطة", "تهديد", "مأوى"):
        assert w in words, w
    assert plan_sections.giveaway_words("Hotell Rival, journal, trosor") == []
    assert plan_sections.giveaway_words("Hon blev hotad") == ["hotad"]
    assert plan_sections.giveaway_words("Ring JOUREN") == ["jouren"]


def test_an_unsafe_contact_cannot_be_chosen(plan: Plan) -> None:
    with pytest.raises(DomainError, match="not safe"):
        safety_plans.people_value(plan.diary, plan.client_id, [plan.partner_id])


@pytest.mark.parametrize("discreet", [True, False])
@pytest.mark.parametrize("sensitive", [True, False])
def test_an_unsafe_contact_never_reaches_the_paper(plan: Plan, discreet: bool, sensitive: bool) -> None:
    r = render_safety_plan(plan.diary, plan.client_id, PlanPrintOptions(
        discreet=discreet, include_sensitive=sensitive, with_name=True, language="sv"))
    text = text_of(r.pdf)
    assert "Johan" not in text and "666" not in text
    assert "Märta Ågren" in text
    assert any("not safe" in o for o in r.omissions)


@pytest.mark.parametrize("lang", plan_sections.languages())
@pytest.mark.parametrize("fmt", ["a4", "card"])
def test_discreet_plan_holds_no_giveaway_word_or_number(plan: Plan, lang: str, fmt: str) -> None:
    r = render_safety_plan(plan.diary, plan.client_id, PlanPrintOptions(language=lang, fmt=fmt))
    text, meta = text_of(r.pdf), metadata_of(r.pdf)
    assert leaks(text) == [] and leaks(meta) == []
    digits = digits_of(text + meta)
    for number in phone_numbers.giveaway_numbers():
        assert digits_of(number) not in digits, number
    assert "Östen" not in text  # his relation names the abuser
    # the sensitive sections (where she goes, what she packs) stay out unless chosen
    assert "Fruängen" not in text and "bankkort" not in text
    assert "112" in text


def test_sensitive_sections_and_kept_numbers_print_when_chosen(plan: Plan) -> None:
    r = render_safety_plan(plan.diary, plan.client_id, PlanPrintOptions(
        language="sv", include_sensitive=True, keep_numbers=frozenset({"womens_helpline"})))
    text = text_of(r.pdf)
    assert "Fruängen" in text and "bankkort" in text
    flat = "".join(text.split())
    assert "Linjen020-505050" in flat  # kept on purpose, under its neutral name
    assert "Kvinnofrid" not in text and "Föreningen" not in text  # the shelter was not kept
    assert leaks(text) == [] and leaks(metadata_of(r.pdf)) == []


def test_full_plan_keeps_the_real_labels_but_not_the_unsafe_contact(plan: Plan) -> None:
    r = render_safety_plan(plan.diary, plan.client_id, PlanPrintOptions(discreet=False, language="sv"))
    text = text_of(r.pdf)
    assert "Kvinnofridslinjen" in text and "Johan" not in text and "Östen Lind" in text
