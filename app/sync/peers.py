"""What the other members' folders tell a round before it reads their changes: new members' cards and new
epoch keys, and their verified acknowledgements (what compaction may rely on; docs/sync.md).
"""

from __future__ import annotations

from app.models import SyncAck, SyncMember, SyncTeam
from app.storage.changefeed import REMOTE, DiarySession, Identity
from app.storage.vault import Store
from app.sync import container, files, pull
from app.sync import team as teams
from app.sync.errors import Rejected, ShareUnavailable, TransientShareError
from app.sync.log import INFO, PROBLEM, WARNING, LogLine
from app.sync.share import Share


def keys_and_cards(store: Store, share: Share, identity: Identity, team_id: str,
                    listings: dict[str, list[str]], lines: list[LogLine]) -> None:
    """New members' cards and new epoch keys. Twice over, since a card may need a new key and a key file
    may come from a member whose card is new."""
    problems: dict[str, str] = {}
    refused: dict[str, LogLine] = {}  # member -> why its card was refused (after both passes)
    with store.write(identity) as s:
        s.info[REMOTE] = True
        team = s.get(SyncTeam, team_id)
        assert team is not None
        for _ in range(2):
            others = [(m, n) for m, n in sorted(listings.items()) if m != team.member_id]
            for member, names in others:
                line = _accept_cards(s, share, team, member, names, lines)
                if line is None:
                    refused.pop(member, None)
                else:
                    refused[member] = line
            for member, names in others:
                for epoch, name in sorted(files.numbered(names, files.KEY_RE).items()):
                    if epoch in teams.epoch_keys(s, team_id) or team.removed:
                        continue
                    try:
                        problem = teams.accept_key_file(s, team, member, share.read(
                            f"{team_id}/{files.member_folder(member)}/{name}"))
                    except (Rejected, ShareUnavailable, TransientShareError) as exc:
                        problem = exc.message_en
                    if problem and problem != teams.REMOVED:
                        problems[name] = problem
                    else:
                        problems.pop(name, None)
    lines.extend(LogLine(PROBLEM, p, {}, team_id) for p in dict.fromkeys(problems.values()))
    lines.extend(refused[m] for m in sorted(refused))


def _accept_cards(s: DiarySession, share: Share, team: SyncTeam, member: str, names: list[str],
                  lines: list[LogLine]) -> LogLine | None:
    """The member's newest card; returns the problem line when it was refused."""
    known = s.get(SyncMember, (team.team_id, member))
    if known is not None and known.device:
        return None
    cards = files.numbered(names, files.CARD_RE)
    for number in sorted(cards, reverse=True):
        try:
            data = share.read(f"{team.team_id}/{files.member_folder(member)}/{cards[number]}")
            if teams.accept_card(s, team, member, number, data):
                lines.append(LogLine(INFO, "A new member joined the team ({member}).", {"member": member},
                                     team.team_id))
        except Rejected as exc:  # a forged or uncountersigned card: named, and its member stays unknown
            return LogLine(PROBLEM, "The member card {file} in folder {folder} was refused: {reason}",
                           {**exc.params, "file": cards[number], "folder": files.member_folder(member),
                            "reason": exc.message_en}, team.team_id)
        except (ShareUnavailable, TransientShareError):
            pass
        return None
    return None


def read_acks(store: Store, share: Share, identity: Identity, team_id: str, listings: dict[str, list[str]],
               keys: dict[int, bytes], senders: dict[str, pull.Sender], lines: list[LogLine]) -> None:
    """Each current member's newest acknowledgement, verified (signed by that member, in its folder)."""
    with store.write(identity) as s:
        s.info[REMOTE] = True
        team = s.get(SyncTeam, team_id)
        assert team is not None
        for member, names in sorted(listings.items()):
            sender = senders.get(member)
            if member == team.member_id or sender is None or sender.removed:
                continue
            acks = files.numbered(names, files.ACK_RE)
            if not acks:
                continue
            number = max(acks)
            row = s.get(SyncAck, (team_id, member))
            if row is not None and row.number >= number:
                continue
            try:
                data = share.read(f"{team_id}/{files.member_folder(member)}/{acks[number]}")
                sealed = files.open_container(data, "ack", team_id, member, number, "number", keys,
                                              sender.verify_key)
                deps, bad = _ack_payload(sealed.payload)
                created = container.header_int(sealed.header, "created")
            except (Rejected, ShareUnavailable, TransientShareError) as exc:
                lines.append(LogLine(WARNING, "The acknowledgement {file} of {member} was not used: {reason}",
                                     {"file": acks[number], "member": pull.who(senders, member),
                                      "reason": exc.message_en}, team_id))
                continue
            if row is None:
                s.add(SyncAck(team_id=team_id, member_id=member, number=number, deps=deps, bad=bad,
                              created=created))
            else:
                row.number, row.deps, row.bad, row.created = number, deps, bad, created
        s.flush()
        teams.raise_cutoffs(s, team)


def _ack_payload(p: object) -> tuple[dict[str, int], dict[str, int]]:
    if not isinstance(p, dict):
        raise Rejected("A file on the share has damaged content.")
    out = []
    for name in ("deps", "bad"):
        d = p.get(name, {})
        if not isinstance(d, dict) or not all(isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
                                              and v >= 0 for k, v in d.items()):
            raise Rejected("A file on the share has damaged content.")
        out.append({str(k): int(v) for k, v in d.items()})
    return out[0], out[1]
