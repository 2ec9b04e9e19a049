"""Web store orders (DOMAIN.md section 10): what came from Shopify and WooCommerce, and what is held.

- `web_orders`: one row per web order, keyed by (source, order id): the version taken last (the
  store's modification time and a digest of its content), the CSO made from it, its state
  (`imported`, `held` for review with the reason, `cancelled` before any CSO was made) and, for a
  held order, the order as read (normalised, never the raw file: no card data can be in it, the
  reader refuses an order with card data anywhere), so that it can be retried after a fix.
- `web_sku_map`: a web store SKU that is not an xmart SKU, and the item it stands for.
- `web_order_runs`: each import or retry run and its report (counts and the held orders' reasons).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from xmart.models.base import Base
from xmart.models.status import check_values


class WebOrderState(StrEnum):
    """Where a web order stands."""

    IMPORTED = "imported"
    """Its CSO holds the version taken last."""
    HELD = "held"
    """Listed for review with the reason; its `payload` is the version waiting."""
    CANCELLED = "cancelled"
    """Cancelled at the web store before xmart made a CSO of it (nothing to make)."""


class WebOrder(Base):
    """A web store order as xmart took it (DOMAIN.md section 10)."""

    __tablename__ = "web_orders"
    __table_args__ = (
        UniqueConstraint("source", "order_id", name="uq_web_orders_source_order"),
        CheckConstraint(f"state IN ({check_values(WebOrderState)})", name="state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(20))
    order_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(64), default="")
    """The order's number as the web store shows it (`#1001`)."""
    version: Mapped[str] = mapped_column(String(40), default="")
    """The store's modification time of the version taken last (UTC, ISO 8601), "" when the file has none."""
    digest: Mapped[str] = mapped_column(String(64), default="")
    """SHA-256 of the version's content as read (`processes/web_orders/model.py`)."""
    state: Mapped[str] = mapped_column(String(20), index=True)
    cso_id: Mapped[int | None] = mapped_column(ForeignKey("corporate_sale_orders.id"), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[str] = mapped_column(Text, default="")
    """A held version, as read (JSON); "" otherwise."""
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class WebSkuMapping(Base):
    """A web store SKU and the xmart item it stands for."""

    __tablename__ = "web_sku_map"

    web_sku: Mapped[str] = mapped_column(String(64), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)


class WebOrderRun(Base):
    """One import or retry run and its report."""

    __tablename__ = "web_order_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    kind: Mapped[str] = mapped_column(String(20))
    """`import` or `retry`."""
    source: Mapped[str] = mapped_column(String(20), default="")
    user: Mapped[str] = mapped_column(String(60), default="")
    report: Mapped[str] = mapped_column(Text, default="")
    """The run's report as JSON (the document `xmart web-orders import --json` prints)."""
