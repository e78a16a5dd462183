"""What every page shares: the request's view model (`presenter()`), what the templates call to
format in the reader's language (times, dates, distances, language names, "open now"), the
directory's own facts, and what is built once per data version.

Blueprints import from here, never from each other.
"""
from __future__ import annotations

import math
from collections import OrderedDict

from flask import Flask, current_app, g, has_request_context, request
from flask_babel import format_date, format_time, get_locale, gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from pwa_app.db import data_version
from pwa_app.db.extensions import db
from pwa_app.db.models import Attribute, DirectoryInfo, Location, Organization, Service, ServiceAtLocation
from pwa_app.present import localize, name_order, situations, taxonomy_names
from pwa_app.present.categories import Tree, load_tree
from pwa_app.present.localize import LocalText
from pwa_app.present.presenters import Presenter
from pwa_app.search import filters as filtering
from pwa_app.web import i18n

_SAL = selectinload(Service.service_at_locations)
_LOCATION = _SAL.selectinload(ServiceAtLocation.location)
# A card shows hours and a number the service may inherit from where it is offered (present/inherit.py).
CARD_LOADS = (
    selectinload(Service.organization).selectinload(Organization.phones),
    selectinload(Service.phones),
    selectinload(Service.schedules),
    selectinload(Service.languages),
    selectinload(Service.cost_options),
    _SAL.selectinload(ServiceAtLocation.schedules),
    _SAL.selectinload(ServiceAtLocation.phones),
    _LOCATION.selectinload(Location.schedules),
    _LOCATION.selectinload(Location.phones),
)
SERVICE_LOADS = (
    *CARD_LOADS,
    _LOCATION.selectinload(Location.addresses),
    _LOCATION.selectinload(Location.accessibility),
    selectinload(Service.attributes).selectinload(Attribute.taxonomy_term),
)


def page_globals():
    return {"directory_info": directory_info(), "lang": i18n.current(), "languages": i18n.languages()}


def init_app(app: Flask) -> None:
    """Give every template the page's globals and helpers."""
    app.context_processor(page_globals)
    # Globals, not context: macros imported without context can use them too.
    app.jinja_env.globals.update(
        format_date=local_date, format_time=local_time, alternates=i18n.alternates,
        canonical=i18n.canonical,
        language_name=language_name, language_list=language_list, marked=localize.marked,
        status_name=status_name, format_distance=format_distance,
        translation_statuses=i18n.translation_statuses, situations_status=situations.review_status,
    )


def directory_info() -> dict[str, str]:
    if "directory_info" not in g:
        try:
            g.directory_info = {r.key: r.value for r in db.session.scalars(select(DirectoryInfo))}
        except Exception:  # the error page must render even when the database is the error
            db.session.rollback()
            g.directory_info = {}
    return g.directory_info


def format_distance(km: float) -> str:
    """"1.2 km", "350 m", as the reader's language writes them (the phone's twin: near-me.js nearMeDistance).

    Halves round up (1.25 km is "1.3 km"), and what rounds to 1,000 m is said in kilometres."""
    from babel.units import format_unit

    half_up = lambda x: math.floor(x + 0.5)  # noqa: E731  (Python's round() rounds halves to even)
    meters = max(50, half_up(km * 100) * 10)
    if meters < 1000:
        text = format_unit(meters, "length-meter", "short", locale=get_locale())
    else:
        text = format_unit(half_up(km * 10) / 10 if km < 10 else half_up(km), "length-kilometer", "short", locale=get_locale())
    return localize.with_digits(text, get_locale())


def local_time(value, format: str = "short") -> str:
    """Flask-Babel's format_time in the reader's digits (Persian: ۵:۰۰); the phone writes them alike (cldr-format.js)."""
    return localize.with_digits(format_time(value, format), get_locale())


def local_date(value, format: str = "medium") -> str:
    """Flask-Babel's format_date (Gregorian, as every page) in the reader's digits."""
    return localize.with_digits(format_date(value, format), get_locale())


def language_name(code: str) -> LocalText:
    """Name a language in the reader's language ("en" -> "anglais"), marked where it falls back to another."""
    return localize.language_name(get_locale(), code)


def language_list(items) -> str:
    """Language names as the reader's language lists them ("anglais, espagnol et français"), as HTML."""
    return localize.list_html(get_locale(), items)


def status_name(status: str) -> str:
    names = {"inactive": _("inactive"), "defunct": _("no longer offered"), "temporarily closed": _("temporarily closed")}
    return names.get(status, status)


def presenter() -> Presenter:
    cfg = current_app.config
    return Presenter(db.session, g.lang, cfg["REGION_TIMEZONE"], cfg["PHONE_COUNTRY_CODE"],
                     directory_info().get("base_language") or "en")


def tree() -> Tree:
    """The category tree, built once per data version (at 60,000 services that takes half a second)."""
    if "tree" not in g:
        g.tree = per_version("tree", _whole_tree)
    return g.tree


def _whole_tree() -> Tree:
    t = load_tree(db.session)
    for term_id in t.terms:  # every count worked out now: threads sharing the tree then only read it
        t.services_under(term_id)
    return t


KEPT_VERSIONS = 2  # data versions whose built things each process keeps (a request may still read the one before)


def per_version(name: str, build):
    """Something built from the data, kept until the data changes (an import bumps the version): every
    name of the current version (each language's name order and category names among them) and of the one before."""
    version = (transaction_version(), str(db.engine.url))
    cache: OrderedDict = current_app.extensions.setdefault("per_version", OrderedDict())
    if version not in cache:
        cache[version] = {}
        while len(cache) > KEPT_VERSIONS:
            cache.popitem(last=False)
    built = cache[version]
    if name not in built:
        built[name] = build()
    return built[name]


def transaction_version() -> str:
    """The data version as this request's transaction reads it: read once per request and transaction (a
    page asks for several things built per version), again after a commit or a rollback."""
    if not has_request_context():
        return data_version.current(db.session)
    session = db.session()  # this thread's and context's
    transaction, kept = session.get_transaction(), request.environ.get("passerelle.per_version_read")
    if transaction is None or kept is None or kept[0] is not transaction:
        version = data_version.current(session)  # begins the transaction where none had
        kept = request.environ["passerelle.per_version_read"] = (session.get_transaction(), version)
    return kept[1]


def name_ranks() -> dict[str, int]:
    """Service id -> its place among the services by name as this reader sees them (name_order, as render.js)."""
    base = directory_info().get("base_language") or "en"
    return per_version(f"name-ranks:{g.lang}", lambda: name_order.ranks(db.session, g.lang, base))


def names_in_order(ids) -> list[str]:
    """Services by name as this reader sees them (the order render.js keeps offline)."""
    ranks = name_ranks()
    return sorted(ids, key=lambda i: ranks.get(i, len(ranks)))


def places() -> list[filtering.Place]:
    """Towns and postal-code prefixes, for "near" (search/filters.py)."""
    return per_version("places", lambda: filtering.places(db.session))


def term_names(terms) -> dict[str, object]:
    """Category names in the reader's language: our Open Eligibility translations first, then the data's.
    Every category's are worked out once per data version and language."""
    every = per_version(f"term-names:{g.lang}", lambda: _names_of(tree().terms.values()))
    others = _names_of([t for t in terms if t.id not in every])
    return {t.id: every[t.id] if t.id in every else others[t.id] for t in terms}


def _names_of(terms) -> dict[str, object]:
    p = presenter()
    p.picker.preload("taxonomy_term", [t.id for t in terms])
    names = {}
    for t in terms:
        ours = taxonomy_names.name(t.code, g.lang) if taxonomy_names.is_open_eligibility(t.code, t.name) else None
        names[t.id] = LocalText(ours, i18n.current().bcp47, False) if ours else p.picker.pick("taxonomy_term", t, "name")
    return names


def crisis_numbers() -> dict:
    """The numbers a page may have to call first: 911, 988, 211 (or this region's)."""
    cfg = current_app.config
    return {"emergency": cfg["EMERGENCY_NUMBER"], "crisis": cfg["CRISIS_NUMBER"], "helpline": cfg["HELPLINE_NUMBER"]}
