"""Spreadsheet import: clean files go in whole, through the change feed; a bad file writes nothing."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import func, select

from app.models import Case, Change, Client, Decision, DiaryEntry, Extension
from app.services.clients import clients
from app.services.context import Diary, Worker
from app.services.dates import DateError, parse_date
from app.services.importing import importer
from app.services.reports import statistics
from app.services.validation import luhn_ok
from app.storage.vault import Store


def pnr(birth: str, serial: str = "123") -> str:
    for check in range(10):
        if luhn_ok(birth[2:] + serial + str(check)):
            return f"{birth}-{serial}{check}"
    raise AssertionError


@pytest.fixture
def diary(store: Store) -> Diary:
    return Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=date(2025, 3, 1))


def counts(diary: Diary) -> dict[str, int]:
    with diary.read() as s:
        return {m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0
                for m in (Client, Case, Decision, Extension, DiaryEntry, Change)}


def csv_bytes(rows: list[str], *, encoding: str = "utf-8-sig", header: str | None = None) -> bytes:
    return ("\r\n".join([header or GOOD_HEADER, *rows]) + "\r\n").encode(encoding)


GOOD_HEADER = ("namn;personnummer;födelsedatum;skyddad identitet;stadsdel;beställande enhet;aktualiserad;"
               "beslutsdatum;startdatum;slutdatum;förlängt till;avslutad;avslutsorsak;stödformer")
ROW_A = (f"Åsa Öberg;{pnr('19800101')};;nej;Skärholmen;Barn och familj;2024-01-02;2024-01-05;2024-01-10;;"
         "2024-07-10;;;praktiskt stöd, stödsamtal")
ROW_B = ("Märta Ek;;1975-05-05;skyddad folkbokföring;älvsjö;financial_aid;1 mars 2024;20240305;5 mar 2024;"
         "2024-06-01;;2024-05-20;Målen uppnådda;rättegångsstöd")
ROW_C = "Lena Lind;;;;;;2025-02-01;;;;;;;"  # incoming: a referral, no decision yet


def test_parse_dates() -> None:
    for typed in ("2024-03-01", "2024-3-1", "20240301", "1 mars 2024", "1 Mars 2024", "1 mar 2024",
                  "1.3.2024", datetime(2024, 3, 1, 0, 0), 20240301, 45352):
        assert parse_date(typed) == date(2024, 3, 1), typed
    assert parse_date("") is None and parse_date(None) is None
    for bad in ("1/3/2024", "03/01/2024", "2024-02-30", "igår", "1 smars 2024", "240301"):
        with pytest.raises(DateError):
            parse_date(bad)


def test_clean_file_imports_everything_through_the_change_feed(diary: Diary) -> None:
    before = counts(diary)
    data = csv_bytes([ROW_A, ROW_B, ROW_C])
    dry = importer.import_file(diary, data, "kvinnor.csv", dry_run=True)
    assert dry.ok and not dry.imported and (dry.clients, dry.cases, dry.decisions) == (3, 3, 2)
    assert counts(diary) == before  # a dry run writes nothing

    report = importer.import_file(diary, data, "kvinnor.csv")
    assert report.ok and report.imported, [p.describe("en") for p in report.problems]
    assert report.encoding == "utf-8-sig"
    after = counts(diary)
    new = {k: after[k] - before[k] for k in after}
    assert new == {"clients": 3, "cases": 3, "decisions": 2, "extensions": 1, "diary_entries": 2,
                   "changes": 3 + 3 + 2 + 1 + 2}
    listed = {c.name: c for c in clients.list_clients(diary).items}
    assert listed["Märta Ek"].protected_identity == "protected_registration"
    assert listed["Märta Ek"].status == "closed" and listed["Åsa Öberg"].status == "current"  # never closed
    assert listed["Lena Lind"].status == "incoming"
    w = statistics.period_report(diary, date(2024, 1, 1), date(2024, 12, 31))["women"]
    assert w["current"]["total"] == 2
    assert {r["key"]: r["count"] for r in w["support_kinds"]["total"]} == {
        "practical_support": 1, "support_talk": 1, "civic_information": 0, "court_support": 1}
    assert w["extensions"]["granted"] == 1


def test_missing_and_unknown_columns(diary: Diary) -> None:
    before = counts(diary)
    data = csv_bytes(["Skärholmen;2024-01-10"], header="stadsdell;startdatum")
    report = importer.import_file(diary, data, "x.csv")
    text = [p.describe("en") for p in report.problems]
    assert 'file, column "stadsdell": Unknown column. The columns are listed in docs/import.md.' in text
    assert 'file, column "namn": A required column is missing.' in text
    assert any('"stadsdel"' in t for t in text) and any('"beställande enhet"' in t for t in text)
    assert not report.imported and counts(diary) == before


def test_every_problem_listed_and_nothing_imported(diary: Diary) -> None:
    clients.create_client(diary, clients.ClientInput(name="Åsa Öberg", personal_number=pnr("19800101")))
    clients.create_client(diary, clients.ClientInput(name="Karin Berg", personal_number=pnr("19700707", "456")))
    before = counts(diary)
    rows = [
        ROW_B,  # row 2: fine on its own
        ROW_A,  # row 3: already in the diary (same personal number)
        "Karin  berg;;1970-07-07;;;;;;;;;;;",  # row 4: in the diary by name and birth date
        "Sara Sten;;;;Södermalm;Barn och familj;;;2024-01-10;;;;;",  # row 5: unknown district
        "Sara Sten;;;;Älvsjö;Barn och familj;;1/3/2024;2024-02-30;;;;;",  # row 6: two bad dates
        "Märta Ek;;1975-05-05;;;;;;;;;;;",  # row 7: the same woman as row 2
        ";;;;Älvsjö;;;;2024-01-10;;;;;stödsamtal",  # row 8: no name, no referring unit
        "Eva Ek;;;kanske;Älvsjö;Barn och familj;;;2024-01-10;2023-12-01;;2024-03-01;;",  # row 9
    ]
    report = importer.import_file(diary, csv_bytes(rows), "x.csv")
    got = [p.describe("en") for p in report.problems]
    assert got == [
        "row 3: The woman is already in the diary (same personal identity number, or same name and birth "
        "date).",
        "row 4: The woman is already in the diary (same personal identity number, or same name and birth "
        "date).",
        'row 5, column "stadsdel": Unknown district "Södermalm" (known: Hägersten-Liljeholmen, Skärholmen, '
        "Älvsjö).",
        'row 6, column "beslutsdatum": Dates with slashes are ambiguous (1/3 or 3/1?): write it as 2024-03-01.',
        'row 6, column "startdatum": This date does not exist in the calendar.',
        "row 7: The same woman is already on row 2.",
        'row 8, column "namn": A name is required.',
        'row 8, column "beställande enhet": A decision needs a start date, a district and a referring unit.',
        'row 9, column "skyddad identitet": Write nej, ja, sekretessmarkering, skyddad folkbokföring or '
        "fingerade personuppgifter.",
        'row 9, column "slutdatum": The period must end after it starts.',
        'row 9, column "avslutsorsak": A closed case needs a closing reason.',
    ]
    assert not report.imported and counts(diary) == before
    # Cell values that are client data never appear in a message.
    assert not any(name in " ".join(got) for name in ("Märta", "Sara", "Karin", "Eva"))


def test_latin1_excel_export_is_read_correctly(diary: Diary) -> None:
    data = csv_bytes([ROW_A, ROW_B], encoding="cp1252")
    report = importer.import_file(diary, data, "export.csv")
    assert report.ok and report.encoding == "cp1252"
    assert {c.name for c in clients.list_clients(diary).items} == {"Åsa Öberg", "Märta Ek"}


def test_garbled_and_binary_files_give_a_clear_message(diary: Diary) -> None:
    before = counts(diary)
    garbled = csv_bytes([ROW_A]).decode("utf-8-sig").encode("utf-8").decode("latin-1").encode("utf-8")
    report = importer.import_file(diary, garbled, "x.csv")
    assert [p.describe("en") for p in report.problems] == [
        'file: The file\'s text looks garbled ("Ã¤" instead of "ä"): it was converted between encodings '
        'twice. Export it again from the original as "CSV UTF-8".']
    assert importer.import_file(diary, b"\xd0\xcf\x11\xe0\x00\x00", "old.xls").problems[0].message_en.startswith(
        "Old Excel files")
    assert importer.import_file(diary, b"PK\x03\x04broken", "x.xlsx").problems[0].message_en.startswith(
        "The file is not a workbook")
    assert counts(diary) == before


def test_xlsx_with_date_cells_and_numbers(diary: Diary) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Namn", "Personnummer", "Stadsdel", "Beställande enhet", "Startdatum", "Stödformer"])
    ws.append(["Åsa Öberg", int(pnr("19800101").replace("-", "")), "Skärholmen", "Vuxenenheten",
               datetime(2024, 2, 1), "Samhällsinformation"])
    ws.append(["Märta Ek", None, "Älvsjö", "adults", 20240203, "stödsamtal; praktiskt stöd"])
    buf = io.BytesIO()
    wb.save(buf)
    report = importer.import_file(diary, buf.getvalue(), "kvinnor.xlsx")
    assert report.ok and report.imported and report.file_format == "xlsx", report.problems
    assert (report.clients, report.decisions, report.entries) == (2, 2, 2)
    w = statistics.period_report(diary, date(2024, 1, 1), date(2024, 12, 31))["women"]
    assert w["current"]["total"] == 2


SV_MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
             "november", "december"]


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_every_date_reads_back_in_every_accepted_form(day: date) -> None:
    for typed in (day.isoformat(), f"{day:%Y%m%d}", f"{day.day} {SV_MONTHS[day.month - 1]} {day.year}",
                  f"{day.day}.{day.month}.{day.year}", f"{day.year}-{day.month}-{day.day}"):
        assert parse_date(typed) == day
    with pytest.raises(DateError):
        parse_date(f"{day.day}/{day.month}/{day.year}")
