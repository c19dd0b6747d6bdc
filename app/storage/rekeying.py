"""Changing a diary's passphrase, and replacing its database key (re-encrypting the diary and its backups)
so that a crash at any point leaves a diary that opens with the passphrase."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from app.errors import DiaryDamaged, StorageError, WrongPassphrase
from app.storage import backups, keyfile, layout, recovery
from app.storage.engine import open_raw
from app.storage.keyfile import KdfParams, KeyFile
from app.storage.private_files import fsync_dir
from app.storage.restore_point import backup_folders


def change_passphrase(data_dir: Path, old: str, new: str, params: KdfParams | None = None) -> None:
    """Re-wrap the same database key under a new passphrase. The database file is not touched; the key
    copies beside the backups are replaced, so the old passphrase opens no backup either."""
    kf, db_key = keyfile.unwrap_folder(data_dir, old)
    kf.main = keyfile.wrap_with_passphrase(db_key, new, params or kf.main.params)
    kf.save(layout.key_path(Path(data_dir)))
    for folder in backup_folders(Path(data_dir)):
        backups.copy_key(layout.key_path(Path(data_dir)), folder, kf.diary_id)


def reencrypt(data_dir: Path, passphrase: str, kf: KeyFile, old_key: bytes,
              folders: list[Path]) -> tuple[KeyFile, bytes]:
    """Replace the closed diary's database key with a new random one (``vault.rekey`` takes a backup and
    closes the diary first); returns the key file and the new key to open it with.

    Writes an encrypted copy of the database and of every backup under the new key, records the new key as
    ``pending`` in the key file, swaps the files, then promotes the pending key. A crash at any point leaves a
    diary (and backups) that unlock with the passphrase; afterwards no backup opens with the old key.
    """
    new_key = secrets.token_bytes(keyfile.KEY_BYTES)
    tmp = layout.rekey_path(data_dir)
    tmp.unlink(missing_ok=True)
    src = open_raw(layout.db_path(data_dir), old_key)
    try:
        src.execute(f"ATTACH DATABASE ? AS rekeyed KEY \"x'{new_key.hex()}'\"", (str(tmp),))
        src.execute("SELECT sqlcipher_export('rekeyed')")
        ver = src.execute("PRAGMA user_version").fetchone()[0]
        src.execute(f"PRAGMA rekeyed.user_version = {int(ver)}")
        src.execute("DETACH DATABASE rekeyed")
    except Exception as exc:
        tmp.unlink(missing_ok=True)
        if layout.is_disk_full(exc):
            raise layout.disk_full("the re-encrypted diary") from None
        raise StorageError("The diary could not be re-encrypted; nothing was changed.") from None
    finally:
        src.close()
    layout.make_private(tmp)
    check = open_raw(tmp, new_key)
    try:
        ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        check.close()
    if not ok:
        tmp.unlink(missing_ok=True)
        raise StorageError("The re-encrypted copy failed its check; nothing was changed.")
    try:
        backups.prepare_rekey(folders, kf.diary_id, old_key, new_key)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    kf.pending = keyfile.wrap_with_passphrase(new_key, passphrase, kf.main.params)
    kf.save(layout.key_path(data_dir))
    new_recovery = recovery.reseal(kf.recovery, new_key, kf.diary_id)
    for side in layout.sidecars(layout.db_path(data_dir)):
        side.unlink(missing_ok=True)
    os.replace(tmp, layout.db_path(data_dir))
    fsync_dir(data_dir)
    backups.finish_rekey(folders, kf.diary_id, keep_new=True)
    kf.main, kf.pending, kf.recovery = kf.pending, None, new_recovery
    kf.save(layout.key_path(data_dir))
    for folder in folders:
        backups.copy_key(layout.key_path(data_dir), folder, kf.diary_id)
    return kf, new_key


def finish_interrupted(data_dir: Path, kf: KeyFile, passphrase: str, main_key: bytes) -> bytes:
    """A rekey stopped half-way: find which key the database file is under and make it the main one."""
    assert kf.pending is not None
    pending_key = keyfile.unwrap(kf.pending, keyfile.derive_kek(passphrase, kf.pending.salt,
                                                                 kf.pending.params))
    for key, slot in ((main_key, kf.main), (pending_key, kf.pending)):
        try:
            open_raw(layout.db_path(data_dir), key).close()
        except WrongPassphrase:
            continue
        backups.finish_rekey(backup_folders(data_dir), kf.diary_id, keep_new=key is pending_key)
        kf.main, kf.pending = slot, None
        kf.save(layout.key_path(data_dir))
        layout.rekey_path(data_dir).unlink(missing_ok=True)
        return key
    raise DiaryDamaged("The diary file matches neither key; restore it from a backup.")
