"""After a curator's change: what derives from the records, in the same transaction.

The search index and the phones' snapshot records are rebuilt from the records as they are now, and
the directory gets a new data version, so pages, the page cache and the changes feed (issue 4) all
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


def settle(session: Session, settings: records.Settings, progress=None) -> int:
    """Rebuild the search index and the snapshot records, new data version; return the feed's version.
    `progress`: an import's (pwa_app.hsds.importer.Progress), told each stage."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SETTLE_LOCK})
    session.flush()
    if progress:
        progress.stage("indexing for search")
    fulltext.rebuild_index(session, records.neutral_records(session, settings))
    if progress:
        progress.stage("keeping the phones' snapshots")
    version = versions.refresh(session, settings)
    data_version.touch(session)
    return version
