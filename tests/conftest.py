"""Fixtures: an app on a fresh database holding the demo region, a client, a CLI runner.

The suite runs on SQLite, and again on PostgreSQL when PASSERELLE_TEST_DATABASE_URL points at a
server (`make test` starts a throwaway one). Each test gets its own database either way: a copy
of a SQLite file, or a PostgreSQL database cloned from a template holding the demo region.
"""
from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from pathlib import Path

import jinja2
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from pwa_app import create_app
from pwa_app.cli.database import DEMO_PACKAGE, create_schema
from pwa_app.db.extensions import db
from pwa_app.cli.database import import_directory
from pwa_app.curate import accounts

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
POSTGRES = os.environ.get("PASSERELLE_TEST_DATABASE_URL")

# Tests that render pages in each of the 20 interface languages take every one on SQLite. What the
# engine does for a page does not change with its language (the same queries, the language a
# parameter), so the PostgreSQL run takes three: English, Somali (Latin script, translated records)
# and Arabic (right to left, another script). Browser tests mark the same three `engine`.
ENGINE_LANGUAGES = ("en", "so", "ar")


def languages_for_this_engine(languages) -> list[str]:
    """`languages` on SQLite; on the PostgreSQL run, those of them in ENGINE_LANGUAGES."""
    return [code for code in languages if not POSTGRES or code in ENGINE_LANGUAGES]


SNAPSHOTS = tempfile.mkdtemp(prefix="passerelle-test-snapshots-")  # never the instance folder's


APPS: list = []  # every app a test made: their pooled connections are closed after each test


class CompiledTemplates(jinja2.BytecodeCache):
    """The templates compiled once for the whole run, not again for each test's app (a new app's
    first pages cost 100-200 ms of compiling). Jinja checks each entry against its source's checksum."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = CompiledTemplates()

# Curators' passwords hashed as in production (scrypt, the same code and format) at a test's cost,
# N = 2^10 instead of 2^15: each of the suite's logins and accounts took tens of milliseconds of CPU.
accounts.HASH_METHOD = "scrypt:1024:8:1"


def make_app(database, pooled: bool = False, **config):
    """An app on `database`: a SQLite file path or any SQLAlchemy URL.

    On PostgreSQL its connections are not pooled unless `pooled`: a live server's request thread may
    still hold a connection when a test ends, and a pooled connection outliving its disposed pool is
    closed by the garbage collector, with a warning. The `app` fixture, which serves only the test
    client (each request ends before the test goes on), pools them: a connection costs PostgreSQL a
    new process. Pooling itself is SQLAlchemy's, and exercised by gunicorn tests."""
    url = str(database) if "://" in str(database) else f"sqlite:///{database}"
    if url.startswith("postgresql") and not pooled:
        config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {"poolclass": NullPool})
    # What production compresses at brotli 11 once per data version (each language's offline downloads,
    # the snapshot files) decodes to the same bytes at 5, made in milliseconds instead of a second or
    # more each. test_wire checks the production quality.
    config.setdefault("BROTLI_QUALITY", 5)
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "SNAPSHOT_FOLDER": SNAPSHOTS, **config})
    app.jinja_env.bytecode_cache = COMPILED_TEMPLATES
    APPS.append(app)
    return app


@pytest.fixture(autouse=True)
def close_pooled_connections():
    """Close what apps left in their pools, so no connection is left for the garbage collector.

    An engine stays usable after dispose(): a later request simply opens a new connection.
    """
    yield
    for app in APPS:
        with app.app_context():
            db.engine.dispose()
    APPS.clear()  # apps that live longer (session fixtures) close their own at the end


class Databases:
    """Hands out fresh databases: empty (schema only) or holding the demo region."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.counter = itertools.count()
        self.admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT") if POSTGRES else None
        self.created: list[str] = []
        self.demo_template = self._build_template("demo", demo=True)
        self.empty_template = self._build_template("empty", demo=False)

    def _name(self, kind: str) -> str:
        return f"passerelle_test_{os.getpid()}_{kind}_{next(self.counter)}"

    def _new(self, kind: str, template: str | None = None) -> str:
        if self.admin is None:
            path = self.folder / f"{self._name(kind)}.sqlite3"
            if template:
                shutil.copy(template, path)
            return str(path)
        name = self._name(kind)
        with self.admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
        self.created.append(name)
        return make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)

    def _build_template(self, kind: str, demo: bool) -> str:
        location = self._new(f"template_{kind}")
        app = make_app(location)
        with app.app_context():
            create_schema()
            if demo:
                import_directory(DEMO_PACKAGE)
            db.engine.dispose()
        return location if self.admin is None else make_url(location).database

    def demo(self) -> str:
        return self._new("demo", self.demo_template)

    def empty(self) -> str:
        return self._new("empty", self.empty_template)

    def blank(self) -> str:
        """A database with no tables at all (for migration tests)."""
        return self._new("blank")

    def close(self) -> None:
        if self.admin is not None and os.environ.get("PASSERELLE_TEST_THROWAWAY_CLUSTER") == "1":
            self.admin.dispose()  # scripts/with_postgres.sh removes the whole cluster
        elif self.admin is not None:
            with self.admin.connect() as c:
                for name in self.created:
                    c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            self.admin.dispose()


@pytest.fixture(scope="session")
def databases(tmp_path_factory):
    dbs = Databases(tmp_path_factory.mktemp("databases"))
    yield dbs
    dbs.close()


@pytest.fixture(scope="session")
def demo_database(databases) -> str:
    """A database holding the demo region, shared by the whole session: copy it, don't change it."""
    return databases.demo_template if databases.admin is None else databases.demo()


def _app_on(location: str):
    app = make_app(location, pooled=True)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def app(databases):
    yield from _app_on(databases.demo())


@pytest.fixture
def empty_app(databases):
    yield from _app_on(databases.empty())


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


def in_chunk(items, chunk: str) -> list:
    """The items of chunk "I/N" (I from 1): whole modules, the Ith of every N in the order collected.

    scripts/run_tests.sh runs a long part of the suite as N chunks, which its two lanes take in turn
    as each is free; a module's tests stay together, so its module fixtures are made once."""
    index, count = (int(x) for x in chunk.split("/"))
    modules = list(dict.fromkeys(item.module.__name__ for item in items))
    mine = set(modules[index - 1::count])
    return [item for item in items if item.module.__name__ in mine]


def pytest_collection_modifyitems(config, items):
    """On the PostgreSQL run, only tests that take a database from `databases` (directly or through
    `app`, `client`, a live server...): the others never touch the engine, and ran on SQLite.
    With PASSERELLE_TEST_CHUNK=I/N, only the Ith chunk of what is left (in_chunk)."""
    keep = items
    if POSTGRES:
        keep = [item for item in keep if "databases" in getattr(item, "fixturenames", ())]
    if os.environ.get("PASSERELLE_TEST_CHUNK"):
        keep = in_chunk(keep, os.environ["PASSERELLE_TEST_CHUNK"])
    if len(keep) < len(items):
        chosen = set(map(id, keep))
        config.hook.pytest_deselected(items=[item for item in items if id(item) not in chosen])
        items[:] = keep
