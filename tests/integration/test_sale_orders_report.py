"""Reports › Sale Orders — sold and not yet sold (DOMAIN.md section 6): the service and `xmart report
sale-orders` (INTERFACE.md), on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
import json
from decimal import Decimal

import pytest
from pypdf import PdfReader
from test_cli_purchasing import xmart  # noqa: F401 - the fixture
from test_purchase_orders import cso, setup

from xmart.errors import InputError
from xmart.models.db import UnitOfWork
from xmart.processes.sale_order_report import SaleOrderReportParams, sale_order_report


def so_doc(number, cso_number, location, date, lines, status="open", global_discount="0"):
    """An SO with (sku, qty, sold, price, discount, cso line) lines."""
    return {
        "number": number,
        "location": location,
        "date": date,
        "status": status,
        "corporate_order": cso_number,
        "global_discount": global_discount,
        "lines": [
            {"sku": s, "qty": q, "sold": sold, "price": p, "discount": d, "cso_line": ln}
            for s, q, sold, p, d, ln in lines
        ],
    }


@pytest.fixture
def report_data(engine):
    """CSO 1001 split over three SOs: 5001 at S01 (partly sold), 5002 at WH2 (10% global discount),
    5003 at S01 cancelled after selling 1 unit, 5004 at S01 cancelled with nothing sold."""
    setup(
        engine,
        cso(1001, ("A100", 10), ("B200", 8)),
        sos=(
            so_doc(
                5001,
                1001,
                "S01",
                "2026-11-10",
                [("A100", 4, 1, "19.99", "10", 1), ("B200", 3, 3, "9.50", "0", 2)],
                status="partially sold",
            ),
            so_doc(5002, 1001, "WH2", "2026-11-12", [("A100", 3, 0, "19.99", "0", 1)], global_discount="10"),
            so_doc(5003, 1001, "S01", "2026-11-14", [("B200", 2, 1, "9.50", "0", 2)], status="cancelled"),
            so_doc(5004, 1001, "S01", "2026-11-15", [("B200", 2, 0, "9.50", "0", 2)], status="cancelled"),
        ),
    )


def run_report(engine, **kwargs):
    with UnitOfWork(engine) as uow:
        return sale_order_report(uow.session, SaleOrderReportParams(**kwargs))


def test_rows_amounts_and_cancelled_orders(engine, report_data):
    report = run_report(engine)
    got = [
        (
            r.so_number,
            r.store,
            r.corporate_order,
            r.sku,
            r.qty,
            r.sold,
            r.not_yet_sold,
            r.amount_sold,
            r.amount_not_sold,
        )
        for r in report.rows
    ]
    assert got == [
        # 1 x 19.99 less 10% = 17.991 -> 17.99; 3 x -> 53.973 -> 53.97
        (5001, "S01", 1001, "A100", 4, 1, 3, Decimal("17.99"), Decimal("53.97")),
        (5001, "S01", 1001, "B200", 3, 3, 0, Decimal("28.50"), Decimal("0.00")),
        # 3 x 19.99 = 59.97, less the SO's 10% global discount = 53.973 -> 53.97
        (5002, "WH2", 1001, "A100", 3, 0, 3, Decimal("0.00"), Decimal("53.97")),
        # a cancelled SO shows what it sold and nothing left to sell; 5004 sold nothing: left out
        (5003, "S01", 1001, "B200", 2, 1, 0, Decimal("9.50"), Decimal("0.00")),
    ]
    assert (report.qty, report.sold, report.not_yet_sold) == (12, 5, 6)
    assert (report.amount_sold, report.amount_not_sold) == (Decimal("55.99"), Decimal("107.94"))


def test_date_and_store_filters(engine, report_data):
    assert [r.so_number for r in run_report(engine, stores=("WH2",)).rows] == [5002]
    dated = run_report(engine, date_from=dt.date(2026, 11, 11), date_to=dt.date(2026, 11, 14))
    assert [r.so_number for r in dated.rows] == [5002, 5003]
    both = run_report(engine, date_from=dt.date(2026, 11, 11), stores=("S01", "MAIN"))
    assert [r.so_number for r in both.rows] == [5003]


def test_bad_filters_are_refused(engine, report_data):
    with pytest.raises(InputError, match="Unknown store: NOPE"):
        run_report(engine, stores=("S01", "NOPE"))
    with pytest.raises(InputError, match="after the last date"):
        run_report(engine, date_from=dt.date(2026, 12, 1), date_to=dt.date(2026, 11, 1))


def test_one_query_however_many_rows(engine, report_data):
    from sqlalchemy import event

    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        run_report(engine)
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    assert len([s for s in statements if "sale_order_lines" in s]) == 1


def test_cli_json(engine, report_data, xmart):  # noqa: F811
    status, out, err = xmart("report", "sale-orders", "--from", "2026-11-01", "--to", "2026-11-30", "--json")
    assert (status, err) == (0, "")
    doc = json.loads(out)
    first = doc["lines"][0]
    assert first["so"] == 5001 and first["qty"] == 4 and first["sold"] == 1 and first["not_yet_sold"] == 3
    assert first["price"] == "19.99" and first["amount_sold"] == "17.99" and first["amount_not_sold"] == "53.97"
    assert doc["totals"] == {
        "qty": 12,
        "sold": 5,
        "not_yet_sold": 6,
        "amount_sold": "55.99",
        "amount_not_sold": "107.94",
    }
    status, out, _ = xmart("report", "sale-orders", "--store", "WH2", "--json")
    assert [line["so"] for line in json.loads(out)["lines"]] == [5002]


def test_cli_csv_and_pdf(engine, report_data, xmart, tmp_path):  # noqa: F811
    path = tmp_path / "so.csv"
    status, _out, err = xmart("report", "sale-orders", "--store", "S01", "--csv", str(path))
    assert (status, err) == (0, "")
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["SO"], r["SKU"], r["Sold"], r["Not yet sold"], r["Amount not sold"]) for r in rows] == [
        ("5001", "A100", "1", "3", "53.97"),
        ("5001", "B200", "3", "0", "0.00"),
        ("5003", "B200", "1", "0", "0.00"),
    ]
    assert rows[0]["Date"] == "2026-11-10" and rows[0]["Corporate SO"] == "1001"
    pdf = tmp_path / "so.pdf"
    status, _out, err = xmart("report", "sale-orders", "--pdf", str(pdf))
    assert (status, err) == (0, "")
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Sale Orders — sold and not yet sold" in text and "Page 1 of 1" in text
    assert "107.94" in text and "5003" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-13-01"], "not a date"),
        (["--store", "NOPE"], "Unknown store: NOPE"),
        (["--from", "2026-12-01", "--to", "2026-11-01"], "after the last date"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(engine, report_data, xmart, tmp_path, capsys, args, message):  # noqa: F811
    out_file = tmp_path / "x.csv"
    try:
        status, out, err = xmart("report", "sale-orders", *args, "--csv", str(out_file))
    except SystemExit as exc:  # argparse refuses before the command runs
        status, (out, err) = exc.code, capsys.readouterr()
    assert status == 2 and out == "" and message in err and err.count("\n") == 1
    assert not out_file.exists()


def test_fulfilment_over_a_range_has_the_figures_of_show_cso(engine, report_data):
    from xmart.processes.fulfilment import cso_fulfilment
    from xmart.processes.fulfilment_report import fulfilment_rows
    from xmart.processes.selection import CsoRange

    setup_more = {"corporate_sale_orders": [cso(1002, ("B200", 1)), cso(1003, ("A100", 1), date="2026-12-01")]}
    from test_purchase_orders import load

    load(engine, setup_more)
    with UnitOfWork(engine) as uow:
        by_number = fulfilment_rows(uow.session, CsoRange.by_number(1001, 1002))
        by_date = fulfilment_rows(uow.session, CsoRange.by_date(dt.date(2026, 11, 1), dt.date(2026, 11, 30)))
        shown = cso_fulfilment(uow.session, 1001).to_json()["lines"]
    assert [(r.cso_number, r.line.line_no) for r in by_number] == [(1001, 1), (1001, 2), (1002, 1)]
    assert by_date == by_number  # 1003 is dated in December
    for row, line in zip(by_number, shown, strict=False):
        assert (row.line.qty, row.line.assigned, row.line.sold, row.line.unassigned, row.line.covered) == (
            line["qty"],
            line["assigned"],
            line["sold"],
            line["unassigned"],
            line["covered"],
        )
    # A100: 4 on 5001 (1 sold) + 3 on 5002; B200: 3 on 5001 (3 sold) + the 1 unit sold on 5003 before it was
    # cancelled (the sale happened: only unsold units are cancelled, DOMAIN.md section 6); 5004 assigns nothing
    assert by_number[0].by_store_text == "S01 4/1, WH2 3/0"
    assert by_number[1].line.assigned == 4 and by_number[1].line.unassigned == 4
    with pytest.raises(InputError, match="greater than the last"):
        with UnitOfWork(engine) as uow:
            fulfilment_rows(uow.session, CsoRange.by_number(1002, 1001))


def test_a_cancelled_cso_wants_nothing_more(engine, report_data):
    """DOMAIN.md section 2: a cancelled CSO's units are not unassigned — in show cso and the report alike."""
    from test_purchase_orders import load

    from xmart.processes.fulfilment import cso_fulfilment
    from xmart.processes.fulfilment_report import fulfilment_rows
    from xmart.processes.order_status import cancel_order
    from xmart.processes.selection import CsoRange

    load(engine, {"corporate_sale_orders": [cso(1002, ("B200", 3))]})
    with UnitOfWork(engine) as uow:
        cancel_order(uow, 1002)
    with UnitOfWork(engine) as uow:
        rows = fulfilment_rows(uow.session, CsoRange.by_number(1002, 1002))
        shown = cso_fulfilment(uow.session, 1002).to_json()["lines"]
    assert [(r.status, r.line.qty, r.line.unassigned) for r in rows] == [("cancelled", 3, 0)]
    assert [line["unassigned"] for line in shown] == [0]
