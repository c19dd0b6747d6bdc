"""After a purge nothing of the purged client is left: not in the database file's pages, the full-text index,
a search, a backup, a new snapshot on the share — on this laptop and, after a sync round, on the other."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from sqlalchemy import select, text

from app.models import Client, SyncTeam
from app.services.clients import cases, clients, entries
from app.services.clients.cases import DecisionInput
from app.services.clients.clients import ClientInput
from app.services.clients.entries import EntryInput
from app.services.clients.search import search_clients
from app.services.context import Diary, Worker
from app.services.retention import purge, scrub
from app.storage import vault
from app.sync import container, files
from app.sync import team as teams
from app.sync.backends import open_share
from tests.unit.sync_helpers import PASS, Laptop, make_team

PAGE, RESERVE = 4096, 80  # SQLCipher 4: per page a 16-byte IV and a 64-byte HMAC at the end
# ASCII only, so they are found whether a value is stored as text or as escaped JSON.
GONE = ("Zelmira Purgesdotter", "19800516-2386", "Gallringsgatan 17", "Hemligordet7731", "0709998877")
KEPT = "Kvarstina Behallsdotter"
TODAY = date(2033, 1, 10)  # everything written now (2026) is due by then; the kept client wrote in 2032


def plaintext(path: Path, key: bytes) -> bytes:
    """Every page of an SQLCipher 4 file, decrypted with the raw key (free and unused space included)."""
    data = path.read_bytes()
    out = bytearray()
    for i in range(0, len(data) - len(data) % PAGE, PAGE):
        page = data[i:i + PAGE]
        iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
        body = page[16 if i == 0 else 0:PAGE - RESERVE]
        out += Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor().update(body)
    return bytes(out)


def _traces(blob: bytes) -> list[str]:
    return [g for g in GONE if g.encode() in blob]


def _diary(lap: Laptop, today: date = TODAY) -> Diary:
    return Diary(lap.store, Worker(lap.name), today_override=today)


def _fill(d: Diary) -> tuple[str, str]:
    gone = clients.create_client(d, ClientInput(name=GONE[0], personal_number=GONE[1], address=GONE[2],
                                                phone=GONE[4], contact_note="ring " + GONE[3])).id
    case = cases.open_case(d, gone, referred_on=date(2026, 1, 5))
    cases.add_decision(d, case.id, DecisionInput(referring_unit="children_family", district="Skärholmen",
                                                  decided_on=date(2026, 1, 8), starts_on=date(2026, 1, 8),
                                                  note=GONE[3]))
    entries.add_entry(d, gone, EntryInput(text=f"Följde med till banken. {GONE[3]}", kinds=["practical_support"],
                                          event_on=date(2026, 2, 1)), sign=True)
    entries.add_entry(d, gone, EntryInput(text=f"Utkast {GONE[3]}", kinds=["support_talk"],
                                          event_on=date(2026, 2, 2)))  # an unsigned draft
    kept = clients.create_client(d, ClientInput(name=KEPT)).id
    entries.add_entry(d, kept, EntryInput(text="Stödsamtal om boende.", kinds=["support_talk"],
                                          event_on=date(2032, 11, 1)))
    return gone, kept


def _check_laptop(lap: Laptop, d: Diary, gone: str) -> None:
    assert search_clients(d, "Zelmira") == [] and search_clients(d, GONE[3]) == []
    assert [h.client.name for h in search_clients(d, "Kvarstina")] == [KEPT]
    with d.read() as s:
        assert s.get(Client, gone) is None
        assert s.execute(text("SELECT rowid FROM diary_fts WHERE diary_fts MATCH :q"),
                         {"q": GONE[3]}).all() == []
    lap.store.checkpoint()
    _, key = vault.unwrap_key(lap.store.data_dir, PASS)
    pages = plaintext(vault.db_path(lap.store.data_dir), key)
    assert KEPT.encode() in pages  # the decryption works: what was kept is readable
    assert _traces(pages) == []
    wal = Path(str(vault.db_path(lap.store.data_dir)) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    backups = sorted((lap.store.data_dir / "backups").glob("*"))
    assert backups, "a backup is kept, taken after the purge"
    for b in backups:
        assert _traces(plaintext(b, key)) == [], b.name


def test_purge_leaves_no_trace_here_or_on_the_other_laptop(tmp_path: Path) -> None:
    (tmp_path / "share").mkdir()
    share = open_share(str(tmp_path / "share"))
    a, b = make_team(tmp_path, 2)
    try:
        da, db = _diary(a), _diary(b)
        gone, _kept = _fill(da)
        assert a.sync(share).ok and b.sync(share).ok
        with db.read() as s:
            assert s.get(Client, gone) is not None
        # Before the purge the data is there to find (the test would otherwise prove nothing).
        b.store.checkpoint()
        _, key_b = vault.unwrap_key(b.store.data_dir, PASS)
        assert GONE[0].encode() in plaintext(vault.db_path(b.store.data_dir), key_b)
        earlier = a.store.backup("manual")[0].path
        b.store.backup("manual")
        _, key_a = vault.unwrap_key(a.store.data_dir, PASS)
        assert GONE[0].encode() in plaintext(earlier, key_a)  # a backup is readable with the key: the check bites

        pv = purge.preview(da)
        # Her, two entries, a case, a decision and its district's and unit's history.
        assert [c.client_id for c in pv.purge] == [gone] and pv.records == 7
        result = purge.run(da, pv.token)
        assert result.clients == 1 and result.counts["diary_entries"] == 2
        assert purge.purge_log(da)[0].clients_purged == 1
        assert _traces(json.dumps([r.__dict__ for r in purge.purge_log(da)], default=str).encode()) == []
        _check_laptop(a, da, gone)

        assert a.sync(share).ok  # ships the purge tombstones and a fresh snapshot
        summary = b.sync(share)
        assert summary.ok and summary.pulled > 0
        assert scrub.after_sync(db) > 0
        _check_laptop(b, db, gone)

        # The snapshot a new laptop would start from holds nothing of her.
        with da.read() as s:
            t = teams.team_for(s, "women")
            key = teams.epoch_keys(s, t.team_id)[t.epoch]
            member, team_id = t.member_id, t.team_id
            from app.models import SyncMember
            own = s.get(SyncMember, (team_id, member))
            assert own is not None
            verify_key = own.verify_key
            assert s.scalar(select(SyncTeam.segments_since_snapshot)) == 0
        folder = tmp_path / "share" / team_id / files.member_folder(member)
        snaps = files.snapshots([p.name for p in folder.iterdir()])
        newest = snaps[max(snaps)]
        for name in newest:
            sealed = container.decode((folder / name).read_bytes(),
                                      lambda _kind, _h: container.Keys(key, verify_key))
            assert _traces(json.dumps(sealed.payload, ensure_ascii=False).encode()) == []
            assert KEPT in json.dumps(sealed.payload, ensure_ascii=False)
    finally:
        a.close()
        b.close()
