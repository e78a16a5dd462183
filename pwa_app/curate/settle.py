"""After a curator's change: what derives from the records, in the same transaction.

The search index and the phones' snapshot records are rebuilt from the records as they are now, and
the directory gets a new data version, so pages, the page cache and the changes feed (issue 4) all
show the edit at once: a phone picks it up at its next sync. An import ends the same way
(pwa_app/cli/database.py, pwa_app/curate/upload.py).
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from pwa_app.db import data_version
from pwa_app.search import fulltext
from pwa_app.snapshot import records, versions


def settle(session: Session, settings: records.Settings, progress=None) -> int:
    """Rebuild the search index and the snapshot records, new data version; return the feed's version.
    `progress`: an import's (pwa_app.hsds.importer.Progress), told each stage."""
    session.flush()
    if progress:
        progress.stage("indexing for search")
    fulltext.rebuild_index(session, records.neutral_records(session, settings))
    if progress:
        progress.stage("keeping the phones' snapshots")
    version = versions.refresh(session, settings)
    data_version.touch(session)
    return version
