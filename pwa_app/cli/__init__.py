"""Flask commands (`flask --app pwa_app ...`): the top layer, beside the app factory.

`init-db` and `build-snapshots` (database.py), `translate` (translate.py), `import-hsds`, `import-legacy`, `export-hsds` (hsds.py),
`reports` (reports.py), `reindex-search` (search.py), `curators` (curators.py). After an import the commands, not the importer,
rebuild the search index and the phones' snapshots.
"""
from __future__ import annotations

from flask import Flask

from pwa_app.cli import curators, database, hsds, reports, search, translate


def register(app: Flask) -> None:
    """Register every command group on the app."""
    curators.register(app)
    database.register(app)
    hsds.register(app)
    reports.register(app)
    search.register(app)
    translate.register(app)
