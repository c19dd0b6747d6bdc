"""The local-folder backend: a local, mounted or UNC folder (a mapped drive on Windows)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from app.sync.errors import AlreadyExists, ShareUnavailable, TransientShareError
from app.sync.share import MAX_FILE_BYTES, Share

_TRANSIENT_ERRNOS = {errno.EBUSY, errno.EAGAIN, errno.EACCES, errno.ETXTBSY}


class FolderShare(Share):
    """A local or mounted folder (a mapped drive or a UNC path on Windows)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def describe(self) -> str:
        return str(self.root)

    def _p(self, path: str) -> Path:
        return self.root / path if path else self.root

    def list_dir(self, path: str) -> list[str] | None:
        p = self._p(path)
        try:
            return sorted(os.listdir(p))
        except FileNotFoundError:
            return None
        except NotADirectoryError:
            return None
        except OSError:
            raise ShareUnavailable("The share could not be read.") from None

    def read(self, path: str, max_bytes: int = MAX_FILE_BYTES) -> bytes:
        try:
            with open(self._p(path), "rb") as f:
                data = f.read(max_bytes + 1)
        except FileNotFoundError:
            raise ShareUnavailable("A file disappeared from the share while it was read.") from None
        except PermissionError:
            raise TransientShareError("The share refused access to a file; retrying.") from None
        except OSError:
            raise ShareUnavailable("The share could not be read.") from None
        if len(data) > max_bytes:
            raise ShareUnavailable("A file on the share is larger than any file Athena writes.")
        return data

    def mkdir(self, path: str) -> None:
        try:
            self._p(path).mkdir(parents=True, exist_ok=True)
        except OSError:
            raise ShareUnavailable("A folder could not be created on the share.") from None

    def write_temp(self, path: str, data: bytes) -> None:
        try:
            fd = os.open(self._p(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                view = memoryview(data)
                while view:
                    n = os.write(fd, view)
                    view = view[n:]
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            self._quiet_remove(path)
            if exc.errno in _TRANSIENT_ERRNOS:
                raise TransientShareError("The share refused a write; retrying.") from None
            raise ShareUnavailable("Writing to the share failed (read-only or full?).") from None

    def rename_noreplace(self, src: str, dst: str) -> None:
        # A hard link fails when the target exists, which a plain rename on POSIX would not.
        try:
            os.link(self._p(src), self._p(dst))
        except FileExistsError:
            raise AlreadyExists("The file already exists on the share.") from None
        except OSError as exc:
            if exc.errno in _TRANSIENT_ERRNOS:
                raise TransientShareError("The share refused a rename; retrying.") from None
            if exc.errno in (errno.EPERM, errno.ENOTSUP, errno.EXDEV):
                self._rename_checked(src, dst)
                return
            raise ShareUnavailable("Renaming a file on the share failed.") from None
        self._quiet_remove(src)
        try:  # the folder may vanish right after the rename (a share going away): the file is there or not
            fd = os.open(self._p(dst).parent, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)

    def _rename_checked(self, src: str, dst: str) -> None:
        # File systems without hard links (some network mounts): check, then rename.
        if self._p(dst).exists():
            raise AlreadyExists("The file already exists on the share.")
        try:
            os.rename(self._p(src), self._p(dst))
        except OSError:
            raise ShareUnavailable("Renaming a file on the share failed.") from None

    def mtime_ms(self, path: str) -> int | None:
        try:
            return os.stat(self._p(path)).st_mtime_ns // 1_000_000
        except OSError:
            return None

    def remove(self, path: str) -> None:
        try:
            self._p(path).unlink(missing_ok=True)
        except PermissionError:
            raise TransientShareError("The share refused to remove a file; retrying.") from None
        except OSError:
            raise ShareUnavailable("Removing a file on the share failed.") from None
