"""The period report over a big diary: a per-year summary of who had which kind of support, and indexes.

* Kinds of support: ``support_kind_years`` holds, per calendar year, kind and client, how many of the
  client's entries of that year record that kind. Triggers on ``diary_entry_kinds`` (itself kept by the
  triggers on ``diary_entries``) keep it exact in the same transaction as every write, delete, correction,
  sync apply and purge, so a report for whole calendar years reads one row per (woman, kind) instead of every
  entry of the year. It is derived: never synced, never in the change feed.
* The women's track only: the short list of clients of other tracks is read from ``clients(compartment, id)``
  instead of a scan of the whole clients table.
* Extensions: a decision's latest end and the extensions granted in a period are read from covering indexes.

Revision ID: 1200
Revises: 1250
"""
from alembic import op

revision = "1200"
down_revision = "1300"
branch_labels = None
depends_on = None

_INDEXES = (
    ("ix_clients_compartment", "clients(compartment, id)"),
    ("ix_extensions_decision_end", "extensions(decision_id, new_ends_on)"),
    ("ix_extensions_granted", "extensions(granted_on, compartment, decision_id)"),
)
_KEY = ("year = substr({r}.event_on, 1, 4) AND kind = {r}.kind AND client_id = {r}.client_id")
_ADD = ("INSERT INTO support_kind_years(year, kind, client_id, entries) "
        "VALUES (substr({r}.event_on, 1, 4), {r}.kind, {r}.client_id, 1) "
        "ON CONFLICT(year, kind, client_id) DO UPDATE SET entries = entries + 1")
_REMOVE = ("UPDATE support_kind_years SET entries = entries - 1 WHERE " + _KEY + "; "
           "DELETE FROM support_kind_years WHERE " + _KEY + " AND entries <= 0")
TRIGGERS = {
    "support_kind_years_ai": "AFTER INSERT ON diary_entry_kinds BEGIN " + _ADD.format(r="new") + "; END",
    "support_kind_years_ad": "AFTER DELETE ON diary_entry_kinds BEGIN " + _REMOVE.format(r="old") + "; END",
    "support_kind_years_au": ("AFTER UPDATE OF event_on, kind, client_id ON diary_entry_kinds BEGIN "
                              + _REMOVE.format(r="old") + "; " + _ADD.format(r="new") + "; END"),
}


def upgrade() -> None:
    for name, on in _INDEXES:
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {on}")
    op.execute("""
        CREATE TABLE IF NOT EXISTS support_kind_years (
            year TEXT NOT NULL, kind TEXT NOT NULL, client_id TEXT NOT NULL, entries INTEGER NOT NULL,
            PRIMARY KEY (year, kind, client_id)) WITHOUT ROWID""")
    op.execute("DELETE FROM support_kind_years")
    op.execute("""
        INSERT INTO support_kind_years(year, kind, client_id, entries)
        SELECT substr(event_on, 1, 4), kind, client_id, COUNT(*) FROM diary_entry_kinds GROUP BY 1, 2, 3""")
    for name, body in TRIGGERS.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS support_kind_years")
    for name, _ in _INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
