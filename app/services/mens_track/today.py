"""The men's Idag: men to register (three-talk rule), raised risk noted at the latest talk, open investigations,
and men with no attended talk for a month."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.models import MenTalk
from app.services import audit
from app.services.context import Diary
from app.services.mens_track.men import MEN, ManView, TalkView, list_men, talk_view


@dataclass(frozen=True)
class MenToday:
    """The men's Idag: what to act on."""

    registration_due: list[ManView]  # three talks attended, not yet a case of his own
    open_investigations: list[ManView]
    raised_risk: list[tuple[ManView, TalkView]]  # his latest talk noted raised or high risk
    no_recent_talk: list[ManView]  # open, no attended talk in the last 30 days


def shown_ids(t: MenToday) -> list[str]:
    """The men Idag names, each once, in the order of its lists."""
    return list(dict.fromkeys([*(m.id for m in t.registration_due), *(m.id for m, _ in t.raised_risk),
                               *(m.id for m in t.open_investigations), *(m.id for m in t.no_recent_talk)]))


def today_view(diary: Diary, *, quiet_days: int = 30, log: bool = True) -> MenToday:
    """The men's Idag. The men it names are logged as a list (``men_today``; ``log=False``: the caller logs
    what it showed, as the desktop does once the lists are on screen)."""
    men = list_men(diary, open_only=True, log=False)
    due = [m for m in men if m.registration_due]
    investigations = [m for m in men if m.investigation_opened_on and not m.investigation_closed_on]
    quiet = [m for m in men if (m.last_talk_on or m.first_contact_on or diary.today()) <
             date.fromordinal(diary.today().toordinal() - quiet_days)]
    raised: list[tuple[ManView, TalkView]] = []
    with diary.read() as s:
        latest = s.execute(select(MenTalk).where(MenTalk.compartment == MEN).order_by(
            MenTalk.men_client_id, MenTalk.held_on.desc(), MenTalk.number.desc())).scalars()
        seen: set[str] = set()
        by_id = {m.id: m for m in men}
        for t in latest:
            if t.men_client_id in seen:
                continue
            seen.add(t.men_client_id)
            if t.men_client_id in by_id and {t.risk_partner, t.risk_children} & {"raised", "high"}:
                raised.append((by_id[t.men_client_id], talk_view(t)))
    view = MenToday(due, investigations, sorted(raised, key=lambda r: r[1].held_on, reverse=True), quiet)
    if log:
        audit.log_list(diary, "list", "men_today", shown_ids(view), compartment=MEN)
    return view
