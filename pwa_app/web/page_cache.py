"""A small cache of rendered public pages, keyed by the directory's data version.

The key holds the page's path, its query string as the page reads it (`request_input`: the search
query cut to what search uses), the base URL its canonical and hreflang links start with, and the
data version stored in the database (changed by every import or edit); each page is kept with the
minute it was rendered in (pages say "open now").
Two app servers therefore never disagree about the data: every request still asks the database
for the current version, and a new version is never answered from the old pages.

A page missing from the cache is rendered by one thread while the others wait for its result,
instead of all rendering it side by side. When the minute turns, one thread renders the page
again while the others go on answering with the previous minute's page until it is done: a busy
worker never stalls at the turn of every minute.

The cache is bounded twice: in pages (MAX_ENTRIES) and in bytes (PAGE_CACHE_BYTES, body, gzipped
body and key counted), the least recently used going first, so no run of distinct queries can grow
a worker's memory past the bound.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict

from flask import Response, current_app, g, request

from pwa_app.web import compress, conditional, request_input, site

MAX_ENTRIES = 2000
HEADERS_KEPT = ("Content-Type", "Content-Language", "Cache-Control")
RENDER_WAIT_S = 5



class PageCache:
    """A thread-safe LRU of rendered pages, with one renderer at a time per page."""

    def __init__(self, size: int, max_bytes: int):
        self.size, self.max_bytes, self.bytes = size, max_bytes, 0
        # minute, status, headers, body, the body gzipped (or None), and the ETag of each: gzipped
        # and tagged once, not on every hit
        self.entries: OrderedDict[tuple, tuple[int, int, list, bytes, bytes | None, str, str | None]] = OrderedDict()
        self.lock = threading.Lock()
        self.rendering: dict[tuple, threading.Lock] = {}

    def renderer(self, key: tuple) -> threading.Lock:
        """The lock a thread holds while it renders `key`."""
        with self.lock:
            return self.rendering.setdefault(key, threading.Lock())

    def done(self, key: tuple, lock: threading.Lock) -> None:
        with self.lock:
            if self.rendering.get(key) is lock:
                del self.rendering[key]
        lock.release()

    def get(self, key: tuple):
        with self.lock:
            hit = self.entries.get(key)
            if hit is not None:
                self.entries.move_to_end(key)
            return hit

    @staticmethod
    def cost(key: tuple, value) -> int:
        """The bytes an entry holds: its key's text, headers, body and gzipped body."""
        _minute, _status, headers, body, gz, *_tags = value
        return (sum(len(str(part)) for part in key) + sum(len(k) + len(v) for k, v in headers)
                + len(body) + len(gz or b""))

    def put(self, key: tuple, value) -> None:
        cost = self.cost(key, value)
        with self.lock:
            if key in self.entries:
                self.bytes -= self.cost(key, self.entries.pop(key))
            if cost > self.max_bytes:
                return  # larger than the whole cache: served, never kept
            self.entries[key] = value
            self.bytes += cost
            while len(self.entries) > self.size or self.bytes > self.max_bytes:
                old_key, old = self.entries.popitem(last=False)
                self.bytes -= self.cost(old_key, old)


def _key(version: str) -> tuple:
    # The base URL too: a page's canonical and hreflang links start with it, and without
    # PASSERELLE_BASE_URL it is the trusted or local host the page was asked for (or none).
    return (request.path, request_input.normalised_args(), version, site.base_url())


def _minute() -> int:
    return int(time.time() // 60)


def serve_from_cache():
    """before_request: answer a GET from the cache when the same page was rendered this minute."""
    if request.method != "GET" or current_app.config.get("PAGE_CACHE_SIZE", MAX_ENTRIES) == 0:
        return None
    cache = current_app.extensions["page_cache"]
    key = g.page_cache_key = _key(conditional.request_version(strict=True))
    hit = cache.get(key)
    if hit is not None and hit[0] != _minute():
        lock = cache.renderer(key)
        if lock.acquire(blocking=False):  # this thread renders the new minute's page...
            fresh = cache.get(key)
            if fresh is not None and fresh[0] == _minute():
                cache.done(key, lock)
                hit = fresh
            else:
                g.page_cache_lock = lock
                return None
        # ...or another one already does: the previous minute's page answers meanwhile.
    if hit is None:
        lock = cache.renderer(key)
        # Wait while another thread renders this page, then take its result; a slow render
        # (over RENDER_WAIT_S) is not waited for any longer: this thread renders too.
        if lock.acquire(timeout=RENDER_WAIT_S):
            hit = cache.get(key)
            if hit is None:
                g.page_cache_lock = lock  # this thread renders; released at teardown
            else:
                cache.done(key, lock)
    if hit is None:
        return None
    del g.page_cache_key  # served from the cache: nothing for store_in_cache to keep again
    _, status, headers, body, gz, tag, gz_tag = hit
    if gz is not None and compress.accepts_gzip():
        conditional.keep_tag(gz_tag)
        return compress.send_gzipped(Response(status=status, headers=headers), gz)
    conditional.keep_tag(tag)
    return Response(body, status=status, headers=headers)


def release_renderer(_exc=None) -> None:
    """teardown_request: let the threads waiting for this page go, whatever happened."""
    lock = g.pop("page_cache_lock", None)
    if lock is not None:
        current_app.extensions["page_cache"].done(g.get("page_cache_key"), lock)


def store_in_cache(response: Response) -> Response:
    """after_request: keep a successful, complete page for the rest of the minute."""
    key = g.get("page_cache_key")
    if key is not None and response.status_code == 200 and not response.direct_passthrough:
        headers = [(k, v) for k, v in response.headers.items() if k in HEADERS_KEPT]
        body = response.get_data()
        gz = compress.gzipped(body) if response.mimetype in compress.COMPRESSIBLE else None
        tag, gz_tag = conditional.body_tag(body), gz and conditional.body_tag(gz)
        current_app.extensions["page_cache"].put(key, (_minute(), response.status_code, headers, body, gz, tag, gz_tag))
        conditional.keep_tag(tag)
        if gz is not None and compress.accepts_gzip():
            conditional.keep_tag(gz_tag)
            compress.send_gzipped(response, gz)
    return response


def init_blueprint(bp) -> None:
    """Cache this blueprint's pages."""
    bp.before_request(serve_from_cache)
    bp.after_request(store_in_cache)
    bp.teardown_request(release_renderer)

    @bp.record_once
    def _create(state):
        config = state.app.config
        state.app.extensions.setdefault("page_cache", PageCache(config.get("PAGE_CACHE_SIZE", MAX_ENTRIES) or 1,
                                                                config["PAGE_CACHE_BYTES"]))
