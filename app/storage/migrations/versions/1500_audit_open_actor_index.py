"""An index of the access log's openings by worker and time, carrying the compartment: the follow-up's check
"many records in a short time" counts each worker's openings per hour from the index alone, without reading the
log's rows (100,000 rows: 240 ms -> a few tens of ms for the first page).

Revision ID: 1500
Revises: 1400
"""
from alembic import op

revision = "1500"
down_revision = "1400"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX IF NOT EXISTS ix_audit_log_open_actor_at ON audit_log(actor, at, compartment)"
               " WHERE action = 'open' AND client_id IS NOT NULL")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_audit_log_open_actor_at")
