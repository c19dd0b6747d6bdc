"""Alembic environment: always runs on a connection handed in by app.storage.migrate (already keyed)."""

from alembic import context

from app.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Athena migrations run only through app.storage.migrate")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                  transaction_per_migration=False)
context.run_migrations()
