"""Unsaved text kept while she types: one row per open editor, inside the encrypted diary.

A draft is work in progress on this laptop, not a record: it is not in the change feed, never synced, never
in a report or an export. Saving the real record (or cancelling the editor) removes it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class EditorDraft(Base):
    __tablename__ = "editor_drafts"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)  # e.g. "entry:<client id>"
    editor: Mapped[str] = mapped_column(String(40))  # entry / safety_plan / client_dialog / ... / place
    client_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    compartment: Mapped[str] = mapped_column(String(8), default="")
    content: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    saved_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
