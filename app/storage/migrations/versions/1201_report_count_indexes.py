"""Covering indexes for the period report's counts of cases referred and closed (a range of each) and of children informed about
or linked to Trappan: each is one pass over a small index instead of over the wide rows of its table.

Revision ID: 1201
Revises: 1200
"""
from alembic import op

revision = "1201"
down_revision = "1200"
branch_labels = None
depends_on = None

_INDEXES = (
    ("ix_cases_report_dates", "cases(compartment, referred_on, closed_on, client_id)"),
    ("ix_cases_closed_report", "cases(compartment, closed_on, client_id)"),
    ("ix_children_trappan", "children(compartment, trappan_informed_on, trappan_linked_on, client_id)"),
)


def upgrade() -> None:
    for name, on in _INDEXES:
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {on}")


def downgrade() -> None:
    for name, _ in _INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
