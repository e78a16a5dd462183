"""One error path: a small exception type, and one handler that answers JSON under /api/ and a page elsewhere."""
from __future__ import annotations

from collections.abc import Callable

from flask import Flask, jsonify, render_template, request
from flask.globals import request_ctx
from sqlalchemy.exc import DBAPIError, OperationalError
from werkzeug.exceptions import HTTPException


class AppError(Exception):
    """An error meant for the person: status, short title, plain message."""

    def __init__(self, status: int, title: str, message: str = ""):
        super().__init__(message or title)
        self.status, self.title, self.message = status, title, message


# Error pages of a part of the site that has its own (path prefix -> draw(status) -> HTML): the
# curators' screens (views/curate), in their own words and frame, not the public page's.
PAGES: dict[str, Callable[[int], str]] = {}


def _respond(status: int, title: str, message: str, extra_headers: dict | None = None):
    headers = {**({"Retry-After": "30"} if status == 503 else {}), **(extra_headers or {})}
    if request.path.startswith("/api/"):
        return jsonify({"status": status, "title": title, "detail": message}), status, headers
    template = "errors/404.html" if status == 404 else "errors/error.html"
    own = next((draw for prefix, draw in PAGES.items() if request.path == prefix or request.path.startswith(prefix + "/")), None)
    # The page cannot be drawn without the database, nor its links for a host outside TRUSTED_HOSTS
    # (no URL adapter): then answer plainly rather than not at all.
    if request_ctx.url_adapter is not None:
        try:
            if own is not None:
                return own(status), status, headers
            return render_template(template, status=status, title=title, message=message), status, headers
        except DBAPIError:
            pass
    return (f"{status} {title}. Please try again in a few minutes, or call 211.", status,
            {**headers, "Content-Type": "text/plain; charset=utf-8"})


def register(app: Flask) -> None:
    @app.errorhandler(AppError)
    def app_error(exc: AppError):
        return _respond(exc.status, exc.title, exc.message)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        # Keep what the exception says about itself (Allow on 405, WWW-Authenticate...), not its body type.
        kept = {k: v for k, v in exc.get_headers() if k.lower() != "content-type"}
        return _respond(exc.code or 500, exc.name, exc.description or "", kept)

    @app.errorhandler(DBAPIError)
    def database_unavailable(exc: DBAPIError):
        # The database went away (restart, failover, network): say so, and let the pool reconnect.
        from pwa_app.web.connections import is_corrupt

        if not (isinstance(exc, OperationalError) or exc.connection_invalidated or is_corrupt(exc.orig)):
            return unexpected(exc)  # a query the database refused is our bug, not an outage
        from pwa_app.db.extensions import db

        db.session.rollback()
        db.engine.dispose()  # drop pooled connections to the old server; the next request reconnects
        app.logger.warning("Database unavailable on %s: %s", request.path, exc.orig)
        return _respond(503, "Service Unavailable", "The directory's database is not answering.")

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        app.logger.exception("Unhandled error on %s", request.path)  # the path only: no query string
        return _respond(500, "Internal Server Error", "")
