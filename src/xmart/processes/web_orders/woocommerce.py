"""WooCommerce REST API v3 orders into a `WebOrderData` (DOMAIN.md section 10).

Fields read: `id`, `number`, `status`, `billing`, `shipping` (`first_name`, `last_name`, `company`,
`address_1`, `address_2`, `city`, `state`, `postcode`, `country`, `email`, `phone`), `line_items`
(`sku`, `name`, `quantity`, `subtotal`, `subtotal_tax`, `total`, `total_tax`), `shipping_lines`
(`method_title`, `total`, `total_tax`), `fee_lines` (`name`, `total`, `total_tax`), `coupon_lines`
(informative: coupons are already in the lines' totals), `total`, `payment_method`, `transaction_id`,
`date_paid`, `refunds` (`total`), `meta_data` (card brand and last 4 digits some gateways keep),
`date_created`, `date_modified` (their `_gmt` twins first), `customer_note`.

Amounts: WooCommerce keeps line, shipping and fee totals without tax and the tax beside them, whether
or not prices include tax (`prices_include_tax` only says how the shop showed them), so a line comes to
`total + total_tax` (coupons included) and its list unit price is `(subtotal + subtotal_tax) / quantity`.
A positive fee (handling) is carried in the shipping charge; a negative fee is a discount spread over
the lines. Refunds do not change WooCommerce's lines or total: they lower the deposit.

Payments: when the order is paid (`date_paid`, or status `completed`) one payment of `total` less the
refunds, by `payment_method` (card gateways `card`, cash on delivery `cash`, cheque `check`, gift cards
and store credit `other`), its reference the method and `transaction_id`. Statuses `cancelled`,
`refunded`, `failed` and `trash` cancel the order.
"""

from __future__ import annotations

from decimal import Decimal

from xmart.processes.web_orders.common import order_date, payment_kind, spread
from xmart.processes.web_orders.fields import Node, cents, utc_text
from xmart.processes.web_orders.model import WebAddress, WebLine, WebOrderData, WebPayment

CANCELLED_STATUSES = frozenset({"cancelled", "refunded", "failed", "trash"})


def address(node: Node | None) -> WebAddress:
    """A WooCommerce `billing` or `shipping` object."""
    if node is None:
        return WebAddress()
    return WebAddress(
        name=" ".join(p for p in (node.text("first_name"), node.text("last_name")) if p),
        company=node.text("company"),
        line1=node.text("address_1"),
        line2=node.text("address_2"),
        city=node.text("city"),
        region=node.text("state"),
        postal_code=node.text("postcode"),
        country=node.text("country"),
        phone=node.text("phone"),
    )


def read_order(node: Node) -> WebOrderData:
    """The order in `node` (raises WebOrderError naming the field for anything malformed)."""
    order_id = node.ident("id")
    number = node.ident("number") if node.has("number") else order_id
    name = f"#{number}"
    node.place.order = f"{name} (id {order_id})"
    billing_node = node.obj("billing")
    billing = address(billing_node)
    shipping = address(node.obj("shipping"))
    if shipping.is_empty():
        shipping = WebAddress(**{**vars(billing), "name": shipping.name or billing.name})
    lines = []
    for item in node.items("line_items", required=True):
        qty = item.integer("quantity", minimum=1)
        listed = item.amount("subtotal") + item.amount("subtotal_tax", negative=True)
        paid = cents(item.amount("total") + item.amount("total_tax", negative=True))
        if paid < 0:
            raise item.error("total", "must not be negative")
        lines.append(WebLine(item.text("sku"), item.text("name"), qty, listed / qty, paid))
    charge = sum(
        (cents(s.amount("total") + s.amount("total_tax", negative=True)) for s in node.items("shipping_lines")),
        Decimal(0),
    )
    methods = [s.text("method_title") for s in node.items("shipping_lines")]
    for fee in node.items("fee_lines"):
        amount = cents(fee.amount("total", negative=True) + fee.amount("total_tax", negative=True))
        if amount >= 0:
            charge += amount
        elif -amount > sum((line.amount for line in lines), Decimal(0)):
            raise fee.error("total", "the discount is more than the order's lines")
        else:
            lines = spread(lines, amount)
    if charge < 0:
        raise node.error("shipping_lines", "the shipping charge must not be negative")
    total = cents(node.amount("total", required=True))
    status = node.text("status")
    return WebOrderData(
        source="woocommerce",
        order_id=order_id,
        name=name,
        created=order_date(node, "date_created_gmt", "date_created"),
        updated=utc_text(node.moment("date_modified_gmt") or node.moment("date_modified")),
        email=billing_node.text("email") if billing_node else "",
        phone=billing.phone,
        billing=billing,
        shipping=shipping,
        lines=tuple(lines),
        shipping_charge=cents(charge),
        shipping_method=next((m for m in methods if m), ""),
        total=total,
        payments=tuple(_payments(node, total, status)),
        cancelled=status in CANCELLED_STATUSES,
        note=node.text("customer_note"),
    )


def _meta(node: Node, *endings: str) -> str:
    """The first `meta_data` value whose key ends with one of `endings` (text), "" when none."""
    for entry in node.items("meta_data"):
        key = entry.text("key").lower()
        value = entry.get("value")
        if key.endswith(endings) and isinstance(value, str):
            return value.strip()
    return ""


def _payments(node: Node, total: Decimal, status: str) -> list[WebPayment]:
    paid = node.has("date_paid") or node.has("date_paid_gmt") or status == "completed"
    if not paid:
        return []
    node.moment("date_paid")  # checked: a malformed date is a malformed file
    refunded = -sum((r.amount("total", negative=True) for r in node.items("refunds")), Decimal(0))
    amount = cents(total - abs(refunded))
    if amount <= 0:
        return []
    method = node.text("payment_method")
    kind = payment_kind(method)
    last4 = _meta(node, "card_last4", "last4", "last_4") if kind == "card" else ""
    reference = " ".join(p for p in (method, node.text("transaction_id")) if p)
    return [
        WebPayment(
            kind,
            amount,
            brand=_meta(node, "card_brand", "card_type")[:20]
            if kind == "card"
            else node.text("payment_method_title")[:20],
            last4=last4 if len(last4) == 4 and last4.isdigit() else "",
            reference=reference[:100],
        )
    ]
