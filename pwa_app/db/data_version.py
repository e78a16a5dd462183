"""The directory's data version: a new random value in every transaction that changes the data.

Pages in the page cache, typo vocabularies and prebuilt snapshots are keyed on it, so every app
server sees at once that what it rendered from the old data is stale.
"""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from pwa_app.db.models import DirectoryInfo

VERSION_KEY = "data_version"


def touch(session: Session) -> str:
    """Give the directory a new data version (call inside the transaction that changed it)."""
    version = uuid.uuid4().hex
    row = session.get(DirectoryInfo, VERSION_KEY)
    if row is None:
        session.add(DirectoryInfo(key=VERSION_KEY, value=version))
    else:
        row.value = version
    return version


def current(session: Session) -> str:
    """The directory's data version: it changes with every import or edit (pages and snapshots key on it)."""
    return session.scalar(select(DirectoryInfo.value).where(DirectoryInfo.key == VERSION_KEY)) or ""
