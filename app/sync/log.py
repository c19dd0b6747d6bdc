"""The sync log: what each round did, in messages that name counts, files and members, never client data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.i18n import tr
from app.models import SyncLogEntry
from app.models.base import utcnow

INFO, WARNING, PROBLEM = "info", "warning", "problem"


@dataclass
class LogLine:
    level: str
    message: str  # English key
    params: dict[str, object] = field(default_factory=dict)
    team_id: str = ""
    at: datetime = field(default_factory=utcnow)

    def text(self, lang: str | None = None) -> str:
        msg = tr(self.message, lang)
        params = {k: _fill(tr(v, lang), self.params) if k == "reason" and isinstance(v, str) else v
                  for k, v in self.params.items()}
        try:
            return msg.format(**params) if params else msg
        except (KeyError, IndexError, ValueError):
            return msg


def _fill(text: str, params: dict[str, object]) -> str:
    """A reason's own placeholders ({version} of a newer format) come from the line's parameters."""
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text


def write(session: Session, lines: list[LogLine]) -> None:
    if lines:
        session.execute(insert(SyncLogEntry), [
            {"at": ln.at, "team_id": ln.team_id, "level": ln.level, "message": ln.message,
             "params": ln.params}
            for ln in lines])


def recent(session: Session, limit: int = 50) -> list[LogLine]:
    rows = session.scalars(select(SyncLogEntry).order_by(SyncLogEntry.seq.desc()).limit(limit))
    return [LogLine(r.level, r.message, dict(r.params), r.team_id, r.at) for r in rows][::-1]
