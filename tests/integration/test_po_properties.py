"""Property-based tests of the Purchase Orders invariants (DOMAIN.md section 5), on SQLite.

For random orders, assignments and POs already on order: coverage never exceeds what a PO line can
give, a CSO line is never covered beyond its need (need is never negative), everything a vendor
can supply gets covered, the dry run equals the real run, and a second run creates nothing.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from test_purchase_orders import base_doc, load, run_po

from xmart.models import CorporateSaleOrder, CsoLine, Item, PoCoverage, PoStatus, PurchaseOrder
from xmart.models.db import UnitOfWork, make_engine
from xmart.processes.fulfilment import assigned_by_line, covered_by_line

SKUS = ("A100", "B200", "C300", "D400")  # C300 has no vendor

cso_lines = st.lists(
    st.tuples(st.sampled_from(SKUS), st.integers(1, 9), st.integers(0, 9), st.booleans()), min_size=1, max_size=3
)
"""(sku, qty, units assigned (capped at qty), whether that SO is cancelled)."""

po_lines = st.lists(st.tuples(st.sampled_from(SKUS), st.integers(1, 9), st.integers(0, 9)), min_size=1, max_size=2)
"""(sku, qty, units received (capped at qty))."""

existing_pos = st.lists(st.tuples(st.sampled_from([s.value for s in PoStatus]), po_lines), max_size=3)


def document(orders, pos) -> dict:
    """An import document with the generated CSOs, their SOs and the POs on order."""
    csos, sos = [], []
    for i, lines in enumerate(orders):
        so_lines = [
            {"sku": sku, "qty": min(assigned, qty), "cso_line": n, "cancelled": cancelled}
            for n, (sku, qty, assigned, cancelled) in enumerate(lines, start=1)
            if min(assigned, qty) > 0
        ]
        csos.append(
            {
                "number": 1001 + i,
                "date": "2026-11-02",
                "billing_customer": "C001",
                "status": "partially assigned" if so_lines else "open",
                "lines": [{"sku": sku, "qty": qty} for sku, qty, _, _ in lines],
            }
        )
        for cancelled in (False, True):
            chosen = [
                {k: v for k, v in line.items() if k != "cancelled"}
                for line in so_lines
                if line["cancelled"] == cancelled
            ]
            if chosen:
                sos.append(
                    {
                        "number": 5000 + 2 * i + cancelled,
                        "location": "S01",
                        "date": "2026-11-10",
                        "status": "cancelled" if cancelled else "open",
                        "corporate_order": 1001 + i,
                        "lines": chosen,
                    }
                )
    purchase = [
        {
            "number": 6900 + i,
            "vendor": "V1",
            "date": "2026-10-20",
            "location": "MAIN",
            "status": status,
            "lines": [{"sku": sku, "qty": qty, "received": min(received, qty)} for sku, qty, received in lines],
        }
        for i, (status, lines) in enumerate(pos)
    ]
    return base_doc() | {"corporate_sale_orders": csos, "sale_orders": sos, "purchase_orders": purchase}


def figures(engine) -> dict[int, tuple[int, int, int, bool]]:
    """Per CSO line id: (qty, assigned, covered, item has a vendor)."""
    with UnitOfWork(engine) as uow:
        rows = uow.session.execute(select(CsoLine.id, CsoLine.qty, Item.vendor_id).join(Item)).all()
        ids = [r.id for r in rows]
        assigned = assigned_by_line(uow.session, ids)
        covered = covered_by_line(uow.session, ids)
        return {
            r.id: (
                r.qty,
                sum(a for a, _ in assigned.get(r.id, {}).values()),
                covered.get(r.id, 0),
                r.vendor_id is not None,
            )
            for r in rows
        }


def check_po_lines(engine) -> None:
    """No PO line is covered beyond what it can give; new lines are covered exactly."""
    with UnitOfWork(engine) as uow:
        for order in uow.session.scalars(select(PurchaseOrder)):
            for line in order.lines:
                on_line = sum(uow.session.scalars(select(PoCoverage.qty).where(PoCoverage.po_line_id == line.id)))
                if order.number >= 7001:
                    assert on_line == line.qty
                else:
                    assert on_line <= max(0, line.qty - line.received)
                    assert on_line == 0 or order.status in (PoStatus.OPEN, PoStatus.PARTIALLY_RECEIVED)


def check_run(before, after, selected: set[int]) -> None:
    """Coverage added only to selected lines, never beyond the need; vendor items fully covered."""
    for line_id, (qty, assigned, covered, has_vendor) in after.items():
        old_covered = before[line_id][2]
        need = max(0, qty - assigned - old_covered)
        added = covered - old_covered
        assert 0 <= added <= need
        if line_id not in selected:
            assert added == 0
        elif has_vendor:
            assert added == need


@settings(max_examples=25, deadline=None)
@given(orders=st.lists(cso_lines, min_size=1, max_size=5), pos=existing_pos, split=st.integers(0, 5))
def test_purchase_order_invariants(sqlite_template, orders, pos, split):
    folder = Path(tempfile.mkdtemp(prefix="xmart-po-prop-"))
    shutil.copy(sqlite_template, folder / "xmart.db")
    engine = make_engine(f"sqlite:///{folder / 'xmart.db'}")
    try:
        load(engine, document(orders, pos))
        with UnitOfWork(engine) as uow:
            cso_of_line = dict(
                uow.session.execute(select(CsoLine.id, CorporateSaleOrder.number).join(CsoLine.order)).all()
            )

        # first run on part of the orders, then on all of them
        last_of_first = 1000 + split
        before = figures(engine)
        run_po(engine, 1000, last_of_first)
        after = figures(engine)
        check_run(before, after, {line for line, number in cso_of_line.items() if number <= last_of_first})
        check_po_lines(engine)

        dry = run_po(engine, 1001, 1999, dry_run=True)
        assert figures(engine) == after
        real = run_po(engine, 1001, 1999)
        assert dry.to_json() == real.to_json()
        final = figures(engine)
        check_run(after, final, set(cso_of_line))
        check_po_lines(engine)

        again = run_po(engine, 1001, 1999)
        assert again.purchase_orders == () and again.covered_by_existing == ()
        assert figures(engine) == final
    finally:
        engine.dispose()
        shutil.rmtree(folder, ignore_errors=True)
