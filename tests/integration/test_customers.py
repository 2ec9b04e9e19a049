"""Customer Manager services: search (also on 100,000 customers), create and edit with validation."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import insert

from tests.support.orders import load_orders_data
from xmart.errors import InputError
from xmart.models import Customer
from xmart.models.base import Address
from xmart.models.db import UnitOfWork
from xmart.processes.customers import (
    CustomerParams,
    create_customer,
    get_customer,
    search_customers,
    update_customer,
)


def _search(engine, text):
    with UnitOfWork(engine) as uow:
        return [r.number for r in search_customers(uow.session, text)]


def test_search_by_each_field_partial_and_case_insensitive(engine):
    load_orders_data(engine)
    assert _search(engine, "c00") == ["C001", "C002"]
    assert _search(engine, "LOVE") == ["C001"]  # name
    assert _search(engine, "analytic") == ["C001"]  # company
    assert _search(engine, "ADA@EXAMPLE") == ["C001"]  # e-mail
    assert _search(engine, "555 0101") == ["C001"]  # phone as typed
    assert _search(engine, "5185550101") == ["C001"]  # phone digits only
    assert _search(engine, "navy") == ["C002"]
    assert _search(engine, "100%") == []  # wildcards are literal
    assert _search(engine, "") == ["C001", "C002"]


def test_create_validates_email_and_phone_and_names_the_field(engine):
    with UnitOfWork(engine) as uow, pytest.raises(InputError) as caught:
        create_customer(uow, CustomerParams(name="", email="not-an-email", phone="12ab"))
    message = str(caught.value)
    assert "Name:" in message and "E-mail:" in message and "Phone:" in message


def test_create_same_as_billing_and_edit(engine):
    billing = Address("1 Main St", "", "Albany", "NY", "12207", "US")
    with UnitOfWork(engine) as uow:
        row = create_customer(
            uow,
            CustomerParams(
                name="Alan Turing",
                email="alan@example.org",
                phone="(555) 010-2030",
                billing_address=billing,
                shipping_address=Address("x"),
                shipping_same_as_billing=True,
            ),
        )
    assert row.number == "C000001"
    with UnitOfWork(engine) as uow:
        record = get_customer(uow.session, row.id)
    assert record.params.shipping_address == billing and record.params.shipping_same_as_billing
    changed = CustomerParams(
        **{
            **record.params.__dict__,
            "company": "Bletchley",
            "shipping_same_as_billing": False,
            "shipping_address": Address("2 Park Rd", "", "Bletchley"),
        }
    )
    with UnitOfWork(engine) as uow:
        update_customer(uow, row.id, changed)
    with UnitOfWork(engine) as uow:
        record = get_customer(uow.session, row.id)
    assert record.params.company == "Bletchley" and record.params.shipping_address.line1 == "2 Park Rd"
    with UnitOfWork(engine) as uow:
        other = create_customer(uow, CustomerParams(name="Someone"))
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match="already used"):
        update_customer(uow, other.id, CustomerParams(name="Someone", number="C000001"))


def test_search_is_fast_on_100000_customers(engine):
    rows = [
        {
            "number": f"N{i:07d}",
            "name": f"Customer {i}",
            "company": f"Company {i % 5000}",
            "email": f"user{i}@example.com",
            "phone": f"555-{i:07d}",
            "notes": "",
        }
        for i in range(100_000)
    ]
    rows[77_777]["name"] = "Zelda Needle"
    with UnitOfWork(engine) as uow:
        uow.session.execute(insert(Customer), rows)
        uow.commit()
    for text in ("needle", "user99", "company 4999", "555-0077777", "N0012"):
        _search(engine, text)  # warm up
        start = time.perf_counter()
        found = _search(engine, text)
        elapsed = time.perf_counter() - start
        assert found, text
        assert elapsed < 0.5, f"search {text!r} took {elapsed:.3f} s"
    assert _search(engine, "needle") == ["N0077777"]
