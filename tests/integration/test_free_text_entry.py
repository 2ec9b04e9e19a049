"""DOMAIN.md section 3, "no card data in free text", in order entry and the Customer Manager (issue 12)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from tests.support.db import snapshot
from tests.support.orders import SHIP, TEST_CARD, full_entry, load_orders_data
from xmart.errors import CardDataError, InputError
from xmart.models.base import Address
from xmart.models.db import UnitOfWork
from xmart.processes.customers import CustomerParams, create_customer
from xmart.processes.order_entry import card_payment, new_order, other_payment, save_sections

TODAY = dt.date(2026, 11, 21)
SPACED = "4111 1111 1111 1111"


@pytest.fixture
def ids(engine):
    return load_orders_data(engine)


def _refused(engine, call, *, where):
    before = snapshot(engine)
    with UnitOfWork(engine) as uow, pytest.raises(InputError) as caught:
        call(uow)
    message = str(caught.value)
    assert where in message and "card" in message
    assert TEST_CARD not in message and SPACED not in message and "737" not in message
    assert snapshot(engine) == before


@pytest.mark.parametrize(
    ("change", "section", "where"),
    [
        (dict(notes=f"Paid by {SPACED}"), "setup", "Setup: notes"),
        (dict(notes="cvv 737, call back"), "setup", "Setup: notes"),
        (dict(shipping_method=f"UPS {TEST_CARD}"), "shipping", "Shipping: method"),
        (dict(shipping_address=Address(**{**SHIP, "line2": f"card {SPACED}"})), "shipping", "address line2"),
    ],
)
def test_order_entry_refuses_card_data_in_free_text(engine, ids, change, section, where):
    with UnitOfWork(engine) as uow:
        view = new_order(uow, ids["C001"], TODAY)
    entry = dataclasses.replace(full_entry(ids), **change)
    _refused(engine, lambda uow: save_sections(uow, view.id, entry, [section]), where=where)


def test_custom_order_field_value_with_a_security_code_is_refused(engine, ids):
    with UnitOfWork(engine) as uow:
        view = new_order(uow, ids["C001"], TODAY)
    entry = full_entry(ids, custom_values=((ids["gift"], "Security code 737"),))
    _refused(engine, lambda uow: save_sections(uow, view.id, entry, ["setup"]), where="Setup: Gift message")


def test_authorization_is_the_approval_code_only():
    for text in ("737", "A1B2C3 737", "A1B2C3-737", TEST_CARD):
        with pytest.raises(CardDataError, match="^Authorization: ") as caught:
            card_payment(Decimal("10"), TEST_CARD, "12/29", authorization=text)
        assert "737" not in str(caught.value) and "4111" not in str(caught.value)
    assert card_payment(Decimal("10"), TEST_CARD, "12/29", authorization="a1b2c3").authorization == "a1b2c3"


def test_payment_reference_with_a_card_number_is_refused():
    with pytest.raises(CardDataError, match="^Payment reference: "):
        other_payment("check", "30", f"card {SPACED}")
    assert other_payment("check", "30", "chk 42").authorization == "chk 42"


@pytest.mark.parametrize(
    ("params", "where"),
    [
        (CustomerParams(name="Ada", notes=f"card {TEST_CARD} exp 12/29"), "Notes:"),
        (CustomerParams(name="Ada", company="CVC: 7370"), "Company:"),
        (CustomerParams(name="Ada", billing_address=Address(line1=SPACED)), "Billing address line1:"),
        (CustomerParams(name=f"Ada {SPACED}"), "Name:"),
    ],
)
def test_customer_manager_refuses_card_data_in_free_text(engine, params, where):
    _refused(engine, lambda uow: create_customer(uow, params), where=where)
