"""The district share as the desktop sees it: where it is (kept inside the encrypted diary, since a share
path can name a municipality's server or a unit) and what the last round left behind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.errors import DomainError
from app.models import Setting, SyncConflict
from app.services.context import Diary
from app.sync import round as sync_round
from app.sync import team as teams

__all__ = ["LOCATION_KEY", "SyncStatus", "TeamStatus", "get_location", "set_location", "status"]

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


def get_location(diary: Diary) -> str:
    with diary.read() as s:
        row = s.get(Setting, LOCATION_KEY)
        return row.value if row is not None else ""


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
            location=row.value if row is not None else "",
            teams=infos,
            waiting=sync_round._waiting(s) if found else 0,
            conflicts=s.scalar(select(func.count()).select_from(SyncConflict)) or 0,
            last_sync=max(stamps) if stamps else None,
        )
