"""Read models of the day's operations, on SQLite and PostgreSQL: item availability (the Assign definitions of
pending and available), a customer's order history, the lines an operation acts on."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.support.db import load
from xmart.errors import NotFoundError
from xmart.models.db import UnitOfWork
from xmart.processes.views.customer_history import customer_orders
from xmart.processes.views.items import LocationAvailability, count_items, item_availability, item_page
from xmart.processes.views.operations import purchase_order_lines, sale_order_lines


def _document() -> dict:
    return {
        "locations": [
            {"code": "MAIN", "name": "Main warehouse", "kind": "warehouse"},
            {"code": "S01", "name": "Downtown", "kind": "store"},
            {"code": "S02", "name": "Uptown", "kind": "store"},
        ],
        "vendors": [{"code": "V1", "name": "Acme"}],
        "items": [
            {"sku": "A100", "description": "Blue mug", "price": "19.99", "cost": "8.00", "vendor": "V1"},
            {"sku": "B200", "description": "Red bowl", "price": "9.50", "cost": "4.00", "vendor": "V1"},
            {"sku": "C300", "description": "Mug_tree 100%", "price": "5.00", "cost": "2.00"},
        ],
        "stock": [
            {"location": "S01", "sku": "A100", "on_hand": 10, "minimum": 2, "maximum": 20},
            {"location": "S02", "sku": "A100", "on_hand": 2, "minimum": 1, "maximum": 10},
        ],
        "customers": [{"number": "C001", "name": "Ada"}, {"number": "C002", "name": "Grace"}],
        "corporate_sale_orders": [
            {
                "number": 1001,
                "date": "2026-11-02",
                "status": "open",
                "billing_customer": "C001",
                "shipping_cost": "12.50",
                "lines": [{"sku": "A100", "qty": 3, "price": "19.99", "discount": "10"}],
                "payments": [{"type": "cash", "amount": "20.00"}],
            },
            {
                "number": 1002,
                "date": "2026-11-05",
                "status": "cancelled",
                "billing_customer": "C002",
                "shipping_customer": "C001",
                "lines": [{"sku": "B200", "qty": 2, "price": "9.50"}],
            },
            {"number": 1003, "date": "2026-11-06", "billing_customer": "C002", "lines": [{"sku": "B200", "qty": 1}]},
        ],
        "sale_orders": [
            {"number": 4001, "location": "S01", "date": "2026-10-01", "lines": [{"sku": "A100", "qty": 4, "sold": 1}]},
            {
                "number": 4002,
                "location": "S02",
                "date": "2026-10-01",
                "lines": [{"sku": "A100", "qty": 5}, {"sku": "A100", "qty": 1}],
            },
            {
                "number": 4003,
                "location": "S01",
                "date": "2026-10-01",
                "status": "cancelled",
                "lines": [{"sku": "A100", "qty": 7}],
            },
        ],
        "purchase_orders": [
            {
                "number": 7001,
                "vendor": "V1",
                "date": "2026-11-01",
                "location": "MAIN",
                "status": "partially received",
                "lines": [
                    {"sku": "A100", "qty": 6, "received": 2},
                    {"sku": "A100", "qty": 1},
                    {"sku": "B200", "qty": 3},
                ],
            },
            {
                "number": 7002,
                "vendor": "V1",
                "date": "2026-11-01",
                "location": "S01",
                "status": "cancelled",
                "lines": [{"sku": "A100", "qty": 9}],
            },
        ],
    }


@pytest.fixture
def data(engine):
    load(engine, _document())
    return engine


def test_item_availability_per_location(data):
    with UnitOfWork(data) as uow:
        a100 = item_availability(uow, " A100 ")
    assert a100.locations == (
        LocationAvailability("MAIN", "Main warehouse", on_hand=0, minimum=0, pending=0, on_order=5),
        LocationAvailability("S01", "Downtown", on_hand=10, minimum=2, pending=3, on_order=0),  # 4003 cancelled
        LocationAvailability("S02", "Uptown", on_hand=2, minimum=1, pending=6, on_order=0),  # 7002 cancelled
    )
    assert [loc.available for loc in a100.locations] == [0, 7, 0]  # never below 0
    assert (a100.on_hand, a100.pending, a100.available, a100.on_order) == (12, 9, 7, 5)
    with UnitOfWork(data) as uow, pytest.raises(NotFoundError, match="no item with SKU Z9"):
        item_availability(uow, "Z9")


def test_item_page_searches_and_pages_in_sql(data):
    with UnitOfWork(data) as uow:
        assert count_items(uow) == 3 and count_items(uow, "mug") == 2 and count_items(uow, "100%") == 1
        assert count_items(uow, "_") == 1  # a literal underscore, not a wildcard
        assert [i.sku for i in item_page(uow, "", 1, 5)] == ["B200", "C300"]
        page = item_page(uow, "MUG")
    assert [(i.sku, i.on_hand, i.available, i.on_order) for i in page] == [("A100", 12, 7, 5), ("C300", 0, 0, 0)]
    assert page[1].locations == ()


def test_customer_history_newest_first_with_one_total(data):
    with UnitOfWork(data) as uow:
        from sqlalchemy import select

        from xmart.models import Customer

        ada = uow.session.scalar(select(Customer.id).where(Customer.number == "C001"))
        orders = customer_orders(uow, ada)
    assert [(o.number, o.date, o.status, o.units) for o in orders] == [
        (1002, dt.date(2026, 11, 5), "cancelled", 2),  # shipped to Ada
        (1001, dt.date(2026, 11, 2), "open", 3),
    ]
    # 3 x 19.99 less 10% = 53.97, plus 12.50 shipping
    assert (orders[1].total, orders[1].deposit, orders[1].balance) == (
        Decimal("66.47"),
        Decimal("20.00"),
        Decimal("46.47"),
    )


def test_operation_lines_group_by_sku(data):
    with UnitOfWork(data) as uow:
        po = purchase_order_lines(uow, 7001)
        so = sale_order_lines(uow, 4002)
        with pytest.raises(NotFoundError):
            sale_order_lines(uow, 9)
    assert [(ln.sku, ln.ordered, ln.done, ln.left) for ln in po.lines] == [("A100", 7, 2, 5), ("B200", 3, 0, 3)]
    assert (po.status, po.location, po.left) == ("partially received", "MAIN", 8)
    assert [(ln.sku, ln.ordered, ln.left) for ln in so.lines] == [("A100", 6, 6)]
    assert so.managed_at_main and so.location == "S02"
