"""Initial schema: every table of DOMAIN.md sections 1-7, and the default sales channels.

Revision ID: 0001
Revises:
Create Date: 2026-11-21 23:18:56.988236
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

DEFAULT_CHANNELS = ("POS", "Website", "Sales Order Interface", "Phone")


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("user", sa.String(length=60), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)

    op.create_table(
        "channels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channels")),
        sa.UniqueConstraint("name", name=op.f("uq_channels_name")),
    )
    op.create_table(
        "custom_fields",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint("kind IN ('text', 'date', 'number', 'yes/no')", name=op.f("ck_custom_fields_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custom_fields")),
        sa.UniqueConstraint("name", name=op.f("uq_custom_fields_name")),
    )
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("company", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("billing_line1", sa.String(length=200), server_default="", nullable=False),
        sa.Column("billing_line2", sa.String(length=200), server_default="", nullable=False),
        sa.Column("billing_city", sa.String(length=100), server_default="", nullable=False),
        sa.Column("billing_region", sa.String(length=100), server_default="", nullable=False),
        sa.Column("billing_postal_code", sa.String(length=20), server_default="", nullable=False),
        sa.Column("billing_country", sa.String(length=60), server_default="", nullable=False),
        sa.Column("shipping_line1", sa.String(length=200), server_default="", nullable=False),
        sa.Column("shipping_line2", sa.String(length=200), server_default="", nullable=False),
        sa.Column("shipping_city", sa.String(length=100), server_default="", nullable=False),
        sa.Column("shipping_region", sa.String(length=100), server_default="", nullable=False),
        sa.Column("shipping_postal_code", sa.String(length=20), server_default="", nullable=False),
        sa.Column("shipping_country", sa.String(length=60), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
        sa.UniqueConstraint("number", name=op.f("uq_customers_number")),
    )
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_customers_name"), ["name"], unique=False)

    op.create_table(
        "locations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint("kind IN ('store', 'warehouse')", name=op.f("ck_locations_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_locations")),
        sa.UniqueConstraint("code", name=op.f("uq_locations_code")),
    )
    op.create_table(
        "salesmen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("commission_rate", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint("commission_rate >= 0 AND commission_rate <= 100", name=op.f("ck_salesmen_commission_rate")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_salesmen")),
        sa.UniqueConstraint("code", name=op.f("uq_salesmen_code")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "vendors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vendors")),
        sa.UniqueConstraint("code", name=op.f("uq_vendors_code")),
    )
    op.create_table(
        "corporate_sale_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("billing_customer_id", sa.Integer(), nullable=False),
        sa.Column("shipping_customer_id", sa.Integer(), nullable=False),
        sa.Column("billing_name", sa.String(length=100), nullable=False),
        sa.Column("shipping_name", sa.String(length=100), nullable=False),
        sa.Column("billing_line1", sa.String(length=200), server_default="", nullable=False),
        sa.Column("billing_line2", sa.String(length=200), server_default="", nullable=False),
        sa.Column("billing_city", sa.String(length=100), server_default="", nullable=False),
        sa.Column("billing_region", sa.String(length=100), server_default="", nullable=False),
        sa.Column("billing_postal_code", sa.String(length=20), server_default="", nullable=False),
        sa.Column("billing_country", sa.String(length=60), server_default="", nullable=False),
        sa.Column("shipping_line1", sa.String(length=200), server_default="", nullable=False),
        sa.Column("shipping_line2", sa.String(length=200), server_default="", nullable=False),
        sa.Column("shipping_city", sa.String(length=100), server_default="", nullable=False),
        sa.Column("shipping_region", sa.String(length=100), server_default="", nullable=False),
        sa.Column("shipping_postal_code", sa.String(length=20), server_default="", nullable=False),
        sa.Column("shipping_country", sa.String(length=60), server_default="", nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=True),
        sa.Column("salesman_id", sa.Integer(), nullable=True),
        sa.Column("global_discount", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("shipping_method", sa.String(length=60), nullable=False),
        sa.Column("shipping_cost", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint(
            "status IN ('draft', 'open', 'partially assigned', 'assigned', 'completed', 'on hold', 'cancelled')",
            name=op.f("ck_corporate_sale_orders_status"),
        ),
        sa.CheckConstraint(
            "global_discount >= 0 AND global_discount <= 100", name=op.f("ck_corporate_sale_orders_global_discount")
        ),
        sa.CheckConstraint("shipping_cost >= 0", name=op.f("ck_corporate_sale_orders_shipping_cost_not_negative")),
        sa.ForeignKeyConstraint(
            ["billing_customer_id"],
            ["customers.id"],
            name=op.f("fk_corporate_sale_orders_billing_customer_id_customers"),
        ),
        sa.ForeignKeyConstraint(
            ["channel_id"], ["channels.id"], name=op.f("fk_corporate_sale_orders_channel_id_channels")
        ),
        sa.ForeignKeyConstraint(
            ["salesman_id"], ["salesmen.id"], name=op.f("fk_corporate_sale_orders_salesman_id_salesmen")
        ),
        sa.ForeignKeyConstraint(
            ["shipping_customer_id"],
            ["customers.id"],
            name=op.f("fk_corporate_sale_orders_shipping_customer_id_customers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corporate_sale_orders")),
        sa.UniqueConstraint("number", name=op.f("uq_corporate_sale_orders_number")),
    )
    with op.batch_alter_table("corporate_sale_orders", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_corporate_sale_orders_billing_customer_id"), ["billing_customer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_corporate_sale_orders_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_corporate_sale_orders_salesman_id"), ["salesman_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_corporate_sale_orders_shipping_customer_id"), ["shipping_customer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_corporate_sale_orders_status"), ["status"], unique=False)

    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f("fk_invoices_location_id_locations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoices")),
        sa.UniqueConstraint("number", name=op.f("uq_invoices_number")),
    )
    op.create_table(
        "items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=40), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("price", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("cost", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("cost >= 0", name=op.f("ck_items_cost_not_negative")),
        sa.CheckConstraint("price >= 0", name=op.f("ck_items_price_not_negative")),
        sa.ForeignKeyConstraint(["vendor_id"], ["vendors.id"], name=op.f("fk_items_vendor_id_vendors")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_items")),
        sa.UniqueConstraint("sku", name=op.f("uq_items_sku")),
    )
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_items_vendor_id"), ["vendor_id"], unique=False)

    op.create_table(
        "purchase_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("delivery_date", sa.Date(), nullable=True),
        sa.Column("cancel_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'partially received', 'received', 'cancelled')", name=op.f("ck_purchase_orders_status")
        ),
        sa.CheckConstraint(
            "cancel_date IS NULL OR delivery_date IS NULL OR cancel_date >= delivery_date",
            name=op.f("ck_purchase_orders_cancel_after_delivery"),
        ),
        sa.ForeignKeyConstraint(
            ["location_id"], ["locations.id"], name=op.f("fk_purchase_orders_location_id_locations")
        ),
        sa.ForeignKeyConstraint(["vendor_id"], ["vendors.id"], name=op.f("fk_purchase_orders_vendor_id_vendors")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchase_orders")),
        sa.UniqueConstraint("number", name=op.f("uq_purchase_orders_number")),
    )
    with op.batch_alter_table("purchase_orders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_purchase_orders_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_purchase_orders_vendor_id"), ["vendor_id"], unique=False)

    op.create_table(
        "cso_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cso_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.Column("price", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("discount", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.CheckConstraint("discount >= 0 AND discount <= 100", name=op.f("ck_cso_lines_discount")),
        sa.CheckConstraint("price >= 0", name=op.f("ck_cso_lines_price_not_negative")),
        sa.CheckConstraint("qty > 0", name=op.f("ck_cso_lines_qty_positive")),
        sa.ForeignKeyConstraint(
            ["cso_id"],
            ["corporate_sale_orders.id"],
            name=op.f("fk_cso_lines_cso_id_corporate_sale_orders"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_cso_lines_item_id_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cso_lines")),
        sa.UniqueConstraint("cso_id", "line_no", name=op.f("uq_cso_lines_cso_id")),
    )
    with op.batch_alter_table("cso_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cso_lines_item_id"), ["item_id"], unique=False)

    op.create_table(
        "custom_field_values",
        sa.Column("cso_id", sa.Integer(), nullable=False),
        sa.Column("field_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cso_id"],
            ["corporate_sale_orders.id"],
            name=op.f("fk_custom_field_values_cso_id_corporate_sale_orders"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["field_id"], ["custom_fields.id"], name=op.f("fk_custom_field_values_field_id_custom_fields")
        ),
        sa.PrimaryKeyConstraint("cso_id", "field_id", name=op.f("pk_custom_field_values")),
    )
    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cso_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("amount", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("card_brand", sa.String(length=20), nullable=True),
        sa.Column("card_number_encrypted", sa.LargeBinary(), nullable=True),
        sa.Column("card_last4", sa.String(length=4), nullable=True),
        sa.Column("card_expiry", sa.String(length=5), nullable=True),
        sa.Column("authorization", sa.String(length=40), nullable=True),
        sa.CheckConstraint(
            "(kind = 'card') = (card_number_encrypted IS NOT NULL AND card_last4 IS NOT NULL)",
            name=op.f("ck_payments_card_fields"),
        ),
        sa.CheckConstraint("kind IN ('card', 'cash', 'check', 'other')", name=op.f("ck_payments_kind")),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_payments_amount_not_negative")),
        sa.ForeignKeyConstraint(
            ["cso_id"],
            ["corporate_sale_orders.id"],
            name=op.f("fk_payments_cso_id_corporate_sale_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
    )
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payments_cso_id"), ["cso_id"], unique=False)

    op.create_table(
        "purchase_order_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("po_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.Column("received", sa.Integer(), nullable=False),
        sa.Column("cost", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.CheckConstraint("cost >= 0", name=op.f("ck_purchase_order_lines_cost_not_negative")),
        sa.CheckConstraint("qty > 0", name=op.f("ck_purchase_order_lines_qty_positive")),
        sa.CheckConstraint(
            "received >= 0 AND received <= qty", name=op.f("ck_purchase_order_lines_received_within_qty")
        ),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_purchase_order_lines_item_id_items")),
        sa.ForeignKeyConstraint(
            ["po_id"],
            ["purchase_orders.id"],
            name=op.f("fk_purchase_order_lines_po_id_purchase_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchase_order_lines")),
        sa.UniqueConstraint("po_id", "line_no", name=op.f("uq_purchase_order_lines_po_id")),
    )
    with op.batch_alter_table("purchase_order_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_purchase_order_lines_item_id"), ["item_id"], unique=False)

    op.create_table(
        "stock",
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.Column("minimum", sa.Integer(), nullable=False),
        sa.Column("maximum", sa.Integer(), nullable=False),
        sa.CheckConstraint("maximum >= 0", name=op.f("ck_stock_maximum_not_negative")),
        sa.CheckConstraint("minimum >= 0", name=op.f("ck_stock_minimum_not_negative")),
        sa.CheckConstraint("on_hand >= 0", name=op.f("ck_stock_on_hand_not_negative")),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_stock_item_id_items")),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f("fk_stock_location_id_locations")),
        sa.PrimaryKeyConstraint("location_id", "item_id", name=op.f("pk_stock")),
    )
    with op.batch_alter_table("stock", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stock_item_id"), ["item_id"], unique=False)

    op.create_table(
        "po_coverage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("po_line_id", sa.Integer(), nullable=False),
        sa.Column("cso_line_id", sa.Integer(), nullable=False),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.CheckConstraint("qty > 0", name=op.f("ck_po_coverage_qty_positive")),
        sa.ForeignKeyConstraint(["cso_line_id"], ["cso_lines.id"], name=op.f("fk_po_coverage_cso_line_id_cso_lines")),
        sa.ForeignKeyConstraint(
            ["po_line_id"],
            ["purchase_order_lines.id"],
            name=op.f("fk_po_coverage_po_line_id_purchase_order_lines"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_po_coverage")),
        sa.UniqueConstraint("po_line_id", "cso_line_id", name=op.f("uq_po_coverage_po_line_id")),
    )
    with op.batch_alter_table("po_coverage", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_po_coverage_cso_line_id"), ["cso_line_id"], unique=False)

    op.create_table(
        "sale_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("cso_id", sa.Integer(), nullable=True),
        sa.Column("billing_customer_id", sa.Integer(), nullable=True),
        sa.Column("shipping_customer_id", sa.Integer(), nullable=True),
        sa.Column("global_discount", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("card_payment_id", sa.Integer(), nullable=True),
        sa.Column("deposit", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'partially sold', 'sold', 'cancelled')", name=op.f("ck_sale_orders_status")
        ),
        sa.CheckConstraint("deposit >= 0", name=op.f("ck_sale_orders_deposit_not_negative")),
        sa.CheckConstraint(
            "global_discount >= 0 AND global_discount <= 100", name=op.f("ck_sale_orders_global_discount")
        ),
        sa.ForeignKeyConstraint(
            ["billing_customer_id"], ["customers.id"], name=op.f("fk_sale_orders_billing_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["card_payment_id"], ["payments.id"], name=op.f("fk_sale_orders_card_payment_id_payments")
        ),
        sa.ForeignKeyConstraint(
            ["cso_id"], ["corporate_sale_orders.id"], name=op.f("fk_sale_orders_cso_id_corporate_sale_orders")
        ),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f("fk_sale_orders_location_id_locations")),
        sa.ForeignKeyConstraint(
            ["shipping_customer_id"], ["customers.id"], name=op.f("fk_sale_orders_shipping_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sale_orders")),
        sa.UniqueConstraint("number", name=op.f("uq_sale_orders_number")),
    )
    with op.batch_alter_table("sale_orders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sale_orders_cso_id"), ["cso_id"], unique=False)
        batch_op.create_index("ix_sale_orders_location_date", ["location_id", "date"], unique=False)
        batch_op.create_index(batch_op.f("ix_sale_orders_status"), ["status"], unique=False)

    op.create_table(
        "sale_order_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("so_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.Column("sold", sa.Integer(), nullable=False),
        sa.Column("price", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("discount", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("cso_line_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("discount >= 0 AND discount <= 100", name=op.f("ck_sale_order_lines_discount")),
        sa.CheckConstraint("price >= 0", name=op.f("ck_sale_order_lines_price_not_negative")),
        sa.CheckConstraint("qty > 0", name=op.f("ck_sale_order_lines_qty_positive")),
        sa.CheckConstraint("sold >= 0 AND sold <= qty", name=op.f("ck_sale_order_lines_sold_within_qty")),
        sa.ForeignKeyConstraint(
            ["cso_line_id"], ["cso_lines.id"], name=op.f("fk_sale_order_lines_cso_line_id_cso_lines")
        ),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_sale_order_lines_item_id_items")),
        sa.ForeignKeyConstraint(
            ["so_id"], ["sale_orders.id"], name=op.f("fk_sale_order_lines_so_id_sale_orders"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sale_order_lines")),
        sa.UniqueConstraint("so_id", "line_no", name=op.f("uq_sale_order_lines_so_id")),
    )
    with op.batch_alter_table("sale_order_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sale_order_lines_cso_line_id"), ["cso_line_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sale_order_lines_item_id"), ["item_id"], unique=False)

    op.create_table(
        "invoice_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("so_line_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.Column("price", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.CheckConstraint("qty > 0", name=op.f("ck_invoice_lines_qty_positive")),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoices.id"], name=op.f("fk_invoice_lines_invoice_id_invoices"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_invoice_lines_item_id_items")),
        sa.ForeignKeyConstraint(
            ["so_line_id"], ["sale_order_lines.id"], name=op.f("fk_invoice_lines_so_line_id_sale_order_lines")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_lines")),
    )
    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invoice_lines_invoice_id"), ["invoice_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_invoice_lines_so_line_id"), ["so_line_id"], unique=False)
    channels = sa.table("channels", sa.column("name", sa.String), sa.column("active", sa.Boolean))
    op.bulk_insert(channels, [{"name": n, "active": True} for n in DEFAULT_CHANNELS])


def downgrade() -> None:
    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invoice_lines_so_line_id"))
        batch_op.drop_index(batch_op.f("ix_invoice_lines_invoice_id"))

    op.drop_table("invoice_lines")
    with op.batch_alter_table("sale_order_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sale_order_lines_item_id"))
        batch_op.drop_index(batch_op.f("ix_sale_order_lines_cso_line_id"))

    op.drop_table("sale_order_lines")
    with op.batch_alter_table("sale_orders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sale_orders_status"))
        batch_op.drop_index("ix_sale_orders_location_date")
        batch_op.drop_index(batch_op.f("ix_sale_orders_cso_id"))

    op.drop_table("sale_orders")
    with op.batch_alter_table("po_coverage", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_po_coverage_cso_line_id"))

    op.drop_table("po_coverage")
    with op.batch_alter_table("stock", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stock_item_id"))

    op.drop_table("stock")
    with op.batch_alter_table("purchase_order_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_purchase_order_lines_item_id"))

    op.drop_table("purchase_order_lines")
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payments_cso_id"))

    op.drop_table("payments")
    op.drop_table("custom_field_values")
    with op.batch_alter_table("cso_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cso_lines_item_id"))

    op.drop_table("cso_lines")
    with op.batch_alter_table("purchase_orders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_purchase_orders_vendor_id"))
        batch_op.drop_index(batch_op.f("ix_purchase_orders_status"))

    op.drop_table("purchase_orders")
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_items_vendor_id"))

    op.drop_table("items")
    op.drop_table("invoices")
    with op.batch_alter_table("corporate_sale_orders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_corporate_sale_orders_status"))
        batch_op.drop_index(batch_op.f("ix_corporate_sale_orders_shipping_customer_id"))
        batch_op.drop_index(batch_op.f("ix_corporate_sale_orders_salesman_id"))
        batch_op.drop_index(batch_op.f("ix_corporate_sale_orders_date"))
        batch_op.drop_index(batch_op.f("ix_corporate_sale_orders_billing_customer_id"))

    op.drop_table("corporate_sale_orders")
    op.drop_table("vendors")
    op.drop_table("settings")
    op.drop_table("salesmen")
    op.drop_table("locations")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customers_name"))

    op.drop_table("customers")
    op.drop_table("custom_fields")
    op.drop_table("channels")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
