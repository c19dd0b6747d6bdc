"""The team's own districts, referring units and legal references: edited in the diary, synced to the team,
used by decisions and the import."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import reference as files
from app.errors import DomainError
from app.services import reference_lists as reference
from app.services.clients import cases, clients
from app.services.clients.cases import DecisionInput
from app.services.clients.clients import ClientInput
from app.services.context import Diary, Worker
from app.services.importing import importer
from app.sync.backends import open_share
from tests.unit.sync_helpers import make_team


def _decision(d: Diary, district: str, unit: str = "children_family") -> None:
    cid = clients.create_client(d, ClientInput(name="Lena Svensson")).id
    case = cases.open_case(d, cid, referred_on="2026-01-05")
    cases.add_decision(d, case.id, DecisionInput(referring_unit=unit, district=district,
                                                  decided_on="2026-01-08", starts_on="2026-01-08"))


def test_add_retire_relabel(diary: Diary) -> None:
    with pytest.raises(DomainError):
        _decision(diary, "Farsta")
    reference.add_item(diary, "district", "Farsta")
    unit = reference.add_item(diary, "referring_unit", "Socialjouren")
    assert unit.code == "team_socialjouren"
    lists = reference.lists(diary)
    assert "Farsta" in lists.districts and lists.referring_unit_label("team_socialjouren") == "Socialjouren"
    _decision(diary, "Farsta", "team_socialjouren")
    reference.retire_item(diary, "district", "Älvsjö")
    assert "Älvsjö" not in reference.lists(diary).districts
    with pytest.raises(DomainError):
        _decision(diary, "Älvsjö")
    reference.add_item(diary, "district", "Älvsjö")  # brought back
    _decision(diary, "Älvsjö")
    reference.relabel_item(diary, "referring_unit", "adults", "Vuxen och beroende")
    assert reference.lists(diary).referring_unit_label("adults") == "Vuxen och beroende"
    with pytest.raises(DomainError):
        reference.relabel_item(diary, "district", "Farsta", "Farsta-Sköndal")
    with pytest.raises(DomainError):
        reference.retire_item(diary, "district", "Nowhere")
    assert files.districts() == ["Hägersten-Liljeholmen", "Skärholmen", "Älvsjö"]  # the file is untouched


def test_import_uses_the_team_lists(diary: Diary) -> None:
    reference.add_item(diary, "district", "Farsta")
    header = "namn;stadsdel;beställande enhet;startdatum"
    data = (header + "\r\nEva Ek;Farsta;Barn och familj;2024-01-10\r\n").encode("utf-8")
    d = Diary(diary.store, diary.worker, today_override=diary.today_override)
    report = importer.import_file(d, data, "x.csv")
    assert report.imported, [p.describe("en") for p in report.problems]


def test_the_lists_travel_to_the_team(tmp_path: Path) -> None:
    (tmp_path / "share").mkdir()
    share = open_share(str(tmp_path / "share"))
    a, b = make_team(tmp_path, 2)
    try:
        da, db = Diary(a.store, Worker(a.name)), Diary(b.store, Worker(b.name))
        reference.add_item(da, "district", "Farsta")
        reference.retire_item(da, "district", "Skärholmen")
        assert a.sync(share).ok and b.sync(share).ok
        got = reference.lists(db).districts
        assert "Farsta" in got and "Skärholmen" not in got
        _decision(db, "Farsta")
    finally:
        a.close()
        b.close()
