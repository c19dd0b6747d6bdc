"""The district share as the desktop sees it: where it is (kept inside the encrypted diary, since a share
path can name a municipality's server or a unit) and what the last round left behind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.errors import DomainError
from app.models import Client, MenClient, Setting, SyncConflict
from app.services.context import Diary
from app.services.sync import conflicts
from app.services.sync.conflicts import Conflict
from app.sync import round as sync_round
from app.sync import team as teams

__all__ = ["LOCATION_KEY", "OpenConflict", "SyncStatus", "TeamStatus", "get_location", "open_conflicts",
           "set_location", "status"]

LOCATION_KEY = "sync.location"
MAX_LOCATION = 1000


@dataclass(frozen=True)
class TeamStatus:
    name: str
    compartment: str
    members: int


@dataclass(frozen=True)
class SyncStatus:
    location: str
    teams: tuple[TeamStatus, ...]
    waiting: int  # local changes not yet on the share
    conflicts: int  # fields kept in two or more versions
    last_sync: datetime | None  # UTC


def _machine_share() -> str:
    from app.config import machine_config

    return machine_config().share


def get_location(diary: Diary) -> str:
    """The diary's own share location, else the one IT set for the machine (``athena.toml``), else ""."""
    with diary.read() as s:
        row = s.get(Setting, LOCATION_KEY)
        return row.value if row is not None and row.value else _machine_share()


def set_location(diary: Diary, location: str) -> str:
    """Store the share (a folder, UNC path or smb:// URL); an empty text forgets it."""
    value = location.strip()
    if len(value) > MAX_LOCATION or any(ord(ch) < 32 for ch in value):
        raise DomainError("The share location is not a valid path.")
    with diary.write() as s:
        row = s.get(Setting, LOCATION_KEY)
        if row is None:
            s.add(Setting(key=LOCATION_KEY, value=value))
        else:
            row.value = value
    return value


def status(diary: Diary) -> SyncStatus:
    with diary.read() as s:
        row = s.get(Setting, LOCATION_KEY)
        found = teams.teams(s)
        infos = tuple(TeamStatus(t.name, t.compartment, teams.info(s, t).members) for t in found)
        stamps = [t.last_sync_at for t in found if t.last_sync_at]
        return SyncStatus(
            location=row.value if row is not None and row.value else _machine_share(),
            teams=infos,
            waiting=sync_round._waiting(s) if found else 0,
            conflicts=s.scalar(select(func.count()).select_from(SyncConflict)) or 0,
            last_sync=max(stamps) if stamps else None,
        )


@dataclass(frozen=True)
class OpenConflict:
    conflict: Conflict
    client_name: str  # "" when the record belongs to no client (or she is gone)


def open_conflicts(diary: Diary, client_id: str | None = None) -> list[OpenConflict]:
    """The fields kept in two versions in the worker's own tracks (optionally one client's), with whose."""
    found: list[Conflict] = []
    for track in diary.tracks:
        found += conflicts.list_conflicts(diary.store, diary.identity, client_id=client_id, compartment=track)
    ids = {c.client_id for c in found if c.client_id}
    names: dict[str, str] = {}
    if ids:
        with diary.read() as s:
            for cls in (Client, MenClient):
                names.update({i: n for i, n in s.execute(select(cls.id, cls.name).where(cls.id.in_(ids)))})
    return [OpenConflict(c, names.get(c.client_id or "", "")) for c in found]
