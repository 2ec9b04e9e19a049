"""One total everywhere (DOMAIN.md section 2): order entry, the CSO view, `show cso --json`, the confirmation
PDF and e-mail all give subtotal - global discount + shipping; the CSO view and the confirmation show the
channel, salesman, custom fields, shipping and payments (card masked)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.support.orders import TEST_CARD, full_entry, load_orders_data
from xmart.cli.main import main
from xmart.models import CorporateSaleOrder
from xmart.models.db import UnitOfWork
from xmart.processes.document_printing import render_pdf
from xmart.processes.order_entry import enter_order, entry_totals, load_order
from xmart.processes.outbox import confirmation_text
from xmart.processes.views.document_details import document_details
from xmart.processes.views.document_lists import BrowserFilter, document_page

TODAY = dt.date(2026, 11, 21)
TOTAL = "74.60"  # 70.63 lines - 3.53 (5 %) + 7.50 shipping


@pytest.fixture
def order(engine):
    """CSO 1001 as full_entry(): channel Phone, salesman Jo Smith, a gift message, UPS Ground 7.50, a card."""
    ids = load_orders_data(engine)
    with UnitOfWork(engine) as uow:
        result = enter_order(uow, ids["C001"], full_entry(ids), TODAY)
        uow.commit()
    return result.number


def _cso_id(engine, number):
    with UnitOfWork(engine) as uow:
        return uow.session.scalar(select(CorporateSaleOrder.id).where(CorporateSaleOrder.number == number))


def _pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def test_order_manager_view_show_and_confirmation_give_one_total(engine, db_url, order, capsys):
    with UnitOfWork(engine) as uow:
        entry = load_order(uow.session, _cso_id(engine, order)).entry
        details = document_details(uow, "cso", order)
        subject, body = confirmation_text(uow.session, _cso_id(engine, order))
    assert str(entry_totals(entry).order_total) == TOTAL
    totals = dict(details.totals)
    assert totals["Total"] == TOTAL and totals["Shipping (UPS Ground)"] == "7.50"
    assert totals["Subtotal"] == "70.63" and totals["Global discount 5.00%"] == "-3.53"
    assert totals["Balance due"] == "24.60"
    with UnitOfWork(engine) as uow:  # the CSO browser's Total column
        (row,) = document_page(uow, "cso", BrowserFilter(number=order), "number", False, 0, 10)
    assert str(row.total) == TOTAL
    assert main(["--db", db_url, "show", "cso", str(order), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["total"] == TOTAL and shown["shipping"] == "7.50" and shown["deposit"] == "50.00"
    assert {"number", "date", "status", "total", "deposit", "deposit_allocated", "lines"} <= set(shown)
    text = _pdf_text(render_pdf(engine, "cso", order))
    assert f"Order total {TOTAL}" in text and "Balance due 24.60" in text
    assert re.search(rf"Order total:\s+{TOTAL}", body) and "Gift message: Happy birthday, Ada!" in body


def test_cso_view_shows_channel_salesman_custom_fields_shipping_and_masked_payments(engine, order):
    with UnitOfWork(engine) as uow:
        details = document_details(uow, "cso", order)
    fields = dict(details.fields)
    assert fields["Channel"] == "Phone"
    assert fields["Salesman"] == "Jo Smith (JS)"
    assert fields["Gift message"] == "Happy birthday, Ada!"
    assert fields["Shipping"] == "UPS Ground"
    assert "**** 1111" in fields["Payments"] and "50.00" in fields["Payments"]
    assert all(TEST_CARD not in value for _label, value in details.fields)


def test_confirmation_pdf_prints_the_custom_fields(engine, order):
    pdf = render_pdf(engine, "cso", order)
    text = _pdf_text(pdf)
    assert "GIFT MESSAGE" in text and "Happy birthday, Ada!" in text
    assert TEST_CARD.encode() not in pdf
