"""The reports people send ("this is wrong"), as curators work through them.

A report is new, then in progress, then resolved or not a problem, with a note saying what was done.
The reporter's contact is for curators only, and is erased once the report is older than the
retention period (PASSERELLE_REPORT_RETENTION_DAYS, 90 by default): `erase_old_contacts` runs at
every look at the reports and from `flask reports erase-contacts`.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from pwa_app.db.models import Report

STATES = ("new", "in_progress", "resolved", "not_a_problem")
OPEN = ("new", "in_progress")
MAX_NOTE = 5000


def erase_old_contacts(session: Session, now: datetime, days: int) -> int:
    """Erase the contact of every report older than `days`; return how many were erased."""
    result = session.execute(update(Report).where(Report.created_at < now - timedelta(days=days), Report.contact != "")
                             .values(contact="", contact_erased_at=now))
    return result.rowcount or 0


def listing(session: Session, states: tuple[str, ...], page: int = 1, per_page: int = 50) -> tuple[list[Report], int]:
    query = select(Report).where(Report.status.in_(states))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(Report.created_at, Report.id).offset((page - 1) * per_page).limit(per_page))
    return list(rows), total


def counts(session: Session) -> dict[str, int]:
    found = dict(session.execute(select(Report.status, func.count()).group_by(Report.status)).all())
    return {state: found.get(state, 0) for state in STATES}


def move(session: Session, report: Report, status: str, note: str, who: str, now: datetime) -> None:
    """Set a report's state and note (the note is required to close it)."""
    if status not in STATES:
        raise ValueError(f"the state is one of {STATES}")
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise ValueError(f"a note holds at most {MAX_NOTE} characters")
    if status not in OPEN and not note:
        raise ValueError("say what was done")
    report.status, report.resolution_note, report.handled_by, report.updated_at = status, note, who, now
