"""`flask reindex-search`: rebuild the full-text index of the current database, on either engine."""
from __future__ import annotations

import click
from flask import Flask, current_app
from sqlalchemy import func, select

from pwa_app.db import data_version
from pwa_app.search import fulltext
from pwa_app.db.extensions import db
from pwa_app.db.models import SearchDocument
from pwa_app.snapshot import records


def register(app: Flask) -> None:
    @app.cli.command("reindex-search")
    def reindex_search() -> None:
        """Rebuild the search index from the directory, in one transaction (after an index format change)."""
        try:
            settings = records.Settings.from_app(current_app, db.session)
            fulltext.rebuild_index(db.session, records.neutral_records(db.session, settings))
            data_version.touch(db.session)  # results may change: pages and typo vocabularies of every app server are stale
            db.session.commit()
        except Exception:
            db.session.rollback()
            raise
        count = db.session.scalar(select(func.count()).select_from(SearchDocument))
        click.echo(f"Search index rebuilt: {count} services.")
