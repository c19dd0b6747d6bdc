"""Joining a team from the window: an invitation file and its one-time code, as ``athena team join`` does."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.errors import DomainError
from app.services.context import Diary
from app.sync import team as teams

MAX_INVITE_BYTES = 1_000_000  # an invitation is a few kilobytes


@dataclass(frozen=True)
class JoinedTeam:
    name: str
    compartment: str
    member_id: str
    members: int


def join_with_invitation(diary: Diary, path: str, code: str) -> JoinedTeam:
    """Read the invitation file and join its team (one transaction). Raises DomainError/SyncError with a
    message fit to show; a wrong code or an altered file changes nothing."""
    if not code.strip():
        raise DomainError("Type the one-time code that came with the invitation.")
    try:
        file = Path(path)
        if file.stat().st_size > MAX_INVITE_BYTES:
            raise DomainError("The invitation file cannot be read.")
        data = file.read_bytes()
    except OSError:
        raise DomainError("The invitation file cannot be read.") from None
    with diary.write() as s:
        info = teams.join_team(s, data, code.strip(), diary.worker.name)
    return JoinedTeam(info.name, info.compartment, info.member_id, info.members)
