"""Team sync: teams, members, key epochs, cursors, outbox, merge state, conflicts, purges and the sync log.

Revision ID: 0100
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0100"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_teams",
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("compartment", sa.String(8), nullable=False),
        sa.Column("member_id", sa.String(32), nullable=False),
        sa.Column("private_key", sa.LargeBinary(), nullable=False),
        sa.Column("signing_key", sa.LargeBinary(), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("segments_since_snapshot", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("team_id", name="pk_sync_teams"),
        sa.UniqueConstraint("compartment", name="uq_sync_teams_compartment"),
    )
    op.create_table(
        "sync_members",
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("member_id", sa.String(32), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        sa.Column("verify_key", sa.LargeBinary(), nullable=False),
        sa.Column("removed", sa.Boolean(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "member_id", name="pk_sync_members"),
    )
    op.create_table(
        "sync_epoch_keys",
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("key", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "epoch", name="pk_sync_epoch_keys"),
    )
    op.create_table(
        "sync_cursors",
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("member_id", sa.String(32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "member_id", name="pk_sync_cursors"),
    )
    op.create_table(
        "sync_outbox",
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "name", name="pk_sync_outbox"),
    )
    op.create_table(
        "sync_record_state",
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.String(36), nullable=False),
        sa.Column("compartment", sa.String(8), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "entity_id", name="pk_sync_record_state"),
    )
    op.create_index("ix_sync_record_state_compartment", "sync_record_state", ["compartment"])
    op.create_table(
        "sync_conflicts",
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.String(36), nullable=False),
        sa.Column("field", sa.String(60), nullable=False),
        sa.Column("compartment", sa.String(8), nullable=False),
        sa.Column("client_id", sa.String(36), nullable=True),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "entity_id", "field", name="pk_sync_conflicts"),
    )
    op.create_index("ix_sync_conflicts_client_id", "sync_conflicts", ["client_id"])
    op.create_table(
        "sync_pending_bases",
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.String(36), nullable=False),
        sa.Column("field", sa.String(60), nullable=False),
        sa.Column("bases", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "entity_id", "field", name="pk_sync_pending_bases"),
    )
    op.create_table(
        "sync_purges",
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("entity", "entity_id", name="pk_sync_purges"),
    )
    op.create_table(
        "sync_log",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("level", sa.String(8), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_sync_log"),
    )
    op.create_index("ix_sync_log_at", "sync_log", ["at"])


def downgrade() -> None:
    for name in ("sync_log", "sync_purges", "sync_pending_bases", "sync_conflicts", "sync_record_state",
                 "sync_outbox", "sync_cursors", "sync_epoch_keys", "sync_members", "sync_teams"):
        op.drop_table(name)
