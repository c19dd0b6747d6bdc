"""A laptop killed (SIGKILL) at each step of uploading and applying: the next round converges, nothing is
lost and nothing is applied twice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import Change, Client
from app.storage import vault
from app.storage.changefeed import Identity
from app.sync.folder import FolderShare

from .sync_helpers import PASS, make_team

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import os, signal, sys
from app.storage import vault
from app.storage.changefeed import Identity
from app.sync import apply, ingest, own_files, round as rnd, folder as shr
data_dir, share_dir, step = sys.argv[1:4]

def die():
    os.kill(os.getpid(), signal.SIGKILL)

def after(obj, name):
    orig = getattr(obj, name)
    def wrapped(*a, **kw):
        out = orig(*a, **kw)
        die()
        return out
    setattr(obj, name, wrapped)

def before(obj, name):
    def wrapped(*a, **kw):
        die()
    setattr(obj, name, wrapped)

if step == "before-upload":
    before(own_files, "upload")
elif step == "mid-temp":
    def half(self, path, data):
        with open(self._p(path), "wb") as f:
            f.write(data[: len(data) // 2])
        die()
    shr.FolderShare.write_temp = half
elif step == "after-temp":
    after(shr.FolderShare, "write_temp")
elif step == "after-rename":
    after(shr.FolderShare, "rename_noreplace")
elif step == "mid-ingest":
    after(ingest, "ingest_local")
elif step == "mid-apply":
    after(apply, "materialise")
elif step == "before-commit":
    after(apply, "save_states")
store = vault.unlock(data_dir, os.environ["ATHENA_TEST_PASS"])
rnd.sync_round(store, shr.FolderShare(share_dir), Identity("worker1", store.device_id))
print("finished without being killed")
"""


@pytest.mark.parametrize("step", ["before-upload", "mid-temp", "after-temp", "after-rename", "mid-ingest", "mid-apply",
                                  "before-commit"])
def test_killed_laptop_converges(tmp_path: Path, step: str) -> None:
    share_dir = tmp_path / "share"
    share_dir.mkdir()
    share = FolderShare(share_dir)
    a, b = make_team(tmp_path, 2)
    first = a.add_client("Klient A")
    a.sync(share)
    b.sync(share)
    a.add_client("Klient A2")  # something for b to pull while it dies
    a.edit(Client, first, city="Göteborg")
    a.sync(share)
    b.add_client("Klient B")  # something for b to push while it dies
    b.edit(Client, first, phone="031")
    b_dir = b.store.data_dir
    b.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ATHENA_TEST_PASS": PASS}
    proc = subprocess.run([sys.executable, "-c", CHILD, str(b_dir), str(share_dir), step], env=env,
                          capture_output=True, timeout=120)
    assert proc.returncode == -9, proc.stderr.decode()[-2000:]
    store = vault.unlock(b_dir, PASS)
    b.store = store
    b.ident = Identity("worker1", store.device_id)
    assert store.integrity_check() == []
    for lap in (b, a, b, a):
        assert lap.sync(share).ok
    assert a.diary() == b.diary()
    clients = a.diary()["clients"]
    assert sorted(c["name"] for c in clients.values()) == ["Klient A", "Klient A2", "Klient B"]
    assert clients[first]["city"] == "Göteborg" and clients[first]["phone"] == "031"
    for lap in (a, b):
        with lap.store.read(lap.ident) as s:
            dup = s.execute(select(Change.hlc).where(Change.origin == "remote").group_by(Change.hlc)
                            .having(func.count() > 1)).all()
            assert dup == []  # nothing applied twice
    assert not list(share_dir.rglob(".tmp-*"))
    a.close()
    b.close()
