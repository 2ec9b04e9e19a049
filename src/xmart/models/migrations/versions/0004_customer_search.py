"""Customer search folds case and accents on both databases: `customers.search_key`, backfilled.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 23:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from xmart.models.search_key import CUSTOMER_SEARCH_FIELDS, customer_search_key

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BATCH = 2000


def upgrade() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_key", sa.Text(), server_default="", nullable=False))
    customers = sa.table("customers", sa.column("id"), sa.column("search_key"), *map(sa.column, CUSTOMER_SEARCH_FIELDS))
    connection = op.get_bind()
    last = 0
    while True:
        rows = (
            connection.execute(sa.select(customers).where(customers.c.id > last).order_by(customers.c.id).limit(BATCH))
            .mappings()
            .all()
        )
        if not rows:
            break
        connection.execute(
            sa.update(customers).where(customers.c.id == sa.bindparam("_id")).values(search_key=sa.bindparam("_key")),
            [{"_id": row["id"], "_key": customer_search_key(dict(row))} for row in rows],
        )
        last = rows[-1]["id"]


def downgrade() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_column("search_key")
