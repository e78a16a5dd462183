"""SQLite's full-text index keeps prefix indexes for 2, 3 and 4 letters (issue 8: search p95)

Every search word matches as a prefix ("aid" finds "aide"). Without a prefix index, SQLite merges
the lists of every word that starts so, and a short prefix starts hundreds: "aid" or "care" cost
10 ms each at 60,000 services, 1-2 ms with the index. PostgreSQL is unchanged.

Revision ID: 0005_fts_prefix_index
Revises: 0004_offline_previous
Create Date: 2026-11-28 22:30:00

"""
from alembic import op


revision = '0005_fts_prefix_index'
down_revision = '0004_offline_previous'
branch_labels = None
depends_on = None

COLUMNS = "name, categories, body, content='search_document', content_rowid='rowid', tokenize='ascii'"


def _recreate(options: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE IF EXISTS search_fts")
    op.execute(f"CREATE VIRTUAL TABLE search_fts USING fts5({COLUMNS}{options})")
    op.execute("INSERT INTO search_fts(search_fts) VALUES('rebuild')")  # from search_document, as it stands


def upgrade():
    _recreate(", prefix='2 3 4'")


def downgrade():
    _recreate("")
