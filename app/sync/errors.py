"""Sync errors. Messages are English keys for app.i18n.tr and never carry client data."""

from __future__ import annotations

from app.errors import AthenaError


class SyncError(AthenaError):
    """A sync problem that stops the current round; the local diary is untouched."""


class ShareUnavailable(SyncError):
    """The share cannot be reached, is read-only, full, or looks emptied."""


class TransientShareError(SyncError):
    """A passing refusal (sharing violation, lock held by an antivirus scanner): retry shortly."""


class AlreadyExists(SyncError):
    pass


class Rejected(SyncError):
    """A file on the share that must not be applied (damaged, foreign, misplaced, unknown version)."""


class TeamError(SyncError):
    pass
