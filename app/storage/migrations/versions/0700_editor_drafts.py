"""Unsaved text of open editors, kept inside the encrypted diary (not in the change feed, never synced).

Revision ID: 0700
Revises: 1000
"""
import sqlalchemy as sa
from alembic import op

revision = "0700"
down_revision = "0800"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "editor_drafts",
        sa.Column("key", sa.String(120), primary_key=True),
        sa.Column("editor", sa.String(40), nullable=False),
        sa.Column("client_id", sa.String(36), nullable=True),
        sa.Column("compartment", sa.String(8), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_editor_drafts_client_id", "editor_drafts", ["client_id"])


def downgrade() -> None:
    op.drop_index("ix_editor_drafts_client_id", table_name="editor_drafts")
    op.drop_table("editor_drafts")
