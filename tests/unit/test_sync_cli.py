from __future__ import annotations

from pathlib import Path

from .test_cli import PASS, athena

ENV = {"ATHENA_PASSPHRASE": PASS}


def test_team_and_sync_commands(tmp_path: Path) -> None:
    a, b, share = tmp_path / "a", tmp_path / "b", tmp_path / "share"
    share.mkdir()
    for d, name in ((a, "Anna"), (b, "Berit")):
        r = athena("init", "--name", name, env=ENV, data=d)
        assert r.returncode == 0, r.stderr
    r = athena("team", "create", "--name", "Kvinnostöd", env=ENV, data=a)
    assert r.returncode == 0, r.stderr
    inv = tmp_path / "invite.athena"
    r = athena("team", "invite", "-o", str(inv), env=ENV, data=a)
    assert r.returncode == 0, r.stderr
    code = r.stdout.strip()
    assert len(code) == 24 and inv.stat().st_mode & 0o077 == 0
    r = athena("team", "join", str(inv), env={**ENV, "ATHENA_INVITE_CODE": "WRONG-CODE"}, data=b)
    assert r.returncode == 1 and "code is wrong" in r.stderr
    r = athena("team", "join", str(inv), env={**ENV, "ATHENA_INVITE_CODE": code}, data=b)
    assert r.returncode == 0, r.stderr
    r = athena("demo", "--clients", "3", "--entries", "2", env=ENV, data=a)
    assert r.returncode == 0, r.stderr
    r = athena("sync", "--share", str(share), env=ENV, data=a)
    assert r.returncode == 0, r.stderr
    assert "Sent " in r.stdout
    r = athena("sync", "--share", str(share), env=ENV, data=b)
    assert r.returncode == 0 and "received 0" not in r.stdout, r.stdout + r.stderr
    r = athena("clients", "--json", env=ENV, data=b)
    assert r.returncode == 0 and r.stdout.count('"id"') == 3
    r = athena("sync", "--share", str(tmp_path / "nowhere"), env=ENV, data=b)
    assert r.returncode == 4 and "not found" in r.stderr
    r = athena("sync-log", env=ENV, data=b)
    assert r.returncode == 0 and "not found" in r.stdout and "Received" in r.stdout
    assert athena("sync", "--share", str(share), env=ENV, data=a).returncode == 0  # learns b's card
    r = athena("team", "members", env=ENV, data=a)
    member_b = next(line.split("\t")[0] for line in r.stdout.splitlines() if "Berit" in line)
    r = athena("team", "remove", member_b, env=ENV, data=a)
    assert r.returncode == 0 and "key 2" in r.stdout, r.stderr
    assert athena("sync", "--share", str(share), env=ENV, data=a).returncode == 0
    r = athena("sync", "--share", str(share), env={**ENV, "ATHENA_LANG": "en"}, data=b)
    assert r.returncode == 5 and "removed from the team" in r.stderr, r.stdout + r.stderr
    r = athena("sync", "--share", str(share), env={**ENV, "ATHENA_LANG": "sv"}, data=b)
    assert r.returncode == 5 and "tagits bort ur teamet" in r.stderr and "{" not in r.stderr
    r = athena("sync", "--help", env={**ENV, "ATHENA_LANG": "sv"}, data=b)
    assert "5 datorn är borttagen ur teamet" in " ".join(r.stdout.split())  # exit codes listed, in Swedish
