"""The directory pages at /<lang>/…: home, categories, search, service, about. They work without JavaScript."""
from __future__ import annotations

from datetime import datetime

from flask import abort, current_app, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from pwa_app.db.extensions import db
from pwa_app.db.models import Service, TaxonomyTerm
from pwa_app.present.categories import LISTED_STATUSES
from pwa_app.search import filters as filtering, fulltext
from pwa_app.web import i18n, page_cache, shared
from pwa_app.web.request_input import page_number, search_query
from pwa_app.web.pages import (language_name, term_names, name_ranks, names_in_order, per_version,
                                places, tree)

bp = i18n.localized_blueprint("directory", __name__)
page_cache.init_blueprint(bp)


def service_page(ids: list[str], total: int, page: int, order_by_ids: bool, distances: dict | None = None):
    """Load and present one page of services; keep search ranking when asked."""
    found = shared.records(ids)
    at, size = shared.now(), current_app.config["PAGE_SIZE"]
    cards = [{"r": found[i], "m": shared.moment(found[i], at, km=(distances or {}).get(i))} for i in ids if i in found]
    return {"cards": cards, "total": total, "page": page, "pages": max(1, -(-total // size))}


@bp.route("/")
def home():
    top = tree().top_level()
    names = term_names(top)
    categories = [{**named(t, names), "count": len(tree().services_under(t.id)), "icon": shared.icon_of(t.slug)}
                  for t in top]
    return render_template("directory/home.html", categories=categories)


def named(term, names) -> dict:
    """A category as the shared templates take it: {slug, name}."""
    return {"slug": term.slug, "name": shared.text(names[term.id])}


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
    links = filter_links(f, "directory.category", slug=slug)
    by_name = names_in_order(ids)
    if f.active or f.sort:
        listing = filtered_page(apply_filters(by_name, f), page, size)
    else:
        listing = service_page(by_name[(page - 1) * size: page * size], len(ids), page, order_by_ids=True)
    return render_template(
        "directory/category.html", title=str(names[term.id]), term=named(term, names),
        ancestors=[named(a, names) for a in ancestors],
        children=[{**named(c, names), "count": len(t.services_under(c.id))} for c in children],
        form=filter_form(f, choices, links), chips=links["active_filters"],
        paging=pager(listing, "directory.category", f, slug=slug), **listing)


def pager(listing: dict, endpoint: str, f: filtering.Filters, **args) -> dict:
    """The pager of a list: {page, pages, previous, next}, the links keeping the filters and `args`."""
    page, pages = listing["page"], listing["pages"]
    link = lambda n: url_for(endpoint, page=n, **f.params(), **args)  # noqa: E731
    return {"page": page, "pages": pages, "previous": link(page - 1) if page > 1 else None,
            "next": link(page + 1) if page < pages else None}


def search(query: str, **page) -> fulltext.Results:
    """The server's search, equal scores in the reader's name order (as the phone ranks them)."""
    ranks = name_ranks()
    return fulltext.search(db.session, query, order=lambda i: ranks.get(i, len(ranks)), **page)


@bp.route("/search")
def search_page():
    query = search_query()
    page, size = page_number(), current_app.config["PAGE_SIZE"]
    f = read_filters()
    listing, results, corrected = {}, None, None
    if query and not (f.active or f.sort == "distance"):
        results = search(query, limit=size, offset=(page - 1) * size)
        listing = service_page(results.service_ids, results.total, page, order_by_ids=True)
        corrected = results.corrected
    elif query or f.active:
        if query:
            results = search(query, limit=fulltext.MAX_RESULTS)
            ids, corrected = results.service_ids, results.corrected
        else:
            ids = names_in_order(db.session.scalars(select(Service.id).where(Service.status.in_(LISTED_STATUSES))))
        listing = filtered_page(apply_filters(ids, f), page, size)
        results = fulltext.Results(ids, listing["total"])
    suggestions = related_categories(f) if results is not None and not results.total else []
    names = term_names(suggestions)
    choices = filter_choices()
    args = {"q": query} if query else {}
    links = filter_links(f, "directory.search_page", **args)
    html = render_template(
        "directory/search.html", title=_("Search: %(query)s", query=query) if query else _("Search"),
        query=query, corrected=corrected, suggestions=[named(t, names) for t in suggestions],
        form=filter_form(f, choices, links, query=query, categories=True), chips=links["active_filters"],
        paging=pager(listing, "directory.search_page", f, **args) if listing else None,
        **{"total": 0, **listing})
    # What a person searched for can say what is happening to them: no browser or shared cache keeps
    # it (the service worker keeps no search page either; safety.py).
    return html, 200, {"Cache-Control": "no-store"}


# --- filters (pwa_app/search/filters.py): what the form offers, what the URL asks, one page of what passes ---

def spoken_languages() -> list[str]:
    from pwa_app.db.models import Language

    return per_version("languages", lambda: sorted(
        {c for c in db.session.scalars(select(Language.code).where(Language.service_id.is_not(None))) if c}))


def read_filters() -> filtering.Filters:
    return filtering.parse(request.args, {t.slug for t in tree().terms.values() if t.slug},
                           set(spoken_languages()), {p.id for p in places()})


def filter_choices() -> dict:
    """What the filter form offers, named in the reader's language."""
    langs = sorted(((c, language_name(c)) for c in spoken_languages()), key=lambda x: x[1].value.casefold())
    top = tree().top_level()
    cats = [row for t in top for row in [(t, 0), *((c, 1) for c in tree().populated_children(t.id))]]
    words = shared.filter_words()
    return {
        "filter_languages": langs, "filter_places": places(), "filter_categories": cats,
        "category_names": term_names([t for t, _ in cats]),
        "filter_days": words["days"],
        "words": words,
    }


# The filters a chip can remove, in the order the chips show them (shared/macros.html names them).
CHIPS = ("category", "open", "day", "speaks", "free", "age", "access", "near", "within")


def filter_links(f: filtering.Filters, endpoint: str, **args) -> dict:
    """The chosen filters as chips, [filter, link that removes it]; the form's action, which is also "clear filters"."""
    present = set(f.params(without_sort=True)) | ({"day"} if f.time else set())  # one chip for day and time
    chips = [(name, url_for(endpoint, **args, **f.without(name).params())) for name in CHIPS if name in present]
    return {"active_filters": chips, "filter_action": url_for(endpoint, **args)}


def filter_form(f: filtering.Filters, choices: dict, links: dict, query: str = "", categories: bool = False) -> dict:
    """What shared/filters.html draws: the choices and what is chosen, as plain data (static/js/render.js gives the same)."""
    return {
        "f": f.params(), "action": links["filter_action"], "query": query,
        "ignored": bool(f.ignored), "active": f.active,
        "categories": [[t.slug, str(choices["category_names"][t.id]), depth] for t, depth in choices["filter_categories"]]
        if categories else [],
        "category_name": next((str(choices["category_names"][t.id]) for t, _d in choices["filter_categories"]
                               if t.slug == f.category), f.category),
        "days": choices["filter_days"],
        "languages": [[code, shared.text(name)] for code, name in choices["filter_languages"]],
        "places": [{"id": p.id, "name": p.name, "kind": p.kind, "geo": f"{p.latitude},{p.longitude}"}
                   for p in choices["filter_places"]],
        **{key: choices["words"][key] for key in ("times", "ages", "sorts", "distances")},
    }


def apply_filters(ids: list[str], f: filtering.Filters) -> filtering.Applied:
    t = tree()
    term = t.by_slug(f.category) if f.category else None
    tz = shared.now().tzinfo
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
    r = shared.records([service_id]).get(service_id)
    if r is None:
        abort(404)
    terms = db.session.scalars(select(TaxonomyTerm).where(TaxonomyTerm.slug.in_(r.get("c", ())))).all()
    names = {t.slug: shared.text(n) for t, n in zip(terms, term_names(terms).values(), strict=True)}
    return render_template("directory/service.html", r=r, m=shared.moment(r, shared.now(), page=True), names=names,
                           title=shared.plain(r["n"]), listed=r.get("s") in (None, *LISTED_STATUSES))


@bp.route("/about")
def about():
    return render_template("directory/about.html")
