"""What the browser's search needs beyond the offline snapshot: /<lang>/offline/search-data.json.

Every category's names and synonyms in every language (pwa_app/taxonomy_i18n, as the server's
index has them, so a query in one language finds records written in another), the places for
"near", the languages spoken, and per service its language codes and step-free access. The
phone keeps it in its Cache Storage beside the snapshot (static/js/search-client.js).
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict

from flask import Response, current_app, g, request
from sqlalchemy import select
from sqlalchemy.orm import Session

from pwa_app.db import data_version
from pwa_app.search import filters
from pwa_app.web import i18n
from pwa_app.present import taxonomy_names
from pwa_app.present.categories import LISTED_STATUSES, load_tree
from pwa_app.db.extensions import db
from pwa_app.present.localize import language_name
from pwa_app.db.models import Accessibility, Language, Service, ServiceAtLocation, Translation
from pwa_app.core.textnorm import normalize

bp = i18n.localized_blueprint("search_data", __name__)


def term_words(session: Session) -> dict[str, str]:
    """Slug -> every name and synonym of the term (and its translations in the data), normalised, once each."""
    tree = load_tree(session)
    translated: dict[str, list[str]] = defaultdict(list)
    for ident, value in session.execute(
        select(Translation.id, Translation.value).where(Translation.entity == "taxonomy_term", Translation.field == "name")
    ):
        translated[ident].append(value)
    out = {}
    for t in tree.terms.values():
        if not t.slug or not tree.services_under(t.id):
            continue
        words = [t.name, *translated[t.id]]
        if taxonomy_names.is_open_eligibility(t.code, t.name):
            words += taxonomy_names.words(t.code)
        out[t.slug] = " ".join(dict.fromkeys(normalize(" ".join(words)).split()))
    return out


def service_facts(session: Session) -> dict[str, list]:
    """Service id -> [language codes, 1 if step-free access at one of its locations]."""
    listed = set(session.scalars(select(Service.id).where(Service.status.in_(LISTED_STATUSES))))
    codes: dict[str, set[str]] = defaultdict(set)
    for sid, code in session.execute(select(Language.service_id, Language.code)):
        if sid in listed and code:
            codes[sid].add(code)
    wheelchair: set[str] = set()
    for sid, desc, details in session.execute(
        select(ServiceAtLocation.service_id, Accessibility.description, Accessibility.details)
        .join(Accessibility, Accessibility.location_id == ServiceAtLocation.location_id)
    ):
        if sid in listed and filters.is_wheelchair_text(desc, details):
            wheelchair.add(sid)
    return {sid: [sorted(codes[sid]), 1 if sid in wheelchair else 0] for sid in sorted(listed)}


def document(session: Session, lang: str) -> dict:
    from babel import Locale

    locale = Locale.parse(lang)
    services = service_facts(session)
    spoken = sorted({c for codes, _ in services.values() for c in codes})
    return {
        "terms": term_words(session),
        "places": [{"i": p.id, "n": p.name, "k": p.kind, "g": [p.latitude, p.longitude]} for p in filters.places(session)],
        # [code, name], or [code, name, language of the name] where it is not the reader's (language_name).
        "languages": [[c, t.value, t.lang] if t.fallback else [c, t.value]
                      for c, t in sorted(((c, language_name(locale, c)) for c in spoken), key=lambda x: x[1].value.casefold())],
        "services": services,
    }


@bp.route("/offline/search-data.json")
def search_data():
    """The browser search's extra data, in the reader's language, tagged with the data version."""
    version = data_version.current(db.session)
    etag = hashlib.sha256(f"{g.lang}:{version}".encode()).hexdigest()[:20]
    if etag in request.headers.get("If-None-Match", ""):
        response = Response(status=304)
    else:
        cache = current_app.extensions.setdefault("search_data", {})
        key = (g.lang, version, str(db.engine.url))
        if key not in cache:
            if len(cache) > 16:
                cache.clear()
            cache[key] = json.dumps({"version": version, **document(db.session, g.lang)},
                                    ensure_ascii=False, separators=(",", ":"))
        response = Response(cache[key], mimetype="application/json")
    response.headers["ETag"] = f'"{etag}"'
    response.headers["Cache-Control"] = "no-cache"
    return response
