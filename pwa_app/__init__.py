"""Passerelle: an offline-first community services directory."""
from __future__ import annotations

import os
from pathlib import Path

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine

from pwa_app.web import assets, compress, connections, errors, i18n, pages, request_input, shared, site
from pwa_app.web import conditional, proxies
from pwa_app.db import schema_version
from pwa_app.core import security
from pwa_app.web.config import Config, normalize_database_url
from pwa_app.db.extensions import babel, db, migrate

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
    # Times on pages are the region's wall clock ("opens 9:00"), not the server's UTC.
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", app.config["REGION_TIMEZONE"])
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        os.makedirs(app.instance_path, exist_ok=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{Path(app.instance_path) / 'passerelle.sqlite3'}"
    app.config["SQLALCHEMY_DATABASE_URI"] = normalize_database_url(app.config["SQLALCHEMY_DATABASE_URI"])
    _check_database_url(app.config["SQLALCHEMY_DATABASE_URI"])
    site.check_config(app.config)

    db.init_app(app)
    with app.app_context():
        connections.ping_when_idle(db.engine)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    babel.init_app(app, locale_selector=i18n.select_locale)
    app.url_map.converters["lang"] = i18n.LanguageSegment  # before the blueprints' rules use it
    i18n.install_template_gettext(app)
    assets.init_app(app)
    errors.register(app)
    pages.init_app(app)
    shared.init_app(app)
    app.url_value_preprocessor(request_input.refuse_broken_text)  # issue 17: valid text or a 400
    app.after_request(site.relative_redirects)
    app.after_request(security.add_headers)
    app.after_request(conditional.tag_and_validate)  # runs after gzip_response: the tag names the bytes sent
    app.after_request(compress.gzip_response)
    security.scrub_access_logs()
    proxies.init_app(app)  # PASSERELLE_TRUSTED_PROXIES: whose X-Forwarded-For to believe

    from pwa_app.views import api, directory, feedback, health, languages, root, seo, situations
    from pwa_app import cli

    app.register_blueprint(root.bp)
    app.register_blueprint(health.bp)
    app.register_blueprint(seo.bp)  # /robots.txt, the sitemaps, /favicon.ico (issue 17, item 4)
    app.register_blueprint(languages.bp)
    app.register_blueprint(languages.choose_bp)
    app.register_blueprint(directory.bp)
    app.register_blueprint(situations.bp)  # issue 18: guided help
    app.register_blueprint(feedback.bp)
    app.register_blueprint(feedback.api_bp)  # issue 7: POST /api/reports, the offline queue
    from pwa_app.views import lists, safety  # issue 7: saved lists, referral sheets, clear data

    app.register_blueprint(lists.bp)
    app.register_blueprint(safety.bp)
    app.register_blueprint(api.bp)
    from pwa_app.views import offline  # issue 4: sw.js, manifest, app shell, snapshots

    app.register_blueprint(offline.bp)
    from pwa_app.views import search_data  # issue 6: what the browser's search needs beyond the snapshot

    app.register_blueprint(search_data.bp)
    from pwa_app.views import curate  # issue 19: the curators' screens under /curate/

    curate.init_app(app)
    app.register_blueprint(curate.bp)
    cli.register(app)
    _refuse_newer_schema(app)
    return app


def _check_database_url(url: str) -> None:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        parsed = make_url(url)
        parsed.get_dialect()
    except (ArgumentError, NoSuchModuleError, ValueError):
        raise SystemExit("DATABASE_URL is not a database URL we can use (expected sqlite:///PATH or postgresql://USER@HOST/DB).") from None


def _refuse_newer_schema(app: Flask) -> None:
    """Stop at start-up when the database is newer than this code; carry on if it is unreachable."""
    from sqlalchemy.exc import OperationalError

    with app.app_context():
        try:
            with db.engine.connect() as connection:
                schema_version.check(connection)
        except schema_version.SchemaTooNew:
            db.engine.dispose()
            raise
        except OperationalError as exc:  # the app answers 503 until the database is back
            app.logger.info("Database unreachable at start-up: %s", exc.orig)


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record):
    # SQLite ignores foreign keys unless asked, per connection.
    if dbapi_connection.__class__.__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
