"""Sitemaps as sitemaps.org 0.9 writes them: an index of sitemaps, and sitemaps of at most 50,000 URLs.

Pure: URLs in, XML text out, written in chunks so that a sitemap of 50,000 URLs is streamed, never
held whole. Every URL and date is escaped as the protocol asks (`&`, `'`, `"`, `<`, `>`).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from xml.sax.saxutils import escape

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_URLS = 50_000  # the protocol's limit per sitemap (and 50 MB, which 50,000 of our URLs never reach)
CHUNK = 1000  # URLs per piece of a streamed sitemap
_ENTITIES = {"'": "&apos;", '"': "&quot;"}
XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def part_count(total: int, limit: int = MAX_URLS) -> int:
    """How many sitemaps `total` URLs take, `limit` to a sitemap (one, even when empty)."""
    return max(1, -(-total // limit))


def part(entries: Sequence, number: int, limit: int = MAX_URLS) -> Sequence:
    """The entries of sitemap `number` (from 1) when `entries` are split `limit` to a sitemap."""
    return entries[(number - 1) * limit: number * limit]


def split(entries: Sequence, limit: int = MAX_URLS) -> list[Sequence]:
    """`entries` in sitemaps of at most `limit`, in order."""
    return [part(entries, n, limit) for n in range(1, part_count(len(entries), limit) + 1)]


def lastmod(value: date | datetime | None) -> str | None:
    """A W3C date or date-time for `<lastmod>`: a date stays a date; a naive date-time is UTC."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        return value.isoformat()
    value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value.replace(microsecond=0).isoformat()


def _entry(tag: str, loc: str, modified: str | None) -> str:
    mod = f"<lastmod>{escape(modified, _ENTITIES)}</lastmod>" if modified else ""
    return f"<{tag}><loc>{escape(loc, _ENTITIES)}</loc>{mod}</{tag}>\n"


def index_xml(sitemaps: Iterable[tuple[str, str | None]]) -> str:
    """A sitemap index of (absolute URL, lastmod) pairs."""
    body = "".join(_entry("sitemap", loc, modified) for loc, modified in sitemaps)
    return f'{XML_HEAD}<sitemapindex xmlns="{NAMESPACE}">\n{body}</sitemapindex>\n'


def urlset_chunks(urls: Iterable[tuple[str, str | None]], chunk: int = CHUNK) -> Iterator[str]:
    """A sitemap of (absolute URL, lastmod) pairs, in pieces of `chunk` URLs."""
    yield f'{XML_HEAD}<urlset xmlns="{NAMESPACE}">\n'
    batch: list[str] = []
    for loc, modified in urls:
        batch.append(_entry("url", loc, modified))
        if len(batch) >= chunk:
            yield "".join(batch)
            batch.clear()
    yield "".join(batch) + "</urlset>\n"
