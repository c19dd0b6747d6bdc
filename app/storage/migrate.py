"""Schema migrations with Alembic, run at unlock on the already-keyed connection.

Before an upgrade the diary is copied (still encrypted) to ``backups/``; a diary whose schema revision this
release does not know was written by a newer Athena and is refused.
"""

from __future__ import annotations

from pathlib import Path

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


def upgrade(engine: Engine, data_dir: Path | None, target: str = "head") -> None:
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
    if current is not None and data_dir is not None:
        from app.storage.vault import backup_copy

        backup_copy(engine, data_dir, f"before-{wanted}")
    cfg = config()
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
