"""The storage interface the sync writes through, and the local-folder backend.

A share is a tree of folders holding small immutable files. The sync needs only: list a folder, read a file,
create a folder, create a file without overwriting (temp name, flush and fsync, read back and verify, rename),
and remove a file in its own folder. A WebDAV or S3-compatible backend implements the five primitives of
``Share``; nothing above this module knows which backend it talks to.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from app.sync.errors import AlreadyExists, ShareUnavailable, TransientShareError

T = TypeVar("T")
TEMP_PREFIX = ".tmp-"
MAX_FILE_BYTES = 64 * 1024 * 1024
RETRIES = 6
RETRY_BASE_S = 0.05


def is_temp(name: str) -> bool:
    return name.startswith(TEMP_PREFIX)


class Share(ABC):
    """A place on a file server or object store. Paths are '/'-separated and relative to the root."""

    retries: int = RETRIES
    retry_base_s: float = RETRY_BASE_S

    # --- primitives a backend implements -------------------------------------------------------------
    @abstractmethod
    def describe(self) -> str:
        """Where this share is, for messages (no credentials)."""

    @abstractmethod
    def list_dir(self, path: str) -> list[str] | None:
        """Names in a folder, or None when the folder does not exist. Raises ShareUnavailable."""

    @abstractmethod
    def read(self, path: str, max_bytes: int = MAX_FILE_BYTES) -> bytes:
        """A whole file; raises ShareUnavailable when missing or larger than ``max_bytes``."""

    @abstractmethod
    def mkdir(self, path: str) -> None:
        """Create a folder (and its parents); no error when it exists."""

    @abstractmethod
    def write_temp(self, path: str, data: bytes) -> None:
        """Write a new file under a temp name, flushed and fsynced."""

    @abstractmethod
    def rename_noreplace(self, src: str, dst: str) -> None:
        """Rename; raises AlreadyExists if ``dst`` exists, TransientShareError on sharing violations."""

    @abstractmethod
    def remove(self, path: str) -> None:
        """Remove a file; no error when it is already gone."""

    # --- what the sync uses --------------------------------------------------------------------------
    def exists_root(self) -> bool:
        return self.list_dir("") is not None

    def write_new(self, folder: str, name: str, data: bytes) -> None:
        """Create ``folder/name`` with ``data`` without ever overwriting; idempotent for equal content."""
        tmp = f"{folder}/{TEMP_PREFIX}{secrets.token_hex(8)}"
        self._retry(lambda: self.write_temp(tmp, data))
        try:
            back = self._retry(lambda: self.read(tmp))
            if back != data:
                raise ShareUnavailable("A file written to the share read back differently; it was discarded.")
            self._retry(lambda: self.rename_noreplace(tmp, f"{folder}/{name}"))
        except AlreadyExists:
            existing = self._retry(lambda: self.read(f"{folder}/{name}"))
            if existing != data:
                raise
        finally:
            self._quiet_remove(tmp)

    def _quiet_remove(self, path: str) -> None:
        with contextlib.suppress(ShareUnavailable, TransientShareError):
            self.remove(path)

    def _retry(self, fn: Callable[[], T]) -> T:
        delay = self.retry_base_s
        for attempt in range(self.retries):
            try:
                return fn()
            except TransientShareError:
                if attempt == self.retries - 1:
                    raise
                time.sleep(delay)
                delay *= 2
        raise AssertionError("unreachable")


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
        fd = os.open(self._p(dst).parent, os.O_RDONLY)
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

    def remove(self, path: str) -> None:
        try:
            self._p(path).unlink(missing_ok=True)
        except PermissionError:
            raise TransientShareError("The share refused to remove a file; retrying.") from None
        except OSError:
            raise ShareUnavailable("Removing a file on the share failed.") from None


def open_share(location: str) -> Share:
    """A share from what the worker typed: a folder path, a UNC path, or an ``smb://`` URL."""
    if location.lower().startswith("smb://"):
        from app.sync.smb import SmbShare

        return SmbShare.from_url(location)
    return FolderShare(Path(location))
