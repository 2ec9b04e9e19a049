"""Sale orders carry their total: their share of the CSO total (DOMAIN.md section 4, Totals).

Existing sale orders get their own order total (DOMAIN.md section 2 over their lines and global
discount, no shipping), computed here in Decimal, half up to cents, as they printed it before.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 00:00:00
"""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_CENT = Decimal("0.01")


def _money(value: Decimal) -> Decimal:
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def _backfill() -> None:
    """Set each sale order's total to round(sum of rounded line amounts less its global discount)."""
    connection = op.get_bind()
    money = sa.Numeric(12, 2, asdecimal=True)
    subtotals: dict[int, Decimal] = defaultdict(lambda: Decimal("0.00"))
    lines = sa.text("SELECT so_id, qty, price, discount FROM sale_order_lines").columns(
        sa.column("so_id", sa.Integer()),
        sa.column("qty", sa.Integer()),
        sa.column("price", money),
        sa.column("discount", money),
    )
    for so_id, qty, price, discount in connection.execute(lines):
        subtotals[so_id] += _money(qty * price * (100 - discount) / 100)
    orders = sa.text("SELECT id, global_discount FROM sale_orders").columns(
        sa.column("id", sa.Integer()), sa.column("global_discount", money)
    )
    updates = []
    for so_id, global_discount in connection.execute(orders).all():
        subtotal = subtotals[so_id]
        updates.append({"so_id": so_id, "total": subtotal - _money(subtotal * global_discount / 100)})
    if updates:
        statement = sa.text("UPDATE sale_orders SET total = :total WHERE id = :so_id").bindparams(
            sa.bindparam("total", type_=money), sa.bindparam("so_id", type_=sa.Integer())
        )
        connection.execute(statement, updates)


def upgrade() -> None:
    with op.batch_alter_table("sale_orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("total", sa.Numeric(precision=12, scale=2), server_default="0", nullable=True))
    _backfill()
    with op.batch_alter_table("sale_orders", schema=None) as batch_op:
        batch_op.alter_column(
            "total", existing_type=sa.Numeric(precision=12, scale=2), nullable=False, server_default=None
        )
        batch_op.create_check_constraint(op.f("ck_sale_orders_total_not_negative"), "total >= 0")


def downgrade() -> None:
    with op.batch_alter_table("sale_orders", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_sale_orders_total_not_negative"), type_="check")
        batch_op.drop_column("total")
