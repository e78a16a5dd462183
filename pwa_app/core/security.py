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


class DropQueryStrings(logging.Filter):
    """Remove query strings from access-log lines: what people search for is nobody's business."""

    PATTERN = re.compile(r"\?[^\s\"]*")

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            record.args = tuple(self.PATTERN.sub("", a) if isinstance(a, str) else a for a in record.args)
        record.msg = self.PATTERN.sub("", str(record.msg))
        return True


def scrub_access_logs() -> None:
    logger = logging.getLogger("werkzeug")
    if not any(isinstance(f, DropQueryStrings) for f in logger.filters):
        logger.addFilter(DropQueryStrings())
