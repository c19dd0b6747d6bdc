"""A damaged diary is named as damaged (with the way to restore), never re-created, and left untouched."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.errors import DiaryDamaged, DiaryExists, WrongPassphrase
from app.models import Client
from app.storage import layout, vault
from app.storage.changefeed import Identity
from app.storage.keyfile import KdfParams

from .conftest import PASSPHRASE


def _snapshot(d: Path) -> dict[str, bytes]:
    return {str(p.relative_to(d)): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()}


def _filled(data_dir: Path, clients: int = 60) -> None:
    s = vault.create(data_dir, PASSPHRASE, KdfParams.fast_for_tests())
    with s.write(Identity("Test", s.device_id)) as session:
        for i in range(clients):
            session.add(Client(name=f"Lena Svensson {i}", name_key=f"lena svensson {i}"))
    s.checkpoint()
    s.close()


def _assert_damaged_and_untouched(data_dir: Path) -> None:
    before = _snapshot(data_dir)
    with pytest.raises(DiaryDamaged) as err:
        vault.unlock(data_dir, PASSPHRASE)
    message = str(err.value)
    assert "damaged" in message and "athena restore" in message
    assert "passphrase is wrong" not in message.lower() and "Lena" not in message
    assert _snapshot(data_dir) == before
    # Nor may creating a diary over it ever be possible.
    with pytest.raises(DiaryExists):
        vault.create(data_dir, PASSPHRASE, KdfParams.fast_for_tests())
    assert _snapshot(data_dir) == before


def test_zero_byte_database_is_refused_never_recreated(data_dir: Path) -> None:
    _filled(data_dir)
    (data_dir / "diary.db").write_bytes(b"")
    _assert_damaged_and_untouched(data_dir)
    assert (data_dir / "diary.db").stat().st_size == 0


@pytest.mark.parametrize("cut", ["half", "page", "one-page"])
def test_truncated_database_is_refused(data_dir: Path, cut: str) -> None:
    _filled(data_dir, clients=400)
    db = data_dir / "diary.db"
    size = db.stat().st_size
    assert size >= 8 * layout.PAGE_SIZE
    new = {"half": size // 2 + 123, "page": (size // 2 // layout.PAGE_SIZE) * layout.PAGE_SIZE,
           "one-page": layout.PAGE_SIZE}[cut]
    with open(db, "rb+") as f:
        f.truncate(new)
    _assert_damaged_and_untouched(data_dir)


def test_first_page_damaged_is_damage_not_a_wrong_passphrase(data_dir: Path) -> None:
    _filled(data_dir)
    db = data_dir / "diary.db"
    raw = bytearray(db.read_bytes())
    raw[200] ^= 0x01  # one flipped bit inside page 1 (after the plaintext salt and header)
    db.write_bytes(bytes(raw))
    _assert_damaged_and_untouched(data_dir)
    # A wrong passphrase is still called that.
    with pytest.raises(WrongPassphrase):
        vault.unlock(data_dir, "inte lösenfrasen alls")


def test_database_with_no_schema_is_refused(data_dir: Path) -> None:
    _filled(data_dir)
    from app.storage import keyfile
    from app.storage.engine import open_raw

    _kf, key = keyfile.unwrap_folder(data_dir, PASSPHRASE)
    for p in (data_dir / "diary.db", *layout.sidecars(data_dir / "diary.db")):
        p.unlink(missing_ok=True)
    conn = open_raw(data_dir / "diary.db", key, create=True)
    conn.execute("CREATE TABLE x (a)")  # a keyed file holding something else entirely
    conn.execute("DROP TABLE x")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    _assert_damaged_and_untouched(data_dir)


def test_missing_database_or_key_file_is_damage(data_dir: Path) -> None:
    _filled(data_dir)
    key = (data_dir / "diary.key").read_bytes()
    (data_dir / "diary.key").unlink()
    _assert_damaged_and_untouched(data_dir)
    (data_dir / "diary.key").write_bytes(key)
    (data_dir / "diary.db").unlink()
    _assert_damaged_and_untouched(data_dir)


def test_diary_files_are_private(data_dir: Path) -> None:
    old = os.umask(0o022)
    try:
        _filled(data_dir)
        s = vault.unlock(data_dir, PASSPHRASE)
        with s.write(Identity("Test", s.device_id)) as session:
            session.add(Client(name="Maria", name_key="maria"))
        files = [p for p in data_dir.rglob("*") if p.is_file()]
        assert any(p.name == "diary.db-wal" for p in files)
        for p in files:
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, p.name
        s.close()
    finally:
        os.umask(old)


def test_an_older_world_readable_diary_is_made_private_at_unlock(data_dir: Path) -> None:
    _filled(data_dir)
    (data_dir / "diary.db").chmod(0o644)
    vault.unlock(data_dir, PASSPHRASE).close()
    assert stat.S_IMODE((data_dir / "diary.db").stat().st_mode) == 0o600


def test_leftovers_of_interrupted_operations_are_cleaned_at_next_unlock(data_dir: Path) -> None:
    _filled(data_dir)
    leftovers = ["diary.db.rekey", "diary.db.rekey-journal", "diary.key.tmp", "diary.db.restore",
                 "backups/athena-x-20260101T000000Z-manual.db.tmp"]
    (data_dir / "backups").mkdir(exist_ok=True)
    for name in leftovers:
        (data_dir / name).write_bytes(os.urandom(64))
    vault.unlock(data_dir, PASSPHRASE).close()
    for name in leftovers:
        assert not (data_dir / name).exists(), name


def test_a_pending_rekey_copy_is_not_cleaned_before_the_rekey_is_finished(data_dir: Path) -> None:
    _filled(data_dir)
    (data_dir / "diary.db.rekey").write_bytes(b"x")
    kf_text = (data_dir / "diary.key").read_text(encoding="utf-8").replace('"main"', '"pending": {}, "main"', 1)
    (data_dir / "diary.key").write_text(kf_text, encoding="utf-8")
    # An empty pending slot is falsy for the cleaner's check, so make it look real.
    import json

    d = json.loads((data_dir / "diary.key").read_text(encoding="utf-8"))
    d["pending"] = d["main"]
    (data_dir / "diary.key").write_text(json.dumps(d), encoding="utf-8")
    assert layout.clean_leftovers(data_dir) == []
    assert (data_dir / "diary.db.rekey").exists()


def test_screenshot_temp_folders_left_by_a_crash_are_removed(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    old = tmp_path / (layout.SCREENSHOT_PREFIX + "old")
    old.mkdir()
    (old / "prefs.ini").write_text("x")
    os.utime(old, (0, 0))
    fresh = tmp_path / (layout.SCREENSHOT_PREFIX + "running")
    fresh.mkdir()
    assert layout.clean_screenshot_folders() == [old.name]
    assert not old.exists() and fresh.exists()


def test_the_test_kdf_switch_has_no_effect_outside_the_test_suite(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = ("import json, sys; from app.storage import vault; "
            "s = vault.create(sys.argv[1], 'korrekt häst batteri häftklammer'); s.close(); "
            "print(json.load(open(sys.argv[1] + '/diary.key'))['main']['memory_kib'])")
    env = {**os.environ, "ATHENA_TEST_FAST_KDF": "1"}
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "d")], env=env, check=True,
                         capture_output=True, text=True).stdout
    assert int(out) == KdfParams().memory_kib == 64 * 1024
