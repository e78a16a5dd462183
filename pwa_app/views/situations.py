"""Guided help (issue 18): /<lang>/situations/, life situations, and /<lang>/situations/<slug>, the needs
behind one, in order, each a category with its nearest, open-now-first services, then the needs a
counsellor would raise. Drawn by templates/shared/situations.html and situation.html, on the phone too.

Three optional questions refine a plan: for whom, whether it is for today, where. With JavaScript off
they come as the query string of a page no cache keeps (`no-store`, and not in the server's page cache;
logs never hold a query string). With JavaScript the phone draws the answered plan itself from the
directory it keeps (static/js/plan-answers.js, static/sw.js ANSWERED_PLAN): the answers never leave it.
"""
from __future__ import annotations

import math

from flask import abort, g, render_template, request

from pwa_app.db.extensions import db
from pwa_app.present import situations
from pwa_app.search import filters as filtering
from pwa_app.web import i18n, page_cache, shared
from pwa_app.web.pages import crisis_numbers, names_in_order, places, tree

bp = i18n.localized_blueprint("situations", __name__)
CARDS = 3  # services shown under each need
AGE_OF = {"child": "child", "older": "senior"}  # for whom -> the age group whose services fit (filters.AGE_GROUPS)


@bp.before_request
def _from_cache():
    """An answered plan is nobody's business: it is rendered each time and kept nowhere."""
    return None if request.args else page_cache.serve_from_cache()


bp.after_request(page_cache.store_in_cache)
bp.teardown_request(page_cache.release_renderer)


@bp.route("/situations/")
def index():
    words = situations.words(g.lang)["situations"]
    listed = [{"slug": s["slug"], "title": words[s["slug"]]["title"], "danger": s["danger"]}
              for s in situations.plan()["situations"]]
    return render_template("directory/situations.html", situations=listed)


@bp.route("/situations/<slug>")
def situation(slug: str):
    s = situations.situation(slug)
    if s is None:
        abort(404)
    asked = situations.answers(request.args)
    known = {p.id: p for p in places()}
    if asked["near"] not in known:
        asked["near"] = ""
    words = situations.words(g.lang)
    t = tree()
    by_code = {}  # a code's category: the first by name that has services (the phone keeps only those)
    for term in sorted(t.terms.values(), key=lambda term: (term.name, term.id)):
        if term.code and t.services_under(term.id):
            by_code.setdefault(term.code, term)
    listed, hidden = [], []
    for n in situations.needs_for(s, asked):
        term = by_code.get(n["code"])
        ids = sorted(t.services_under(term.id)) if term is not None else []
        if not ids:
            continue
        entry = {"need": n["need"], "name": words["needs"][n["need"]], "slug": term.slug, "total": len(ids)}
        if n["hidden"]:
            hidden.append({**entry, "why": words["situations"][slug]["why"][n["need"]]})
        else:
            listed.append({**entry, "cards": cards(ids, known.get(asked["near"]), asked["who"])})
    place_list = [{"id": p.id, "name": p.name} for p in known.values()]
    html = render_template(
        "directory/situation.html", title=words["situations"][slug]["title"],
        s={"slug": slug, "danger": s["danger"], **{k: words["situations"][slug][k] for k in ("title", "intro")}},
        asked=asked, needs=listed, hidden=hidden, places=place_list, numbers=crisis_numbers())
    return (html, 200, {"Cache-Control": "no-store"}) if request.args else html


def cards(ids: list[str], place, who: str) -> list[dict]:
    """The need's first services: for a child or an older adult, only those their age can use (the
    services' eligible ages); open now first, then the nearest to `place` (when one was given), then by
    name as the reader sees names; each with its moment (and its distance)."""
    in_order = names_in_order(ids)
    now = shared.now()
    tz = now.tzinfo
    if who in AGE_OF:
        in_order = filtering.apply(db.session, in_order, filtering.Filters(age=AGE_OF[who]), now, tz).ids
    open_now = set(filtering.apply(db.session, in_order, filtering.Filters(open_now=True), now, tz).ids)
    distances = {}
    if place is not None:
        distances = filtering.apply(db.session, in_order, filtering.Filters(near=place.id), now, tz,
                                    place_list=[place]).distances
    rank = {sid: n for n, sid in enumerate(in_order)}
    chosen = sorted(in_order, key=lambda i: (i not in open_now, distances.get(i, math.inf), rank[i]))[:CARDS]
    found = shared.records(chosen)
    return [{"r": found[i], "m": shared.moment(found[i], now, km=distances.get(i))} for i in chosen if i in found]
