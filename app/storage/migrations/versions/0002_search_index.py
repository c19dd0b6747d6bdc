"""Full-text search over diary entries and the per-kind index the statistics count, both kept by triggers.

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

KINDS_SELECT = (
    "SELECT 'practical_support' AS kind UNION ALL SELECT 'support_talk' "
    "UNION ALL SELECT 'civic_information' UNION ALL SELECT 'court_support'"
)


def _kinds_insert(alias: str) -> str:
    return (
        "INSERT INTO diary_entry_kinds(entry_id, kind, client_id, event_on) "
        f"SELECT {alias}.id, k.kind, {alias}.client_id, {alias}.event_on FROM ({KINDS_SELECT}) AS k "
        f"WHERE instr(',' || {alias}.kinds || ',', ',' || k.kind || ',') > 0"
    )


def upgrade() -> None:
    # External-content FTS5 index over the entry text; unicode61 folds case (Å/å) but keeps å, ä, ö apart
    # from a, o, as Swedish readers expect.
    op.execute(
        "CREATE VIRTUAL TABLE diary_fts USING fts5(text, content='diary_entries', content_rowid='rowid', "
        "tokenize=\"unicode61 remove_diacritics 0\")"
    )
    op.execute("""
        CREATE TRIGGER diary_entries_ai AFTER INSERT ON diary_entries BEGIN
            INSERT INTO diary_fts(rowid, text) VALUES (new.rowid, new.text);
            %s;
        END""" % _kinds_insert("new"))
    op.execute("""
        CREATE TRIGGER diary_entries_ad AFTER DELETE ON diary_entries BEGIN
            INSERT INTO diary_fts(diary_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
            DELETE FROM diary_entry_kinds WHERE entry_id = old.id;
        END""")
    op.execute("""
        CREATE TRIGGER diary_entries_au AFTER UPDATE ON diary_entries BEGIN
            INSERT INTO diary_fts(diary_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
            INSERT INTO diary_fts(rowid, text) VALUES (new.rowid, new.text);
            DELETE FROM diary_entry_kinds WHERE entry_id = old.id;
            %s;
        END""" % _kinds_insert("new"))
    # A signed entry is documentation that may be used in court: its content never changes again.
    op.execute("""
        CREATE TRIGGER diary_entries_signed_immutable
        BEFORE UPDATE OF text, event_on, kinds, activity, duration_minutes, client_id, author_name,
                         author_title, corrects_id, written_at ON diary_entries
        WHEN old.signed_at IS NOT NULL BEGIN
            SELECT RAISE(ABORT, 'signed diary entry is immutable');
        END""")
    op.execute("""
        CREATE TRIGGER risk_assessments_completed_immutable
        BEFORE UPDATE ON risk_assessments WHEN old.completed_at IS NOT NULL BEGIN
            SELECT RAISE(ABORT, 'completed risk assessment is immutable');
        END""")
    op.execute("""
        CREATE TRIGGER safety_plan_versions_immutable BEFORE UPDATE ON safety_plan_versions BEGIN
            SELECT RAISE(ABORT, 'safety plan versions are immutable');
        END""")
    op.execute("INSERT INTO diary_fts(diary_fts) VALUES ('rebuild')")
    op.execute("DELETE FROM diary_entry_kinds")
    op.execute(_kinds_insert("d").replace(" FROM (", " FROM diary_entries AS d, (", 1))
    op.execute("CREATE INDEX IF NOT EXISTS ix_diary_entry_kinds_kind ON diary_entry_kinds(kind, event_on)")
    op.execute("CREATE INDEX IF NOT EXISTS ix_cases_closed_on ON cases(closed_on)")
    op.execute("CREATE INDEX IF NOT EXISTS ix_decisions_ends_on ON decisions(ends_on)")


def downgrade() -> None:
    for name in ("diary_entries_ai", "diary_entries_ad", "diary_entries_au", "diary_entries_signed_immutable",
                 "risk_assessments_completed_immutable", "safety_plan_versions_immutable"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS diary_fts")
    op.execute("DROP INDEX IF EXISTS ix_diary_entry_kinds_kind")
    op.execute("DROP INDEX IF EXISTS ix_cases_closed_on")
    op.execute("DROP INDEX IF EXISTS ix_decisions_ends_on")
