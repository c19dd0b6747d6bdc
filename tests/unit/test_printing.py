"""Printed documents: content, Swedish characters, discreet mode, protected identity, no temp files, audit."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.printing.document import visual_lines
from app.printing.output import PrintResult
from app.printing.safety_plan import PlanPrintOptions
from app.reference import plan_sections
from app.services import audit
from app.services.clients import cases, clients, entries, records
from app.services.clients.printouts import render_court_day, render_record_extract
from app.services.context import Diary, Worker
from app.services.safety_plan import plans as safety_plans
from app.services.safety_plan.printout import render_safety_plan
from app.storage import vault
from app.storage.keyfile import KdfParams
from tests.unit.conftest import PASSPHRASE

ADDRESS = "Hemliga gatan 7"
PNR = "19850312-1231"
FORBIDDEN = ["våld", "säkerhetsplan", "skydd", "violence", "safety plan", "protection", "abuse"]


@dataclass
class World:
    diary: Diary
    client_id: str
    other_id: str
    appointment_id: str
    data_dir: Path


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    data_dir = tmp_path / "diary"
    store = vault.create(data_dir, PASSPHRASE, KdfParams.fast_for_tests())
    diary = Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=date(2026, 11, 20))
    c = clients.create_client(diary, clients.ClientInput(
        name="Åsa Öberg", personal_number=PNR, protected_identity="protected_registration", address=ADDRESS,
        postal_code="12345", city="Stockholm", languages="sv"))
    other = clients.create_client(diary, clients.ClientInput(name="Zelda Annanklient", address="Öppna vägen 1"))
    records.add(diary, "network", other.id, {"name": "Ingrid Främling", "how_to_reach": "070-999 99 99"})
    case = cases.open_case(diary, c.id, referred_on="2026-09-01")
    cases.add_decision(diary, case.id, cases.DecisionInput(
        referring_unit="children_family", district="Älvsjö", decided_on="2026-09-05", starts_on="2026-09-05"))
    sister = records.add(diary, "network", c.id, {"name": "Märta Ågren", "relation": "syster", "safety": "safe",
                                                  "how_to_reach": "070-123 45 67"})
    records.add(diary, "network", c.id, {"name": "Östen Lind", "relation": "granne", "how_to_reach": "08-1"})
    entries.add_entry(diary, c.id, entries.EntryInput(text="Stödsamtal om ÅÄÖ åäö och vardagen.",
                                                      kinds=["support_talk"], event_on="2026-10-01"), sign=True)
    sections = {
        "warning_signs": "Han blir tyst och kontrollerar telefonen.",
        "where_to_go": "Till Märta i Fruängen. Ut genom källardörren. ÅÄÖ åäö.",
        "people_to_call": safety_plans.people_value(diary, c.id, [sister["id"]], "Ring Märta först."),
        "code_word": "Blå paraply",
        "what_to_take": "Pass, bankkort, kontanter, nycklar, laddare, mediciner.",
        "children": f"Hämtas aldrig på {ADDRESS}.",  # holds her protected address: must be left out
        "everyday_safety": "Om våldet börjar igen: ring 112.",  # a giveaway word: left out in discreet mode
        "court_day": "Vi möts vid entrén.",
    }
    safety_plans.save_version(diary, c.id, {"where_to_go": "Till Märta."}, neutral_title="Min vecka")
    safety_plans.save_version(diary, c.id, sections, neutral_title="Min vecka")
    appt = records.add(diary, "court", c.id, {
        "court": "Södertörns tingsrätt", "case_number": "B 1234-26", "starts_at": "2026-12-03 09:30",
        "place": "Sal 4", "meeting_point": "Vid entrén", "counsel": "Advokat Öhrn",
        "accompanied_by": "Anna Andersson", "safe_entry_exit": True})
    yield World(diary, c.id, other.id, appt["id"], data_dir)
    store.close()


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(p.extract_text() or "" for p in reader.pages)


def metadata_of(pdf: bytes) -> str:
    meta = PdfReader(io.BytesIO(pdf)).metadata or {}
    return " ".join(str(v) for v in meta.values())


def squash(s: str) -> str:
    return "".join(s.split()).casefold()


def all_documents(w: World) -> list[PrintResult]:
    docs = [render_safety_plan(w.diary, w.client_id, PlanPrintOptions(
        discreet=discreet, fmt=fmt, language=lang, include_sensitive=True, with_name=True))
        for discreet in (True, False) for fmt in ("a4", "card") for lang in ("sv", "en")]
    docs.append(render_court_day(w.diary, w.appointment_id, with_name=True))
    docs += [render_record_extract(w.diary, w.client_id, language=lang) for lang in ("sv", "en")]
    return docs


def test_full_plan_has_its_content_and_swedish_characters(world: World) -> None:
    r = render_safety_plan(world.diary, world.client_id, PlanPrintOptions(discreet=False, language="sv"))
    text = text_of(r.pdf)
    for expected in ("Säkerhetsplan", "Åsa Öberg", "Märta Ågren", "070-123 45 67", "källardörren", "ÅÄÖ åäö",
                     "Kvinnofridslinjen", "020-50 50 50", "114 14", "1177", "08-508 40 000", "Stockholms stad",
                     "Blå paraply", "2026-11-02"):
        assert squash(expected) in squash(text), expected
    assert "Säkerhetsplan" in metadata_of(r.pdf)
    assert r.detail == "safety plan v2, full, a4, sv"


@pytest.mark.parametrize("fmt", ["a4", "card"])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_discreet_plan_gives_nothing_away(world: World, fmt: str, lang: str) -> None:
    r = render_safety_plan(world.diary, world.client_id, PlanPrintOptions(fmt=fmt, language=lang))
    text, meta = text_of(r.pdf).casefold(), metadata_of(r.pdf).casefold()
    for word in [*FORBIDDEN, "kvinnofrid", "stockholms stad", "kvinnostödjare", "åsa öberg", "blå paraply"]:
        assert word not in text, word
        assert word not in meta, word
    assert "Min vecka" in metadata_of(r.pdf)
    assert b"Athena" not in r.pdf and b"Stockholm" not in r.pdf  # no app or municipality name anywhere
    for expected in ("Min vecka", "Märta Ågren", "112"):
        assert squash(expected) in squash(text_of(r.pdf))
    assert squash("020-50 50 50") not in squash(text_of(r.pdf))  # the helpline number gives the plan away
    joined = " ".join(r.omissions)
    assert "client's name" in joined and "discreet mode" in joined and "gives the plan away" in joined


def test_discreet_title_that_gives_the_plan_away_is_replaced(world: World) -> None:
    r = render_safety_plan(world.diary, world.client_id, PlanPrintOptions(neutral_title="Min säkerhetsplan"))
    assert "säkerhetsplan" not in (text_of(r.pdf) + metadata_of(r.pdf)).casefold()
    assert any("title" in o for o in r.omissions)


def test_protected_identity_never_printed_in_any_document(world: World) -> None:
    for r in all_documents(world):
        text = text_of(r.pdf) + metadata_of(r.pdf)
        assert "hemliga" not in text.casefold(), r.detail
        digits = "".join(ch for ch in text if ch.isdigit())
        assert "8503121231" not in digits, r.detail
        assert any("Protected identity" in o for o in r.omissions), r.detail


def test_record_extract_holds_her_record_but_not_other_peoples_details(world: World) -> None:
    r = render_record_extract(world.diary, world.client_id, language="sv")
    text = squash(text_of(r.pdf))
    for expected in ("Registerutdrag", "Åsa Öberg", "Märta Ågren", "Södertörns tingsrätt", "B 1234-26",
                     "2026-00001", "Barn och familj", "Stödsamtal om ÅÄÖ åäö"):
        assert squash(expected) in text, expected
    for absent in ("Zelda", "Annanklient", "Ingrid", "070-123 45 67", "070-999"):
        assert squash(absent) not in text, absent
    assert any("other people's details" in o for o in r.omissions)


def test_court_day_sheet(world: World) -> None:
    r = render_court_day(world.diary, world.appointment_id, language="sv")
    text = squash(text_of(r.pdf))
    for expected in ("Dag i rätten", "2026-12-03", "09:30", "Södertörns tingsrätt", "Sal 4", "B 1234-26",
                     "Advokat Öhrn", "Vid entrén", "Anna Andersson", "Ordnat"):
        assert squash(expected) in text, expected
    assert "åsaöberg" not in text


def test_versions_compare_and_reprint(world: World) -> None:
    vs = safety_plans.versions(world.diary, world.client_id)
    assert [v.version for v in vs] == [2, 1]
    diff = {d.section_id: d for d in safety_plans.compare(world.diary, vs[1].id, vs[0].id)}
    assert diff["where_to_go"].status == "changed"
    assert any(line.startswith("+") for line in diff["where_to_go"].lines)
    assert diff["code_word"].status == "added"
    assert diff["people_to_call"].new_people == ["Märta Ågren (070-123 45 67)"]
    old = render_safety_plan(world.diary, world.client_id, PlanPrintOptions(version=1, discreet=False))
    assert "v1," in old.detail and "Blåparaply" not in squash(text_of(old.pdf))
    choices = safety_plans.people_choices(world.diary, world.client_id)
    assert {p.name for p in choices} == {"Märta Ågren", "Östen Lind"}
    assert safety_plans.client_district(world.diary, world.client_id) == "Älvsjö"


def test_right_to_left_text_is_shaped_and_reordered() -> None:
    from app.printing.document import FONT, register_fonts

    register_fonts()
    lines = visual_lines("مرحبا بك 112", FONT, 12, 500)
    assert len(lines) == 1
    line = lines[0]
    assert "112" in line  # the number keeps its reading order
    assert all(not ("\u0621" <= ch <= "\u064a") for ch in line.replace(" ", "").replace("112", ""))  # joined forms
    assert line.startswith("112")  # the number is at the left end of the right-to-left line
    assert line.endswith("\ufee3")  # the first letter (meem, initial form) is drawn at the right
    ar = plan_sections.language("ar")
    assert ar.rtl and ar.heading("important_numbers", discreet=False) == "أرقام مهمة"
    assert "ar" in plan_sections.languages()
    assert plan_sections.language("ar").label("court_title") == "Court day"  # falls back to English


def test_arabic_plan_renders(world: World) -> None:
    r = render_safety_plan(world.diary, world.client_id, PlanPrintOptions(language="ar", discreet=False))
    assert r.pages >= 1 and "ar" in r.detail


def test_cli_prints_without_temp_files_logs_and_writes_0600(world: World, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from app.cli import main

    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    assert tempfile.gettempdir() == str(tmp)
    before = sorted(os.listdir(tempfile.gettempdir()))
    world.diary.store.close()
    monkeypatch.setenv("ATHENA_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "out"
    out.mkdir()
    base = ["--data-dir", str(world.data_dir)]
    assert main([*base, "print", "safety-plan", world.client_id, "--format", "card", "--lang", "en",
                 "-o", str(out / "plan.pdf")]) == 0
    assert main([*base, "print", "court-day", world.appointment_id, "-o", str(out / "court.pdf")]) == 0
    assert main([*base, "print", "record", world.client_id, "-o", str(out / "record.pdf")]) == 0
    assert main([*base, "print", "safety-plan", world.client_id, "--full", "--version", "1",
                 "-o", str(out / "v1.pdf")]) == 0
    assert "Säkerhetsplan" in text_of((out / "v1.pdf").read_bytes())
    assert sorted(os.listdir(tempfile.gettempdir())) == before == []
    for name in ("plan.pdf", "court.pdf", "record.pdf", "v1.pdf"):
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o600
        assert (out / name).read_bytes().startswith(b"%PDF")
    store = vault.unlock(world.data_dir, PASSPHRASE)
    try:
        diary = Diary(store, Worker("Anna Andersson"))
        prints = [e for e in audit.trail(diary, client_id=world.client_id) if e.action == "print"]
    finally:
        store.close()
        world.diary.store = vault.unlock(world.data_dir, PASSPHRASE)  # the fixture closes it again
    details = sorted(e.detail for e in prints)
    assert details == ["court-day sheet, a4, sv, file", "record extract, a4, sv, file",
                       "safety plan v1, full, a4, sv, file", "safety plan v2, discreet, card, en, file"]
    assert not any("Märta" in e.detail or "Öberg" in e.detail for e in prints)


def test_cli_refuses_missing_plan_without_writing(world: World, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from app.cli import main

    world.diary.store.close()
    monkeypatch.setenv("ATHENA_PASSPHRASE", PASSPHRASE)
    target = tmp_path / "none.pdf"
    code = main(["--data-dir", str(world.data_dir), "print", "safety-plan", world.other_id, "-o", str(target)])
    world.diary.store = vault.unlock(world.data_dir, PASSPHRASE)
    assert code == 1 and not target.exists()


def test_printing_does_not_import_qt() -> None:
    code = ("import sys, app.printing.safety_plan, app.printing.court_day, app.printing.record_extract, "
            "app.commands.printing; assert 'PySide6' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
