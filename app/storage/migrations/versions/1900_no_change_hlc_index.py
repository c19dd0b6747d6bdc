"""The change feed's index on ``hlc`` is dropped.

Every change row paid for it (about 70 bytes and a B-tree insert each: a 300,000-entry diary's feed carries some
30 MB of it), and one rare step read it: putting a clock right that had been far ahead (``sync/clockfix.py``),
which reads every merge state of the team anyway. That step now reads the change rows once; nothing else looks
a change up by its HLC time (a round reads the feed by ``seq``, the audit trail by ``at``).

Revision ID: 1900
Revises: 1800
"""
from alembic import op

revision = "1900"
down_revision = "1800"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_changes_hlc")


def downgrade() -> None:
    op.execute("CREATE INDEX IF NOT EXISTS ix_changes_hlc ON changes (hlc)")
