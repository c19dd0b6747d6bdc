"""A small harness for sync tests: several diaries (laptops) in one team sharing one folder."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, select

from app.models import RECORD_CLASSES, Client, SyncConflict
from app.storage import hlc, vault
from app.storage.changefeed import Identity
from app.storage.engine import open_raw
from app.storage.keyfile import KdfParams
from app.sync import team as teams
from app.sync.round import SyncConfig, SyncSummary, sync_round
from app.sync.share import Share

PASS = "korrekt häst batteri häftklammer"
FAST = KdfParams.fast_for_tests()
IGNORED = {"updated_at", "updated_by", "device_id"}


_TEMPLATE: list[Path] = []


def _fresh_diary(path: Path) -> vault.Store:
    """A new diary: a copy of one made once per test run (migrations take most of creating one), given
    its own device id."""
    if not _TEMPLATE:
        tpl = Path(tempfile.mkdtemp(prefix="athena-template-")) / "diary"
        atexit.register(shutil.rmtree, tpl.parent, True)
        vault.create(tpl, PASS, FAST).close()
        _TEMPLATE.append(tpl)
    shutil.copytree(_TEMPLATE[0], path)
    _, key = vault.unwrap_key(path, PASS)
    conn = open_raw(vault.db_path(path), key)
    try:
        conn.execute("DELETE FROM settings WHERE key IN ('device.id', 'hlc.last')")
    finally:
        conn.close()
    return vault.unlock(path, PASS)


class Laptop:
    def __init__(self, path: Path, name: str) -> None:
        self.name = name
        self.store = _fresh_diary(path)
        self.ident = Identity(name, self.store.device_id)
        self.skew_ms = 0

    @contextmanager
    def clock(self) -> Iterator[None]:
        """Run with this laptop's (possibly wrong) wall clock."""
        real = hlc.now_ms
        hlc.now_ms = lambda: real() + self.skew_ms  # type: ignore[assignment]
        try:
            yield
        finally:
            hlc.now_ms = real  # type: ignore[assignment]

    def add_client(self, name: str, **kw: Any) -> str:
        with self.clock(), self.store.write(self.ident) as s:
            c = Client(name=name, name_key=name.lower(), **kw)
            s.add(c)
            s.flush()
            return c.id

    def edit(self, cls: type, rid: str, **values: Any) -> bool:
        with self.clock(), self.store.write(self.ident) as s:
            obj = s.get(cls, rid)
            if obj is None:
                return False
            for k, v in values.items():
                setattr(obj, k, v)
            return True

    def delete(self, cls: type, rid: str) -> bool:
        with self.clock(), self.store.write(self.ident) as s:
            obj = s.get(cls, rid)
            if obj is None:
                return False
            s.delete(obj)
            return True

    def sync(self, share: Share, config: SyncConfig | None = None) -> SyncSummary:
        real = hlc.now_ms
        with self.clock():
            return sync_round(self.store, share, self.ident, config, now_ms=lambda: real() + self.skew_ms)

    def diary(self, only: str | None = None) -> dict[str, dict[str, dict[str, Any]]]:
        """Every record's shipped fields, table by table: what must be equal on every laptop."""
        out: dict[str, dict[str, dict[str, Any]]] = {}
        with self.store.read(self.ident) as s:
            for name, cls in RECORD_CLASSES.items():
                if only and name != only:
                    continue
                cols = [c.key for c in inspect(cls).column_attrs if c.key not in IGNORED]
                rows = {o.id: {k: getattr(o, k) for k in cols} for o in s.scalars(select(cls))}
                if rows:
                    out[name] = rows
        return out

    def worker(self, tracks: frozenset[str] = frozenset({"women"})) -> Any:
        """This laptop as a worker of ``tracks`` sees it (what the services take)."""
        from app.services.context import Diary, Worker
        return Diary(self.store, Worker(self.name, "", tracks))

    def provenance(self) -> dict[str, dict[str, tuple[str, str]]]:
        """Who last changed each record, from which device: must be the same on every laptop."""
        out: dict[str, dict[str, tuple[str, str]]] = {}
        with self.store.read(self.ident) as s:
            for name, cls in RECORD_CLASSES.items():
                rows = {o.id: (o.updated_by, o.device_id) for o in s.scalars(select(cls))}
                if rows:
                    out[name] = rows
        return out

    def conflicts(self) -> dict[tuple[str, str, str], list[Any]]:
        with self.store.read(self.ident) as s:
            return {(c.entity, c.entity_id, c.field): [v["value"] for v in c.versions]
                    for c in s.scalars(select(SyncConflict))}

    def close(self) -> None:
        self.store.close()


def assert_converged(*laptops: Laptop) -> None:
    """Every laptop identical: content, who last changed each record (and from where), kept versions."""
    first = laptops[0]
    for other in laptops[1:]:
        assert other.diary() == first.diary()
        assert other.provenance() == first.provenance()
        assert other.conflicts() == first.conflicts()


def make_team(tmp: Path, n: int, compartment: str = "women") -> list[Laptop]:
    laptops = [Laptop(tmp / f"laptop{i}", f"worker{i}") for i in range(n)]
    with laptops[0].store.write(laptops[0].ident) as s:
        teams.create_team(s, "Kvinnostöd Söder", "worker0", compartment)
        t = teams.team_for(s, compartment)
        data, code = teams.invite(s, t, FAST)
    for lap in laptops[1:]:
        with lap.store.write(lap.ident) as s:
            teams.join_team(s, data, code, lap.name)
    return laptops


def synced_team(tmp: Path, n: int = 2) -> tuple[Share, list[Laptop]]:
    """A team of ``n`` laptops on a new folder share (``tmp``/share), each synced once."""
    from app.sync.folder import FolderShare

    share_dir = tmp / "share"
    share_dir.mkdir()
    share = FolderShare(share_dir)
    laptops = make_team(tmp, n)
    for lap in laptops:
        assert lap.sync(share).ok
    return share, laptops


class PartialShare(Share):
    """A view of a share in which some members' folders are not visible (a stale or partial listing)."""

    def __init__(self, inner: Share, hidden: set[str]) -> None:
        self.inner = inner
        self.hidden = {f"d-{m}" for m in hidden}

    def describe(self) -> str:
        return self.inner.describe()

    def list_dir(self, path: str) -> list[str] | None:
        names = self.inner.list_dir(path)
        if names is None or path.count("/") != 0 or not path:
            return names
        return [n for n in names if n not in self.hidden]

    def read(self, path: str, max_bytes: int = 64 * 1024 * 1024) -> bytes:
        return self.inner.read(path, max_bytes)

    def mtime_ms(self, path: str) -> int | None:
        return self.inner.mtime_ms(path)

    def mkdir(self, path: str) -> None:
        self.inner.mkdir(path)

    def write_temp(self, path: str, data: bytes) -> None:
        self.inner.write_temp(path, data)

    def rename_noreplace(self, src: str, dst: str) -> None:
        self.inner.rename_noreplace(src, dst)

    def remove(self, path: str) -> None:
        self.inner.remove(path)


def member_id(lap: Laptop) -> str:
    with lap.store.read(lap.ident) as s:
        return teams.teams(s)[0].member_id


SECRET = "Zyxwvut-hemlig-7731"
NAMES = ("Aisha Karimi-Lindqvist", "Birgitta Öhrström")


def share_files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def roundtrip(tmp: Path, share: Share, scan: Path | None = None) -> None:
    """Two laptops share a diary through ``share``; the share holds nothing readable."""
    from datetime import date, datetime

    from app.models import DiaryEntry, MenClient

    a, b = make_team(tmp, 2)
    try:
        ids = [a.add_client(n, contact_note=f"{SECRET} ring efter 17", address="Hemliga gatan 1") for n in NAMES]
        with a.store.write(a.ident) as s:
            s.add(DiaryEntry(client_id=ids[0], event_on=date(2026, 11, 2), written_at=datetime(2026, 11, 2, 9),
                             text=f"Följde med till tingsrätten. {SECRET}", author_name="worker0",
                             kinds="court_support", signed_at=datetime(2026, 11, 2, 10)))
            s.add(MenClient(name="Karl Männistö"))  # men's track: no team here, must never travel
        first = a.sync(share)
        assert first.ok and first.pushed == 3, first
        got = b.sync(share)
        assert got.ok and got.pulled == 3, got
        assert b.diary() == {k: v for k, v in a.diary().items() if k != "men_clients"}
        b.edit(Client, ids[1], phone="070-000 00 00")
        assert b.sync(share).pushed == 1
        assert a.sync(share).pulled == 1
        assert a.diary()["clients"] == b.diary()["clients"]
        again = a.sync(share)
        assert again.ok and again.pushed == 0 and again.pulled == 0
        if scan is not None:
            blobs = share_files(scan)
            assert blobs
            for name, data in blobs.items():
                assert not name.split("/")[-1].startswith(".tmp-")
                for needle in (SECRET, *NAMES, "Karl", "Hemliga", "tingsrätten"):
                    assert needle.encode() not in data, name
                    assert needle.encode() not in name.encode()
    finally:
        a.close()
        b.close()
