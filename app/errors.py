"""Errors that carry a message fit to show a user, in Swedish and English.

Messages never contain client data: they name fields and rules, not values typed by the worker.
"""

from __future__ import annotations

from app.i18n import tr


class AthenaError(Exception):
    """Base class: ``str(err)`` is the message in the current language."""

    def __init__(self, message_en: str, **params: object) -> None:
        self.message_en = message_en
        self.params = params
        super().__init__(message_en.format(**params) if params else message_en)

    def __str__(self) -> str:
        return self.user_message()

    def user_message(self, lang: str | None = None) -> str:
        if not self.params:
            return tr(self.message_en, lang)
        # String params are field names and other words of the catalogue ("Name" -> "Namn"); numbers stay.
        params = {k: tr(v, lang) if isinstance(v, str) else v for k, v in self.params.items()}
        return tr(self.message_en, lang).format(**params)


class DomainError(AthenaError):
    """Invalid input or an operation the rules forbid. Nothing has been written."""


class NotFound(DomainError):
    pass


class AccessDenied(DomainError):
    """A record of another compartment (track) was asked for."""


class StorageError(AthenaError):
    pass


class WrongPassphrase(StorageError):
    pass


class DiaryTooNew(StorageError):
    pass


class DiaryMissing(StorageError):
    pass


class DiaryExists(StorageError):
    pass


class DiaryDamaged(StorageError):
    """The diary's files cannot be sound (empty, cut off, no schema, or unreadable with the right key)."""


class DiskFull(StorageError):
    """The disk or the user's quota is full; the write was undone."""


class BackupError(StorageError):
    pass
