"""Schema migrations with Alembic, run at unlock on the already-keyed connection.

Before an upgrade the diary is backed up (still encrypted, verified; see ``backups.py``); a diary whose schema
revision this release does not know was written by a newer Athena and is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from app.errors import DiaryTooNew
from app.storage.engine import WRITE_OPTION

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head() -> str:
    heads = ScriptDirectory.from_config(config()).get_heads()
    assert len(heads) == 1, "migrations must have one head"
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        rev = MigrationContext.configure(conn).get_current_revision()
        conn.rollback()
    return rev


def upgrade(engine: Engine, data_dir: Path | None, target: str = "head",
            before: Callable[[str], Any] | None = None) -> None:
    """Bring the schema to ``target``. ``before("migration")`` takes a verified backup first when an existing
    diary is about to change; a failed backup stops the upgrade with the diary untouched."""
    script = ScriptDirectory.from_config(config())
    current = current_revision(engine)
    if current is not None:
        try:
            script.get_revision(current)
        except Exception:
            raise DiaryTooNew("This diary was made by a newer version of Athena. Update Athena to open it.")
    wanted = script.get_revision(target).revision if target != "head" else head()
    if current == wanted:
        return
    if current is not None and before is not None:
        before("migration")
    cfg = config()
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
