"""Passerelle: an offline-first community services directory."""
from __future__ import annotations

import os
from pathlib import Path

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine

from . import assets, compress, errors, i18n, security
from .config import Config
from .extensions import babel, db

ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict | None = None) -> Flask:
    """Create and configure the app: config, extensions, blueprints, commands."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.config.from_object(Config)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(ROOT / "translations")
    if test_config:
        app.config.from_mapping(test_config)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        os.makedirs(app.instance_path, exist_ok=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{Path(app.instance_path) / 'passerelle.sqlite3'}"

    db.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale)
    assets.init_app(app)
    errors.register(app)
    app.after_request(security.add_headers)
    app.after_request(compress.gzip_response)
    security.scrub_access_logs()

    from . import cli, directory, feedback, root

    app.register_blueprint(root.bp)
    app.register_blueprint(directory.bp)
    app.register_blueprint(feedback.bp)
    cli.register(app)
    return app


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record):
    # SQLite ignores foreign keys unless asked, per connection.
    if dbapi_connection.__class__.__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
