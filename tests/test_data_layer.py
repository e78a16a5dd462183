"""The data layer on either engine: migrations, schema guard, health probes, the database going away."""
from __future__ import annotations

import contextlib
import os
import socket
import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import func, inspect, select, text
from sqlalchemy.engine import make_url

from pwa_app.web import connections
from pwa_app.search import fulltext
from pwa_app.cli.database import MIGRATIONS
from pwa_app.db.extensions import db
from pwa_app.db.models import Service
from pwa_app.db.schema_version import SchemaTooNew

from .conftest import POSTGRES, make_app

FIRST_REVISION = "0001_initial"


def include_object(obj, name, type_, reflected, compare_to):
    # The engines' own full-text objects are made by hand (0001, fulltext.ensure_schema), outside the models.
    if type_ == "table" and (name.startswith("search_fts") or name == "alembic_version"):
        return False
    return not (type_ == "column" and name == "tsv") and name not in ("ix_search_document_tsv", "ix_search_document_name_order")


def test_migrations_give_the_models_schema(databases):
    app = make_app(databases.blank())
    with app.app_context():
        upgrade(directory=str(MIGRATIONS))
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"include_object": include_object, "compare_type": True})
            assert compare_metadata(context, db.metadata) == []
        db.engine.dispose()


def row_counts(connection) -> dict[str, int]:
    names = [n for n in inspect(connection).get_table_names() if not n.startswith("search_fts") and n != "alembic_version"]
    return {n: connection.execute(text(f'SELECT count(*) FROM "{n}"')).scalar_one() for n in names}


def test_upgrading_a_database_with_the_demo_region_keeps_every_record(app):
    with app.app_context():
        with db.engine.connect() as c:
            at_head = row_counts(c)
        assert at_head["service"] >= 150
        found = fulltext.search(db.session, "shel").service_ids
        db.session.rollback()
        downgrade(directory=str(MIGRATIONS), revision=FIRST_REVISION)
        with db.engine.connect() as c:
            at_first = row_counts(c)
        upgrade(directory=str(MIGRATIONS))
        with db.engine.connect() as c:
            again = row_counts(c)
        assert {k: v for k, v in again.items() if k in at_first} == at_first
        assert again["service"] == at_head["service"] and again["translation"] == at_head["translation"]
        assert found and fulltext.search(db.session, "shel").service_ids == found  # the rebuilt index answers alike
        if db.engine.dialect.name == "sqlite":  # with its prefix indexes (0005)
            assert "prefix='2 3 4'" in db.session.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'search_fts'"))


def test_code_older_than_the_schema_refuses_to_start(app):
    with app.app_context():
        db.session.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
        db.session.commit()
        location = db.engine.url.render_as_string(hide_password=False)
        db.engine.dispose()
    with pytest.raises(SchemaTooNew, match="9999_from_the_future"):
        make_app(location)


def test_unparseable_database_url_stops_with_one_line():
    with pytest.raises(SystemExit) as stopped:
        make_app("nonsense://")
    assert "DATABASE_URL" in str(stopped.value) and "\n" not in str(stopped.value)


def test_unreachable_database_stops_init_db_with_one_line():
    app = make_app("postgresql://nobody@127.0.0.1:9/nowhere")
    result = app.test_cli_runner().invoke(args=["init-db", "--demo-if-empty"])
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: Cannot reach the database")


def test_health_probes(client):
    assert client.get("/healthz").json == {"status": "ok"}
    assert client.get("/readyz").json == {"status": "ok", "database": "ok"}


class Outage:
    """A TCP relay between the app and PostgreSQL that can cut every connection, then come back."""

    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.up = True
        self.open: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            server = socket.create_connection(self.target)
            self.open += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def _close_all(self):
        for s in self.open:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()
        self.open = []

    def cut(self):
        self.up = False
        self._close_all()

    def restore(self):
        self.up = True

    def close(self):
        self.listener.close()
        self._close_all()


@pytest.fixture
def flaky_app(databases, tmp_path):
    """An app whose database can be taken away and given back."""
    if POSTGRES:
        url = make_url(databases.demo())
        relay = Outage(url.host, url.port)
        app = make_app(url.set(host="127.0.0.1", port=relay.port).render_as_string(hide_password=False))
        yield app, relay.cut, relay.restore
    else:
        relay = None
        path = databases.demo()
        away = path + ".away"
        app = make_app(path)

        def cut():
            with app.app_context():
                db.engine.dispose()
            os.rename(path, away)
            os.mkdir(path)  # a folder where the file was: SQLite cannot open it, nor create a new one

        def restore():
            os.rmdir(path)
            os.rename(away, path)

        yield app, cut, restore
    with app.app_context():
        db.engine.dispose()
    if relay is not None:
        relay.close()


def test_database_outage_gives_503_then_recovers(flaky_app):
    app, cut, restore = flaky_app
    client = app.test_client()
    assert client.get("/en/categories/food").status_code == 200
    cut()
    page = client.get("/en/categories/food")
    assert page.status_code == 503
    html = page.get_data(as_text=True)
    assert "Traceback" not in html and "211" in html
    api = client.get("/api/services")
    assert api.status_code == 503 and api.is_json and api.json["status"] == 503
    assert client.get("/readyz").status_code == 503
    assert client.get("/healthz").status_code == 200
    restore()
    assert client.get("/en/categories/food").status_code == 200
    assert client.get("/readyz").status_code == 200
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Service)) >= 150



@pytest.mark.parametrize("idle_s", [0.0, 3600.0])
def test_a_connection_that_died_while_idle_is_replaced_before_a_request_sees_it(databases, monkeypatch, idle_s):
    """Pooled as when served: a connection gone while it sat idle (after a database restart) is
    checked and replaced. The control: one not idle for long enough is trusted, and fails."""
    app = make_app(databases.demo(), SQLALCHEMY_ENGINE_OPTIONS={})
    monkeypatch.setattr(connections, "IDLE_S", idle_s)
    client = app.test_client()
    assert client.get("/en/categories/food").status_code == 200
    with app.app_context():
        db.engine.dispose()
        with db.engine.connect() as connection:  # now the only connection in the pool
            dead = connection.connection.dbapi_connection
    dead.close()
    status = client.get("/en/categories/food").status_code
    assert status == 200 if idle_s == 0 else status >= 500


def test_readyz_says_503_when_the_sqlite_file_is_moved_away(databases, tmp_path):
    # reproduction: make run; mv instance/passerelle.sqlite3 /tmp/; curl -i http://127.0.0.1:5000/readyz (said 200)
    location = databases.demo()
    if "://" in location:
        pytest.skip("a SQLite file; PostgreSQL's outage is test_database_outage_gives_503_then_recovers")
    app = make_app(location, SQLALCHEMY_ENGINE_OPTIONS={})  # pooled, as served: a pooled connection keeps the old file
    client = app.test_client()
    assert client.get("/readyz").status_code == 200 and client.get("/en/").status_code == 200
    os.rename(location, tmp_path / "away.sqlite3")  # reproduction: /readyz still said 200
    try:
        assert client.get("/readyz").status_code == 503
        assert not os.path.exists(location)  # the probe created no empty file in its place
    finally:
        os.rename(tmp_path / "away.sqlite3", location)
    assert client.get("/readyz").status_code == 200


@pytest.mark.parametrize("damage", ["not a database", "torn pages"])
def test_a_corrupt_sqlite_file_gives_the_friendly_503(databases, damage):
    # reproduction: dd if=/dev/urandom of=instance/passerelle.sqlite3 bs=4k seek=1 count=8 conv=notrunc; curl -i 127.0.0.1:5000/en/ (500)
    location = databases.demo()
    if "://" in location:
        pytest.skip("a SQLite file")
    with open(location, "r+b") as f:
        if damage == "not a database":
            f.write(b"this is not a SQLite file" * 100)  # reproduction: pages answered 500
        else:
            f.seek(4096)
            f.write(b"\xff" * 4096 * 8)  # the pages after the first: tables and indexes
    app = make_app(location)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    client = app.test_client()
    assert client.get("/readyz").status_code == 503
    page = client.get("/en/categories/food")
    assert page.status_code == 503 and "211" in page.get_data(as_text=True)
    if damage == "not a database":  # torn pages fail only the queries that read them
        assert client.get("/api/services").status_code == 503
