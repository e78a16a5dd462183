"""This site's own address: where absolute URLs point, and whether a request comes from this site.

Absolute URLs (a referral sheet's share link and text message, the API's `openapi_url`, hreflang
alternates, the sitemap) are never built from the `Host` header a client sends:

- `PASSERELLE_BASE_URL` (`https://help.example.org`) is the address every absolute URL starts with;
- else, with `PASSERELLE_TRUSTED_HOSTS` set (Flask's TRUSTED_HOSTS), Flask answers 400 to a request
  for any other host, and the request's own scheme and host are used;
- else the request's host only when it is this machine (localhost, 127.0.0.1, ::1: `make run`,
  the tests); for any other host URLs stay relative to the site (`/en/r/…`), so a forged `Host`
  never reaches a page. docs/deploy.md asks for PASSERELLE_BASE_URL in production.
"""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from flask import current_app, request, url_for

LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})


def check_config(config) -> None:
    """Stop at start-up, in one line, on a base URL that is not a scheme and host."""
    url = config.get("BASE_URL")
    if not url:
        return
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path.strip("/") or parts.query:
        raise SystemExit(f"PASSERELLE_BASE_URL must be a scheme and host such as https://help.example.org, not {url!r}.")


def base_url() -> str | None:
    """The scheme and host absolute URLs start with, without a final slash; None when none is known."""
    configured = current_app.config.get("BASE_URL")
    if configured:
        return configured.rstrip("/")
    # With TRUSTED_HOSTS, Flask has already refused (400) a request for any other host.
    if current_app.config.get("TRUSTED_HOSTS") or urlsplit(request.host_url).hostname in LOOPBACK:
        return request.host_url.rstrip("/")
    return None


def external_url(endpoint: str, **values) -> str:
    """url_for, made absolute from base_url() (relative to the site when no base URL is known)."""
    return (base_url() or "") + url_for(endpoint, **values)


def relative_redirects(response):
    """after_request: a redirect to this site names the path only (the router's own, /en → /en/,
    would write the Host header the client sent)."""
    location = response.headers.get("Location")
    if location and urlsplit(location).netloc == request.host:
        parts = urlsplit(location)
        response.headers["Location"] = urlunsplit(("", "", parts.path, parts.query, parts.fragment))
    return response


def from_this_site() -> bool:
    """False when the browser says the request comes from another site (or another origin).

    `Sec-Fetch-Site` where the browser sends it; else `Origin` against this site's origin (the base
    URL's, else the scheme and host the browser itself addressed); a browser that sends neither (an
    old one) or `Origin: null` is not refused here."""
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        return site == "same-origin"
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        own = current_app.config.get("BASE_URL") or f"{request.scheme}://{request.host}"
        return origin.rstrip("/").lower() == own.rstrip("/").lower()
    return True
