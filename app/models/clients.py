"""Clients (den stödsökande) and the people around them."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Record


class ProtectedIdentity(StrEnum):
    NONE = "none"
    CONFIDENTIALITY_MARKING = "confidentiality_marking"  # sekretessmarkering
    PROTECTED_REGISTRATION = "protected_registration"  # skyddad folkbokföring
    FICTITIOUS_IDENTITY = "fictitious_identity"  # fingerade personuppgifter


class Client(Record):
    __tablename__ = "clients"

    name: Mapped[str] = mapped_column(String(200))
    personal_number: Mapped[str | None] = mapped_column(String(13), default=None)
    protected_identity: Mapped[str] = mapped_column(String(32), default=ProtectedIdentity.NONE.value)
    languages: Mapped[str] = mapped_column(String(200), default="sv")  # comma-separated ISO 639-1 codes
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    interpreter_language: Mapped[str] = mapped_column(String(8), default="")  # code, e.g. "ti"
    # The interpreter must not be a relative and not from her own community (who might carry word back).
    interpreter_independent: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    contact_note: Mapped[str] = mapped_column(Text, default="")  # e.g. "only call on weekdays 9-11"
    worker: Mapped[str] = mapped_column(String(200), default="")  # responsible worker ("my cases")
    # Lower-cased name kept for fast prefix/substring search; maintained by the services.
    name_key: Mapped[str] = mapped_column(String(200), default="", index=True)


class Safety(StrEnum):
    SAFE = "safe"
    UNSAFE = "unsafe"
    UNKNOWN = "unknown"


class NetworkContact(Record):
    __tablename__ = "network_contacts"

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[str] = mapped_column(String(100), default="")
    safety: Mapped[str] = mapped_column(String(16), default=Safety.UNKNOWN.value)
    how_to_reach: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class TrappanStatus(StrEnum):
    NOT_INFORMED = "not_informed"
    INFORMED = "informed"
    LINKED = "linked"
    DECLINED = "declined"


class Child(Record):
    __tablename__ = "children"

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    birth_year: Mapped[int | None] = mapped_column(Integer, default=None)
    trappan_status: Mapped[str] = mapped_column(String(16), default=TrappanStatus.NOT_INFORMED.value)
    trappan_informed_on: Mapped[date | None] = mapped_column(Date, default=None)
    trappan_linked_on: Mapped[date | None] = mapped_column(Date, default=None)
    trappan_declined_reason: Mapped[str] = mapped_column(String(300), default="")
    guardian_consent: Mapped[str] = mapped_column(String(8), default="unknown")  # yes / no / unknown
    note: Mapped[str] = mapped_column(Text, default="")
