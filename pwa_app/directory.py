"""The directory pages at /<lang>/…: home, categories, search, service, about. They work without JavaScript."""
from __future__ import annotations

from datetime import datetime, timedelta

from flask import abort, current_app, g, render_template, request
from flask_babel import format_date, format_time, get_locale, gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from . import i18n, localize, search
from .categories import LISTED_STATUSES, Tree, load_tree
from .extensions import db
from .hours import Status
from .models import DirectoryInfo, Service, ServiceAtLocation
from .presenters import Presenter

bp = i18n.localized_blueprint("directory", __name__)

SERVICE_LOADS = (
    selectinload(Service.organization),
    selectinload(Service.phones),
    selectinload(Service.schedules),
    selectinload(Service.languages),
    selectinload(Service.cost_options),
    selectinload(Service.service_at_locations).selectinload(ServiceAtLocation.location),
)


@bp.app_context_processor
def page_globals():
    return {"directory_info": directory_info(), "lang": i18n.current(), "languages": i18n.languages()}


@bp.record_once
def template_helpers(state) -> None:
    # Globals, not context: macros imported without context can use them too.
    state.app.jinja_env.globals.update(
        open_label=open_label, format_date=format_date, format_time=format_time, url_in=i18n.url_in,
        language_name=language_name, status_name=status_name,
    )


def directory_info() -> dict[str, str]:
    if "directory_info" not in g:
        try:
            g.directory_info = {r.key: r.value for r in db.session.scalars(select(DirectoryInfo))}
        except Exception:  # the error page must render even when the database is the error
            db.session.rollback()
            g.directory_info = {}
    return g.directory_info


def language_name(code: str) -> str:
    """Name a language in the reader's language ("en" -> "anglais")."""
    return localize.language_name(get_locale(), code)


def status_name(status: str) -> str:
    names = {"inactive": _("inactive"), "defunct": _("no longer offered"), "temporarily closed": _("temporarily closed")}
    return names.get(status, status)


def presenter() -> Presenter:
    cfg = current_app.config
    return Presenter(db.session, g.lang, cfg["REGION_TIMEZONE"], cfg["PHONE_COUNTRY_CODE"],
                     directory_info().get("base_language") or "en")


def tree() -> Tree:
    if "tree" not in g:
        g.tree = load_tree(db.session)
    return g.tree


def open_label(status: Status, now: datetime | None = None) -> str:
    """Say in words whether a service is open: "Open now · closes 5:00 PM", "Closed · opens tomorrow 9:00 AM"."""
    if status.state == "open24":
        return _("Open 24 hours")
    if status.state == "unknown":
        return _("Hours not listed")
    now = now or datetime.now(status.closes_at.tzinfo if status.closes_at else None)
    when = status.closes_at if status.state == "open" else status.opens_at
    if when is None:
        return _("Closed")
    today = now.astimezone(when.tzinfo).date()
    time = format_time(when, "short")
    if status.state == "open":
        if when.date() == today:
            return _("Open now · closes %(time)s", time=time)
        return _("Open now · closes %(day)s %(time)s", day=format_date(when, "EEEE"), time=time)
    if when.date() == today:
        return _("Closed · opens today %(time)s", time=time)
    if when.date() == today + timedelta(days=1):
        return _("Closed · opens tomorrow %(time)s", time=time)
    return _("Closed · opens %(day)s %(time)s", day=format_date(when, "EEEE"), time=time)


def page_number() -> int:
    raw = request.args.get("page", "1")
    return int(raw) if raw.isdigit() and 0 < int(raw) < 10_000 else 1


def service_page(ids: list[str], total: int, page: int, order_by_ids: bool):
    """Load and present one page of services; keep search ranking when asked."""
    rows = db.session.scalars(select(Service).where(Service.id.in_(ids)).options(*SERVICE_LOADS)).all()
    if order_by_ids:
        position = {i: n for n, i in enumerate(ids)}
        rows = sorted(rows, key=lambda s: position[s.id])
    p = presenter()
    p.picker.preload("service", ids)
    p.picker.preload("organization", [s.organization_id for s in rows])
    size = current_app.config["PAGE_SIZE"]
    return {"services": [p.service(s) for s in rows], "total": total, "page": page,
            "pages": max(1, -(-total // size))}


def term_names(terms) -> dict[str, object]:
    p = presenter()
    p.picker.preload("taxonomy_term", [t.id for t in terms])
    return {t.id: p.picker.pick("taxonomy_term", t, "name") for t in terms}


@bp.route("/")
def home():
    top = tree().top_level()
    counts = {t.id: len(tree().services_under(t.id)) for t in top}
    return render_template("directory/home.html", categories=top, names=term_names(top), counts=counts)


@bp.route("/categories/<slug>")
def category(slug: str):
    t = tree()
    term = t.by_slug(slug)
    if term is None:
        abort(404)
    ids = t.services_under(term.id)
    page, size = page_number(), current_app.config["PAGE_SIZE"]
    ordered = db.session.scalars(
        select(Service.id).where(Service.id.in_(ids)).order_by(Service.name).offset((page - 1) * size).limit(size)
    ).all() if ids else []
    children = t.populated_children(term.id)
    ancestors = t.ancestors(term)
    names = term_names([term, *children, *ancestors])
    return render_template(
        "directory/category.html", term=term, names=names, children=children, ancestors=ancestors,
        counts={c.id: len(t.services_under(c.id)) for c in children},
        **service_page(list(ordered), len(ids), page, order_by_ids=True),
    )


@bp.route("/search")
def search_page():
    query = request.args.get("q", "")[: current_app.config["SEARCH_MAX_QUERY"]].strip()
    page, size = page_number(), current_app.config["PAGE_SIZE"]
    results = search.search(db.session, query, limit=size, offset=(page - 1) * size) if query else None
    listing = service_page(results.service_ids, results.total, page, order_by_ids=True) if results else {}
    suggestions = tree().top_level() if results is not None and not results.total else []
    return render_template("directory/search.html", query=query, results=results,
                           suggestions=suggestions, names=term_names(suggestions), **listing)


@bp.route("/services/<service_id>")
def service(service_id: str):
    s = db.session.scalars(select(Service).where(Service.id == service_id).options(*SERVICE_LOADS)).first()
    if s is None:
        abort(404)
    terms = [term for term in s.taxonomy_terms if term.slug]
    names = term_names(terms)
    view = presenter().service(s, [(term.slug, names[term.id]) for term in terms])
    return render_template("directory/service.html", s=view, listed=s.status in LISTED_STATUSES)


@bp.route("/about")
def about():
    return render_template("directory/about.html")
