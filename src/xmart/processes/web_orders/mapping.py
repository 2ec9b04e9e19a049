"""A version of a web order as a corporate sale order (DOMAIN.md sections 2, 3 and 10), or why it cannot be.

`plan_order` turns a `WebOrderData` into the rows of a CSO: lines by SKU (the SKU mapping first, then the
item with that SKU), each line's price and discount fitted to the amount paid (`fitting.fit_line`), the
shipping charge, payments as deposits (a card payment with its brand, last 4 digits and the gateway's
reference, never a number; gift cards and store credit `other`), the web order's addresses and names,
channel `Website`, status `open`. It returns a `Held` with the reason instead when the order cannot be
taken as it is: an unknown SKU, a line without one, a total that cannot be matched to the cent, a deposit
above the total (money.check_deposit), a text too long for its column. Nothing here touches the database:
`Catalog` holds what it needs, read once per run.

Taxes (README, "Web store orders"): xmart keeps no tax of its own, so a CSO from a web order holds what
the customer pays, tax included: where the store adds tax on top of its prices, a line's tax is in its
unit price (the price the customer paid per unit before discounts) and the shipping tax in the shipping
charge. Every CSO total equals the web order's total to the cent, or the order is held.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from xmart.errors import InputError
from xmart.models.base import ADDRESS_FIELDS
from xmart.processes.money import ZERO, DepositError, check_deposit, check_total, order_totals
from xmart.processes.web_orders.fitting import fit_line
from xmart.processes.web_orders.model import WebAddress, WebOrderData

WIDTHS = {"name": 100, "line1": 200, "line2": 200, "city": 100, "region": 100, "postal_code": 20, "country": 60}
"""Columns of a CSO's and a customer's names and addresses (models/base.py, models/corporate.py)."""
EMAIL_WIDTH, COMPANY_WIDTH, METHOD_WIDTH = 200, 100, 60
_PHONE = re.compile(r"^[0-9 +\-().]*$")
SOURCE_NAMES = {"shopify": "Shopify", "woocommerce": "WooCommerce"}


@dataclass
class Catalog:
    """What mapping reads from the database, once per run: items, SKU mappings, customers by e-mail."""

    items: dict[str, int]
    """SKU -> item id (only the SKUs the run's orders name)."""
    mappings: dict[str, int]
    """Web SKU -> item id."""
    customers: dict[str, int]
    """E-mail (lower case) -> customer id."""
    new_customers: dict[str, dict[str, Any]] = field(default_factory=dict)
    """E-mail (lower case, or a key of its own when there is none) -> the customer row a run creates."""

    def item(self, sku: str) -> int | None:
        """The item a web SKU stands for: its mapping, else the item with that SKU."""
        return self.mappings.get(sku) or self.items.get(sku)


@dataclass(frozen=True)
class Held:
    """Why an order is listed for review instead of taken."""

    reason: str


@dataclass
class CsoPlan:
    """The rows of a CSO made from a web order (its number and ids filled in when written)."""

    customer: int | str
    """A customer id, or the key of a customer in `Catalog.new_customers`."""
    header: dict[str, Any]
    lines: list[dict[str, Any]]
    payments: list[dict[str, Any]]
    total: Decimal


def customer_key(order: WebOrderData) -> str:
    """How a run finds the order's customer: the e-mail in lower case (DOMAIN.md section 10)."""
    return order.email.strip().lower()


def _too_long(what: str, address: WebAddress) -> str | None:
    for name, width in WIDTHS.items():
        value = getattr(address, name)
        if len(value) > width:
            return f"the {what} {name.replace('_', ' ')} is longer than {width} characters"
    if len(address.company) > COMPANY_WIDTH:
        return f"the {what} company is longer than {COMPANY_WIDTH} characters"
    return None


def _phone(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    return text if _PHONE.match(text) and 7 <= len(digits) <= 15 and len(text) <= 40 else ""


def _customer(order: WebOrderData, catalog: Catalog, number_for: Any) -> int | str:
    """The order's customer: found by e-mail, else made (once per run) with its name and addresses."""
    key = customer_key(order)
    if key and key in catalog.customers:
        return catalog.customers[key]
    if not key:
        key = f"@{order.source}:{order.order_id}"  # no e-mail: a customer of its own
    if key not in catalog.new_customers:
        billing, shipping = order.billing, order.shipping
        values = {
            "number": number_for(),
            "name": billing.name or shipping.name or order.email or "Web customer",
            "company": billing.company,
            "email": order.email.strip(),
            "phone": _phone(order.phone),
            "notes": f"Created from {SOURCE_NAMES[order.source]} order {order.label()}.",
            **{f"billing_{name}": getattr(billing, name) for name in ADDRESS_FIELDS},
            **{f"shipping_{name}": getattr(shipping, name) for name in ADDRESS_FIELDS},
        }
        catalog.new_customers[key] = values
    return key


def plan_order(order: WebOrderData, catalog: Catalog, channel_id: int, number_for: Any) -> CsoPlan | Held:
    """The CSO rows of `order`, or Held with the reason (see the module docstring).

    `channel_id`: the `Website` channel; `number_for()`: the next free customer number (for a new customer).
    Every text was scanned for card data when read (`files.scan_card_data`). DOMAIN.md section 10.
    """
    if not order.lines:
        return Held("the order has no lines left (every line refunded or removed)")
    problems = [p for p in (_too_long("billing", order.billing), _too_long("shipping", order.shipping)) if p]
    if len(order.email) > EMAIL_WIDTH:
        problems.append(f"the e-mail is longer than {EMAIL_WIDTH} characters")
    unknown: list[str] = []
    lines: list[dict[str, Any]] = []
    for no, line in enumerate(order.lines, start=1):
        if not line.sku:
            problems.append(f"line {no} ({line.title[:40] or 'no title'}) has no SKU")
            continue
        item = catalog.item(line.sku)
        if item is None:
            unknown.append(line.sku)
            continue
        fitted = fit_line(line.qty, line.unit_price, line.amount)
        if fitted is None:
            problems.append(f"line {no} ({line.sku}) cannot be matched to the cent")
            continue
        price, discount = fitted
        lines.append({"line_no": no, "item_id": item, "qty": line.qty, "price": price, "discount": discount})
    if unknown:
        skus = ", ".join(sorted(set(unknown)))
        problems.insert(0, f"unknown SKU {skus}: add the item or map the web SKU to one (web-orders map)")
    if problems:
        return Held("; ".join(problems))
    totals = order_totals([(ln["qty"], ln["price"], ln["discount"]) for ln in lines], ZERO, order.shipping_charge)
    if totals.total != order.total:
        return Held(
            f"the total cannot be matched to the cent: the lines and shipping come to {totals.total}, "
            f"the web order's total is {order.total}"
        )
    deposit = sum((p.amount for p in order.payments), ZERO)
    try:
        check_total(totals.total, "total")
        check_deposit(deposit, totals.total, "deposit")
    except DepositError:
        return Held(f"the payments ({deposit}) are more than the order total ({totals.total}): refund the difference")
    except InputError as error:
        return Held(str(error))
    note = f"Web order {order.label()} from {SOURCE_NAMES[order.source]}."
    if order.note:
        note += "\n" + order.note
    billing, shipping = order.billing, order.shipping
    header = {
        "date": order.created,
        "status": "open",
        "billing_name": billing.name or order.email,
        "shipping_name": shipping.name or billing.name or order.email,
        **{f"billing_{name}": getattr(billing, name) for name in ADDRESS_FIELDS},
        **{f"shipping_{name}": getattr(shipping, name) for name in ADDRESS_FIELDS},
        "channel_id": channel_id,
        "salesman_id": None,
        "global_discount": ZERO,
        "shipping_method": order.shipping_method[:METHOD_WIDTH],
        "shipping_cost": order.shipping_charge,
        "notes": note,
    }
    payments = [
        {
            "kind": p.kind,
            "amount": p.amount,
            "card_brand": (p.brand or None) if p.kind == "card" else None,
            "card_last4": (p.last4 or None) if p.kind == "card" else None,
            "card_number_encrypted": None,
            "card_expiry": None,
            "authorization": None,
            "reference": p.reference or None,
        }
        for p in order.payments
    ]
    return CsoPlan(_customer(order, catalog, number_for), header, lines, payments, totals.total)
