"""The team lead's role: the log follow-up and retention are refused to anyone else by the services; a worker's
own access-log rows stay open to her; in a synced team the leads are the founder and those a lead's laptop
signed for, the same on every laptop — a plain member can neither make herself lead nor get a purge accepted."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, inspect, select

from app.errors import AccessDenied, DomainError
from app.models import RECORD_CLASSES, Client, DiaryEntry, RetentionRun, SyncTeam, TeamRole
from app.services import audit
from app.services.access import roles
from app.services.audit import followup
from app.services.audit.followup import FollowupFilter
from app.services.clients import clients, entries
from app.services.clients.clients import ClientInput
from app.services.clients.entries import EntryInput
from app.services.context import Diary, Worker
from app.services.retention import purge
from app.storage.vault import Store
from app.sync import roles as team_roles
from app.sync.backends import open_share
from tests.unit.sync_helpers import Laptop, make_team, member_id

LATER = date(2033, 1, 10)  # everything written in 2026 is due for purging by then


def _dump(store: Store) -> dict[str, Any]:
    """Every record and the purge log: what a refused purge must leave exactly as it was."""
    out: dict[str, Any] = {}
    with store.read(Diary(store, Worker("x")).identity) as s:
        for name, cls in RECORD_CLASSES.items():
            cols = [c.key for c in inspect(cls).column_attrs]
            out[name] = sorted(tuple(str(getattr(o, k)) for k in cols) for o in s.scalars(select(cls)))
        out["retention_runs"] = s.scalar(select(func.count()).select_from(RetentionRun))
    return out


def _client_with_entry(d: Diary, name: str) -> str:
    cid = clients.create_client(d, ClientInput(name=name)).id
    entries.add_entry(d, cid, EntryInput(text="Samtal.", kinds=["support_talk"], event_on=date(2026, 1, 12)))
    return cid


def test_a_worker_who_is_not_the_lead_is_refused_and_sees_only_her_own_rows(diary: Diary, data_dir: Path) -> None:
    lena = _client_with_entry(diary, "Lena Svensson")
    clients.get_client(diary, lena)  # an opening by Anna
    colleague = Diary(diary.store, Worker("Cecilia Berg"), today_override=diary.today_override)
    clients.get_client(colleague, lena)  # and one by Cecilia

    assert roles.lead_tracks(diary) == frozenset()
    for call in (lambda: followup.page(diary), lambda: followup.export(diary, FollowupFilter()),
                 lambda: followup.actors(diary), lambda: followup.set_protected_viewers(diary, ["Anna Andersson"]),
                 lambda: list(followup.iter_rows(diary))):
        with pytest.raises(AccessDenied) as err:
            call()
        assert err.value.user_message("en").startswith("Only the team lead may use the log follow-up")
        assert err.value.user_message("sv").startswith("Bara teamledaren får använda loggranskning")
    assert followup.protected_viewers(diary) == []  # the refused change was not stored

    # Her own rows stay open to her: only her own, whatever the filter asks for.
    mine = followup.page(diary, own=True).rows
    assert mine and {r.actor for r in mine} == {"Anna Andersson"}
    assert followup.page(diary, FollowupFilter(actor="Cecilia Berg"), own=True).rows == mine
    assert "Cecilia Berg" not in followup.export(diary, FollowupFilter(), own=True)
    assert followup.actors(diary, own=True) == ["Anna Andersson"]

    roles.set_profile_role(diary, True)  # her own diary: she may name herself lead of her own laptop's log
    assert roles.lead_tracks(diary) == frozenset({"women"})
    assert {r.actor for r in followup.page(diary).rows} >= {"Anna Andersson", "Cecilia Berg"}
    roles.set_profile_role(diary, False)
    with pytest.raises(AccessDenied):
        followup.page(diary)


def test_a_purge_by_a_worker_who_is_not_the_lead_is_refused_and_leaves_everything(diary: Diary) -> None:
    _client_with_entry(diary, "Gammal Akt")
    later = Diary(diary.store, diary.worker, today_override=LATER)
    backups_before = sorted(p.name for p in (diary.store.data_dir / "backups").glob("*"))
    before = _dump(diary.store)
    for call in (lambda: purge.preview(later), lambda: purge.run(later, "any-token"),
                 lambda: purge.set_rule(later, "keep_everything", True), lambda: purge.purge_log(later)):
        with pytest.raises(AccessDenied):
            call()
    assert _dump(diary.store) == before  # no row, no log entry, no purge log, no archive mark
    assert sorted(p.name for p in (diary.store.data_dir / "backups").glob("*")) == backups_before

    roles.set_profile_role(diary, True)
    pv = purge.preview(later)
    assert len(pv.purge) == 1
    assert purge.run(later, pv.token).clients == 1


def test_the_lead_of_one_track_sees_and_purges_that_track_only(store: Store) -> None:
    both = Diary(store, Worker("Kim Berg", "", frozenset({"women", "men"})), today_override=LATER)
    from app.services.mens_track import men

    per = men.add_man(both, name="Per Persson", first_contact_on=date(2026, 1, 5)).id
    men.open_man(both, per)
    clients.get_client(both, _client_with_entry(both, "Lena Svensson"))
    with both.write() as s:  # a team for the women's track in which this laptop is not a lead
        from app.sync import team as teams

        teams.create_team(s, "Söder", "Kim Berg", "women")
        team = teams.team_for(s, "women")
        team.founder = "someone-else"
    roles.set_profile_role(both, True)
    found = {st.track: st for st in roles.status(both)}
    assert found["women"].in_team and not found["women"].lead
    assert found["men"].lead and not found["men"].in_team
    assert [(r.action, r.what, r.record) for r in followup.page(both).rows] == [
        ("open", "men_clients", "Per Persson")]  # the women's rows are not hers to follow up
    assert {c.entity for c in purge.preview(both).purge} == {"men_clients"}
    with pytest.raises(AccessDenied) as err:
        followup.page(both.for_track("women"))
    assert "synced team" in err.value.user_message("en")


def test_leads_in_a_team_are_signed_and_checked_on_every_laptop(tmp_path: Path) -> None:
    (tmp_path / "share").mkdir()
    share = open_share(str(tmp_path / "share"))
    a, b = make_team(tmp_path, 2)
    try:
        da, db = a.worker(), b.worker()
        ma, mb = member_id(a), member_id(b)
        with b.store.read(b.ident) as s:
            assert s.scalar(select(SyncTeam.founder)) == ma  # the invitation named the founder
        assert [lead.member_id for lead in roles.team_leads(da)] == [ma]
        # B names herself lead in her worker profile: not for a track with a team.
        roles.set_profile_role(db, True)
        with pytest.raises(AccessDenied) as err:
            followup.page(db)
        assert "synced team" in err.value.user_message("en")
        with pytest.raises(AccessDenied):
            roles.set_team_lead(db, mb, True)  # nor can she grant herself the role
        # B forges a grant below the service: signed with her own key, which is not a lead's.
        with b.store.write(b.ident) as s:
            team_roles.make_change(s, s.scalar(select(SyncTeam)), mb, True)  # type: ignore[arg-type]
        assert b.sync(share).ok and a.sync(share).ok
        assert [lead.member_id for lead in roles.team_leads(da)] == [ma]
        assert mb not in {lead.member_id for lead in roles.team_leads(db)}  # not even on her own laptop
        assert roles.ignored_changes(da) == 1  # and the lead's laptop can tell that a claim was made

        # The lead's laptop names B lead: after a sync both laptops agree.
        assert {lead.member_id for lead in roles.set_team_lead(da, mb, True)} == {ma, mb}
        assert a.sync(share).ok and b.sync(share).ok
        assert {lead.member_id for lead in roles.team_leads(db)} == {ma, mb}
        assert followup.page(db).rows is not None
        with pytest.raises(DomainError):
            roles.set_team_lead(db, ma, False)  # the founder stays lead

        # Role rows are append-only: B deleting the grant below the service is refused on A.
        with b.store.write(b.ident) as s:
            s.delete(s.scalars(select(TeamRole).where(TeamRole.member_id == mb, TeamRole.granted_by == ma)).one())
        assert b.sync(share).pushed == 1
        summary = a.sync(share)
        assert not summary.ok and summary.refused >= 1
        assert any("team-lead record" in p for p in summary.problems)
        assert {lead.member_id for lead in roles.team_leads(da)} == {ma, mb}

        # And the role taken away again.
        assert {lead.member_id for lead in roles.set_team_lead(da, mb, False)} == {ma}
        a.sync(share)
        b.sync(share)
        with pytest.raises(AccessDenied):
            followup.page(db)
    finally:
        a.close()
        b.close()


def _later(lap: Laptop) -> Diary:
    return Diary(lap.store, Worker(lap.name), today_override=LATER)


def _purge_below_the_service(d: Diary, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a tampered laptop could do: run the purge with the service's role check taken out."""
    with monkeypatch.context() as m:
        m.setattr(purge, "require_lead", lambda diary: diary)
        pv = purge.preview(d)
        assert pv.purge
        purge.run(d, pv.token)


def test_a_purge_from_a_laptop_that_is_not_a_lead_is_refused_by_the_others(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "share").mkdir()
    share = open_share(str(tmp_path / "share"))
    a, b = make_team(tmp_path, 2)
    try:
        da = a.worker()
        kept = _client_with_entry(da, "Kvarstina Behallsdotter")
        assert a.sync(share).ok and b.sync(share).ok
        with b.store.read(b.ident) as s:
            assert s.get(Client, kept) is not None
        _purge_below_the_service(_later(b), monkeypatch)
        with b.store.read(b.ident) as s:
            assert s.get(Client, kept) is None  # gone on the tampered laptop itself
        b.sync(share)
        summary = a.sync(share)
        assert not summary.ok and summary.refused >= 1
        assert any("not a team lead" in p for p in summary.problems)
        with a.store.read(a.ident) as s:  # everything kept on the lead's laptop
            assert s.get(Client, kept) is not None
            assert s.scalar(select(func.count()).select_from(DiaryEntry).where(DiaryEntry.client_id == kept)) == 1
        assert clients.get_client(da, kept).name == "Kvarstina Behallsdotter"
    finally:
        a.close()
        b.close()


def test_a_purge_by_a_lead_named_by_the_founder_reaches_the_others(tmp_path: Path) -> None:
    (tmp_path / "share").mkdir()
    share = open_share(str(tmp_path / "share"))
    a, b = make_team(tmp_path, 2)
    try:
        da = a.worker()
        gone = _client_with_entry(da, "Zelmira Purgesdotter")
        assert b.sync(share).ok and a.sync(share).ok  # A learns B's laptop from its member card
        roles.set_team_lead(da, member_id(b), True)
        assert a.sync(share).ok and b.sync(share).ok
        pv = purge.preview(_later(b))
        assert [c.client_id for c in pv.purge] == [gone]
        purge.run(_later(b), pv.token)
        assert b.sync(share).ok and a.sync(share).ok
        with a.store.read(a.ident) as s:
            assert s.get(Client, gone) is None
    finally:
        a.close()
        b.close()


def test_a_team_from_before_team_leads_has_none_until_its_founder_is_named(tmp_path: Path) -> None:
    (a,) = make_team(tmp_path, 1)
    try:
        da = a.worker()
        with a.store.write(a.ident) as s:
            s.scalar(select(SyncTeam)).founder = None  # type: ignore[union-attr]
        assert roles.team_leads(da) == []
        with pytest.raises(AccessDenied):
            followup.page(da)
        with pytest.raises(DomainError) as err:
            roles.set_team_lead(da, member_id(a), True)
        assert "athena team founder" in err.value.user_message("en")
        assert [lead.founder for lead in roles.name_founder(da, member_id(a))] == [True]
        with pytest.raises(DomainError):
            roles.name_founder(da, member_id(a))  # once only
        assert followup.page(da).rows is not None
        audit.log(da, "export", entity="report")
    finally:
        a.close()


def test_a_laptop_that_joins_later_learns_the_founder_and_the_leads(tmp_path: Path) -> None:
    from app.sync import team as teams
    from app.sync.round import SyncConfig
    from tests.unit.sync_helpers import FAST

    (tmp_path / "share").mkdir()
    share = open_share(str(tmp_path / "share"))
    often = SyncConfig(snapshot_every=1)
    a, b = make_team(tmp_path, 2)
    c = Laptop(tmp_path / "laptop2", "worker2")
    try:
        assert b.sync(share, often).ok and a.sync(share, often).ok
        roles.set_team_lead(a.worker(), member_id(b), True)
        assert a.sync(share, often).ok and b.sync(share, often).ok
        with a.store.write(a.ident) as s:
            data, code = teams.invite(s, teams.team_for(s, "women"), FAST)
        with c.store.write(c.ident) as s:
            teams.join_team(s, data, code, c.name)
        assert c.sync(share, often).ok
        assert {lead.member_id for lead in roles.team_leads(c.worker())} == {member_id(a), member_id(b)}
        with pytest.raises(AccessDenied):
            followup.page(c.worker())
    finally:
        for lap in (a, b, c):
            lap.close()
