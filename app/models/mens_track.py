"""The men's track: men who use violence, and the VASKA talks held with them. Compartment ``men`` only."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Compartment, Record


class MenStatus(StrEnum):
    CONTACT = "contact"
    REGISTERED = "registered"  # more than two or three talks: a client case of his own
    REFERRED_ON = "referred_on"
    NOT_MOTIVATED = "not_motivated"
    CLOSED = "closed"


class MenClient(Record):
    __tablename__ = "men_clients"

    name: Mapped[str] = mapped_column(String(200))
    personal_number: Mapped[str | None] = mapped_column(String(13), default=None)
    phone: Mapped[str] = mapped_column(String(50), default="")
    district: Mapped[str] = mapped_column(String(100), default="")
    referred_by: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(16), default=MenStatus.CONTACT.value)
    first_contact_on: Mapped[date | None] = mapped_column(Date, default=None)
    referred_on_to: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    name_key: Mapped[str] = mapped_column(String(200), default="", index=True)

    def __init__(self, **kw: object) -> None:
        kw.setdefault("compartment", Compartment.MEN.value)
        super().__init__(**kw)


class MenTalk(Record):
    __tablename__ = "men_talks"

    men_client_id: Mapped[str] = mapped_column(ForeignKey("men_clients.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    number: Mapped[int] = mapped_column(Integer, default=1)
    themes: Mapped[str] = mapped_column(String(120), default="")  # VASKA parts, comma-separated
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    text: Mapped[str] = mapped_column(Text, default="")
    author_name: Mapped[str] = mapped_column(String(200), default="")

    def __init__(self, **kw: object) -> None:
        kw.setdefault("compartment", Compartment.MEN.value)
        super().__init__(**kw)
