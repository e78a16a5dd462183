"""The directory's data version: a new random value in every transaction that changes the data.

Pages in the page cache, typo vocabularies and prebuilt snapshots are keyed on it, so every app
server sees at once that what it rendered from the old data is stale. The time of the change is
kept beside it: the sitemaps' `lastmod` of pages drawn from the whole directory (home, categories).
"""
from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pwa_app.db.models import DirectoryInfo

VERSION_KEY = "data_version"
CHANGED_KEY = "data_changed_at"  # ISO 8601 in UTC, with its offset
DERIVED_KEYS = (VERSION_KEY, CHANGED_KEY)  # set by touch(), never by the data itself


def touch(session: Session, now: datetime | None = None) -> str:
    """Give the directory a new data version (call inside the transaction that changed it)."""
    version = uuid.uuid4().hex
    changed = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0).isoformat()
    for key, value in ((VERSION_KEY, version), (CHANGED_KEY, changed)):
        row = session.get(DirectoryInfo, key)
        if row is None:
            session.add(DirectoryInfo(key=key, value=value))
        else:
            row.value = value
    return version


def current(session: Session) -> str:
    """The directory's data version: it changes with every import or edit (pages and snapshots key on it)."""
    return session.scalar(select(DirectoryInfo.value).where(DirectoryInfo.key == VERSION_KEY)) or ""


# Plain SQL, as the driver takes it: this runs for every page and API answer, and building and
# compiling the statement each time cost more than the query itself. The key is a constant, not input.
_VERSION_SQL = f"SELECT value FROM {DirectoryInfo.__tablename__} WHERE key = '{VERSION_KEY}'"


def current_outside_a_transaction(engine) -> str:
    """`current`, read in autocommit on a connection of its own: for a request about to be answered,
    one query's round trip, not a session's BEGIN and ROLLBACK besides (`web/conditional.request_version`)."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        return connection.exec_driver_sql(_VERSION_SQL).scalar() or ""


def changed_at(session: Session) -> datetime | None:
    """When the data version last changed (UTC); None for a database last changed before this was kept."""
    value = session.scalar(select(DirectoryInfo.value).where(DirectoryInfo.key == CHANGED_KEY))
    try:
        return datetime.fromisoformat(value).astimezone(UTC) if value else None
    except ValueError:
        return None
