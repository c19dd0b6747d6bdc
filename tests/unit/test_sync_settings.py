from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import DomainError
from app.models import Client
from app.services.context import Diary, Worker
from app.services.sync import settings as sync_settings
from app.sync.folder import FolderShare

from .sync_helpers import make_team


def test_share_location_is_kept_in_the_diary_and_status_counts(tmp_path: Path) -> None:
    (a,) = make_team(tmp_path, 1)
    try:
        diary = Diary(a.store, Worker("worker0"))
        assert sync_settings.get_location(diary) == ""
        assert sync_settings.set_location(diary, r"  \\server\share\stod  ") == r"\\server\share\stod"
        assert sync_settings.get_location(diary) == r"\\server\share\stod"
        with pytest.raises(DomainError):
            sync_settings.set_location(diary, "bad\npath")
        assert sync_settings.get_location(diary) == r"\\server\share\stod"
        rid = a.add_client("Klient")
        st = sync_settings.status(diary)
        assert [t.name for t in st.teams] == ["Kvinnostöd Söder"] and st.teams[0].members == 1
        assert st.waiting >= 1 and st.conflicts == 0 and st.last_sync is None
        share = tmp_path / "share"
        share.mkdir()
        assert a.sync(FolderShare(share)).ok
        a.edit(Client, rid, city="Lund")
        st = sync_settings.status(diary)
        assert st.waiting == 1 and st.last_sync is not None
    finally:
        a.close()


def test_status_without_a_team(diary: Diary) -> None:
    st = sync_settings.status(diary)
    assert st.teams == () and st.waiting == 0 and st.location == ""
