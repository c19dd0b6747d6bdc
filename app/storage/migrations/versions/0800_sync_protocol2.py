"""Sync protocol 2: signed files, verified acknowledgements, removal that holds, kept copies of shipped files.

Teams made before this revision are marked protocol 1: their shares hold unsigned files, so a protocol-2
laptop refuses them with a message asking for a new team (docs/sync.md, "Protocol-1 shares").

Revision ID: 0800
Revises: 0951
"""
import sqlalchemy as sa
from alembic import op

revision = "0800"
down_revision = "0951"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_teams") as b:
        b.add_column(sa.Column("protocol", sa.Integer(), nullable=False, server_default="1"))
        b.add_column(sa.Column("removed", sa.Boolean(), nullable=False, server_default=sa.false()))
        b.add_column(sa.Column("ack_number", sa.Integer(), nullable=False, server_default="0"))
        b.add_column(sa.Column("ack_state", sa.JSON(), nullable=True))
        b.add_column(sa.Column("clock_problem", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("sync_members") as b:
        b.add_column(sa.Column("device", sa.String(64), nullable=False, server_default=""))
        b.add_column(sa.Column("last_seq", sa.Integer(), nullable=True))
    with op.batch_alter_table("sync_outbox") as b:
        b.add_column(sa.Column("sent", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "sync_acks",
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("member_id", sa.String(32), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("deps", sa.JSON(), nullable=False),
        sa.Column("bad", sa.JSON(), nullable=False),
        sa.Column("created", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "member_id", name="pk_sync_acks"),
    )


def downgrade() -> None:
    op.drop_table("sync_acks")
    with op.batch_alter_table("sync_outbox") as b:
        b.drop_column("sent")
    with op.batch_alter_table("sync_members") as b:
        b.drop_column("last_seq")
        b.drop_column("device")
    with op.batch_alter_table("sync_teams") as b:
        for c in ("clock_problem", "ack_state", "ack_number", "removed", "protocol"):
            b.drop_column(c)
