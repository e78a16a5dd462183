"""A curator's save changes a few search documents; each server's typo vocabulary follows by the words it changed

Before, every save had the whole search index rebuilt and every server read its vocabulary again:
at 20,000 services, a minute per save and 8 s for the next misspelt search on each server.

Revision ID: 0007_search_word_change
Revises: 0006_curation
Create Date: 2026-12-03 18:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0007_search_word_change'
down_revision = '0006_curation'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('search_word_change',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('word', sa.Text(), nullable=False),
    sa.Column('documents', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )


def downgrade():
    op.drop_table('search_word_change')
