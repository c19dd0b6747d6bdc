"""The encrypted store: engine, unlock/rekey, migrations, sessions, change feed. No Qt."""
