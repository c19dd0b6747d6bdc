"""The men's case (referral source, investigation, motivation, registration, onward referral, outcome), the
talk's method, attendance and noted risk; and the append-only history of every status and classification a
report reads, seeded from today's values (valid since always: nothing older is known).

Revision ID: 0900
Revises: 0600
"""
import sqlalchemy as sa
from alembic import op

revision = "0900"
down_revision = "0600"
branch_labels = None
depends_on = None

_MEN = [
    sa.Column("referral_source", sa.String(16), nullable=False, server_default="other"),
    sa.Column("investigation_opened_on", sa.Date(), nullable=True),
    sa.Column("investigation_closed_on", sa.Date(), nullable=True),
    sa.Column("motivation", sa.String(16), nullable=False, server_default="unknown"),
    sa.Column("needs_other_help", sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column("other_help_note", sa.String(300), nullable=False, server_default=""),
    sa.Column("case_number", sa.String(40), nullable=False, server_default=""),
    sa.Column("registered_on", sa.Date(), nullable=True),
    sa.Column("referred_onward_on", sa.Date(), nullable=True),
    sa.Column("outcome", sa.String(16), nullable=False, server_default=""),
    sa.Column("closed_on", sa.Date(), nullable=True),
]
_TALKS = [
    sa.Column("method", sa.String(8), nullable=False, server_default="vaska"),
    sa.Column("own_theme", sa.String(200), nullable=False, server_default=""),
    sa.Column("attendance", sa.String(12), nullable=False, server_default="attended"),
    sa.Column("risk_partner", sa.String(16), nullable=False, server_default="not_assessed"),
    sa.Column("risk_children", sa.String(16), nullable=False, server_default="not_assessed"),
]

# (table, field, SQL for the value, SQL for the person) seeded for every existing record.
_SEED = [
    ("men_clients", "status", "status", "id"),
    ("men_clients", "referral_source", "referral_source", "id"),
    ("men_clients", "motivation", "motivation", "id"),
    ("men_clients", "needs_other_help", "CASE WHEN needs_other_help THEN 'yes' ELSE 'no' END", "id"),
    ("men_clients", "district", "district", "id"),
    ("decisions", "district", "district",
     "(SELECT client_id FROM cases WHERE cases.id = decisions.case_id)"),
    ("decisions", "referring_unit", "referring_unit",
     "(SELECT client_id FROM cases WHERE cases.id = decisions.case_id)"),
]


def upgrade() -> None:
    with op.batch_alter_table("men_clients") as batch:
        for col in _MEN:
            batch.add_column(col)
    with op.batch_alter_table("men_talks") as batch:
        for col in _TALKS:
            batch.add_column(col)
    op.create_table(
        "status_history",
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.String(36), nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("value", sa.String(200), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("client_id", sa.String(36), nullable=True),
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("compartment", sa.String(8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_status_history"),
    )
    op.create_index("ix_status_history_lookup", "status_history", ["entity", "field", "entity_id", "valid_from"])
    op.create_index("ix_status_history_client_id", "status_history", ["client_id"])
    # Seeded rows are this laptop's reading of records it already has (every laptop seeds the same values),
    # so they do not enter the change feed: only history written from now on is shipped.
    for table, field, value, person in _SEED:
        op.execute(f"""
            INSERT INTO status_history (id, entity, entity_id, field, value, valid_from, client_id, compartment,
                                        created_at, updated_at, created_by, updated_by, device_id)
            SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
                   substr(lower(hex(randomblob(2))), 2) || '-' ||
                   substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' ||
                   lower(hex(randomblob(6))),
                   '{table}', id, '{field}', COALESCE({value}, ''), '1900-01-01', {person}, compartment,
                   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '', '', ''
            FROM {table}""")


def downgrade() -> None:
    op.drop_index("ix_status_history_client_id", "status_history")
    op.drop_index("ix_status_history_lookup", "status_history")
    op.drop_table("status_history")
    with op.batch_alter_table("men_talks") as batch:
        for col in reversed(_TALKS):
            batch.drop_column(col.name)
    with op.batch_alter_table("men_clients") as batch:
        for col in reversed(_MEN):
            batch.drop_column(col.name)
