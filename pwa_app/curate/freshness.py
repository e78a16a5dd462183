"""The freshness dashboard's figures: how old the directory's knowledge is, and where it has gaps.

Each chart is a list of `Bar`s (label, count, share of the largest); the template draws them as SVG
on the server (templates/curate/_chart.html): no chart library, nothing from another host.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pwa_app.curate.triage import OPEN
from pwa_app.curate.verify import age_in_months
from pwa_app.db.models import Address, Report, Service, ServiceAtLocation, Translation
from pwa_app.present.categories import LISTED_STATUSES, load_tree

VERIFIED_AGES = (("never", None), ("0–3", 3), ("3–6", 6), ("6–12", 12), ("12–24", 24), ("24+", 10**6))
REPORT_AGES = (("< 7", 7), ("7–30", 30), ("30–90", 90), ("90+", 10**6))  # days


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    share: float  # of the largest bar in its chart, 0..1
    gap: bool = False  # nothing here: a gap to fill


def bars(rows: list[tuple[str, int]], gaps: bool = False) -> list[Bar]:
    top = max((count for _, count in rows), default=0) or 1
    return [Bar(label, count, count / top, gaps and count == 0) for label, count in rows]


def verified_ages(session: Session, today: date) -> list[Bar]:
    """Listed services by months since last verified."""
    counts: Counter = Counter()
    for day in session.scalars(select(Service.assured_date).where(Service.status.in_(LISTED_STATUSES))):
        months = age_in_months(day, today)
        label = next(lbl for lbl, limit in VERIFIED_AGES if (months is None) == (limit is None)
                     and (limit is None or months < limit))
        counts[label] += 1
    return bars([(label, counts[label]) for label, _ in VERIFIED_AGES])


def open_reports(session: Session, now: datetime) -> list[Bar]:
    """Reports still open, by days since they were sent."""
    counts: Counter = Counter()
    for created in session.scalars(select(Report.created_at).where(Report.status.in_(OPEN))):
        days = (now - created).days if created else 0
        counts[next(lbl for lbl, limit in REPORT_AGES if days < limit)] += 1
    return bars([(label, counts[label]) for label, _ in REPORT_AGES])


def per_category(session: Session, name_of) -> list[Bar]:
    """Listed services under each top category of the taxonomy; a category with none is a gap.

    `name_of(term)` is the category's name in the curator's language."""
    tree = load_tree(session)
    roots = sorted(tree.children.get(None, []), key=lambda t: (t.code or "", t.name))
    return bars([(name_of(t), len(tree.services_under(t.id))) for t in roots], gaps=True)


def per_area(session: Session, limit: int = 25) -> list[Bar]:
    """Listed services with a place in each town (the largest `limit` towns)."""
    town = func.trim(Address.city)
    rows = session.execute(
        select(town, func.count(func.distinct(ServiceAtLocation.service_id)))
        .join(ServiceAtLocation, ServiceAtLocation.location_id == Address.location_id)
        .join(Service, Service.id == ServiceAtLocation.service_id)
        .where(Service.status.in_(LISTED_STATUSES), Address.city.is_not(None))
        .group_by(town).order_by(func.count(func.distinct(ServiceAtLocation.service_id)).desc(), town).limit(limit)
    ).all()
    return bars([(name, count) for name, count in rows if name])


def translation_coverage(session: Session, languages: tuple[str, ...], base: str) -> list[Bar]:
    """Per language: the share of listed services whose name or description is written in it (percent)."""
    listed = select(Service.id).where(Service.status.in_(LISTED_STATUSES))
    total = session.scalar(select(func.count()).select_from(listed.subquery())) or 0
    rows = dict(session.execute(
        select(Translation.language, func.count(func.distinct(Translation.id)))
        .where(Translation.entity == "service", Translation.field.in_(("name", "description")),
               Translation.id.in_(listed))
        .group_by(Translation.language)).all())
    out = []
    for code in languages:
        n = total if code == base else rows.get(code, 0)
        out.append((code, round(100 * n / total) if total else 0))
    return [Bar(label, pct, pct / 100, pct == 0) for label, pct in out]
