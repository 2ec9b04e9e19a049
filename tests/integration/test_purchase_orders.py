"""Automatic Purchase Orders (DOMAIN.md section 5 and the PO notes of the XpertMart seed), on SQLite and PostgreSQL.

The document builders at the top are shared by the other purchasing tests of this folder.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from xmart.errors import Cancelled, InputError
from xmart.models import CsoLine, PoCoverage, PurchaseOrder, PurchaseOrderLine, SaleOrder
from xmart.models.db import UnitOfWork
from xmart.processes.fulfilment import covered_by_line
from xmart.processes.importer import import_document
from xmart.processes.purchase_orders import PurchaseOrderParams, PurchaseOrderResult, generate_purchase_orders
from xmart.processes.selection import PROCESS_LOCK, CsoRange
from xmart.processes.settings import set_setting

TODAY = dt.date(2026, 11, 21)
DELIVERY = dt.date(2026, 12, 1)
CANCEL = dt.date(2026, 12, 15)


def base_doc() -> dict:
    """Locations, vendors V1/V2, items A100 and B200 (V1), D400 (V2), C300 (no vendor), customer C001."""
    return {
        "locations": [
            {"code": "MAIN", "name": "Main warehouse", "kind": "warehouse"},
            {"code": "S01", "name": "Downtown", "kind": "store"},
            {"code": "WH2", "name": "Second warehouse", "kind": "warehouse"},
        ],
        "vendors": [{"code": "V2", "name": "Beta Goods"}, {"code": "V1", "name": "Acme Supply"}],
        "items": [
            {"sku": "A100", "description": "Blue mug", "price": "19.99", "cost": "8.00", "vendor": "V1"},
            {"sku": "B200", "description": "Red bowl", "price": "9.50", "cost": "4.00", "vendor": "V1"},
            {"sku": "D400", "description": "Tea towel", "price": "5.00", "cost": "2.35", "vendor": "V2"},
            {"sku": "C300", "description": "Hand-made vase", "price": "45.00", "cost": "20.00"},
        ],
        "customers": [{"number": "C001", "name": "Ada Lovelace"}],
    }


def cso(number: int, *lines: tuple[str, int], date: str = "2026-11-02", status: str = "open") -> dict:
    """A CSO record with (sku, qty) lines."""
    return {
        "number": number,
        "date": date,
        "status": status,
        "billing_customer": "C001",
        "lines": [{"sku": sku, "qty": qty} for sku, qty in lines],
    }


def po(number: int, vendor: str, *lines: tuple[str, int, int], status: str = "open", location: str = "MAIN") -> dict:
    """A PO record with (sku, qty, received) lines."""
    return {
        "number": number,
        "vendor": vendor,
        "date": "2026-10-20",
        "location": location,
        "status": status,
        "lines": [{"sku": sku, "qty": qty, "received": received} for sku, qty, received in lines],
    }


def so(
    number: int,
    corporate_order: int,
    *lines: tuple[str, int, int],
    location: str = "S01",
    status: str = "open",
    sold: int = 0,
) -> dict:
    """An SO of a CSO with (sku, qty, cso line number) lines: the state the Assign process leaves."""
    return {
        "number": number,
        "location": location,
        "date": "2026-11-10",
        "status": status,
        "corporate_order": corporate_order,
        "lines": [{"sku": sku, "qty": qty, "cso_line": line, "sold": sold} for sku, qty, line in lines],
    }


def load(engine, doc: dict) -> None:
    """Import a document in one transaction."""
    with UnitOfWork(engine) as uow:
        import_document(uow, doc)


def setup(engine, *csos: dict, pos: tuple[dict, ...] = (), sos: tuple[dict, ...] = ()) -> None:
    """Load the base data with these CSOs, POs and SOs."""
    load(
        engine,
        base_doc() | {"corporate_sale_orders": list(csos), "purchase_orders": list(pos), "sale_orders": list(sos)},
    )


def run_po(engine, first: int = 1000, last: int = 1999, **kwargs) -> PurchaseOrderResult:
    """One run of the process over a CSO number range, under the process lock."""
    options = {"delivery": DELIVERY, "cancel": CANCEL, "today": TODAY} | kwargs
    rng = options.pop("range", None) or CsoRange.by_number(first, last)
    with UnitOfWork(engine) as uow:
        return generate_purchase_orders(PurchaseOrderParams(range=rng, **options), uow)


def coverage_rows(engine) -> list[tuple[int, int, int, int]]:
    """(PO number, PO line number, CSO line id, qty) of every coverage row."""
    with UnitOfWork(engine) as uow:
        return [
            tuple(r)
            for r in uow.session.execute(
                select(PurchaseOrder.number, PurchaseOrderLine.line_no, PoCoverage.cso_line_id, PoCoverage.qty)
                .join(PurchaseOrderLine, PurchaseOrderLine.id == PoCoverage.po_line_id)
                .join(PurchaseOrder, PurchaseOrder.id == PurchaseOrderLine.po_id)
                .order_by(PurchaseOrder.number, PurchaseOrderLine.line_no, PoCoverage.cso_line_id)
            )
        ]


def count(engine, model) -> int:
    """Rows of a table."""
    with UnitOfWork(engine) as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


def set_po_status(engine, number: int, status: str) -> None:
    """Change a PO's status directly (what cancelling a PO in the client does)."""
    with UnitOfWork(engine) as uow:
        uow.session.scalar(select(PurchaseOrder).where(PurchaseOrder.number == number)).status = status
        uow.commit()


EXPECTED = {
    "purchase_orders": [
        {
            "number": 7001,
            "vendor": "V1",
            "delivery": "2026-12-01",
            "cancel": "2026-12-15",
            "lines": [
                {
                    "sku": "A100",
                    "qty": 10,
                    "cost": "8.00",
                    "covers": [{"corporate_order": 1001, "qty": 6}, {"corporate_order": 1002, "qty": 4}],
                },
                {"sku": "B200", "qty": 2, "cost": "4.00", "covers": [{"corporate_order": 1001, "qty": 2}]},
            ],
        },
        {
            "number": 7002,
            "vendor": "V2",
            "delivery": "2026-12-01",
            "cancel": "2026-12-15",
            "lines": [{"sku": "D400", "qty": 3, "cost": "2.35", "covers": [{"corporate_order": 1002, "qty": 3}]}],
        },
    ],
    "covered_by_existing": [],
    "skipped_no_vendor": ["C300"],
}


def test_orders_every_unassigned_unit_one_po_per_vendor_at_cost(engine):
    setup(engine, cso(1001, ("A100", 6), ("B200", 2)), cso(1002, ("D400", 3), ("A100", 4), ("C300", 1)))
    result = run_po(engine)
    assert result.to_json() == EXPECTED
    with UnitOfWork(engine) as uow:
        orders = uow.session.scalars(select(PurchaseOrder).order_by(PurchaseOrder.number)).all()
        assert [
            (o.number, o.vendor.code, o.location.code, o.date, o.delivery_date, o.cancel_date, o.status) for o in orders
        ] == [
            (7001, "V1", "MAIN", TODAY, DELIVERY, CANCEL, "open"),
            (7002, "V2", "MAIN", TODAY, DELIVERY, CANCEL, "open"),
        ]
        lines = [(ln.item.sku, ln.qty, ln.received, ln.cost) for o in orders for ln in o.lines]
        assert lines == [
            ("A100", 10, 0, Decimal("8.00")),
            ("B200", 2, 0, Decimal("4.00")),
            ("D400", 3, 0, Decimal("2.35")),
        ]
    # one coverage row per CSO line: A100 of 1001 and 1002, B200, D400
    assert sorted(q for *_, q in coverage_rows(engine)) == [2, 3, 4, 6]


def test_a_csos_two_lines_of_one_item_make_one_po_line_with_a_coverage_row_each(engine):
    setup(engine, cso(1001, ("A100", 2), ("B200", 1), ("A100", 3)))
    result = run_po(engine).to_json()
    assert result["purchase_orders"][0]["lines"][0] == {
        "sku": "A100",
        "qty": 5,
        "cost": "8.00",
        "covers": [{"corporate_order": 1001, "qty": 5}],
    }
    assert [(n, ln, q) for n, ln, _, q in coverage_rows(engine)] == [(7001, 1, 2), (7001, 1, 3), (7001, 2, 1)]


def test_need_subtracts_assigned_units_but_not_those_on_cancelled_sale_orders(engine):
    setup(
        engine,
        cso(1001, ("A100", 10), ("B200", 5), status="partially assigned"),
        sos=(so(5001, 1001, ("A100", 4, 1)), so(5002, 1001, ("B200", 5, 2), status="cancelled")),
    )
    lines = run_po(engine).to_json()["purchase_orders"][0]["lines"]
    assert [(ln["sku"], ln["qty"]) for ln in lines] == [("A100", 6), ("B200", 5)]


def test_need_subtracts_units_covered_on_pos_that_are_not_cancelled(engine):
    setup(engine, cso(1001, ("A100", 10)))
    first = run_po(engine, today=TODAY)
    assert first.to_json()["purchase_orders"][0]["lines"][0]["qty"] == 10
    with UnitOfWork(engine) as uow:  # the clerk raises the order to 14 units
        line = uow.session.scalar(select(PurchaseOrderLine).where(PurchaseOrderLine.qty == 10))
        cso_line = uow.session.scalar(select(PoCoverage).where(PoCoverage.po_line_id == line.id)).cso_line
        cso_line.qty = 14
        uow.commit()
    second = run_po(engine).to_json()
    assert [(p["number"], p["lines"][0]["qty"]) for p in second["purchase_orders"]] == [(7002, 4)]


def test_coverage_on_cancelled_pos_does_not_count(engine):
    setup(engine, cso(1001, ("A100", 10)))
    run_po(engine)
    set_po_status(engine, 7001, "cancelled")
    second = run_po(engine).to_json()
    assert [(p["number"], p["lines"][0]["qty"]) for p in second["purchase_orders"]] == [(7002, 10)]
    assert second["covered_by_existing"] == []  # the cancelled PO's units are not offered either


def test_merchandise_already_on_order_is_used_first_in_po_number_order(engine):
    setup(
        engine,
        cso(1001, ("A100", 5)),
        cso(1002, ("A100", 4)),
        pos=(
            po(6902, "V1", ("A100", 3, 0)),
            po(6900, "V1", ("B200", 1, 0), ("A100", 3, 0)),
            po(6901, "V2", ("D400", 9, 0)),
        ),
    )
    result = run_po(engine).to_json()
    assert result["covered_by_existing"] == [
        {"corporate_order": 1001, "sku": "A100", "po": 6900, "qty": 3},
        {"corporate_order": 1001, "sku": "A100", "po": 6902, "qty": 2},
        {"corporate_order": 1002, "sku": "A100", "po": 6902, "qty": 1},
    ]
    assert [(p["number"], p["lines"]) for p in result["purchase_orders"]] == [
        (7001, [{"sku": "A100", "qty": 3, "cost": "8.00", "covers": [{"corporate_order": 1002, "qty": 3}]}])
    ]
    covered = [(n, ln, q) for n, ln, _, q in coverage_rows(engine)]
    assert covered == [(6900, 2, 3), (6902, 1, 2), (6902, 1, 1), (7001, 1, 3)]


def test_received_units_and_units_covered_for_other_orders_are_not_free(engine):
    setup(
        engine,
        cso(999, ("A100", 2)),
        cso(1001, ("A100", 6)),
        pos=(po(6900, "V1", ("A100", 10, 7), status="partially received"),),
    )
    run_po(engine, 999, 999)  # order 999 takes 2 of the 3 units not yet received
    result = run_po(engine, 1001, 1001).to_json()
    assert result["covered_by_existing"] == [{"corporate_order": 1001, "sku": "A100", "po": 6900, "qty": 1}]
    assert result["purchase_orders"][0]["lines"][0]["qty"] == 5


def test_cancelled_and_received_pos_are_not_merchandise_on_order(engine):
    setup(
        engine,
        cso(1001, ("A100", 4)),
        pos=(po(6900, "V1", ("A100", 5, 0), status="cancelled"), po(6901, "V1", ("A100", 5, 5), status="received")),
    )
    result = run_po(engine).to_json()
    assert result["covered_by_existing"] == []
    assert result["purchase_orders"][0]["lines"][0]["qty"] == 4


def test_more_coverage_of_the_same_po_line_raises_its_row_instead_of_adding_one(engine):
    setup(engine, cso(1001, ("A100", 5)), pos=(po(6900, "V1", ("A100", 10, 0)),))
    run_po(engine)
    with UnitOfWork(engine) as uow:
        row = uow.session.scalar(select(PoCoverage))
        row.cso_line.qty = 8
        uow.commit()
    result = run_po(engine).to_json()
    assert result["covered_by_existing"] == [{"corporate_order": 1001, "sku": "A100", "po": 6900, "qty": 3}]
    assert result["purchase_orders"] == []
    assert [(n, q) for n, _, _, q in coverage_rows(engine)] == [(6900, 8)]


def test_items_without_vendor_are_reported_once_and_skipped(engine):
    setup(engine, cso(1001, ("C300", 1), ("A100", 1)), cso(1002, ("C300", 2)))
    result = run_po(engine)
    assert result.skipped_no_vendor == ("C300",)
    assert [ln.sku for p in result.purchase_orders for ln in p.lines] == ["A100"]


def test_items_without_vendor_still_use_what_is_already_on_order(engine):
    setup(engine, cso(1001, ("C300", 3)), pos=(po(6900, "V1", ("C300", 2, 0)),))
    result = run_po(engine).to_json()
    assert result["covered_by_existing"] == [{"corporate_order": 1001, "sku": "C300", "po": 6900, "qty": 2}]
    assert result["skipped_no_vendor"] == ["C300"] and result["purchase_orders"] == []


def test_pos_ship_to_the_receiving_location_setting(engine):
    setup(engine, cso(1001, ("A100", 1)))
    with UnitOfWork(engine) as uow:
        set_setting(uow.session, "receiving_location", "WH2")
        uow.commit()
    result = run_po(engine)
    assert result.purchase_orders[0].location == "WH2"
    with UnitOfWork(engine) as uow:
        assert uow.session.scalar(select(PurchaseOrder)).location.code == "WH2"


def test_a_missing_receiving_location_is_refused_and_nothing_is_written(engine):
    setup(engine, cso(1001, ("A100", 1)))
    with UnitOfWork(engine) as uow:
        set_setting(uow.session, "receiving_location", "NOPE")
        uow.commit()
    with pytest.raises(InputError, match="receiving location 'NOPE' does not exist"):
        run_po(engine)
    assert count(engine, PurchaseOrder) == 0


def test_a_second_run_over_the_same_selection_creates_nothing(engine):
    setup(
        engine,
        cso(1001, ("A100", 6), ("B200", 2)),
        cso(1002, ("D400", 3), ("A100", 4), ("C300", 1)),
        pos=(po(6900, "V1", ("B200", 1, 0)),),
    )
    run_po(engine)
    rows = coverage_rows(engine)
    again = run_po(engine)
    assert again.purchase_orders == () and again.covered_by_existing == ()
    assert coverage_rows(engine) == rows and count(engine, PurchaseOrder) == 3


def test_only_open_and_partially_assigned_csos_in_the_range_take_part(engine):
    setup(
        engine,
        cso(1001, ("A100", 1)),
        cso(1002, ("A100", 2), status="draft"),
        cso(1003, ("A100", 4), status="on hold"),
        cso(1004, ("A100", 8), status="cancelled"),
        cso(1005, ("A100", 16), date="2026-11-20"),
    )
    by_number = run_po(engine, 1001, 1004, dry_run=True)
    assert [c.corporate_order for c in by_number.purchase_orders[0].lines[0].covers] == [1001]
    by_date = run_po(engine, range=CsoRange.by_date(dt.date(2026, 11, 3), dt.date(2026, 11, 30)))
    assert [(c.corporate_order, c.qty) for c in by_date.purchase_orders[0].lines[0].covers] == [(1005, 16)]


def test_pos_before_assign_then_assign_never_orders_the_same_units_again(engine):
    setup(engine, cso(1001, ("A100", 10)))
    run_po(engine)  # all 10 units on PO 7001
    # then Assign puts 4 of them on a store's SO (merchandise that was in stock after all)
    load(engine, {"sale_orders": [so(5001, 1001, ("A100", 4, 1))]})
    again = run_po(engine)
    assert again.purchase_orders == () and again.covered_by_existing == ()
    assert count(engine, PurchaseOrder) == 1


def test_assign_first_then_pos_only_for_the_unassigned_remainder(engine):
    setup(
        engine,
        cso(1001, ("A100", 10), ("B200", 3), status="partially assigned"),
        sos=(so(5001, 1001, ("A100", 7, 1), ("B200", 3, 2)),),
    )
    result = run_po(engine).to_json()
    assert [(ln["sku"], ln["qty"]) for p in result["purchase_orders"] for ln in p["lines"]] == [("A100", 3)]


def test_cancel_before_delivery_is_refused_before_touching_the_database(engine):
    setup(engine, cso(1001, ("A100", 1)))
    with pytest.raises(InputError, match=r"The cancel date \(2026-11-30\) is before the delivery date \(2026-12-01\)"):
        run_po(engine, cancel=dt.date(2026, 11, 30))
    assert count(engine, PurchaseOrder) == 0


def test_the_process_takes_the_process_lock_itself(engine):
    setup(engine, cso(1001, ("A100", 1)))
    params = PurchaseOrderParams(range=CsoRange.by_number(1, 9999), delivery=DELIVERY, cancel=CANCEL)
    held: list[bool] = []
    with UnitOfWork(engine) as uow:
        generate_purchase_orders(params, uow, progress=lambda *_: held.append(uow.holds(PROCESS_LOCK)))
        assert not uow.holds(PROCESS_LOCK)  # released with the commit
    assert held == [True]


def test_dry_run_writes_nothing_and_gives_the_same_result_as_the_real_run(engine):
    setup(
        engine,
        cso(1001, ("A100", 6), ("B200", 2)),
        cso(1002, ("D400", 3), ("A100", 4), ("C300", 1)),
        pos=(po(6900, "V1", ("B200", 1, 0)),),
    )
    dry = run_po(engine, dry_run=True)
    assert dry.dry_run
    assert count(engine, PurchaseOrder) == 1 and count(engine, PoCoverage) == 0
    real = run_po(engine)
    assert dry.to_json() == real.to_json()
    assert count(engine, PurchaseOrder) == 3 and count(engine, PoCoverage) == 5


def test_progress_is_reported_per_cso_and_cancelling_writes_nothing(engine):
    setup(
        engine,
        cso(1001, ("A100", 1)),
        cso(1002, ("A100", 1)),
        cso(1003, ("B200", 1)),
        pos=(po(6900, "V1", ("A100", 1, 0)),),
    )
    seen: list[tuple[int, int, str]] = []

    def cancel_after_two() -> bool:
        return len(seen) >= 2

    params = PurchaseOrderParams(range=CsoRange.by_number(1, 9999), delivery=DELIVERY, cancel=CANCEL)
    with UnitOfWork(engine) as uow, pytest.raises(Cancelled, match="nothing was written"):
        generate_purchase_orders(params, uow, progress=lambda *a: seen.append(a), cancelled=cancel_after_two)
    assert seen == [(1, 3, "Corporate sale order 1001"), (2, 3, "Corporate sale order 1002")]
    assert count(engine, PurchaseOrder) == 1 and count(engine, PoCoverage) == 0


def test_fulfilment_figures_show_the_coverage(engine):
    setup(engine, cso(1001, ("A100", 6)), pos=(po(6900, "V1", ("A100", 2, 0)),))
    run_po(engine)
    with UnitOfWork(engine) as uow:
        line_id = uow.session.scalar(select(CsoLine.id))
        assert covered_by_line(uow.session, [line_id]) == {line_id: 6}
        assert uow.session.scalar(select(func.count()).select_from(SaleOrder)) == 0
