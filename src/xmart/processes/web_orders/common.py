"""What the two readers share: payment kinds by gateway, the order's label, dates, amounts spread over lines."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from xmart.processes.money import allocate_largest_remainder
from xmart.processes.web_orders.fields import Node, cents
from xmart.processes.web_orders.model import WebLine

GIFT_WORDS = ("gift_card", "gift card", "giftcard", "store_credit", "store credit", "storecredit")
"""Gateways (payment methods) whose payments are gift cards or store credit: type `other`."""
CASH_WORDS = ("cash", "cod")
CHECK_WORDS = ("cheque", "check")
CARD_GATEWAYS = frozenset(
    {
        "shopify_payments",
        "stripe",
        "stripe_cc",
        "woocommerce_payments",
        "square_credit_card",
        "braintree",
        "braintree_credit_card",
        "authorize_net",
        "authorize_net_cim_credit_card",
        "ppcp-credit-card-gateway",
        "moneris",
        "bogus",
        "adyen",
        "checkout_com",
        "eway",
    }
)
"""Gateways that take cards: their payments are type `card` (last 4 digits when the store gives them)."""


def payment_kind(gateway: str, has_card_details: bool = False) -> str:
    """`card`, `cash`, `check` or `other` for a gateway (payment method) name."""
    name = gateway.strip().lower()
    if any(word in name for word in GIFT_WORDS):
        return "other"
    if has_card_details or name in CARD_GATEWAYS:
        return "card"
    words = set(re.split(r"[^a-z]+", name))
    if words & set(CASH_WORDS):
        return "cash"
    if words & set(CHECK_WORDS):
        return "check"
    return "other"


def last4_of(masked: str) -> str:
    """The last 4 digits of a masked card number ("•••• •••• •••• 4242"), "" when it does not end in 4 digits."""
    digits = re.search(r"(\d{4})\s*$", masked)
    return digits.group(1) if digits else ""


def order_date(node: Node, *fields: str) -> dt.date:
    """The order's date: the first of `fields` given, in the store's own time zone; required."""
    for field in fields:
        moment = node.moment(field)
        if moment is not None:
            return moment.date()
    raise node.error(fields[0], "is required")


def spread(lines: list[WebLine], amount: Decimal) -> list[WebLine]:
    """`lines` with `amount` (cents, negative: a discount) spread over them in proportion to their amounts.

    Largest remainder (money.allocate_largest_remainder); a line never goes below 0 (the caller checks
    that `-amount` is at most the lines' sum).
    """
    if not amount or not lines:
        return lines
    weights = [int(line.amount * 100) for line in lines]
    shares = allocate_largest_remainder(abs(amount), weights)
    sign = 1 if amount > 0 else -1
    return [
        WebLine(line.sku, line.title, line.qty, line.unit_price, cents(line.amount + sign * share))
        for line, share in zip(lines, shares, strict=True)
    ]
