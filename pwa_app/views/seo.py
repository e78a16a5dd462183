"""What crawlers and browsers ask for at the site's root: /robots.txt, the sitemaps, /favicon.ico.

- `/robots.txt` opens the directory's pages (each language's home, categories, services, about)
  and closes what is private, endless or not a page: search results with filters or further pages
  (a search for one word stays open: Lighthouse counts a blocked page against it, and crawlers
  find no searches to follow but those linked from elsewhere), category pages with a query (the
  filters multiply without end; the bare page and the sitemap reach every service), referral sheets
  (a token names the services given to a client), saved lists, report forms, Clear data, the language
  picker, the offline shell and files, the API.
- `/sitemap.xml` is an index of one sitemap per language, `/sitemap-<lang>.xml`, split in parts of
  50,000 URLs (`/sitemap-<lang>-2.xml`…): the home, every category with listed services, every
  listed service, with `<lastmod>`. Built from one query per data version and streamed (gzipped
  where the crawler takes it): 60,000 services cost no query per service.
- Sitemaps need absolute URLs, which come only from `site.base_url()`: without one (no
  PASSERELLE_BASE_URL, and a host that is neither trusted nor this machine) the sitemaps answer 404
  and robots.txt has no `Sitemap:` line, as share links stay relative then.

These routes are explicit, so they win over `/<lang>/` (a language code never holds a dot).
"""
from __future__ import annotations

import hashlib
import re
import zlib
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, request, url_for
from sqlalchemy import select

from pwa_app.core import icon, sitemap
from pwa_app.db import data_version
from pwa_app.db.extensions import db
from pwa_app.db.models import Service
from pwa_app.present import situations
from pwa_app.present.categories import LISTED_STATUSES
from pwa_app.web import i18n, site
from pwa_app.web.pages import per_version, tree

bp = Blueprint("seo", __name__)

FAVICON_SOURCE = "icons/icon-192.png"  # the app icon, in static/
# Under each language's home: the pages to keep out of search engines (see the docstring).
PRIVATE_PAGES = ("search?*&", "r/", "saved", "clear", "language", "offline", "services/*/report", "categories/*?",
                 "situations/*?")  # an answered plan (issue 18): the answers are nobody's to index
PRIVATE_PATHS = ("/api/", "/choose-language/", "/offline/", "/snapshots/", "/curate/")
SITEMAP_NAME = re.compile(r"(?P<lang>[A-Za-z_]+)(?:-(?P<part>[2-9]|[1-9][0-9]+))?")


@bp.get("/robots.txt")
def robots():
    lines = ["# Directory pages are open to every crawler; filtered searches, referral sheets, saved lists,",
             "# report forms and the API are not.", "User-agent: *"]
    lines += [f"Disallow: {path}" for path in PRIVATE_PATHS]
    for lang in i18n.languages():
        home = url_for("directory.home", lang=lang.code)
        lines += [f"Disallow: {home}{page}" for page in PRIVATE_PAGES]
    base = site.base_url()
    if base:
        lines += ["", f"Sitemap: {base}{url_for('seo.sitemap_index')}"]
    return "\n".join(lines) + "\n", 200, {"Content-Type": "text/plain; charset=utf-8",
                                          "Cache-Control": "public, max-age=86400"}


@bp.get("/favicon.ico")
def favicon():
    body = favicon_bytes(current_app.static_folder)
    response = Response(body, mimetype="image/x-icon",
                        headers={"Cache-Control": "public, max-age=2592000"})  # 30 days: the name never changes
    response.set_etag(hashlib.sha256(body).hexdigest()[:20])
    return response.make_conditional(request)


@cache
def favicon_bytes(static_folder: str) -> bytes:
    return icon.ico_from_png((Path(static_folder) / FAVICON_SOURCE).read_bytes())


def pages() -> list[tuple[str, str | None]]:
    """Every page a language's sitemap lists, as (path after the language's home, lastmod), built once
    per data version: the home, the situations, the categories with listed services, the listed services."""
    return per_version("sitemap-pages", _pages)


def _pages() -> list[tuple[str, str | None]]:
    default = current_app.config["DEFAULT_LANGUAGE"]
    home = url_for("directory.home", lang=default)
    now = datetime.now(UTC)
    services = [(sid, _last_change(modified, verified, now)) for sid, modified, verified in db.session.execute(
        select(Service.id, Service.last_modified, Service.assured_date)
        .where(Service.status.in_(LISTED_STATUSES)).order_by(Service.id))]
    # Home and category pages change with any record: the time of the data's last change, else
    # (a database changed before that was kept) the newest of its services' dates.
    whole = data_version.changed_at(db.session)
    if whole is None:
        dated = [change for _sid, change in services if change]
        whole = max(dated, key=lambda change: change[0])[1] if dated else None
    whole = sitemap.lastmod(whole)
    t = tree()
    categories = sorted(term.slug for term in t.terms.values() if term.slug and t.services_under(term.id))
    out = [("", whole)]
    # Guided help (issue 18): the situations, and each one unanswered.
    out += [(url_for("situations.index", lang=default)[len(home):], whole)]
    out += [(url_for("situations.situation", lang=default, slug=slug)[len(home):], whole) for slug in situations.slugs()]
    out += [(url_for("directory.category", lang=default, slug=slug)[len(home):], whole) for slug in categories]
    out += [(url_for("directory.service", lang=default, service_id=sid)[len(home):],
             sitemap.lastmod(change[1]) if change else None) for sid, change in services]
    return out


def _last_change(modified: datetime | None, verified: date | None, now: datetime):
    """A service page's last change, as (moment, date or date-time to write): its record's
    last_modified (naive UTC) or its verification date, whichever is later; never later than now
    (a record dated in the future is not believed). None when the record has neither."""
    found = [(m.replace(tzinfo=UTC), m) for m in (modified,) if m is not None]
    found += [(datetime(v.year, v.month, v.day, tzinfo=UTC), v) for v in (verified,) if v is not None]
    if not found:
        return None
    moment, value = max(found, key=lambda f: f[0])
    return (now, now) if moment > now else (moment, value)


def _base_or_404() -> str:
    base = site.base_url()
    if base is None:
        abort(404)  # no trusted address to write absolute URLs with
    return base


@bp.get("/sitemap.xml")
def sitemap_index():
    base = _base_or_404()
    entries = pages()
    limit = current_app.config["SITEMAP_MAX_URLS"]
    changed = entries[0][1]  # the home's: the time of the data's last change
    locs = [(base + url_for("seo.language_sitemap", name=lang.code if n == 1 else f"{lang.code}-{n}"), changed)
            for lang in i18n.languages() for n in range(1, sitemap.part_count(len(entries), limit) + 1)]
    return Response(sitemap.index_xml(locs), mimetype="application/xml",
                    headers={"Cache-Control": "public, max-age=3600"})


@bp.get("/sitemap-<name>.xml")
def language_sitemap(name: str):
    found = SITEMAP_NAME.fullmatch(name)
    if not found or not i18n.is_supported(found["lang"]):
        abort(404)
    base = _base_or_404()
    entries, limit, number = pages(), current_app.config["SITEMAP_MAX_URLS"], int(found["part"] or 1)
    if number > sitemap.part_count(len(entries), limit):
        abort(404)
    home = base + url_for("directory.home", lang=found["lang"])
    chunks = sitemap.urlset_chunks((home + path, modified) for path, modified in sitemap.part(entries, number, limit))
    headers = {"Cache-Control": "public, max-age=3600", "Vary": "Accept-Encoding"}
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        return Response(_gzip(chunks), mimetype="application/xml", headers={**headers, "Content-Encoding": "gzip"})
    return Response((chunk.encode() for chunk in chunks), mimetype="application/xml", headers=headers)


def _gzip(chunks):
    """Gzip a stream of text as it goes (a whole sitemap is several megabytes before compression)."""
    packer = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    for chunk in chunks:
        out = packer.compress(chunk.encode())
        if out:
            yield out
    yield packer.flush()
