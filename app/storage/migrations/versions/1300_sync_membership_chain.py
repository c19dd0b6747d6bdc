"""Sync: member cards countersigned back to the team's founder, the epoch a member was removed in, and a flag
that makes the next round rewrite this laptop's own share files after a retention purge.

Members known before this revision stay known (they came from an invitation or an earlier card); a member
new to a laptop must from now on show an admission signed by a current member (docs/sync.md, section 1).

Revision ID: 1300
Revises: 1100
"""
import sqlalchemy as sa
from alembic import op

revision = "1300"
down_revision = "1250"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_members") as b:
        b.add_column(sa.Column("admission", sa.JSON(), nullable=True))
        b.add_column(sa.Column("removed_epoch", sa.Integer(), nullable=True))
    with op.batch_alter_table("sync_teams") as b:
        b.add_column(sa.Column("scrub_pending", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("sync_teams") as b:
        b.drop_column("scrub_pending")
    with op.batch_alter_table("sync_members") as b:
        b.drop_column("removed_epoch")
        b.drop_column("admission")
