"""Backups and restores recorded in the diary itself (when, why, how big; never content), so the app can say
when the last backup was taken wherever it went, and a restored diary knows it was restored.

Revision ID: 1000
Revises: 0900
"""
import sqlalchemy as sa
from alembic import op

revision = "1000"
down_revision = "0900"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "backup_events",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),  # backup | restore
        sa.Column("reason", sa.String(32), nullable=False, server_default=""),
        sa.Column("backup_taken_at", sa.DateTime, nullable=True),
        sa.Column("size", sa.Integer, nullable=False, server_default="0"),
        sa.Column("folders", sa.Integer, nullable=False, server_default="0"),
    )


def downgrade() -> None:
    op.drop_table("backup_events")
