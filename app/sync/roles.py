"""The team lead in a synced team: who it is, checked the same way on every laptop.

The root is the team's founder (the member whose laptop ran ``team create``; a joining laptop learns it from
the invitation, which it trusts as it trusts the members' keys in it). Every later change of the role is a
``TeamRole`` row signed with the Ed25519 key of the laptop that made it; a row counts only when its signature
is good and its signer was a lead at the row's time. Rows are append-only: one row per change, its id inside
the signature, so a copy under another id or an edited row does not verify, and a removed or edited row is
refused by the sync (``refuse_write``).

``lead_at`` answers "was this member a lead at that moment": the sync uses it to refuse a purge tombstone
sent by a laptop that was not a lead when it wrote it.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import SyncMember, SyncTeam, TeamRole, new_id
from app.models.base import utcnow
from app.sync import crypto
from app.sync import state as st

ENTITY = "team_roles"
NOT_A_LEAD_PURGE = ("A received purge was made on a laptop that is not a team lead; it was refused and the "
                    "records are kept.")
ROLES_APPEND_ONLY = "A received change alters or removes a team-lead record; it was refused."


def signed_bytes(*, row_id: str, team_id: str, member_id: str, lead: bool, granted_by: str,
                 granted_at: datetime | str) -> bytes:
    at = granted_at if isinstance(granted_at, str) else granted_at.isoformat()
    return json.dumps(["athena-team-role/1", row_id, team_id, member_id, bool(lead), granted_by, at],
                      separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class RoleChange:
    member_id: str
    lead: bool
    by: str
    at: datetime
    valid: bool  # good signature by a member who was a lead at ``at``


def _rows(session: Session, team_id: str, extra: Iterable[TeamRole] = ()) -> list[TeamRole]:
    rows = list(session.scalars(select(TeamRole).where(TeamRole.team_id == team_id)))
    seen = {r.id for r in rows}
    rows += [r for r in extra if r.id not in seen and r.team_id == team_id]
    return sorted(rows, key=lambda r: (r.granted_at, r.id))


def history(session: Session, team: SyncTeam, extra: Iterable[TeamRole] = ()) -> list[RoleChange]:
    """Every role change of the team in time order, each marked valid or not."""
    keys = {m.member_id: m.verify_key for m in session.scalars(
        select(SyncMember).where(SyncMember.team_id == team.team_id))}
    leads = {team.founder} if team.founder else set()
    out: list[RoleChange] = []
    for r in _rows(session, team.team_id, extra):
        key = keys.get(r.granted_by)
        try:
            sig = base64.b64decode(r.signature, validate=True)
        except ValueError:
            sig = b""
        ok = (key is not None and r.granted_by in leads and crypto.verify(key, sig, signed_bytes(
            row_id=r.id, team_id=r.team_id, member_id=r.member_id, lead=r.lead, granted_by=r.granted_by,
            granted_at=r.granted_at)) and not (not r.lead and r.member_id == team.founder))
        if ok:
            (leads.add if r.lead else leads.discard)(r.member_id)
        out.append(RoleChange(r.member_id, r.lead, r.granted_by, r.granted_at, ok))
    return out


def leads(session: Session, team: SyncTeam, extra: Iterable[TeamRole] = ()) -> set[str]:
    """The members that are team leads now (removed members excluded)."""
    current = {team.founder} if team.founder else set()
    for c in history(session, team, extra):
        if c.valid:
            (current.add if c.lead else current.discard)(c.member_id)
    removed = set(session.scalars(select(SyncMember.member_id).where(
        SyncMember.team_id == team.team_id, SyncMember.removed.is_(True))))
    return current - removed


def lead_at(changes: list[RoleChange], founder: str | None, member_id: str, at: datetime) -> bool:
    """Was ``member_id`` a lead at ``at`` (by the valid changes up to then)?"""
    lead = member_id == founder
    for c in changes:
        if c.at > at:
            break
        if c.valid and c.member_id == member_id:
            lead = c.lead
    return lead


def changes_for_batch(session: Session, team: SyncTeam, writes: list[dict[str, Any]]) -> list[RoleChange]:
    """The team's role history with the role rows of a batch being received added (a grant and the new
    lead's purge can arrive in the same round); a forged row in the batch is simply not valid."""
    if not any(w.get("o") == "p" for w in writes):
        return []  # only a purge needs to know who was a lead
    extra = [r for r in (from_write(w) for w in writes if w.get("e") == ENTITY and w.get("o") == "u")
             if r is not None]
    return history(session, team, extra)


def make_change(session: Session, team: SyncTeam, member_id: str, lead: bool) -> TeamRole:
    """A new role change signed by this laptop (the caller checks that this laptop is a lead)."""
    rid, at = new_id(), utcnow()
    sig = crypto.sign(team.signing_key, signed_bytes(row_id=rid, team_id=team.team_id, member_id=member_id,
                                                     lead=lead, granted_by=team.member_id, granted_at=at))
    row = TeamRole(id=rid, compartment=team.compartment, team_id=team.team_id, member_id=member_id, lead=lead,
                   granted_by=team.member_id, granted_at=at, signature=base64.b64encode(sig).decode("ascii"))
    session.add(row)
    return row


def from_write(w: dict[str, Any]) -> TeamRole | None:
    """A received role row as a model object (not added to the session), or None when it is incomplete."""
    f = w.get("f")
    if not isinstance(f, dict):
        return None
    try:
        at = datetime.fromisoformat(str(f["granted_at"]))
        return TeamRole(id=str(w["i"]), compartment=str(w.get("c", "")), team_id=str(f["team_id"]),
                        member_id=str(f["member_id"]), lead=bool(f["lead"]), granted_by=str(f["granted_by"]),
                        granted_at=at, signature=str(f["signature"]))
    except (KeyError, ValueError, TypeError):
        return None


def hlc_time(hlc: str) -> datetime | None:
    """The wall time (naive UTC) of a change's HLC stamp, or None when it cannot be read."""
    try:
        ms = int(hlc.split("-", 1)[0])
    except ValueError:
        return None
    return datetime.fromtimestamp(ms / 1000, tz=UTC).replace(tzinfo=None)


def refuse_write(w: dict[str, Any], state: dict[str, Any] | None, changes: list[RoleChange],
                 founder: str | None, sender: str) -> str | None:
    """Why a received write must not be applied under the team-lead rules, or None.

    Role rows are append-only (no deletion, no field changed once written; the same write received again is
    fine); a purge tombstone counts only when its sending laptop was a team lead when it wrote it."""
    if w.get("e") == ENTITY:
        if w.get("o") != "u":
            return ROLES_APPEND_ONLY
        if state is not None and state.get("f"):
            fields = w.get("f") or {}
            for name, value in fields.items():
                top = st.winner(state, name)
                if top is not None and top[1] != value:
                    return ROLES_APPEND_ONLY
    if w.get("o") == "p":
        at = hlc_time(str(w.get("h", "")))
        if at is None or not lead_at(changes, founder, sender, at):
            return NOT_A_LEAD_PURGE
    return None
