"""Assign Corporate Sale Orders (DOMAIN.md section 4): worked examples, options, output, safety."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from tests.support.db import load, snapshot
from tests.support.documents import B200_ITEM, example
from tests.support.scenarios import TODAY, run_assign, scenario, split
from xmart.cli.main import main
from xmart.errors import Cancelled, InputError
from xmart.models import CorporateSaleOrder, Payment, SaleOrder, SaleOrderLine
from xmart.models.db import UnitOfWork
from xmart.processes import assign as assign_module
from xmart.processes.assign import AUTO_NOTE, AssignParams, assign_orders
from xmart.processes.cso_status import refresh_statuses
from xmart.processes.fulfilment import cso_fulfilment
from xmart.processes.selection import CsoRange

# --- the allocation rule ------------------------------------------------------------------------


def test_overstock_first_from_the_location_with_most_overstock(engine):
    load(engine, scenario({"S01": {"A": (10, 2)}, "S02": {"A": (5, 1)}}, [{"lines": [("A", 6)]}]))
    assert split(run_assign(engine)) == {(1001, "S01"): {"A": 6}}


def test_fewest_splits_then_next_overstock(engine):
    # S01 overstock 8, S02 overstock 4: 10 units = 8 from S01, then 2 from S02's overstock
    load(engine, scenario({"S01": {"A": (10, 2)}, "S02": {"A": (5, 1)}}, [{"lines": [("A", 10)]}]))
    assert split(run_assign(engine)) == {(1001, "S01"): {"A": 8}, (1001, "S02"): {"A": 2}}


def test_below_minimum_only_when_no_overstock_is_left_least_below_first(engine):
    # overstock: S01 -2, S02 0, S03 1 -> 1 from S03, then S03 is at 0 like S02; then the rest
    load(engine, scenario({"S01": {"A": (3, 5)}, "S02": {"A": (4, 4)}, "S03": {"A": (2, 1)}}, [{"lines": [("A", 8)]}]))
    result = split(run_assign(engine))
    # 1 from S03 (overstock), then S02 (0, lower code than S03 at 0): all 4, then S03 0 vs S01 -2: S03's 1, then S01 2
    assert result == {(1001, "S03"): {"A": 2}, (1001, "S02"): {"A": 4}, (1001, "S01"): {"A": 2}}


def test_ties_go_to_the_lowest_location_code(engine):
    load(engine, scenario({"S02": {"A": (5, 2)}, "S01": {"A": (5, 2)}}, [{"lines": [("A", 3)]}]))
    assert split(run_assign(engine)) == {(1001, "S01"): {"A": 3}}


def test_csos_in_ascending_number_and_lines_in_line_order(engine):
    doc = scenario(
        {"S01": {"A": (5, 0)}},
        [
            {"date": "2026-11-10", "lines": [("A", 3)]},  # 1001, later date but lower number: served first
            {"date": "2026-11-01", "lines": [("A", 4)]},  # 1002
        ],
    )
    doc["corporate_sale_orders"][0]["lines"] = [{"line": 2, "sku": "A", "qty": 2}, {"line": 1, "sku": "A", "qty": 1}]
    load(engine, doc)
    result = run_assign(engine)
    assert split(result) == {(1001, "S01"): {"A": 3}, (1002, "S01"): {"A": 2}}
    assert [ln.cso_line for ln in result.sale_orders[0].lines] == [1, 2]
    assert [(u.corporate_order, u.sku, u.qty) for u in result.unassigned] == [(1002, "A", 2)]


def test_nothing_available_leaves_everything_unassigned(engine):
    load(engine, scenario({"S01": {"A": (0, 0)}}, [{"lines": [("A", 2), ("B", 1)]}]))
    result = run_assign(engine)
    assert result.sale_orders == ()
    assert [(u.sku, u.qty) for u in result.unassigned] == [("A", 2), ("B", 1)]


# --- options --------------------------------------------------------------------------------

PENDING_SO = {
    "number": 4001,
    "location": "S01",
    "date": "2026-10-01",
    "status": "open",
    "lines": [{"sku": "A", "qty": 5, "sold": 1}],
}


def test_pending_units_on_open_sale_orders_are_not_available(engine):
    load(engine, scenario({"S01": {"A": (6, 0)}}, [{"lines": [("A", 5)]}], sale_orders=[PENDING_SO]))
    result = run_assign(engine)  # 6 on hand - 4 pending = 2
    assert split(result) == {(1001, "S01"): {"A": 2}}


def test_ignore_pending_uses_all_on_hand(engine):
    load(engine, scenario({"S01": {"A": (6, 0)}}, [{"lines": [("A", 5)]}], sale_orders=[PENDING_SO]))
    assert split(run_assign(engine, consider_pending=False)) == {(1001, "S01"): {"A": 5}}


def test_exclude_before_ignores_older_sale_orders(engine):
    load(engine, scenario({"S01": {"A": (6, 0)}}, [{"lines": [("A", 5)]}], sale_orders=[PENDING_SO]))
    result = run_assign(engine, exclude_before=dt.date(2026, 10, 2))
    assert split(result) == {(1001, "S01"): {"A": 5}}


def test_exclude_before_keeps_sale_orders_dated_on_that_day(engine):
    load(engine, scenario({"S01": {"A": (6, 0)}}, [{"lines": [("A", 5)]}], sale_orders=[PENDING_SO]))
    assert split(run_assign(engine, exclude_before=dt.date(2026, 10, 1))) == {(1001, "S01"): {"A": 2}}


def test_sold_and_cancelled_sale_orders_are_not_pending(engine):
    sold = dict(PENDING_SO, number=4002, status="sold", lines=[{"sku": "A", "qty": 2, "sold": 2}])
    cancelled = dict(PENDING_SO, number=4003, status="cancelled")
    load(engine, scenario({"S01": {"A": (6, 0)}}, [{"lines": [("A", 6)]}], sale_orders=[sold, cancelled]))
    assert split(run_assign(engine)) == {(1001, "S01"): {"A": 6}}


def test_availability_never_below_zero(engine):
    big = dict(PENDING_SO, lines=[{"sku": "A", "qty": 50, "sold": 0}])
    load(engine, scenario({"S01": {"A": (6, 0)}, "S02": {"A": (1, 0)}}, [{"lines": [("A", 3)]}], sale_orders=[big]))
    assert split(run_assign(engine)) == {(1001, "S02"): {"A": 1}}


def test_store_selector_only_takes_from_selected_stores(engine):
    load(engine, scenario({"S01": {"A": (10, 0)}, "S02": {"A": (2, 0)}}, [{"lines": [("A", 5)]}]))
    result = run_assign(engine, stores=("S02",))
    assert split(result) == {(1001, "S02"): {"A": 2}}
    # a second run with another store fills the rest from there
    assert split(run_assign(engine, stores=("S01",))) == {(1001, "S01"): {"A": 3}}


def test_default_is_every_active_location(engine):
    load(engine, scenario({"S01": {"A": (10, 0)}, "S02": {"A": (20, 0)}}, [{"lines": [("A", 5)]}], inactive=("S02",)))
    assert split(run_assign(engine)) == {(1001, "S01"): {"A": 5}}


def test_unknown_store_is_refused(engine):
    load(engine, scenario({"S01": {"A": (10, 0)}}, [{"lines": [("A", 5)]}]))
    with pytest.raises(InputError, match="Unknown location code: S09"):
        run_assign(engine, stores=("S09",))


def test_only_open_and_partially_assigned_csos_take_part(engine):
    orders = [{"status": s, "lines": [("A", 1)]} for s in ("draft", "on hold", "cancelled", "completed", "open")]
    load(engine, scenario({"S01": {"A": (10, 0)}}, orders))
    assert {so.corporate_order for so in run_assign(engine).sale_orders} == {1005}


def test_date_range_is_inclusive(engine):
    orders = [{"date": d, "lines": [("A", 1)]} for d in ("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04")]
    load(engine, scenario({"S01": {"A": (10, 0)}}, orders))
    params = AssignParams(range=CsoRange.by_date(dt.date(2026, 11, 2), dt.date(2026, 11, 3)), today=TODAY)
    with UnitOfWork(engine) as uow:
        result = assign_orders(params, uow)
    assert sorted(so.corporate_order for so in result.sale_orders) == [1002, 1003]


def test_number_range_is_inclusive(engine):
    load(engine, scenario({"S01": {"A": (10, 0)}}, [{"lines": [("A", 1)]} for _ in range(4)]))
    assert sorted(so.corporate_order for so in run_assign(engine, 1002, 1003).sale_orders) == [1002, 1003]


def test_bad_ranges_are_refused_before_anything_runs(engine):
    load(engine, scenario({"S01": {"A": (10, 0)}}, [{"lines": [("A", 1)]}]))
    with pytest.raises(InputError, match="after the last date"):
        CsoRange.by_date(dt.date(2026, 2, 1), dt.date(2026, 1, 1)).validate()
    with pytest.raises(InputError, match="greater than the last"):
        run_assign(engine, 5, 1)


# --- generated sale orders -------------------------------------------------------------------


def _with_card_and_cash(doc, card="60.00", cash="40.00"):
    doc["corporate_sale_orders"][0]["payments"] = [
        {"type": "card", "amount": card, "card": {"brand": "VISA", "number": "4111111111111111", "expiry": "12/28"}},
        {"type": "cash", "amount": cash},
    ]
    return doc


def test_generated_sale_order_carries_the_cso_data(engine):
    doc = _with_card_and_cash(
        scenario(
            {"S01": {"A": (10, 0)}},
            [{"global_discount": "5.00", "shipping_customer": "C2", "lines": [("A", 2, "19.99", "10.00")]}],
        ),
        card="20.00",
        cash="10.00",
    )
    load(engine, doc)
    result = run_assign(engine)
    so = result.sale_orders[0]
    assert (so.number, so.store, so.corporate_order, so.date, so.note) == (5001, "S01", 1001, TODAY, AUTO_NOTE)
    assert so.note == "Special Order created automatically from Corporate Sale Order"
    assert (so.lines[0].price, so.lines[0].discount) == (Decimal("19.99"), Decimal("10.00"))
    with UnitOfWork(engine) as uow:
        s = uow.session
        row = s.scalar(select(SaleOrder).where(SaleOrder.number == 5001))
        cso = s.scalar(select(CorporateSaleOrder).where(CorporateSaleOrder.number == 1001))
        card = s.scalar(select(Payment).where(Payment.cso_id == cso.id, Payment.kind == "card"))
        assert row.cso_id == cso.id and row.status == "open" and row.date == TODAY
        assert row.billing_customer_id == cso.billing_customer_id
        assert row.shipping_customer_id == cso.shipping_customer_id != cso.billing_customer_id
        assert row.global_discount == Decimal("5.00") and row.note == AUTO_NOTE
        assert (row.total, row.deposit) == (so.total, so.deposit) == (Decimal("34.18"), Decimal("30.00"))
        assert row.card_payment_id == card.id  # a reference, never a copy of the number
        assert (row.lines[0].cso_line.line_no, row.lines[0].qty, row.lines[0].price) == (1, 2, Decimal("19.99"))


def test_one_sale_order_per_cso_and_location_in_a_run(engine):
    load(
        engine,
        scenario(
            {"S01": {"A": (3, 0), "B": (3, 0)}, "S02": {"A": (9, 0)}}, [{"lines": [("A", 2), ("B", 2), ("A", 1)]}]
        ),
    )
    result = run_assign(engine)
    assert [(so.store, [(ln.sku, ln.qty) for ln in so.lines]) for so in result.sale_orders] == [
        ("S01", [("B", 2)]),
        ("S02", [("A", 2), ("A", 1)]),
    ]
    assert [so.number for so in result.sale_orders] == [5001, 5002]


def test_numbers_continue_after_existing_sale_orders(engine):
    so = dict(PENDING_SO, number=5007, status="sold", lines=[{"sku": "A", "qty": 1, "sold": 1}])
    load(engine, scenario({"S01": {"A": (10, 0)}}, [{"lines": [("A", 1)]}], sale_orders=[so]))
    assert run_assign(engine).sale_orders[0].number == 5008


def test_statuses_advance(engine):
    load(engine, scenario({"S01": {"A": (3, 0)}}, [{"lines": [("A", 5)]}, {"lines": [("A", 1)]}]))
    result = run_assign(engine)
    assert result.statuses == {1001: "partially assigned"}
    load(engine, {"stock": [{"location": "S01", "sku": "A", "on_hand": 10}]})
    assert run_assign(engine).statuses == {1001: "assigned", 1002: "assigned"}


def test_rerun_assigns_only_what_is_still_unassigned(engine):
    load(engine, scenario({"S01": {"A": (3, 0)}}, [{"lines": [("A", 5)]}]))
    first = run_assign(engine)
    assert split(first) == {(1001, "S01"): {"A": 3}}
    # the store has not invoiced yet: its 3 units are pending, nothing more to give
    assert run_assign(engine).sale_orders == ()
    load(engine, {"stock": [{"location": "S01", "sku": "A", "on_hand": 7}]})  # 7 - 3 pending = 4
    second = run_assign(engine)
    assert split(second) == {(1001, "S01"): {"A": 2}}
    assert run_assign(engine).sale_orders == ()


def test_lines_of_cancelled_sale_orders_do_not_count_as_assigned(engine):
    load(engine, scenario({"S01": {"A": (10, 0)}}, [{"lines": [("A", 4)]}]))
    run_assign(engine)
    with UnitOfWork(engine) as uow:
        uow.session.execute(update(SaleOrder).values(status="cancelled"))
        assert refresh_statuses(uow.session, uow.session.scalars(select(CorporateSaleOrder.id))) == {1: "open"}
        uow.commit()
    assert split(run_assign(engine)) == {(1001, "S01"): {"A": 4}}


# --- deposit shares ----------------------------------------------------------------------------


def test_deposit_follows_the_assigned_value_and_sums_to_the_deposit(engine):
    # P = 100, S = 3 units x 50.00 = 150: one unit now -> total 50.00, deposit round(100 * 50 / 150) = 33.33
    load(engine, _with_card_and_cash(scenario({"S01": {"A": (1, 0)}}, [{"lines": [("A", 3, "50.00")]}])))
    shares = [(so.total, so.deposit) for so in run_assign(engine).sale_orders]
    assert shares == [(Decimal("50.00"), Decimal("33.33"))]
    load(engine, {"stock": [{"location": "S01", "sku": "A", "on_hand": 2}]})  # 2 - 1 pending: 1 more
    assert [so.deposit for so in run_assign(engine).sale_orders] == [Decimal("33.34")]  # 66.67 - 33.33
    load(engine, {"stock": [{"location": "S01", "sku": "A", "on_hand": 3}]})
    assert [so.deposit for so in run_assign(engine).sale_orders] == [Decimal("33.33")]  # exactly P now
    with UnitOfWork(engine) as uow:
        figures = cso_fulfilment(uow.session, 1001)
    assert figures.deposit_allocated == figures.deposit == Decimal("100.00")


def test_deposit_split_within_a_run_by_largest_remainder_ties_lowest_code(engine):
    # three stores, one unit each, equal totals of 40.00: 100.00 / 3 -> the spare cent goes to S01
    load(
        engine,
        _with_card_and_cash(
            scenario(
                {"S03": {"A": (1, 0)}, "S02": {"A": (1, 0)}, "S01": {"A": (1, 0)}}, [{"lines": [("A", 3, "40.00")]}]
            )
        ),
    )
    result = run_assign(engine)
    assert [(so.store, so.deposit) for so in result.sale_orders] == [
        ("S01", Decimal("33.34")),
        ("S02", Decimal("33.33")),
        ("S03", Decimal("33.33")),
    ]


def test_totals_use_exact_values_with_discounts(engine):
    # line 1: 1 x 0.05 at 50% = 0.025 exact; line 2: 1 x 9.95; global 10%: S = 9.98 - 1.00 = 8.98; P = 8.00
    doc = _with_card_and_cash(
        scenario(
            {"S01": {"A": (1, 0)}, "S02": {"B": (0, 0)}},
            [{"global_discount": "10", "lines": [("A", 1, "0.05", "50"), ("B", 1, "9.95")]}],
        ),
        card="8.00",
        cash="0.00",
    )
    load(engine, doc)
    result = run_assign(engine)
    # A = round(8.98 x 0.025 / 9.975) = round(0.0225) = 0.02 (not the line's rounded 0.03 less 10%);
    # deposit round(8.00 x 0.02 / 8.98) = round(0.0178) = 0.02
    assert [(so.total, so.deposit) for so in result.sale_orders] == [(Decimal("0.02"), Decimal("0.02"))]


def test_card_on_file_with_zero_amount_gives_zero_deposit_and_card_reference(engine):
    load(
        engine, _with_card_and_cash(scenario({"S01": {"A": (5, 0)}}, [{"lines": [("A", 2)]}]), card="0.00", cash="0.00")
    )
    result = run_assign(engine)
    assert result.sale_orders[0].deposit == Decimal("0.00")
    with UnitOfWork(engine) as uow:
        assert uow.session.scalar(select(SaleOrder.card_payment_id)) is not None


# --- dry run, output, safety -------------------------------------------------------------------


def test_dry_run_gives_the_same_result_and_writes_nothing(engine):
    doc = scenario({"S01": {"A": (3, 1)}, "S02": {"A": (4, 0)}}, [{"lines": [("A", 6)]}])
    load(engine, _with_card_and_cash(doc, card="30.00", cash="20.00"))
    before = snapshot(engine)
    preview = run_assign(engine, dry_run=True)
    assert snapshot(engine) == before
    real = run_assign(engine)
    assert preview.to_json() == real.to_json()
    assert snapshot(engine) != before


def test_cli_json_output_is_exactly_the_interface(engine, db_url, capsys):
    load(engine, B200_ITEM)
    load(engine, example())
    code = main(["--db", db_url, "assign", "--by-number", "1001", "1001", "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    document = json.loads(out.out)
    today = dt.date.today().isoformat()
    assert document == {
        "sale_orders": [
            {
                "number": 5001,
                "store": "S01",
                "corporate_order": 1001,
                "date": today,
                "note": "Special Order created automatically from Corporate Sale Order",
                "total": "85.46",  # 89.96 less 5 % (4.50): the whole CSO, fully assigned
                "deposit": "70.00",
                "lines": [{"sku": "A100", "qty": 5, "price": "19.99", "discount": "10.00"}],
            }
        ],
        "unassigned": [],
    }


def test_cli_dry_run_store_and_options(engine, db_url, capsys):
    load(
        engine,
        scenario({"S01": {"A": (6, 0)}, "S02": {"A": (6, 0)}}, [{"lines": [("A", 5)]}], sale_orders=[PENDING_SO]),
    )
    before = snapshot(engine)
    args = ["--db", db_url, "assign", "--by-date", "2026-11-01", "2026-11-30", "--store", "S01", "--json", "--dry-run"]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["unassigned"] == [{"corporate_order": 1001, "sku": "A", "qty": 3}]
    assert main(args + ["--ignore-pending"]) == 0
    assert json.loads(capsys.readouterr().out)["unassigned"] == []
    assert main(args + ["--exclude-before", "2026-10-02"]) == 0
    assert json.loads(capsys.readouterr().out)["unassigned"] == []
    assert snapshot(engine) == before


@pytest.mark.parametrize(
    "args",
    [
        ["--by-number", "9", "1"],
        ["--by-date", "2026-12-01", "2026-11-01"],
        ["--by-date", "2026-02-30", "2026-03-01"],
        ["--by-number", "1", "9", "--store", "NOPE"],
        ["--by-number", "1"],
        [],
    ],
)
def test_cli_bad_arguments_exit_2_and_write_nothing(engine, db_url, capsys, args):
    load(engine, scenario({"S01": {"A": (6, 0)}}, [{"lines": [("A", 5)]}]))
    before = snapshot(engine)
    with pytest.raises(SystemExit) if len(args) < 3 or "2026-02-30" in args else _no_raise() as caught:
        code = main(["--db", db_url, "assign", *args])
    code = caught.value.code if caught else code
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and err[0].startswith("xmart: ")
    assert snapshot(engine) == before


class _no_raise:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def test_crash_after_sale_orders_were_built_leaves_the_database_as_before(engine, monkeypatch):
    load(
        engine,
        _with_card_and_cash(
            scenario({"S01": {"A": (3, 0)}, "S02": {"A": (4, 0)}}, [{"lines": [("A", 6)]}, {"lines": [("A", 1)]}]),
            card="30.00",
            cash="20.00",
        ),
    )
    before = snapshot(engine)

    def explode(session, *_):
        assert session.scalar(select(SaleOrder.id).limit(1)) is not None  # SOs were written in the transaction
        raise RuntimeError("power cut")

    monkeypatch.setattr(assign_module, "_update_statuses", explode)
    with pytest.raises(RuntimeError, match="power cut"):
        run_assign(engine)
    assert snapshot(engine) == before


def test_cancel_writes_nothing_and_progress_is_reported(engine):
    load(engine, scenario({"S01": {"A": (30, 0)}}, [{"lines": [("A", 1)]} for _ in range(5)]))
    before = snapshot(engine)
    seen = []
    params = AssignParams(range=CsoRange.by_number(1, 9999), today=TODAY)
    with UnitOfWork(engine) as uow:
        with pytest.raises(Cancelled):
            assign_orders(params, uow, progress=lambda d, t, s: seen.append((d, t)), cancelled=lambda: len(seen) >= 2)
    assert snapshot(engine) == before
    with UnitOfWork(engine) as uow:
        assign_orders(params, uow, progress=lambda d, t, s: seen.append((d, t)))
    assert seen[-1] == (5, 5)


def test_the_process_lock_is_taken_before_the_first_query(engine):
    load(engine, scenario({"S01": {"A": (3, 0)}}, [{"lines": [("A", 1)]}]))
    with UnitOfWork(engine) as uow:
        uow.session.execute(select(SaleOrderLine.id)).all()  # a read first: the write lock can no longer be taken
        if engine.dialect.name == "sqlite":
            with pytest.raises(RuntimeError, match="before the transaction's first query"):
                assign_orders(AssignParams(range=CsoRange.by_number(1, 9)), uow)
        else:  # an advisory lock can be taken at any point of a PostgreSQL transaction
            assert assign_orders(AssignParams(range=CsoRange.by_number(1, 9999), today=TODAY), uow).sale_orders


def test_a_cancelled_remainder_is_never_assigned_nor_ordered(engine):
    from xmart.processes.order_status import cancel_order
    from xmart.processes.purchase_orders import PurchaseOrderParams, generate_purchase_orders

    load(engine, scenario({"S01": {"A": (2, 0)}}, [{"lines": [("A", 5)]}]))
    assert split(run_assign(engine)) == {(1001, "S01"): {"A": 2}}
    with UnitOfWork(engine) as uow:
        cso_id = uow.session.scalar(select(CorporateSaleOrder.id))
        cancel_order(uow, 1001)  # only the unassigned remainder (3) can be cancelled
    with UnitOfWork(engine) as uow:  # then the store gives its SO back
        uow.session.execute(update(SaleOrder).values(status="cancelled"))
        refresh_statuses(uow.session, [cso_id])
        uow.commit()
        status = uow.session.scalar(select(CorporateSaleOrder.status))
    assert status == "open"
    load(engine, {"stock": [{"location": "S01", "sku": "A", "on_hand": 10}]})
    assert split(run_assign(engine)) == {(1001, "S01"): {"A": 2}}  # 5 ordered - 3 cancelled
    with UnitOfWork(engine) as uow:
        figures = cso_fulfilment(uow.session, 1001)
        assert (figures.lines[0].cancelled, figures.lines[0].unassigned) == (3, 0)
    params = PurchaseOrderParams(range=CsoRange.by_number(1, 9999), delivery=TODAY, cancel=TODAY, today=TODAY)
    with UnitOfWork(engine) as uow:
        assert generate_purchase_orders(params, uow).purchase_orders == ()


def test_a_status_changed_since_it_was_read_makes_the_run_derive_statuses_from_the_database(engine, monkeypatch):
    load(engine, scenario({"S01": {"A": (3, 0)}}, [{"lines": [("A", 5)]}, {"lines": [("A", 1)]}]))
    new_statuses = assign_module._new_statuses

    def stale(orders, allocations):  # as if CSO 1001 had been read with another status than it has now
        return {
            i: ("partially assigned" if n == 0 else old, new)
            for n, (i, (old, new)) in enumerate(new_statuses(orders, allocations).items())
        }

    monkeypatch.setattr(assign_module, "_new_statuses", stale)
    result = run_assign(engine)
    assert result.statuses == {1001: "partially assigned"}
    with UnitOfWork(engine) as uow:
        statuses = dict(uow.session.execute(select(CorporateSaleOrder.number, CorporateSaleOrder.status)).all())
    assert statuses == {1001: "partially assigned", 1002: "open"}
