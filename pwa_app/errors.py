"""One error path: a small exception type, and one handler that answers JSON under /api/ and a page elsewhere."""
from __future__ import annotations

from flask import Flask, g, jsonify, render_template, request
from werkzeug.exceptions import HTTPException


class AppError(Exception):
    """An error meant for the person: status, short title, plain message."""

    def __init__(self, status: int, title: str, message: str = ""):
        super().__init__(message or title)
        self.status, self.title, self.message = status, title, message


def _respond(status: int, title: str, message: str):
    if request.path.startswith("/api/"):
        return jsonify({"status": status, "title": title, "detail": message}), status
    template = "errors/404.html" if status == 404 else "errors/error.html"
    return render_template(template, status=status, title=title, message=message), status


def register(app: Flask) -> None:
    @app.errorhandler(AppError)
    def app_error(exc: AppError):
        return _respond(exc.status, exc.title, exc.message)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        return _respond(exc.code or 500, exc.name, exc.description or "")

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        app.logger.exception("Unhandled error on %s", request.path)  # the path only: no query string
        return _respond(500, "Internal Server Error", "")
