"""`flask reindex-search`: rebuild the full-text index of the current database, on either engine."""
from __future__ import annotations

import click
from flask import Flask
from sqlalchemy import func, select

from . import page_cache, search
from .extensions import db
from .models import SearchDocument


def register(app: Flask) -> None:
    @app.cli.command("reindex-search")
    def reindex_search() -> None:
        """Rebuild the search index from the directory, in one transaction (after an index format change)."""
        try:
            search.rebuild_index(db.session)
            page_cache.touch(db.session)  # results may change: pages and typo vocabularies of every app server are stale
            db.session.commit()
        except Exception:
            db.session.rollback()
            raise
        count = db.session.scalar(select(func.count()).select_from(SearchDocument))
        click.echo(f"Search index rebuilt: {count} services.")
