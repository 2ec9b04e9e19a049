"""Constraints live in the database as well as in code: unique numbers, quantities, statuses, keys."""

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import insert, update
from sqlalchemy.exc import IntegrityError

from tests.support.db import load
from tests.support.documents import B200_ITEM, example
from xmart.models import (
    CorporateSaleOrder,
    CsoLine,
    Item,
    Payment,
    PurchaseOrder,
    PurchaseOrderLine,
    SaleOrderLine,
    Stock,
)


@pytest.fixture
def loaded(engine):
    load(engine, B200_ITEM)
    load(engine, example())
    return engine


def _fails(engine, statement, values=None):
    with pytest.raises(IntegrityError):
        with engine.begin() as connection:
            connection.execute(statement, values) if values is not None else connection.execute(statement)


def test_unique_document_numbers(loaded):
    _fails(
        loaded,
        insert(CorporateSaleOrder.__table__),
        {
            "number": 1001,
            "date": dt.date(2026, 1, 1),
            "status": "open",
            "billing_customer_id": 1,
            "shipping_customer_id": 1,
            "billing_name": "",
            "shipping_name": "",
            "global_discount": 0,
            "shipping_method": "",
            "shipping_cost": 0,
            "notes": "",
        },
    )


def test_quantities_must_be_positive(loaded):
    _fails(loaded, update(CsoLine.__table__).values(qty=0))
    _fails(loaded, update(CsoLine.__table__).values(qty=-1))
    _fails(loaded, update(PurchaseOrderLine.__table__).values(received=11))
    _fails(loaded, update(Stock.__table__).values(on_hand=-1))


def test_sold_never_above_qty(loaded):
    _fails(loaded, update(SaleOrderLine.__table__).values(sold=4))


def test_status_check(loaded):
    _fails(loaded, update(CorporateSaleOrder.__table__).values(status="shipped"))
    _fails(loaded, update(PurchaseOrder.__table__).values(status="lost"))


def test_money_and_percent_ranges(loaded):
    _fails(loaded, update(Item.__table__).values(price=Decimal("-0.01")))
    _fails(loaded, update(CsoLine.__table__).values(discount=Decimal("100.01")))
    _fails(loaded, update(CorporateSaleOrder.__table__).values(global_discount=Decimal("-1")))


def test_card_fields_belong_to_card_payments(loaded):
    """A card number needs a card payment and its last 4 digits; only a card payment has card fields. A card
    payment without a number is allowed since migration 0007: a web store's (DOMAIN.md section 10)."""
    _fails(loaded, update(Payment.__table__).where(Payment.kind == "card").values(card_last4=None))
    _fails(loaded, update(Payment.__table__).where(Payment.kind == "card").values(kind="cash"))
    _fails(loaded, update(Payment.__table__).where(Payment.kind != "card").values(card_last4="1111"))


def test_cancel_not_before_delivery(loaded):
    _fails(
        loaded,
        update(PurchaseOrder.__table__).values(delivery_date=dt.date(2026, 12, 10), cancel_date=dt.date(2026, 12, 1)),
    )


def test_foreign_keys_enforced(loaded):
    _fails(loaded, update(CsoLine.__table__).values(item_id=9999))


def test_money_columns_are_decimal(loaded):
    with loaded.connect() as connection:
        price = connection.execute(Item.__table__.select().where(Item.sku == "A100")).one().price
    assert isinstance(price, Decimal) and price == Decimal("19.99")
