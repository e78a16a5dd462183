"""Validators on pages and API answers, so that a phone revalidates what it holds with one 304.

Every successful GET of a page or an API answer carries an `ETag` made of the directory's data
version (`pwa_app/db/data_version.py`: every import or edit changes it, so an edit gives every page
a new tag) and a hash of the bytes as sent. The bytes, not a list of what might change them, since
much does: the language, the query, the app build (asset URLs), the encoding, the configured
numbers, and the moment ("open now", the week from today, which turns while the data stays put).
A tag that named less than the bytes would answer 304 to a phone holding a page that now says
"closed", or holding the report form with another idempotency key. A request whose `If-None-Match`
names the tag gets 304 and no body.

`Cache-Control`: pages are `private, no-cache`: the phone may keep a page and must ask before
showing it again (a 304 costs a few hundred bytes), and no shared cache (a proxy, a CDN, a
school's or a shelter's network) may store it, since a page can say what someone looked at (a
referral sheet names the services given to a client). The API's answers are the directory's
public data, the same for everyone: `no-cache`. Pages that must not be kept at all (search,
clearing data) say `no-store` themselves and get no tag.
"""
from __future__ import annotations

import hashlib

from flask import Response, request

from pwa_app.db import data_version
from pwa_app.db.extensions import db

TAGGED = ("text/html", "application/json", "application/x-ndjson", "application/manifest+json")
PAGE_CACHING = "private, no-cache"  # pages (text/html)
API_CACHING = "no-cache"  # the API's and other JSON answers: public data


def request_version(strict: bool = False) -> str | None:
    """The data version this request is answered from: read once (the page cache's key and the
    tag share it), outside the request's transaction. None without a database, unless `strict`:
    then the error is raised (the page cache's read, which the friendly 503 handles)."""
    kept = request.environ  # this request's, even where a test holds one app context (and `g`) over several
    if "passerelle.data_version" not in kept:
        try:
            kept["passerelle.data_version"] = data_version.current_outside_a_transaction(db.engine)
        except Exception:
            if strict:
                raise
            return None  # no database, no tag: the page still goes out
    return kept["passerelle.data_version"]


def keep_tag(tag: str | None) -> None:
    """The tag of the bytes about to be sent, worked out already (the page cache keeps it with the page)."""
    request.environ["passerelle.body_tag"] = tag


def body_tag(body: bytes) -> str:
    """An ETag's value for these bytes under this request's data version (the page cache keeps it
    with the page, so a page from the cache is not hashed again)."""
    version = request_version() or ""
    digest = hashlib.sha256(version.encode() + b"\0" + body).hexdigest()
    return f"{version[:8]}-{digest[:20]}"


def tag_and_validate(response: Response) -> Response:
    """after_request, after compression: tag a page or API answer and answer a matching `If-None-Match` with 304."""
    if (request.method not in ("GET", "HEAD") or response.status_code != 200
            or response.mimetype not in TAGGED or response.direct_passthrough or response.is_streamed):
        return response
    cache_control = response.headers.get("Cache-Control", "")
    # A view with its own validator (the offline snapshot, sw.js) answers If-None-Match itself.
    if "no-store" in cache_control or "Set-Cookie" in response.headers or "ETag" in response.headers:
        return response
    if not cache_control:
        response.headers["Cache-Control"] = PAGE_CACHING if response.mimetype == "text/html" else API_CACHING
    if request_version() is None:
        return response
    tag = request.environ.get("passerelle.body_tag")  # the page cache's, for the bytes it sends
    response.set_etag(tag or body_tag(response.get_data()))
    response.vary.add("Accept-Encoding")  # the tag names the encoding's bytes; either may be sent
    return response.make_conditional(request)
