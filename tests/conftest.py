"""Fixtures: an app on a temporary SQLite database holding the demo region, a client, a CLI runner."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pwa_app import create_app
from pwa_app.cli import DEMO_PACKAGE, create_schema
from pwa_app.extensions import db
from pwa_app.hsds.importer import import_package

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def make_app(database: Path, **config):
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}", **config})


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory) -> Path:
    """Import the demo region once; each test gets its own copy of the file."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    app = make_app(path)
    with app.app_context():
        create_schema()
        import_package(DEMO_PACKAGE)
        db.engine.dispose()
    return path


@pytest.fixture
def app(demo_database, tmp_path):
    path = tmp_path / "passerelle.sqlite3"
    shutil.copy(demo_database, path)
    app = make_app(path)
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def empty_app(tmp_path):
    app = make_app(tmp_path / "empty.sqlite3")
    with app.app_context():
        create_schema()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def copy_package(tmp_path):
    """Return a writable copy of a datapackage folder (the demo region by default)."""

    def copy(source: Path = DEMO_PACKAGE) -> Path:
        target = tmp_path / "package"
        shutil.copytree(source, target)
        return target

    return copy
