"""Rate limiter hits for "report a problem": salted hourly hashes, deleted after the window (issue 7)

Revision ID: 0003_rate_limit_hit
Revises: 0002_offline_record
Create Date: 2026-11-28 13:12:11

"""
from alembic import op
import sqlalchemy as sa


revision = '0003_rate_limit_hit'
down_revision = '0002_offline_record'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('rate_limit_hit',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('bucket', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rate_limit_hit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rate_limit_hit_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_rate_limit_hit_bucket'), ['bucket'], unique=False)


def downgrade():
    with op.batch_alter_table('rate_limit_hit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rate_limit_hit_bucket'))
        batch_op.drop_index(batch_op.f('ix_rate_limit_hit_at'))
    op.drop_table('rate_limit_hit')
