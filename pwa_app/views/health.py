"""Probes for load balancers and orchestrators: /healthz (the process) and /readyz (the database)."""
import sqlite3

from flask import Blueprint, jsonify
from sqlalchemy.exc import SQLAlchemyError

from pwa_app.db.extensions import db
from pwa_app.db.models import DirectoryInfo
from pwa_app.web import connections

bp = Blueprint("health", __name__)


@bp.route("/healthz")
def healthz():
    """The process is alive and answering; says nothing about the database."""
    return jsonify(status="ok"), 200, {"Cache-Control": "no-store"}


@bp.route("/readyz")
def readyz():
    """The database answers a query, on a connection of the pool and (SQLite) on the file itself:
    this server can take traffic."""
    try:  # the schema is there, not just a server
        connections.check_ready(db.engine, f"SELECT key FROM {DirectoryInfo.__tablename__} LIMIT 1")
    except (SQLAlchemyError, sqlite3.Error, OSError):
        db.session.rollback()
        return jsonify(status="unavailable", database="unreachable"), 503, {"Cache-Control": "no-store", "Retry-After": "5"}
    return jsonify(status="ok", database="ok"), 200, {"Cache-Control": "no-store"}
