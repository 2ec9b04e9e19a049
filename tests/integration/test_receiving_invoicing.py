"""Receiving purchase orders and invoicing sale orders (DOMAIN.md sections 5 and 6), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select
from test_purchase_orders import TODAY, load, po, run_po, setup, so

from xmart.errors import InputError, NotFoundError
from xmart.models import (
    CorporateSaleOrder,
    Invoice,
    Item,
    Location,
    PurchaseOrder,
    SaleOrder,
    Stock,
)
from xmart.models.db import UnitOfWork
from xmart.processes import assign
from xmart.processes.invoicing import invoice
from xmart.processes.receiving import receive


def on_hand(engine, code: str, sku: str) -> int | None:
    """On hand of `sku` at location `code`, or None when there is no stock row."""
    with UnitOfWork(engine) as uow:
        return uow.session.scalar(
            select(Stock.on_hand)
            .join(Location, Location.id == Stock.location_id)
            .join(Item, Item.id == Stock.item_id)
            .where(Location.code == code, Item.sku == sku)
        )


def po_state(engine, number: int) -> tuple[str, list[tuple[str, int, int]]]:
    """A PO's status and its lines as (sku, qty, received)."""
    with UnitOfWork(engine) as uow:
        order = uow.session.scalar(select(PurchaseOrder).where(PurchaseOrder.number == number))
        return order.status, [(ln.item.sku, ln.qty, ln.received) for ln in order.lines]


def do_receive(engine, number: int, sku: str | None = None, qty: int | None = None):
    """Receive in a unit of work of its own."""
    with UnitOfWork(engine) as uow:
        return receive(uow, number, sku, qty)


def do_invoice(engine, number: int, sku: str, qty: int):
    """Invoice in a unit of work of its own."""
    with UnitOfWork(engine) as uow:
        return invoice(uow, number, sku, qty, today=TODAY)


@pytest.fixture
def two_line_po(engine):
    """PO 6900 at MAIN: A100 10 (none received), B200 4 (1 received); MAIN has 3 B200 and no A100 row."""
    setup(engine, pos=(po(6900, "V1", ("A100", 10, 0), ("B200", 4, 1)),))
    load(engine, {"stock": [{"location": "MAIN", "sku": "B200", "on_hand": 3}]})
    return engine


def test_receiving_a_whole_po_receives_what_remains_and_raises_on_hand(two_line_po):
    result = do_receive(two_line_po, 6900)
    assert (result.status, result.location, result.units) == ("received", "MAIN", 13)
    assert [(ln.sku, ln.qty, ln.received, ln.ordered) for ln in result.lines] == [
        ("A100", 10, 10, 10),
        ("B200", 3, 4, 4),
    ]
    assert po_state(two_line_po, 6900) == ("received", [("A100", 10, 10), ("B200", 4, 4)])
    assert on_hand(two_line_po, "MAIN", "A100") == 10  # stock row created
    assert on_hand(two_line_po, "MAIN", "B200") == 6


def test_receiving_part_of_a_line_goes_open_partially_received_received(two_line_po):
    assert po_state(two_line_po, 6900)[0] == "partially received"  # imported with 1 of 4 B200 received
    assert do_receive(two_line_po, 6900, "A100", 4).status == "partially received"
    assert do_receive(two_line_po, 6900, "A100", 6).status == "partially received"
    assert on_hand(two_line_po, "MAIN", "A100") == 10
    assert do_receive(two_line_po, 6900, "B200", 3).status == "received"
    assert po_state(two_line_po, 6900) == ("received", [("A100", 10, 10), ("B200", 4, 4)])


def test_over_receiving_is_refused_naming_po_sku_and_what_remains(two_line_po):
    do_receive(two_line_po, 6900, "A100", 8)
    with pytest.raises(InputError, match="PO 6900 has only 2 units of A100 left to receive; cannot receive 3"):
        do_receive(two_line_po, 6900, "A100", 3)
    assert po_state(two_line_po, 6900)[1][0] == ("A100", 10, 8)
    assert on_hand(two_line_po, "MAIN", "A100") == 8


@pytest.mark.parametrize(
    ("sku", "qty", "error", "message"),
    [
        ("A100", None, InputError, "Give both the SKU and the quantity"),
        (None, 3, InputError, "Give both the SKU and the quantity"),
        ("A100", 0, InputError, "must be at least 1"),
        ("D400", 1, NotFoundError, "PO 6900 has no line with SKU D400"),
    ],
)
def test_bad_receiving_requests_are_refused(two_line_po, sku, qty, error, message):
    with pytest.raises(error, match=message):
        do_receive(two_line_po, 6900, sku, qty)
    assert po_state(two_line_po, 6900)[0] == "partially received"  # as imported: unchanged


def test_cancelled_received_and_unknown_pos_are_refused(engine):
    setup(
        engine,
        pos=(po(6900, "V1", ("A100", 1, 0), status="cancelled"), po(6901, "V1", ("A100", 1, 1), status="received")),
    )
    with pytest.raises(InputError, match="PO 6900 is cancelled"):
        do_receive(engine, 6900)
    with pytest.raises(InputError, match="PO 6901 is already received in full"):
        do_receive(engine, 6901)
    with pytest.raises(NotFoundError, match="Purchase order 6999 does not exist"):
        do_receive(engine, 6999)
    assert on_hand(engine, "MAIN", "A100") is None


def test_received_units_arrive_at_the_pos_own_location(engine):
    setup(engine, pos=(po(6900, "V1", ("A100", 5, 0), location="WH2"),))
    assert do_receive(engine, 6900).location == "WH2"
    assert on_hand(engine, "WH2", "A100") == 5 and on_hand(engine, "MAIN", "A100") is None


@pytest.fixture
def sale_order(engine):
    """CSO 1001 (A100 5, B200 2) all assigned to S01 on SO 5001 (A100 3 + 2 on two lines, B200 2); S01 has stock."""
    setup(
        engine,
        {
            "number": 1001,
            "date": "2026-11-02",
            "status": "assigned",
            "billing_customer": "C001",
            "lines": [{"sku": "A100", "qty": 5}, {"sku": "B200", "qty": 2}],
        },
        sos=(
            {
                "number": 5001,
                "location": "S01",
                "date": "2026-11-10",
                "corporate_order": 1001,
                "lines": [
                    {"sku": "A100", "qty": 3, "cso_line": 1, "price": "19.99"},
                    {"sku": "B200", "qty": 2, "cso_line": 2},
                    {"sku": "A100", "qty": 2, "cso_line": 1, "price": "18.00"},
                ],
            },
        ),
    )
    load(
        engine,
        {
            "stock": [
                {"location": "S01", "sku": "A100", "on_hand": 10},
                {"location": "S01", "sku": "B200", "on_hand": 2},
            ]
        },
    )
    return engine


def statuses(engine) -> tuple[str, str, list[int]]:
    """SO 5001's status, CSO 1001's status and the sold figures of SO 5001's lines."""
    with UnitOfWork(engine) as uow:
        order = uow.session.scalar(select(SaleOrder).where(SaleOrder.number == 5001))
        cso_status = uow.session.scalar(select(CorporateSaleOrder.status).where(CorporateSaleOrder.number == 1001))
        return order.status, cso_status, [ln.sold for ln in order.lines]


def test_invoicing_sells_lines_in_order_lowers_on_hand_and_records_the_invoice(sale_order):
    result = do_invoice(sale_order, 5001, "A100", 4)
    assert (result.number, result.location, result.so_status, result.on_hand) == (1, "S01", "partially sold", 6)
    assert statuses(sale_order) == ("partially sold", "assigned", [3, 0, 1])
    assert on_hand(sale_order, "S01", "A100") == 6
    with UnitOfWork(sale_order) as uow:
        record = uow.session.scalar(select(Invoice))
        assert (record.number, record.date, record.location.code) == (1, TODAY, "S01")
        assert [(ln.qty, ln.price, ln.item_id == ln.so_line.item_id) for ln in record.lines] == [
            (3, Decimal("19.99"), True),
            (1, Decimal("18.00"), True),
        ]
    assert do_invoice(sale_order, 5001, "A100", 1).number == 2


def test_selling_every_unit_makes_the_so_sold_and_the_cso_completed(sale_order):
    do_invoice(sale_order, 5001, "A100", 5)
    assert statuses(sale_order) == ("partially sold", "assigned", [3, 0, 2])
    result = do_invoice(sale_order, 5001, "B200", 2)
    assert (result.so_status, result.cso_status) == ("sold", "completed")
    assert statuses(sale_order) == ("sold", "completed", [3, 2, 2])
    assert on_hand(sale_order, "S01", "B200") == 0


def test_over_selling_is_refused_with_what_is_left(sale_order):
    do_invoice(sale_order, 5001, "A100", 3)
    with pytest.raises(InputError, match="SO 5001 has only 2 units of A100 left to sell; cannot sell 3"):
        do_invoice(sale_order, 5001, "A100", 3)
    assert statuses(sale_order)[2] == [3, 0, 0] and on_hand(sale_order, "S01", "A100") == 7


def test_selling_more_than_on_hand_is_refused(sale_order):
    load(sale_order, {"stock": [{"location": "S01", "sku": "A100", "on_hand": 1}]})
    with pytest.raises(InputError, match="Only 1 unit of A100 on hand at S01; cannot sell 2"):
        do_invoice(sale_order, 5001, "A100", 2)
    assert statuses(sale_order) == ("open", "assigned", [0, 0, 0])


def test_cancelled_unknown_and_wrong_sku_are_refused(engine):
    setup(
        engine,
        {
            "number": 1001,
            "date": "2026-11-02",
            "status": "partially assigned",
            "billing_customer": "C001",
            "lines": [{"sku": "A100", "qty": 5}],
        },
        sos=(so(5001, 1001, ("A100", 2, 1), status="cancelled"), so(5002, 1001, ("A100", 2, 1))),
    )
    load(engine, {"stock": [{"location": "S01", "sku": "A100", "on_hand": 10}]})
    with pytest.raises(InputError, match="SO 5001 is cancelled"):
        do_invoice(engine, 5001, "A100", 1)
    with pytest.raises(NotFoundError, match="Sale order 5999 does not exist"):
        do_invoice(engine, 5999, "A100", 1)
    with pytest.raises(NotFoundError, match="SO 5002 has no line with SKU B200"):
        do_invoice(engine, 5002, "B200", 1)
    with pytest.raises(InputError, match="at least 1"):
        do_invoice(engine, 5002, "A100", 0)
    assert on_hand(engine, "S01", "A100") == 10


def test_received_po_stock_can_be_sold_on_a_main_sale_order(engine):
    setup(
        engine,
        {
            "number": 1001,
            "date": "2026-11-02",
            "status": "open",
            "billing_customer": "C001",
            "lines": [{"sku": "A100", "qty": 2}],
        },
    )
    run_po(engine)
    do_receive(engine, 7001)
    load(engine, {"sale_orders": [so(5001, 1001, ("A100", 2, 1), location="MAIN")]})
    with UnitOfWork(engine) as uow:  # what Assign would have set
        uow.session.scalar(select(CorporateSaleOrder)).status = "assigned"
        uow.commit()
    result = do_invoice(engine, 5001, "A100", 2)
    assert (result.on_hand, result.cso_status) == (0, "completed")
    assert isinstance(result.date, dt.date)


def test_end_to_end_cso_purchase_orders_receive_assign_invoice(engine):
    from xmart.processes.selection import CsoRange

    def run_assign():
        params = assign.AssignParams(range=CsoRange.by_number(1000, 1999), stores=("MAIN", "S01"), today=TODAY)
        with UnitOfWork(engine) as uow:
            return assign.assign_orders(params, uow)

    setup(
        engine,
        {
            "number": 1001,
            "date": "2026-11-02",
            "status": "open",
            "billing_customer": "C001",
            "lines": [{"sku": "A100", "qty": 5}, {"sku": "B200", "qty": 2}, {"sku": "C300", "qty": 1}],
        },
        {
            "number": 1002,
            "date": "2026-11-03",
            "status": "open",
            "billing_customer": "C001",
            "lines": [{"sku": "D400", "qty": 3}],
        },
    )
    ordered = run_po(engine)
    assert [(p.number, p.vendor, [(ln.sku, ln.qty) for ln in p.lines]) for p in ordered.purchase_orders] == [
        (7001, "V1", [("A100", 5), ("B200", 2)]),
        (7002, "V2", [("D400", 3)]),
    ]
    assert ordered.skipped_no_vendor == ("C300",)

    do_receive(engine, 7001)
    do_receive(engine, 7002, "D400", 2)
    assert (on_hand(engine, "MAIN", "A100"), on_hand(engine, "MAIN", "D400")) == (5, 2)

    first = run_assign()
    assert sorted((s.store, ln.sku, ln.qty) for s in first.sale_orders for ln in s.lines) == [
        ("MAIN", "A100", 5),
        ("MAIN", "B200", 2),
        ("MAIN", "D400", 2),
    ]
    again = run_po(engine)  # assigning after the POs never orders the same units again
    assert again.purchase_orders == () and again.covered_by_existing == ()

    so_of = {s.corporate_order: s.number for s in first.sale_orders}
    do_invoice(engine, so_of[1001], "A100", 5)
    result = do_invoice(engine, so_of[1001], "B200", 2)
    assert (result.so_status, result.cso_status) == ("sold", "partially assigned")  # C300 is still unassigned
    assert on_hand(engine, "MAIN", "A100") == 0

    do_receive(engine, 7002)
    second = run_assign()
    assert [(s.corporate_order, s.store, [(ln.sku, ln.qty) for ln in s.lines]) for s in second.sale_orders] == [
        (1002, "MAIN", [("D400", 1)])
    ]
    do_invoice(engine, so_of[1002], "D400", 2)
    result = do_invoice(engine, second.sale_orders[0].number, "D400", 1)
    assert (result.so_status, result.cso_status, result.on_hand) == ("sold", "completed", 0)
    assert po_state(engine, 7002)[0] == "received"
