"""After a curator's change: what derives from the records, in the same transaction.

The search documents and the phones' snapshot records of the services a change touched (after an
import, of every service) are made again from the records as they are now, and the directory gets
a new data version, so pages, the page cache and the changes feed (issue 4) all
show the edit at once: a phone picks it up at its next sync. An import ends the same way
(pwa_app/cli/database.py, pwa_app/curate/upload.py).
"""
from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from pwa_app.db import data_version
from pwa_app.search import fulltext
from pwa_app.snapshot import records, versions


# One settling at a time, across every app server: two saves at once must not both take the next
# version of the changes feed (a phone that synced the first would never see the second), nor rebuild
# the search index each from a view without the other's change. PostgreSQL: a transaction-level
# advisory lock, released at commit or rollback; SQLite allows one writing transaction anyway.
SETTLE_LOCK = 0x5A55_0019


# A save that touches more services than this (an organization's name, shown by all its services) is
# settled as an import is: everything rebuilt in bulk costs less than so many records one by one.
MOST_SERVICES = 2000


def settle(session: Session, settings: records.Settings, progress=None, services: set[str] | None = None) -> int:
    """Rebuild what derives from the records, new data version; return the feed's version.

    `services`: only these services' records can have changed (a curator's save: records.changed),
    so only their search documents and snapshot records are made again; else (an import) all are.
    `progress`: an import's (pwa_app.hsds.importer.Progress), told each stage."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SETTLE_LOCK})
    session.flush()
    if services is not None and len(services) > MOST_SERVICES:
        services = None
    if progress:
        progress.stage("indexing for search")
    listed = versions.listed_records(session, settings, services)
    if services is None:
        fulltext.index_documents(session, fulltext.build_documents(session, listed))
    else:
        fulltext.update_documents(session, fulltext.build_documents(session, listed, every=False), services)
    if progress:
        progress.stage("keeping the phones' snapshots")
    version = versions.refresh(session, settings, services, listed)
    data_version.touch(session)
    return version
