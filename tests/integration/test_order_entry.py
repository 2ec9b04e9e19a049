"""Order entry services: draft from a customer, sections, completion, confirmation e-mail (no Qt)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.support.db import snapshot
from tests.support.orders import SHIP, TEST_CARD, full_entry, load_orders_data
from tests.support.smtp import use_smtp
from tests.support.users import reveal_card
from xmart.errors import CardDataError, InputError
from xmart.models import CorporateSaleOrder, Customer, OutboxMessage, Payment
from xmart.models.base import Address
from xmart.models.db import UnitOfWork
from xmart.processes.order_entry import (
    LineParams,
    card_payment,
    complete_order,
    enter_order,
    entry_totals,
    find_items,
    load_order,
    new_order,
    other_payment,
    save_sections,
)
from xmart.processes.outbox import deliver_due

TODAY = dt.date(2026, 11, 21)


@pytest.fixture
def ids(engine):
    return load_orders_data(engine)


def _new(engine, customer_id):
    with UnitOfWork(engine) as uow:
        return new_order(uow, customer_id, TODAY)


def test_new_order_copies_both_addresses_and_later_customer_edits_do_not_change_it(engine, ids):
    view = _new(engine, ids["C001"])
    assert view.status == "draft" and view.number == 1001
    assert view.billing_address.line1 == "1 Main St"
    assert view.entry.shipping_address == Address(**SHIP)
    with UnitOfWork(engine) as uow:
        uow.session.get(Customer, ids["C001"]).billing_line1 = "77 Other St"
        uow.commit()
    with UnitOfWork(engine) as uow:
        assert load_order(uow.session, view.id).billing_address.line1 == "1 Main St"
    assert _new(engine, ids["C002"]).number == 1002


def test_running_totals_follow_domain_section_2(ids, engine):
    totals = entry_totals(full_entry(ids))
    assert totals.subtotal == Decimal("70.63")  # 39.98 + 25.65 + 5.00
    assert totals.global_discount_amount == Decimal("3.53")
    assert totals.total == Decimal("67.10")
    assert totals.order_total == Decimal("74.60") and totals.deposit == Decimal("50.00")
    assert totals.balance == Decimal("24.60")


def test_update_information_saves_one_section(engine, ids):
    view = _new(engine, ids["C001"])
    entry = full_entry(ids)
    with UnitOfWork(engine) as uow:
        saved = save_sections(uow, view.id, entry, ["setup"])
    assert saved.entry.salesman_id == ids["JS"] and saved.entry.lines == ()
    assert saved.entry.custom_values == ((ids["gift"], "Happy birthday, Ada!"),)
    with UnitOfWork(engine) as uow:
        saved = save_sections(uow, view.id, entry, ["items", "payment"])
    assert [ln.sku for ln in saved.entry.lines] == ["A100", "B200", "C300"]
    assert saved.entry.payments[0].masked_card == "**** 1111"


def test_complete_order_sets_open_and_queues_one_confirmation(engine, ids, smtp_server):
    inbox, port = smtp_server
    use_smtp(engine, port)
    view = _new(engine, ids["C001"])
    with UnitOfWork(engine) as uow:
        result = complete_order(uow, view.id, full_entry(ids), TODAY)
    assert result.number == 1001 and result.recipient == "ada@example.com"
    with UnitOfWork(engine) as uow:
        cso = uow.session.scalar(select(CorporateSaleOrder).where(CorporateSaleOrder.number == 1001))
        assert cso.status == "open" and cso.salesman_id == ids["JS"] and len(cso.lines) == 3
        payment = uow.session.scalar(select(Payment))
        assert payment.card_last4 == "1111" and payment.card_key_id is not None
        assert TEST_CARD.encode() not in payment.card_number_encrypted
        payment_id = payment.id
        assert uow.session.scalar(select(OutboxMessage.status)) == "queued"
    assert reveal_card(engine, payment_id) == TEST_CARD
    assert deliver_due(engine).sent == 1
    assert deliver_due(engine).sent == 0  # never twice
    assert len(inbox.messages) == 1
    mail = inbox.messages[0]
    body = mail.get_content()
    assert mail["To"] == "ada@example.com" and "1001" in mail["Subject"]
    for text in (
        "1001",
        "A100",
        "B200",
        "C300",
        "Order total:",
        "74.60",
        "Deposit:",
        "50.00",
        "**** 1111",
        "9 Elm Rd",
        "Troy",
        "Happy birthday, Ada!",
    ):
        assert text in body
    assert TEST_CARD not in body and "4111" not in body.replace("**** 1111", "")


def test_complete_lists_every_missing_part_and_writes_nothing(engine, ids):
    view = _new(engine, ids["C001"])
    before = snapshot(engine)
    empty = dataclasses.replace(
        full_entry(ids),
        channel_id=None,
        salesman_id=None,
        lines=(),
        payments=(),
        shipping_method="",
        shipping_address=Address(),
    )
    with UnitOfWork(engine) as uow, pytest.raises(InputError) as caught:
        complete_order(uow, view.id, empty, TODAY)
    message = str(caught.value)
    for part in (
        "Setup: choose the sales channel",
        "Setup: choose the salesman",
        "Items: add at least one item",
        "Payment: add a card on file or a deposit",
        "Shipping: choose the shipping method",
        "Shipping: the shipping address needs",
    ):
        assert part in message
    assert snapshot(engine) == before


def test_missing_salesman_alone_is_named(engine, ids):
    view = _new(engine, ids["C001"])
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match="salesman") as caught:
        complete_order(uow, view.id, dataclasses.replace(full_entry(ids), salesman_id=None), TODAY)
    assert "Items" not in str(caught.value)


def test_invalid_card_number_and_security_code_like_authorization_are_refused():
    with pytest.raises(CardDataError, match="not valid"):
        card_payment(Decimal("10"), "4111111111111112", "12/29")
    with pytest.raises(CardDataError, match="MM/YY"):
        card_payment(Decimal("10"), TEST_CARD, "2029-12")
    with pytest.raises(CardDataError, match="security code"):
        card_payment(Decimal("10"), TEST_CARD, "12/29", authorization="123")
    assert card_payment(Decimal("0"), "4111 1111 1111 1111", "01/30").card_last4 == "1111"


def test_deposit_by_cash_and_check_and_deposit_above_total(engine, ids):
    entry = full_entry(ids, payments=(other_payment("cash", "20.00"), other_payment("check", "30", "chk 42")))
    assert entry_totals(entry).deposit == Decimal("50.00")
    too_much = full_entry(ids, payments=(other_payment("cash", "500.00"),))
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match="more than the order total"):
        enter_order(uow, ids["C001"], too_much, TODAY)
    with pytest.raises(InputError, match="above 0"):
        other_payment("cash", "0")


def test_unknown_sku_bad_quantity_and_custom_field_types(engine, ids):
    view = _new(engine, ids["C001"])
    for lines, match in (
        ((LineParams("ZZZ", 1, Decimal("1")),), "no item with SKU"),
        ((LineParams("A100", 0, Decimal("1")),), "above 0"),
    ):
        with UnitOfWork(engine) as uow, pytest.raises(InputError, match=match):
            save_sections(uow, view.id, full_entry(ids, lines=lines), ["items"])
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match="Deliver after must be a date"):
        save_sections(uow, view.id, full_entry(ids, custom_values=((ids["date"], "next week"),)), ["setup"])


def test_only_drafts_are_edited_and_completed_once(engine, ids):
    view = _new(engine, ids["C001"])
    with UnitOfWork(engine) as uow:
        complete_order(uow, view.id, full_entry(ids), TODAY)
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match="only a draft"):
        complete_order(uow, view.id, full_entry(ids), TODAY)


def test_sales_order_interface_enters_the_whole_order_in_one_transaction(engine, ids):
    with UnitOfWork(engine) as uow:
        result = enter_order(uow, ids["C002"], full_entry(ids, shipping_address=Address("5 Oak", "", "Albany")), TODAY)
    assert result.outbox_id is None and result.recipient == ""  # Grace has no e-mail: nothing queued
    with UnitOfWork(engine) as uow:
        view = load_order(uow.session, result.cso_id)
    assert view.status == "open" and view.entry.shipping_address.line1 == "5 Oak"
    assert view.billing_address.line1 == "1 Main St"


def test_find_items_by_code_or_description(engine, ids):
    with UnitOfWork(engine) as uow:
        assert [i.sku for i in find_items(uow.session, "bowl")] == ["B200"]
        assert find_items(uow.session, "a100")[0].sku == "A100"
        assert find_items(uow.session, "%") == []
