"""Verification: "Verified today" on a service, and the queue of services due for it.

A service is due when it was never verified (no HSDS `assured_date`) or last verified longer ago than
the threshold (PASSERELLE_VERIFY_MONTHS, six months by default). Oldest first: the never-verified,
then by date.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from pwa_app.curate import audit
from pwa_app.curate.records import as_text, touch
from pwa_app.db.models import Address, Attribute, Service, ServiceAtLocation, TaxonomyTerm

HOW = ("phone", "email", "site")  # by phone, by email, on site
MAX_NOTE = 2000


def months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def verify(session: Session, service: Service, how: str, note: str, who: str, today: date, now: datetime) -> None:
    """The service was checked today (`how`: phone, email or site): its assured_date and assurer, in the trail."""
    if how not in HOW:
        raise ValueError(f"how is one of {HOW}")
    note = " ".join((note or "").split())[:MAX_NOTE]
    for name, value in (("assured_date", today), ("assurer_email", who)):
        old = as_text(getattr(service, name))
        setattr(service, name, value)
        audit.record(session, "service", service.id, "verify", name, old, as_text(value), who, now)
    audit.record(session, "service", service.id, "verify", "verification", "", f"{how}: {note}" if note else how, who, now)
    touch(session, "service", service, now)


@dataclass(frozen=True)
class Due:
    service: Service
    months: int | None  # since last verified; None for never


def due(session: Session, today: date, months: int, category: str = "", area: str = "",
        page: int = 1, per_page: int = 50) -> tuple[list[Due], int]:
    """Services due for verification (never, or before the threshold), oldest first; and how many."""
    cutoff = months_before(today, months)
    query = select(Service).where(or_(Service.assured_date.is_(None), Service.assured_date < cutoff))
    if category:
        terms = select(TaxonomyTerm.id).where(or_(TaxonomyTerm.slug == category, TaxonomyTerm.parent_id.in_(
            select(TaxonomyTerm.id).where(TaxonomyTerm.slug == category))))
        query = query.where(Service.id.in_(select(Attribute.link_id).where(
            Attribute.link_entity == "service", Attribute.taxonomy_term_id.in_(terms))))
    if area:
        query = query.where(Service.id.in_(
            select(ServiceAtLocation.service_id).join(Address, Address.location_id == ServiceAtLocation.location_id)
            .where(func.lower(func.trim(Address.city)) == area.strip().lower())))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(Service.assured_date.is_not(None), Service.assured_date, Service.name)
                           .offset((page - 1) * per_page).limit(per_page))
    return [Due(s, age_in_months(s.assured_date, today)) for s in rows], total


def age_in_months(day: date | None, today: date) -> int | None:
    if day is None:
        return None
    return max(0, (today.year - day.year) * 12 + today.month - day.month - (today.day < day.day))


def areas(session: Session) -> list[str]:
    """The towns the directory's addresses name, for the queue's filter."""
    names = session.scalars(select(func.trim(Address.city)).where(Address.city.is_not(None)).distinct())
    return sorted({n for n in names if n}, key=str.casefold)
