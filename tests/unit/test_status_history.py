"""A report for a closed period never changes when today's data changes (both tracks); the history is seeded
from today's values when an older diary is opened."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from alembic import command
from sqlalchemy import func, select

from app.models import Change, StatusHistory
from app.services.clients import cases, clients
from app.services.clients.cases import DecisionInput
from app.services.context import Diary, Worker
from app.services.mens_track import men
from app.services.reports import statistics
from app.storage import migrate, vault
from app.storage.changefeed import Identity
from app.storage.engine import WRITE_OPTION
from app.storage.keyfile import KdfParams
from app.storage.vault import Store
from tests.unit.conftest import PASSPHRASE

TODAY = date(2026, 3, 15)
LAST_YEAR = (date(2025, 1, 1), date(2025, 12, 31))


def _counts(rows: list[dict[str, object]]) -> dict[str, object]:
    return {str(r["key"]): r["count"] for r in rows}


def test_womans_district_and_unit_change_today_leave_last_year(store: Store) -> None:
    d = Diary(store, Worker("Anna", "Kvinnostödjare", frozenset({"women"})), today_override=TODAY)
    cid = clients.create_client(d, clients.ClientInput(name="Lena Ek")).id
    case = cases.open_case(d, cid, referred_on="2025-03-01")
    data = DecisionInput("adults", "Älvsjö", "2025-03-10", "2025-03-10", "2026-06-30")
    case = cases.add_decision(d, case.id, data)
    decision_id = case.decisions[0].id
    before = statistics.period_report(d, *LAST_YEAR)["women"]
    assert _counts(before["current"]["by_district"])["Älvsjö"] == 1

    # She moved and her support is now granted by another unit; her case closes today.
    cases.update_decision(d, decision_id, DecisionInput("children_family", "Skärholmen", "2025-03-10",
                                                        "2025-03-10", "2026-06-30"))
    cases.close_case(d, case.id, reason="Målen uppnådda")
    assert statistics.period_report(d, *LAST_YEAR)["women"] == before
    now = statistics.period_report(d, date(2026, 1, 1), date(2026, 12, 31))["women"]
    assert _counts(now["current"]["by_district"])["Skärholmen"] == 1
    assert _counts(now["by_referring_unit"])["children_family"] == 1
    assert now["closed"]["cases"] == 1

    # A correction meant for every period says so: valid from the decision's start.
    cases.update_decision(d, decision_id, DecisionInput("children_family", "Hägersten-Liljeholmen",
                                                        "2025-03-10", "2025-03-10", "2026-06-30"),
                          effective_on="2025-03-10")
    corrected = statistics.period_report(d, *LAST_YEAR)["women"]
    assert _counts(corrected["current"]["by_district"])["Hägersten-Liljeholmen"] == 1
    assert _counts(corrected["by_referring_unit"])["adults"] == 1  # the unit's change still counts from today


def test_mans_status_change_today_leaves_last_year(men_diary: Diary) -> None:
    d = men_diary
    a = men.add_man(d, name="Adam Ek", referral_source="court_order", first_contact_on="2025-02-01").id
    for day in ("2025-02-08", "2025-02-15", "2025-02-22"):
        men.add_talk(d, a, held_on=day, themes=["violence"])
    men.register_case(d, a, on="2025-02-22")
    b = men.add_man(d, name="Bo Berg", referral_source="police", first_contact_on="2025-05-01").id
    men.set_motivation(d, b, "not_motivated", effective_on="2025-05-10")
    men.set_other_help(d, b, True, effective_on="2025-05-10")
    before = statistics.period_report(d, *LAST_YEAR)["men"]
    assert (before["court_ordered"], before["not_motivated"], before["needing_other_help"]) == (1, 1, 1)
    assert _counts(before["by_status"])["registered"] == 1

    men.set_status(d, a, "not_motivated")
    men.update_man(d, a, men.ManInput(name="Adam Ek", referral_source="social_services"))
    men.set_motivation(d, b, "motivated")
    men.set_other_help(d, b, False)
    men.close_man(d, b, outcome="completed")
    assert statistics.period_report(d, *LAST_YEAR)["men"] == before
    now = statistics.period_report(d, date(2026, 1, 1), date(2026, 12, 31))["men"]
    assert now["closed"] == 1
    history = men.open_man(d, a).history
    assert [(h.field, h.value, h.valid_from) for h in history if h.field == "status"] == [
        ("status", "contact", None), ("status", "registered", date(2025, 2, 22)),
        ("status", "not_motivated", TODAY)]


def test_history_is_seeded_when_an_older_diary_opens(data_dir: Path) -> None:
    s = vault.create(data_dir, PASSPHRASE, KdfParams.fast_for_tests())
    cfg = migrate.config()
    with s.engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0600")
    with s.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO men_clients (id, compartment, created_at, updated_at, created_by, updated_by, device_id,"
            " name, phone, district, referred_by, status, referred_on_to, note, name_key) VALUES ('m1', 'men',"
            " '2025-01-01', '2025-01-01', 'a', 'a', 'd', 'Adam Ek', '', 'Älvsjö', 'Frivården', 'not_motivated',"
            " '', '', 'adam ek')")
        conn.exec_driver_sql(
            "INSERT INTO clients (id, compartment, created_at, updated_at, created_by, updated_by, device_id,"
            " name, protected_identity, languages, interpreter_needed, phone, email, address, postal_code,"
            " city, contact_note, worker, name_key) VALUES ('c1', 'women', '2025-01-01', '2025-01-01', 'a',"
            " 'a', 'd', 'Maria Ek', 'none', 'sv', 0, '', '', '', '', '', '', '', 'maria ek')")
        conn.exec_driver_sql(
            "INSERT INTO cases (id, compartment, created_at, updated_at, created_by, updated_by, device_id,"
            " client_id, case_number, referred_on, closing_reason) VALUES ('k1', 'women', '2025-01-01',"
            " '2025-01-01', 'a', 'a', 'd', 'c1', '2025-0001', '2025-01-01', '')")
        conn.exec_driver_sql(
            "INSERT INTO decisions (id, compartment, created_at, updated_at, created_by, updated_by, device_id,"
            " case_id, referring_unit, case_officer, district, legal_basis, decided_on, starts_on, ends_on, note)"
            " VALUES ('d1', 'women', '2025-01-01', '2025-01-01', 'a', 'a', 'd', 'k1', 'adults', '', 'Skärholmen',"
            " '', '2025-01-02', '2025-01-02', '2025-04-02', '')")
    s.close()
    s = vault.unlock(data_dir, PASSPHRASE)
    assert migrate.current_revision(s.engine) == migrate.head()
    with s.read(Identity("", "")) as session:
        seeded = {(h.entity, h.field, h.value, h.client_id, h.compartment, h.valid_from)
                  for h in session.scalars(select(StatusHistory))}
        feed = session.scalar(select(func.count()).select_from(Change).where(Change.entity == "status_history"))
    always = date(1900, 1, 1)
    assert seeded == {
        ("men_clients", "status", "not_motivated", "m1", "men", always),
        ("men_clients", "referral_source", "other", "m1", "men", always),
        ("men_clients", "motivation", "unknown", "m1", "men", always),
        ("men_clients", "needs_other_help", "no", "m1", "men", always),
        ("men_clients", "district", "Älvsjö", "m1", "men", always),
        ("decisions", "district", "Skärholmen", "c1", "women", always),
        ("decisions", "referring_unit", "adults", "c1", "women", always)}
    assert feed == 0  # every laptop seeds its own: nothing to ship
    d = Diary(s, Worker("Per", "", frozenset({"men"})), today_override=TODAY)
    assert men.get_man(d, "m1").status == "not_motivated"
    s.close()


def test_history_travels_with_the_sync(tmp_path: Path) -> None:
    from app.sync.share import FolderShare

    from .sync_helpers import make_team

    share_dir = tmp_path / "share"
    share_dir.mkdir()
    share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2, "men")
    try:
        da = Diary(a.store, Worker("worker0", "", frozenset({"men"})), today_override=TODAY)
        db = Diary(b.store, Worker("worker1", "", frozenset({"men"})), today_override=TODAY)
        m = men.add_man(da, name="Adam Ek", referral_source="court_order", first_contact_on="2025-03-01").id
        men.add_talk(da, m, held_on="2025-03-08", themes=["violence"])
        men.set_motivation(da, m, "not_motivated", effective_on="2025-04-01")
        assert a.sync(share).ok and b.sync(share).ok
        before = statistics.period_report(db, *LAST_YEAR)["men"]
        assert before == statistics.period_report(da, *LAST_YEAR)["men"]
        assert before["not_motivated"] == 1 and before["court_ordered"] == 1
        men.set_motivation(db, m, "motivated")  # on the second laptop, today
        men.update_man(db, m, men.ManInput(name="Adam Ek", referral_source="self_referral"))
        assert b.sync(share).ok and a.sync(share).ok
        for d in (da, db):
            assert statistics.period_report(d, *LAST_YEAR)["men"] == before
            assert men.get_man(d, m).motivation == "motivated"
        assert a.diary("status_history") == b.diary("status_history")
    finally:
        a.close()
        b.close()
