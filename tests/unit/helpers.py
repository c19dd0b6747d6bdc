from __future__ import annotations

from sqlalchemy import func, select

from app.models import Change
from app.services.context import Diary


def change_count(diary: Diary) -> int:
    with diary.read() as s:
        return s.scalar(select(func.count()).select_from(Change)) or 0


def row_count(diary: Diary, model: type) -> int:
    with diary.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0
