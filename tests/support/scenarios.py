"""Small assignment scenarios written compactly, turned into import documents."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Engine

from xmart.models.db import UnitOfWork
from xmart.processes.assign import AssignParams, AssignResult, assign_orders
from xmart.processes.selection import CsoRange

TODAY = dt.date(2026, 11, 21)


def scenario(
    stock: dict[str, dict[str, tuple[int, int]]],
    orders: list[dict],
    sale_orders: list[dict] = (),
    inactive: tuple[str, ...] = (),
) -> dict:
    """An import document: `stock` is {location: {sku: (on_hand, minimum)}}; `orders` CSO records
    with `lines` as (sku, qty) or (sku, qty, price, discount) tuples; other fields as in the import format."""
    skus = sorted(
        {sku for per in stock.values() for sku in per} | {line[0] for order in orders for line in order["lines"]}
    )
    doc = {
        "locations": [{"code": "MAIN", "name": "Main warehouse", "kind": "warehouse", "active": "MAIN" not in inactive}]
        + [
            {"code": code, "name": f"Store {code}", "active": code not in inactive}
            for code in sorted(stock)
            if code != "MAIN"
        ],
        "vendors": [{"code": "V1", "name": "Vendor One"}],
        "items": [
            {"sku": sku, "description": f"Item {sku}", "price": "10.00", "cost": "4.00", "vendor": "V1"} for sku in skus
        ],
        "stock": [
            {"location": loc, "sku": sku, "on_hand": on_hand, "minimum": minimum, "maximum": max(on_hand, minimum)}
            for loc, per in sorted(stock.items())
            for sku, (on_hand, minimum) in sorted(per.items())
        ],
        "customers": [
            {
                "number": "C1",
                "name": "Ada Lovelace",
                "billing_address": {"line1": "1 Main St", "city": "Troy"},
                "shipping_address": {"line1": "9 Dock Rd", "city": "Albany"},
            },
            {"number": "C2", "name": "Grace Hopper"},
        ],
        "corporate_sale_orders": [],
        "sale_orders": list(sale_orders),
    }
    for i, order in enumerate(orders):
        record = {"number": 1001 + i, "date": "2026-11-02", "billing_customer": "C1", "status": "open"}
        record.update({k: v for k, v in order.items() if k != "lines"})
        record["lines"] = []
        for line in order["lines"]:
            sku, qty, *rest = line
            entry = {"sku": sku, "qty": qty}
            if rest:
                entry["price"] = str(rest[0])
            if len(rest) > 1:
                entry["discount"] = str(rest[1])
            record["lines"].append(entry)
        doc["corporate_sale_orders"].append(record)
    if not doc["sale_orders"]:
        del doc["sale_orders"]
    return doc


def run_assign(engine: Engine, first: int = 1, last: int = 99_999, **options) -> AssignResult:
    """Run Assign by number under the process lock."""
    params = AssignParams(range=CsoRange.by_number(first, last), today=TODAY, **options)
    with UnitOfWork(engine) as uow:
        return assign_orders(params, uow)


def split(result: AssignResult) -> dict[tuple[int, str], dict[str, int]]:
    """{(CSO number, store): {sku: qty}} of a result."""
    out: dict[tuple[int, str], dict[str, int]] = {}
    for so in result.sale_orders:
        per = out.setdefault((so.corporate_order, so.store), {})
        for line in so.lines:
            per[line.sku] = per.get(line.sku, 0) + line.qty
    return out


def money(value: str) -> Decimal:
    """A Decimal from a string."""
    return Decimal(value)
