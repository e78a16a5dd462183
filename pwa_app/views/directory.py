"""The directory pages at /<lang>/…: home, categories, search, service, about. They work without JavaScript."""
from __future__ import annotations

from datetime import datetime

from flask import abort, current_app, g, render_template, request, url_for
from flask_babel import get_locale, gettext as _
from sqlalchemy import select

from pwa_app.db.extensions import db
from pwa_app.db.models import Service
from pwa_app.present import name_order, taxonomy_names
from pwa_app.present.categories import LISTED_STATUSES
from pwa_app.search import filters as filtering, fulltext
from pwa_app.web import i18n, page_cache
from pwa_app.present.localize import LocalText
from pwa_app.web.pages import CARD_LOADS, SERVICE_LOADS, directory_info, format_distance, language_name, per_version, presenter, tree

bp = i18n.localized_blueprint("directory", __name__)
page_cache.init_blueprint(bp)


def page_number() -> int:
    raw = request.args.get("page", "1")
    return int(raw) if raw.isdigit() and 0 < int(raw) < 10_000 else 1


def service_page(ids: list[str], total: int, page: int, order_by_ids: bool, distances: dict | None = None):
    """Load and present one page of services; keep search ranking when asked."""
    rows = db.session.scalars(select(Service).where(Service.id.in_(ids)).options(*CARD_LOADS)).all()
    if order_by_ids:
        position = {i: n for n, i in enumerate(ids)}
        rows = sorted(rows, key=lambda s: position[s.id])
    p = presenter()
    p.picker.preload("service", ids)
    p.picker.preload("organization", [s.organization_id for s in rows])
    size = current_app.config["PAGE_SIZE"]
    cards = [p.card(s) for s in rows]
    points = filtering.service_points(db.session, ids)  # for "Near me", worked out on the phone
    for card in cards:
        card.points = tuple(points.get(card.id, ()))
        card.distance_km = (distances or {}).get(card.id)
    return {"services": cards, "total": total, "page": page,
            "pages": max(1, -(-total // size))}


def term_names(terms) -> dict[str, object]:
    """Category names in the reader's language: our Open Eligibility translations first, then the data's."""
    p = presenter()
    p.picker.preload("taxonomy_term", [t.id for t in terms])
    names = {}
    for t in terms:
        ours = taxonomy_names.name(t.code, g.lang) if taxonomy_names.is_open_eligibility(t.code, t.name) else None
        names[t.id] = LocalText(ours, i18n.current().bcp47, False) if ours else p.picker.pick("taxonomy_term", t, "name")
    return names


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
    f = read_filters()
    children = t.populated_children(term.id)
    ancestors = t.ancestors(term)
    names = term_names([term, *children, *ancestors])
    choices = filter_choices()
    common = dict(term=term, names=names, children=children, ancestors=ancestors,
                  counts={c.id: len(t.services_under(c.id)) for c in children}, filters=f, **choices,
                  **filter_links(f, choices, "directory.category", slug=slug))
    by_name = names_in_order(ids)
    if f.active or f.sort:
        applied = apply_filters(by_name, f)
        return render_template("directory/category.html", **common, **filtered_page(applied, page, size))
    return render_template("directory/category.html", **common,
                           **service_page(by_name[(page - 1) * size: page * size], len(ids), page, order_by_ids=True))


def names_in_order(ids) -> list[str]:
    """Services by name as this reader sees them (name_order: the order render.js keeps offline)."""
    base = directory_info().get("base_language") or "en"
    ranks = per_version(f"name-ranks:{g.lang}", lambda: name_order.ranks(db.session, g.lang, base))
    return sorted(ids, key=lambda i: ranks.get(i, len(ranks)))


@bp.route("/search")
def search_page():
    query = request.args.get("q", "")[: current_app.config["SEARCH_MAX_QUERY"]].strip()
    page, size = page_number(), current_app.config["PAGE_SIZE"]
    f = read_filters()
    listing, results, corrected = {}, None, None
    if query and not (f.active or f.sort == "distance"):
        results = fulltext.search(db.session, query, limit=size, offset=(page - 1) * size)
        listing = service_page(results.service_ids, results.total, page, order_by_ids=True)
        corrected = results.corrected
    elif query or f.active:
        if query:
            results = fulltext.search(db.session, query, limit=fulltext.MAX_RESULTS)
            ids, corrected = results.service_ids, results.corrected
        else:
            ids = names_in_order(db.session.scalars(select(Service.id).where(Service.status.in_(LISTED_STATUSES))))
        listing = filtered_page(apply_filters(ids, f), page, size)
        results = fulltext.Results(ids, listing["total"])
    suggestions = related_categories(f) if results is not None and not results.total else []
    choices = filter_choices()
    links = filter_links(f, choices, "directory.search_page", **({"q": query} if query else {}))
    html = render_template("directory/search.html", query=query, results=results, corrected=corrected, filters=f,
                           suggestions=suggestions, names=term_names(suggestions), show_category_filter=True,
                           **choices, **links, **listing)
    # What a person searched for can say what is happening to them: no browser or shared cache keeps
    # it (the service worker keeps no search page either; safety.py).
    return html, 200, {"Cache-Control": "no-store"}


# --- filters (pwa_app/search/filters.py): what the form offers, what the URL asks, one page of what passes ---

def places() -> list[filtering.Place]:
    return per_version("places", lambda: filtering.places(db.session))


def spoken_languages() -> list[str]:
    from pwa_app.db.models import Language

    return per_version("languages", lambda: sorted(
        {c for c in db.session.scalars(select(Language.code).where(Language.service_id.is_not(None))) if c}))


def read_filters() -> filtering.Filters:
    return filtering.parse(request.args, {t.slug for t in tree().terms.values() if t.slug},
                           set(spoken_languages()), {p.id for p in places()})


def filter_choices() -> dict:
    """What the filter form offers, named in the reader's language."""
    from babel.dates import get_day_names

    langs = sorted(((c, language_name(c)) for c in spoken_languages()), key=lambda x: x[1].value.casefold())
    top = tree().top_level()
    cats = [row for t in top for row in [(t, 0), *((c, 1) for c in tree().populated_children(t.id))]]
    days = get_day_names("wide", locale=get_locale())
    return {
        "filter_languages": langs, "filter_places": places(), "filter_categories": cats,
        "category_names": term_names([t for t, _ in cats]),
        "filter_days": [(code, days[n]) for n, code in enumerate(filtering.DAYS)],
        "filter_times": [("morning", _("Morning")), ("afternoon", _("Afternoon")), ("evening", _("Evening"))],
        "filter_ages": [("child", _("Children")), ("youth", _("Youth")), ("adult", _("Adults")), ("senior", _("Seniors"))],
        "filter_distances": filtering.DISTANCES_KM,
        "filter_sorts": [("relevance", _("Best match")), ("name", _("Name")), ("distance", _("Distance"))],
    }


def filter_links(f: filtering.Filters, choices: dict, endpoint: str, **args) -> dict:
    """The chosen filters as chips, each a link that removes it; the form's action; "clear filters"."""
    names = dict(choices["filter_languages"])
    labels = {
        "category": lambda: next((str(choices["category_names"][t.id]) for t, _d in choices["filter_categories"]
                                  if t.slug == f.category), f.category),
        "open": lambda: _("Open now"),
        "day": lambda: " · ".join(x for x in (dict(choices["filter_days"]).get(filtering.DAYS[f.day]) if f.day is not None else None,
                                              dict(choices["filter_times"]).get(f.time, f.time)) if x),
        "speaks": lambda: names.get(f.speaks, f.speaks),
        "free": lambda: _("Free of charge"),
        "age": lambda: dict(choices["filter_ages"])[f.age],
        "access": lambda: _("Wheelchair accessible"),
        "near": lambda: _("Near %(place)s", place=next((p.name for p in choices["filter_places"] if p.id == f.near), f.near)),
        "within": lambda: _("Within %(distance)s", distance=format_distance(f.within)),
    }
    present = set(f.params(without_sort=True)) | ({"day"} if f.time else set())  # one chip for day and time
    chips = [(labels[name](), url_for(endpoint, **args, **f.without(name).params())) for name in labels if name in present]
    return {"active_filters": chips, "filter_action": url_for(endpoint, **args),
            "clear_filters_url": url_for(endpoint, **args)}


def apply_filters(ids: list[str], f: filtering.Filters) -> filtering.Applied:
    t = tree()
    term = t.by_slug(f.category) if f.category else None
    tz = presenter().tz
    return filtering.apply(db.session, ids, f, datetime.now(tz), tz,
                           category_ids=t.services_under(term.id) if term else None, place_list=places())


def filtered_page(applied: filtering.Applied, page: int, size: int) -> dict:
    chosen = applied.ids[(page - 1) * size: page * size]
    return {**service_page(chosen, len(applied.ids), page, order_by_ids=True, distances=applied.distances),
            "place": applied.place}


def related_categories(f: filtering.Filters):
    """When nothing matched: the chosen category's neighbours, else the top level."""
    t = tree()
    term = t.by_slug(f.category) if f.category else None
    if term is not None:
        related = [*t.ancestors(term)[-1:], *t.populated_children(term.parent_id)]
        related = [r for r in related if r.id != term.id]
        if related:
            return related
    return t.top_level()


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
