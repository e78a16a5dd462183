"""Warm a new worker before it takes requests (gunicorn's post_worker_init calls `warm`).

The category tree, the filter choices and the name order are built once per data version and
shared by every page; at 60,000 services that takes about a second, and the first callers of a
cold worker would all wait for it (under load, past a client's timeout). Nothing here is needed
for correctness: a database that does not answer yet just leaves the worker cold.
"""
from __future__ import annotations

from flask import Flask


def warm(app: Flask) -> bool:
    """Render the home page and a filtered list in the default language; True when both answered."""
    lang = app.config["DEFAULT_LANGUAGE"]
    client = app.test_client()
    try:
        return all(client.get(path).status_code == 200 for path in (f"/{lang}/", f"/{lang}/search?free=1"))
    except Exception:  # noqa: BLE001 - a cold worker still serves; the error pages log what went wrong
        app.logger.warning("Warm-up failed; this worker starts cold", exc_info=True)
        return False
