"""The access log as chained, synced records (audit_log, audit_heads); retention runs and archive marks;
the team's own reference lists.

Rows of the old local ``audit_events`` table stay where they are and are still read, but are not chained.

Revision ID: 0950
Revises: 1000
"""
import sqlalchemy as sa
from alembic import op

revision = "0950"
down_revision = "1000"
branch_labels = None
depends_on = None


def _record_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("compartment", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("local_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("origin_device", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=True),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_client_id", "audit_log", ["client_id"])
    op.create_index("ix_audit_log_chain", "audit_log", ["origin_device", "compartment", "n"])
    op.create_index("ix_audit_log_actor_at", "audit_log", ["actor", "at"])
    op.create_table(
        "audit_heads",
        sa.Column("origin_device", sa.String(length=36), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("head", sa.String(length=64), nullable=False),
        sa.Column("sealed_at", sa.DateTime(), nullable=False),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_heads")),
    )
    op.create_table(
        "retention_runs",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("rules", sa.String(length=200), nullable=False),
        sa.Column("clients_purged", sa.Integer(), nullable=False),
        sa.Column("records_purged", sa.Integer(), nullable=False),
        sa.Column("archive_marked", sa.Integer(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_retention_runs")),
    )
    op.create_table(
        "archive_marks",
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("marked_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=60), nullable=False),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_archive_marks")),
    )
    op.create_index("ix_archive_marks_client_id", "archive_marks", ["client_id"])
    op.create_table(
        "reference_items",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reference_items")),
    )
    op.create_index("ix_reference_items_kind", "reference_items", ["kind"])
    # Who wrote in a client's record: the "opened without an entry" check reads this index alone.
    op.create_index("ix_diary_entries_client_author", "diary_entries", ["client_id", "author_name"])


def downgrade() -> None:
    op.drop_index("ix_diary_entries_client_author", "diary_entries")
    for name in ("reference_items", "archive_marks", "retention_runs", "audit_heads", "audit_log"):
        op.drop_table(name)
