"""Indexes for the period report over a big diary.

* Kinds of support: who had which kind in a period within one calendar year is read from the entries of that
  year alone, in the order of ``(kind, client_id)``, so the (woman, kind) pairs come out of the index already
  distinct instead of going through a temporary B-tree per entry of the period (and the cost follows the
  year's entries, not the whole history).
* The women's track only: the short list of clients of other tracks is read from ``clients(compartment, id)``
  instead of a scan of the whole clients table.
* Extensions: a decision's latest end and the extensions granted in a period are read from covering indexes.

Revision ID: 1200
Revises: 1100
"""
from alembic import op

revision = "1200"
down_revision = "1100"
branch_labels = None
depends_on = None

_INDEXES = (
    ("ix_diary_entry_kinds_year", "diary_entry_kinds(substr(event_on, 1, 4), kind, client_id, event_on)"),
    ("ix_clients_compartment", "clients(compartment, id)"),
    ("ix_extensions_decision_end", "extensions(decision_id, new_ends_on)"),
    ("ix_extensions_granted", "extensions(granted_on, compartment, decision_id)"),
)


def upgrade() -> None:
    for name, on in _INDEXES:
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {on}")


def downgrade() -> None:
    for name, _ in _INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
