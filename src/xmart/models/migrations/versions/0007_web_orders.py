"""Web store orders (DOMAIN.md section 10): web orders, SKU mappings, runs; web card payments.

Adds `web_orders` (one row per (source, order id): version, digest, state, CSO, reason, held payload),
`web_sku_map` (web SKU -> item) and `web_order_runs` (each run's report). `payments` gets `reference`
(a web payment's gateway and transaction reference) and its card check is split in two so that a card
payment may come without a card number (a web store never gives one): a number still needs kind
`card` and the last 4 digits, and only a card payment has card fields. Existing rows all satisfy both.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-10 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_CARD_NUMBER = "card_number_encrypted IS NULL OR (kind = 'card' AND card_last4 IS NOT NULL)"
_CARD_FIELDS_ON_CARD = "kind = 'card' OR (card_last4 IS NULL AND card_number_encrypted IS NULL)"
_OLD_CARD_FIELDS = "(kind = 'card') = (card_number_encrypted IS NOT NULL AND card_last4 IS NOT NULL)"


def upgrade() -> None:
    op.create_table(
        "web_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("order_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("cso_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("state IN ('imported', 'held', 'cancelled')", name=op.f("ck_web_orders_state")),
        sa.ForeignKeyConstraint(
            ["cso_id"], ["corporate_sale_orders.id"], name=op.f("fk_web_orders_cso_id_corporate_sale_orders")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_orders")),
        sa.UniqueConstraint("source", "order_id", name="uq_web_orders_source_order"),
    )
    with op.batch_alter_table("web_orders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_web_orders_cso_id"), ["cso_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_web_orders_state"), ["state"], unique=False)
    op.create_table(
        "web_sku_map",
        sa.Column("web_sku", sa.String(length=64), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_web_sku_map_item_id_items")),
        sa.PrimaryKeyConstraint("web_sku", name=op.f("pk_web_sku_map")),
    )
    with op.batch_alter_table("web_sku_map", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_web_sku_map_item_id"), ["item_id"], unique=False)
    op.create_table(
        "web_order_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("user", sa.String(length=60), nullable=False),
        sa.Column("report", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_order_runs")),
    )
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reference", sa.String(length=100), nullable=True))
        batch_op.drop_constraint(op.f("ck_payments_card_fields"), type_="check")
        batch_op.create_check_constraint(op.f("ck_payments_card_number"), _CARD_NUMBER)
        batch_op.create_check_constraint(op.f("ck_payments_card_fields_on_card"), _CARD_FIELDS_ON_CARD)


def downgrade() -> None:
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_payments_card_fields_on_card"), type_="check")
        batch_op.drop_constraint(op.f("ck_payments_card_number"), type_="check")
        batch_op.create_check_constraint(op.f("ck_payments_card_fields"), _OLD_CARD_FIELDS)
        batch_op.drop_column("reference")
    for table in ("web_order_runs", "web_sku_map", "web_orders"):
        op.drop_table(table)
