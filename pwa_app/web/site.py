"""This site's own origin: whether a request comes from this site (PASSERELLE_BASE_URL's origin
when it is configured)."""
from __future__ import annotations

from flask import current_app, request


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
