"""After a retention purge: rewrite this laptop's own files on the share so none still holds a purged record.

A purge (here, or received as tombstones) leaves the purged records' values in this laptop's older sealed
segments and snapshots on the share, readable with the team key. The round after it (``SyncTeam.scrub_pending``)
rewrites them, in this laptop's own folder only (every laptop scrubs its own; docs/sync.md, "Purges"):

- a segment holding a write to a purged record (other than the purge tombstone itself) is sealed again without
  those writes: same name and number, same ``deps``, ``count`` the new number of writes, ``rev`` one higher,
  sealed with the current epoch key and signed as always — a reader that has not applied it yet reads it like
  any segment; one that has does not read it again. Its kept copy (outbox) is replaced first, so self-repair
  compares against the new version. On the share the old file is removed and the new one written (never moved
  aside, which would keep the data); a reader in between sees a gap for one round;
- a snapshot holding a purged record's values is removed (the round has written a fresh one);
- a quarantined file in this laptop's folder that is its own segment or snapshot holding such values is removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text

from app.models import SyncMember, SyncOutbox, SyncTeam
from app.sync import container, files, snapshot
from app.sync import team as teams
from app.sync.errors import Rejected, ShareUnavailable, TransientShareError
from app.sync.share import Share

Key = tuple[str, str]


def purged_keys(session: Any, compartment: str) -> set[Key]:
    """The records of ``compartment`` whose merge state is a purge tombstone."""
    rows = session.execute(text("SELECT entity, entity_id FROM sync_record_state WHERE compartment = :c "
                                "AND json_extract(state, '$.p') IS NOT NULL"), {"c": compartment})
    return {(str(e), str(i)) for e, i in rows}


def _scrub_writes(writes: list[dict[str, Any]], purged: set[Key]) -> list[dict[str, Any]] | None:
    """The writes without those of purged records (tombstones stay); None when nothing had to go."""
    kept = [w for w in writes if w.get("o") == "p" or (str(w.get("e")), str(w.get("i"))) not in purged]
    return kept if len(kept) != len(writes) else None


def _has_purged_state(payload: object, purged: set[Key]) -> bool:
    states = snapshot.payload_states(payload)
    for item in states if isinstance(states, list) else []:
        if (isinstance(item, list) and len(item) == 3 and (str(item[0]), str(item[1])) in purged
                and isinstance(item[2], dict) and (item[2].get("f") or item[2].get("d") or item[2].get("v"))):
            return True
    return False


@dataclass(frozen=True)
class Context:
    """What rewriting needs, read from the diary before the share is touched (no database work during I/O)."""

    team_id: str
    member_id: str
    epoch: int
    signing_key: bytes
    keys: dict[int, bytes]
    verify_key: bytes
    purged: frozenset[Key]
    kept: dict[str, bytes]  # kept copies of own files (already scrubbed), by name


def context(session: Any, team: SyncTeam) -> Context | None:
    purged = purged_keys(session, team.compartment)
    me = session.get(SyncMember, (team.team_id, team.member_id))
    if not purged or me is None:
        return None
    kept = {r.name: r.data for r in session.scalars(select(SyncOutbox).where(SyncOutbox.team_id == team.team_id))}
    return Context(team.team_id, team.member_id, team.epoch, team.signing_key,
                   teams.epoch_keys(session, team.team_id), me.verify_key, frozenset(purged), kept)


def _reseal(header: dict[str, Any], writes: list[dict[str, Any]], epoch: int, key: bytes,
            signing_key: bytes) -> bytes:
    h = {k: v for k, v in header.items() if k != "body"}
    h.update(count=len(writes), epoch=epoch, rev=int(h.get("rev", 0) or 0) + 1)
    return container.encode("segment", h, writes, key, signing_key)


def scrub_kept_copies(session: Any, team: SyncTeam) -> int:
    """Seal the kept copies of own segments again without the purged records; returns how many changed."""
    purged = purged_keys(session, team.compartment)
    me = session.get(SyncMember, (team.team_id, team.member_id))
    if not purged or me is None:
        return 0
    keys = teams.epoch_keys(session, team.team_id)
    n = 0
    for row in session.scalars(select(SyncOutbox).where(SyncOutbox.team_id == team.team_id)):
        m = files.SEG_RE.match(row.name)
        if m is None:
            continue
        try:
            header, writes = files.open_segment(row.data, team.team_id, team.member_id, int(m.group(1)), keys,
                                                me.verify_key)
        except Rejected:
            continue
        kept = _scrub_writes(writes, set(purged))
        if kept is not None:
            row.data = _reseal(header, kept, team.epoch, keys[team.epoch], team.signing_key)
            row.changes = len(kept)
            n += 1
    return n


def scrub_share(share: Share, folder: str, ctx: Context) -> tuple[int, bool]:
    """Rewrite or remove this laptop's files on the share that still hold purged records (the kept copies
    were scrubbed first, so a rewritten segment is its kept copy when there is one). Returns how many files
    were rewritten or removed, and whether every file could be checked (else: again next round)."""
    names = share.list_dir(folder)
    if names is None:
        return 0, False
    purged = set(ctx.purged)
    done, complete = 0, True
    for name in sorted(names):
        original = name
        quarantined = name.startswith(files.QUARANTINE_PREFIX)
        if quarantined:  # quarantine-<stamp>-<hex>-<original name>
            original = name.split("-", 3)[-1] if name.count("-") >= 3 else ""
        seg, snap = files.SEG_RE.match(original), files.SNAP_RE.match(original)
        if seg is None and snap is None:
            continue
        path = f"{folder}/{name}"
        try:
            data = share._retry(lambda p=path: share.read(p))  # type: ignore[misc]
        except (ShareUnavailable, TransientShareError):
            complete = False
            continue
        new: bytes | None = None
        try:
            if seg is not None:
                header, writes = files.open_segment(data, ctx.team_id, ctx.member_id, int(seg.group(1)),
                                                    ctx.keys, ctx.verify_key)
                scrubbed = _scrub_writes(writes, purged)
                if scrubbed is None:
                    continue
                if not quarantined:
                    copy = ctx.kept.get(name)
                    new = copy if copy is not None and copy != data else _reseal(
                        header, scrubbed, ctx.epoch, ctx.keys[ctx.epoch], ctx.signing_key)
            else:
                assert snap is not None
                sealed = files.open_container(data, "snapshot", ctx.team_id, ctx.member_id,
                                              int(snap.group(1)), "seq", ctx.keys, ctx.verify_key)
                if not _has_purged_state(sealed.payload, purged):
                    continue
        except Rejected:
            continue  # not this laptop's file (a foreign one is moved aside by the round), or damaged
        try:
            share._retry(lambda p=path: share.remove(p))  # type: ignore[misc]
            if new is not None:
                share.write_new(folder, name, new)
        except (ShareUnavailable, TransientShareError):
            complete = False
            continue
        done += 1
    return done, complete
