"""Printable documents as frozen dataclasses of plain values (no ORM, no Qt).

Money is `Decimal` (already rounded to cents by the caller, see `xmart.processes.money`),
quantities are `int`, dates are `datetime.date`. Renderers print these values as given:
they never compute line amounts or totals, and a card is only ever a masked string.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

ZERO_MONEY = Decimal("0.00")


@dataclass(frozen=True)
class CompanyInfo:
    """The company printed in the header of every document."""

    name: str
    address_lines: tuple[str, ...] = ()
    phone: str = ""
    email: str = ""
    logo_path: str | None = None
    logo: bytes | None = None  # a PNG or JPEG image (Settings › Company); preferred over logo_path


@dataclass(frozen=True)
class Party:
    """A customer or location block (bill-to, ship-to): name, company and address lines."""

    name: str
    company: str = ""
    address_lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentLine:
    """One printed line: SKU, description, quantity, unit price, discount % and the caller's amount."""

    sku: str
    description: str
    qty: int
    price: Decimal
    discount: Decimal = ZERO_MONEY
    amount: Decimal = ZERO_MONEY


@dataclass(frozen=True)
class SaleOrderDocument:
    """A Sale Order for one store, usually generated from a Corporate Sale Order.

    `subtotal` is the sum of the line amounts; `total` the SO's stored total (DOMAIN.md section 4);
    `global_discount_amount` is kept for callers that show it, the printed rows use `adjustment`.
    """

    number: int | str
    date: dt.date
    store_code: str
    store_name: str
    bill_to: Party
    ship_to: Party
    lines: tuple[DocumentLine, ...]
    subtotal: Decimal
    global_discount: Decimal
    global_discount_amount: Decimal
    total: Decimal
    deposit: Decimal = ZERO_MONEY
    note: str = ""
    corporate_order: int | None = None
    masked_card: str | None = None

    @property
    def adjustment(self) -> Decimal:
        """`total - subtotal`: the SO's share of the global discount, shipping and rounding (DOMAIN.md section 4, 3).

        `subtotal` is the sum of its printed line amounts and `total` its stored total (a share of
        the CSO total), so lines + adjustment = total on every document.
        """
        return self.total - self.subtotal


def adjustment_label(percent: str) -> str:
    """The label of an SO's row between its lines and its total (DOMAIN.md section 4, 3).

    `percent` is the global discount as printed ("10", "12.5"), empty when there is none.
    """
    if percent:
        return f"Discount ({percent}%), shipping, rounding"
    return "Shipping, rounding"


@dataclass(frozen=True)
class PurchaseOrderDocument:
    """A Purchase Order to a vendor; lines carry the unit cost as `price` and no discount."""

    number: int | str
    date: dt.date
    vendor_code: str
    vendor_name: str
    ship_to: Party
    delivery_date: dt.date | None  # a PO may have none: printed blank
    cancel_date: dt.date | None
    lines: tuple[DocumentLine, ...]
    total: Decimal
    note: str = ""


@dataclass(frozen=True)
class ConfirmationDocument:
    """An order confirmation of a Corporate Sale Order.

    `total` is the order total of DOMAIN.md section 2 (money.order_totals), shipping included;
    `custom_fields` are the office's custom order fields with a value, as (name, value).
    """

    number: int | str
    date: dt.date
    bill_to: Party
    ship_to: Party
    lines: tuple[DocumentLine, ...]
    subtotal: Decimal
    global_discount: Decimal
    global_discount_amount: Decimal
    total: Decimal
    deposit: Decimal = ZERO_MONEY
    masked_card: str | None = None
    salesman: str = ""
    channel: str = ""
    shipping_method: str = ""
    shipping_cost: Decimal = ZERO_MONEY
    note: str = ""
    custom_fields: tuple[tuple[str, str], ...] = ()


__all__ = [
    "CompanyInfo",
    "ConfirmationDocument",
    "DocumentLine",
    "Party",
    "PurchaseOrderDocument",
    "SaleOrderDocument",
    "adjustment_label",
]
