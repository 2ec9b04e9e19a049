"""Property-based tests of the Assign invariants over random inventories and orders (SQLite).

A plain-Python reference of DOMAIN.md section 4 serves as the oracle for the allocation; the
other properties are checked against the database after real runs.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from tests.support.db import load
from tests.support.scenarios import run_assign, scenario, split
from xmart.models import CorporateSaleOrder, Payment, SaleOrder
from xmart.models.db import UnitOfWork, make_engine
from xmart.processes.fulfilment import cso_fulfilment
from xmart.processes.money import exact_line_value, order_totals, round_fraction_half_up

STORES = ("S01", "S02", "S03")
SKUS = ("A", "B", "C")
EXCLUDE = dt.date(2026, 10, 1)

stock_st = st.dictionaries(
    st.sampled_from(STORES),
    st.dictionaries(st.sampled_from(SKUS), st.tuples(st.integers(0, 15), st.integers(0, 6)), max_size=3),
    min_size=1,
    max_size=3,
)
line_st = st.tuples(
    st.sampled_from(SKUS),
    st.integers(1, 12),
    st.sampled_from(["0.00", "9.99", "10.00", "33.33"]),
    st.sampled_from(["0", "10", "50"]),
)
order_st = st.fixed_dictionaries(
    {
        "lines": st.lists(line_st, min_size=1, max_size=3),
        "global_discount": st.sampled_from(["0", "5", "12.5"]),
        "payments": st.lists(
            st.sampled_from([Fraction(0), Fraction(1, 200), Fraction(1, 3), Fraction(1, 2)]), max_size=2
        ),
    }
)
pending_st = st.lists(
    st.tuples(
        st.sampled_from(STORES),
        st.sampled_from(SKUS),
        st.integers(1, 8),
        st.integers(0, 8),
        st.sampled_from(["2026-09-15", "2026-10-01", "2026-10-20"]),
    ),
    max_size=3,
)

SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def _pending_sale_orders(pending):
    records = []
    for i, (store, sku, qty, sold, date) in enumerate(pending):
        records.append(
            {
                "number": 4001 + i,
                "location": store,
                "date": date,
                "status": "open",
                "lines": [{"sku": sku, "qty": qty, "sold": min(sold, qty)}],
            }
        )
    return records


def _total(order) -> Decimal:
    """S: the CSO total (DOMAIN.md section 2)."""
    lines = [(q, Decimal(p), Decimal(d)) for _, q, p, d in order["lines"]]
    return order_totals(lines, Decimal(order["global_discount"])).total


def _payments(order) -> list[dict]:
    """Cash payments of the given fractions of the total, rounded down to cents: together never above it."""
    total = _total(order)
    return [
        {"type": "cash", "amount": f"{Decimal(int(Fraction(total) * 100 * f)) / 100:.2f}"} for f in order["payments"]
    ]


def _document(stock, orders, pending):
    orders = [{**order, "payments": _payments(order)} for order in orders]
    doc = scenario(stock, orders, sale_orders=_pending_sale_orders(pending))
    for store in STORES:  # every store and SKU exists, even without stock
        if not any(loc["code"] == store for loc in doc["locations"]):
            doc["locations"].append({"code": store, "name": store})
    known = {item["sku"] for item in doc["items"]}
    doc["items"] += [{"sku": sku, "price": "1.00"} for sku in SKUS if sku not in known]
    return doc


class Database:
    """A throwaway SQLite database copied from the migrated template."""

    def __init__(self, template: Path):
        self.folder = Path(tempfile.mkdtemp(prefix="xmart-prop-"))
        shutil.copy(template, self.folder / "db.sqlite")
        self.engine = make_engine(f"sqlite:///{self.folder / 'db.sqlite'}")

    def close(self):
        self.engine.dispose()
        shutil.rmtree(self.folder, ignore_errors=True)


def reference(stock, orders, pending, stores=STORES, consider_pending=True, exclude_before=EXCLUDE):
    """DOMAIN.md section 4 in plain Python: {(CSO index, store): {sku: qty}}."""
    available = {}
    for store in stores:
        for sku, (on_hand, minimum) in stock.get(store, {}).items():
            held = sum(
                q - min(s, q)
                for st_, sk, q, s, d in pending
                if consider_pending and st_ == store and sk == sku and dt.date.fromisoformat(d) >= exclude_before
            )
            available[(store, sku)] = [max(0, on_hand - held), minimum]
    out = {}
    for index, order in enumerate(orders):
        for sku, qty, _, _ in order["lines"]:
            remaining = qty
            while remaining > 0:
                cands = [(s, v) for (s, k), v in available.items() if k == sku and v[0] > 0]
                if not cands:
                    break
                store, v = min(cands, key=lambda c: (-(c[1][0] - c[1][1]), c[0]))
                over = v[0] - v[1]
                take = min(remaining, over if over > 0 else v[0])
                v[0] -= take
                remaining -= take
                per = out.setdefault((1001 + index, store), {})
                per[sku] = per.get(sku, 0) + take
    return out


@SETTINGS
@given(stock=stock_st, orders=st.lists(order_st, min_size=1, max_size=4), pending=pending_st)
def test_allocation_matches_the_rule_and_invariants_hold(sqlite_template, stock, orders, pending):
    db = Database(sqlite_template)
    try:
        load(db.engine, _document(stock, orders, pending))
        result = run_assign(db.engine, exclude_before=EXCLUDE)
        assert split(result) == reference(stock, orders, pending)
        with UnitOfWork(db.engine) as uow:
            s = uow.session
            for i, order in enumerate(orders):
                figures = cso_fulfilment(s, 1001 + i)
                for line in figures.lines:
                    assert 0 <= line.assigned <= line.qty  # assigned never exceeds ordered
                paid = sum(Fraction(p["amount"]) for p in _payments(order))
                assert figures.deposit_allocated <= figures.deposit
                gd = Decimal(order["global_discount"])
                value = sum(exact_line_value(q, Decimal(p), Decimal(d), gd) for _, q, p, d in order["lines"])
                assigned = sum(exact_line_value(ln.assigned, ln.price, ln.discount, gd) for ln in figures.lines)
                cso_total = _total(order)
                mine = [so for so in result.sale_orders if so.corporate_order == 1001 + i]
                totals = sum(so.total for so in mine)
                if all(ln.assigned == ln.qty for ln in figures.lines):
                    assert totals == cso_total  # exactly S once fully assigned
                    assert figures.deposit_allocated == figures.deposit  # exactly P once fully assigned
                elif value:
                    assert totals == round_fraction_half_up(
                        Fraction(cso_total) * assigned / value
                    )  # A = round(S x C / T)
                    if cso_total:
                        assert figures.deposit_allocated == round_fraction_half_up(
                            paid * Fraction(totals) / Fraction(cso_total)
                        )
                assert sum(so.deposit for so in mine) == figures.deposit_allocated
                assert all(0 <= so.deposit <= so.total for so in mine)  # never negative, never above the SO total
        # re-running assigns nothing new
        assert run_assign(db.engine, exclude_before=EXCLUDE).sale_orders == ()
    finally:
        db.close()


@SETTINGS
@given(
    stock=stock_st, orders=st.lists(order_st, min_size=1, max_size=3), pending=pending_st, store=st.sampled_from(STORES)
)
def test_a_one_store_run_never_takes_from_another_store(sqlite_template, stock, orders, pending, store):
    db = Database(sqlite_template)
    try:
        load(db.engine, _document(stock, orders, pending))
        result = run_assign(db.engine, stores=(store,), exclude_before=EXCLUDE)
        assert {so.store for so in result.sale_orders} <= {store}
        assert split(result) == reference(stock, orders, pending, stores=(store,))
        with UnitOfWork(db.engine) as uow:
            stores = set(uow.session.scalars(select(SaleOrder.location_id).where(SaleOrder.cso_id.is_not(None))))
        assert len(stores) <= 1
    finally:
        db.close()


@SETTINGS
@given(stock=stock_st, orders=st.lists(order_st, min_size=1, max_size=3), pending=pending_st)
def test_ignore_pending_only_differs_in_availability(sqlite_template, stock, orders, pending):
    """Ignoring pending SOs gives what considering them gives once those SOs no longer hold stock."""
    ignoring, cancelled = Database(sqlite_template), Database(sqlite_template)
    try:
        load(ignoring.engine, _document(stock, orders, pending))
        without = _document(stock, orders, pending)
        for so in without.get("sale_orders", []):
            so["status"] = "cancelled"
        load(cancelled.engine, without)
        a = run_assign(ignoring.engine, consider_pending=False)
        b = run_assign(cancelled.engine, consider_pending=True)
        assert a.to_json() == b.to_json()
        assert split(a) == reference(stock, orders, pending, consider_pending=False)
    finally:
        ignoring.close()
        cancelled.close()


def test_property_helpers_use_real_payments(sqlite_template):
    """The generated documents carry their payments into the database (guards the strategy itself)."""
    db = Database(sqlite_template)
    try:
        order = {"lines": [("A", 3, "10.00", "0")], "global_discount": "0", "payments": [Fraction(1, 3)]}
        load(db.engine, _document({"S01": {"A": (1, 0)}}, [order], []))
        with UnitOfWork(db.engine) as uow:
            assert uow.session.scalar(select(Payment.amount)) == 10
            assert uow.session.scalar(select(CorporateSaleOrder.number)) == 1001
    finally:
        db.close()
