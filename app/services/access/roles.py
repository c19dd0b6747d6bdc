"""The team lead's role: who may use the log follow-up and retention (docs/lifecycle.md, "The team lead").

Per track:
- in a synced team for that track, the team decides: this laptop's member must be a lead by the team's
  signed record (the founder, or granted by a lead: ``app/sync/roles.py``) — the same answer every laptop of
  the team computes, so a worker cannot make herself lead for the team;
- without a team, the diary's own worker profile decides (``worker.role`` = ``lead``): a role the worker gives
  herself for her own laptop's log, which no other laptop ever sees or trusts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select

from app.errors import AccessDenied, DomainError
from app.models import Setting, SyncMember, SyncTeam
from app.services.context import Diary
from app.sync import roles as team_roles

ROLE_KEY = "worker.role"
LEAD = "lead"

NOT_LEAD_PROFILE = ("Only the team lead may use the log follow-up and retention, and this diary's worker profile "
                    "does not name you team lead (athena role --lead).")
NOT_LEAD_TEAM = ("Only the team lead may use the log follow-up and retention; in this track's synced team the "
                 "team leads are named from a team lead's laptop, and this laptop is not one of them.")
NOT_LEAD_GRANT = "Only a team lead's laptop may name or remove team leads."
NO_FOUNDER = ("This team was made before team leads existed: name its founder first (athena team founder "
              "MEMBER).")
FOUNDER_KNOWN = "This team's founder is already known; team leads are named from a team lead's laptop."
FOUNDER_STAYS = "The team's founder stays team lead; to change that, make a new team."
NO_MEMBER = "No such member in this team."
NO_TEAM = "This laptop is not in a team for this track."


@dataclass(frozen=True)
class LeadStatus:
    track: str
    lead: bool
    in_team: bool  # the team decides (True) or the worker profile (False)
    reason: str  # why not (an English message key), "" when lead


@dataclass(frozen=True)
class TeamLead:
    member_id: str
    label: str
    founder: bool
    is_me: bool


def _profile_lead(diary: Diary) -> bool:
    with diary.read() as s:
        return s.scalar(select(Setting.value).where(Setting.key == ROLE_KEY)) == LEAD


def status(diary: Diary) -> list[LeadStatus]:
    """The worker's role in each of the diary's tracks."""
    out: list[LeadStatus] = []
    profile = _profile_lead(diary)
    with diary.read() as s:
        teams = {t.compartment: t for t in s.scalars(select(SyncTeam))}
        for track in diary.tracks:
            team = teams.get(track)
            if team is None or team.removed:
                out.append(LeadStatus(track, profile, False, "" if profile else NOT_LEAD_PROFILE))
                continue
            lead = team.member_id in team_roles.leads(s, team)
            out.append(LeadStatus(track, lead, True, "" if lead else NOT_LEAD_TEAM))
    return out


def lead_tracks(diary: Diary) -> frozenset[str]:
    return frozenset(st.track for st in status(diary) if st.lead)


def require_lead(diary: Diary) -> Diary:
    """The diary narrowed to the tracks in which the worker is team lead; refused when there is none.

    Nothing is read or written before the check; the refusal names why (profile or team)."""
    found = status(diary)
    tracks = frozenset(st.track for st in found if st.lead)
    if not tracks:
        reason = next((st.reason for st in found if st.in_team), NOT_LEAD_PROFILE) if found else NOT_LEAD_PROFILE
        raise AccessDenied(reason)
    return replace(diary, worker=replace(diary.worker, tracks=tracks))


def set_profile_role(diary: Diary, lead: bool) -> None:
    """The worker's own role for this diary (tracks without a team). Her own laptop only: never synced."""
    with diary.write() as s:
        row = s.get(Setting, ROLE_KEY)
        value = LEAD if lead else ""
        if row is None:
            s.add(Setting(key=ROLE_KEY, value=value))
        else:
            row.value = value


def _team(s: object, track: str) -> SyncTeam:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    team = s.scalar(select(SyncTeam).where(SyncTeam.compartment == track))
    if team is None or team.removed:
        raise DomainError(NO_TEAM)
    return team


def _track(diary: Diary, track: str | None) -> str:
    if track:
        diary.require_track(track)
        return track
    return diary.tracks[0]


def team_leads(diary: Diary, track: str | None = None) -> list[TeamLead]:
    track = _track(diary, track)
    with diary.read() as s:
        team = _team(s, track)
        leads = team_roles.leads(s, team)
        labels = {m.member_id: m.label for m in s.scalars(
            select(SyncMember).where(SyncMember.team_id == team.team_id))}
        return [TeamLead(m, labels.get(m, ""), m == team.founder, m == team.member_id) for m in sorted(leads)]


def ignored_changes(diary: Diary, track: str | None = None) -> int:
    """How many of the team's lead records do not count (a bad signature, or signed by a laptop that was not
    a lead then): a claim a follow-up should know about, though it changes nothing."""
    track = _track(diary, track)
    with diary.read() as s:
        return sum(1 for c in team_roles.history(s, _team(s, track)) if not c.valid)


def set_team_lead(diary: Diary, member_id: str, lead: bool, track: str | None = None) -> list[TeamLead]:
    """Name a member of the track's team lead, or take the role away: a signed record the team's other
    laptops check. Only from a lead's laptop; the founder stays lead."""
    track = _track(diary, track)
    with diary.write() as s:
        team = _team(s, track)
        if not team.founder:
            raise DomainError(NO_FOUNDER)
        leads = team_roles.leads(s, team)
        if team.member_id not in leads:
            raise AccessDenied(NOT_LEAD_GRANT)
        member = s.get(SyncMember, (team.team_id, member_id))
        if member is None or member.removed:
            raise DomainError(NO_MEMBER)
        if not lead and member_id == team.founder:
            raise DomainError(FOUNDER_STAYS)
        if (member_id in leads) != lead:
            team_roles.make_change(s, team, member_id, lead)
    return team_leads(diary, track)


def name_founder(diary: Diary, member_id: str, track: str | None = None) -> list[TeamLead]:
    """For a team made before team leads existed: this laptop's worker names the member that founded it (a
    decision for this laptop alone, like accepting an invitation; each laptop of such a team does it)."""
    track = _track(diary, track)
    with diary.write() as s:
        team = _team(s, track)
        if team.founder:
            raise DomainError(FOUNDER_KNOWN)
        member = s.get(SyncMember, (team.team_id, member_id))
        if member is None or member.removed:
            raise DomainError(NO_MEMBER)
        team.founder = member_id
    return team_leads(diary, track)
