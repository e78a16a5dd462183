"""The audit trail: every change a curator makes, one HSDS `metadata` row per field.

A row names the object (resource_id, resource_type), the field, the value before and after, who and
when (`last_action_date`, and our `changed_at` for the moment). It is exported with the rest of
HSDS. HSDS requires both values, so "no value" is written as the word `null` (records.ABSENT).
"""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pwa_app.db.models import Metadata, Service

ABSENT = "null"


def record(session: Session, kind: str, resource_id: str, action: str, field: str, before: str, after: str,
           who: str, now: datetime) -> Metadata:
    row = Metadata(id=str(uuid.uuid4()), resource_id=resource_id, resource_type=kind, last_action_date=now.date(),
                   last_action_type=action, field_name=field, previous_value=before or ABSENT,
                   replacement_value=after or ABSENT, updated_by=who, changed_at=now)
    session.add(row)
    return row


@contextmanager
def an_import(session: Session, merge: bool, source: str, who: str, now: datetime | None = None) -> Iterator[None]:
    """An import made inside the block, in the trail as one row when the block ends: replaced or merged,
    the services before and after, from what (a file's name), by whom. In the import's transaction, so
    an import that fails leaves no row. HSDS wants a UUID for the resource: the import's own."""
    services = lambda: session.scalar(select(func.count()).select_from(Service)) or 0  # noqa: E731
    before = services()
    yield
    record(session, "directory", str(uuid.uuid4()), "merge" if merge else "replace", "services",
           str(before), f"{services()} ({source})", who, now or datetime.now(UTC))


def text_of(stored: str | None) -> str:
    """A value as the trail wrote it, back to what a form shows ("" for none)."""
    return "" if stored in (None, ABSENT) else stored


def get(session: Session, change_id: str) -> Metadata | None:
    return session.get(Metadata, change_id)


def history(session: Session, resource_ids: list[str], limit: int = 200) -> list[Metadata]:
    """The changes to these objects, newest first."""
    if not resource_ids:
        return []
    return list(session.scalars(select(Metadata).where(Metadata.resource_id.in_(resource_ids))
                                .order_by(*_newest()).limit(limit)))


def recent(session: Session, page: int = 1, per_page: int = 50, who: str = "") -> tuple[list[Metadata], int]:
    """The whole directory's changes, newest first, a page at a time; and how many there are."""
    query = select(Metadata)
    if who:
        query = query.where(Metadata.updated_by == who)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(*_newest()).offset((page - 1) * per_page).limit(per_page))
    return list(rows), total


def _newest():
    # Imported rows have no changed_at: they sort after ours, by their date.
    return (Metadata.changed_at.is_(None), Metadata.changed_at.desc(), Metadata.last_action_date.desc(), Metadata.id)



