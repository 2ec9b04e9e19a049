"""Purchase Orders to vendors, their lines (received) and coverage of CSO lines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from xmart.models.base import Base
from xmart.models.catalog import Item, Location, Vendor
from xmart.models.corporate import CsoLine
from xmart.models.status import PoStatus, check_values


class PurchaseOrder(Base):
    """An order to a vendor, shipped to a receiving location."""

    __tablename__ = "purchase_orders"
    __table_args__ = (
        CheckConstraint(f"status IN ({check_values(PoStatus)})", name="status"),
        CheckConstraint(
            "cancel_date IS NULL OR delivery_date IS NULL OR cancel_date >= delivery_date", name="cancel_after_delivery"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(unique=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id"), index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    date: Mapped[dt.date] = mapped_column(Date)
    delivery_date: Mapped[dt.date | None] = mapped_column(Date)
    cancel_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default=PoStatus.OPEN.value, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    vendor: Mapped[Vendor] = relationship()
    location: Mapped[Location] = relationship()
    lines: Mapped[list[PurchaseOrderLine]] = relationship(
        back_populates="order", order_by="PurchaseOrderLine.line_no", cascade="all, delete-orphan"
    )


class PurchaseOrderLine(Base):
    """One line of a PO; `received` rises as merchandise arrives (never above qty)."""

    __tablename__ = "purchase_order_lines"
    __table_args__ = (
        UniqueConstraint("po_id", "line_no"),
        CheckConstraint("qty > 0", name="qty_positive"),
        CheckConstraint("received >= 0 AND received <= qty", name="received_within_qty"),
        CheckConstraint("cost >= 0", name="cost_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    po_id: Mapped[int] = mapped_column(ForeignKey("purchase_orders.id", ondelete="CASCADE"))
    line_no: Mapped[int]
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    qty: Mapped[int]
    received: Mapped[int] = mapped_column(default=0)
    cost: Mapped[Decimal]

    order: Mapped[PurchaseOrder] = relationship(back_populates="lines")
    item: Mapped[Item] = relationship()
    coverage: Mapped[list[PoCoverage]] = relationship(back_populates="po_line", cascade="all, delete-orphan")


class PoCoverage(Base):
    """How many units of a PO line are earmarked for one CSO line."""

    __tablename__ = "po_coverage"
    __table_args__ = (
        UniqueConstraint("po_line_id", "cso_line_id"),
        CheckConstraint("qty > 0", name="qty_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    po_line_id: Mapped[int] = mapped_column(ForeignKey("purchase_order_lines.id", ondelete="CASCADE"))
    cso_line_id: Mapped[int] = mapped_column(ForeignKey("cso_lines.id"), index=True)
    qty: Mapped[int]

    po_line: Mapped[PurchaseOrderLine] = relationship(back_populates="coverage")
    cso_line: Mapped[CsoLine] = relationship()
