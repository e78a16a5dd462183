"""Offline snapshots: one row per record phones keep, with its content hash and version (issue 4)

Revision ID: 0002_offline_record
Revises: 0001_initial
Create Date: 2026-11-28 14:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0002_offline_record'
down_revision = '0001_initial'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('offline_record',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('present', sa.Boolean(), nullable=False),
    sa.Column('regions', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    with op.batch_alter_table('offline_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_offline_record_version'), ['version'], unique=False)


def downgrade():
    with op.batch_alter_table('offline_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_offline_record_version'))
    op.drop_table('offline_record')
