"""Saving the weekly editor: the schedule rows of one service or place, replaced by what the week says.

Only the rows the week was read from are replaced (weekly.read's `used`); the rows it cannot show
stay. Each row removed and added is in the audit trail (records.remove / records.create).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pwa_app.curate import records, weekly
from pwa_app.db.models import Schedule

OWNERS = {"services": "service_id", "locations": "location_id"}


def rows_of(session: Session, owner_field: str, owner_id: str) -> list[Schedule]:
    query = select(Schedule).where(getattr(Schedule, owner_field) == owner_id)
    if owner_field == "location_id":
        query = query.where(Schedule.service_id.is_(None))  # a service's own hours at a place are the service's
    return list(session.scalars(query.order_by(Schedule.id)))


def as_dicts(rows: list[Schedule]) -> list[dict]:
    return [{"id": r.id, **records.values_of(r, "schedule")} for r in rows]


def fingerprint(rows: list[Schedule]) -> str:
    return records.fingerprint({r["id"]: r for r in as_dicts(rows)})


def save(session: Session, owner_field: str, owner_id: str, week: weekly.Week, who: str, now: datetime) -> bool:
    """Write the week over the rows it was read from; False when it says what they said."""
    current = rows_of(session, owner_field, owner_id)
    before, used, _kept = weekly.read(as_dicts(current))
    if before.canonical() == week.canonical() and used:
        return False
    if not used and week.canonical() == weekly.Week().canonical():
        return False
    ids = {r["id"] for r in used}
    for row in current:
        if row.id in ids:
            records.remove(session, "schedule", row, who, now)
    session.flush()
    for row in weekly.rows(week):
        submitted = {name: ("" if row.get(name) is None else str(row[name])) for name in records.editable_fields("schedule")}
        obj, problems = records.create(session, "schedule", owner_field, owner_id, submitted, who, now)
        if problems:  # from_form checked every value: this is a bug, not a curator's mistake
            raise ValueError(f"the week wrote a schedule row the checks refuse: {problems}")
    return True
