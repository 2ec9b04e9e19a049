"""Helpers for web order tests: the fixtures, the catalogue they need, and a CSO read back as plain values."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from tests.support.db import load
from xmart.models import Channel, CorporateSaleOrder, CsoLine, Customer, Item, Payment, WebOrder
from xmart.models.db import UnitOfWork

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "web_orders"
SHOPIFY_FILES = ("shopify_order.json", "shopify_orders.json")
WOOCOMMERCE_FILES = ("woocommerce_order.json", "woocommerce_orders.json")


def catalogue() -> dict:
    """The items the fixtures sell, and one customer already known by e-mail (Jürgen Groß)."""
    return {
        "items": [
            {"sku": "MUG-BLUE", "description": "Blue mug", "price": "19.99", "cost": "8.00"},
            {"sku": "TOWEL-TEA", "description": "Tea towel", "price": "5.00", "cost": "2.00"},
            {"sku": "BOWL-RED", "description": "Red bowl", "price": "9.50", "cost": "4.00"},
        ],
        "customers": [{"number": "C100", "name": "Jürgen Groß", "email": "juergen.gross@example.de"}],
    }


def prepare(engine: Engine) -> None:
    """Load the catalogue."""
    load(engine, catalogue())


def raw(name: str) -> Any:
    """A fixture file's JSON (numbers with decimals as Decimal), a fresh copy."""
    return copy.deepcopy(json.loads((FIXTURES / name).read_text(encoding="utf-8"), parse_float=Decimal))


def write(path: Path, document: Any) -> Path:
    """Write `document` as JSON to `path`."""
    path.write_text(json.dumps(document, ensure_ascii=False, default=str), encoding="utf-8")
    return path


def cso_of(engine: Engine, source: str, order_id: str) -> dict | None:
    """The CSO made from a web order, as plain values (None when it has none)."""
    with UnitOfWork(engine) as uow:
        s = uow.session
        cso_id = s.scalar(select(WebOrder.cso_id).where(WebOrder.source == source, WebOrder.order_id == order_id))
        if cso_id is None:
            return None
        cso = s.get(CorporateSaleOrder, cso_id)
        customer = s.get(Customer, cso.billing_customer_id)
        lines = s.execute(
            select(Item.sku, CsoLine.qty, CsoLine.price, CsoLine.discount)
            .join(Item, Item.id == CsoLine.item_id)
            .where(CsoLine.cso_id == cso_id)
            .order_by(CsoLine.line_no)
        ).all()
        payments = s.execute(
            select(Payment.kind, Payment.amount, Payment.card_brand, Payment.card_last4, Payment.reference)
            .where(Payment.cso_id == cso_id)
            .order_by(Payment.id)
        ).all()
        return {
            "number": cso.number,
            "date": cso.date.isoformat(),
            "status": cso.status,
            "channel": s.scalar(select(Channel.name).where(Channel.id == cso.channel_id)),
            "customer": (customer.number, customer.name, customer.email),
            "customer_billing": vars(customer.billing_address),
            "billing": (cso.billing_name, *vars(cso.billing_address).values()),
            "shipping": (cso.shipping_name, *vars(cso.shipping_address).values()),
            "lines": [(sku, qty, str(price), str(discount)) for sku, qty, price, discount in lines],
            "shipping_cost": str(cso.shipping_cost),
            "shipping_method": cso.shipping_method,
            "payments": [(k, str(a), b, last4, ref) for k, a, b, last4, ref in payments],
            "notes": cso.notes,
        }


def web_state(engine: Engine, source: str, order_id: str) -> tuple[str, str]:
    """(state, reason) of a web order."""
    with UnitOfWork(engine) as uow:
        row = uow.session.execute(
            select(WebOrder.state, WebOrder.reason).where(WebOrder.source == source, WebOrder.order_id == order_id)
        ).one()
        return row.state, row.reason
