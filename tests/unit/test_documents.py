"""Printed documents: open the rendered PDFs with pypdf and check what a reader would see."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from xmart.processes.documents import (
    CompanyInfo,
    ConfirmationDocument,
    ConfirmationRenderer,
    DocumentLine,
    Party,
    PurchaseOrderDocument,
    PurchaseOrderRenderer,
    SaleOrderDocument,
    SaleOrderRenderer,
    format_date,
    format_money,
    format_percent,
)
from xmart.processes.money import line_amount, order_totals, to_money

COMPANY = CompanyInfo("Xmart Home & Garden Ltd.", ("120 Harbour Road", "Springfield, IL 62704"), "555 0100")
BILL_TO = Party("Zoë Ångström", "Ångström Interiors AB", ("Storgatan 12", "114 55 Stockholm"))
SHIP_TO = Party("Paweł Wiśniewski", "Łódź Design Studio", ("ul. Piotrkowska 104", "90-006 Łódź"))
CARD = "4111111111111111"
PAGE = re.compile(r"Page (\d+) of (\d+)")


def make_lines(count: int, description: str = "Item") -> tuple[DocumentLine, ...]:
    """`count` lines with distinct SKUs, varied quantities, prices and discounts."""
    lines = []
    for index in range(1, count + 1):
        qty = 1 + index % 7
        price = to_money(Decimal(index * 37 % 1500) + Decimal("0.99"))
        discount = Decimal((0, 5, 12.5, 10)[index % 4])
        lines.append(
            DocumentLine(
                f"SKU{index:04d}", f"{description} {index}", qty, price, discount, line_amount(qty, price, discount)
            )
        )
    return tuple(lines)


def make_sale_order(lines: tuple[DocumentLine, ...], number: int = 5001, **changes: object) -> SaleOrderDocument:
    """A Sale Order over `lines` with totals from the money module."""
    discount = Decimal("5")
    totals = order_totals(((x.qty, x.price, x.discount) for x in lines), discount)
    values: dict[str, object] = dict(
        number=number,
        date=dt.date(2024, 5, 14),
        store_code="S03",
        store_name="Downtown",
        bill_to=BILL_TO,
        ship_to=SHIP_TO,
        lines=lines,
        subtotal=totals.subtotal,
        global_discount=discount,
        global_discount_amount=totals.global_discount_amount,
        total=totals.total,
        deposit=Decimal("250.00"),
        note="Special Order created automatically from Corporate Sale Order",
        corporate_order=1042,
        masked_card="**** 1111",
    )
    values.update(changes)
    return SaleOrderDocument(**values)  # type: ignore[arg-type]


def pages_text(pdf: bytes) -> list[str]:
    """The text of each page, whitespace collapsed to single spaces."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def row_text(line: DocumentLine, discount: bool = True) -> str:
    """How a line reads in the extracted text of the lines table."""
    cells = [line.sku, line.description, f"{line.qty:,}", format_money(line.price)]
    if discount:
        cells.append(format_percent(line.discount))
    return " ".join([*cells, format_money(line.amount)])


@pytest.fixture(scope="module")
def sale_order_renderer() -> SaleOrderRenderer:
    """One renderer for the module (fonts load once)."""
    return SaleOrderRenderer(COMPANY)


def test_sale_order_prints_every_line_totals_note_and_reference(sale_order_renderer: SaleOrderRenderer) -> None:
    lines = make_lines(5)
    order = make_sale_order(lines)
    pdf = sale_order_renderer.render(order)
    (text,) = pages_text(pdf)
    for line in lines:
        assert row_text(line) in text
    totals = order_totals(((x.qty, x.price, x.discount) for x in lines), Decimal("5"))
    assert totals.subtotal == sum((x.amount for x in lines), Decimal("0.00"))
    assert f"Subtotal {format_money(totals.subtotal)}" in text
    assert f"Discount (5%), shipping, rounding -{format_money(totals.global_discount_amount)}" in text
    assert f"Total {format_money(totals.total)}" in text
    assert f"Deposit {format_money(Decimal('250.00'))}" in text
    assert f"Balance due {format_money(totals.total - Decimal('250.00'))}" in text
    assert "Special Order created automatically from Corporate Sale Order" in text
    assert "Corporate Sale Order #1042" in text
    assert "Sale Order" in text and "SO-5001" in text and format_date(order.date) in text
    assert "S03 – Downtown" in text
    assert "Page 1 of 1" in text


def test_money_has_thousands_separators_and_two_decimals() -> None:
    assert format_money(Decimal("1234567.8")) == "1,234,567.80"
    assert format_money(Decimal("0")) == "0.00"
    assert format_percent(Decimal("12.50")) == "12.5"
    assert format_percent(Decimal("10")) == "10"


def test_three_hundred_lines_paginate_with_repeated_heading(sale_order_renderer: SaleOrderRenderer) -> None:
    lines = make_lines(300)
    pdf = sale_order_renderer.render(make_sale_order(lines))
    pages = pages_text(pdf)
    assert len(pages) >= 5
    count = len(pages)
    for number, text in enumerate(pages, start=1):
        assert "SKU Description Qty Price Disc % Amount" in text
        assert f"Page {number} of {count}" in text
    assert pages[-1].endswith(f"Page {count} of {count}")
    assert all("SO-5001 (continued)" in text for text in pages[1:])
    everything = " ".join(pages)
    for line in lines:
        assert row_text(line) in everything
    subtotal = sum((x.amount for x in lines), Decimal("0.00"))
    assert f"Subtotal {format_money(subtotal)}" in pages[-1]


def test_non_latin_names_extract_correctly(sale_order_renderer: SaleOrderRenderer) -> None:
    lines = (
        DocumentLine(
            "ÅSA-1",
            "Žluťoučký kůň, Łódź edition",
            2,
            Decimal("10.00"),
            Decimal("0"),
            line_amount(2, Decimal("10.00"), Decimal("0")),
        ),
    )
    (text,) = pages_text(sale_order_renderer.render(make_sale_order(lines)))
    for name in (
        "Zoë Ångström",
        "Ångström Interiors AB",
        "Paweł Wiśniewski",
        "Łódź Design Studio",
        "90-006 Łódź",
        "Žluťoučký kůň, Łódź edition",
        "ÅSA-1",
    ):
        assert name in text


def test_markup_characters_print_literally(sale_order_renderer: SaleOrderRenderer) -> None:
    party = Party("A & B <Trading>", "", ("1 <Main> Street & Co",))
    order = make_sale_order(make_lines(1), bill_to=party, note="Ring twice & wait <10 min>")
    (text,) = pages_text(sale_order_renderer.render(order))
    assert "A & B <Trading>" in text and "1 <Main> Street & Co" in text and "Ring twice & wait <10 min>" in text


def test_only_the_masked_card_is_printed(sale_order_renderer: SaleOrderRenderer) -> None:
    pdf = sale_order_renderer.render(make_sale_order(make_lines(3), masked_card="**** 1111"))
    (text,) = pages_text(pdf)
    assert "**** 1111" in text
    assert CARD not in text
    assert CARD.encode() not in pdf


def test_long_descriptions_and_skus_wrap(sale_order_renderer: SaleOrderRenderer) -> None:
    description = " ".join(f"word{n}" for n in range(120))
    lines = (
        DocumentLine("LONG-SKU-WITH-MANY-PARTS-0001", description, 3, Decimal("5.00"), Decimal("0"), Decimal("15.00")),
        DocumentLine("X1", "Line one\nLine two", 1, Decimal("1.00"), Decimal("0"), Decimal("1.00")),
    )
    pages = pages_text(sale_order_renderer.render(make_sale_order(lines)))
    everything = " ".join(pages)
    assert description in everything
    assert "Line one Line two" in everything
    assert "3 5.00 0 15.00" in everything


def test_render_many_restarts_page_numbers_per_document(sale_order_renderer: SaleOrderRenderer) -> None:
    orders = [
        make_sale_order(make_lines(4), number=6001),
        make_sale_order(make_lines(120), number=6002),
        make_sale_order(make_lines(2), number=6003),
    ]
    single = [len(pages_text(sale_order_renderer.render(order))) for order in orders]
    assert single[1] >= 2
    pages = pages_text(sale_order_renderer.render_many(orders))
    assert len(pages) == sum(single)
    found = [tuple(int(n) for n in PAGE.findall(text)[-1]) for text in pages]
    expected = [(page, count) for count in single for page in range(1, count + 1)]
    assert found == expected
    owners = [re.search(r"SO-(600\d)", text).group(1) for text in pages]  # type: ignore[union-attr]
    assert owners == [str(6001 + i) for i, count in enumerate(single) for _ in range(count)]


def test_purchase_order_shows_vendor_receiving_location_and_dates() -> None:
    lines = tuple(
        DocumentLine(
            f"P{n}",
            f"Part {n}",
            n * 3,
            Decimal("2.35") * n,
            Decimal("0"),
            line_amount(n * 3, Decimal("2.35") * n, Decimal("0")),
        )
        for n in range(1, 6)
    )
    total = sum((x.amount for x in lines), Decimal("0.00"))
    order = PurchaseOrderDocument(
        number=7001,
        date=dt.date(2024, 5, 14),
        vendor_code="V-NORD",
        vendor_name="Nordic Supply Oy",
        ship_to=Party("Warehouse W1", "Xmart", ("Dock 4",)),
        delivery_date=dt.date(2024, 6, 3),
        cancel_date=dt.date(2024, 6, 17),
        lines=lines,
        total=total,
        note="Pallets only",
    )
    (text,) = pages_text(PurchaseOrderRenderer(COMPANY).render(order))
    assert "Purchase Order" in text and "PO-7001" in text
    assert "Nordic Supply Oy" in text and "V-NORD" in text and "Warehouse W1" in text and "Dock 4" in text
    assert "DELIVER BY CANCEL IF NOT RECEIVED BY 2024-06-03 2024-06-17" in text
    assert "SKU Description Qty Unit cost Amount" in text
    for line in lines:
        assert row_text(line, discount=False) in text
    assert f"Total {format_money(total)}" in text
    assert "Pallets only" in text and "Page 1 of 1" in text


def test_confirmation_shows_salesman_channel_shipping_and_balance() -> None:
    lines = make_lines(4)
    shipping, deposit = Decimal("1249.50"), Decimal("100.00")
    totals = order_totals(((x.qty, x.price, x.discount) for x in lines), Decimal("10"), shipping)
    confirmation = ConfirmationDocument(
        number=1042,
        date=dt.date(2024, 5, 10),
        bill_to=BILL_TO,
        ship_to=SHIP_TO,
        lines=lines,
        subtotal=totals.subtotal,
        global_discount=Decimal("10"),
        global_discount_amount=totals.global_discount_amount,
        total=totals.total,
        deposit=deposit,
        masked_card="**** 1111",
        salesman="Mara Lindqvist",
        channel="Phone",
        shipping_method="Courier",
        shipping_cost=shipping,
        note="Gift wrap",
        custom_fields=(("Gift message", "Happy birthday, Ada!"), ("Delivery date", "2024-06-01")),
    )
    pdf = ConfirmationRenderer(COMPANY).render(confirmation)
    (text,) = pages_text(pdf)
    assert "Order Confirmation" in text and "CSO-1042" in text
    assert "Mara Lindqvist" in text and "Phone" in text and "Courier" in text and "**** 1111" in text
    for line in lines:
        assert row_text(line) in text
    assert f"Subtotal {format_money(totals.subtotal)}" in text
    assert f"Shipping (Courier) {format_money(shipping)}" in text
    assert "1,249.50" in text
    assert f"Order total {format_money(totals.total)}" in text  # money.order_totals: shipping included
    assert totals.total == totals.subtotal - totals.global_discount_amount + shipping
    assert f"Balance due {format_money(totals.total - deposit)}" in text
    assert "Gift wrap" in text and CARD.encode() not in pdf
    assert "GIFT MESSAGE" in text and "Happy birthday, Ada!" in text  # the custom order fields
    assert "DELIVERY DATE" in text and "2024-06-01" in text


def test_logo_is_drawn_when_the_file_exists(tmp_path: Path) -> None:
    from PIL import Image as PILImage

    logo = tmp_path / "logo.png"
    PILImage.new("RGB", (300, 100), (31, 58, 95)).save(logo)
    order = make_sale_order(make_lines(2))
    with_logo = SaleOrderRenderer(CompanyInfo("Logo Co", ("1 Road",), logo_path=str(logo))).render(order)
    page = PdfReader(io.BytesIO(with_logo)).pages[0]
    assert len(page.images) == 1
    missing = SaleOrderRenderer(CompanyInfo("Logo Co", ("1 Road",), logo_path=str(tmp_path / "none.png")))
    assert "Logo Co" in pages_text(missing.render(order))[0]


def test_render_many_needs_documents(sale_order_renderer: SaleOrderRenderer) -> None:
    with pytest.raises(ValueError):
        sale_order_renderer.render_many([])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=1, max_value=5000),
            st.decimals(min_value=0, max_value=99999, places=2),
            st.sampled_from([Decimal("0"), Decimal("5"), Decimal("12.5"), Decimal("100")]),
        ),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from([Decimal("0"), Decimal("2.5"), Decimal("15")]),
)
def test_printed_totals_are_the_money_module_totals(
    sale_order_renderer: SaleOrderRenderer, raw: list[tuple[int, Decimal, Decimal]], discount: Decimal
) -> None:
    lines = tuple(DocumentLine(f"H{i}", "Thing", q, p, d, line_amount(q, p, d)) for i, (q, p, d) in enumerate(raw))
    totals = order_totals(raw, discount)
    order = make_sale_order(
        lines,
        subtotal=totals.subtotal,
        global_discount=discount,
        global_discount_amount=totals.global_discount_amount,
        total=totals.total,
    )
    text = " ".join(pages_text(sale_order_renderer.render(order)))
    for line in lines:
        assert row_text(line) in text
    assert f"Subtotal {format_money(totals.subtotal)}" in text
    assert f"Total {format_money(totals.total)}" in text
