"""Gzip dynamic text responses: on 2G every kilobyte is seconds, and not every deployment has nginx in front.

Pages and API answers change with the data, so they are gzipped as they go (once per page in the
page cache). The script and style bundles never change under their name: they are compressed once,
when built, to brotli and gzip siblings that the static route sends as they are
(`pwa_app/web/assets.py`), and this hook leaves them alone (a file response, already encoded).
The JSON a phone downloads to work offline (the snapshot, the changes feed, the search data) is the
same for every phone until the data changes: it is compressed once per data version, as brotli where
the browser takes it (at `BROTLI_QUALITY`, 11, up to `FULL_QUALITY_UP_TO`), and kept (`send_json`).

An ETag names the bytes sent, so each encoding of a body has its own (RFC 9110, 8.8.3): the body's tag
with "-br" or "-gz" after it (`encoded_tag`). A cache holding a brotli body must not be told, by a 304
to a browser that takes only gzip, that its brotli body is the one to send. `not_modified` answers 304
only to the tag of the encoding this request would be sent, or to the bare tag (the body as it is,
which every browser takes).
"""
from __future__ import annotations

import gzip
import hashlib
from collections import OrderedDict

import brotli
from flask import Response, current_app, request

COMPRESSIBLE = ("text/html", "text/css", "text/plain", "application/json", "application/javascript",
                "text/javascript", "application/manifest+json", "application/x-ndjson", "image/svg+xml")
MIN_SIZE = 600  # below this the gzip header costs more than it saves
KEPT = 32  # bodies `kept` in each process and store: a language's snapshot (or search data), per version and encoding
# Brotli 11 on a large body would hold the first phone after every change for seconds, in every language
# and on every server (60,000 services: search data 3.6 MB, 7.2 s; the snapshot 33 MB, about 90 s).
# Above this size a body is compressed at FAST_QUALITY: milliseconds, about 20 % larger.
FULL_QUALITY_UP_TO = 1_000_000  # bytes (the demo region's search data: 0.4 MB, 0.6 s at 11)
FAST_QUALITY = 5


TAG_SUFFIX = {"br": "-br", "gzip": "-gz"}


def encoded_tag(etag: str, encoding: str | None) -> str:
    """The quoted ETag of a body tagged `etag`, sent in `encoding`."""
    return f'"{etag}{TAG_SUFFIX.get(encoding, "")}"'


def not_modified(etag: str, encoding: str | None) -> Response | None:
    """A 304 if the request's If-None-Match names the body tagged `etag` as this request would be sent it
    (in `encoding`, or as it is); None otherwise. The 304 carries the tag the browser sent."""
    wanted = {encoded_tag(etag, None), encoded_tag(etag, encoding)}
    for sent in request.headers.get("If-None-Match", "").split(","):
        if sent.strip().removeprefix("W/") in wanted:
            return not_modified_response(sent.strip())
    return None


def not_modified_response(tag: str) -> Response:
    """304, no body: what the browser holds under the (quoted) `tag` is still the body."""
    response = Response(status=304)
    response.headers["ETag"] = tag
    response.headers["Cache-Control"] = "no-cache"
    response.vary.add("Accept-Encoding")
    return response


def json_encoding() -> str | None:
    """How `send_json` sends a body large enough to compress: brotli where the browser takes it, else gzip."""
    accepted = request.accept_encodings
    return "br" if accepted["br"] > 0 else "gzip" if accepted["gzip"] > 0 else None


def brotli_quality(size: int) -> int:
    """The brotli quality for a body of `size` bytes compressed once per data version."""
    best = current_app.config["BROTLI_QUALITY"]
    return best if size <= FULL_QUALITY_UP_TO else min(best, FAST_QUALITY)


def gzipped(data: bytes) -> bytes | None:
    """The body gzipped, or None where gzip would not pay."""
    return gzip.compress(data, compresslevel=6, mtime=0) if len(data) >= MIN_SIZE else None


def accepts_gzip() -> bool:
    return request.accept_encodings["gzip"] > 0  # "gzip;q=0" refuses it


def send_gzipped(response: Response, body: bytes) -> Response:
    """Send `body`, already gzipped, in place of the response's own."""
    response.set_data(body)
    response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")
    if response.headers.get("ETag"):
        response.headers["ETag"] = encoded_tag(response.headers["ETag"].strip('"'), "gzip")
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


def kept(store: str, key: tuple, build) -> bytes:
    """Bytes built once per key in each process (the last KEPT keys of each store): a language's
    snapshot or search data for one data version, whole or compressed."""
    cache: OrderedDict = current_app.extensions.setdefault(f"passerelle.kept.{store}", OrderedDict())
    if key not in cache:
        cache[key] = build()
        while len(cache) > KEPT:
            cache.popitem(last=False)
    return cache[key]


def send_json(body: bytes, etag: str, store: str, key: tuple | None = None) -> Response:
    """Answer with `body`, brotli- (at `brotli_quality`) or gzip-compressed as the browser takes it: once
    per `key` (which names the data version) and kept in `store` for the next phone, or every time without a key."""
    encoding = json_encoding()
    data = body
    if encoding and len(body) >= MIN_SIZE:
        squeeze = lambda: brotli.compress(body, quality=brotli_quality(len(body))) if encoding == "br" else gzip.compress(body, 9, mtime=0)  # noqa: E731
        data = kept(store, (*key, encoding), squeeze) if key else squeeze()
    else:
        encoding = None
    response = Response(data, mimetype="application/json")
    if encoding:
        response.headers["Content-Encoding"] = encoding
    response.vary.add("Accept-Encoding")  # the whole body too: another browser may be sent brotli
    response.headers["ETag"] = encoded_tag(etag, encoding)
    response.headers["Cache-Control"] = "no-cache"
    checksum = lambda: hashlib.sha256(body).hexdigest().encode()  # noqa: E731
    response.headers["X-Checksum-SHA256"] = (kept(f"{store}.sha256", key, checksum) if key else checksum()).decode()
    response.headers["X-Uncompressed-Length"] = str(len(body))
    return response
