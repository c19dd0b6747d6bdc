"""The access log is a hash chain: editing or deleting a row is reported, here and on the team's laptops."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text

from app import cli
from app.models import AuditHead, AuditRecord
from app.services import audit
from app.services.audit import chain
from app.services.context import Diary, Worker
from app.storage import vault
from app.sync.backends import open_share
from tests.unit.conftest import PASSPHRASE
from tests.unit.sync_helpers import Laptop, make_team


def _problems(store: vault.Store) -> list[str]:
    with store.read(Diary(store, Worker("x")).identity) as s:
        return [p.message for p in chain.verify(s)]


def _raw(store: vault.Store, sql: str, **params: object) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(sql), params)


def _log(diary: Diary, n: int) -> None:
    for i in range(n):
        audit.log(diary, "open", client_id=f"c{i}", entity="clients", entity_id=f"c{i}")


def test_untouched_chain_is_intact(diary: Diary) -> None:
    _log(diary, 4)
    audit.log_list(diary, "search", "client_search", ["a", "b"])
    assert _problems(diary.store) == []
    with diary.read() as s:
        rows = s.scalars(select(AuditRecord).order_by(AuditRecord.n)).all()
        head = s.scalars(select(AuditHead)).one()
    assert [r.n for r in rows] == [1, 2, 3, 4, 5]
    assert head.count == 5 and head.head == rows[-1].hash
    assert rows[-1].detail == "2:a,b"  # which records a search showed, never what was typed


@pytest.mark.parametrize(("tamper", "expected"), [
    ("UPDATE audit_log SET detail = 'x' WHERE n = 2", chain.EDITED),
    ("UPDATE audit_log SET actor = 'Someone Else' WHERE n = 3", chain.EDITED),
    ("DELETE FROM audit_log WHERE n = 2", chain.MISSING),
    ("DELETE FROM audit_log WHERE n = 4", chain.TAIL),
    ("DELETE FROM audit_heads", chain.NO_HEAD),
])
def test_tampering_on_this_laptop_is_reported(diary: Diary, tamper: str, expected: str) -> None:
    _log(diary, 4)
    _raw(diary.store, tamper)
    assert expected in _problems(diary.store)


def test_recomputed_tail_is_caught_by_the_head(diary: Diary) -> None:
    """Removing the last row and re-pointing the head at the row before still leaves a trace: the next row."""
    _log(diary, 4)
    _raw(diary.store, "DELETE FROM audit_log WHERE n = 4")
    _raw(diary.store, "UPDATE audit_heads SET count = 3, head = (SELECT hash FROM audit_log WHERE n = 3)")
    assert _problems(diary.store) == []  # undetectable on this laptop alone: the reason the head travels
    audit.log(diary, "open")
    assert _problems(diary.store) == []


def test_athena_integrity_reports_an_edited_row(diary: Diary, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    _log(diary, 3)
    data_dir = diary.store.data_dir
    diary.store.close()
    monkeypatch.setenv("ATHENA_PASSPHRASE", PASSPHRASE)
    assert cli.main(["--lang", "en", "--data-dir", str(data_dir), "integrity"]) == 0
    assert "intact" in capsys.readouterr().out
    store = vault.unlock(data_dir, PASSPHRASE)
    _raw(store, "UPDATE audit_log SET action = 'print' WHERE n = 2")
    store.close()
    assert cli.main(["--lang", "en", "--data-dir", str(data_dir), "integrity"]) == 1
    out = capsys.readouterr()
    assert "entry 2 was changed after it was written" in out.out
    assert "damaged" in out.err


def test_paging_has_no_cap(diary: Diary) -> None:
    with diary.write() as s:
        for _i in range(audit.PAGE * 2 + 7):
            chain.append(s, origin_device=diary.store.device_id, actor="A", compartment="women", action="open",
                         client_id="c")
    entries = list(audit.iter_trail(diary, client_id="c"))
    assert len(entries) == audit.PAGE * 2 + 7
    assert [e.at for e in entries] == sorted((e.at for e in entries), reverse=True)
    assert len(audit.trail(diary, client_id="c", limit=10)) == 10


def _team(tmp_path: Path) -> tuple[Laptop, Laptop, Diary, Diary]:
    a, b = make_team(tmp_path, 2)
    return a, b, Diary(a.store, Worker(a.name)), Diary(b.store, Worker(b.name))


def test_tampering_shows_on_another_laptop_after_sync(tmp_path: Path) -> None:
    share = open_share(str(tmp_path / "share"))
    (tmp_path / "share").mkdir()
    a, b, da, db = _team(tmp_path)
    try:
        _log(da, 4)
        assert a.sync(share).ok and b.sync(share).ok
        with db.read() as s:
            assert s.scalar(select(AuditHead.count).where(AuditHead.origin_device == a.store.device_id)) == 4
        assert _problems(b.store) == []
        # With the passphrase, through the app's own sessions: an edit and a deletion travel like any change.
        with da.write() as s:
            row = s.scalars(select(AuditRecord).where(AuditRecord.n == 2)).one()
            row.detail = "nothing to see"
            s.delete(s.scalars(select(AuditRecord).where(AuditRecord.n == 3)).one())
        assert a.sync(share).ok and b.sync(share).ok
        found = _problems(b.store)
        assert chain.EDITED in found and chain.MISSING in found
        assert _problems(a.store) == found
    finally:
        a.close()
        b.close()


def test_removed_tail_shows_on_another_laptop(tmp_path: Path) -> None:
    """Rows removed by hand on one laptop after a sync, with its head re-pointed: the team still has the rows,
    and the next rows that laptop writes reuse their numbers."""
    (tmp_path / "share").mkdir()
    share = open_share(str(tmp_path / "share"))
    a, b, da, _db = _team(tmp_path)
    try:
        _log(da, 4)
        assert a.sync(share).ok and b.sync(share).ok
        _raw(a.store, "DELETE FROM audit_log WHERE n >= 3")
        _raw(a.store, "UPDATE audit_heads SET count = 2, head = (SELECT hash FROM audit_log WHERE n = 2)")
        assert _problems(a.store) == []
        _log(da, 1)
        assert a.sync(share).ok and b.sync(share).ok
        found = _problems(b.store)
        assert chain.TWICE in found or chain.HEAD in found, found
    finally:
        a.close()
        b.close()
