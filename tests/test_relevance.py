"""tests/data/relevance.tsv against the server's search (SQLite here, PostgreSQL in the second run)."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from pwa_app.search import fulltext
from pwa_app.db.extensions import db
from pwa_app.db.models import Service

RELEVANCE = Path(__file__).parent / "data" / "relevance.tsv"


def relevance_cases() -> list[tuple[str, str, list[str]]]:
    lines = [line.rstrip("\n") for line in RELEVANCE.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return [(lang, query, must.split(" | ")) for lang, query, must, _why in (line.split("\t") for line in lines[1:])]


def test_the_file_covers_enough_queries_and_languages():
    cases = relevance_cases()
    assert len(cases) >= 60 and len({lang for lang, _, _ in cases}) >= 6


@pytest.fixture(scope="module")
def searcher(databases):
    from .conftest import make_app

    app = make_app(databases.demo())
    with app.app_context():
        names = {s.id: s.name for s in db.session.scalars(select(Service))}
        yield lambda query: [names[i] for i in fulltext.search(db.session, query, limit=5).service_ids]
        db.session.remove()
        db.engine.dispose()


def test_every_query_finds_its_services_in_the_top_five(searcher):
    misses = []
    for lang, query, must in relevance_cases():
        top = searcher(query)
        if any(name not in top for name in must):
            misses.append((lang, query, must, top))
    assert misses == []
