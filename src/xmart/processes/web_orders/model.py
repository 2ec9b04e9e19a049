"""A web order as read, the same for Shopify and WooCommerce (DOMAIN.md section 10).

The readers resolve each format into this shape: per line the amount the customer pays for it (its
discounts, its tax where the store adds tax on top, refunds and negative fees taken off), the shipping
charge (its tax included, shipping refunds taken off, positive fees added), the total the order must
come to, and the payments taken (captured or authorized, refunds taken off). Nothing here is a card
number: a payment carries at most the brand, the last 4 digits and the gateway's reference.

`to_json` / `from_json` keep a held order (`web_orders.payload`); `digest` is the SHA-256 of the content
(the modification time left out), so a file exported again with nothing changed is recognised.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from xmart.errors import InputError

SOURCES = ("shopify", "woocommerce")
"""The web stores xmart reads (INTERFACE.md: `--source (shopify|woocommerce)`)."""


class WebOrderError(InputError):
    """A file or an order that cannot be read: names the file, the order and the field; nothing is written."""


@dataclass(frozen=True)
class WebAddress:
    """A name and postal address as the web store gives it."""

    name: str = ""
    company: str = ""
    line1: str = ""
    line2: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    phone: str = ""

    def is_empty(self) -> bool:
        """True when no part of the postal address is given."""
        return not any((self.line1, self.line2, self.city, self.region, self.postal_code, self.country))


@dataclass(frozen=True)
class WebLine:
    """One line: SKU, quantity, the list unit price and the amount paid for the line (DOMAIN.md section 10)."""

    sku: str
    title: str
    qty: int
    unit_price: Decimal
    """The unit price before discounts, tax included where the store adds tax on top (not rounded)."""
    amount: Decimal
    """What the customer pays for the line: after its discounts, tax included, in cents."""


@dataclass(frozen=True)
class WebPayment:
    """Money taken (captured) or authorized: never a card number."""

    kind: str
    """`card`, `cash`, `check` or `other` (gift cards and store credit are `other`)."""
    amount: Decimal
    brand: str = ""
    last4: str = ""
    reference: str = ""
    """The gateway and its transaction reference ("shopify_payments 5821"), "" when none."""


@dataclass(frozen=True)
class WebOrderData:
    """One version of a web order, resolved (see the module docstring)."""

    source: str
    order_id: str
    name: str
    created: dt.date
    updated: str
    """The store's modification time in UTC, ISO 8601 (`2026-11-02T15:04:05+00:00`), "" when not given."""
    email: str
    phone: str
    billing: WebAddress
    shipping: WebAddress
    lines: tuple[WebLine, ...]
    shipping_charge: Decimal
    shipping_method: str
    total: Decimal
    payments: tuple[WebPayment, ...]
    cancelled: bool
    note: str = ""

    def label(self) -> str:
        """How messages name the order: `#1001 (id 450789469)`."""
        return f"{self.name} (id {self.order_id})" if self.name and self.name != self.order_id else self.order_id

    def to_json(self) -> dict[str, Any]:
        """A JSON document of the order (amounts as strings)."""
        document = {name: _plain(getattr(self, name)) for name in _ORDER_FIELDS}
        document["billing"], document["shipping"] = vars(self.billing).copy(), vars(self.shipping).copy()
        document["lines"] = [
            {**vars(line), "unit_price": str(line.unit_price), "amount": str(line.amount)} for line in self.lines
        ]
        document["payments"] = [{**vars(p), "amount": str(p.amount)} for p in self.payments]
        return document

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> WebOrderData:
        """The order `to_json` wrote."""
        return cls(
            **{
                **doc,
                "created": dt.date.fromisoformat(doc["created"]),
                "billing": WebAddress(**doc["billing"]),
                "shipping": WebAddress(**doc["shipping"]),
                "lines": tuple(
                    WebLine(**{**ln, "unit_price": Decimal(ln["unit_price"]), "amount": Decimal(ln["amount"])})
                    for ln in doc["lines"]
                ),
                "shipping_charge": Decimal(doc["shipping_charge"]),
                "total": Decimal(doc["total"]),
                "payments": tuple(WebPayment(**{**p, "amount": Decimal(p["amount"])}) for p in doc["payments"]),
            }
        )

    @functools.cached_property
    def digest(self) -> str:
        """SHA-256 of the content, the modification time left out (computed once)."""
        content = self.to_json()
        content.pop("updated")
        return hashlib.sha256(canonical(content).encode()).hexdigest()


_ORDER_FIELDS = tuple(
    f.name for f in dataclasses.fields(WebOrderData) if f.name not in ("billing", "shipping", "lines", "payments")
)


def canonical(document: Any) -> str:
    """Compact JSON with sorted keys: the same content gives the same text."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
