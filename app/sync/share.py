"""The storage interface the sync writes through (backends: folder.py, smb.py; factory: backends.py).

A share is a tree of folders holding small immutable files. The sync needs only: list a folder, read a file,
create a folder, create a file without overwriting (temp name, flush and fsync, read back and verify, rename),
and remove a file in its own folder. A backend (``app.sync.folder.FolderShare``, ``app.sync.smb.SmbShare``; a
WebDAV or S3-compatible one would implement the same primitives) is chosen by ``app.sync.backends.open_share``;
nothing above that factory knows which backend it talks to.
"""

from __future__ import annotations

import contextlib
import secrets
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
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

    def mtime_ms(self, path: str) -> int | None:
        """The time the file server stamped on a file (ms), or None when this backend cannot say."""
        return None

    # --- what the sync uses --------------------------------------------------------------------------
    def server_time_ms(self, folder: str) -> int | None:
        """The file server's clock now, read from a new empty temp file's time stamp (then removed)."""
        tmp = f"{folder}/{TEMP_PREFIX}{secrets.token_hex(8)}"
        try:
            self._retry(lambda: self.write_temp(tmp, b""))
            return self.mtime_ms(tmp)
        finally:
            self._quiet_remove(tmp)

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
