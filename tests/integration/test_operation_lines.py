"""Receiving and invoicing several SKUs at once (`receive_lines`, `invoice_lines`; what the client's dialogs
run): all or nothing, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from test_purchase_orders import TODAY, load, po, setup
from test_receiving_invoicing import on_hand, po_state

from xmart.errors import InputError
from xmart.models.db import UnitOfWork
from xmart.processes.invoicing import invoice_lines
from xmart.processes.receiving import receive_lines
from xmart.processes.views.operations import sale_order_lines


@pytest.fixture
def data(engine):
    setup(engine, pos=(po(6900, "V1", ("A100", 10, 0), ("B200", 4, 1)),))
    load(
        engine,
        {
            "stock": [
                {"location": "S01", "sku": "A100", "on_hand": 5},
                {"location": "S01", "sku": "B200", "on_hand": 1},
            ],
            "sale_orders": [
                {
                    "number": 4001,
                    "location": "S01",
                    "date": "2026-11-01",
                    "lines": [{"sku": "A100", "qty": 3}, {"sku": "B200", "qty": 2}],
                }
            ],
        },
    )
    return engine


def test_receive_lines_takes_every_sku_or_none(data):
    with (
        UnitOfWork(data) as uow,
        pytest.raises(InputError, match="only 3 units of B200 left to receive; cannot receive 4"),
    ):
        receive_lines(uow, 6900, {"A100": 6, "B200": 4})
    assert (
        po_state(data, 6900) == ("partially received", [("A100", 10, 0), ("B200", 4, 1)])
        and on_hand(data, "MAIN", "A100") is None
    )
    with UnitOfWork(data) as uow:
        result = receive_lines(uow, 6900, {"A100": 6, "B200": 3})
    assert (result.status, result.units) == ("partially received", 9)
    assert po_state(data, 6900) == ("partially received", [("A100", 10, 6), ("B200", 4, 4)])


def test_invoice_lines_is_one_invoice_or_nothing(data):
    with UnitOfWork(data) as uow, pytest.raises(InputError, match="Only 1 unit of B200 on hand at S01; cannot sell 2"):
        invoice_lines(uow, 4001, {"A100": 3, "B200": 2}, TODAY)
    assert on_hand(data, "S01", "A100") == 5
    with UnitOfWork(data) as uow:
        results = invoice_lines(uow, 4001, {"A100": 3, "B200": 1}, TODAY)
    assert [(r.number, r.sku, r.qty, r.so_status) for r in results] == [
        (1, "A100", 3, "partially sold"),
        (1, "B200", 1, "partially sold"),
    ]
    assert (on_hand(data, "S01", "A100"), on_hand(data, "S01", "B200")) == (2, 0)
    with UnitOfWork(data) as uow:
        assert [(ln.sku, ln.left) for ln in sale_order_lines(uow, 4001).lines] == [("A100", 0), ("B200", 1)]
