"""The same round trip against a real Samba server started on loopback, reached with smbprotocol."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.models import Client
from app.sync.backends import open_share
from app.sync.errors import AlreadyExists
from app.sync.smb import SmbShare

from .sync_helpers import make_team, roundtrip
from .test_retention_share_files import purge_case
from .test_sync_protocol2 import copied_snapshot_case, removal_case, removal_converges_case, self_repair_case

SMBD = shutil.which("smbd") or ("/usr/sbin/smbd" if Path("/usr/sbin/smbd").exists() else None)
SMBPASSWD = shutil.which("smbpasswd") or "/usr/bin/smbpasswd"
USER, PASSWORD = "root", "athena-test-pw-4711"

pytestmark = [pytest.mark.samba, pytest.mark.skipif(SMBD is None, reason="smbd (Debian samba) is not installed")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def samba(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    base = tmp_path_factory.mktemp("samba")
    share = base / "share"
    for d in ("private", "lock", "state", "cache", "pid", "log", "share", "ncalrpc", "binddns"):
        (base / d).mkdir()
    port = _free_port()
    conf = base / "smb.conf"
    conf.write_text(f"""[global]
    server role = standalone server
    interfaces = 127.0.0.1
    bind interfaces only = yes
    smb ports = {port}
    disable netbios = yes
    private dir = {base}/private
    lock directory = {base}/lock
    state directory = {base}/state
    cache directory = {base}/cache
    pid directory = {base}/pid
    ncalrpc dir = {base}/ncalrpc
    binddns dir = {base}/binddns
    log file = {base}/log/log.%m
    passdb backend = tdbsam:{base}/private/passdb.tdb
    server min protocol = SMB2_10
    load printers = no
    printing = bsd
    printcap name = /dev/null
    disable spoolss = yes
[athena]
    path = {share}
    read only = no
    valid users = {USER}
""")
    subprocess.run([SMBPASSWD, "-c", str(conf), "-a", "-s", USER], input=f"{PASSWORD}\n{PASSWORD}\n".encode(),
                   check=True, capture_output=True, timeout=60)
    assert SMBD is not None
    proc = subprocess.Popen([SMBD, "--foreground", "--no-process-group", "-s", str(conf)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("smbd did not start: " + "".join(
                    p.read_text(errors="replace")[-2000:] for p in (base / "log").glob("*")))
            time.sleep(0.1)
        yield f"smb://{USER}:{PASSWORD}@127.0.0.1:{port}/athena", share
    finally:
        import smbclient
        with contextlib.suppress(Exception):
            smbclient.reset_connection_cache()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def test_roundtrip_over_smb(tmp_path: Path, samba: tuple[str, Path]) -> None:
    url, share_dir = samba
    sub = share_dir / "rt"
    sub.mkdir()
    share = open_share(url + "/rt")
    assert isinstance(share, SmbShare)
    assert "athena-test-pw" not in share.describe()
    roundtrip(tmp_path, share, scan=sub)


def test_smb_rename_never_overwrites(samba: tuple[str, Path]) -> None:
    url, share_dir = samba
    (share_dir / "nr").mkdir()
    share = open_share(url + "/nr")
    share.write_new("", "a.seg", b"one")
    share.write_new("", "a.seg", b"one")  # the same content again: nothing to do
    with pytest.raises(AlreadyExists):
        share.write_new("", "a.seg", b"two")
    assert (share_dir / "nr" / "a.seg").read_bytes() == b"one"
    assert sorted(p.name for p in (share_dir / "nr").iterdir()) == ["a.seg"]


def test_conflict_over_smb(tmp_path: Path, samba: tuple[str, Path]) -> None:
    url, share_dir = samba
    (share_dir / "cf").mkdir()
    share = open_share(url + "/cf")
    a, b = make_team(tmp_path, 2)
    rid = a.add_client("Klient")
    a.sync(share)
    b.sync(share)
    a.edit(Client, rid, city="A")
    b.edit(Client, rid, city="B")
    for lap in (a, b, a):
        assert lap.sync(share).ok
    assert a.diary() == b.diary() and a.conflicts() == b.conflicts() != {}


def _sub(samba: tuple[str, Path], name: str) -> tuple[SmbShare, Path]:
    url, share_dir = samba
    (share_dir / name).mkdir()
    share = open_share(url + "/" + name)
    assert isinstance(share, SmbShare)
    return share, share_dir / name


def test_copied_snapshot_compaction_attack_over_smb(tmp_path: Path, samba: tuple[str, Path]) -> None:
    share, local = _sub(samba, "attack")
    copied_snapshot_case(tmp_path, share, local)


def test_removal_holds_over_smb(tmp_path: Path, samba: tuple[str, Path]) -> None:
    share, _ = _sub(samba, "removal")
    removal_case(tmp_path, share)


def test_removal_converges_over_smb(tmp_path: Path, samba: tuple[str, Path]) -> None:
    share, _ = _sub(samba, "removal-converges")
    removal_converges_case(tmp_path, share)


def test_purge_rewrites_own_files_over_smb(tmp_path: Path, samba: tuple[str, Path]) -> None:
    share, local = _sub(samba, "purge")
    purge_case(tmp_path, share, local)


@pytest.mark.parametrize("fault", ["missing", "renamed", "moved", "truncated"])
def test_self_repair_over_smb(tmp_path: Path, samba: tuple[str, Path], fault: str) -> None:
    share, local = _sub(samba, f"repair-{fault}")
    self_repair_case(tmp_path, share, local, fault)


def test_the_file_servers_clock_is_read_over_smb(samba: tuple[str, Path]) -> None:
    share, _ = _sub(samba, "clock")
    t = share.server_time_ms("")
    assert t is not None and abs(t - time.time() * 1000) < 120_000
