"""Printing from a client's record: the court-day sheet and the record extract for her access request.

The service reads what a document needs; ``app.printing`` lays it out. Nothing is logged here: the caller logs
one ``print`` event once the document is saved or printed (``audit.log_print``).
"""

from __future__ import annotations

from app.printing.court_day import layout_court_day
from app.printing.output import PrintResult
from app.printing.record_extract import layout_record_extract
from app.services.clients import export, records
from app.services.clients.clients import get_client
from app.services.context import Diary


def render_court_day(diary: Diary, appointment_id: str, *, language: str | None = None, fmt: str = "a4",
                     with_name: bool = False) -> PrintResult:
    appt = records.get(diary, "court", appointment_id)
    client = get_client(diary, appt["client_id"], log=False)
    return layout_court_day(appt, client, language=language, fmt=fmt, with_name=with_name)


def render_record_extract(diary: Diary, client_id: str, *, language: str = "sv") -> PrintResult:
    client = get_client(diary, client_id, log=False)
    bundle = export.client_record(diary, client_id)  # only this client's rows
    return layout_record_extract(bundle, client, diary.today().isoformat(), language=language)
