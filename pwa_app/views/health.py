"""Probes for load balancers and orchestrators: /healthz (the process) and /readyz (the database)."""
from flask import Blueprint, jsonify
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from pwa_app.db.extensions import db
from pwa_app.db.models import DirectoryInfo

bp = Blueprint("health", __name__)


@bp.route("/healthz")
def healthz():
    """The process is alive and answering; says nothing about the database."""
    return jsonify(status="ok"), 200, {"Cache-Control": "no-store"}


@bp.route("/readyz")
def readyz():
    """The database answers a query: this server can take traffic."""
    try:
        db.session.execute(select(DirectoryInfo.key).limit(1))  # the schema is there, not just a server
    except SQLAlchemyError:
        db.session.rollback()
        return jsonify(status="unavailable", database="unreachable"), 503, {"Cache-Control": "no-store", "Retry-After": "5"}
    return jsonify(status="ok", database="ok"), 200, {"Cache-Control": "no-store"}
