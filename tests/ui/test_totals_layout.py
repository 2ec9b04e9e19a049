"""Issue 11, faults 5 and 6: one total in the CSO view; buttons that work; windows that fit 1366x768 and
1024x600; one clear message; unique mnemonics; result tables whose headers match their data."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from tests.support.orders import full_entry, load_orders_data
from tests.ui.conftest import TODAY
from tests.ui.helpers import answer_question, click, wait_task, when_modal
from xmart.models.db import UnitOfWork
from xmart.processes.assign import AssignParams, assign_orders
from xmart.processes.order_entry import enter_order
from xmart.processes.purchase_orders import PurchaseOrderParams, generate_purchase_orders
from xmart.processes.selection import CsoRange

SCREENS = ((1366, 768), (1024, 600))
TITLE_BAR = 40  # a window manager's frame and a task bar take about this much of the screen's height


@pytest.fixture
def order_ctx(ui_engine, settings, qtbot):
    from xmart.ui.context import make_context

    ids = load_orders_data(ui_engine)
    ctx = make_context(ui_engine, settings)
    ctx.today = lambda: TODAY  # type: ignore[method-assign]
    ctx.ids = ids
    yield ctx
    ctx.tasks.wait_for_all()


@pytest.fixture
def main(order_ctx, qtbot):
    from xmart.ui.main_window import MainWindow

    window = MainWindow(order_ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


# --- fault 5: one total, and everything the order holds, in the CSO view --------------------------
def test_cso_view_shows_the_order_managers_total_and_all_of_the_order(main, order_ctx, qtbot):
    with UnitOfWork(order_ctx.engine) as uow:
        number = enter_order(uow, order_ctx.ids["C001"], full_entry(order_ctx.ids), TODAY).number
        uow.commit()
    from xmart.ui.document_view import DocumentView

    view = DocumentView.open_document(order_ctx, main, "cso", number)
    qtbot.addWidget(view)
    totals = view.ui.totalsLabel.text()
    assert "Total: <b>74.60</b>" in totals and "Shipping (UPS Ground): <b>7.50</b>" in totals
    fields = {
        form.itemAt(row, role.LabelRole).widget().text(): form.itemAt(row, role.FieldRole).widget().text()
        for form in (view.ui.leftForm, view.ui.rightForm)
        for row in range(form.rowCount())
        if (role := form.ItemRole)
    }
    assert fields["Channel:"] == "Phone" and fields["Salesman:"] == "Jo Smith (JS)"
    assert fields["Gift message:"] == "Happy birthday, Ada!" and fields["Shipping:"] == "UPS Ground"
    assert "**** 1111" in fields["Payments:"]


# --- fault 6a: Save as PDF ------------------------------------------------------------------------
def test_commission_save_as_pdf_button_writes_the_file(main, qtbot, tmp_path):
    view = main.orders.commission()
    target = tmp_path / "commission.pdf"
    asked: list[str] = []
    view.ask_path = lambda parent, caption, suggested, file_filter: asked.append(suggested) or str(target)
    click(qtbot, view.ui.pdfButton)
    assert asked and asked[0].endswith(".pdf")
    assert target.read_bytes().startswith(b"%PDF")


# --- fault 6e/6f: result summaries ----------------------------------------------------------------
def _summary(qtbot, content):
    from xmart.ui.result_summary import ResultSummaryDialog

    dialog = ResultSummaryDialog(content)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _column(tree, name: str) -> int:
    header = tree.headerItem()
    return [header.text(i) for i in range(tree.columnCount())].index(name)


def test_assign_preview_puts_skus_under_sku_and_units_under_units(ctx, qtbot):
    from xmart.ui.result_summary import assign_summary

    params = AssignParams(range=CsoRange.by_number(1001, 1003), dry_run=True, today=TODAY)
    with UnitOfWork(ctx.engine) as uow:
        result = assign_orders(params, uow)
    tree = _summary(qtbot, assign_summary(result, preview=True)).ui.documentTree
    assert tree.topLevelItemCount() == len(result.sale_orders) > 0
    widths = [tree.columnWidth(i) for i in range(tree.columnCount())]
    tree.expandAll()  # as if the user opened every sale order
    for name in ("SKU", "Price"):  # the lines' cells fit as they were sized ("A…", "19.…" before)
        assert widths[_column(tree, name)] >= tree.sizeHintForColumn(_column(tree, name))
    for i, so in enumerate(result.sale_orders):
        top = tree.topLevelItem(i)
        assert top.text(_column(tree, "Store")) == so.store
        assert top.text(_column(tree, "Corporate SO")) == str(so.corporate_order)
        assert top.text(_column(tree, "Deposit")) == f"{so.deposit:,.2f}"
        for j, line in enumerate(so.lines):
            child = top.child(j)
            assert child.text(_column(tree, "SKU")) == line.sku
            assert child.text(_column(tree, "Units")) == str(line.qty)
            assert child.text(_column(tree, "Price")) == f"{line.price:,.2f}"
            assert child.text(_column(tree, "Corporate SO")) == ""


def test_purchase_order_preview_puts_skus_under_sku(ctx, qtbot):
    from xmart.ui.result_summary import purchase_order_summary

    params = PurchaseOrderParams(
        range=CsoRange.by_number(1001, 1003),
        delivery=dt.date(2026, 12, 1),
        cancel=dt.date(2026, 12, 15),
        dry_run=True,
        today=TODAY,
    )
    with UnitOfWork(ctx.engine) as uow:
        result = generate_purchase_orders(params, uow)
    tree = _summary(qtbot, purchase_order_summary(result, preview=True)).ui.documentTree
    assert tree.topLevelItemCount() == len(result.purchase_orders) > 0
    for i, po in enumerate(result.purchase_orders):
        top = tree.topLevelItem(i)
        assert top.text(_column(tree, "Vendor")) == po.vendor
        for j, line in enumerate(po.lines):
            assert top.child(j).text(_column(tree, "SKU")) == line.sku
            assert top.child(j).text(_column(tree, "Units")) == str(line.qty)
    other = _summary(qtbot, purchase_order_summary(result, preview=True)).ui.otherTree
    assert all(other.headerItem().text(i) for i in range(other.columnCount()))  # no blank header


def test_empty_result_text_is_shown_whole(ctx, qtbot):
    from xmart.ui.result_summary import assign_summary

    params = AssignParams(range=CsoRange.by_number(9001, 9002), dry_run=True, today=TODAY)
    with UnitOfWork(ctx.engine) as uow:
        result = assign_orders(params, uow)
    tree = _summary(qtbot, assign_summary(result, preview=True)).ui.documentTree
    item = tree.topLevelItem(0)
    text = item.text(0)
    assert text.startswith("Nothing to generate")
    needed = tree.fontMetrics().horizontalAdvance(text)
    shown = tree.viewport().width() if item.isFirstColumnSpanned() else tree.columnWidth(0)
    assert shown >= needed  # not "Nothi…"


# --- fault 6b: the Sales Order Interface fits 1366x768 and 1024x600 --------------------------------
LONG_NAME = ("Maximiliana Wolkenstein-Oberhausen " * 3)[:100]


def _new_customer_typed(qtbot, soi, name: str) -> None:
    """New Customer…: type the name in the dialog and press Save, as a clerk does."""

    def fill(dialog) -> None:
        qtbot.keyClicks(dialog.ui.nameEdit, name)
        click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save))

    when_modal(fill)
    click(qtbot, soi.ui.newCustomerButton)


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_sales_order_interface_fits_the_screen_and_a_long_name_does_not_widen_it(main, qtbot, width, height):
    soi = main.orders.sales_order_interface()
    qtbot.waitExposed(soi)
    frame = soi.frameGeometry().size() - soi.size()  # the window manager's border
    room = QSize(width - frame.width(), height - TITLE_BAR - frame.height())
    assert soi.minimumSizeHint().width() <= room.width() and soi.minimumSizeHint().height() <= room.height()
    soi.resize(room)
    qtbot.waitUntil(lambda: soi.size() == room)
    button = soi.ui.completeButton
    corner = button.mapTo(soi, QPoint(button.width(), button.height()))
    assert button.isVisible() and corner.x() <= soi.width() and corner.y() <= soi.height()  # Complete Order in view
    _new_customer_typed(qtbot, soi, LONG_NAME)
    qtbot.waitUntil(lambda: soi.customer is not None)
    assert soi.customer.name == LONG_NAME
    qtbot.wait(50)
    assert soi.frameGeometry().width() <= width and soi.width() == room.width()
    assert soi.minimumSizeHint().width() <= room.width()
    label = soi.ui.customerLabel
    assert label.text().startswith(LONG_NAME) and label.elided_lines()[0].endswith("…")
    assert label.toolTip().startswith(LONG_NAME)  # the whole name, on hover
    answer_question(qtbot, QMessageBox.StandardButton.Discard)  # a chosen customer is unsaved work
    soi.close()
    assert not soi.isVisible()


@pytest.fixture(params=SCREENS, ids=lambda size: f"{size[0]}x{size[1]}")
def screen_size(request, monkeypatch):
    """The primary screen made `width` x `height` (less a task bar) before any window opens."""
    width, height = request.param
    screen = QApplication.primaryScreen()
    monkeypatch.setattr(screen, "availableGeometry", lambda: QRect(0, 0, width, height - TITLE_BAR))
    return request.param


def test_every_order_window_opens_within_the_screen(screen_size, main, order_ctx, qtbot):
    from xmart.ui.document_view import DocumentView

    with UnitOfWork(order_ctx.engine) as uow:
        number = enter_order(uow, order_ctx.ids["C001"], full_entry(order_ctx.ids), TODAY).number
        uow.commit()
    view = DocumentView.open_document(order_ctx, main, "cso", number)
    qtbot.addWidget(view)
    manager = main.orders.new_order(order_ctx.ids["C002"])
    soi = main.orders.sales_order_interface()
    width, height = screen_size
    for window in (main, view, manager, soi):
        qtbot.waitExposed(window)
        frame = window.frameGeometry()
        assert frame.width() <= width and frame.height() <= height - TITLE_BAR, window.windowTitle()


# --- fault 6c: one clear message when e-mail is not set up -----------------------------------------
def test_completing_without_smtp_says_once_that_the_email_waits(main, order_ctx, qtbot):
    soi = main.orders.sales_order_interface()
    qtbot.keyClicks(soi.ui.findEdit, "C001")
    qtbot.keyClick(soi.ui.findEdit, Qt.Key.Key_Return)
    salesman = soi.ui.setupSection.ui.salesmanCombo
    salesman.setFocus()
    qtbot.keyClicks(salesman, "Jo")
    assert salesman.currentText() == "Jo Smith"
    qtbot.keyClicks(soi.ui.itemsSection.ui.skuEdit, "A100")
    qtbot.keyClick(soi.ui.itemsSection.ui.skuEdit, Qt.Key.Key_Return)
    kind = soi.ui.paymentSection.ui.kindCombo
    kind.setFocus()
    qtbot.keyClicks(kind, "Ca")
    qtbot.keyClicks(soi.ui.paymentSection.ui.amountEdit, "10")
    qtbot.keyClick(soi.ui.paymentSection.ui.amountEdit, Qt.Key.Key_Return)
    qtbot.keyClicks(soi.ui.shippingSection.ui.methodCombo.lineEdit(), "Store pickup")
    click(qtbot, soi.ui.completeButton)
    wait_task(qtbot, soi.last_task)
    qtbot.wait(200)
    if main.orders.delivery is not None:
        qtbot.waitUntil(lambda: main.orders.delivery.done, timeout=10_000)
        qtbot.wait(50)
    said = soi.ui.shortcutsLabel.text()
    assert "Order 1001 completed" in said and "waits in Transactions › Outbox" in said and "Settings › E-mail" in said
    assert [box.text() for box in _boxes()] == []  # no second, contradicting "could not be sent" box


# --- fault 6d: Alt+C is Complete Order, Alt+P is Preview (the structural check is test_mnemonics.py) --
def test_alt_c_in_the_sales_order_interface_completes_not_cost(main, qtbot):
    soi = main.orders.sales_order_interface()
    soi.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is soi)
    clicked: list[bool] = []
    soi.ui.completeButton.clicked.connect(lambda *_: clicked.append(True))
    qtbot.keyClick(soi.ui.findEdit, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(_boxes()))
    assert clicked and soi.focusWidget() is not soi.ui.shippingSection.ui.costEdit
    assert any("find the customer" in box.text() for box in _boxes())
    for box in _boxes():
        box.done(0)


def test_alt_p_in_the_assign_dialog_previews_not_print(ctx, qtbot):
    from xmart.ui.dialogs.assign_dialog import AssignDialog
    from xmart.ui.process_actions import active_locations

    dialog = AssignDialog(None, by="number", locations=active_locations(ctx), today=TODAY, preview=lambda p, w: None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    box = dialog.ui.rangeBox.ui
    qtbot.mouseClick(box.firstNumber, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(box.firstNumber, "1001")
    qtbot.keyClick(box.firstNumber, Qt.Key.Key_Tab)
    qtbot.keyClicks(box.lastNumber, "1003")
    qtbot.keyClick(box.lastNumber, Qt.Key.Key_Tab)
    qtbot.waitUntil(dialog.preview_button.isEnabled)
    ticked = dialog.ui.printCheck.isChecked()
    pressed: list[bool] = []
    dialog.preview_button.clicked.connect(lambda *_: pressed.append(True))
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(pressed))  # Alt+P is Preview…
    assert dialog.ui.printCheck.isChecked() == ticked  # … and does not tick Print
