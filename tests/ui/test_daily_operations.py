"""Receive, invoice and cancel from the browsers and the document views, as a clerk does it (real clicks and
keys), checked in the database and in the refreshed lists."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QToolButton
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.ui.helpers import answer_question, click, wait_task, when_modal
from xmart.models import Item, Location, PurchaseOrder, SaleOrder, Stock
from xmart.models.db import UnitOfWork
from xmart.processes.importer import import_document
from xmart.ui.dialogs.quantities_dialog import NOW_COLUMN, QuantitiesDialog
from xmart.ui.document_view import DocumentView


@pytest.fixture
def window(ctx, qtbot):
    from xmart.ui.main_window import MainWindow

    with UnitOfWork(ctx.engine) as uow:
        import_document(
            uow,
            {
                "purchase_orders": [
                    {
                        "number": 7001,
                        "vendor": "V1",
                        "date": "2026-11-01",
                        "location": "MAIN",
                        "lines": [{"sku": "A100", "qty": 10}, {"sku": "B200", "qty": 4}],
                    }
                ]
            },
        )
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def _status(engine, model, number: int) -> str:
    with Session(engine) as session:
        return session.scalar(select(model.status).where(model.number == number))


def _on_hand(engine, code: str, sku: str) -> int | None:
    with Session(engine) as session:
        return session.scalar(
            select(Stock.on_hand)
            .join(Location, Location.id == Stock.location_id)
            .join(Item, Item.id == Stock.item_id)
            .where(Location.code == code, Item.sku == sku)
        )


def _click_row(qtbot, browser, number: int) -> None:
    """Click the browser's row of document `number`."""
    model, table = browser.model, browser.ui.tableView
    row = next(i for i in range(model.rowCount()) if model.row(i).number == number)
    rect = table.visualRect(model.index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert browser.current_row().number == number


def _row_status(browser, number: int) -> str:
    model = browser.model
    return next(model.row(i).status for i in range(model.rowCount()) if model.row(i).number == number)


def _type_now(qtbot, dialog: QuantitiesDialog, row: int, text: str) -> None:
    """Click the row's "now" cell, open it (F2), select what is there and type `text`, Enter."""
    table = dialog.ui.linesTable
    rect = table.visualRect(table.model().index(row, NOW_COLUMN))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    cell = dialog.ui.linesTable.item(row, NOW_COLUMN)
    qtbot.waitUntil(lambda: cell.text() == text)  # the delegate commits in the next turn of the event loop


def test_receive_some_lines_from_the_browser(window, ctx, qtbot):
    browser = window.open_browser("po")
    _click_row(qtbot, browser, 7001)
    receive = browser.findChild(QToolButton, "receivePoButton")
    assert receive.isEnabled() and "receivePo" in [a.objectName() for a in browser.ui.tableView.actions()]
    seen: list[str] = []

    def drive(dialog: QuantitiesDialog) -> None:
        _type_now(qtbot, dialog, 0, "15")  # more than the 10 left: refused beside the table, OK disabled
        seen.append(dialog.ui.errorLabel.text())
        assert not dialog.ok_button.isEnabled()
        _type_now(qtbot, dialog, 0, "6")
        _type_now(qtbot, dialog, 1, "0")
        assert dialog.ok_button.isEnabled() and dialog.ui.errorLabel.isHidden()
        qtbot.keyClick(dialog.ui.linesTable, Qt.Key.Key_Return)  # Enter: Receive

    when_modal(drive, QuantitiesDialog)
    click(qtbot, receive)
    assert seen == ["A100: 15 is more than the 10 left to receive."]
    wait_task(qtbot, window.operations.last_task)
    assert _status(ctx.engine, PurchaseOrder, 7001) == "partially received"
    assert _on_hand(ctx.engine, "MAIN", "A100") == 6 and _on_hand(ctx.engine, "MAIN", "B200") is None
    assert _row_status(browser, 7001) == "partially received"  # the list was read again
    assert "Received 6 units on PO 7001" in window.statusBar().currentMessage()


def test_esc_in_the_receive_dialog_writes_nothing(window, ctx, qtbot):
    browser = window.open_browser("po")
    _click_row(qtbot, browser, 7001)
    when_modal(lambda dialog: qtbot.keyClick(dialog.ui.linesTable, Qt.Key.Key_Escape), QuantitiesDialog)
    click(qtbot, browser.findChild(QToolButton, "receivePoButton"))
    assert window.operations.last_task is None
    assert _status(ctx.engine, PurchaseOrder, 7001) == "open" and _on_hand(ctx.engine, "MAIN", "A100") is None


def test_invoice_from_the_document_view_and_a_refusal(window, ctx, qtbot):
    window.open_browser("so")
    view = window.open_document("so", 4001)  # S01, A100: 3 ordered, 1 sold
    assert isinstance(view, DocumentView)
    invoice = view.operation_buttons["invoice"]
    # 1 of 3 sold: partially sold on import (its status follows its figures), so it cannot be cancelled
    assert invoice.isEnabled() and view.operation_buttons["cancel"].isEnabled() is False

    def accept(dialog: QuantitiesDialog) -> None:
        assert dialog.ui.linesTable.item(0, NOW_COLUMN).text() == "2"  # all that is left, to start with
        _type_now(qtbot, dialog, 0, "1")
        click(qtbot, dialog.ok_button)

    when_modal(accept, QuantitiesDialog)
    click(qtbot, invoice)
    wait_task(qtbot, window.operations.last_task)
    assert _status(ctx.engine, SaleOrder, 4001) == "partially sold" and _on_hand(ctx.engine, "S01", "A100") == 9
    assert view.status == "partially sold"  # the open view was read again
    assert not view.operation_buttons["cancel"].isEnabled()  # a sold unit stays sold

    # the stock falls behind on another workstation: the process refuses, one message, nothing written
    with UnitOfWork(ctx.engine) as uow:
        uow.session.execute(Stock.__table__.update().values(on_hand=0))
        uow.commit()
    when_modal(lambda dialog: qtbot.keyClick(dialog.ui.linesTable, Qt.Key.Key_Return), QuantitiesDialog)
    click(qtbot, invoice)
    wait_task(qtbot, window.operations.last_task)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert [b.text() for b in boxes] == ["Only 0 units of A100 on hand at S01; cannot sell 1."]
    boxes[0].done(0)
    assert _status(ctx.engine, SaleOrder, 4001) == "partially sold"


def _answer(button_text: str, seen: list[str]) -> None:
    def drive(box: QMessageBox) -> None:
        seen.append(box.text())
        next(b for b in box.buttons() if b.text().replace("&", "") == button_text).click()

    when_modal(drive, QMessageBox)


def test_cancel_a_po_from_the_browser_after_confirming(window, ctx, qtbot):
    browser = window.open_browser("po")
    _click_row(qtbot, browser, 7001)
    cancel = browser.findChild(QToolButton, "cancelPoButton")
    seen: list[str] = []
    when_modal(lambda box: qtbot.keyClick(box, Qt.Key.Key_Return), QMessageBox)  # Enter keeps it
    click(qtbot, cancel)
    assert window.operations.last_task is None and _status(ctx.engine, PurchaseOrder, 7001) == "open"
    _answer("Cancel Purchase order", seen)
    click(qtbot, cancel)
    assert "14 units no longer on order" in seen[0] and "A100  Blue mug: 10 units" in seen[0]
    wait_task(qtbot, window.operations.last_task)
    assert _status(ctx.engine, PurchaseOrder, 7001) == "cancelled"
    assert _row_status(browser, 7001) == "cancelled" and not cancel.isEnabled()
    assert window.statusBar().currentMessage() == "Purchase order 7001 cancelled (14 units no longer on order)."


def test_cancel_an_so_from_the_view(window, ctx, qtbot):
    from tests.ui.conftest import TODAY
    from xmart.processes.assign import AssignParams, assign_orders
    from xmart.processes.selection import CsoRange

    with UnitOfWork(ctx.engine) as uow:
        result = assign_orders(AssignParams(range=CsoRange.by_number(1002, 1002), today=TODAY), uow)
    number = result.sale_orders[0].number
    browser = window.open_browser("so")
    view = window.open_document("so", number)
    seen: list[str] = []
    _answer("Cancel Sale order", seen)
    click(qtbot, view.operation_buttons["cancel"])
    wait_task(qtbot, window.operations.last_task)
    assert "3 units not sold" in seen[0] and "corporate sale order 1002 become unassigned again" in seen[0]
    assert _status(ctx.engine, SaleOrder, number) == "cancelled" and view.status == "cancelled"
    assert _row_status(browser, number) == "cancelled"
    with Session(ctx.engine) as session:
        from xmart.models import CorporateSaleOrder

        assert session.scalar(select(CorporateSaleOrder.status).where(CorporateSaleOrder.number == 1002)) == "open"


def _availability_rows(dialog) -> list[tuple[str, ...]]:
    model = dialog.ui.table.model()
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def test_f4_on_the_item_line_shows_availability(window, ctx, qtbot):
    from xmart.ui.item_availability import ItemAvailabilityDialog

    soi = window.orders.sales_order_interface()
    items = soi.ui.itemsSection
    soi.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is soi)
    click(qtbot, items.ui.skuEdit)
    qtbot.keyClicks(items.ui.skuEdit, "A100")
    items.completer.popup().hide()
    qtbot.keyClick(items.ui.skuEdit, Qt.Key.Key_F4)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ItemAvailabilityDialog))
    assert dialog.isVisible() and dialog.windowTitle() == "Availability of A100"
    # S01: 10 on hand, SO 4001 has 2 unsold (pending) -> 8 available; PO 7001 brings 10 to MAIN
    assert _availability_rows(dialog) == [
        ("MAIN — Main warehouse", "0", "0", "0", "0", "10"),
        ("S01 — Downtown", "10", "2", "2", "8", "0"),
        ("S02 — Uptown", "4", "1", "0", "4", "0"),
    ]
    dialog.activateWindow()  # as the window manager does for a new window (offscreen leaves the SOI active)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.ui.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert soi.isVisible()  # Esc closed the availability window only
    answer_question(qtbot, QMessageBox.StandardButton.Discard)  # the typed SKU is unsaved work
    soi.close()
    assert not soi.isVisible()


def test_documents_items_searches_and_shows_locations(window, ctx, qtbot):
    window.actions_by_name["browseItems"].trigger()
    view = window.tabs.currentWidget()
    assert view.objectName() == "itemsView" and view.ui.countLabel.text() == "3 items"
    click(qtbot, view.ui.searchEdit)
    qtbot.keyClicks(view.ui.searchEdit, "bowl")
    qtbot.keyClick(view.ui.searchEdit, Qt.Key.Key_Return)
    assert view.ui.countLabel.text() == "1 item" and view.current().sku == "B200"
    loc = view.ui.locationsTable.model()
    assert [loc.index(r, 0).data() for r in range(loc.rowCount())] == ["MAIN — Main warehouse", "S02 — Uptown"]
    assert view.ui.locationsBox.title() == "B200 by location"


def test_customer_manager_shows_the_selected_customers_orders(window, ctx, qtbot):
    manager = window.orders.customers()
    table = manager.ui.table
    qtbot.keyClicks(manager.ui.searchEdit, "Grace")
    qtbot.keyClick(manager.ui.searchEdit, Qt.Key.Key_Return)
    rect = table.visualRect(table.model().index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    history = manager.ui.historyTable.model()
    rows = [tuple(history.index(r, c).data() for c in range(history.columnCount())) for r in range(history.rowCount())]
    assert rows == [
        ("1003", "2026-11-10", "open", "2", "39.98", "0.00", "39.98"),
        ("1002", "2026-11-05", "open", "3", "28.50", "0.00", "28.50"),
    ]
    assert manager.ui.historyBox.title() == "Corporate sale orders of Grace Hopper"


def test_cancelling_a_po_cancelled_elsewhere_is_one_message_and_the_list_catches_up(window, ctx, qtbot):
    from xmart.processes.order_status import cancel_purchase_order

    browser = window.open_browser("po")
    _click_row(qtbot, browser, 7001)
    with UnitOfWork(ctx.engine) as uow:  # another workstation cancels it first
        cancel_purchase_order(uow, 7001)
    cancel = browser.findChild(QToolButton, "cancelPoButton")
    assert cancel.isEnabled()  # the list is not read again yet
    click(qtbot, cancel)  # no question: the process refuses with the reason
    wait_task(qtbot, window.operations.last_task)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert [b.text() for b in boxes] == ["Purchase order 7001 is already cancelled."]
    boxes[0].done(0)
    assert _row_status(browser, 7001) == "cancelled" and not cancel.isEnabled()
