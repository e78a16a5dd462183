"""Gzip dynamic text responses: on 2G every kilobyte is seconds, and not every deployment has nginx in front."""
from __future__ import annotations

import gzip

from flask import Response, request

COMPRESSIBLE = ("text/html", "text/css", "text/plain", "application/json", "application/javascript",
                "text/javascript", "application/manifest+json", "application/x-ndjson", "image/svg+xml")
MIN_SIZE = 600  # below this the gzip header costs more than it saves


def gzip_response(response: Response) -> Response:
    if (
        response.direct_passthrough
        or response.status_code < 200 or response.status_code in (204, 304)
        or "Content-Encoding" in response.headers
        or response.mimetype not in COMPRESSIBLE
        or "gzip" not in request.headers.get("Accept-Encoding", "")
    ):
        return response
    data = response.get_data()
    if len(data) < MIN_SIZE:
        return response
    response.set_data(gzip.compress(data, compresslevel=6, mtime=0))
    response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")
    if response.headers.get("ETag"):
        response.headers["ETag"] = response.headers["ETag"].rstrip('"') + '-gz"'
    return response
