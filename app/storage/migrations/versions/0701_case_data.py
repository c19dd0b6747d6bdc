"""Case data the work needs: what a decision grants (insats), and the interpreter's language and whether she
must be independent of the client's family and community.

Revision ID: 0701
Revises: 0700
"""
import sqlalchemy as sa
from alembic import op

revision = "0701"
down_revision = "0700"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN with a constant default: SQLite adds it in place (no table copy on a big diary).
    op.add_column("decisions", sa.Column("intervention", sa.String(40), nullable=False, server_default=""))
    op.add_column("clients", sa.Column("interpreter_language", sa.String(8), nullable=False, server_default=""))
    op.add_column("clients", sa.Column("interpreter_independent", sa.Boolean(), nullable=False,
                                       server_default=sa.false()))


def downgrade() -> None:
    # DROP COLUMN in place (SQLite 3.35+): a table copy would trip the foreign keys that point at clients.
    op.execute("ALTER TABLE clients DROP COLUMN interpreter_independent")
    op.execute("ALTER TABLE clients DROP COLUMN interpreter_language")
    op.execute("ALTER TABLE decisions DROP COLUMN intervention")
