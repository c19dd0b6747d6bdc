"""A change received from the team keeps, in its change row, the names of the fields it set, not their values.

Rows received before kept the values too: a third copy of her data on every laptop (the record and its merge
state hold them), read by nothing — the audit trail shows field names only. They are reduced to the sorted names
of their fields, the form new rows are stored in (``app/sync/merge.py``). The diary wipes freed space
(``secure_delete``), so the values do not stay in the file. A row whose text is not a JSON object is left as it is.

Revision ID: 1800
Revises: 1700
"""
from alembic import op

revision = "1800"
down_revision = "1700"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
        UPDATE changes
        SET fields = (SELECT json_group_array(key ORDER BY key) FROM json_each(changes.fields))
        WHERE origin = 'remote' AND CASE WHEN json_valid(fields) THEN json_type(fields) = 'object' ELSE 0 END""")


def downgrade() -> None:
    pass  # the values are gone; the older version reads the names as it reads an object's keys
