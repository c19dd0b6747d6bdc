"""The one place that knows which share backends exist: ``open_share(location)``."""

from __future__ import annotations

from pathlib import Path

from app.sync.folder import FolderShare
from app.sync.share import Share


def open_share(location: str) -> Share:
    """A share from what the worker typed: a folder path, a UNC path, or an ``smb://`` URL."""
    if location.lower().startswith("smb://"):
        from app.sync.smb import SmbShare  # smbprotocol is imported only when an smb:// share is used

        return SmbShare.from_url(location)
    return FolderShare(Path(location))
