"""Teams: creating one, inviting a laptop with a one-time code, joining, and removing a member.

A team shares one random data key per key epoch. Each member (laptop) also has an X25519 key pair for
receiving new epoch keys and an Ed25519 key pair for signing the epoch-key files it writes. Removing a member
starts a new epoch whose key is wrapped only for the remaining members; later files are sealed with it.
"""

from __future__ import annotations

import json
import secrets
import struct
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Compartment, SyncEpochKey, SyncMember, SyncOutbox, SyncTeam
from app.storage.keyfile import KdfParams
from app.sync import container, crypto, files
from app.sync.errors import Rejected, TeamError

INVITE_MAGIC = b"ATHENA-INV"
_INVITE_PREFIX = struct.Struct(">10sBI")


@dataclass(frozen=True)
class TeamInfo:
    team_id: str
    name: str
    compartment: str
    member_id: str
    epoch: int
    members: int


def info(session: Session, team: SyncTeam) -> TeamInfo:
    n = len(list(session.scalars(select(SyncMember.member_id).where(
        SyncMember.team_id == team.team_id, SyncMember.removed.is_(False)))))
    return TeamInfo(team.team_id, team.name, team.compartment, team.member_id, team.epoch, n)


@dataclass(frozen=True)
class MemberInfo:
    member_id: str
    label: str
    removed: bool
    is_me: bool


def members(session: Session, team: SyncTeam) -> list[MemberInfo]:
    """Every laptop the team has had, this one marked (``athena team members``)."""
    return [MemberInfo(m.member_id, m.label, m.removed, m.member_id == team.member_id)
            for m in session.scalars(select(SyncMember).where(SyncMember.team_id == team.team_id))]


def teams(session: Session) -> list[SyncTeam]:
    return list(session.scalars(select(SyncTeam).order_by(SyncTeam.compartment)))


def team_for(session: Session, compartment: str | None = None) -> SyncTeam:
    found = teams(session)
    if compartment:
        found = [t for t in found if t.compartment == compartment]
    if not found:
        raise TeamError("This laptop is not in a team yet (athena team create, or team join).")
    if len(found) > 1:
        raise TeamError("This laptop is in several teams; name the track (--compartment).")
    return found[0]


def epoch_keys(session: Session, team_id: str) -> dict[int, bytes]:
    rows = session.scalars(select(SyncEpochKey).where(SyncEpochKey.team_id == team_id))
    return {k.epoch: k.key for k in rows}


def _new_member(session: Session, team_id: str, label: str) -> tuple[str, bytes, bytes]:
    member_id = secrets.token_hex(8)
    priv, pub = crypto.new_box_keys()
    sign_priv, verify_pub = crypto.new_signing_keys()
    session.add(SyncMember(team_id=team_id, member_id=member_id, label=label, public_key=pub,
                           verify_key=verify_pub, removed=False))
    return member_id, priv, sign_priv


def card_outbox(session: Session, team: SyncTeam) -> None:
    """Queue this laptop's member card for the current epoch (who I am, where to send new keys)."""
    me = session.get(SyncMember, (team.team_id, team.member_id))
    assert me is not None
    payload = {"member": me.member_id, "label": me.label, "public": files.b64(me.public_key),
               "verify": files.b64(me.verify_key)}
    header = {"team": team.team_id, "member": team.member_id, "epoch": team.epoch, "number": team.epoch}
    key = epoch_keys(session, team.team_id)[team.epoch]
    session.merge(SyncOutbox(team_id=team.team_id, name=files.card_name(team.epoch),
                             data=container.encode("card", header, payload, key), changes=0))


def create_team(session: Session, name: str, label: str,
                compartment: str = Compartment.WOMEN.value) -> TeamInfo:
    if compartment not in (Compartment.WOMEN.value, Compartment.MEN.value):
        raise TeamError("Unknown track: choose women or men.")
    if session.scalar(select(SyncTeam).where(SyncTeam.compartment == compartment)) is not None:
        raise TeamError("This laptop is already in a team for this track.")
    team_id = secrets.token_hex(16)
    member_id, priv, sign_priv = _new_member(session, team_id, label)
    team = SyncTeam(team_id=team_id, name=name, compartment=compartment, member_id=member_id,
                    private_key=priv, signing_key=sign_priv, epoch=1, last_seq=0, change_seq=0,
                    segments_since_snapshot=0)
    session.add(team)
    session.add(SyncEpochKey(team_id=team_id, epoch=1, key=crypto.new_key()))
    session.flush()
    card_outbox(session, team)
    return info(session, team)


def invite(session: Session, team: SyncTeam, params: KdfParams | None = None) -> tuple[bytes, str]:
    """An invitation file and the one-time code that opens it (to be read out, never stored)."""
    params = params or KdfParams.default()
    code = crypto.new_invite_code()
    salt = secrets.token_bytes(16)
    members = [{"member": m.member_id, "label": m.label, "public": files.b64(m.public_key),
                "verify": files.b64(m.verify_key), "removed": m.removed}
               for m in session.scalars(select(SyncMember).where(SyncMember.team_id == team.team_id))]
    payload = {"team": team.team_id, "name": team.name, "compartment": team.compartment, "epoch": team.epoch,
               "keys": {str(e): files.b64(k) for e, k in epoch_keys(session, team.team_id).items()},
               "members": members}
    header = json.dumps({"kdf": "argon2id", "salt": files.b64(salt), "time_cost": params.time_cost,
                         "memory_kib": params.memory_kib, "parallelism": params.parallelism},
                        sort_keys=True).encode()
    prefix = _INVITE_PREFIX.pack(INVITE_MAGIC, 1, len(header)) + header
    body = json.dumps(payload, sort_keys=True).encode()
    return prefix + crypto.seal(crypto.code_key(code, salt, params), body, prefix), code


def read_invite(data: bytes, code: str) -> dict[str, Any]:
    if len(data) < _INVITE_PREFIX.size:
        raise Rejected("This is not an Athena invitation file.")
    magic, version, n = _INVITE_PREFIX.unpack_from(data)
    if magic != INVITE_MAGIC or version != 1 or _INVITE_PREFIX.size + n > len(data):
        raise Rejected("This is not an Athena invitation file.")
    prefix = data[:_INVITE_PREFIX.size + n]
    try:
        h = json.loads(prefix[_INVITE_PREFIX.size:])
        params = KdfParams(int(h["time_cost"]), int(h["memory_kib"]), int(h["parallelism"]))
        salt = files.unb64(h["salt"])
    except (ValueError, KeyError, TypeError):
        raise Rejected("This is not an Athena invitation file.") from None
    if params.memory_kib > 1024 * 1024 or params.time_cost > 20:
        raise Rejected("This is not an Athena invitation file.")
    try:
        plain = crypto.open_sealed(crypto.code_key(code, salt, params), data[len(prefix):], prefix)
    except Rejected:
        raise Rejected("The invitation code is wrong (or the file was altered).") from None
    payload: dict[str, Any] = json.loads(plain)
    return payload


def join_team(session: Session, data: bytes, code: str, label: str) -> TeamInfo:
    inv = read_invite(data, code)
    if session.scalar(select(SyncTeam).where(SyncTeam.compartment == inv["compartment"])) is not None:
        raise TeamError("This laptop is already in a team for this track.")
    team_id = str(inv["team"])
    for m in inv["members"]:
        session.add(SyncMember(team_id=team_id, member_id=m["member"], label=m["label"],
                               public_key=files.unb64(m["public"]), verify_key=files.unb64(m["verify"]),
                               removed=bool(m["removed"])))
    member_id, priv, sign_priv = _new_member(session, team_id, label)
    team = SyncTeam(team_id=team_id, name=inv["name"], compartment=inv["compartment"], member_id=member_id,
                    private_key=priv, signing_key=sign_priv, epoch=int(inv["epoch"]), last_seq=0,
                    change_seq=0, segments_since_snapshot=0)
    session.add(team)
    for e, k in inv["keys"].items():
        session.add(SyncEpochKey(team_id=team_id, epoch=int(e), key=files.unb64(k)))
    session.flush()
    card_outbox(session, team)
    return info(session, team)


def remove_member(session: Session, team: SyncTeam, member_id: str) -> TeamInfo:
    """Start a new key epoch wrapped for everyone but ``member_id`` (a lost or retired laptop)."""
    member = session.get(SyncMember, (team.team_id, member_id))
    if member is None or member.removed:
        raise TeamError("No such member in this team.")
    if member_id == team.member_id:
        raise TeamError("A laptop cannot remove itself; ask another member.")
    member.removed = True
    new_epoch = max(epoch_keys(session, team.team_id)) + 1
    key = crypto.new_key()
    session.add(SyncEpochKey(team_id=team.team_id, epoch=new_epoch, key=key))
    remaining = list(session.scalars(select(SyncMember).where(
        SyncMember.team_id == team.team_id, SyncMember.removed.is_(False))))
    removed = [m.member_id for m in session.scalars(select(SyncMember).where(
        SyncMember.team_id == team.team_id, SyncMember.removed.is_(True)))]
    body = {"team": team.team_id, "epoch": new_epoch, "by": team.member_id, "removed": sorted(removed),
            "wraps": {m.member_id: files.b64(crypto.box_seal(m.public_key, key, _wrap_aad(team.team_id,
                                                                                          new_epoch,
                                                                                          m.member_id)))
                      for m in remaining}}
    team.epoch = new_epoch
    session.add(SyncOutbox(team_id=team.team_id, name=files.key_name(new_epoch),
                           data=files.encode_key_file(body, team.signing_key), changes=0))
    session.flush()
    card_outbox(session, team)
    return info(session, team)


def _wrap_aad(team_id: str, epoch: int, member_id: str) -> bytes:
    return f"athena-epoch/{team_id}/{epoch}/{member_id}".encode()


def accept_key_file(session: Session, team: SyncTeam, author: str, data: bytes) -> str | None:
    """Take a new epoch key announced by another member. Returns a problem message, or None."""
    body, signed, signature = files.decode_key_file(data)
    writer = session.get(SyncMember, (team.team_id, author))
    if writer is None or writer.removed or not files.key_file_valid(signed, signature, writer.verify_key):
        return "A key file on the share is not signed by a current member; it was ignored."
    if body.get("team") != team.team_id or body.get("by") != author or not isinstance(body.get("epoch"), int):
        return "A key file on the share belongs elsewhere; it was ignored."
    epoch = int(body["epoch"])
    if epoch in epoch_keys(session, team.team_id):
        return None
    wraps = body.get("wraps")
    if not isinstance(wraps, dict) or team.member_id not in wraps:
        return "This laptop was removed from the team; it no longer receives the team's new data."
    key = crypto.box_open(team.private_key, files.unb64(wraps[team.member_id]),
                          _wrap_aad(team.team_id, epoch, team.member_id))
    session.add(SyncEpochKey(team_id=team.team_id, epoch=epoch, key=key))
    for mid in body.get("removed", []):
        m = session.get(SyncMember, (team.team_id, str(mid)))
        if m is not None:
            m.removed = True
    if epoch > team.epoch:
        team.epoch = epoch
        session.flush()
        card_outbox(session, team)
    return None


def accept_card(session: Session, team: SyncTeam, folder_member: str, number: int, data: bytes) -> None:
    sealed = files.open_container(data, "card", team.team_id, folder_member, number, "number",
                                  epoch_keys(session, team.team_id))
    p = sealed.payload
    if not isinstance(p, dict) or p.get("member") != folder_member:
        raise Rejected("A file was moved into another laptop's folder.")
    if session.get(SyncMember, (team.team_id, folder_member)) is None:
        session.add(SyncMember(team_id=team.team_id, member_id=folder_member, label=str(p.get("label", "")),
                               public_key=files.unb64(p.get("public")),
                               verify_key=files.unb64(p.get("verify")), removed=False))
