from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PASS = "korrekt häst batteri häftklammer"


def athena(*args: str, env: dict[str, str] | None = None, data: Path | None = None,
           stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    e = {**os.environ, "ATHENA_TEST_FAST_KDF": "1", "ATHENA_LANG": "en", **(env or {})}
    e.pop("ATHENA_PASSPHRASE", None) if env is None or "ATHENA_PASSPHRASE" not in env else None
    cmd = [sys.executable, "-m", "tests.athena_fast", *(["--data-dir", str(data)] if data else []), *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=e, input=stdin, timeout=120)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("cli") / "diary"
    r = athena("demo", "--clients", "40", "--seed", "3", env={"ATHENA_PASSPHRASE": PASS}, data=d)
    assert r.returncode == 0, r.stderr
    return d


def test_init_refuses_a_weak_passphrase_and_never_takes_one_from_argv(tmp_path: Path) -> None:
    r = athena("init", "--name", "Anna", env={"ATHENA_PASSPHRASE": "abc123"}, data=tmp_path / "d")
    assert r.returncode == 1 and "characters" in r.stderr
    assert not (tmp_path / "d" / "diary.db").exists()
    r = athena("init", "--name", "Anna", "--passphrase", PASS, data=tmp_path / "d")
    assert r.returncode == 2  # no such option


def test_init_from_passphrase_file_then_clients(tmp_path: Path) -> None:
    pf = tmp_path / "pass.txt"
    pf.write_text(PASS + "\n", encoding="utf-8")
    d = tmp_path / "d"
    r = athena("--passphrase-file", str(pf), "init", "--name", "Anna Andersson", data=d)
    assert r.returncode == 0, r.stderr
    r = athena("--passphrase-file", str(pf), "clients", "--json", data=d)
    assert r.returncode == 0 and json.loads(r.stdout) == []


def test_no_passphrase_source_is_a_clear_error(demo_dir: Path) -> None:
    r = athena("clients", data=demo_dir, stdin="")
    assert r.returncode == 1 and "passphrase" in r.stderr.lower()


def test_wrong_passphrase_exit_code_and_message(demo_dir: Path) -> None:
    r = athena("clients", env={"ATHENA_PASSPHRASE": "fel fel fel fel"}, data=demo_dir)
    assert r.returncode == 1
    assert "Wrong passphrase" in r.stderr and "Traceback" not in r.stderr


def test_clients_json_has_required_fields_and_never_an_address(demo_dir: Path) -> None:
    r = athena("clients", "--json", env={"ATHENA_PASSPHRASE": PASS}, data=demo_dir)
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert len(rows) == 40
    assert {"id", "name", "status", "protected_identity"} <= set(rows[0])
    assert not any("address" in row or "postal_code" in row for row in rows)
    exported = json.loads(athena("export", "--all", env={"ATHENA_PASSPHRASE": PASS}, data=demo_dir).stdout)
    addresses = [c["client"]["address"] for c in exported["clients"]]
    assert all(a and a not in r.stdout for a in addresses)


def test_search_export_audit_integrity(demo_dir: Path, tmp_path: Path) -> None:
    env = {"ATHENA_PASSPHRASE": PASS}
    rows = json.loads(athena("clients", "--search", "banken", "--json", env=env, data=demo_dir).stdout)
    assert rows
    out = tmp_path / "client.json"
    r = athena("export", "--client", rows[0]["id"], "-o", str(out), env=env, data=demo_dir)
    assert r.returncode == 0, r.stderr
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["clients"][0]["client"]["id"] == rows[0]["id"]
    r = athena("audit", "--client", rows[0]["id"], "--format", "json", env=env, data=demo_dir)
    actions = {e["action"] for e in json.loads(r.stdout)}
    assert {"insert", "export"} <= actions
    r = athena("integrity", env=env, data=demo_dir)
    assert r.returncode == 0 and "intact" in r.stdout
    r = athena("export", "--client", "no-such-id", env=env, data=demo_dir)
    assert r.returncode == 1 and "not found" in r.stderr


def test_passwd_and_rekey(tmp_path: Path) -> None:
    d = tmp_path / "d"
    assert athena("demo", "--clients", "5", env={"ATHENA_PASSPHRASE": PASS}, data=d).returncode == 0
    new = tmp_path / "new.txt"
    new.write_text("ett nytt och långt lösenord för dagboken", encoding="utf-8")
    r = athena("passwd", "--new-passphrase-file", str(new), env={"ATHENA_PASSPHRASE": PASS}, data=d)
    assert r.returncode == 0, r.stderr
    assert athena("clients", env={"ATHENA_PASSPHRASE": PASS}, data=d).returncode == 1
    r = athena("--passphrase-file", str(new), "rekey", data=d)
    assert r.returncode == 0, r.stderr
    r = athena("--passphrase-file", str(new), "clients", "--json", data=d)
    assert len(json.loads(r.stdout)) == 5


def test_swedish_is_the_default_language(demo_dir: Path) -> None:
    r = athena("clients", env={"ATHENA_PASSPHRASE": "fel fel fel fel", "ATHENA_LANG": ""}, data=demo_dir)
    assert "Fel lösenfras" in r.stderr


def test_recovery_seal_and_reset_by_officer(tmp_path: Path) -> None:
    d = tmp_path / "d"
    assert athena("demo", "--clients", "3", env={"ATHENA_PASSPHRASE": PASS}, data=d).returncode == 0
    officer = {"ATHENA_OFFICER_PASSPHRASE": "dataskyddsombudets fras"}
    r = athena("recovery", "keygen", "--private", str(tmp_path / "o.key"), "--public", str(tmp_path / "o.pub"),
               env=officer)
    assert r.returncode == 0, r.stderr
    r = athena("recovery", "seal", "--officer-key", str(tmp_path / "o.pub"), env={"ATHENA_PASSPHRASE": PASS}, data=d)
    assert r.returncode == 0, r.stderr
    new = tmp_path / "new.txt"
    new.write_text("glömde bort det gamla men här är ett nytt", encoding="utf-8")
    r = athena("recovery", "reset", "--officer-private-key", str(tmp_path / "o.key"), "--new-passphrase-file",
               str(new), env=officer, data=d)
    assert r.returncode == 0, r.stderr
    r = athena("--passphrase-file", str(new), "clients", "--json", data=d)
    assert len(json.loads(r.stdout)) == 3
