"""A laptop restored from a backup and then synced gets back what it missed: the team's changes as always,
and the changes it had itself sent to the share after the backup was taken; it then goes on numbering its
files after them, and nothing is lost on either laptop."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.models import Client
from app.services import backup as backup_service
from app.storage import vault
from app.storage.changefeed import Identity
from app.sync.share import FolderShare

from .sync_helpers import PASS, Laptop, make_team


def _names(lap: Laptop) -> set[str]:
    with lap.store.read(lap.ident) as s:
        return set(s.scalars(select(Client.name)))


def test_restored_laptop_receives_what_it_missed_and_keeps_syncing(tmp_path: Path) -> None:
    share_dir = tmp_path / "share"
    share_dir.mkdir()
    share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2)
    try:
        a.add_client("Före Backup")
        assert a.sync(share).ok and b.sync(share).ok
        taken = backup_service.make_backup(a.store, "manual")[0]
        a.add_client("Efter Backup")  # sent to the share, then lost locally by the restore
        assert a.sync(share).pushed == 1
        b.add_client("Från B")
        assert b.sync(share).ok
        folder = a.store.data_dir
        a.store.close()
        a.store = vault.restore(folder, PASS, taken.path)
        a.ident = Identity(a.name, a.store.device_id)
        assert _names(a) == {"Före Backup"}
        a.add_client("Efter Återställning")
        got = a.sync(share)
        assert got.ok, got.problems
        assert _names(a) == {"Före Backup", "Efter Backup", "Från B", "Efter Återställning"}
        assert b.sync(share).ok
        assert _names(b) == _names(a)
        assert a.diary()["clients"] == b.diary()["clients"]
        again = a.sync(share)
        assert again.ok and again.pushed == 0 and again.pulled == 0
    finally:
        a.close()
        b.close()
