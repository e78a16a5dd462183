"""Safety (issues 7 and 13): "Clear Passerelle data from this phone", and what Quick exit leaves behind.

Clearing: the POST answers with Clear-Site-Data, so the browser itself deletes this site's storage,
caches and service worker even when JavaScript is off; static/js/safety.js clears the same things
first (and alone when offline). Because that wipes things that exist only on the phone (saved
lists), the POST acts only when it comes from this site's own confirmation page:

- the browser must not say it comes from elsewhere (`pwa_app/web/site.py::from_this_site`):
  `Sec-Fetch-Site` must be `same-origin`, or, from a browser that does not send it, `Origin` must be
  this site's (PASSERELLE_BASE_URL's, else the scheme and host as Flask sees them);
- and the form must carry the token the confirmation page put in it: an HMAC with SECRET_KEY over
  a time stamp and a random value kept in a short-lived, SameSite=Strict cookie of this page
  alone, valid for TOKEN_SECONDS. Another site can fetch this page itself, but not with the
  phone's cookie, so it cannot make a token this phone's browser will match.

Anything else gets 403, the confirmation form again, and no Clear-Site-Data.

Quick exit (a link in base.html, made a history replacement by safety.js) goes to a neutral site.
With JavaScript, moving between Passerelle pages replaces the history entry, so Back after Quick exit
does not return to Passerelle. What stays on the phone after Quick exit, and why:

- deleted: the service worker's cache of visited pages (`passerelle-pages-…`) and sessionStorage;
  the service worker never keeps search pages or any page with a query string in the first place;
- kept: the offline directory (the same generic snapshot, and its search data, for everyone who
  uses the language: it says nothing about the person), the app shell cache (code and the empty
  page frame), saved lists and reports waiting to be sent (the person's own work, which exists
  nowhere else; "Clear Passerelle data from this phone" deletes them), settings in localStorage (which list is active,
  the areas kept offline) and the language cookie (set only by a choice).

Search pages answer `Cache-Control: no-store` (directory.search_page), so no browser or shared
cache keeps them either. Not the site's to delete: the browser's own history of visits before
JavaScript ran (a page opened from a link or typed in).
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import time

from flask import current_app, render_template, request

from pwa_app.web import i18n
from pwa_app.web.site import from_this_site

bp = i18n.localized_blueprint("safety", __name__)

COOKIE = "clear"
TOKEN_SECONDS = 15 * 60
CLOCK_SKEW_SECONDS = 60


def _signature(stamp: int, nonce: str) -> str:
    key = current_app.config["SECRET_KEY"]
    key = key.encode() if isinstance(key, str) else key
    return hmac.new(key, f"clear-site-data|{stamp}|{nonce}".encode(), hashlib.sha256).hexdigest()


def make_token(nonce: str, now: float | None = None) -> str:
    stamp = int(time.time() if now is None else now)
    return f"{stamp}.{_signature(stamp, nonce)}"


def token_is_valid(token: str, nonce: str | None, now: float | None = None) -> bool:
    """The token this page made for this browser's nonce, and not older than TOKEN_SECONDS."""
    stamp, _, signature = (token or "").partition(".")
    if not nonce or not stamp.isdigit() or len(stamp) > 12:
        return False
    age = int(time.time() if now is None else now) - int(stamp)
    if not -CLOCK_SKEW_SECONDS <= age <= TOKEN_SECONDS:
        return False
    return hmac.compare_digest(signature.encode(), _signature(int(stamp), nonce).encode())


def _ask(status: int = 200, refused: bool = False):
    nonce = request.cookies.get(COOKIE) or secrets.token_urlsafe(18)
    body = render_template("safety/clear.html", cleared=False, refused=refused, clear_token=make_token(nonce))
    response = current_app.make_response((body, status, {"Cache-Control": "no-store"}))
    response.set_cookie(COOKIE, nonce, max_age=TOKEN_SECONDS, path=request.path, secure=request.is_secure,
                        httponly=True, samesite="Strict")
    return response


@bp.route("/clear", methods=["GET", "POST"])
def clear():
    """Ask first (GET), then clear (POST from the confirmation page only)."""
    if request.method == "GET":
        return _ask()
    if not (from_this_site() and token_is_valid(request.form.get("token", ""), request.cookies.get(COOKIE))):
        return _ask(403, refused=True)
    return render_template("safety/clear.html", cleared=True), 200, {
        "Clear-Site-Data": '"cache", "cookies", "storage"', "Cache-Control": "no-store"}
