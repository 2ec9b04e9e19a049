"""Document browsers: model checks, SQL filters and sorting, and 100,000 documents opening at once."""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import type_over
from xmart.models import SaleOrder
from xmart.processes.views.document_lists import DOCUMENT_LISTS, BrowserFilter
from xmart.ui.table_models.document_table_model import DocumentTableModel


@pytest.mark.parametrize("kind", ["cso", "so", "po"])
def test_models_pass_the_model_tester(ctx, qtmodeltester, kind):
    model = DocumentTableModel(ctx.engine, DOCUMENT_LISTS[kind])
    model.refresh()
    qtmodeltester.check(model)


def test_cso_filters_and_sorting(ctx, qtbot):
    from xmart.ui.browsers.document_browser import DocumentBrowser

    browser = DocumentBrowser(ctx, DOCUMENT_LISTS["cso"])
    qtbot.addWidget(browser)
    model = browser.model
    assert [model.row(i).number for i in range(model.rowCount())] == [1003, 1002, 1001]
    browser.ui.tableView.horizontalHeader().setSortIndicator(2, Qt.SortOrder.AscendingOrder)  # customer
    assert [model.row(i).customer for i in range(3)] == ["Ada Lovelace", "Grace Hopper", "Grace Hopper"]
    qtbot.keyClicks(browser.ui.partyEdit, "grace")
    browser.apply_filter()
    assert model.total == 2
    browser.ui.partyEdit.clear()
    type_over(qtbot, browser.ui.fromDate, "2026-11-04")
    type_over(qtbot, browser.ui.toDate, "2026-11-06")
    browser.apply_filter()
    assert [model.row(i).number for i in range(model.rowCount())] == [1002]
    assert browser.ui.countLabel.text() == "1 corporate sale order"


def test_so_store_and_status_filters(ctx, qtbot):
    from xmart.ui.browsers.document_browser import DocumentBrowser

    browser = DocumentBrowser(ctx, DOCUMENT_LISTS["so"])
    qtbot.addWidget(browser)
    assert browser.model.total == 1
    qtbot.keyClicks(browser.ui.storeCombo, "S02")  # keyboard search in the combo, as a user picks a store
    assert browser.ui.storeCombo.currentData() == "S02" and browser.model.total == 0
    qtbot.wait(QApplication.keyboardInputInterval() + 100)  # a new keyboard search, as after a pause
    qtbot.keyClicks(browser.ui.storeCombo, "S01")
    assert browser.ui.storeCombo.currentData() == "S01"
    # 1 of 3 sold: imported as "open", its status follows its figures (README, "Rules xmart chose")
    qtbot.keyClicks(browser.ui.statusCombo, "partially sold")
    assert browser.ui.statusCombo.currentData() == "partially sold"
    assert browser.model.total == 1 and browser.model.row(0).sold == 1
    qtbot.keyClicks(browser.ui.numberEdit, "4001")
    browser.apply_filter()
    assert browser.model.total == 1
    opened = []
    browser.open_requested.connect(lambda kind, number: opened.append((kind, number)))
    view = browser.ui.tableView
    point = view.visualRect(browser.model.index(0, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)  # a double click: a press,
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)  # then the double click
    assert opened == [("so", 4001)]  # once


def test_100000_sale_orders_open_at_once_and_page_in(ctx, qtbot):
    rows = [
        {
            "number": 10_000 + n,
            "location_id": 2,
            "date": dt.date(2026, 1, 1) + dt.timedelta(days=n % 300),
            "status": "open",
            "global_discount": Decimal(0),
            "deposit": Decimal(0),
            "total": Decimal(0),
            "note": "",
        }
        for n in range(100_000)
    ]
    with ctx.engine.begin() as conn:
        conn.execute(SaleOrder.__table__.insert(), rows)
    from xmart.ui.browsers.document_browser import DocumentBrowser

    started = time.monotonic()
    browser = DocumentBrowser(ctx, DOCUMENT_LISTS["so"])
    qtbot.addWidget(browser)
    browser.show()
    elapsed = time.monotonic() - started
    assert elapsed < 1.0, f"opening took {elapsed:.2f} s"
    model = browser.model
    assert model.total == 100_001 and model.rowCount() == 200 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 400
    started = time.monotonic()
    browser.ui.tableView.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # by date
    assert time.monotonic() - started < 1.0
    assert model.row(0).date == dt.date(2026, 1, 1) or model.row(0).date <= dt.date(2026, 1, 1)
    model.set_filter(BrowserFilter(number=10_500))
    assert model.total == 1 and model.row(0).number == 10_500
