"""The one writer for every file that can hold client data: exports, reports, PDFs, screenshots, backups, keys.

``write_private`` creates or replaces the file so that it is readable by its owner only (0600) whatever mode an
old file had, and so that a crash or a failed write leaves either the old content or the new, never half and
never a stray copy: the data goes to a temporary file in the same folder (created 0600, exclusively, under a
neutral name), is fsynced, renamed over the target, and the folder is fsynced so the rename itself survives.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from app.errors import StorageError

Chunks = bytes | str | Iterable[bytes | str]


def write_private(path: str | os.PathLike[str], data: Chunks) -> Path:
    """Write ``data`` (bytes, text as UTF-8, or an iterable of such pieces) to ``path``, atomically, mode 0600.

    Pieces are written as they come, so a big export never needs to be one string in memory. On any failure
    the target is left as it was, the temporary file is removed and ``StorageError`` says the file cannot be
    written (the path is not in the message: a file name can name a client)."""
    if not os.fspath(path) or os.fspath(path) == "-":
        raise StorageError("Choose a file to write to.")
    target = Path(path)
    folder = target.parent
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".athena-", suffix=".part")  # O_EXCL, mode 0600
    except OSError:
        raise StorageError("The file cannot be written.") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            for piece in _pieces(data):
                f.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise StorageError("The file cannot be written.") from None
        raise
    fsync_dir(folder)
    return target


def copy_private(source: str | os.PathLike[str], target: str | os.PathLike[str], *,
                 chunk_size: int = 1 << 20) -> Path:
    """A copy of ``source`` (e.g. the encrypted database for a backup) written like ``write_private``."""
    def chunks() -> Iterator[bytes]:
        with open(source, "rb") as f:
            while piece := f.read(chunk_size):
                yield piece

    return write_private(target, chunks())


def _pieces(data: Chunks) -> Iterable[bytes | str]:
    if isinstance(data, bytes | str):
        return (data,)
    return data


def fsync_dir(path: str | os.PathLike[str]) -> None:
    """Make a rename in ``path`` durable (best effort: some file systems cannot fsync a folder)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
