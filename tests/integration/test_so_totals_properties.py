"""Property tests of SO totals and deposit shares (DOMAIN.md section 4, "SO totals and deposit shares").

Random CSOs (lines, prices, line and global discounts, shipping, deposits up to the total) go
through several Assign runs over random store sets, with stock arriving between runs and an SO
cancelled now and then; after every run, on SQLite and PostgreSQL:
- the totals of a CSO's SOs that are not cancelled add up to A = round(S x C / T) (or what earlier
  SOs already carry, when more), and to exactly S once it is fully assigned;
- their deposits add up to round(P x A' / S), exactly P once fully assigned; no SO deposit exceeds
  its total and no share is negative;
- every SO document adds up: its line amounts plus the difference row give its total, and
  total - deposit = balance due >= 0.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select, text

from tests.support.db import load
from tests.support.scenarios import run_assign, scenario
from xmart.models import Base, CorporateSaleOrder, Location, SaleOrder, Stock
from xmart.models.db import UnitOfWork
from xmart.processes.document_printing import sale_order_documents
from xmart.processes.documents.data import CompanyInfo
from xmart.processes.documents.sale_order import SaleOrderRenderer
from xmart.processes.fulfilment import cso_fulfilment
from xmart.processes.money import exact_line_value, order_totals, round_fraction_half_up
from xmart.processes.order_status import cancel_sale_order

STORES = ("S01", "S02", "S03")
SKUS = ("A", "B", "C")
CENT = Decimal("0.01")
KEEP = {"alembic_version", "settings", "channels", "audit_log"}

line_st = st.tuples(
    st.sampled_from(SKUS),
    st.integers(1, 6),
    st.sampled_from(["0.00", "0.01", "9.99", "10.05", "33.33"]),
    st.sampled_from(["0", "10", "12.5", "33.33"]),
)
order_st = st.fixed_dictionaries(
    {
        "lines": st.lists(line_st, min_size=1, max_size=3, unique_by=lambda line: line[0]),
        "global_discount": st.sampled_from(["0", "10", "12.5", "100"]),
        "shipping_cost": st.sampled_from(["0.00", "0.01", "4.99"]),
        "paid": st.sampled_from([Fraction(0), Fraction(1, 3), Fraction(1, 2), Fraction(99, 100), Fraction(1)]),
    }
)
stock_st = st.dictionaries(
    st.sampled_from(STORES), st.dictionaries(st.sampled_from(SKUS), st.integers(0, 5), max_size=3), max_size=3
)
run_st = st.fixed_dictionaries(
    {
        "arriving": stock_st,
        "stores": st.lists(st.sampled_from(STORES), min_size=1, max_size=3, unique=True),
        "cancel": st.none() | st.integers(0, 20),
    }
)

SETTINGS = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
RENDERER = SaleOrderRenderer(CompanyInfo("xmart test"))


def _total(order: dict) -> Decimal:
    lines = [(q, Decimal(p), Decimal(d)) for _, q, p, d in order["lines"]]
    return order_totals(lines, Decimal(order["global_discount"]), Decimal(order["shipping_cost"])).total


def _document(orders: list[dict], stock: dict) -> dict:
    records = []
    for order in orders:
        paid = round_fraction_half_up(Fraction(_total(order)) * order["paid"] - Fraction(1, 200)).max(Decimal(0))
        record = {k: v for k, v in order.items() if k != "paid"}
        record["payments"] = [{"type": "cash", "amount": f"{paid:.2f}"}] if paid else []
        records.append(record)
    doc = scenario({s: {k: (q, 0) for k, q in stock.get(s, {}).items()} for s in STORES}, records)
    known = {item["sku"] for item in doc["items"]}
    doc["items"] += [{"sku": sku, "price": "1.00"} for sku in SKUS if sku not in known]
    return doc


def _wipe(engine: Engine) -> None:
    """Empty every table the examples write (the engine fixture's database is shared by the examples)."""
    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            if table.name not in KEEP:
                connection.execute(table.delete())


def _arrive(engine: Engine, arriving: dict) -> None:
    """Stock arriving between runs: on hand rises at the stores."""
    with UnitOfWork(engine) as uow:
        s = uow.session
        ids = dict(s.execute(select(Location.code, Location.id)).all())
        for store, per in arriving.items():
            for sku, qty in per.items():
                item_id = s.scalar(text("SELECT id FROM items WHERE sku = :sku"), {"sku": sku})
                stock = s.scalar(select(Stock).where(Stock.location_id == ids[store], Stock.item_id == item_id))
                if stock is None:
                    s.add(Stock(location_id=ids[store], item_id=item_id, on_hand=qty, minimum=0, maximum=qty))
                else:
                    stock.on_hand += qty
                    stock.maximum = max(stock.maximum, stock.on_hand)
        uow.commit()


def _cancel_one(engine: Engine, pick: int) -> None:
    with UnitOfWork(engine) as uow:
        numbers = list(
            uow.session.scalars(select(SaleOrder.number).where(SaleOrder.status == "open").order_by(SaleOrder.number))
        )
    if numbers:
        with UnitOfWork(engine) as uow:
            cancel_sale_order(uow, numbers[pick % len(numbers)])


def _check(engine: Engine, orders: list[dict], before: dict[int, Decimal], new_for: set[int]) -> dict[int, Decimal]:
    """Check every invariant after a run; returns {CSO number: totals of its SOs} for the next run."""
    sums = {}
    with UnitOfWork(engine) as uow:
        s = uow.session
        for index, order in enumerate(orders):
            number = 1001 + index
            figures = cso_fulfilment(s, number)
            cso_id = s.scalar(select(CorporateSaleOrder.id).where(CorporateSaleOrder.number == number))
            live = s.execute(
                select(
                    func.coalesce(func.sum(SaleOrder.total), 0), func.coalesce(func.sum(SaleOrder.deposit), 0)
                ).where(SaleOrder.cso_id == cso_id, SaleOrder.status != "cancelled")
            ).one()
            totals, deposits = Decimal(live[0]).quantize(CENT), Decimal(live[1]).quantize(CENT)
            sums[number] = totals
            total, paid = _total(order), figures.deposit
            assert figures.total == total
            gd = Decimal(order["global_discount"])
            t = sum(exact_line_value(ln.qty, ln.price, ln.discount, gd) for ln in figures.lines)
            c = sum(exact_line_value(ln.assigned, ln.price, ln.discount, gd) for ln in figures.lines)
            full = all(ln.assigned == ln.qty for ln in figures.lines)
            if number in new_for:
                a = total if full else (round_fraction_half_up(Fraction(total) * c / t) if t else Decimal(0))
                assert totals == max(a, before.get(number, Decimal(0)))
                if full:
                    assert totals == total  # exactly S once fully assigned
                if full:
                    assert deposits == paid  # exactly P once fully assigned
                elif total and totals <= a:
                    assert deposits == min(
                        paid, round_fraction_half_up(Fraction(paid) * Fraction(totals) / Fraction(total))
                    )
            assert figures.deposit_allocated == deposits <= paid
        for so in s.scalars(select(SaleOrder)):
            assert 0 <= so.deposit <= so.total
        numbers = list(s.scalars(select(SaleOrder.number).order_by(SaleOrder.number)))
        for document in sale_order_documents(s, numbers):
            assert document.subtotal == sum((ln.amount for ln in document.lines), Decimal(0))
            rows = {row.label: row.amount for row in RENDERER.totals(document)}
            shown = sum(amount for label, amount in rows.items() if label not in {"Total", "Deposit", "Balance due"})
            assert shown == rows["Total"] == document.total  # lines + difference row = total
            assert rows["Total"] - rows["Deposit"] == rows["Balance due"] >= 0
    return sums


@SETTINGS
@given(
    orders=st.lists(order_st, min_size=1, max_size=3),
    stock=stock_st,
    runs=st.lists(run_st, min_size=1, max_size=3),
)
def test_so_totals_and_deposits_add_up_over_runs(engine, orders, stock, runs):
    _wipe(engine)
    load(engine, _document(orders, stock))
    before: dict[int, Decimal] = {}
    for step, run in enumerate(runs):
        if step:
            _arrive(engine, run["arriving"])
            if run["cancel"] is not None:
                _cancel_one(engine, run["cancel"])
                before = _check(engine, orders, {}, set())
        result = run_assign(engine, stores=tuple(sorted(run["stores"])))
        new_for = {so.corporate_order for so in result.sale_orders}
        assert all(0 <= so.deposit <= so.total for so in result.sale_orders)
        before = _check(engine, orders, before, new_for)
    # stock for everything, every store: each CSO ends fully assigned, totals S and deposits P exactly
    _arrive(engine, {"S01": dict.fromkeys(SKUS, 30)})
    result = run_assign(engine)
    _check(engine, orders, before, {so.corporate_order for so in result.sale_orders})
    with UnitOfWork(engine) as uow:
        for index in range(len(orders)):
            assert all(ln.assigned == ln.qty for ln in cso_fulfilment(uow.session, 1001 + index).lines)
