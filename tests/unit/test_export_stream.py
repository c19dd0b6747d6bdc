"""The streamed export: byte for byte the documented format (docs/export.md) as the ORM-built export produced
it, written 0600 and atomically, with progress and cancel."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import reference as ref_data
from app.errors import NotFound
from app.models import AuditRecord, Case, Decision
from app.services.clients import cases, clients, entries, export
from app.services.context import Diary, Worker
from app.services.demo import diary as demo
from app.services.demo import risk as risk_demo
from app.services.mens_track import men
from app.storage import vault

from . import export_reference as reference

TODAY = date(2026, 3, 2)


@pytest.fixture
def both(store: vault.Store) -> Diary:
    """A small diary with every kind of record: women's clients with cases, several decisions and extensions,
    contacts, children, court dates, entries, safety plans, risk assessments, incidents; and men with talks."""
    diary = Diary(store, Worker("Anna Andersson", "Kvinnostödjare", frozenset({"women", "men"})),
                  today_override=TODAY)
    demo.generate(diary, clients=12, seed=3)
    risk_demo.generate(diary, seed=3)
    with diary.read() as s:
        case_id, dec_id = s.execute(select(Case.id, Decision.id).join(Decision, Decision.case_id == Case.id)
                                    .where(Case.closed_on.is_(None))
                                    .order_by(Case.id)).first() or (None, None)
    assert case_id and dec_id
    cases.add_decision(diary, case_id, cases.DecisionInput("adults", ref_data.districts()[0], "2026-01-05",
                                                           "2026-01-10", note="två beslut \"citat\" ✓"))
    cases.extend_decision(diary, dec_id, months=3, granted_on="2026-02-01")
    man = men.add_man(diary, name="Östen Åberg", district="Skärholmen", first_contact_on="2026-02-01")
    men.add_talk(diary, man.id, held_on="2026-02-03", themes=["violence"])
    return diary


def _audit_count(diary: Diary) -> int:
    with diary.read() as s:
        return s.scalar(select(func.count()).select_from(AuditRecord).where(AuditRecord.action == "export")) or 0


def test_streamed_export_is_byte_for_byte_the_orm_built_export(both: Diary) -> None:
    expected = reference.to_json(reference.export_all(both))
    data = json.loads(expected)
    assert any(m["talks"] for m in data["men"]) and any(m["status_history"] for m in data["men"])
    assert any(c["risk_assessments"] for c in data["clients"])
    assert any(c["incidents"] for c in data["clients"]) and any(c["safety_plan_versions"] for c in data["clients"])
    assert any(d["extensions"] for c in data["clients"] for k in c["cases"] for d in k["decisions"])
    out = io.StringIO()
    n = export.write_export(both, out, progress=None)
    assert out.getvalue() == expected
    assert n == len(data["clients"]) + len(data["men"])
    # The layout docs/export.md describes: a header, then one client (or man) per line.
    lines = expected.split("\n")
    assert lines[:4] == ["{", ' "format": "athena-export",', ' "version": 1,', ' "clients": [']
    assert lines[-3:] == [" ]", "}", ""]
    assert export.to_json(export.export_all(both)) == expected


def test_one_clients_export_is_byte_for_byte_the_orm_built_export(both: Diary) -> None:
    for cid in [c["client"]["id"] for c in reference.export_all(both)["clients"]][:4]:
        expected = reference.to_json(reference.export_client(both, cid))
        assert export.to_text(both, cid) == expected
        assert export.export_client(both, cid) == json.loads(expected)


def _export_events(diary: Diary) -> dict[str, str]:
    with diary.read() as s:
        return {i: d for i, d in s.execute(select(AuditRecord.id, AuditRecord.detail)
                                           .where(AuditRecord.action == "export"))}


def _logged(diary: Diary, seen: dict[str, str]) -> list[str]:
    """The details of the export events logged since ``seen`` (which is brought up to date)."""
    now = _export_events(diary)
    new = [d for i, d in now.items() if i not in seen]
    seen.update(now)
    return new


def test_protected_details_left_out_while_streaming_match_the_orm_built_export(both: Diary,
                                                                              tmp_path: Path) -> None:
    pnr, street = "19850312-1231", "Hemliga gatan 7"
    c = clients.create_client(both, clients.ClientInput(
        name="Maja Skyddad", personal_number=pnr, protected_identity="protected_registration",
        address=street, postal_code="12345", city="Älvsjö"))
    entries.add_entry(both, c.id, entries.EntryInput(text="Träffades utanför hemliga GATAN 7, pnr 850312-1231.",
                                                     kinds=["support_talk"]), sign=True)
    # The whole diary: the same bytes as the ORM-built export with the details left out of the finished dict.
    seen = _export_events(both)
    expected = reference.to_json(reference.export_all(both, with_protected=False))
    assert street not in expected and "850312-1231" not in expected
    # (her postal code is checked in her own record: "12345" can occur by chance in an id or a time)
    maja = next(b["client"] for b in json.loads(expected)["clients"] if b["client"]["id"] == c.id)
    assert maja["postal_code"] == reference.REDACTED and maja["city"] == reference.REDACTED
    assert expected != reference.to_json(reference.export_all(both))
    target = tmp_path / "alla.json"
    n = export.write_export_file(both, target, with_protected=False)
    assert target.read_text(encoding="utf-8") == expected
    assert export.to_json(export.export_all(both, with_protected=False)) == expected
    protected = export.protected_count(both)
    assert protected >= 1
    assert _logged(both, seen) == [f"full export of {n} clients, protected details of {protected} left out"] * 2
    # One client, with and without her details.
    one = reference.to_json(reference.export_client(both, c.id, with_protected=False))
    assert export.to_text(both, c.id, with_protected=False) == one
    assert _logged(both, seen) == ["client record export, protected details left out"]
    assert export.to_text(both, c.id) == reference.to_json(reference.export_client(both, c.id))
    assert street in reference.to_json(reference.export_client(both, c.id))
    assert _logged(both, seen) == ["client record export"]
    # A client without protected identity is exported whole either way.
    other = next(x["client"]["id"] for x in reference.export_all(both)["clients"]
                 if x["client"]["protected_identity"] == "none")
    assert export.to_text(both, other, with_protected=False) == reference.to_json(reference.export_client(both,
                                                                                                            other))
    assert export.protected_count(both) == sum(
        x["client"]["protected_identity"] != "none" for x in reference.export_all(both)["clients"])
    assert export.protected_count(both, c.id) == 1 and export.protected_count(both, other) == 0


def test_file_is_private_complete_and_logged(both: Diary, tmp_path: Path) -> None:
    target = tmp_path / "alla.json"
    seen: list[tuple[int, int]] = []
    before = _audit_count(both)
    n = export.write_export_file(both, target, progress=lambda done, total: seen.append((done, total)))
    assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alla.json", "diary"]  # no temporary file left
    assert target.read_text(encoding="utf-8") == reference.to_json(reference.export_all(both))
    assert seen[-1] == (n, n) and [d for d, _ in seen] == list(range(1, n + 1))
    assert n == export.count_for_export(both)
    assert _audit_count(both) == before + 1


def test_cancel_leaves_no_file_and_an_existing_one_untouched(both: Diary, tmp_path: Path) -> None:
    (tmp_path / "ut").mkdir()
    target = tmp_path / "ut" / "alla.json"
    target.write_text("förra exporten", encoding="utf-8")
    before = _audit_count(both)
    calls = 0

    def stop() -> bool:
        nonlocal calls
        calls += 1
        return calls >= 3

    with pytest.raises(export.ExportCancelled):
        export.write_export_file(both, target, cancelled=stop)
    assert target.read_text(encoding="utf-8") == "förra exporten"
    assert list((tmp_path / "ut").iterdir()) == [target]
    assert _audit_count(both) == before  # nothing was exported


def test_unwritable_target_is_a_clear_error(both: Diary, tmp_path: Path) -> None:
    from app.errors import StorageError

    with pytest.raises(StorageError, match=r"cannot be written|kan inte skrivas"):
        export.write_export_file(both, tmp_path / "saknas" / "alla.json")


def test_unknown_client_writes_nothing(both: Diary, tmp_path: Path) -> None:
    (tmp_path / "ut").mkdir()
    out = io.StringIO()
    with pytest.raises(NotFound):
        export.write_export(both, out, client_id="no-such-id")
    assert out.getvalue() == ""
    with pytest.raises(NotFound):
        export.write_export_file(both, tmp_path / "ut" / "x.json", client_id="no-such-id")
    assert list((tmp_path / "ut").iterdir()) == []
