"""Customers, salesmen, sales channels and the office's custom order fields."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from xmart.models.base import Address, Base, Percent, address_composite
from xmart.models.search_key import search_key_default
from xmart.models.status import FieldKind, check_values


class Customer(Base):
    """A customer account with billing and shipping addresses."""

    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    company: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    billing_address: Mapped[Address] = address_composite("billing")
    shipping_address: Mapped[Address] = address_composite("shipping")
    search_key: Mapped[str] = mapped_column(Text, default=search_key_default, server_default="")
    """number, name, company, e-mail and phone folded for search (xmart.models.search_key); kept by
    every save: the Customer Manager, imports, and inserts that leave it out (its column default)."""


class Salesman(Base):
    """A salesman; commission rate is a percentage of the sales total."""

    __tablename__ = "salesmen"
    __table_args__ = (CheckConstraint("commission_rate >= 0 AND commission_rate <= 100", name="commission_rate"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    commission_rate: Mapped[Decimal] = mapped_column(Percent, default=Decimal("0.00"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Channel(Base):
    """A sales channel (POS, Website, Sales Order Interface, Phone, and any the office adds)."""

    __tablename__ = "channels"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CustomField(Base):
    """A custom order information field defined by the office (e.g. gift message)."""

    __tablename__ = "custom_fields"
    __table_args__ = (CheckConstraint(f"kind IN ({check_values(FieldKind)})", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    kind: Mapped[str] = mapped_column(String(10), default=FieldKind.TEXT.value)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
