"""A change row's number (``changes.seq``) is never given twice.

Without ``AUTOINCREMENT`` SQLite numbers a new row one above the highest row *now* in the table. A purge
(``services/retention``) deletes the change rows of the purged records; when those were the newest rows, the
next change got a number that had been used before — at or below ``sync_teams.change_seq`` (how far this
laptop's changes were sent) or the retention scrub's mark. That change was then never sent to the team (a
purge tombstone, or her next edit) and never scrubbed.

The table is rebuilt with ``AUTOINCREMENT`` (same columns, indexes and rows), and its counter starts above every
number anything has already taken as read: the highest row, each team's ``change_seq`` and the scrub's mark.

Revision ID: 1700
Revises: 1600
"""
from alembic import op

revision = "1700"
down_revision = "1600"
branch_labels = None
depends_on = None

_COLUMNS = ("seq, hlc, entity, entity_id, op, fields, compartment, client_id, author, device_id, origin, at")
_INDEXES = {"ix_changes_at": "at", "ix_changes_client_id": "client_id", "ix_changes_entity_id": "entity_id",
            "ix_changes_hlc": "hlc"}


def _rebuild(autoincrement: bool) -> None:
    pk = ("seq INTEGER NOT NULL CONSTRAINT pk_changes PRIMARY KEY AUTOINCREMENT" if autoincrement
          else "seq INTEGER NOT NULL")
    tail = "" if autoincrement else ", CONSTRAINT pk_changes PRIMARY KEY (seq)"
    op.execute(f"""
        CREATE TABLE changes_rebuilt (
            {pk},
            hlc VARCHAR(40) NOT NULL,
            entity VARCHAR(40) NOT NULL,
            entity_id VARCHAR(36) NOT NULL,
            op VARCHAR(8) NOT NULL,
            fields JSON NOT NULL,
            compartment VARCHAR(8) NOT NULL,
            client_id VARCHAR(36),
            author VARCHAR(200) NOT NULL,
            device_id VARCHAR(36) NOT NULL,
            origin VARCHAR(8) NOT NULL,
            at DATETIME NOT NULL{tail}
        )""")
    op.execute(f"INSERT INTO changes_rebuilt ({_COLUMNS}) SELECT {_COLUMNS} FROM changes ORDER BY seq")
    op.execute("DROP TABLE changes")
    op.execute("ALTER TABLE changes_rebuilt RENAME TO changes")
    for name, column in _INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON changes ({column})")


def upgrade() -> None:
    _rebuild(autoincrement=True)
    op.execute("DELETE FROM sqlite_sequence WHERE name = 'changes'")
    op.execute("""
        INSERT INTO sqlite_sequence (name, seq) SELECT 'changes', max(
            coalesce((SELECT max(seq) FROM changes), 0),
            coalesce((SELECT max(change_seq) FROM sync_teams), 0),
            coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'retention.scrubbed_seq'), 0))""")


def downgrade() -> None:
    _rebuild(autoincrement=False)
