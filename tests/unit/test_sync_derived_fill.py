"""New diary entries that sync inserts in bulk get their derived rows (full-text index, kinds of support, the
year summary) filled set-based (``app/sync/derived.py``) instead of by the per-row triggers: the diary must be
exactly what the triggers make — the same search hits, an FTS index that passes its own integrity check, the
same kinds and year summary rows and the same statistics report — and stay exact through later edits,
corrections, deletes and a purge. A failure half-way commits nothing."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.models import Client, DiaryEntry
from app.services.clients import entries
from app.services.clients.entries import EntryInput
from app.services.clients.search import diary_text_client_ids, search_clients
from app.services.context import Diary, Worker
from app.services.reports import statistics
from app.services.retention import purge
from app.storage import vault
from app.storage.changefeed import bulk_insert
from app.sync import derived, snapshot
from app.sync.backends import open_share
from app.sync.round import SyncConfig
from app.sync.share import Share
from tests.unit.sync_helpers import Laptop, make_team

KINDS = ["practical_support", "support_talk", "civic_information", "court_support"]
WORDS = ["stödsamtal", "tingsrätten", "förhöret", "åklagaren", "överklagandet", "kvinnojouren", "skyddat", "boende",
         "ekonomiskt", "bistånd", "läkarbesök", "polisanmälan", "barnen", "socialtjänsten", "Ängelholm", "Öresund",
         "bostaden", "hyran"]
QUERIES = ["stödsamtal", "förhör*", "åklagaren", "ÅKLAGAREN", "tings*", '"skyddat boende"', "bo*",
           "läkarbesök OR polisanmälan", "ekonomiskt NOT bistånd", "ängelholm", "öresund*", "Zzyzx"]
PERIODS = [(date(2021, 1, 1), date(2021, 12, 31)), (date(2023, 1, 1), date(2025, 12, 31)),
           (date(2024, 7, 1), date(2025, 6, 30)), (date(2020, 1, 1), date(2033, 12, 31))]
TODAY = date(2033, 1, 10)  # the team's clients are due for purging then, except the one still active in 2032


@pytest.fixture
def share(tmp_path: Path) -> Share:
    (tmp_path / "share").mkdir()
    return open_share(str(tmp_path / "share"))


@pytest.fixture
def snapshots(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many records each snapshot a laptop started from gave (the join went the snapshot way)."""
    seen: list[int] = []
    real = snapshot.load_snapshot

    def spy(*args: Any) -> int:
        n = real(*args)
        seen.append(n)
        return n

    monkeypatch.setattr(snapshot, "load_snapshot", spy)
    return seen


@pytest.fixture
def fills(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many rows each set-based fill covered (the bulk path was taken)."""
    seen: list[int] = []
    real = derived.fill

    def spy(conn: Any, before: int) -> None:
        seen.append(int(conn.exec_driver_sql(
            "SELECT count(*) FROM diary_entries WHERE rowid > ?", (before,)).scalar_one()))
        real(conn, before)

    monkeypatch.setattr(derived, "fill", spy)
    return seen


def _text(rnd: random.Random, k: int) -> str:
    return f"Anteckning {k}: " + " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(3, 14))) + "."


def _fill_team(lap: Laptop, n_clients: int = 30, n_entries: int = 420, seed: int = 7) -> list[str]:
    """Clients and entries written on ``lap`` through the change feed: several years, 0–2 kinds, signed entries
    and drafts, a correction, one client still active in 2032."""
    rnd = random.Random(seed)
    with lap.store.write(lap.ident) as s:
        bulk_insert(s, Client, [{"name": f"Kvinna {i}", "name_key": f"kvinna {i}"} for i in range(n_clients)])
    with lap.store.read(lap.ident) as s:
        cids = sorted(s.scalars(text("SELECT id FROM clients")))
    rows = []
    for k in range(n_entries):
        cid = cids[k % len(cids)]
        year = 2032 if cid == cids[0] else 2021 + k % 5
        rows.append({"client_id": cid, "event_on": date(year, 1 + k % 12, 1 + k % 28),
                     "written_at": datetime(year, 1 + k % 12, 1 + k % 28, 9),
                     "kinds": ",".join(rnd.sample(KINDS, rnd.choice((0, 1, 1, 2)))), "text": _text(rnd, k),
                     "author_name": "worker0", "signed_at": datetime(year, 2, 1) if k % 3 else None})
    with lap.store.write(lap.ident) as s:
        bulk_insert(s, DiaryEntry, rows)
    d = _diary(lap)
    signed = _entry_ids(lap, "signed_at IS NOT NULL")[0]
    entries.correct_entry(d, signed, EntryInput(text="Rättelse: förhöret gällde åklagaren.", kinds=["court_support"],
                                                event_on="2024-03-03"))
    return cids


def _diary(lap: Laptop) -> Diary:
    return Diary(lap.store, Worker(lap.name, "Kvinnostödjare"), today_override=TODAY)


def _entry_ids(lap: Laptop, where: str) -> list[str]:
    with lap.store.read(lap.ident) as s:
        return list(s.scalars(text(f"SELECT id FROM diary_entries WHERE {where} ORDER BY id")))


def _rows(lap: Laptop, sql: str, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
    with lap.store.read(lap.ident) as s:
        return [tuple(r) for r in s.execute(text(sql), params or {})]


def _hits(lap: Laptop, q: str) -> list[str]:
    return [r[0] for r in _rows(lap, "SELECT d.id FROM diary_fts JOIN diary_entries AS d ON d.rowid = diary_fts.rowid "
                                     "WHERE diary_fts MATCH :q ORDER BY d.id", {"q": q})]


def _fts_sound(lap: Laptop) -> None:
    """FTS5's own check of the index against the entries (rank 1: every row's tokens compared)."""
    with lap.store.write(lap.ident) as s:
        s.execute(text("INSERT INTO diary_fts(diary_fts, rank) VALUES ('integrity-check', 1)"))


def assert_derived_exact(lap: Laptop) -> None:
    """The derived rows are exactly what the entries give, and no flag row is left."""
    _fts_sound(lap)
    assert _rows(lap, "SELECT count(*) FROM derived_deferred") == [(0,)]
    kinds = _rows(lap, "SELECT entry_id, kind, client_id, event_on FROM diary_entry_kinds ORDER BY 1, 2")
    want: list[tuple[Any, ...]] = []
    for eid, ks, cid, on in _rows(lap, "SELECT id, kinds, client_id, event_on FROM diary_entries ORDER BY id"):
        want.extend((eid, k, cid, on) for k in sorted(set(ks.split(",")) & set(KINDS)))
    assert kinds == want
    assert _rows(lap, "SELECT year, kind, client_id, entries FROM support_kind_years ORDER BY 1, 2, 3") == _rows(
        lap, "SELECT substr(event_on, 1, 4), kind, client_id, count(*) FROM diary_entry_kinds GROUP BY 1, 2, 3 "
             "ORDER BY 1, 2, 3")
    assert _rows(lap, "SELECT count(*) FROM diary_fts") == _rows(lap, "SELECT count(*) FROM diary_entries")


def _picture(lap: Laptop) -> dict[str, Any]:
    """What the derived rows show: search hits, clients found, kinds, year summary, the statistics report."""
    d = _diary(lap)
    return {
        "hits": {q: _hits(lap, q) for q in QUERIES},
        "clients": {q: diary_text_client_ids(d, q, limit=None) for q in ("förhör", "åkla", "boende")},
        "search": [h.client.id for h in search_clients(d, "tingsrätten", log=False)],
        "kinds": _rows(lap, "SELECT entry_id, kind, client_id, event_on FROM diary_entry_kinds ORDER BY 1, 2"),
        "years": _rows(lap, "SELECT year, kind, client_id, entries FROM support_kind_years ORDER BY 1, 2, 3"),
        "reports": [json.dumps(statistics.period_report(d, a, b), sort_keys=True, default=str) for a, b in PERIODS],
    }


def _unordered(picture: dict[str, Any]) -> dict[str, Any]:
    """A picture without the order of the clients found (the order of their entries' rowids)."""
    return {**picture, "clients": {q: sorted(ids) for q, ids in picture["clients"].items()},
            "search": sorted(picture["search"])}


@pytest.fixture
def team(tmp_path: Path, share: Share) -> Iterator[list[Laptop]]:
    laptops = make_team(tmp_path, 3)
    try:
        _fill_team(laptops[0])
        assert laptops[0].sync(share, SyncConfig(snapshot_every=1)).ok  # a snapshot for newcomers
        yield laptops
    finally:
        for lap in laptops:
            lap.close()


def test_a_bulk_join_gives_exactly_what_the_triggers_give(team: list[Laptop], share: Share, fills: list[int],
                                                           snapshots: list[int],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, c = team
    got = b.sync(share)
    assert got.ok, got.problems
    assert snapshots and snapshots[0] > 400  # started from the snapshot
    assert sum(fills) == len(_entry_ids(a, "1")) and all(n >= derived.MIN_ROWS for n in fills)  # the bulk path
    with monkeypatch.context() as m:  # the same join with per-row triggers only
        m.setattr(derived, "MIN_ROWS", 10**9)
        fills.clear()
        assert c.sync(share).ok
        assert fills == []
    for lap in (a, b, c):
        assert_derived_exact(lap)
    pictures = [_picture(lap) for lap in (a, b, c)]
    assert pictures[1] == pictures[2]  # the same rows in the same order: identical
    assert _unordered(pictures[1]) == _unordered(pictures[0])  # the writer inserted in another order
    hits = pictures[1]["hits"]
    assert hits["Zzyzx"] == [] and all(hits[q] for q in QUERIES if q != "Zzyzx")  # the queries find something
    assert hits["åklagaren"] == hits["ÅKLAGAREN"]  # Å folded to å


def test_a_join_from_segments_fills_in_bulk_too(tmp_path: Path, share: Share, fills: list[int]) -> None:
    a, b = make_team(tmp_path, 2)
    try:
        _fill_team(a)
        # Written in several rounds: a segment per round, no snapshot yet for a laptop joining later.
        assert a.sync(share, SyncConfig(snapshot_every=10_000)).ok
        rnd = random.Random(3)
        with a.store.write(a.ident) as s:
            cid = str(s.scalars(text("SELECT id FROM clients ORDER BY id")).first())
            bulk_insert(s, DiaryEntry, [{"client_id": cid, "event_on": date(2025, 5, 1), "written_at":
                                         datetime(2025, 5, 1, 9), "kinds": "support_talk,court_support",
                                         "text": _text(rnd, k), "author_name": "worker0"} for k in range(40)])
        assert a.sync(share, SyncConfig(snapshot_every=10_000)).ok
        assert b.sync(share).ok
        assert fills and sum(fills) == len(_entry_ids(a, "1"))
        assert_derived_exact(b)
        assert _unordered(_picture(b)) == _unordered(_picture(a))
    finally:
        a.close()
        b.close()


def test_entries_changed_after_a_bulk_join_keep_the_indexes_exact(team: list[Laptop], share: Share,
                                                                  fills: list[int]) -> None:
    a, b, _ = team
    assert b.sync(share).ok and fills
    db, da = _diary(b), _diary(a)
    drafts = _entry_ids(b, "signed_at IS NULL AND corrects_id IS NULL")
    signed = _entry_ids(b, "signed_at IS NOT NULL AND corrects_id IS NULL")
    # Here: a draft edited (other text, kinds and year), another deleted, a signed entry corrected, one signed.
    entries.update_entry(db, drafts[0], EntryInput(text="Nytt förhör hos åklagaren i Öresund.",
                                                   kinds=["court_support", "civic_information"],
                                                   event_on="2030-06-01"))
    entries.delete_draft(db, drafts[1])
    entries.correct_entry(db, signed[5], EntryInput(text="Rättelse om bostaden.", kinds=["practical_support"],
                                                    event_on="2022-02-02"))
    entries.sign_entry(db, drafts[2])
    assert_derived_exact(b)
    # There: a draft edited and another deleted; the changes arrive here through sync (updates and deletes of
    # rows filled in bulk).
    entries.update_entry(da, drafts[3], EntryInput(text="Läkarbesök och polisanmälan.", kinds=["civic_information"],
                                                   event_on="2021-01-01"))
    entries.delete_draft(da, drafts[4])
    assert a.sync(share).ok and b.sync(share).ok and a.sync(share).ok
    assert_derived_exact(b)
    assert_derived_exact(a)
    assert _unordered(_picture(b)) == _unordered(_picture(a))
    assert _hits(b, "läkarbesök") and drafts[3] in _hits(b, "polisanmälan")
    assert drafts[1] not in _hits(b, "anteckning") and drafts[4] not in _hits(b, "anteckning")
    # The team lead purges the clients due (most of them); here the purge deletes them with all their
    # bulk-filled entries.
    pv = purge.preview(da)
    assert 20 < len(pv.purge) < 30  # some clients stay
    result = purge.run(da, pv.token)
    assert result.counts["diary_entries"] > 300
    assert a.sync(share).ok and b.sync(share).ok
    assert_derived_exact(b)
    assert _unordered(_picture(b)) == _unordered(_picture(a))
    assert _hits(b, "anteckning") == _entry_ids(b, "text LIKE 'Anteckning%'") != []
    assert b.store.integrity_check() == []


@pytest.mark.parametrize("where", ["fill", "between inserts"])
def test_a_failure_half_way_through_a_bulk_join_commits_nothing(team: list[Laptop], share: Share,
                                                                snapshots: list[int], where: str,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    _, b, _ = team
    real_fill, real_plain = derived.fill, derived.plain_insert
    inserts: list[str] = []

    def broken_fill(conn: Any, before: int) -> None:  # the search rows filled, then a failure
        conn.exec_driver_sql(derived.FILL[0], (before,))
        raise RuntimeError("disk went away")

    def broken_plain(sql: str) -> bool:  # the second held-back insert of a window fails
        inserts.append(sql)
        if len(inserts) == 2:
            raise RuntimeError("disk went away")
        return real_plain(sql)

    if where == "fill":
        monkeypatch.setattr(derived, "fill", broken_fill)
    else:
        monkeypatch.setattr(derived, "plain_insert", broken_plain)
    with pytest.raises(RuntimeError):
        b.sync(share)
    assert where == "fill" or len(inserts) == 2
    assert _rows(b, "SELECT count(*) FROM diary_entries") == [(0,)]  # the join's transaction rolled back whole
    assert _rows(b, "SELECT count(*) FROM diary_entry_kinds") == [(0,)]
    assert_derived_exact(b)
    assert b.store.integrity_check() == []
    monkeypatch.setattr(derived, "fill", real_fill)
    monkeypatch.setattr(derived, "plain_insert", real_plain)
    assert b.sync(share).ok  # the next round joins
    assert len(snapshots) == 1  # from the snapshot
    assert_derived_exact(b)
    assert _unordered(_picture(b)) == _unordered(_picture(team[0]))


def _entry_rows(cid: str, n: int, first: int = 0) -> list[tuple[Any, ...]]:
    stamp = "2026-01-01 09:00:00.000000"
    return [(f"e{k:04d}", "women", stamp, stamp, "", "", "", cid, None, "2026-01-05", stamp, 0, "support_talk", "",
             f"Stödsamtal {k}", "w", "", None, None) for k in range(first, first + n)]


_COLS = ("id, compartment, created_at, updated_at, created_by, updated_by, device_id, client_id, case_id, event_on, "
         "written_at, duration_minutes, kinds, activity, text, author_name, author_title, signed_at, corrects_id")
_INSERT = f'INSERT INTO "diary_entries" ({_COLS}) VALUES ({", ".join("?" * 19)})'


def test_a_caller_that_swallows_the_failure_cannot_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lap = Laptop(tmp_path / "l", "w")
    try:
        cid = lap.add_client("Kvinna")

        def broken(conn: Any, before: int) -> None:
            conn.exec_driver_sql(derived.FILL[0], (before,))
            raise RuntimeError("boom")

        monkeypatch.setattr(derived, "fill", broken)
        # Swallowed: the write goes on and tries to commit; SQLite refuses while the flag row is there.
        with pytest.raises(IntegrityError), lap.store.write(lap.ident) as s, pytest.raises(RuntimeError):
            derived.insert_rows(s, "diary_entries", _INSERT, _entry_rows(cid, 50))
        monkeypatch.undo()
        # The same inside a window: rows inserted, then a failure before the window's fill.
        with pytest.raises(IntegrityError), lap.store.write(lap.ident) as s, pytest.raises(RuntimeError), \
                derived.window(s):
            derived.insert_rows(s, "diary_entries", _INSERT, _entry_rows(cid, 50))
            derived.insert_rows(s, "diary_entries", _INSERT, _entry_rows(cid, 3, 50))
            raise RuntimeError("boom")
        assert _rows(lap, "SELECT count(*) FROM diary_entries") == [(0,)]
        assert_derived_exact(lap)
        with lap.store.write(lap.ident) as s:
            derived.insert_rows(s, "diary_entries", _INSERT, _entry_rows(cid, 50))
            with derived.window(s):
                derived.insert_rows(s, "diary_entries", _INSERT, _entry_rows(cid, 3, 50))  # few: triggers
                derived.insert_rows(s, "diary_entries", _INSERT, _entry_rows(cid, 40, 53))  # held back
                derived.insert_rows(s, "diary_entries", _INSERT, _entry_rows(cid, 2, 93))  # then all held back
        assert_derived_exact(lap)
        assert len(_hits(lap, "stödsamtal")) == 95
    finally:
        lap.close()


def test_an_entry_inserted_behind_a_pending_fill_is_refused(tmp_path: Path) -> None:
    lap = Laptop(tmp_path / "l", "w")
    try:
        cid = lap.add_client("Kvinna")
        with pytest.raises(derived.DerivedFillError), lap.store.write(lap.ident) as s, derived.window(s):
            derived.insert_rows(s, "diary_entries", _INSERT, _entry_rows(cid, 20))
            s.connection().exec_driver_sql(_INSERT, _entry_rows(cid, 1, 20)[0])  # not through insert_rows
            derived.insert_rows(s, "diary_entries", _INSERT, _entry_rows(cid, 20, 21))
        assert _rows(lap, "SELECT count(*) FROM diary_entries") == [(0,)]
        assert_derived_exact(lap)
    finally:
        lap.close()


def test_an_entry_waiting_for_its_fill_cannot_be_changed(tmp_path: Path) -> None:
    """Its update or delete would take a search row out that was never put in (a damaged index)."""
    lap = Laptop(tmp_path / "l", "w")
    try:
        cid = lap.add_client("Kvinna")
        with lap.store.write(lap.ident) as s:
            derived.insert_rows(s, "diary_entries", _INSERT, _entry_rows(cid, 20))  # filled at once
        for change in ("UPDATE diary_entries SET text = 'Ändrad' WHERE id = 'e0025'",
                       "DELETE FROM diary_entries WHERE id = 'e0025'"):
            with pytest.raises(IntegrityError, match="before its derived rows"), \
                    lap.store.write(lap.ident) as s, derived.window(s):
                derived.insert_rows(s, "diary_entries", _INSERT, _entry_rows(cid, 20, 20))
                s.connection().exec_driver_sql("UPDATE diary_entries SET text = 'Äldre' WHERE id = 'e0003'")
                s.connection().exec_driver_sql(change)
        with lap.store.write(lap.ident) as s, derived.window(s):
            derived.insert_rows(s, "diary_entries", _INSERT, _entry_rows(cid, 20, 20))
            s.connection().exec_driver_sql("UPDATE diary_entries SET text = 'Äldre' WHERE id = 'e0003'")
            s.connection().exec_driver_sql("DELETE FROM diary_entries WHERE id = 'e0004'")
        with lap.store.write(lap.ident) as s:  # filled: it can be changed again
            s.connection().exec_driver_sql("UPDATE diary_entries SET text = 'Ändrad efteråt' WHERE id = 'e0025'")
        assert_derived_exact(lap)
        assert _hits(lap, "äldre") == ["e0003"] and _hits(lap, "efteråt") == ["e0025"]
        assert len(_hits(lap, "stödsamtal")) == 37
    finally:
        lap.close()


def test_only_plain_inserts_are_filled_in_bulk(tmp_path: Path) -> None:
    assert derived.plain_insert(_INSERT)
    assert derived.plain_insert("INSERT INTO diary_entries (id, text) VALUES (?, ?)")
    for sql in ("INSERT OR REPLACE INTO diary_entries (id, text) VALUES (?, ?)",
                "REPLACE INTO diary_entries (id, text) VALUES (?, ?)",
                "INSERT INTO diary_entries (rowid, id, text) VALUES (?, ?, ?)",
                'INSERT INTO diary_entries ("_rowid_", id) VALUES (?, ?)',
                "INSERT INTO diary_entries (id, text) VALUES (?, ?) ON CONFLICT DO NOTHING",
                "INSERT INTO diary_entries (id, text) SELECT id, text FROM clients"):
        assert not derived.plain_insert(sql), sql
    lap = Laptop(tmp_path / "l", "w")
    try:
        rows = _entry_rows(lap.add_client("K"), 20)
        with pytest.raises(derived.DerivedFillError), lap.store.write(lap.ident) as s:
            derived.insert_rows(s, "diary_entries", _INSERT.replace("INSERT", "INSERT OR REPLACE"), rows)
        assert _rows(lap, "SELECT count(*) FROM diary_entries") == [(0,)]
    finally:
        lap.close()


def test_a_service_write_still_indexes_through_the_triggers(tmp_path: Path) -> None:
    lap = Laptop(tmp_path / "l", "w")
    try:
        d = _diary(lap)
        cid = lap.add_client("Kvinna Åberg")
        eid = entries.add_entry(d, cid, EntryInput(text="Följde med till tingsrätten för förhöret.",
                                                   kinds=["court_support", "support_talk"],
                                                   event_on="2026-03-01"), sign=True).id
        assert _hits(lap, "tingsrätten") == [eid] == _hits(lap, "förhör*")
        assert _rows(lap, "SELECT kind FROM diary_entry_kinds ORDER BY 1") == [("court_support",), ("support_talk",)]
        assert _rows(lap, "SELECT year, kind, entries FROM support_kind_years ORDER BY 2") == [
            ("2026", "court_support", 1), ("2026", "support_talk", 1)]
        assert_derived_exact(lap)
    finally:
        lap.close()


def test_a_pull_of_a_few_entries_goes_through_the_triggers(team: list[Laptop], share: Share,
                                                           fills: list[int]) -> None:
    a, b, _ = team
    assert b.sync(share).ok
    fills.clear()
    da = _diary(a)
    cid = _rows(a, "SELECT id FROM clients ORDER BY id")[3][0]
    new = [entries.add_entry(da, cid, EntryInput(text=f"Kort stödsamtal om hyran {i}.", kinds=["support_talk"],
                                                 event_on="2026-04-0" + str(i + 1))).id for i in range(3)]
    assert a.sync(share).ok and b.sync(share).ok
    assert fills == []  # three rows: below the bulk size
    assert sorted(new) == [e for e in _hits(b, "hyran") if e in new]
    assert_derived_exact(b)
    assert _unordered(_picture(b)) == _unordered(_picture(a))


def test_the_flag_table_is_reported_by_the_integrity_check(tmp_path: Path) -> None:
    lap = Laptop(tmp_path / "l", "w")
    try:
        assert lap.store.integrity_check() == []
        conn = lap.store.engine.raw_connection()
        try:  # forced in with the key check off, as damage or a bug would
            cur = conn.cursor()
            cur.execute("PRAGMA foreign_keys = OFF")
            cur.execute(derived.SET_FLAG)
            cur.execute("PRAGMA foreign_keys = ON")
        finally:
            conn.close()
        problems = lap.store.integrity_check()
        assert any("derived_deferred is not empty" in p for p in problems), problems
    finally:
        lap.store.close()


def test_the_migration_goes_down_and_up_again(store: vault.Store) -> None:
    from alembic import command

    from app.storage import migrate
    from app.storage.engine import WRITE_OPTION

    def triggers() -> dict[str, str]:
        with store.engine.connect() as conn:
            got = dict(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
                                            "('diary_entries_ai', 'support_kind_years_ai', 'diary_entries_pending_bu',"
                                            " 'diary_entries_pending_bd')").all())
            conn.rollback()
        return {str(k): str(v) for k, v in got.items()}

    assert all("derived_deferred" in sql for sql in triggers().values()) and len(triggers()) == 4
    cfg = migrate.config()
    with store.engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "1500")
    assert len(triggers()) == 2 and not any("derived_deferred" in sql for sql in triggers().values())
    migrate.upgrade(store.engine, None)
    assert all("derived_deferred" in sql for sql in triggers().values()) and len(triggers()) == 4
