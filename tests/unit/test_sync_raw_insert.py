"""values.raw_insert stores exactly the text an ORM insert stores (a round inserts received records with it)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlalchemy import text

from app.models import Client, DiaryEntry, new_id
from app.sync import values
from tests.unit.sync_helpers import Laptop


def _stored(lap: Laptop, table: str, rid: str) -> dict[str, object]:
    with lap.store.read(lap.ident) as s:
        row = s.execute(text(f'SELECT * FROM "{table}" WHERE id = :id'), {"id": rid}).mappings().one()
    return {k: v for k, v in row.items() if k != "id"}


def test_raw_insert_stores_what_the_orm_stores(tmp_path: Path) -> None:
    lap = Laptop(tmp_path / "a", "anna")
    whole_second = datetime(2026, 1, 1, 9, 0, 0)  # the driver's own adapter would drop ".000000"
    client = {"name": "Klient", "name_key": "klient", "phone": "070", "compartment": "women",
              "created_at": whole_second, "updated_at": datetime(2026, 1, 1, 9, 0, 0, 1234),
              "created_by": "anna", "updated_by": "anna", "device_id": "d", "protected_identity": "none",
              "languages": "sv", "interpreter_needed": True, "email": "", "address": "", "postal_code": "",
              "city": "", "contact_note": "", "worker": ""}
    by_orm, by_raw = new_id(), new_id()
    with lap.store.write(lap.ident) as s:
        s.execute(Client.__table__.insert().values(id=by_orm, **client))
        values.raw_insert(s, Client.__table__, [{"id": by_raw, **client}])  # type: ignore[arg-type]
        entry = {"client_id": by_orm, "event_on": date(2026, 1, 2), "written_at": whole_second, "text": "t",
                 "author_name": "anna", "kinds": "support_talk", "compartment": "women", "duration_minutes": 45,
                 "activity": "", "author_title": "",
                 "created_at": whole_second, "updated_at": whole_second, "created_by": "anna",
                 "updated_by": "anna", "device_id": "d"}
        e_orm, e_raw = new_id(), new_id()
        s.execute(DiaryEntry.__table__.insert().values(id=e_orm, **entry))
        values.raw_insert(s, DiaryEntry.__table__, [{"id": e_raw, **entry}])  # type: ignore[arg-type]
    assert _stored(lap, "clients", by_raw) == _stored(lap, "clients", by_orm)
    assert _stored(lap, "clients", by_raw)["created_at"] == "2026-01-01 09:00:00.000000"
    assert _stored(lap, "diary_entries", e_raw) == _stored(lap, "diary_entries", e_orm)
    lap.store.close()


def test_the_fast_datetime_text_is_sqlalchemys() -> None:
    from sqlalchemy import DateTime
    from sqlalchemy.dialects import sqlite

    slow = DateTime()._cached_bind_processor(sqlite.dialect())
    fast = values._processor(DateTime(), sqlite.dialect())
    assert slow is not None and fast is not None
    for v in (datetime(2026, 1, 1), datetime(2026, 12, 31, 23, 59, 59, 999999), datetime(1, 1, 1, 0, 0, 0, 1),
              datetime(2099, 6, 5, 4, 3, 2, 100000), None):
        assert fast(v) == slow(v)


def test_dumps_gives_the_encoders_text() -> None:
    """``values.dumps`` keeps one C encoder instead of the one ``JSONEncoder.encode`` builds per call: the same
    text for every kind of value a state or a change row holds."""
    import json

    reference = json.JSONEncoder(separators=(",", ":"), check_circular=False).encode
    samples: list[object] = [
        None, True, False, 0, -1, 2 ** 70, 1.5, 1e-7, float("nan"), float("inf"), "", "Åsa \"citat\" \\ \n\t",
        "\ud800 ensam", "emoji 👩‍👧", {"b": 1, "a": [1, {"x": None}]}, [], {}, ("t", 1), [[["djup"]]],
        {"h": "1767258000000-0000-dev", "v": {"name": "Märta", "born_on": "1980-01-02"}, "k": None},
    ]
    for v in samples:
        assert values.dumps(v) == reference(v), v
    try:
        values.dumps({"x": object()})
    except TypeError:
        pass
    else:
        raise AssertionError("an unknown type is refused as json refuses it")


def test_stored_value_is_what_insert_tuples_stores(tmp_path: Path) -> None:
    lap = Laptop(tmp_path / "a", "anna")
    at = datetime(2026, 1, 1, 9, 0, 0)
    table = Client.__table__
    with lap.store.write(lap.ident) as s:
        assert values.stored_value(s, table, "created_at", at) == "2026-01-01 09:00:00.000000"  # type: ignore[arg-type]
        assert values.stored_value(s, table, "name", "Åsa") == "Åsa"  # type: ignore[arg-type]
