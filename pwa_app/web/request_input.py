"""What pages read from the request, normalised once: the search query as search uses it, and the
page number. The page cache keys on the same normalised values, so a page is rendered, kept and
echoed from what it really uses, never from however much a visitor sent.

And the first check of every request: its path and query string are UTF-8 text, else 400
(Werkzeug would quietly replace the broken bytes), and its path holds no NUL, which no page's
address has and PostgreSQL refuses in a lookup. A form's body is checked so by the view that reads
it (`form_is_text`), which refuses a NUL there too: PostgreSQL stores no NUL in text. A NUL in a
query string is text like any other (a search for it finds nothing).
"""
from __future__ import annotations

from urllib.parse import unquote_to_bytes

from flask import abort, current_app, request

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


def is_text(raw: bytes, nul: bool = True) -> bool:
    """Whether percent-encoded `raw` (a query string, a form body) decodes to UTF-8 text (with no NUL
    unless `nul`)."""
    try:
        text = unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return nul or "\x00" not in text


def refuse_broken_text(_endpoint=None, _values=None) -> None:
    """An app-wide url_value_preprocessor, so it runs before any other: a path or query string that
    is not UTF-8 text, or a path with a NUL, is a 400."""
    path = request.environ.get("PATH_INFO", "").encode("latin-1", "replace")  # WSGI: the path's bytes
    if not (is_text(path.replace(b"%", b"%25"), nul=False) and is_text(request.query_string)):
        abort(400)


def form_is_text() -> bool:
    """Whether a url-encoded form body is UTF-8 text with no NUL (read once, and kept for the form)."""
    return request.mimetype != "application/x-www-form-urlencoded" or is_text(request.get_data(), nul=False)
