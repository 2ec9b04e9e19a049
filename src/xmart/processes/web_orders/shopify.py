"""Shopify's Admin API order resource (REST and webhook JSON) into a `WebOrderData` (DOMAIN.md section 10).

Fields read: `id`, `name`/`order_number`, `email`/`contact_email`, `phone`, `customer`, `billing_address`,
`shipping_address`, `line_items` (`sku`, `title`, `quantity`, `price`, `discount_allocations`, else
`total_discount`, `tax_lines`), `shipping_lines` (`title`, `price`, `discounted_price`,
`discount_allocations`, `tax_lines`), `taxes_included`, `total_price`, `current_total_price`,
`total_outstanding`, `financial_status`, `cancelled_at`, `refunds` (`refund_line_items`,
`order_adjustments`), `transactions` when present (`kind`, `status`, `amount`, `gateway`,
`authorization`, `parent_id`, `payment_details`), else `payment_gateway_names`, `created_at`,
`updated_at`, `note`.

Amounts: a line comes to `quantity x price - its discount allocations` (line and order discounts alike),
plus its tax lines when taxes are not included in prices; refunded units (refund line items) leave the
line in proportion. Shipping: each shipping line's discounted price (plus its tax when not included),
less shipping refunds. The total is `current_total_price` (after refunds and edits), else `total_price`.

Payments: successful `sale` and `capture` transactions, and `authorization`s neither captured nor
voided, less the refunds made against them; a card when the transaction has card details or a card
gateway (last 4 digits from `payment_details.credit_card_number`, masked by Shopify), gift cards and
store credit as `other`. Without transactions, one payment of what `financial_status` says was paid.
"""

from __future__ import annotations

from decimal import Decimal

from xmart.processes.web_orders.common import last4_of, order_date, payment_kind
from xmart.processes.web_orders.fields import Node, cents, utc_text
from xmart.processes.web_orders.model import WebAddress, WebLine, WebOrderData, WebPayment

PAID_STATUSES = frozenset({"paid", "partially_refunded", "authorized"})
"""`financial_status` values meaning the order's current total was taken or authorized."""


def address(node: Node | None, fallback_name: str = "") -> WebAddress:
    """A Shopify address object (`first_name`, `last_name`, `name`, `company`, `address1`, ...)."""
    if node is None:
        return WebAddress(name=fallback_name)
    name = node.text("name") or " ".join(p for p in (node.text("first_name"), node.text("last_name")) if p)
    return WebAddress(
        name=name or fallback_name,
        company=node.text("company"),
        line1=node.text("address1"),
        line2=node.text("address2"),
        city=node.text("city"),
        region=node.text("province_code") or node.text("province"),
        postal_code=node.text("zip"),
        country=node.text("country_code") or node.text("country"),
        phone=node.text("phone"),
    )


def read_order(node: Node) -> WebOrderData:
    """The order in `node` (raises WebOrderError naming the field for anything malformed)."""
    order_id = node.ident("id")
    name = node.text("name") or (str(node.integer("order_number")) if node.has("order_number") else "")
    node.place.order = f"{name} (id {order_id})" if name else f"id {order_id}"
    included = node.flag("taxes_included")
    customer = node.obj("customer")
    customer_name = ""
    if customer is not None:
        customer_name = " ".join(p for p in (customer.text("first_name"), customer.text("last_name")) if p)
    billing = address(node.obj("billing_address"), customer_name)
    shipping = address(node.obj("shipping_address"))
    if shipping.is_empty():
        shipping = WebAddress(**{**vars(billing), "name": shipping.name or billing.name})
    email = node.text("email") or node.text("contact_email") or (customer.text("email") if customer else "")
    refunds = node.items("refunds")
    lines = _lines(node, refunds, included)
    charge, method = _shipping(node, refunds, included)
    total = node.amount("current_total_price") if node.has("current_total_price") else node.amount("total_price", True)
    return WebOrderData(
        source="shopify",
        order_id=order_id,
        name=name,
        created=order_date(node, "created_at", "processed_at"),
        updated=utc_text(node.moment("updated_at")),
        email=email,
        phone=node.text("phone") or billing.phone,
        billing=billing,
        shipping=shipping,
        lines=tuple(lines),
        shipping_charge=charge,
        shipping_method=method,
        total=cents(total),
        payments=tuple(_payments(node, total)),
        cancelled=node.has("cancelled_at"),
        note=node.text("note"),
    )


def _refunded_units(refunds: list[Node]) -> dict[str, int]:
    units: dict[str, int] = {}
    for refund in refunds:
        for item in refund.items("refund_line_items"):
            line_id = item.ident("line_item_id")
            units[line_id] = units.get(line_id, 0) + item.integer("quantity")
    return units


def _lines(node: Node, refunds: list[Node], included: bool) -> list[WebLine]:
    refunded = _refunded_units(refunds)
    lines = []
    for item in node.items("line_items", required=True):
        qty = item.integer("quantity")
        price = item.amount("price", required=True)
        allocations = item.items("discount_allocations")
        if item.has("discount_allocations"):
            discount = sum((a.amount("amount") for a in allocations), Decimal(0))
        else:
            discount = item.amount("total_discount")
        tax = Decimal(0) if included else sum((t.amount("price") for t in item.items("tax_lines")), Decimal(0))
        net = qty * price - discount
        if net < 0:
            raise item.error("discount_allocations", "the discounts are more than the line's price")
        gone = refunded.get(item.ident("id"), 0) if item.has("id") else 0
        if gone > qty:
            raise item.error("quantity", f"{gone} units refunded of {qty}")
        left = qty - gone
        if left == 0:
            continue  # refunded or removed by an edit: not on the order any more
        paid = net + tax
        unit = price * paid / net if net and tax else price
        lines.append(
            WebLine(item.text("sku"), item.text("title") or item.text("name"), left, unit, cents(paid * left / qty))
        )
    return lines


def _shipping(node: Node, refunds: list[Node], included: bool) -> tuple[Decimal, str]:
    charge, method = Decimal(0), ""
    for line in node.items("shipping_lines"):
        method = method or line.text("title")
        if line.has("discounted_price"):
            price = line.amount("discounted_price")
        else:
            price = line.amount("price") - sum(
                (a.amount("amount") for a in line.items("discount_allocations")), Decimal(0)
            )
        tax = Decimal(0) if included else sum((t.amount("price") for t in line.items("tax_lines")), Decimal(0))
        charge += price + tax
    for refund in refunds:
        for adjustment in refund.items("order_adjustments"):
            if adjustment.text("kind") == "shipping_refund":
                tax = Decimal(0) if included else adjustment.amount("tax_amount", negative=True)
                charge += adjustment.amount("amount", negative=True) + tax
    if charge < 0:
        raise node.error("refunds", "more shipping refunded than charged")
    return cents(charge), method


def _payments(node: Node, total: Decimal) -> list[WebPayment]:
    transactions = node.items("transactions")
    if transactions:
        return _from_transactions(transactions)
    status = node.text("financial_status")
    gateways = node.strings("payment_gateway_names")
    if status in PAID_STATUSES:
        paid = total
    elif status == "partially_paid":
        paid = total - node.amount("total_outstanding") if node.has("total_outstanding") else Decimal(0)
    else:
        return []
    if paid <= 0:
        return []
    gateway = " + ".join(gateways)
    kind = payment_kind(gateways[0]) if len(gateways) == 1 else "other"
    return [WebPayment(kind, cents(paid), reference=gateway[:100])]


def _from_transactions(transactions: list[Node]) -> list[WebPayment]:
    """Payments from transactions: sales, captures and open authorizations, less their refunds."""
    for t in transactions:  # every transaction is checked, also those that take no part
        t.ident("id")
        t.amount("amount")
        t.text("kind")
        t.obj("payment_details")
    ok = [t for t in transactions if t.text("status") in ("", "success")]
    ids = {id(t): t.ident("id") for t in ok}
    parent = {id(t): t.ident("parent_id") if t.has("parent_id") else "" for t in ok}
    kind_of = {ids[id(t)]: t.text("kind") for t in ok}
    captured = {parent[id(t)] for t in ok if t.text("kind") == "capture"}
    voided = {parent[id(t)] for t in ok if t.text("kind") == "void"}
    taken = [
        t
        for t in ok
        if t.text("kind") in ("sale", "capture")
        or (t.text("kind") == "authorization" and ids[id(t)] not in captured | voided)
    ]
    amounts = {ids[id(t)]: t.amount("amount") for t in taken}
    capture_of = {parent[id(t)]: ids[id(t)] for t in taken if t.text("kind") == "capture"}
    for t in ok:
        if t.text("kind") != "refund":
            continue
        against = parent[id(t)]
        if kind_of.get(against) == "authorization" and against in capture_of:
            against = capture_of[against]  # refunded against the authorization it captured
        if against not in amounts and taken:
            against = ids[id(taken[-1])]
        if against in amounts:
            amounts[against] -= t.amount("amount")
    payments = []
    for t in taken:
        amount = amounts[ids[id(t)]]
        if amount <= 0:
            continue
        details = t.obj("payment_details")
        masked = details.text("credit_card_number") if details else ""
        brand = details.text("credit_card_company") if details else ""
        gateway = t.text("gateway")
        kind = payment_kind(gateway, has_card_details=bool(masked or brand))
        reference = " ".join(p for p in (gateway, t.text("authorization") or ids[id(t)]) if p)
        payments.append(
            WebPayment(
                kind,
                cents(amount),
                brand=brand[:20] if kind == "card" else ("Gift card" if "gift" in gateway.lower() else ""),
                last4=last4_of(masked) if kind == "card" else "",
                reference=reference[:100],
            )
        )
    return payments
