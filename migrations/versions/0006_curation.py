"""Curation (issue 19): curator accounts, report triage, uploads awaiting confirmation, the moment of each audited change

Revision ID: 0006_curation
Revises: 0005_fts_prefix_index
Create Date: 2026-12-03 14:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0006_curation'
down_revision = '0005_fts_prefix_index'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('curator',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('password_hash', sa.Text(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('session_epoch', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('last_login_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('email')
    )
    op.create_table('pending_import',
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.Text(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=True),
    sa.Column('merge', sa.Boolean(), nullable=False),
    sa.Column('lenient', sa.Boolean(), nullable=False),
    sa.Column('created_by', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('token')
    )
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('resolution_note', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('handled_by', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('updated_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('contact_erased_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('metadata', schema=None) as batch_op:
        batch_op.add_column(sa.Column('changed_at', sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f('ix_metadata_changed_at'), ['changed_at'], unique=False)
        batch_op.create_index('ix_metadata_resource', ['resource_id'], unique=False)


def downgrade():
    with op.batch_alter_table('metadata', schema=None) as batch_op:
        batch_op.drop_index('ix_metadata_resource')
        batch_op.drop_index(batch_op.f('ix_metadata_changed_at'))
        batch_op.drop_column('changed_at')
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.drop_column('contact_erased_at')
        batch_op.drop_column('updated_at')
        batch_op.drop_column('handled_by')
        batch_op.drop_column('resolution_note')
    op.drop_table('pending_import')
    op.drop_table('curator')
