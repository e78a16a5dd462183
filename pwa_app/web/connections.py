"""Pooled database connections: checked before use only after they have sat idle.

SQLAlchemy's pool_pre_ping checks every connection at every checkout: one more round trip per
request, a quarter of the time a page from the cache takes on PostgreSQL. A connection in steady
use answered a moment ago; one left idle may have been dropped since (a database restart, a
firewall's idle timeout). So only a connection idle for more than IDLE_S seconds is checked, and
a dead one is replaced before the request sees it. A connection that dies in the middle of
traffic fails that one request (a 503 page); SQLAlchemy then replaces the whole pool.
"""
from __future__ import annotations

import time

from sqlalchemy import event, exc
from sqlalchemy.engine import Engine

IDLE_S = 10.0


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
