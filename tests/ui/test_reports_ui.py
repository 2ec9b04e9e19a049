"""Reports › Sale Orders (sold and not yet sold), the exports of every list and the CSO browser's Total
column, driven with real key and mouse events; files read back with csv, openpyxl and pypdf."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt

from tests.ui.helpers import click, wait_task
from xmart.models.db import UnitOfWork
from xmart.processes.importer import import_document


@pytest.fixture
def window(ctx, qtbot):
    from xmart.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def more_sale_orders(ctx):
    """SO 4002 at S02 (CSO 1002, 2 of 3 B200 sold) and SO 4003 at S01 (CSO 1003), both in November."""
    doc = {
        "sale_orders": [
            {
                "number": 4002,
                "location": "S02",
                "date": "2026-11-12",
                "status": "partially sold",
                "corporate_order": 1002,
                "lines": [{"sku": "B200", "qty": 3, "sold": 2, "price": "9.50", "cso_line": 1}],
            },
            {
                "number": 4003,
                "location": "S01",
                "date": "2026-11-14",
                "status": "open",
                "corporate_order": 1003,
                "lines": [{"sku": "A100", "qty": 2, "sold": 0, "price": "19.99", "cso_line": 1}],
            },
        ]
    }
    with UnitOfWork(ctx.engine) as uow:
        import_document(uow, doc)


def type_date(qtbot, edit, text: str) -> None:
    """Arrive in a date field by keyboard focus, select all, type the whole date, leave with Tab.

    Clicking into the middle of a date field and typing is the typed-date fault another change fixes in
    every date widget (issue 11, fault 1); this report uses the same widgets, so its tests move the
    focus as Tab does (inside a date field Tab steps between its sections, hence the focus reason).
    """
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    assert edit.hasFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def answer(path):
    """An `ask` that answers the Save dialog with `path`, recording the caption it was asked with."""
    asked = []

    def ask(_parent, caption, suggested, _filter):
        asked.append((caption, suggested))
        return str(path)

    ask.asked = asked  # type: ignore[attr-defined]
    return ask


def open_report(window):
    window.actions_by_name["saleOrdersReport"].trigger()
    from xmart.ui.sale_orders_report import SaleOrdersReportView

    view = window.tabs.currentWidget()
    assert isinstance(view, SaleOrdersReportView)
    return view


def show_november_s02(qtbot, view):
    type_date(qtbot, view.ui.fromEdit, "2026-11-01")
    type_date(qtbot, view.ui.toEdit, "2026-11-30")
    click(qtbot, view.ui.storeCombo)  # focus; the popup opens
    view.ui.storeCombo.hidePopup()
    qtbot.keyClicks(view.ui.storeCombo, "S02")
    click(qtbot, view.ui.runButton)


def test_typed_dates_and_a_store_show_the_lines_with_totals(window, qtbot, more_sale_orders):
    view = open_report(window)
    assert [r.so_number for r in view.model.rows] == [4001, 4002, 4003]  # the last 90 days, every store
    type_date(qtbot, view.ui.fromEdit, "2026-11-01")
    type_date(qtbot, view.ui.toEdit, "2026-11-30")
    click(qtbot, view.ui.runButton)
    assert [r.so_number for r in view.model.rows] == [4002, 4003]
    show_november_s02(qtbot, view)
    assert view.params().stores == ("S02",)
    assert view.params().date_from == dt.date(2026, 11, 1)
    row = view.model.rows[0]
    assert [view.model.data(view.model.index(0, c)) for c in range(view.model.columnCount())] == [
        "4002",
        "2026-11-12",
        "S02",
        "partially sold",
        "1002",
        "B200",
        "Red bowl",
        "3",
        "2",
        "1",
        "9.50",
        "0",
        "19.00",
        "9.50",
    ]
    assert len(view.model.rows) == 1 and row.not_yet_sold == 1
    assert "sold 2 (19.00)" in view.ui.totalsLabel.text() and "not yet sold 1 (9.50)" in view.ui.totalsLabel.text()


def test_a_first_date_after_the_last_is_shown_beside_the_fields(window, qtbot):
    view = open_report(window)
    type_date(qtbot, view.ui.fromEdit, "2026-12-01")
    type_date(qtbot, view.ui.toEdit, "2026-11-01")
    click(qtbot, view.ui.runButton)
    assert view.ui.errorLabel.isVisibleTo(view)
    assert "after the last date" in view.ui.errorLabel.text()


def test_save_as_csv_excel_and_pdf(window, qtbot, more_sale_orders, tmp_path):
    view = open_report(window)
    show_november_s02(qtbot, view)

    view.ask = answer(tmp_path / "report")  # no extension typed: .csv is added
    click(qtbot, view.ui.csvButton)
    wait_task(qtbot, view.last_task)
    with (tmp_path / "report.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows == [
        {
            "SO": "4002",
            "Date": "2026-11-12",
            "Store": "S02",
            "Status": "partially sold",
            "Corporate SO": "1002",
            "SKU": "B200",
            "Description": "Red bowl",
            "Qty": "3",
            "Sold": "2",
            "Not yet sold": "1",
            "Price": "9.50",
            "Disc. %": "0.00",
            "Amount sold": "19.00",
            "Amount not sold": "9.50",
        }
    ]

    view.ask = answer(tmp_path / "report.xlsx")
    click(qtbot, view.ui.xlsxButton)
    wait_task(qtbot, view.last_task)
    sheet = load_workbook(tmp_path / "report.xlsx").active
    header = [c.value for c in sheet[1]]
    values = {h: c for h, c in zip(header, sheet[2], strict=True)}
    assert values["SO"].value == 4002 and values["Qty"].value == 3
    assert values["Date"].value == dt.datetime(2026, 11, 12) and values["Date"].is_date
    assert values["Amount sold"].value == 19 and values["Amount sold"].number_format == "0.00"
    assert values["Price"].value == 9.5 and values["Price"].number_format == "0.00"
    assert sheet.max_row == 2

    view.ask = answer(tmp_path / "report.pdf")
    click(qtbot, view.ui.pdfButton)
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "report.pdf").pages)
    assert "Sale Orders — sold and not yet sold" in text and "4002" in text and "Page 1 of 1" in text
    assert "stores: S02" in text


def test_the_cso_browser_exports_every_row_not_only_the_loaded_page(window, qtbot, tmp_path):
    browser = window.open_browser("cso")
    browser.model.page_size = 2
    browser.refresh()
    assert browser.model.rowCount() == 2 and browser.model.total == 3
    browser.ask_path = answer(tmp_path / "csos.xlsx")
    click(qtbot, browser.ui.xlsxButton)
    wait_task(qtbot, browser.last_task)
    sheet = load_workbook(tmp_path / "csos.xlsx").active
    header = [c.value for c in sheet[1]]
    assert header[-1] == "Total"
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    assert [r[0] for r in rows] == [1003, 1002, 1001]  # the browser's order: newest number first
    totals = {r[0]: r[-1] for r in rows}
    # 1001: 5 x 19.99 + 2 x 5.00 = 109.95; 1002: 3 x 9.50; 1003: 2 x 19.99
    assert totals == {1001: pytest.approx(109.95), 1002: pytest.approx(28.5), 1003: pytest.approx(39.98)}
    assert sheet.cell(2, len(header)).number_format == "0.00"
    assert sheet.cell(2, 2).is_date

    browser.ask_path = answer(tmp_path / "csos.csv")
    click(qtbot, browser.ui.csvButton)
    wait_task(qtbot, browser.last_task)
    with (tmp_path / "csos.csv").open(encoding="utf-8-sig", newline="") as f:
        listed = list(csv.DictReader(f))
    assert [(r["Number"], r["Date"], r["Total"]) for r in listed] == [
        ("1003", "2026-11-10", "39.98"),
        ("1002", "2026-11-05", "28.50"),
        ("1001", "2026-11-02", "109.95"),
    ]


def test_the_cso_browser_shows_the_order_total(window):
    browser = window.open_browser("cso")
    model = browser.model
    column = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())].index("Total")
    shown = {model.row(r).number: model.data(model.index(r, column)) for r in range(model.rowCount())}
    assert shown == {1001: "109.95", 1002: "28.50", 1003: "39.98"}


def test_fulfilment_opens_on_the_cso_selected_in_the_browser(window, qtbot):
    """Issue 11 fault 6: the Fulfilment report asked for a number defaulting to 1 instead of the selected row."""
    from xmart.ui.fulfilment_report import FulfilmentReportView

    browser = window.open_browser("cso")
    view_ = browser.ui.tableView
    row = next(r for r in range(browser.model.rowCount()) if browser.model.row(r).number == 1002)
    qtbot.mouseClick(
        view_.viewport(), Qt.MouseButton.LeftButton, pos=view_.visualRect(browser.model.index(row, 2)).center()
    )
    window.actions_by_name["fulfilment"].trigger()
    report = window.tabs.currentWidget()
    assert isinstance(report, FulfilmentReportView)
    assert report.mode() == "number"
    assert (report.ui.rangeBox.ui.firstNumber.text(), report.ui.rangeBox.ui.lastNumber.text()) == ("1002", "1002")
    assert [(r.cso_number, r.line.sku, r.line.qty, r.line.unassigned) for r in report.rows] == [(1002, "B200", 3, 3)]


def test_fulfilment_over_a_typed_number_range_exports_to_excel(window, qtbot, tmp_path):
    window.actions_by_name["fulfilment"].trigger()  # no browser row: the last 30 days by date
    report = window.tabs.currentWidget()
    assert report.mode() == "date" and {r.cso_number for r in report.rows} == {1001, 1002, 1003}
    combo = report.ui.modeCombo
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # "CSO number" is above "CSO date"
    assert report.mode() == "number"
    box = report.ui.rangeBox.ui
    click(qtbot, box.firstNumber)
    qtbot.keyClicks(box.firstNumber, "1001")
    qtbot.keyClick(box.firstNumber, Qt.Key.Key_Tab)
    assert box.lastNumber.hasFocus()
    qtbot.keyClicks(box.lastNumber, "1002")
    click(qtbot, report.ui.runButton)
    assert [(r.cso_number, r.line.sku) for r in report.rows] == [(1001, "A100"), (1001, "C300"), (1002, "B200")]

    report.ask = answer(tmp_path / "fulfilment.xlsx")
    click(qtbot, report.ui.xlsxButton)
    wait_task(qtbot, report.last_task)
    sheet = load_workbook(tmp_path / "fulfilment.xlsx").active
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    assert [(r[0], r[4], r[6]) for r in rows] == [(1001, "A100", 5), (1001, "C300", 2), (1002, "B200", 3)]
    assert sheet.cell(2, 2).is_date


def test_fulfilment_refuses_a_reversed_range_beside_the_fields(window, qtbot):
    window.actions_by_name["fulfilment"].trigger()
    report = window.tabs.currentWidget()
    report.ui.modeCombo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(report.ui.modeCombo, Qt.Key.Key_Up)
    box = report.ui.rangeBox.ui
    click(qtbot, box.firstNumber)
    qtbot.keyClicks(box.firstNumber, "1003")
    qtbot.keyClick(box.firstNumber, Qt.Key.Key_Tab)
    qtbot.keyClicks(box.lastNumber, "1001")
    click(qtbot, report.ui.runButton)
    assert box.errorLabel.isVisibleTo(report) and "greater than the last" in box.errorLabel.text()


def test_commission_exports_money_as_numbers(window, qtbot, tmp_path):
    window.actions_by_name["commission"].trigger()
    view = window.orders.commission()
    view.ask_path = answer(tmp_path / "commission.xlsx")
    click(qtbot, view.ui.xlsxButton)
    wait_task(qtbot, view.last_task)
    sheet = load_workbook(tmp_path / "commission.xlsx").active
    assert [c.value for c in sheet[1]] == ["Salesman", "Code", "Rate %", "Orders", "Sales total", "Commission"]
    salesman, code, rate, orders, sales, commission = sheet[2]
    # CSOs 1001-1003 of November: 109.95 + 28.50 + 39.98 = 178.43; 2.5% = 4.46
    assert (salesman.value, code.value, orders.value) == ("Jo Smith", "JS", 3)
    assert rate.value == pytest.approx(2.5)
    assert sales.value == pytest.approx(178.43) and sales.number_format == "0.00"
    assert commission.value == pytest.approx(4.46) and commission.number_format == "0.00"

    view.ask_path = answer(tmp_path / "commission.csv")
    click(qtbot, view.ui.csvButton)
    wait_task(qtbot, view.last_task)
    with (tmp_path / "commission.csv").open(encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f))[1] == ["Jo Smith", "JS", "2.50", "3", "178.43", "4.46"]


def test_outbox_exports_its_list(window, qtbot, tmp_path):
    view = window.orders.outbox()
    view.ask_path = answer(tmp_path / "outbox.csv")
    click(qtbot, view.ui.csvButton)
    wait_task(qtbot, view.last_task)
    with (tmp_path / "outbox.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["Queued", "To", "Subject", "Status", "Attempts", "Next attempt", "Sent", "Last error"]
    assert len(rows) == 1 + view.model.rowCount()


def test_a_cancelled_save_dialog_writes_nothing(window, qtbot, tmp_path):
    browser = window.open_browser("cso")
    browser.ask_path = lambda *_args: ""
    click(qtbot, browser.ui.csvButton)
    assert browser.last_task is None and list(tmp_path.glob("*.csv")) == []


def test_a_result_summary_exports_every_generated_line(window, qtbot, tmp_path):
    """All lines of the run, typed (not the listed text, which stops at MAX_LISTED documents)."""
    from decimal import Decimal

    from xmart.processes.assign import AssignResult, GeneratedLine, GeneratedSaleOrder
    from xmart.ui.result_summary import MAX_LISTED, assign_summary

    sos = tuple(
        GeneratedSaleOrder(
            5001 + i,
            "S01",
            1001,
            dt.date(2026, 11, 21),
            "note",
            Decimal("0.00"),
            (GeneratedLine("A100", 2, Decimal("19.99"), Decimal("10.00"), 1),),
            Decimal("35.98"),
        )
        for i in range(MAX_LISTED + 2)
    )
    summary = window.processes.show_summary(assign_summary(AssignResult(sos, ()), preview=False), window)
    qtbot.addWidget(summary)
    window.processes.ask_path = answer(tmp_path / "assign.xlsx")
    click(qtbot, summary.xlsx_button)
    wait_task(qtbot, window.processes.last_export)
    sheet = load_workbook(tmp_path / "assign.xlsx").active
    assert [c.value for c in sheet[1]][:7] == ["Sale order", "Date", "Store", "Corporate SO", "CSO line", "SKU", "Qty"]
    assert sheet.max_row == 1 + MAX_LISTED + 2
    number, date, *_rest, qty, price, discount = sheet[sheet.max_row]
    assert (number.value, qty.value) == (5001 + MAX_LISTED + 1, 2)
    assert date.is_date and price.value == pytest.approx(19.99) and price.number_format == "0.00"
