"""A diary entry's search-index row, its kinds and the year summary filled set-based when sync inserts many new
entries at once (``app/sync/derived.py``), instead of by the per-row insert triggers.

* ``derived_deferred``: while it holds row 1, the two insert triggers that derive rows from a new entry
  (``diary_entries_ai``: its full-text row and kinds; ``support_kind_years_ai``: the year summary of a kind) do
  nothing; row 2 means a set-based fill is due. Its rows only ever exist inside the write transaction of a
  bulk insert, until the set-based fill of exactly the rows it inserted. They can never be committed: ``guard``
  points at a row that does not exist, under a deferred foreign key, so SQLite refuses the COMMIT of any
  transaction that still holds one ("FOREIGN KEY constraint failed") and the transaction can only roll back.
* While row 2 is there, an entry inserted after it (rowid above its ``after_rowid``) cannot be updated or
  deleted (``diary_entries_pending_bu``/``_bd`` abort): the update and delete triggers would take an FTS row
  out that was never put in, which damages the index.
* The triggers' bodies are those of migrations 0002 and 1200; the update and delete triggers are unchanged.

Revision ID: 1600
Revises: 1500
"""
from alembic import op

revision = "1600"
down_revision = "1500"
branch_labels = None
depends_on = None

_KINDS_SELECT = (
    "SELECT 'practical_support' AS kind UNION ALL SELECT 'support_talk' "
    "UNION ALL SELECT 'civic_information' UNION ALL SELECT 'court_support'"
)
_ENTRY_BODY = (
    "INSERT INTO diary_fts(rowid, text) VALUES (new.rowid, new.text); "
    "INSERT INTO diary_entry_kinds(entry_id, kind, client_id, event_on) "
    f"SELECT new.id, k.kind, new.client_id, new.event_on FROM ({_KINDS_SELECT}) AS k "
    "WHERE instr(',' || new.kinds || ',', ',' || k.kind || ',') > 0;"
)
_YEAR_BODY = (
    "INSERT INTO support_kind_years(year, kind, client_id, entries) "
    "VALUES (substr(new.event_on, 1, 4), new.kind, new.client_id, 1) "
    "ON CONFLICT(year, kind, client_id) DO UPDATE SET entries = entries + 1;"
)
_ON = {
    "diary_entries_ai": "AFTER INSERT ON diary_entries",
    "support_kind_years_ai": "AFTER INSERT ON diary_entry_kinds",
}
_BODY = {"diary_entries_ai": _ENTRY_BODY, "support_kind_years_ai": _YEAR_BODY}
_UNLESS_DEFERRED = "WHEN NOT EXISTS (SELECT 1 FROM derived_deferred WHERE id = 1)"


def _create(name: str, when: str) -> None:
    op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute(f"CREATE TRIGGER {name} {_ON[name]} {when} BEGIN {_BODY[name]} END")


_PENDING = "WHEN old.rowid > (SELECT after_rowid FROM derived_deferred WHERE id = 2) BEGIN " \
           "SELECT RAISE(ABORT, 'diary entry changed before its derived rows were filled'); END"
_GUARDS = {"diary_entries_pending_bu": f"BEFORE UPDATE ON diary_entries {_PENDING}",
           "diary_entries_pending_bd": f"BEFORE DELETE ON diary_entries {_PENDING}"}


def upgrade() -> None:
    op.execute("""
        CREATE TABLE IF NOT EXISTS derived_deferred (
            id INTEGER PRIMARY KEY,
            guard INTEGER NOT NULL REFERENCES derived_deferred(id) DEFERRABLE INITIALLY DEFERRED,
            after_rowid INTEGER)""")
    for name in _ON:
        _create(name, _UNLESS_DEFERRED)
    for name, body in _GUARDS.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in _GUARDS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name in _ON:
        _create(name, "")
    op.execute("DROP TABLE IF EXISTS derived_deferred")
