"""A covering index from a decision to its case, so the period report's count of extensions granted reaches each
extension's woman without reading the decisions' wide rows.

Revision ID: 1202
Revises: 1201
"""
from alembic import op

revision = "1202"
down_revision = "1201"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX IF NOT EXISTS ix_decisions_id_case ON decisions(id, case_id)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_decisions_id_case")
