"""What the browser's search needs beyond the offline snapshot: /<lang>/offline/search-data.json.

Every category's names and synonyms in every language (pwa_app/taxonomy_i18n, as the server's
index has them, so a query in one language finds records written in another), the words of
translated services that the record in the reader's language does not show (ranking.py), the places for
"near", the languages spoken, and per service its language codes and step-free access. The
phone keeps it in its Cache Storage beside the snapshot (static/js/search-client.js).
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict

from flask import current_app, g
from sqlalchemy import select
from sqlalchemy.orm import Session

from pwa_app.search import filters, fulltext, ranking
from pwa_app.web import compress, i18n
from pwa_app.web.pages import per_version, transaction_version
from pwa_app.present.categories import LISTED_STATUSES
from pwa_app.db.extensions import db
from pwa_app.present.localize import language_name
from pwa_app.db.models import Accessibility, Language, Service, ServiceAtLocation, Translation

bp = i18n.localized_blueprint("search_data", __name__)
FORMAT = 2  # in the ETag: a phone holding an older form of the document (1 had no `extra`) gets the new one


def translated_words(session: Session) -> dict[str, tuple[dict, list[list[str]]]]:
    """Listed service id -> (its neutral record, [name words, body words] in every language), for the
    translated services only: the only ones whose document holds words a reader's record may not show."""
    from pwa_app.snapshot.records import Settings, neutral_records

    translated = sorted(set(session.scalars(select(Translation.id).where(Translation.entity == "service")))
                        | set(session.scalars(select(Service.id).join(Translation, (Translation.entity == "organization")
                                                                      & (Translation.id == Service.organization_id)))))
    if not translated:
        return {}
    settings = Settings.from_app(current_app, session)
    return {sid: (record, [ranking.distinct(every) for every in ranking.record_texts(record, ranking.every_language)])
            for sid, record in neutral_records(session, settings, only=translated).items()
            if record.get("s") in (None, *LISTED_STATUSES)}


def extra_words(translated: dict[str, tuple[dict, list[list[str]]]], lang: str, base_language: str) -> dict[str, list[str]]:
    """Service id -> [name words, body words] its search document holds and its record in `lang` does not show
    (the other languages' texts, ranking.py)."""
    from pwa_app.snapshot.reader import for_language

    out = {}
    for sid, (record, every) in translated.items():
        shown = for_language(lang, record.get("b", base_language)).service(record)
        extra = [" ".join(ranking.extra_words(words, ranking.distinct(mine)))
                 for words, mine in zip(every, ranking.record_texts(shown, ranking.as_rendered), strict=True)]
        if any(extra):
            out[sid] = extra
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


def every_language(session: Session) -> dict:
    """What the search data holds whatever the reader's language: worked out once per data version."""
    from pwa_app.snapshot.records import Settings

    return {
        "terms": fulltext.term_words(session),
        "translated": translated_words(session),
        "places": [{"i": p.id, "n": p.name, "k": p.kind, "g": [p.latitude, p.longitude]} for p in filters.places(session)],
        "services": service_facts(session),
        "base": Settings.from_app(current_app, session).base_language,
    }


def document(session: Session, lang: str, shared: dict | None = None) -> dict:
    """The search data in `lang`, from `shared` (`every_language`, read from `session` when not given)."""
    from babel import Locale

    locale = Locale.parse(lang)
    shared = shared or every_language(session)
    services = shared["services"]
    spoken = sorted({c for codes, _ in services.values() for c in codes})
    return {
        "terms": shared["terms"],
        "extra": extra_words(shared["translated"], lang, shared["base"]),
        "places": shared["places"],
        # [code, name], or [code, name, language of the name] where it is not the reader's (language_name).
        "languages": [[c, t.value, t.lang] if t.fallback else [c, t.value]
                      for c, t in sorted(((c, language_name(locale, c)) for c in spoken), key=lambda x: x[1].value.casefold())],
        "services": services,
    }


@bp.route("/offline/search-data.json")
def search_data():
    """The browser search's extra data, in the reader's language, tagged with the data version."""
    version = transaction_version()  # the one what it shares per version is kept under
    etag = hashlib.sha256(f"{FORMAT}:{g.lang}:{version}".encode()).hexdigest()[:20]
    unchanged = compress.not_modified(etag, compress.json_encoding())
    if unchanged:
        return unchanged
    key = (g.lang, version, str(db.engine.url))
    shared = lambda: per_version("search-data", lambda: every_language(db.session))  # noqa: E731
    body = compress.kept("search-data", key, lambda: json.dumps(
        {"version": version, **document(db.session, g.lang, shared())}, ensure_ascii=False, separators=(",", ":")).encode())
    return compress.send_json(body, etag, "search-data", key)
