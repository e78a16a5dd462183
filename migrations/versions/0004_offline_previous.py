"""Offline records keep the body they replaced, so the changes feed can send only the fields that changed (issue 4)

Revision ID: 0004_offline_previous
Revises: 0003_rate_limit_hit
Create Date: 2026-11-28 19:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0004_offline_previous'
down_revision = '0003_rate_limit_hit'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('offline_record', schema=None) as batch_op:
        batch_op.add_column(sa.Column('previous_version', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('previous_body', sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table('offline_record', schema=None) as batch_op:
        batch_op.drop_column('previous_body')
        batch_op.drop_column('previous_version')
