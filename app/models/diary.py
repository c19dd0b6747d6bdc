"""Diary entries (journalanteckningar): dated, factual, signed entries; corrections are new entries."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Record


class SupportKind(StrEnum):
    PRACTICAL_SUPPORT = "practical_support"
    SUPPORT_TALK = "support_talk"
    CIVIC_INFORMATION = "civic_information"
    COURT_SUPPORT = "court_support"


class Activity(StrEnum):
    NONE = ""
    MEETING = "meeting"
    PHONE = "phone"
    POLICE_REPORT = "police_report"
    HEALTH_CARE = "health_care"
    DENTIST = "dentist"
    BANK = "bank"
    AUTHORITY_VISIT = "authority_visit"
    COURT = "court"
    HOUSING = "housing"
    OTHER = "other"


class DiaryEntry(Record):
    __tablename__ = "diary_entries"

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), default=None, index=True)
    event_on: Mapped[date] = mapped_column(Date, index=True)
    written_at: Mapped[datetime] = mapped_column(DateTime)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=0)
    kinds: Mapped[str] = mapped_column(String(120), default="")  # comma-separated SupportKind values
    activity: Mapped[str] = mapped_column(String(32), default="")
    text: Mapped[str] = mapped_column(Text)
    author_name: Mapped[str] = mapped_column(String(200))
    author_title: Mapped[str] = mapped_column(String(200), default="")
    signed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    corrects_id: Mapped[str | None] = mapped_column(ForeignKey("diary_entries.id"), default=None, index=True)


class DiaryEntryKind(Base):
    """One row per (entry, kind of support): what the statistics count.

    Derived from ``DiaryEntry.kinds`` by SQL triggers (see the first migration), so it is never written by
    hand and never travels in the change feed.
    """

    __tablename__ = "diary_entry_kinds"

    entry_id: Mapped[str] = mapped_column(
        ForeignKey("diary_entries.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    client_id: Mapped[str] = mapped_column(String(36), index=True)
    event_on: Mapped[date] = mapped_column(Date, index=True)
