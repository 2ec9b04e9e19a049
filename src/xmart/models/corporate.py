"""Corporate Sale Orders: header, lines, payments and custom field values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, LargeBinary, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from xmart.models.base import Address, Base, Percent, address_composite
from xmart.models.catalog import Item
from xmart.models.parties import Channel, Customer, CustomField, Salesman
from xmart.models.status import CsoStatus, PaymentType, check_values


class CorporateSaleOrder(Base):
    """A customer order taken at the Main, filled from one or more locations over time."""

    __tablename__ = "corporate_sale_orders"
    __table_args__ = (
        CheckConstraint(f"status IN ({check_values(CsoStatus)})", name="status"),
        CheckConstraint("global_discount >= 0 AND global_discount <= 100", name="global_discount"),
        CheckConstraint("shipping_cost >= 0", name="shipping_cost_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(unique=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), default=CsoStatus.DRAFT.value, index=True)
    billing_customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    shipping_customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    billing_name: Mapped[str] = mapped_column(String(100), default="")
    shipping_name: Mapped[str] = mapped_column(String(100), default="")
    billing_address: Mapped[Address] = address_composite("billing")
    shipping_address: Mapped[Address] = address_composite("shipping")
    channel_id: Mapped[int | None] = mapped_column(ForeignKey("channels.id"))
    salesman_id: Mapped[int | None] = mapped_column(ForeignKey("salesmen.id"), index=True)
    global_discount: Mapped[Decimal] = mapped_column(Percent, default=Decimal("0.00"))
    shipping_method: Mapped[str] = mapped_column(String(60), default="")
    shipping_cost: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    billing_customer: Mapped[Customer] = relationship(foreign_keys=[billing_customer_id])
    shipping_customer: Mapped[Customer] = relationship(foreign_keys=[shipping_customer_id])
    channel: Mapped[Channel | None] = relationship()
    salesman: Mapped[Salesman | None] = relationship()
    lines: Mapped[list[CsoLine]] = relationship(
        back_populates="order", order_by="CsoLine.line_no", cascade="all, delete-orphan"
    )
    payments: Mapped[list[Payment]] = relationship(back_populates="order", cascade="all, delete-orphan")
    custom_values: Mapped[list[CustomFieldValue]] = relationship(cascade="all, delete-orphan")


class CsoLine(Base):
    """One line of a CSO: item, quantity, unit price and line discount."""

    __tablename__ = "cso_lines"
    __table_args__ = (
        UniqueConstraint("cso_id", "line_no"),
        CheckConstraint("qty > 0", name="qty_positive"),
        CheckConstraint("cancelled_qty >= 0 AND cancelled_qty <= qty", name="cancelled_qty"),
        CheckConstraint("price >= 0", name="price_not_negative"),
        CheckConstraint("discount >= 0 AND discount <= 100", name="discount"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cso_id: Mapped[int] = mapped_column(ForeignKey("corporate_sale_orders.id", ondelete="CASCADE"))
    line_no: Mapped[int]
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    qty: Mapped[int]
    price: Mapped[Decimal]
    discount: Mapped[Decimal] = mapped_column(Percent, default=Decimal("0.00"))
    cancelled_qty: Mapped[int] = mapped_column(default=0, server_default="0")
    """Units of `qty` cancelled as the unassigned remainder (DOMAIN.md section 2); still wanted: qty - cancelled_qty."""

    order: Mapped[CorporateSaleOrder] = relationship(back_populates="lines")
    item: Mapped[Item] = relationship()


class Payment(Base):
    """A deposit or card on file. Card numbers are stored only encrypted; never a security code.

    A card payment taken at the Main has its number (encrypted) and last 4 digits; one from a web store
    (migration 0007) has no number, only the last 4 digits when given and the gateway's reference.
    """

    __tablename__ = "payments"
    __table_args__ = (
        CheckConstraint(f"kind IN ({check_values(PaymentType)})", name="kind"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
        CheckConstraint(
            "card_number_encrypted IS NULL OR (kind = 'card' AND card_last4 IS NOT NULL)", name="card_number"
        ),
        CheckConstraint(
            "kind = 'card' OR (card_last4 IS NULL AND card_number_encrypted IS NULL)", name="card_fields_on_card"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cso_id: Mapped[int] = mapped_column(ForeignKey("corporate_sale_orders.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    amount: Mapped[Decimal]
    card_brand: Mapped[str | None] = mapped_column(String(20))
    card_number_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)
    card_last4: Mapped[str | None] = mapped_column(String(4))
    card_key_id: Mapped[int | None] = mapped_column(ForeignKey("card_keys.id"), index=True)
    """The card key the number is encrypted under; NULL: an older per-workstation key (`xmart keys migrate`)."""
    card_ref: Mapped[str | None] = mapped_column(String(32), unique=True)
    """A random reference the ciphertext is bound to (associated data): copied to another row it does not decrypt."""
    card_expiry: Mapped[str | None] = mapped_column(String(5))
    authorization: Mapped[str | None] = mapped_column(String(40))
    reference: Mapped[str | None] = mapped_column(String(100))
    """A web store payment's gateway and transaction reference (DOMAIN.md section 10); a web order's card
    payment has this and the last 4 digits when the store gives them, never a card number."""

    order: Mapped[CorporateSaleOrder] = relationship(back_populates="payments")


class CustomFieldValue(Base):
    """The value of one custom order information field on one CSO (stored as text)."""

    __tablename__ = "custom_field_values"

    cso_id: Mapped[int] = mapped_column(ForeignKey("corporate_sale_orders.id", ondelete="CASCADE"), primary_key=True)
    field_id: Mapped[int] = mapped_column(ForeignKey("custom_fields.id"), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")

    field: Mapped[CustomField] = relationship()
