"""The encrypted SQLAlchemy engine.

Every DB-API connection is made by ``_connect``: it sets the raw key before anything else runs on it and
proves the key by reading the schema, so no connection can ever touch the file unkeyed (SQLCipher derives the
key at the first statement; an unkeyed first statement would create a plaintext file). There is no engine URL
with a path or key in it: the engine is built with a ``creator``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from app.errors import StorageError, WrongPassphrase

BUSY_TIMEOUT_S = 30.0
WRITE_OPTION = "athena_write"

# The driver binds None and bool only after looking for ``__adapt__`` and ``__conform__`` on them: two failed
# attribute lookups, each formatting an AttributeError, about 1 µs per value — more than binding a text. A
# registered adapter is found first, so the same values are bound (NULL; the integers 0 and 1) without them:
# a pull of 10,000 new clients (one None each) spends 2 % less, a join of 300,000 entries (three each) ~1 s.
sqlcipher3.register_adapter(type(None), {}.get)  # {}.get(None) is None: a C call, no Python frame
sqlcipher3.register_adapter(bool, int)


def open_raw(path: Path, key: bytes, *, create: bool = False) -> Any:
    """A keyed, configured sqlcipher3 connection. The key never appears in an error."""
    if not create and not path.exists():
        raise StorageError("The diary file is missing.")
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False,
                              timeout=BUSY_TIMEOUT_S)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # never let the codec write to stderr
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        # The first real statement: derives the key and fails here if it is the wrong one.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma in (
            "PRAGMA foreign_keys = ON",
            "PRAGMA temp_store = MEMORY",
            "PRAGMA secure_delete = ON",
            "PRAGMA synchronous = FULL",
            f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}",
            "PRAGMA cache_size = -32000",
        ):
            conn.execute(pragma)
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc):
            raise WrongPassphrase("The diary cannot be opened with this key.") from None
        raise StorageError("The diary file could not be opened.") from None
    return conn


def make_engine(path: Path, key: bytes, *, pool_size: int = 4) -> Engine:
    connect: Callable[[], Any] = lambda: open_raw(path, key)  # noqa: E731
    engine = create_engine(
        "sqlite://",
        creator=connect,
        module=sqlcipher3.dbapi2,
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=4,
        pool_pre_ping=False,
        # The most recently returned connection first: the database thread's writes keep landing on the one
        # connection whose page cache is warm. First-in-first-out, each write went to another connection,
        # whose cache the previous write had invalidated, and decrypted its index pages all over again.
        pool_use_lifo=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers take the write lock up front (no lock upgrade deadlocks); readers use a deferred
        # transaction so they never wait for a writer in WAL mode.
        if conn.get_execution_options().get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine
