"""The team lead: the member that founded a synced team, and the signed lead grants (team_roles, synced).

Revision ID: 1250
Revises: 1100
"""
import sqlalchemy as sa
from alembic import op

revision = "1250"
down_revision = "1100"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_teams") as batch:
        batch.add_column(sa.Column("founder", sa.String(length=32), nullable=True))
    op.create_table(
        "team_roles",
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("lead", sa.Boolean(), nullable=False),
        sa.Column("granted_by", sa.String(length=32), nullable=False),
        sa.Column("granted_at", sa.DateTime(), nullable=False),
        sa.Column("signature", sa.String(length=120), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("compartment", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_roles")),
    )
    op.create_index("ix_team_roles_team_id", "team_roles", ["team_id"])


def downgrade() -> None:
    op.drop_index("ix_team_roles_team_id", "team_roles")
    op.drop_table("team_roles")
    with op.batch_alter_table("sync_teams") as batch:
        batch.drop_column("founder")
