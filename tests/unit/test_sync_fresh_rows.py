"""A record new to this laptop gets its row straight from its one write (``fresh.FreshRows``): the same stored
values, column by column, as the general path (the state's values converted, provenance, ``_insert_all``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import text

from app.models import new_id
from app.storage.changefeed import REMOTE
from app.sync import apply, checks, values
from app.sync import state as st
from tests.unit.sync_helpers import Laptop

CLIENT = new_id()


def _writes() -> list[st.Write]:
    ws: list[st.Write] = []

    def add(entity: str, fields: dict[str, Any], rid: str | None = None) -> None:
        n = len(ws)
        ws.append({"h": f"{1764000000000 + n:013d}-0000-dev-{n}", "e": entity, "i": rid or new_id(), "o": "u",
                   "c": "women", "k": CLIENT, "f": fields, "a": "Åsa Ö"})

    stamp = {"created_at": "2026-01-02T03:04:05.123456", "created_by": "Åsa", "compartment": "women"}
    add("clients", {**stamp, "name": "Åsa Öberg", "name_key": "asa oberg", "phone": "070", "city": "Malmö",
                    "interpreter_needed": True, "languages": "sv,ar"}, CLIENT)
    add("clients", {"name": "Bo", "name_key": "bo", "interpreter_needed": False, "personal_number": None,
                    "compartment": "women"})  # a None, created_at and created_by from the defaults
    add("diary_entries", {**stamp, "client_id": CLIENT, "event_on": "2026-03-04",
                          "written_at": "2026-03-04T10:00:00", "duration_minutes": 45, "kinds": "talk,court",
                          "text": "Samtal om skyddat boende — «citat» 😀", "author_name": "Åsa",
                          "signed_at": None})
    add("safety_plan_versions", {**stamp, "client_id": CLIENT, "version": 1,
                                 "sections": {"a": ["x", 1, None], "ö": {"b": True}}})
    add("safety_plan_versions", {**stamp, "client_id": CLIENT, "version": 2, "sections": None})
    add("risk_assessments", {**stamp, "client_id": CLIENT, "instrument_id": "sarah", "instrument_version": "1",
                             "assessed_on": "2026-02-01"})  # answers and result not shipped
    add("diary_entries", {**stamp, "client_id": CLIENT, "text": "utan datum"})  # incomplete: no event_on
    return ws


def _rows(lap: Laptop, ws: list[st.Write]) -> dict[str, list[tuple[Any, ...]]]:
    out: dict[str, list[tuple[Any, ...]]] = {}
    with lap.store.read(lap.ident) as s:
        for entity in dict.fromkeys(str(w["e"]) for w in ws):
            cols = [r[1] for r in s.execute(text(f'PRAGMA table_info("{entity}")'))]
            keep = [c for c in cols if c not in ("created_at", "updated_at")] + ["updated_at"]
            rows = s.execute(text(f'SELECT {", ".join(keep)} FROM "{entity}" ORDER BY id')).all()
            out[entity] = [tuple(r) for r in rows]
            shipped = {str(w["i"]): w["f"].get("created_at", "-") for w in ws if w["e"] == entity}
            for rid, created in s.execute(text(f'SELECT id, created_at FROM "{entity}"')):
                if shipped[rid] not in ("-", None):  # shipped: stored as given; else "now" on both paths
                    out[entity].append((rid, created))
    return out


def test_a_new_records_row_is_the_same_from_its_write_as_from_its_state(tmp_path: Path) -> None:
    ws = _writes()
    quick, general = Laptop(tmp_path / "q", "q"), Laptop(tmp_path / "g", "g")
    problems: dict[str, list[str]] = {"q": [], "g": []}
    for lap, fast in ((quick, True), (general, False)):
        with lap.store.write(lap.ident) as s:
            s.info[REMOTE] = True
            s.execute(text("PRAGMA defer_foreign_keys = ON"))
            keys = {(str(w["e"]), str(w["i"])): w for w in ws}
            if fast:
                states = {k: st.one_write(w) for k, w in keys.items()}
                apply.materialise(s, states, problems["q"], fresh=keys, absent=set(keys))
            else:
                states = {k: st.fresh_state(w) for k, w in keys.items()}
                apply.materialise(s, states, problems["g"])
    assert problems["q"] == problems["g"] == [
        "A received record is incomplete; it is kept and shown once the rest of it arrives."]
    got, want = _rows(quick, ws), _rows(general, ws)
    assert got == want
    assert sum(len(v) for v in got.values()) > 6
    with quick.store.read(quick.ident) as s:
        sections = s.execute(text("SELECT sections FROM safety_plan_versions ORDER BY version")).scalars().all()
        answers = s.execute(text("SELECT answers FROM risk_assessments")).scalar_one()
        by = s.execute(text("SELECT updated_by, device_id FROM clients")).all()
    assert sections == ['{"a":["x",1,null],"\\u00f6":{"b":true}}', "null"]  # JSON as SQLAlchemy stores it
    assert answers == "null"  # as the general path stores an unshipped JSON column
    assert set(by) == {("Åsa Ö", "dev-0"), ("Åsa Ö", "dev-1")}
    for lap in (quick, general):
        lap.store.close()


def test_fields_checked_together_give_the_same_answer_as_one_by_one() -> None:
    long = "x" * checks.MAX_TEXT
    cases: list[tuple[str, dict[str, Any]]] = [
        ("clients", {"name": "Åsa", "city": "Malmö", "personal_number": None, "interpreter_needed": True}),
        ("clients", {"name": "Åsa", "city": None}),  # a None where a text must be
        ("clients", {"name": "Åsa", "personal_number": False}),  # not a text in a nullable text column
        ("clients", {"name": 7, "city": "Lund"}),
        ("clients", {"name": "Klient \ud800", "city": "Lund"}),  # a lone surrogate
        ("clients", {"name": "\ud83d", "city": "\ude00"}),  # two halves in two fields stay two lone ones
        ("clients", {"name": long, "city": "x"}),  # each short enough, together not: checked one by one
        ("clients", {"name": long + "x", "city": "x"}),
        ("clients", {"name": "Åsa", "interpreter_needed": 1}),
        ("clients", {"name": "Åsa", "no_such_field": "x"}),
        ("clients", {"interpreter_needed": "x", "no_such_field": "x"}),
        ("diary_entries", {"text": "ok", "event_on": "2026-13-01"}),
        ("diary_entries", {"text": "ok", "event_on": "2026-12-01", "duration_minutes": 2 ** 63}),
        ("diary_entries", {"text": "ok", "written_at": "2026-12-01T10:00:00", "signed_at": None}),
        ("no_such_records", {"a": "b"}),
        ("clients", {}),
    ]
    for _ in range(2):  # the second time from the remembered shapes
        for entity, fields in cases:
            assert checks.check_fields(entity, fields) == checks._check_each(entity, fields), (entity, fields)
    assert checks.check_fields(*cases[0]) is None and checks.check_fields(*cases[1]) is not None

    # Column by column (``fields_checked``, a round's many writes of one shape): a shape passes only when every
    # one of its writes would; one bad value leaves the whole shape to the one-by-one check.
    def write(entity: str, fields: dict[str, Any]) -> st.Write:
        return {"e": entity, "o": "u", "f": dict(fields)}

    for entity, fields in cases:
        group = [write(entity, fields) for _ in range(20)]
        passed = checks.fields_checked(group)
        assert passed == ({id(w) for w in group} if checks.check_fields(entity, fields) is None else set()), fields
    good = ("clients", {"name": "Åsa", "city": "Malmö", "personal_number": None, "interpreter_needed": True})
    for bad in ({"name": "Åsa", "city": "Malmö", "personal_number": 7, "interpreter_needed": True},
                {"name": "Åsa", "city": "Malmö", "personal_number": None, "interpreter_needed": None},
                {"name": None, "city": "Malmö", "personal_number": None, "interpreter_needed": True},
                {"name": "\ud800", "city": "Malmö", "personal_number": None, "interpreter_needed": True},
                {"name": "Åsa", "city": "x" * (checks.MAX_TEXT + 1), "personal_number": None,
                 "interpreter_needed": False}):
        group = [write(good[0], good[1]) for _ in range(19)] + [write("clients", bad)]
        assert checks.check_fields("clients", bad) is not None
        assert checks.fields_checked(group) == set()
    entries = [write("diary_entries", {"text": "ok", "event_on": "2026-12-01", "written_at": t})
               for t in ["2026-12-01T10:00:00"] * 19 + ["2026-12-01T25:00:00"]]
    assert checks.fields_checked(entries) == set() and checks.fields_checked(entries[:19]) == {
        id(w) for w in entries[:19]}
    assert checks.fields_checked([write(*good)] * 3) == set()  # few: left to the one-by-one check


def test_shipped_values_stored_as_the_general_conversion_stores_them(tmp_path: Path) -> None:
    """The short conversions of ``_FreshRows`` (yes/no, date, date and time) give what the column's
    conversion followed by its bind processor gives, for ordinary and odd shipped values."""
    from app.models import RECORD_CLASSES

    lap = Laptop(tmp_path / "a", "anna")
    samples: list[Any] = [
        True, False, 0, 1, "2026-01-02", "2026-W01-1", "20260102", "2026-01-02T03:04:05", "2026-01-02T03:04:05.5",
        "2026-01-02 03:04:05.123456", "2026-01-02T03:04:05+02:00", "2026-01-02T03:04:05Z", "1999-12-31T23:59:59",
    ]
    checked = 0
    with lap.store.read(lap.ident) as s:
        for cls in RECORD_CLASSES.values():
            table = cls.__table__
            procs = values.processors(s, table)  # type: ignore[arg-type]
            for name, conv in values.converters(table).items():  # type: ignore[arg-type]
                slow = values.compose(conv, procs[name])
                quick = values.shipped_to_stored(conv, procs[name])
                if slow is None:
                    assert quick is None
                    continue
                assert quick is not None
                for v in samples * 2:  # twice: the remembered answers too
                    try:
                        want: Any = ("ok", slow(v))
                    except Exception as exc:  # the same refusal is wanted
                        want = ("error", type(exc))
                    try:
                        got: Any = ("ok", quick(v))
                    except Exception as exc:
                        got = ("error", type(exc))
                    assert got == want, (table.name, name, v)
                    checked += 1
    assert checked > 100


def test_rows_made_column_by_column_are_those_made_one_by_one(tmp_path: Path) -> None:
    """``FreshRows.many`` (a shape's values taken and converted column by column) gives each record the row
    ``FreshRows`` gives it alone, in the same statement; a record whose write lacks a required value (here a
    None name, in a shape where the others have one) gets none, and neither do writes of an incomplete shape."""
    from app.models import Client, DiaryEntry
    from app.sync.fresh import FreshRows

    ws = _writes()
    for n in range(3):  # three more of the first client shape, one of them without a name
        w = dict(ws[0])
        w["i"], w["h"] = new_id(), f"{1764000001000 + n:013d}-0000-dev-9"
        w["f"] = {**ws[0]["f"], "name": None if n == 1 else f"Klient {n}", "interpreter_needed": n == 2}
        ws.append(w)
    lap = Laptop(tmp_path / "m", "m")
    try:
        with lap.store.read(lap.ident) as s:
            for table in (Client.__table__, DiaryEntry.__table__):
                build = FreshRows(s, table)  # type: ignore[arg-type]
                items = [(str(w["i"]), w) for w in ws if w["e"] == table.name]  # type: ignore[attr-defined]
                one = {n: build(rid, w) for n, (rid, w) in enumerate(items)}
                got: dict[int, tuple[str, tuple[Any, ...]]] = {}
                for sql, rows, places in build.many(items):
                    assert len(rows) == len(places)
                    got.update({n: (sql, row) for n, row in zip(places, rows, strict=True)})
                assert got == {n: made for n, made in one.items() if made is not None}
                assert len(got) < len(items)  # the nameless client, the entry without a date
    finally:
        lap.store.close()
