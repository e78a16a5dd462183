"""Compare the database's schema revision with the migrations this code ships."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


class SchemaTooNew(RuntimeError):
    """The database was upgraded by a newer release than this code."""


@cache  # the migrations this code ships do not change while it runs
def known_revisions() -> frozenset[str]:
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    return frozenset(rev.revision for rev in ScriptDirectory.from_config(config).walk_revisions())


def database_revisions(connection: Connection) -> set[str]:
    try:
        return set(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())
    except DBAPIError:  # no table yet: a new database
        connection.rollback()
        return set()


def check(connection: Connection) -> None:
    """Refuse to run code older than the database's schema: it would misread or damage the data."""
    unknown = database_revisions(connection) - known_revisions()
    if unknown:
        raise SchemaTooNew(
            f"The database's schema is at revision {', '.join(sorted(unknown))}, which this version of "
            "Passerelle does not know: it was upgraded by a newer release. Run that release (or newer), "
            "or restore a backup taken before the upgrade."
        )
