"""Locations, vendors, items and per-location stock."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from xmart.models.base import Base
from xmart.models.status import LocationKind, check_values


class Location(Base):
    """A store or warehouse that holds stock."""

    __tablename__ = "locations"
    __table_args__ = (CheckConstraint(f"kind IN ({check_values(LocationKind)})", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20), default=LocationKind.STORE.value)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Vendor(Base):
    """A supplier that purchase orders go to."""

    __tablename__ = "vendors"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))


class Item(Base):
    """A SKU with its retail price, cost and primary vendor (which may be missing)."""

    __tablename__ = "items"
    __table_args__ = (
        CheckConstraint("price >= 0", name="price_not_negative"),
        CheckConstraint("cost >= 0", name="cost_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(40), unique=True)
    description: Mapped[str] = mapped_column(String(200), default="")
    price: Mapped[Decimal]
    cost: Mapped[Decimal]
    vendor_id: Mapped[int | None] = mapped_column(ForeignKey("vendors.id"), index=True)

    vendor: Mapped[Vendor | None] = relationship()


class Stock(Base):
    """On hand, minimum and maximum of one item at one location (a missing row is all zero)."""

    __tablename__ = "stock"
    __table_args__ = (
        CheckConstraint("on_hand >= 0", name="on_hand_not_negative"),
        CheckConstraint("minimum >= 0", name="minimum_not_negative"),
        CheckConstraint("maximum >= 0", name="maximum_not_negative"),
    )

    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), primary_key=True, index=True)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    minimum: Mapped[int] = mapped_column(Integer, default=0)
    maximum: Mapped[int] = mapped_column(Integer, default=0)
