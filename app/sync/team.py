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

from app.models import Compartment, SyncAck, SyncCursor, SyncEpochKey, SyncMember, SyncOutbox, SyncTeam
from app.storage.keyfile import KdfParams
from app.sync import container, crypto, files
from app.sync.errors import Rejected, TeamError

INVITE_MAGIC = b"ATHENA-INV"
PROTOCOL = 2
PROTOCOL_1 = ("This team was made with an older Athena (sync format 1), whose files are not signed; create a "
              "new team (athena team create) and invite the other laptops again.")
REMOVED = ("This laptop was removed from the team; it no longer sends or receives the team's data. Its own "
           "diary is kept; ask a team member to invite it again if that was a mistake.")
_INVITE_PREFIX = struct.Struct(">10sBI")
OLD_INVITATION = ("This invitation was written by an older Athena, which did not countersign new members; ask a "
                  "team member for a new invitation.")
BAD_INVITATION = "The invitation does not come from a member of the team (or it was altered); it was not used."

# Admission (docs/sync.md, "Membership"): a member card counts only with an admission that chains to a member
# the reader already trusts. The inviter signs a one-time admission key for the joiner's member id; the
# joiner signs its own member id and keys with that admission key. The founder admits itself.
ADMIT_CONTEXT = b"athena-admit/2\x00"
ADMITTED_CONTEXT = b"athena-admitted/2\x00"
NOT_COUNTERSIGNED = ("it is not countersigned by a member of the team (forged, or made with an invitation from "
                     "an older Athena).")
ADMITTER_REMOVED = "it was countersigned by {by}, which had been removed from the team."


def _canon(d: dict[str, Any]) -> bytes:
    return json.dumps(d, sort_keys=True, separators=(",", ":")).encode()


def _cert_bytes(team_id: str, key: str, by: str, epoch: int) -> bytes:
    return ADMIT_CONTEXT + _canon({"team": team_id, "key": key, "by": by, "epoch": epoch})


def _admitted_bytes(team_id: str, member: str, verify: bytes, public: bytes) -> bytes:
    return ADMITTED_CONTEXT + _canon({"team": team_id, "member": member, "verify": files.b64(verify),
                                      "public": files.b64(public)})


def _admission_valid(team_id: str, member: str, adm: object, verify: bytes, public: bytes,
                     admitter_verify: bytes | None) -> bool:
    """The admission's two signatures: the admitter's over the one-time key, that key's over the member's
    own keys. ``admitter_verify`` None: the admitter is unknown (the check fails)."""
    if not isinstance(adm, dict) or admitter_verify is None:
        return False
    try:
        key, by, epoch = str(adm["key"]), str(adm["by"]), adm["epoch"]
        cert, sig = files.unb64(adm["cert"]), files.unb64(adm["sig"])
        if not isinstance(epoch, int) or isinstance(epoch, bool):
            return False
        return (crypto.verify(admitter_verify, cert, _cert_bytes(team_id, key, by, epoch))
                and crypto.verify(files.unb64(key), sig, _admitted_bytes(team_id, member, verify, public)))
    except (KeyError, Rejected, ValueError):
        return False


def admission_epoch(adm: object) -> int:
    """The key epoch an admission was signed in (0: none, a member known before admissions existed)."""
    e = adm.get("epoch") if isinstance(adm, dict) else None
    return e if isinstance(e, int) and not isinstance(e, bool) else 0


def _founder_admission(team_id: str, member: str, sign_priv: bytes, verify: bytes, public: bytes) -> dict[str, Any]:
    key = files.b64(verify)
    return {"by": member, "key": key, "epoch": 1,
            "cert": files.b64(crypto.sign(sign_priv, _cert_bytes(team_id, key, member, 1))),
            "sig": files.b64(crypto.sign(sign_priv, _admitted_bytes(team_id, member, verify, public)))}


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


def _device(session: Session) -> str:
    ident = getattr(session, "identity", None)
    return str(getattr(ident, "device_id", "") or "")


def _new_member(session: Session, team_id: str, label: str,
                admit: dict[str, Any] | None = None) -> tuple[str, bytes, bytes]:
    """This laptop as a member: the founder (``admit`` None, admits itself) or a joiner admitted by the
    invitation's one-time admission key (``admit``: the invitation's ``admit`` part, checked by the caller)."""
    member_id = secrets.token_hex(8)
    priv, pub = crypto.new_box_keys()
    sign_priv, verify_pub = crypto.new_signing_keys()
    if admit is None:
        admission = _founder_admission(team_id, member_id, sign_priv, verify_pub, pub)
    else:
        sig = crypto.sign(files.unb64(admit["secret"]), _admitted_bytes(team_id, member_id, verify_pub, pub))
        admission = {"by": str(admit["by"]), "key": str(admit["key"]), "epoch": int(admit["epoch"]),
                     "cert": str(admit["cert"]), "sig": files.b64(sig)}
    session.add(SyncMember(team_id=team_id, member_id=member_id, label=label, public_key=pub,
                           verify_key=verify_pub, removed=False, device=_device(session), admission=admission))
    return member_id, priv, sign_priv


def card_outbox(session: Session, team: SyncTeam) -> None:
    """Queue this laptop's member card for the current epoch (who I am, where to send new keys)."""
    me = session.get(SyncMember, (team.team_id, team.member_id))
    assert me is not None
    payload: dict[str, Any] = {"member": me.member_id, "label": me.label, "public": files.b64(me.public_key),
                               "verify": files.b64(me.verify_key), "device": me.device}
    if me.admission is not None:
        payload["admission"] = me.admission
    header = {"team": team.team_id, "member": team.member_id, "epoch": team.epoch, "number": team.epoch}
    key = epoch_keys(session, team.team_id)[team.epoch]
    session.merge(SyncOutbox(team_id=team.team_id, name=files.card_name(team.epoch), sent=False,
                             data=container.encode("card", header, payload, key, team.signing_key),
                             changes=0))


def _drop_protocol_1(session: Session, compartment: str) -> None:
    """A team of the unsigned protocol 1 gives way to a new one: its keys, members, cursors and unsent files
    go; the records and their merge state stay (the new team's snapshot carries them)."""
    old = session.scalar(select(SyncTeam).where(SyncTeam.compartment == compartment))
    if old is None or old.protocol == PROTOCOL:
        return
    for model in (SyncMember, SyncEpochKey, SyncCursor, SyncOutbox, SyncAck):
        for row in session.scalars(select(model).where(model.team_id == old.team_id)):
            session.delete(row)
    session.delete(old)
    session.flush()


def create_team(session: Session, name: str, label: str,
                compartment: str = Compartment.WOMEN.value) -> TeamInfo:
    if compartment not in (Compartment.WOMEN.value, Compartment.MEN.value):
        raise TeamError("Unknown track: choose women or men.")
    _drop_protocol_1(session, compartment)
    if session.scalar(select(SyncTeam).where(SyncTeam.compartment == compartment)) is not None:
        raise TeamError("This laptop is already in a team for this track.")
    team_id = secrets.token_hex(16)
    member_id, priv, sign_priv = _new_member(session, team_id, label)
    team = SyncTeam(team_id=team_id, name=name, compartment=compartment, member_id=member_id,
                    private_key=priv, signing_key=sign_priv, epoch=1, last_seq=0, change_seq=0,
                    segments_since_snapshot=0, protocol=PROTOCOL, founder=member_id)
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
                "verify": files.b64(m.verify_key), "removed": m.removed, "device": m.device,
                "last_seq": m.last_seq, "admission": m.admission, "removed_epoch": m.removed_epoch}
               for m in session.scalars(select(SyncMember).where(SyncMember.team_id == team.team_id))]
    if team.protocol != PROTOCOL:
        raise TeamError(PROTOCOL_1)
    if team.removed:
        raise TeamError(REMOVED)
    # An admission key for the joiner, countersigned by this (current) member: whoever opens the invitation
    # signs its own keys with it, and readers trace the new member back to this one.
    adm_priv, adm_pub = crypto.new_signing_keys()
    key = files.b64(adm_pub)
    cert = crypto.sign(team.signing_key, _cert_bytes(team.team_id, key, team.member_id, team.epoch))
    payload = {"protocol": PROTOCOL, "team": team.team_id, "name": team.name, "compartment": team.compartment,
               "epoch": team.epoch,
               "keys": {str(e): files.b64(k) for e, k in epoch_keys(session, team.team_id).items()},
               "members": members, "founder": team.founder,
               "admit": {"key": key, "by": team.member_id, "epoch": team.epoch,
                         "cert": files.b64(cert), "secret": files.b64(adm_priv)}}
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
    if inv.get("protocol") != PROTOCOL:
        raise TeamError(PROTOCOL_1)
    _drop_protocol_1(session, str(inv["compartment"]))
    if session.scalar(select(SyncTeam).where(SyncTeam.compartment == inv["compartment"])) is not None:
        raise TeamError("This laptop is already in a team for this track.")
    team_id = str(inv["team"])
    admit = _checked_invitation(inv, team_id)
    for m in inv["members"]:
        session.add(SyncMember(team_id=team_id, member_id=m["member"], label=m["label"],
                               public_key=files.unb64(m["public"]), verify_key=files.unb64(m["verify"]),
                               removed=bool(m["removed"]), device=str(m.get("device") or ""),
                               last_seq=m.get("last_seq"), admission=m.get("admission"),
                               removed_epoch=m.get("removed_epoch")))
    member_id, priv, sign_priv = _new_member(session, team_id, label, admit)
    team = SyncTeam(team_id=team_id, name=inv["name"], compartment=inv["compartment"], member_id=member_id,
                    private_key=priv, signing_key=sign_priv, epoch=int(inv["epoch"]), last_seq=0,
                    change_seq=0, segments_since_snapshot=0, protocol=PROTOCOL,
                    founder=_founder(inv))
    session.add(team)
    for e, k in inv["keys"].items():
        session.add(SyncEpochKey(team_id=team_id, epoch=int(e), key=files.unb64(k)))
    session.flush()
    card_outbox(session, team)
    return info(session, team)


def _founder(inv: dict[str, Any]) -> str | None:
    """The team's founder named by the invitation, when it is one of the members the invitation lists."""
    founder = inv.get("founder")
    known = {str(m.get("member")) for m in inv.get("members", []) if isinstance(m, dict)}
    return founder if isinstance(founder, str) and founder in known else None


def _checked_invitation(inv: dict[str, Any], team_id: str) -> dict[str, Any]:
    """The invitation's admission for this joiner, checked: countersigned by a current member listed in it,
    and every listed member's own admission chaining back to the founder (members known before admissions
    existed carry none and are taken on the inviter's word)."""
    admit = inv.get("admit")
    if not isinstance(admit, dict):
        raise TeamError(OLD_INVITATION)
    listed = {str(m.get("member")): m for m in inv.get("members", []) if isinstance(m, dict)}
    try:
        verify = {mid: files.unb64(m["verify"]) for mid, m in listed.items()}
        public = {mid: files.unb64(m["public"]) for mid, m in listed.items()}
        by = str(admit["by"])
        ok = (by in listed and not listed[by].get("removed") and isinstance(admit.get("epoch"), int)
              and crypto.verify(verify[by], files.unb64(admit["cert"]),
                                _cert_bytes(team_id, str(admit["key"]), by, int(admit["epoch"]))))
        founders = 0
        for mid, m in listed.items():
            adm = m.get("admission")
            if adm is None:
                continue
            founders += isinstance(adm, dict) and adm.get("by") == mid
            ok = ok and _admission_valid(team_id, mid, adm, verify[mid], public[mid],
                                         verify.get(str(adm.get("by"))) if isinstance(adm, dict) else None)
    except (KeyError, TypeError, Rejected):
        ok = False
    if not ok or founders > 1:
        raise TeamError(BAD_INVITATION)
    return admit


def remove_member(session: Session, team: SyncTeam, member_id: str) -> TeamInfo:
    """Start a new key epoch wrapped for everyone but ``member_id`` (a lost or retired laptop)."""
    member = session.get(SyncMember, (team.team_id, member_id))
    if member is None or member.removed:
        raise TeamError("No such member in this team.")
    if member_id == team.member_id:
        raise TeamError("A laptop cannot remove itself; ask another member.")
    if team.removed:
        raise TeamError(REMOVED)
    member.removed = True
    member.last_seq = last_accepted(session, team.team_id, member_id)
    new_epoch = max(epoch_keys(session, team.team_id)) + 1
    member.removed_epoch = new_epoch
    key = crypto.new_key()
    session.add(SyncEpochKey(team_id=team.team_id, epoch=new_epoch, key=key))
    remaining = list(session.scalars(select(SyncMember).where(
        SyncMember.team_id == team.team_id, SyncMember.removed.is_(False))))
    removed = [m.member_id for m in session.scalars(select(SyncMember).where(
        SyncMember.team_id == team.team_id, SyncMember.removed.is_(True)))]
    last = {m.member_id: int(m.last_seq or 0) for m in session.scalars(select(SyncMember).where(
        SyncMember.team_id == team.team_id, SyncMember.removed.is_(True)))}
    body = {"team": team.team_id, "epoch": new_epoch, "by": team.member_id, "removed": sorted(removed),
            "last": last,
            "wraps": {m.member_id: files.b64(crypto.box_seal(m.public_key, key, _wrap_aad(team.team_id,
                                                                                          new_epoch,
                                                                                          m.member_id)))
                      for m in remaining}}
    team.epoch = new_epoch
    session.add(SyncOutbox(team_id=team.team_id, name=files.key_name(new_epoch), sent=False,
                           data=files.encode_key_file(body, team.signing_key), changes=0))
    session.flush()
    card_outbox(session, team)
    return info(session, team)


def last_accepted(session: Session, team_id: str, member_id: str) -> int:
    """The removed member's last segment anyone is known to have applied: this laptop's cursor or any
    verified acknowledgement of a current member, whichever is further."""
    cur = session.get(SyncCursor, (team_id, member_id))
    best = cur.seq if cur is not None else 0
    for ack in session.scalars(select(SyncAck).where(SyncAck.team_id == team_id)):
        v = ack.deps.get(member_id) if isinstance(ack.deps, dict) else None
        if isinstance(v, int):
            best = max(best, v)
    return best


def raise_cutoffs(session: Session, team: SyncTeam) -> None:
    """A removed member's cut-off is the furthest any current member has verifiably applied: the removal
    record's ``last``, this laptop's own cursor, and every current member's verified acknowledgement. A laptop
    that applied a segment the remover had not yet seen acknowledges it, and that raises the cut-off on every
    laptop, so all of them end up applying exactly the same segments of the removed member."""
    current = {m.member_id for m in session.scalars(select(SyncMember).where(
        SyncMember.team_id == team.team_id, SyncMember.removed.is_(False)))}
    acks = [a for a in session.scalars(select(SyncAck).where(SyncAck.team_id == team.team_id))
            if a.member_id in current and isinstance(a.deps, dict)]
    for m in session.scalars(select(SyncMember).where(SyncMember.team_id == team.team_id,
                                                      SyncMember.removed.is_(True))):
        cur = session.get(SyncCursor, (team.team_id, m.member_id))
        best = max([m.last_seq or 0, cur.seq if cur is not None else 0]
                   + [int(v) for a in acks for k, v in a.deps.items()
                      if k == m.member_id and isinstance(v, int) and not isinstance(v, bool)])
        if m.last_seq is None or best > m.last_seq:
            m.last_seq = best


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
    removed = body.get("removed", [])
    last = body.get("last", {})
    if (not isinstance(wraps, dict) or not isinstance(removed, list) or not isinstance(last, dict)
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in last.values())):
        return "A key file on the share is damaged."
    if team.member_id in removed or team.member_id not in wraps:
        team.removed = True
        return REMOVED
    key = crypto.box_open(team.private_key, files.unb64(wraps[team.member_id]),
                          _wrap_aad(team.team_id, epoch, team.member_id))
    session.add(SyncEpochKey(team_id=team.team_id, epoch=epoch, key=key))
    for mid in removed:
        m = session.get(SyncMember, (team.team_id, str(mid)))
        if m is not None:
            m.removed = True
            m.removed_epoch = epoch if m.removed_epoch is None else min(m.removed_epoch, epoch)
            fixed = last.get(str(mid))
            if isinstance(fixed, int):
                # Several removal records may name the same member: the furthest one anyone applied holds.
                m.last_seq = fixed if m.last_seq is None else max(m.last_seq, fixed)
    # A member admitted before this epoch that the remover did not know got no key: it finds itself out
    # (no box) and stops, so every laptop that knows it treats it as removed too (membership converges).
    for m in session.scalars(select(SyncMember).where(SyncMember.team_id == team.team_id,
                                                      SyncMember.removed.is_(False))):
        if m.member_id not in wraps and m.member_id not in (team.member_id, author) \
                and admission_epoch(m.admission) < epoch:
            m.removed, m.removed_epoch = True, epoch
    session.flush()
    raise_cutoffs(session, team)  # what this laptop (or an acknowledgement) shows it applied counts too
    if epoch > team.epoch:
        team.epoch = epoch
        session.flush()
        card_outbox(session, team)
    return None


def accept_card(session: Session, team: SyncTeam, folder_member: str, number: int, data: bytes) -> bool:
    """A member card: the device of a member already known (from an invitation or an earlier card), or a new
    member — accepted only with an admission countersigned by a member this laptop trusts (docs/sync.md,
    "Membership"). Returns True when a new member was added. Raises Rejected (``reason`` for the log)."""
    known = session.get(SyncMember, (team.team_id, folder_member))
    sealed = files.open_container(data, "card", team.team_id, folder_member, number, "number",
                                  epoch_keys(session, team.team_id), None, self_signed=True)
    p = sealed.payload
    if not isinstance(p, dict) or p.get("member") != folder_member:
        raise Rejected("A file was moved into another laptop's folder.")
    verify_key = files.unb64(p.get("verify"))
    if not container.signature_valid(data, verify_key) or (known is not None and known.verify_key != verify_key):
        raise Rejected("A file on the share is not signed by the member whose folder holds it (forged, "
                       "altered or moved).")
    device = p.get("device")
    if not isinstance(device, str) or not device or len(device) > 64:
        raise Rejected("A file on the share has damaged content.")
    if known is not None:
        if not known.device:
            known.device = device
        return False
    public_key = files.unb64(p.get("public"))
    adm = p.get("admission")
    by = session.get(SyncMember, (team.team_id, str(adm.get("by")))) if isinstance(adm, dict) else None
    if (by is None or by.member_id == folder_member
            or not _admission_valid(team.team_id, folder_member, adm, verify_key, public_key, by.verify_key)):
        raise Rejected(NOT_COUNTERSIGNED)
    sealed_epoch = container.header_int(sealed.header, "epoch")
    if by.removed and (by.removed_epoch is None or sealed_epoch < by.removed_epoch):
        # Admitted by a member that was removed since: the card counts only if its member holds a key the
        # admitter never had (a current member gave it the new epoch's key, so it is one of the team).
        raise Rejected(ADMITTER_REMOVED, by=f"{by.label} ({by.member_id})" if by.label else by.member_id)
    # A removal after its admission that it holds no key of: the remover did not know it, it got no key and
    # is out (as on the laptops that knew it when the removal record came); known, so that what it sent
    # before is applied up to the cut-off like any removed member's.
    missed = [m.removed_epoch for m in session.scalars(select(SyncMember).where(
        SyncMember.team_id == team.team_id, SyncMember.removed_epoch.is_not(None)))
        if m.removed_epoch is not None and admission_epoch(adm) < m.removed_epoch and sealed_epoch < m.removed_epoch]
    session.add(SyncMember(team_id=team.team_id, member_id=folder_member, label=str(p.get("label", ""))[:200],
                           public_key=public_key, verify_key=verify_key, removed=bool(missed),
                           removed_epoch=min(missed) if missed else None, device=device, admission=adm))
    return True
