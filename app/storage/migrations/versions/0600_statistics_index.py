"""A covering index for the statistics' kinds of support: who had which kind in a period, read from the index
alone (a year over 300,000 entries otherwise costs a table lookup per entry).

Revision ID: 0600
Revises: 0100
"""
from alembic import op

revision = "0600"
down_revision = "0100"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX IF NOT EXISTS ix_diary_entry_kinds_period "
               "ON diary_entry_kinds(event_on, kind, client_id)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_diary_entry_kinds_period")
