"""Store sync (DOMAIN.md section 6): synchronized locations and their keys, store mode, packages, conflicts.

Adds `sync_peers` (a synchronized location at the Main, or the Main at a store, with the shared key),
`store_identity` (store mode), `sync_packages`, `sync_sent`, `stock_reports` (a store's last reported
level at the Main), `sync_conflicts`, `received_sale_orders`, `sync_early_cancellations`, and
`invoices.store_invoice` (a store's own invoice id, unique per store). Existing data is untouched:
every location stays managed at the Main until `xmart sync keygen` makes it synchronized.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_TABLES = (
    "received_sale_orders",
    "sync_sent",
    "stock_reports",
    "sync_conflicts",
    "store_identity",
    "sync_packages",
    "sync_early_cancellations",
    "sync_peers",
)


def _address(prefix: str) -> list[sa.Column[str]]:
    widths = {"line1": 200, "line2": 200, "city": 100, "region": 100, "postal_code": 20, "country": 60}
    return [
        sa.Column(f"{prefix}_{name}", sa.String(width), server_default="", nullable=False)
        for name, width in widths.items()
    ]


def upgrade() -> None:
    op.create_table(
        "sync_early_cancellations",
        sa.Column("so_number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("so_number", name=op.f("pk_sync_early_cancellations")),
    )
    op.create_table(
        "sync_packages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("peer", sa.String(length=40), server_default="", nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), server_default="", nullable=False),
        sa.Column("file_name", sa.String(length=255), server_default="", nullable=False),
        sa.Column("digest", sa.String(length=64), server_default="", nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint("direction IN ('in', 'out')", name=op.f("ck_sync_packages_direction")),
        sa.CheckConstraint(
            "status IN ('applied', 'refused', 'waiting', 'acknowledged')", name=op.f("ck_sync_packages_status")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_packages")),
    )
    with op.batch_alter_table("sync_packages", schema=None) as batch_op:
        batch_op.create_index(
            "ix_sync_packages_peer_direction_sequence", ["peer", "direction", "sequence"], unique=False
        )

    op.create_table(
        "store_identity",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("set_up_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_store_identity_single_row")),
        sa.ForeignKeyConstraint(
            ["location_id"], ["locations.id"], name=op.f("fk_store_identity_location_id_locations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_store_identity")),
        sa.UniqueConstraint("code", name=op.f("uq_store_identity_code")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("store_invoice", sa.Integer(), nullable=False),
        sa.Column("so_number", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=40), server_default="", nullable=False),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.Column("detail", sa.Text(), server_default="", nullable=False),
        sa.Column("package_sequence", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("kind IN ('cancelled', 'oversold', 'unknown')", name=op.f("ck_sync_conflicts_kind")),
        sa.ForeignKeyConstraint(
            ["location_id"], ["locations.id"], name=op.f("fk_sync_conflicts_location_id_locations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
        sa.UniqueConstraint(
            "location_id", "store_invoice", "so_number", "line_no", "sku", "kind", name="uq_sync_conflicts_once"
        ),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflicts_location_id"), ["location_id"], unique=False)

    op.create_table(
        "sync_peers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=True),
        sa.Column("key", sa.LargeBinary(), nullable=False),
        sa.Column("last_sequence", sa.Integer(), server_default="0", nullable=False),
        sa.Column("acknowledged", sa.Integer(), server_default="0", nullable=False),
        sa.Column("resend_from", sa.Date(), nullable=True),
        sa.Column("resend_sequence", sa.Integer(), nullable=True),
        sa.Column("last_stock_report", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f("fk_sync_peers_location_id_locations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_peers")),
        sa.UniqueConstraint("code", name=op.f("uq_sync_peers_code")),
        sa.UniqueConstraint("location_id", name=op.f("uq_sync_peers_location_id")),
    )
    op.create_table(
        "stock_reports",
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.CheckConstraint("on_hand >= 0", name=op.f("ck_stock_reports_on_hand_not_negative")),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_stock_reports_item_id_items")),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f("fk_stock_reports_location_id_locations")),
        sa.PrimaryKeyConstraint("location_id", "item_id", name=op.f("pk_stock_reports")),
    )
    op.create_table(
        "sync_sent",
        sa.Column("peer_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("ref", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.CheckConstraint("kind IN ('so', 'cancel', 'invoice', 'stock')", name=op.f("ck_sync_sent_kind")),
        sa.ForeignKeyConstraint(
            ["peer_id"], ["sync_peers.id"], name=op.f("fk_sync_sent_peer_id_sync_peers"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("peer_id", "kind", "ref", name=op.f("pk_sync_sent")),
    )
    op.create_table(
        "received_sale_orders",
        sa.Column("so_id", sa.Integer(), nullable=False),
        sa.Column("corporate_order", sa.Integer(), nullable=True),
        sa.Column("billing_name", sa.String(length=100), server_default="", nullable=False),
        sa.Column("shipping_name", sa.String(length=100), server_default="", nullable=False),
        *_address("billing"),
        *_address("shipping"),
        sa.Column("card_reference", sa.String(length=20), server_default="", nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["so_id"], ["sale_orders.id"], name=op.f("fk_received_sale_orders_so_id_sale_orders"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("so_id", name=op.f("pk_received_sale_orders")),
    )
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("store_invoice", sa.Integer(), nullable=True))
        batch_op.create_unique_constraint("uq_invoices_store_invoice", ["location_id", "store_invoice"])


def downgrade() -> None:
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.drop_constraint("uq_invoices_store_invoice", type_="unique")
        batch_op.drop_column("store_invoice")
    for table in _TABLES:
        op.drop_table(table)
