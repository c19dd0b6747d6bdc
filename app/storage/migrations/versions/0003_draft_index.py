"""A partial index for unsigned drafts, so "entries left unsigned" never scans the whole diary.

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX IF NOT EXISTS ix_diary_entries_unsigned ON diary_entries(author_name, event_on) "
               "WHERE signed_at IS NULL")
    op.execute("CREATE INDEX IF NOT EXISTS ix_court_appointments_client ON court_appointments(client_id, starts_at)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_diary_entries_unsigned")
    op.execute("DROP INDEX IF EXISTS ix_court_appointments_client")
