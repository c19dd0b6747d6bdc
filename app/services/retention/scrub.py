"""On a laptop that receives a purge from the team: clear what the sync's apply leaves behind.

Applying a purge tombstone deletes the rows and drops the merge state's values, but this laptop's change feed
still holds the values the records were written with (its own changes and those it received), and its
backups still hold the rows. ``after_sync`` runs after every round and removes them.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from app.models import Change, Setting
from app.services.context import Diary
from app.services.retention import backups
from app.services.retention.purge import compact_text_index, forget_changes, wipe_free_space

SCRUBBED_KEY = "retention.scrubbed_seq"


def after_sync(diary: Diary) -> int:
    """Scrub records purged on another laptop since the last call. Returns how many records were scrubbed."""
    with diary.read() as s:
        done = int(s.scalar(select(Setting.value).where(Setting.key == SCRUBBED_KEY)) or 0)
        rows = s.execute(select(Change.seq, Change.entity, Change.entity_id)
                         .where(Change.seq > done, Change.op == "purge", Change.origin == "remote")
                         .order_by(Change.seq)).all()
        last = s.scalar(select(Change.seq).order_by(Change.seq.desc()).limit(1)) or done
    ids = sorted({str(r[2]) for r in rows})
    cut = datetime.now(UTC).replace(tzinfo=None)
    with diary.write() as s:
        if ids:
            forget_changes(s, ids)
        row = s.get(Setting, SCRUBBED_KEY)
        if row is None:
            s.add(Setting(key=SCRUBBED_KEY, value=str(last)))
        else:
            row.value = str(last)
    if not ids:
        return 0
    if any(r[1] == "diary_entries" for r in rows):
        compact_text_index(diary)
    wipe_free_space(diary)
    backups.after_purge(diary, cut)
    return len(ids)
