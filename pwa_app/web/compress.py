"""Gzip dynamic text responses: on 2G every kilobyte is seconds, and not every deployment has nginx in front.

Pages and API answers change with the data, so they are gzipped as they go (once per page in the
page cache). The script and style bundles never change under their name: they are compressed once,
when built, to brotli and gzip siblings that the static route sends as they are
(`pwa_app/web/assets.py`), and this hook leaves them alone (a file response, already encoded).
"""
from __future__ import annotations

import gzip

from flask import Response, request

COMPRESSIBLE = ("text/html", "text/css", "text/plain", "application/json", "application/javascript",
                "text/javascript", "application/manifest+json", "application/x-ndjson", "image/svg+xml")
MIN_SIZE = 600  # below this the gzip header costs more than it saves


def gzipped(data: bytes) -> bytes | None:
    """The body gzipped, or None where gzip would not pay."""
    return gzip.compress(data, compresslevel=6, mtime=0) if len(data) >= MIN_SIZE else None


def accepts_gzip() -> bool:
    return "gzip" in request.headers.get("Accept-Encoding", "")


def send_gzipped(response: Response, body: bytes) -> Response:
    """Send `body`, already gzipped, in place of the response's own."""
    response.set_data(body)
    response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")
    if response.headers.get("ETag"):
        response.headers["ETag"] = response.headers["ETag"].rstrip('"') + '-gz"'
    return response


def gzip_response(response: Response) -> Response:
    if (
        response.direct_passthrough
        or response.is_streamed  # a page written as it goes (an import's progress): sent as it comes
        or response.status_code < 200 or response.status_code in (204, 304)
        or "Content-Encoding" in response.headers
        or response.mimetype not in COMPRESSIBLE
        or not accepts_gzip()
    ):
        return response
    body = gzipped(response.get_data())
    return response if body is None else send_gzipped(response, body)
