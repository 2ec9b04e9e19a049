"""DOMAIN.md section 3, "no card data in free text", on every later input path (issue 13 item 4).

Each writer of text refuses a Luhn-valid card number written with spaces or with dashes and a
written security code, in the process layer, naming the field and never repeating the value, with
nothing written: Settings › Company and E-mail, channels, salesmen, custom field names, custom field
values of every kind, payment texts however the payment was built, Customer Manager edits, import
salesman codes; and messages that quote a typed value (an unknown SKU, a malformed e-mail or phone)
never quote card data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.support.db import snapshot
from tests.support.orders import TEST_CARD, full_entry, load_orders_data
from xmart.errors import InputError
from xmart.models import CustomField
from xmart.models.base import Address
from xmart.models.db import UnitOfWork
from xmart.processes.customers import CustomerParams, update_customer
from xmart.processes.importer import import_document
from xmart.processes.mailer import SmtpSettings, save_smtp_settings
from xmart.processes.order_entry import LineParams, PaymentParams, card_payment, new_order, save_sections
from xmart.processes.order_settings import (
    ChannelRow,
    CustomFieldRow,
    SalesmanRow,
    save_channels,
    save_custom_fields,
    save_salesmen,
)
from xmart.processes.settings import CompanySettings, save_company

TODAY = dt.date(2026, 11, 21)
CARD_DATA = {
    "spaced": "4111 1111 1111 1111",
    "dashed": "4111-1111-1111-1111",
    "security code": "CVC: 1234",
}
"""What a clerk might type: a Luhn-valid card number with spaces, with dashes, a written security code."""
NEVER_REPEATED = ("4111", "1111", "1234")


def _refused(engine, call: Callable[[UnitOfWork], object], where: str) -> str:
    """Run `call` in a unit of work: refused naming `where` and card data, never the value, nothing written."""
    before = snapshot(engine)
    with UnitOfWork(engine) as uow, pytest.raises(InputError) as caught:
        call(uow)
    message = str(caught.value)
    assert where in message, message
    assert "card" in message, message
    for digits in NEVER_REPEATED:
        assert digits not in message, message
    assert snapshot(engine) == before
    return message


@pytest.fixture
def ids(engine):
    return load_orders_data(engine)


# --- settings ------------------------------------------------------------------------------------
COMPANY = CompanySettings(name="Acme Retail", address="1 Main St\nAlbany NY", phone="+1 518 555 0100")
SMTP = SmtpSettings(host="smtp.example.org", port=587, user="orders", sender="orders@example.org")

SETTINGS_WRITERS: dict[str, tuple[str, Callable[[UnitOfWork, str], object]]] = {
    "company name": ("Name:", lambda uow, v: save_company(uow, dataclasses.replace(COMPANY, name=f"Acme {v}"))),
    "company address": (
        "Address:",
        lambda uow, v: save_company(uow, dataclasses.replace(COMPANY, address=f"1 Main St\nref {v}")),
    ),
    "company phone": ("Phone:", lambda uow, v: save_company(uow, dataclasses.replace(COMPANY, phone=v))),
    "company e-mail": (
        "E-mail:",
        lambda uow, v: save_company(uow, dataclasses.replace(COMPANY, email=f"{v}@example.org")),
    ),
    "smtp host": ("SMTP server:", lambda uow, v: save_smtp_settings(uow, dataclasses.replace(SMTP, host=f"smtp {v}"))),
    "smtp user": ("User:", lambda uow, v: save_smtp_settings(uow, dataclasses.replace(SMTP, user=v))),
    "smtp sender": (
        "Sender:",
        lambda uow, v: save_smtp_settings(uow, dataclasses.replace(SMTP, sender=f"Orders {v} <o@example.org>")),
    ),
    "channel name": ("Channel:", lambda uow, v: save_channels(uow, [ChannelRow(None, f"Fair {v}")])),
    "salesman code": ("Salesman code:", lambda uow, v: save_salesmen(uow, [SalesmanRow(None, v, "Mo Khan", "5")])),
    "salesman name": ("Salesman MK:", lambda uow, v: save_salesmen(uow, [SalesmanRow(None, "MK", f"Mo {v}", "5")])),
    "custom field name": (
        "Custom field:",
        lambda uow, v: save_custom_fields(uow, [CustomFieldRow(None, f"Ref {v}", "text")]),
    ),
}


@pytest.mark.parametrize("value", CARD_DATA.values(), ids=CARD_DATA.keys())
@pytest.mark.parametrize("writer", SETTINGS_WRITERS, ids=str)
def test_settings_writers_refuse_card_data(engine, writer, value):
    where, call = SETTINGS_WRITERS[writer]
    _refused(engine, lambda uow: call(uow, value), where)


def test_settings_writers_still_take_ordinary_text(engine):
    with UnitOfWork(engine) as uow:
        save_company(uow, dataclasses.replace(COMPANY, email="office@example.org"))
        save_smtp_settings(uow, SMTP)
        save_channels(uow, [ChannelRow(None, "Trade fair 2026")])
        save_salesmen(uow, [SalesmanRow(None, "MK", "Mo Khan", "5")])
        save_custom_fields(uow, [CustomFieldRow(None, "Customer PO 4500012345", "text")])


def test_a_later_row_with_card_data_writes_none_of_the_rows(engine):
    rows = [ChannelRow(None, "Trade fair"), ChannelRow(None, f"Fair {CARD_DATA['spaced']}")]
    _refused(engine, lambda uow: save_channels(uow, rows), "Channel:")


# --- order entry ---------------------------------------------------------------------------------
@pytest.fixture
def number_field(engine, ids) -> int:
    with UnitOfWork(engine) as uow:
        save_custom_fields(uow, [CustomFieldRow(None, "Reference number", "number")])
        return uow.session.scalar(select(CustomField.id).where(CustomField.name == "Reference number"))


@pytest.mark.parametrize("value", [TEST_CARD, *CARD_DATA.values()], ids=["plain", *CARD_DATA])
def test_a_number_custom_field_refuses_a_card_number(engine, ids, number_field, value):
    with UnitOfWork(engine) as uow:
        view = new_order(uow, ids["C001"], TODAY)
    entry = full_entry(ids, custom_values=((number_field, value),))
    _refused(engine, lambda uow: save_sections(uow, view.id, entry, ["setup"]), "Setup: Reference number")


def _card() -> PaymentParams:
    return card_payment(Decimal("10"), TEST_CARD, "12/29", authorization="A1B2C3")


PAYMENTS: dict[str, tuple[str, Callable[[str], PaymentParams]]] = {
    "card authorization": ("Payment 1: authorization", lambda v: dataclasses.replace(_card(), authorization=v)),
    "card brand": ("Payment 1: card brand", lambda v: dataclasses.replace(_card(), card_brand=v)),
    "check reference": ("Payment 1: reference", lambda v: PaymentParams("check", Decimal("10"), authorization=v)),
}


@pytest.mark.parametrize("value", CARD_DATA.values(), ids=CARD_DATA.keys())
@pytest.mark.parametrize("payment", PAYMENTS, ids=str)
def test_payment_texts_are_checked_when_stored_however_the_payment_was_built(engine, ids, payment, value):
    """`card_payment`/`other_payment` check what a clerk types; a PaymentParams built otherwise is checked too."""
    where, build = PAYMENTS[payment]
    with UnitOfWork(engine) as uow:
        view = new_order(uow, ids["C001"], TODAY)
    entry = full_entry(ids, payments=(build(value),))
    _refused(engine, lambda uow: save_sections(uow, view.id, entry, ["payment"]), where)


def test_a_bare_security_code_as_authorization_is_refused_when_stored(engine, ids):
    with UnitOfWork(engine) as uow:
        view = new_order(uow, ids["C001"], TODAY)
    entry = full_entry(ids, payments=(dataclasses.replace(_card(), authorization="737"),))
    before = snapshot(engine)
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match="^Payment 1: authorization") as caught:
        save_sections(uow, view.id, entry, ["payment"])
    assert "737" not in str(caught.value)
    assert snapshot(engine) == before


@pytest.mark.parametrize("value", CARD_DATA.values(), ids=CARD_DATA.keys())
def test_an_unknown_sku_is_not_quoted_when_it_is_card_data(engine, ids, value):
    with UnitOfWork(engine) as uow:
        view = new_order(uow, ids["C001"], TODAY)
    entry = full_entry(ids, lines=(LineParams(value, 1, Decimal("1.00")),))
    before = snapshot(engine)
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match="no item with SKU") as caught:
        save_sections(uow, view.id, entry, ["items"])
    assert not any(digits in str(caught.value) for digits in NEVER_REPEATED), caught.value
    assert snapshot(engine) == before
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match="no item with SKU 'Z999'"):
        save_sections(uow, view.id, full_entry(ids, lines=(LineParams("Z999", 1, Decimal("1.00")),)), ["items"])


# --- Customer Manager edits ----------------------------------------------------------------------
CUSTOMER_FIELDS: dict[str, tuple[str, Callable[[str], dict[str, object]]]] = {
    "name": ("Name:", lambda v: {"name": f"Ada {v}"}),
    "notes": ("Notes:", lambda v: {"notes": f"paid with {v}"}),
    "shipping address": ("Shipping address city:", lambda v: {"shipping_address": Address(line1="9 Elm", city=v)}),
}


@pytest.mark.parametrize("value", CARD_DATA.values(), ids=CARD_DATA.keys())
@pytest.mark.parametrize("field", CUSTOMER_FIELDS, ids=str)
def test_customer_edits_refuse_card_data(engine, ids, field, value):
    where, change = CUSTOMER_FIELDS[field]
    params = dataclasses.replace(CustomerParams(name="Ada Lovelace", number="C001"), **change(value))
    _refused(engine, lambda uow: update_customer(uow, ids["C001"], params), where)


@pytest.mark.parametrize(
    ("change", "where"),
    [({"email": CARD_DATA["dashed"]}, "E-mail:"), ({"phone": CARD_DATA["spaced"] + " 1"}, "Phone:")],
)
def test_customer_messages_never_quote_card_data(engine, ids, change, where):
    before = snapshot(engine)
    with UnitOfWork(engine) as uow, pytest.raises(InputError) as caught:
        update_customer(uow, ids["C001"], CustomerParams(name="Ada Lovelace", number="C001", **change))
    assert where in str(caught.value)
    assert not any(digits in str(caught.value) for digits in NEVER_REPEATED), caught.value
    assert snapshot(engine) == before


# --- import --------------------------------------------------------------------------------------
@pytest.mark.parametrize("value", CARD_DATA.values(), ids=CARD_DATA.keys())
def test_import_refuses_card_data_in_a_salesman_code(engine, value):
    doc = {"salesmen": [{"code": value, "name": "Mo Khan", "commission_rate": "5"}]}
    _refused(engine, lambda uow: import_document(uow, doc), "salesmen[0].code")
