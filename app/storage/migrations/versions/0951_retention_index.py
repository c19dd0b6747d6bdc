"""A covering index for a retention preview: every client's latest entry date and writing time, read from the
index alone (a table lookup per entry otherwise makes a preview over 300,000 entries take many seconds); and the
access log in page order (time, then id) for the log follow-up.

Revision ID: 0951
Revises: 0950
"""
from alembic import op

revision = "0951"
down_revision = "0950"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX IF NOT EXISTS ix_diary_entries_client_dates "
               "ON diary_entries(client_id, event_on, written_at)")
    op.execute("CREATE INDEX IF NOT EXISTS ix_audit_log_at_id ON audit_log(at, id)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_diary_entries_client_dates")
    op.execute("DROP INDEX IF EXISTS ix_audit_log_at_id")
