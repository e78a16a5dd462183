"""What pages read from the request, normalised once: the search query as search uses it, and the
page number. The page cache keys on the same normalised values, so a page is rendered, kept and
echoed from what it really uses, never from however much a visitor sent."""
from __future__ import annotations

from flask import current_app, request

MAX_PAGE = 10_000


def search_query() -> str:
    """The `q` search uses: cut to SEARCH_MAX_QUERY characters, then trimmed."""
    return request.args.get("q", "")[: current_app.config["SEARCH_MAX_QUERY"]].strip()


def page_number() -> int:
    raw = request.args.get("page", "1")
    return int(raw) if raw.isdigit() and 0 < int(raw) < MAX_PAGE else 1


def normalised_args() -> tuple[tuple[str, str], ...]:
    """The query string as the pages read it: `q` as search uses it, the rest as sent, sorted."""
    cut = current_app.config["SEARCH_MAX_QUERY"]
    return tuple(sorted((k, v[:cut].strip() if k == "q" else v) for k, v in request.args.items(multi=True)))
