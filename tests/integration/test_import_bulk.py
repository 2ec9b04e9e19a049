"""`xmart import` written set-based: documents referring to rows already in the database, master data
updated in bulk, duplicate keys within a document, and documents larger than SQLite's bound-value limit."""

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from tests.support.db import load, snapshot
from xmart.errors import ImportDocumentError
from xmart.models import (
    CorporateSaleOrder,
    CsoLine,
    Customer,
    Item,
    Location,
    PurchaseOrder,
    SaleOrder,
    SaleOrderLine,
    Stock,
)
from xmart.models.db import UnitOfWork

BASE = {
    "locations": [{"code": "MAIN", "name": "Main", "kind": "warehouse"}, {"code": "S01", "name": "Downtown"}],
    "vendors": [{"code": "V1", "name": "Acme"}],
    "items": [
        {"sku": "A", "price": "10.00", "cost": "4.00", "vendor": "V1"},
        {"sku": "B", "price": "20.00", "cost": "9.00"},
    ],
    "stock": [{"location": "S01", "sku": "A", "on_hand": 5}],
    "customers": [{"number": "K1", "name": "Kim", "billing_address": {"line1": "1 Main St", "city": "Troy"}}],
    "corporate_sale_orders": [
        {
            "number": 1,
            "date": "2026-01-05",
            "billing_customer": "K1",
            "lines": [{"sku": "A", "qty": 2}, {"sku": "B", "qty": 1, "line": 5}],
        }
    ],
}


def _stock(session, location, sku):
    row = session.scalar(
        select(Stock)
        .join(Location)
        .join(Item, Item.id == Stock.item_id)
        .where(Location.code == location, Item.sku == sku)
    )
    return None if row is None else (row.on_hand, row.minimum, row.maximum)


def test_documents_refer_to_rows_in_the_database_and_master_data_is_updated(engine):
    load(engine, BASE)
    load(
        engine,
        {
            "items": [{"sku": "A", "price": "11.50", "cost": "4.50", "vendor": "V1"}],
            "stock": [
                {"location": "S01", "sku": "A", "on_hand": 7, "maximum": 9},
                {"location": "MAIN", "sku": "B", "on_hand": 3},
            ],
            "customers": [
                {"number": "K1", "name": "Kim Park", "shipping_address": {"line1": "9 Dock Rd", "city": "Albany"}}
            ],
            "corporate_sale_orders": [
                {
                    "number": 2,
                    "date": "2026-01-06",
                    "billing_customer": "K1",
                    "lines": [{"sku": "A", "qty": 1}, {"sku": "B", "qty": 2, "price": "1.00"}],
                }
            ],
            "sale_orders": [
                {
                    "number": 40,
                    "location": "S01",
                    "date": "2026-01-07",
                    "corporate_order": 1,
                    "lines": [{"sku": "B", "qty": 1, "cso_line": 5}, {"sku": "A", "qty": 1}],
                }
            ],
            "purchase_orders": [
                {"number": 60, "vendor": "V1", "date": "2026-01-08", "lines": [{"sku": "B", "qty": 4}]}
            ],
        },
    )
    with UnitOfWork(engine) as uow:
        s = uow.session
        assert _stock(s, "S01", "A") == (7, 0, 9) and _stock(s, "MAIN", "B") == (3, 0, 0)
        assert s.scalar(select(func.count()).select_from(Item)) == 2
        item = s.scalar(select(Item).where(Item.sku == "A"))
        assert (item.price, item.cost, item.vendor.code) == (Decimal("11.50"), Decimal("4.50"), "V1")
        cso = s.scalar(select(CorporateSaleOrder).where(CorporateSaleOrder.number == 2))
        assert [(li.item.sku, li.price) for li in cso.lines] == [("A", Decimal("11.50")), ("B", Decimal("1.00"))]
        assert (cso.billing_name, cso.shipping_address.city, cso.billing_address.city) == ("Kim Park", "Albany", "")
        first = s.scalar(select(CorporateSaleOrder).where(CorporateSaleOrder.number == 1))
        assert first.lines[0].price == Decimal("10.00") and first.billing_name == "Kim"
        so = s.scalar(select(SaleOrder).where(SaleOrder.number == 40))
        assert (so.cso_id, so.billing_customer_id, so.shipping_customer_id) == (
            first.id,
            first.billing_customer_id,
            first.shipping_customer_id,
        )
        assert [(li.line_no, li.cso_line_id, li.price) for li in so.lines] == [
            (1, first.lines[1].id, Decimal("20.00")),
            (2, None, Decimal("11.50")),
        ]
        po = s.scalar(select(PurchaseOrder).where(PurchaseOrder.number == 60))
        assert po.location.code == "MAIN" and po.lines[0].cost == Decimal("9.00")


def test_sale_order_refers_to_a_line_of_a_cso_of_the_same_document(engine):
    doc = {
        **BASE,
        "sale_orders": [
            {
                "number": 40,
                "location": "S01",
                "date": "2026-01-07",
                "corporate_order": "1",
                "lines": [{"sku": "A", "qty": 2, "sold": 1, "cso_line": 1}],
            }
        ],
    }
    load(engine, doc)
    with UnitOfWork(engine) as uow:
        s = uow.session
        line = s.scalar(select(SaleOrderLine))
        cso_line = s.scalar(select(CsoLine).where(CsoLine.line_no == 1))
        assert line.cso_line_id == cso_line.id and line.order.billing_customer.number == "K1"


def test_cso_line_of_another_sku_is_refused(engine):
    load(engine, BASE)
    doc = {
        "sale_orders": [
            {
                "number": 40,
                "location": "S01",
                "date": "2026-01-07",
                "corporate_order": 1,
                "lines": [{"sku": "A", "qty": 1, "cso_line": 5}],
            }
        ]
    }
    with pytest.raises(ImportDocumentError, match=r"sale_orders\[0\]\.lines\[0\]\.cso_line: no such line"):
        load(engine, doc)


def test_within_a_document_the_last_record_with_a_key_wins_and_numbers_are_unique(engine):
    load(
        engine,
        {
            "locations": [{"code": "S01", "name": "One"}],
            "items": [{"sku": "A", "price": "1.00"}, {"sku": "A", "price": "2.00", "description": "second"}],
            "stock": [{"location": "S01", "sku": "A", "on_hand": 1}, {"location": "S01", "sku": "A", "minimum": 4}],
        },
    )
    with UnitOfWork(engine) as uow:
        item = uow.session.scalar(select(Item))
        assert (item.price, item.description) == (Decimal("2.00"), "second")
        assert _stock(uow.session, "S01", "A") == (0, 4, 0)
    twice = {
        "customers": [{"number": "K1", "name": "Kim"}],
        "corporate_sale_orders": [{"number": 3, "date": "2026-01-05", "billing_customer": "K1", "status": "draft"}] * 2,
    }
    with pytest.raises(
        ImportDocumentError, match=r"corporate_sale_orders\[1\]\.number: corporate sale order 3 already"
    ):
        load(engine, twice)


def _many(count, price):
    return {
        "locations": [{"code": "S01", "name": "One"}],
        "items": [{"sku": f"I{i:05d}", "description": "x", "price": price, "cost": "1.00"} for i in range(count)],
        "stock": [
            {"location": "S01", "sku": f"I{i:05d}", "on_hand": i, "minimum": 1, "maximum": 2} for i in range(count)
        ],
    }


def test_more_bound_values_than_sqlite_allows_in_one_statement(engine):
    """7,000 items and stock rows: more than 32,766 values per table, inserted, then updated."""
    load(engine, _many(7_000, "3.00"))
    updated = _many(7_000, "4.00")
    updated["stock"] = [{**row, "on_hand": row["on_hand"] + 1} for row in updated["stock"]]
    updated["corporate_sale_orders"] = [
        {
            "number": 1,
            "date": "2026-01-05",
            "billing_customer": "K1",
            "lines": [{"sku": f"I{i:05d}", "qty": 1} for i in range(7_000)],
        }
    ]
    updated["customers"] = [{"number": "K1", "name": "Kim"}]
    load(engine, updated)
    with UnitOfWork(engine) as uow:
        s = uow.session
        assert s.scalar(select(func.count()).select_from(Item).where(Item.price == Decimal("4.00"))) == 7_000
        assert s.scalar(select(func.sum(Stock.on_hand))) == sum(range(7_000)) + 7_000
        assert s.scalar(select(func.count()).select_from(CsoLine).where(CsoLine.price == Decimal("4.00"))) == 7_000
        assert s.scalar(select(func.count()).select_from(Customer)) == 1


def test_a_bad_last_record_of_a_large_document_writes_nothing(engine):
    load(engine, BASE)
    before = snapshot(engine)
    doc = _many(3_000, "5.00")
    doc["purchase_orders"] = [{"number": 1, "vendor": "V1", "date": "2026-01-08", "lines": [{"sku": "NOPE", "qty": 1}]}]
    with pytest.raises(ImportDocumentError, match=r"purchase_orders\[0\]\.lines\[0\]\.sku: unknown SKU 'NOPE'"):
        load(engine, doc)
    assert snapshot(engine) == before


@pytest.mark.parametrize(
    "doc, where",
    [
        (
            {
                "locations": [{"code": "S01", "name": "One"}],
                "items": [{"sku": "A", "price": "1.00"}],
                "stock": [{"location": "S01", "sku": "A", "on_hand": 2**31}],
            },
            r"stock\[0\]\.on_hand: is too large",
        ),
        (
            {"customers": [{"number": "K1", "name": "Kim", "billing_address": {"postal_code": "1" * 21}}]},
            r"customers\[0\]\.billing_address\.postal_code: is longer than 20 characters",
        ),
    ],
)
def test_values_the_columns_cannot_hold_are_refused_alike_on_both_databases(engine, doc, where):
    before = snapshot(engine)
    with pytest.raises(ImportDocumentError, match=where):
        load(engine, doc)
    assert snapshot(engine) == before
