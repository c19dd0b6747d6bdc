"""Indexes for Idag's list of risk assessments due: each client's latest completed assessment, her incidents
by day and the clients of the open cases, each read from an index instead of the table rows (an assessment's
row carries its answers; reading those for 10,000 clients is what made the list slow). (An index of decisions
by case and start would serve the list too, but SQLite then drives "decisions ending soon" from every open
case: 3 ms → 25 ms on 10,000 clients.)

Revision ID: 1400
Revises: 1250
"""
from alembic import op

revision = "1400"
down_revision = "1202"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX IF NOT EXISTS ix_risk_assessments_completed ON risk_assessments(client_id, assessed_on)"
               " WHERE completed_at IS NOT NULL")
    op.execute("CREATE INDEX IF NOT EXISTS ix_incidents_client_day ON incidents(client_id, occurred_on, compartment)")
    # "My unsigned entries" counted from the index alone (with the client): the entries' rows hold their text, and
    # reading 5,000 of them pushed the other lists' pages out of the cache.
    op.execute("CREATE INDEX IF NOT EXISTS ix_diary_entries_drafts ON diary_entries(author_name, event_on, client_id)"
               " WHERE signed_at IS NULL")
    op.execute("CREATE INDEX IF NOT EXISTS ix_cases_open_client ON cases(closed_on, client_id, id)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_risk_assessments_completed")
    op.execute("DROP INDEX IF EXISTS ix_incidents_client_day")
    op.execute("DROP INDEX IF EXISTS ix_diary_entries_drafts")
    op.execute("DROP INDEX IF EXISTS ix_cases_open_client")
