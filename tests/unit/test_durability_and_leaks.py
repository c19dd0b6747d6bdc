"""A process killed mid-write loses nothing committed; nothing readable is left on disk."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from app.services.clients.entries import list_entries
from app.services.context import Worker, open_diary, save_worker
from app.storage import vault
from app.storage.keyfile import KdfParams

PASS = "korrekt häst batteri häftklammer"
WRITER = textwrap.dedent("""
    import sys
    from app.services.clients import clients
    from app.services.clients import entries
    from app.services.context import open_diary
    from app.services.clients.entries import EntryInput
    from app.storage import vault
    store = vault.unlock(sys.argv[1], sys.argv[2])
    diary = open_diary(store)
    cid = sys.argv[3]
    i = 0
    while True:
        e = entries.add_entry(diary, cid, EntryInput(f"anteckning {i}", ["support_talk"]), sign=True)
        print(e.id, flush=True)
        i += 1
""")


def test_sigkill_during_write_loop_loses_no_committed_entry(tmp_path: Path) -> None:
    d = tmp_path / "diary"
    store = vault.create(d, PASS, KdfParams.fast_for_tests())
    save_worker(store, Worker("Anna"))
    from app.services.clients import clients
    from app.services.clients.clients import ClientInput

    cid = clients.create_client(open_diary(store), ClientInput(name="Lena")).id
    store.close()
    env = {**os.environ, "ATHENA_TEST_FAST_KDF": "1"}
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(d), PASS, cid], stdout=subprocess.PIPE,
                            text=True, env=env)
    assert proc.stdout is not None
    committed = []
    for line in proc.stdout:
        committed.append(line.strip())
        if len(committed) >= 60:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    store = vault.unlock(d, PASS)
    try:
        assert store.integrity_check() == []
        diary = open_diary(store)
        stored = {e.id for e in list_entries(diary, cid, limit=100_000).items}
        assert set(committed) <= stored
    finally:
        store.close()


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_no_plaintext_anywhere_after_demo_and_writing(tmp_path: Path) -> None:
    d = tmp_path / "diary"
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "ATHENA_TEST_FAST_KDF": "1", "ATHENA_PASSPHRASE": PASS, "TMPDIR": str(tmp)}
    subprocess.run([sys.executable, "-m", "tests.athena_fast", "--data-dir", str(d), "demo", "--clients", "30"],
                   env=env, check=True, capture_output=True)
    marker = "Hemlig-markör-ÅÄÖ-7f3a9"
    script = textwrap.dedent(f"""
        from app.services.clients import clients
        from app.services.clients import entries
        from app.services.context import open_diary
        from app.services.clients.entries import EntryInput
        from app.storage import vault
        store = vault.unlock({str(d)!r}, {PASS!r})
        diary = open_diary(store)
        cid = clients.list_clients(diary, limit=1).items[0].id
        entries.add_entry(diary, cid, EntryInput({marker!r}, ["support_talk"]), sign=True)
        store.close()
    """)
    subprocess.run([sys.executable, "-c", script], env=env, check=True, capture_output=True)
    out = subprocess.run([sys.executable, "-m", "app", "--data-dir", str(d), "export", "--all"], env=env,
                         check=True, capture_output=True, text=True).stdout
    names = [c["client"]["name"] for c in json.loads(out)["clients"]]
    assert len(names) == 30
    # A second, still-open connection with a WAL must not leak either: check while a store is open too.
    store = vault.unlock(d, PASS)
    try:
        # Surnames of 6+ letters too (shorter byte strings occur by chance in ciphertext).
        surnames = {n.split()[-1] for n in names if len(n.split()[-1]) >= 6}
        needles = [marker.encode(), *(n.encode() for n in names), *(s.encode() for s in surnames)]
        files = _files(d) + _files(tmp)
        assert any(p.name == "diary.db-wal" for p in files) or any(p.name == "diary.db" for p in files)
        for path in files:
            blob = path.read_bytes()
            for needle in needles:
                assert needle not in blob, f"plaintext in {path.name}"
    finally:
        store.close()
