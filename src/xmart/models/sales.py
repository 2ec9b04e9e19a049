"""Store Sale Orders (with their sold quantities) and the invoices that sell them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from xmart.models.base import Base, Percent
from xmart.models.catalog import Item, Location
from xmart.models.corporate import CorporateSaleOrder, CsoLine, Payment
from xmart.models.parties import Customer
from xmart.models.status import SoStatus, check_values


class SaleOrder(Base):
    """The part of a CSO sent to one location to invoice (or a store's own special order)."""

    __tablename__ = "sale_orders"
    __table_args__ = (
        CheckConstraint(f"status IN ({check_values(SoStatus)})", name="status"),
        CheckConstraint("deposit >= 0", name="deposit_not_negative"),
        CheckConstraint("total >= 0", name="total_not_negative"),
        CheckConstraint("global_discount >= 0 AND global_discount <= 100", name="global_discount"),
        Index("ix_sale_orders_location_date", "location_id", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(unique=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default=SoStatus.OPEN.value, index=True)
    cso_id: Mapped[int | None] = mapped_column(ForeignKey("corporate_sale_orders.id"), index=True)
    billing_customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    shipping_customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    global_discount: Mapped[Decimal] = mapped_column(Percent, default=Decimal("0.00"))
    note: Mapped[str] = mapped_column(Text, default="")
    card_payment_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"))
    deposit: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    total: Mapped[Decimal]
    """Its share of the CSO total (DOMAIN.md section 4, Totals); its own order total when not from a CSO."""
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    location: Mapped[Location] = relationship()
    corporate_order: Mapped[CorporateSaleOrder | None] = relationship()
    billing_customer: Mapped[Customer | None] = relationship(foreign_keys=[billing_customer_id])
    shipping_customer: Mapped[Customer | None] = relationship(foreign_keys=[shipping_customer_id])
    card_payment: Mapped[Payment | None] = relationship()
    lines: Mapped[list[SaleOrderLine]] = relationship(
        back_populates="order", order_by="SaleOrderLine.line_no", cascade="all, delete-orphan"
    )


class SaleOrderLine(Base):
    """One line of a Sale Order; `sold` rises as the location invoices it (never above qty)."""

    __tablename__ = "sale_order_lines"
    __table_args__ = (
        UniqueConstraint("so_id", "line_no"),
        CheckConstraint("qty > 0", name="qty_positive"),
        CheckConstraint("sold >= 0 AND sold <= qty", name="sold_within_qty"),
        CheckConstraint("price >= 0", name="price_not_negative"),
        CheckConstraint("discount >= 0 AND discount <= 100", name="discount"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    so_id: Mapped[int] = mapped_column(ForeignKey("sale_orders.id", ondelete="CASCADE"))
    line_no: Mapped[int]
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    qty: Mapped[int]
    sold: Mapped[int] = mapped_column(default=0)
    price: Mapped[Decimal]
    discount: Mapped[Decimal] = mapped_column(Percent, default=Decimal("0.00"))
    cso_line_id: Mapped[int | None] = mapped_column(ForeignKey("cso_lines.id"), index=True)

    order: Mapped[SaleOrder] = relationship(back_populates="lines")
    item: Mapped[Item] = relationship()
    cso_line: Mapped[CsoLine | None] = relationship()


class Invoice(Base):
    """A sale made at a location against Sale Order lines.

    `store_invoice`: the store's own id of an invoice that came from a synchronized store (unique per
    store; DOMAIN.md section 6), NULL for an invoice made in this database.
    """

    __tablename__ = "invoices"
    __table_args__ = (UniqueConstraint("location_id", "store_invoice", name="uq_invoices_store_invoice"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(unique=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    date: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    store_invoice: Mapped[int | None] = mapped_column(Integer)

    location: Mapped[Location] = relationship()
    lines: Mapped[list[InvoiceLine]] = relationship(back_populates="invoice", cascade="all, delete-orphan")


class InvoiceLine(Base):
    """Units of one Sale Order line sold on an invoice."""

    __tablename__ = "invoice_lines"
    __table_args__ = (CheckConstraint("qty > 0", name="qty_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id", ondelete="CASCADE"), index=True)
    so_line_id: Mapped[int] = mapped_column(ForeignKey("sale_order_lines.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    qty: Mapped[int]
    price: Mapped[Decimal]

    invoice: Mapped[Invoice] = relationship(back_populates="lines")
    so_line: Mapped[SaleOrderLine] = relationship()
