"""Pooled database connections: checked before use only after they have sat idle.

SQLAlchemy's pool_pre_ping checks every connection at every checkout: one more round trip per
request, a quarter of the time a page from the cache takes on PostgreSQL. A connection in steady
use answered a moment ago; one left idle may have been dropped since (a database restart, a
firewall's idle timeout). So only a connection idle for more than IDLE_S seconds is checked, and
a dead one is replaced before the request sees it. A connection that dies in the middle of
traffic fails that one request (a 503 page); SQLAlchemy then replaces the whole pool.
"""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import event, exc, text
from sqlalchemy.engine import Engine

IDLE_S = 10.0
# SQLite's primary result codes for a file that is damaged or not a database at all.
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26


def check_ready(engine: Engine, probe: str) -> None:
    """Run `probe` (a query naming one of our tables) as the app would, or raise.

    On SQLite, on a new connection to the configured file as well: a pooled connection keeps the
    file it opened, so it still answers after the file was moved away or replaced, and a new
    connection would quietly create an empty file where none is. Opened read-only, never created."""
    with engine.connect() as connection:
        connection.execute(text(probe)).first()
    if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        path = Path(engine.url.database).resolve()
        if not path.is_file():
            raise FileNotFoundError(f"no SQLite database at {path}")
        fresh = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
        try:
            fresh.execute(probe).fetchone()
        finally:
            fresh.close()


def is_corrupt(error: BaseException) -> bool:
    """Whether a database error says the SQLite file is damaged or not a database (an outage, not our bug)."""
    return (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)


def ping_when_idle(engine: Engine) -> None:
    dialect = engine.dialect

    @event.listens_for(engine, "checkin")
    def _idle_from_now(_dbapi_connection, record):
        if record is not None:
            record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_connection, record, _proxy):
        since = record.info.pop("idle_since", None)  # a new connection has none: it just answered
        if since is None or time.monotonic() - since <= IDLE_S:
            return
        try:
            dialect.do_ping(dbapi_connection)
        except dialect.loaded_dbapi.Error as error:
            # The pool discards this connection and checks out a fresh one in its place.
            raise exc.DisconnectionError(f"idle connection is gone: {error}") from error
