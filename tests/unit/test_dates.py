"""One date policy everywhere: the importer, the command line and every service read a date the same way."""

from __future__ import annotations

import argparse
from datetime import date, datetime

import pytest

from app.commands.common import date_arg
from app.errors import DomainError
from app.services import validation
from app.services.clients import clients, records
from app.services.context import Diary
from app.services.dates import DateError, parse_date

ACCEPTED = {"2024-03-01": date(2024, 3, 1), "2024-3-1": date(2024, 3, 1), "20240301": date(2024, 3, 1),
            "1 mars 2024": date(2024, 3, 1), "1.3.2024": date(2024, 3, 1)}
REFUSED = ["01/03/2024", "1/3/2024", "2024/03/01", "2024-02-30", "igår"]


def readers() -> list[tuple[str, object]]:
    return [("import", parse_date), ("service", lambda s: validation.as_date(s, "Date")), ("cli", date_arg)]


@pytest.mark.parametrize("typed,day", ACCEPTED.items())
def test_accepted_the_same_everywhere(typed: str, day: date) -> None:
    for name, read in readers():
        assert read(typed) == day, name  # type: ignore[operator]


@pytest.mark.parametrize("typed", REFUSED)
def test_refused_the_same_everywhere(typed: str) -> None:
    with pytest.raises(DateError):
        parse_date(typed)
    with pytest.raises(DomainError, match="not a valid date"):
        validation.as_date(typed, "Date")
    with pytest.raises(argparse.ArgumentTypeError):
        date_arg(typed)


def test_a_court_time_reads_its_day_by_the_same_policy(diary: Diary) -> None:
    c = clients.create_client(diary, clients.ClientInput(name="Åsa Öberg"))
    appt = records.add(diary, "court", c.id, {"court": "Södertörns tingsrätt", "starts_at": "1 mars 2026 09:30"})
    assert appt["starts_at"] == datetime(2026, 3, 1, 9, 30)
    with pytest.raises(DomainError, match="date and time"):
        records.add(diary, "court", c.id, {"court": "Södertörns tingsrätt", "starts_at": "01/03/2026 09:30"})


@pytest.mark.parametrize("argv", [
    ["report", "--from", "01/03/2024", "--to", "2024-12-31"],
    ["audit", "--from", "01/03/2024"],
    ["men", "add", "--name", "Per", "--first-contact", "01/03/2024"],
])
def test_every_command_line_date_refuses_slashes(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["--lang", "en", *argv])
    assert exc.value.code == 2 and "slashes are ambiguous" in capsys.readouterr().err
