"""Indexes for Idag: "decisions ending soon" reads the decisions whose own period ends in the window and the
extensions whose new end falls in it, instead of every decision; "referrals without a first contact" reads a
partial index of the cases still waiting, in referral order.

Revision ID: 1100
Revises: 0701
"""
from alembic import op

revision = "1100"
down_revision = "0701"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX IF NOT EXISTS ix_decisions_ends_on ON decisions(ends_on)")
    op.execute("CREATE INDEX IF NOT EXISTS ix_extensions_new_ends_on ON extensions(new_ends_on, decision_id)")
    op.execute("CREATE INDEX IF NOT EXISTS ix_cases_waiting ON cases(referred_on) WHERE first_contact_on IS NULL")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_decisions_ends_on")
    op.execute("DROP INDEX IF EXISTS ix_extensions_new_ends_on")
    op.execute("DROP INDEX IF EXISTS ix_cases_waiting")
