"""One writer for files that can hold client data: 0600 whatever was there before, atomic, nothing left behind."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.errors import StorageError
from app.services.clients import clients
from app.services.context import Diary
from app.storage.private_files import copy_private, write_private
from tests.unit.conftest import PASSPHRASE


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def old_world_readable(path: Path, content: bytes = b"old content") -> Path:
    path.write_bytes(content)
    path.chmod(0o644)
    assert mode(path) == 0o644
    return path


def test_replaces_a_0644_file_with_a_0600_one(tmp_path: Path) -> None:
    target = old_world_readable(tmp_path / "export.json")
    assert write_private(target, "Åsa Öberg\n") == target
    assert mode(target) == 0o600
    assert target.read_text(encoding="utf-8") == "Åsa Öberg\n"
    assert os.listdir(tmp_path) == ["export.json"]


def test_new_file_is_0600_even_with_a_permissive_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        write_private(tmp_path / "new.pdf", b"%PDF-1.4")
    finally:
        os.umask(old)
    assert mode(tmp_path / "new.pdf") == 0o600


def test_pieces_are_written_in_order(tmp_path: Path) -> None:
    write_private(tmp_path / "a.txt", iter(["{", b"\"x\": ", "1}"]))
    assert json.loads((tmp_path / "a.txt").read_text(encoding="utf-8")) == {"x": 1}


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = old_world_readable(tmp_path / "report.csv")

    def pieces() -> Iterator[str]:
        yield "half of the new"
        raise OSError(28, "No space left on device")

    with pytest.raises(StorageError) as err:
        write_private(target, pieces())
    assert "report.csv" not in str(err.value)  # a file name can name a client
    assert target.read_bytes() == b"old content" and mode(target) == 0o644
    assert os.listdir(tmp_path) == ["report.csv"]


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = old_world_readable(tmp_path / "all.json")

    def pieces() -> Iterator[str]:
        yield "{"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_private(target, pieces())
    assert target.read_bytes() == b"old content"
    assert os.listdir(tmp_path) == ["all.json"]


def test_a_folder_that_cannot_be_written_says_so(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="cannot be written"):
        write_private(tmp_path / "no such folder" / "x.pdf", b"%PDF")
    with pytest.raises(StorageError):
        write_private("-", b"x")


def test_a_backup_copy_is_private_and_complete(tmp_path: Path) -> None:
    source = tmp_path / "diary.db"
    source.write_bytes(bytes(range(256)) * 10_000)  # 2.5 MB: several chunks
    target = old_world_readable(tmp_path / "backups-diary.db")
    copy_private(source, target, chunk_size=1 << 16)
    assert target.read_bytes() == source.read_bytes() and mode(target) == 0o600
    with pytest.raises(StorageError):
        copy_private(tmp_path / "missing.db", target)
    assert target.read_bytes() == source.read_bytes()
    assert sorted(os.listdir(tmp_path)) == ["backups-diary.db", "diary.db"]


@pytest.fixture
def cli(diary: Diary, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("ATHENA_PASSPHRASE", PASSPHRASE)
    return ["--data-dir", str(data_dir), "--lang", "en"]


def test_export_report_and_print_over_an_old_0644_file_leave_0600(cli: list[str], diary: Diary,
                                                                  tmp_path: Path) -> None:
    client = clients.create_client(diary, clients.ClientInput(name="Åsa Öberg", languages="sv"))
    out = tmp_path / "out"
    out.mkdir()
    files = {name: old_world_readable(out / name) for name in ("export.json", "report.csv", "record.pdf",
                                                               "trail.csv")}
    assert main([*cli, "export", "--all", "-o", str(files["export.json"])]) == 0
    assert main([*cli, "report", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "csv",
                 "-o", str(files["report.csv"])]) == 0
    assert main([*cli, "print", "record", client.id, "-o", str(files["record.pdf"])]) == 0
    assert main([*cli, "audit", "--format", "csv", "-o", str(files["trail.csv"])]) == 0
    for path in files.values():
        assert mode(path) == 0o600, path.name
        assert path.read_bytes() != b"old content"
    assert json.loads(files["export.json"].read_text(encoding="utf-8"))["clients"][0]["client"]["name"] == \
        "Åsa Öberg"
    assert files["record.pdf"].read_bytes().startswith(b"%PDF")
    assert sorted(os.listdir(out)) == sorted(files)  # no temporary files beside them


def test_the_backup_before_an_upgrade_is_private_and_encrypted(diary: Diary, data_dir: Path) -> None:
    from app.storage import vault

    clients.create_client(diary, clients.ClientInput(name="Åsa Öberg"))
    backup = diary.store.backup("migration")[0].path
    assert mode(backup) == 0o600 and backup.stat().st_size > 0
    assert not vault.plain_text_probe(backup)
    assert b"\xc3\x85sa" not in backup.read_bytes()  # "Åsa" nowhere in plaintext
    # Beside it only the key copy (the wrapped key, as private as diary.key), no temporary file.
    assert sorted(os.listdir(backup.parent)) == sorted([backup.name, f"athena-{backup.name.split('-')[1]}.key"])
    assert mode(backup.parent / f"athena-{backup.name.split('-')[1]}.key") == 0o600


# Files allowed to create files themselves, and why. Everything else goes through app.storage.private_files.
OTHER_WRITERS = {
    "app/storage/private_files.py": "the writer itself",
    "app/sync/share.py": "sealed segments on the share: temp name, fsync, rename without overwrite",
    "app/ui/i18n_build.py": "builds the .qm translations (no client data)",
    "app/commands/recovery.py": "the officer's key pair: the private key never replaces an existing file",
    "app/storage/layout.py": "an empty 0600 file, created exclusively, for SQLite to fill (a new diary, a backup)",
    "app/storage/backups.py": "encrypted database copies (SQLite's backup API, whole-file copies of a verified "
                              "backup): 0600, fsynced, verified, then renamed",
}
WRITES = ("os.open(", ".write_bytes(", ".write_text(", "shutil.copy", "os.fdopen(")


def test_no_other_module_writes_files() -> None:
    import re

    root = Path(__file__).resolve().parents[2]
    opened_for_writing = re.compile(r"""\bopen\([^)]*["'][rwax]*[wax+][b]?["']""")
    found = []
    for path in sorted((root / "app").rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel in OTHER_WRITERS or "/migrations/" in rel:
            continue
        text = path.read_text(encoding="utf-8")
        if any(w in text for w in WRITES) or opened_for_writing.search(text):
            found.append(rel)
    assert found == [], "write client files with app.storage.private_files.write_private"
