"""What a new user met with real keys on a small screen (issue 11 try-out): the field a shortcut jumps to
is in view, Enter presses a focused button, the SKU list choice then Tab lands in Qty."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QStyle, QTableView, QWidget

from tests.support.orders import full_entry
from tests.ui.conftest import TODAY
from tests.ui.helpers import answer_question, when_modal
from tests.ui.test_totals_layout import SCREENS, TITLE_BAR, main, order_ctx  # noqa: F401 - fixtures
from xmart.models.db import UnitOfWork
from xmart.processes.order_entry import enter_order

__all__ = ["main", "order_ctx"]
SLACK = 50


def _in_view(area, widget) -> bool:
    top_left = widget.mapTo(area.viewport(), widget.rect().topLeft())
    return area.viewport().rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("keys", ["Ctrl+4", "Ctrl+3", "Ctrl+2", "Ctrl+1"])
def test_ctrl_number_at_1024x600_scrolls_the_section_into_view(main, qtbot, keys):  # noqa: F811
    soi = main.orders.sales_order_interface()
    qtbot.waitExposed(soi)
    frame = soi.frameGeometry().size() - soi.size()
    soi.resize(QSize(1024 - frame.width(), 600 - TITLE_BAR - frame.height()))
    qtbot.wait(50)
    area = soi.ui.scrollArea
    targets = {
        "Ctrl+1": soi.ui.setupSection.ui.channelCombo,
        "Ctrl+2": soi.ui.itemsSection.ui.skuEdit,
        "Ctrl+3": soi.ui.paymentSection.ui.kindCombo,
        "Ctrl+4": soi.ui.shippingSection.ui.methodCombo,
    }
    target = targets[keys]
    soi.activateWindow()
    qtbot.waitUntil(soi.isActiveWindow)
    # from the far end of the form, so that the target is out of view before the jump
    other = targets["Ctrl+1" if keys in ("Ctrl+4", "Ctrl+3") else "Ctrl+4"]
    area.verticalScrollBar().setValue(0 if other is targets["Ctrl+1"] else area.verticalScrollBar().maximum())
    assert area.verticalScrollBar().maximum() > 0  # the sections scroll at this size
    digit = keys.partition("+")[2]
    qtbot.keyClick(soi.focusWidget() or soi, getattr(Qt.Key, f"Key_{digit}"), Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(target.hasFocus)
    qtbot.wait(20)
    assert _in_view(area, target), keys


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_every_editor_window_opens_inside_the_screen(main, order_ctx, qtbot, monkeypatch, width, height):  # noqa: F811
    """Shot 5: the Order Manager opened in the bottom-left corner, its bottom edge off a 768-px screen."""
    from xmart.ui.document_view import DocumentView

    screen = QApplication.primaryScreen()
    area = QRect(0, 0, width, height - TITLE_BAR)
    monkeypatch.setattr(screen, "availableGeometry", lambda: area)
    main.move(width // 2, height // 2)  # the main window where the clerk left it, half off to the right
    qtbot.wait(20)
    with UnitOfWork(order_ctx.engine) as uow:
        number = enter_order(uow, order_ctx.ids["C001"], full_entry(order_ctx.ids), TODAY).number
        uow.commit()
    view = DocumentView.open_document(order_ctx, main, "cso", number)
    qtbot.addWidget(view)
    windows = [view, main.orders.new_order(order_ctx.ids["C002"]), main.orders.sales_order_interface()]
    for window in windows:
        qtbot.waitExposed(window)
        frame, anchor = window.frameGeometry(), main.frameGeometry()
        assert area.contains(frame), (window.windowTitle(), frame, area)
        # centred on the main window as far as the screen allows (not wherever the window system puts it)
        # centred on the main window as far as the screen allows, not wherever the window system puts it
        # (the slack is the frame a window manager would add, guessed before the window is first shown)
        near_x = abs(frame.center().x() - anchor.center().x()) <= SLACK or area.right() - frame.right() <= SLACK
        near_y = abs(frame.center().y() - anchor.center().y()) <= SLACK or area.bottom() - frame.bottom() <= SLACK
        assert near_x and near_y, (window.windowTitle(), frame, anchor)


def test_enter_on_a_focused_button_presses_it(main, qtbot):  # noqa: F811
    """Shots 22/23: Tab to Add Payment, Enter: nothing happened (only Space pressed it). The Order Manager
    uses the same `enter_presses_buttons`."""
    editor = main.orders.sales_order_interface()
    payment = editor.sections.payment
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    kind = payment.ui.kindCombo
    kind.setFocus()
    qtbot.keyClicks(kind, "Ca")
    qtbot.keyClicks(payment.ui.amountEdit, "10")
    for _ in range(6):
        if payment.ui.addButton.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert payment.ui.addButton.hasFocus()
    qtbot.keyClick(payment.ui.addButton, Qt.Key.Key_Return)
    assert len(payment.payments) == 1
    answer_question(qtbot, QMessageBox.StandardButton.Discard)
    editor.close()


def test_a_sku_picked_from_the_list_then_tab_goes_to_qty_once(main, qtbot):  # noqa: F811
    """Shots 16-18: Down, Enter in the SKU list moved focus to Qty, so the habitual Tab put the quantity
    into Price. Picking fills the SKU and stays there; Tab goes to Qty, as after typing a whole SKU."""
    soi = main.orders.sales_order_interface()
    qtbot.waitExposed(soi)
    soi.activateWindow()
    qtbot.waitUntil(soi.isActiveWindow)
    items = soi.sections.items
    sku = items.ui.skuEdit
    sku.setFocus()
    qtbot.keyClicks(sku, "A10")
    popup = items.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert sku.hasFocus() and items.current is not None
    qtbot.keyClick(sku, Qt.Key.Key_Tab)
    assert items.ui.qtyEdit.hasFocus()
    qtbot.keyClicks(items.ui.qtyEdit, "4")
    qtbot.keyClick(items.ui.qtyEdit, Qt.Key.Key_Return)
    assert len(items.lines) == 1
    line = items.lines[0]
    assert line.sku == "A100" and line.qty == 4 and line.price == Decimal("19.99"), line


def test_enter_in_the_assign_result_opens_the_sale_order_and_keeps_the_window(ctx, qtbot):
    """Shots 50/51: Enter on a row closed the result window instead of opening the sale order."""
    from xmart.processes.assign import AssignParams, assign_orders
    from xmart.processes.selection import CsoRange
    from xmart.ui.result_summary import ResultSummaryDialog, assign_summary

    with UnitOfWork(ctx.engine) as uow:
        result = assign_orders(AssignParams(range=CsoRange.by_number(1001, 1003), dry_run=False, today=TODAY), uow)
        uow.commit()
    opened: list[tuple[str, int]] = []
    parent = QWidget()
    qtbot.addWidget(parent)  # the dialog deletes itself on close
    dialog = ResultSummaryDialog(
        assign_summary(result, preview=False), parent, open_document=lambda k, n: opened.append((k, n))
    )
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    tree = dialog.ui.documentTree
    first = tree.topLevelItem(0)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(first).center())
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert opened == [("so", result.sale_orders[0].number)]
    assert dialog.isVisible()
    qtbot.keyClick(tree, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_sales_order_interface_hints_are_not_clipped(main, qtbot, width, height):  # noqa: F811
    """Shot 30/99: "No customer chos…" and the placeholder "SKU or descrip…"."""
    soi = main.orders.sales_order_interface()
    qtbot.waitExposed(soi)
    frame = soi.frameGeometry().size() - soi.size()
    soi.resize(QSize(width - frame.width(), height - TITLE_BAR - frame.height()))
    qtbot.wait(50)
    label = soi.ui.customerLabel
    assert label.width() >= label.fontMetrics().horizontalAdvance("No customer chosen")
    sku = soi.ui.itemsSection.ui.skuEdit
    margins = sku.textMargins().left() + sku.textMargins().right() + 8  # the frame around the text
    assert sku.width() - margins >= sku.fontMetrics().horizontalAdvance(sku.placeholderText())


def test_fulfilment_by_location_header_is_whole_at_1024(main, order_ctx, qtbot):  # noqa: F811
    """Shot 78: the last header read "location (assigned/so"."""
    with UnitOfWork(order_ctx.engine) as uow:
        for customer in ("C001", "C002"):
            enter_order(uow, order_ctx.ids[customer], full_entry(order_ctx.ids), TODAY)
        uow.commit()
    main.resize(1024, 560)
    view = main.fulfilment_report()
    qtbot.waitExposed(main)
    qtbot.wait(50)
    table = view.ui.table
    header = table.horizontalHeader()
    last = table.model().columnCount() - 1
    title = str(table.model().headerData(last, Qt.Orientation.Horizontal))
    widest = max(header.fontMetrics().horizontalAdvance(line) for line in title.splitlines())
    assert header.sectionSize(last) >= widest + 8, (title, header.sectionSize(last))


def test_sale_orders_report_store_choice_is_whole_at_1024(ui_engine, settings, qtbot):
    """Shot 75: the Store box showed "S01 — Saratoga Spring" (the demo data's location names)."""
    from xmart.ui.sale_orders_report import open_sale_orders_report

    main = _demo_main(ui_engine, settings, qtbot)
    main.resize(1024, 560)
    view = open_sale_orders_report(main.ctx, main.tabs)
    qtbot.waitExposed(main)
    combo = view.ui.storeCombo
    combo.setFocus()
    longest = max((combo.itemText(i) for i in range(combo.count())), key=combo.fontMetrics().horizontalAdvance)
    for _ in range(combo.count()):  # the clerk goes through the choices with Down
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        if combo.currentText() == longest:
            break
    qtbot.wait(20)
    assert combo.currentText() == longest
    room = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, _option(combo), QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    assert room.width() >= combo.fontMetrics().horizontalAdvance(longest), (longest, room.width())


def _option(combo):
    from PySide6.QtWidgets import QStyleOptionComboBox

    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.currentText = combo.currentText()
    return option


def _demo_main(ui_engine, settings, qtbot):
    from xmart.processes.demo import load_demo
    from xmart.ui.context import make_context
    from xmart.ui.main_window import MainWindow

    load_demo(ui_engine, progress=lambda *_: None)
    ctx = make_context(ui_engine, settings)
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_customer_chooser_shows_every_column_whole(ui_engine, settings, qtbot, monkeypatch):
    """Shot 3: Transactions › Corporate Sale Order's chooser cut the Phone column off (1366x768)."""
    area = QRect(0, 0, 1366, 768 - TITLE_BAR)
    monkeypatch.setattr(QApplication.primaryScreen(), "availableGeometry", lambda: area)
    main = _demo_main(ui_engine, settings, qtbot)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    seen = {}

    def look(dialog) -> None:
        table = dialog.findChild(QTableView, "table")
        qtbot.wait(50)
        seen["length"] = table.horizontalHeader().length()
        seen["room"] = table.viewport().width()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_modal(look)
    qtbot.keyClick(main, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "room" in seen)
    assert seen["length"] <= seen["room"], seen
