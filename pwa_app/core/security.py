"""Headers and log hygiene that keep a visit confidential by construction."""
from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

# Scripts only from our origin, never inline; nothing from any other host, ever.
CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
HEADERS = {
    "Content-Security-Policy": CSP,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
SAFE_SCHEMES = ("http", "https", "mailto")


def add_headers(response):
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def safe_url(url: str | None) -> str | None:
    """Return a link target that cannot run code, or None (then the text is shown, not linked)."""
    if not url:
        return None
    url = url.strip()
    if re.search(r"[\s\x00-\x1f]", url):
        return None
    parts = urlsplit(url)
    if not parts.scheme and re.match(r"^[\w-]+(\.[\w-]+)+(/|$)", url):
        return "https://" + url  # "www.example.org" in a record means the web
    return url if parts.scheme.lower() in SAFE_SCHEMES and (parts.netloc or parts.scheme == "mailto") else None


# A referral token (`/en/r/…` decodes to the services given to a client) and the life situation a
# person opened (`/en/situations/not-safe-at-home` says what is happening to them, issue 18).
REFERRAL_TOKEN = re.compile(r"(/r/|/situations/)[^/?#\s]+")
QUERY = re.compile(r"\?\S*")


def scrub_target(target: str) -> str:
    """A request's path as an access log may keep it: no query string (searches, positions: q, near,
    lat, long, a plan's answers), no referral token (`/en/r/…` decodes to the services given to a client)
    and no life situation (`/en/situations/…`)."""
    return REFERRAL_TOKEN.sub(r"\1-", target.split("?", 1)[0])


def scrub_request_line(line: str) -> str:
    """`GET /en/search?q=… HTTP/1.1` → `GET /en/search HTTP/1.1`: the target is all between the
    first and the last space, whatever it holds (a raw `"`, spaces); anything else loses every
    `?…` and referral token it holds."""
    method, space, rest = line.partition(" ")
    target, space2, protocol = rest.rpartition(" ")
    if space and space2:
        return f"{method} {scrub_target(target)} {protocol}"
    return REFERRAL_TOKEN.sub(r"\1-", QUERY.sub("", line))


class DropQueryStrings(logging.Filter):
    """The development server's access log without query strings or referral tokens: what people
    search for, where they are and whom they were referred to is nobody's business."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            record.args = tuple(scrub_request_line(a) if isinstance(a, str) else a for a in record.args)
        record.msg = REFERRAL_TOKEN.sub(r"\1-", QUERY.sub("", str(record.msg)))
        return True


def scrub_access_logs() -> None:
    logger = logging.getLogger("werkzeug")
    if not any(isinstance(f, DropQueryStrings) for f in logger.filters):
        logger.addFilter(DropQueryStrings())
