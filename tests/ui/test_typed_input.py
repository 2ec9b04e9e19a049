"""Typed input is taken exactly or refused with a reason beside the field, never replaced (issue 11,
faults 1, 2 and 7). Every value is typed with real key events over the field's selected text and read
back from what the dialog returns from `ask()`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import TODAY
from tests.ui.helpers import click, type_over, when_modal
from xmart.ui.widgets.range_box import BY_DATE
from xmart.ui.widgets.store_selector import LocationChoice

LOCATIONS = [
    LocationChoice("MAIN", "Main warehouse", "warehouse"),
    LocationChoice("S01", "Downtown"),
    LocationChoice("S02", "Uptown"),
]


def _shown(label) -> str:
    return label.text() if not label.isHidden() else ""


def _ask_assign(qtbot, driver, **kwargs):
    from xmart.ui.dialogs.assign_dialog import AssignDialog

    when_modal(driver, AssignDialog)
    return AssignDialog.ask(None, by=kwargs.pop("by", BY_DATE), locations=LOCATIONS, today=TODAY, **kwargs)


def _ask_po(qtbot, driver, **kwargs):
    from xmart.ui.dialogs.purchase_order_dialog import PurchaseOrderDialog

    when_modal(driver, PurchaseOrderDialog)
    return PurchaseOrderDialog.ask(None, by=kwargs.pop("by", BY_DATE), today=TODAY, **kwargs)


# --- fault 1: typed dates ---------------------------------------------------------------------


def test_assign_takes_typed_dates_exactly(qtbot):
    def driver(dialog):
        type_over(qtbot, dialog.ui.excludeBeforeEdit, "2026-01-01")
        first, last = dialog.ui.rangeBox.editors()
        type_over(qtbot, first, "2025-12-31")
        type_over(qtbot, last, "2027-01-20")
        assert dialog.ui.excludeBeforeEdit.text() == "2026-01-01"
        click(qtbot, dialog.run_button)

    params = _ask_assign(qtbot, driver)
    assert params is not None
    assert params.exclude_before == dt.date(2026, 1, 1)
    assert (params.range.date_from, params.range.date_to) == (dt.date(2025, 12, 31), dt.date(2027, 1, 20))


def test_purchase_order_takes_typed_dates_exactly(qtbot):
    def driver(dialog):
        type_over(qtbot, dialog.ui.deliveryEdit, "2028-06-01")
        type_over(qtbot, dialog.ui.cancelEdit, "2028-07-20")
        click(qtbot, dialog.run_button)

    params = _ask_po(qtbot, driver)
    assert params is not None
    assert (params.delivery, params.cancel) == (dt.date(2028, 6, 1), dt.date(2028, 7, 20))


@pytest.mark.parametrize("typed", ["2026-02-30", "2026-13-01", "2026-1", "26-01-01", ""])
def test_bad_dates_are_shown_beside_the_field_and_block_run(qtbot, typed):
    checked: list[str] = []

    def driver(dialog):
        type_over(qtbot, dialog.ui.excludeBeforeEdit, typed)
        assert dialog.ui.excludeBeforeEdit.text() == typed  # never changed
        reason = _shown(dialog.ui.excludeError)
        assert reason and "date" in reason
        assert not dialog.run_button.isEnabled() and not dialog.preview_button.isEnabled()
        checked.append(reason)
        dialog.reject()

    assert _ask_assign(qtbot, driver) is None
    assert checked


@pytest.mark.parametrize("field", ["deliveryEdit", "cancelEdit"])
def test_purchase_order_bad_dates_block_run(qtbot, field):
    checked: list[str] = []

    def driver(dialog):
        type_over(qtbot, getattr(dialog.ui, field), "2027-02-29")
        reason = _shown(dialog.ui.datesError)
        assert "2027-02-29" in reason
        assert not dialog.run_button.isEnabled() and not dialog.preview_button.isEnabled()
        checked.append(reason)
        dialog.reject()

    assert _ask_po(qtbot, driver) is None
    assert checked


def test_purchase_order_refuses_a_past_delivery_date(qtbot):
    checked: list[str] = []

    def driver(dialog):
        type_over(qtbot, dialog.ui.deliveryEdit, "2026-01-20")
        assert "past" in _shown(dialog.ui.datesError)
        assert not dialog.preview_button.isEnabled()
        checked.append("ok")
        dialog.reject()

    assert _ask_po(qtbot, driver) is None
    assert checked


def test_range_box_bad_date_is_shown_and_blocks_run(qtbot):
    checked: list[str] = []

    def driver(dialog):
        first, _last = dialog.ui.rangeBox.editors()
        type_over(qtbot, first, "2026-11-31")
        assert "2026-11-31" in _shown(dialog.ui.rangeBox.ui.errorLabel)
        assert not dialog.run_button.isEnabled()
        checked.append("ok")
        dialog.reject()

    assert _ask_po(qtbot, driver) is None
    assert checked


def test_browser_date_filter_takes_typed_dates_and_shows_bad_ones(ctx, qtbot):
    from xmart.processes.views.document_lists import DOCUMENT_LISTS
    from xmart.ui.browsers.document_browser import DocumentBrowser

    browser = DocumentBrowser(ctx, DOCUMENT_LISTS["cso"])
    qtbot.addWidget(browser)
    browser.show()
    type_over(qtbot, browser.ui.fromDate, "2026-11-04")
    type_over(qtbot, browser.ui.toDate, "2026-11-06")
    browser.apply_filter()
    assert browser.current_filter().date_from == dt.date(2026, 11, 4)
    assert [browser.model.row(i).number for i in range(browser.model.rowCount())] == [1002]
    type_over(qtbot, browser.ui.toDate, "2026-11-31")
    browser.apply_filter()
    assert browser.ui.toDate.text() == "2026-11-31"
    assert "2026-11-31" in _shown(browser.ui.filterError)
    assert browser.model.rowCount() == 1  # the last good filter stays; nothing is guessed
    type_over(qtbot, browser.ui.toDate, "")  # blank: any date
    browser.apply_filter()
    assert _shown(browser.ui.filterError) == "" and browser.current_filter().date_to is None


def test_commission_report_takes_typed_dates_and_refuses_bad_ones(ctx, qtbot):
    from xmart.ui.commission_view import CommissionView

    view = CommissionView(ctx)
    qtbot.addWidget(view)
    view.show()
    type_over(qtbot, view.ui.fromEdit, "2027-01-20")
    type_over(qtbot, view.ui.toEdit, "2027-02-28")
    assert (view.params().date_from, view.params().date_to) == (dt.date(2027, 1, 20), dt.date(2027, 2, 28))
    type_over(qtbot, view.ui.toEdit, "2027-02-29")
    assert "2027-02-29" in _shown(view.ui.datesError)
    assert not view.ui.runButton.isEnabled() and not view.ui.pdfButton.isEnabled()


# --- fault 7: process dialogs start from DOMAIN's defaults; the last run is an explicit choice ---------


@pytest.fixture
def window(ctx, qtbot):
    from xmart.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def test_assign_reopens_with_the_defaults_and_offers_the_last_run(window, ctx, qtbot):
    from xmart.processes.assign import AssignParams
    from xmart.processes.selection import CsoRange
    from xmart.ui.options import save_assign_options

    last = AssignParams(
        range=CsoRange.by_date(dt.date(2026, 11, 1), dt.date(2026, 11, 9)),
        stores=("S02",),
        consider_pending=False,
        exclude_before=dt.date(2026, 1, 1),
        print_documents=True,
    )
    save_assign_options(ctx.settings, last)
    seen: dict[str, object] = {}

    def driver(dialog):
        ui = dialog.ui
        seen["defaults"] = (
            ui.storeSelector.selected_codes(),
            ui.printCheck.isChecked(),
            ui.pendingCheck.isChecked(),
            ui.excludeBeforeEdit.text(),
        )
        click(qtbot, dialog.last_button)
        seen["last"] = dialog.params()
        dialog.reject()

    when_modal(driver)
    window.processes.assign(BY_DATE)
    assert seen["defaults"] == (("MAIN", "S01", "S02"), False, True, "1969-12-31")
    assert seen["last"] == last


def test_purchase_orders_reopen_with_the_defaults_and_offer_the_last_run(window, ctx, qtbot):
    from xmart.processes.purchase_orders import PurchaseOrderParams
    from xmart.processes.selection import CsoRange
    from xmart.ui.options import save_purchase_order_options

    last = PurchaseOrderParams(
        range=CsoRange.by_date(dt.date(2026, 11, 1), dt.date(2026, 11, 9)),
        delivery=TODAY + dt.timedelta(days=3),
        cancel=TODAY + dt.timedelta(days=9),
        print_documents=True,
    )
    save_purchase_order_options(ctx.settings, last, TODAY)
    seen: dict[str, object] = {}

    def driver(dialog):
        ui = dialog.ui
        seen["defaults"] = (ui.printCheck.isChecked(), ui.deliveryEdit.text(), ui.cancelEdit.text())
        click(qtbot, dialog.last_button)
        seen["last"] = dialog.params()
        dialog.reject()

    when_modal(driver)
    window.processes.purchase_orders(BY_DATE)
    assert seen["defaults"] == (False, "2026-12-05", "2027-01-04")
    assert seen["last"] == last


def test_no_last_run_button_before_any_run(qtbot):
    seen: list[bool] = []

    def driver(dialog):
        seen.append(dialog.last_button.isVisible())
        dialog.reject()

    _ask_assign(qtbot, driver)
    assert seen == [False]


# --- fault 2: typed numbers in order entry (the sections the Order Manager and the SOI share) --------


@pytest.fixture
def soi(ui_engine, settings, qtbot):
    """The Sales Order Interface of a main window on the order-entry data set."""
    from tests.support.orders import load_orders_data
    from xmart.ui.context import make_context
    from xmart.ui.main_window import MainWindow

    load_orders_data(ui_engine)
    ctx = make_context(ui_engine, settings)
    ctx.today = lambda: TODAY  # type: ignore[method-assign]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    screen = window.orders.sales_order_interface()
    screen.activateWindow()
    yield screen
    ctx.tasks.wait_for_all()


def _entry_row(qtbot, items, sku: str, *tabbed: str) -> None:
    """Type the SKU directly, then each value in `tabbed` after a Tab (qty, price, discount), then Enter."""
    qtbot.mouseClick(items.ui.skuEdit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(items.ui.skuEdit, sku)
    widget = items.ui.skuEdit
    for text in tabbed:
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        widget = items.window().focusWidget()
        if text:
            qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_typed_price_is_taken(soi, qtbot):
    items = soi.ui.itemsSection
    _entry_row(qtbot, items, "A100", "", "40.00")
    assert [(ln.sku, ln.qty, ln.price) for ln in items.lines] == [("A100", 1, Decimal("40.00"))]
    _entry_row(qtbot, items, "B200", "3")  # no price typed: the list price
    assert (items.lines[1].qty, items.lines[1].price) == (3, Decimal("9.50"))


@pytest.mark.parametrize(
    ("field", "typed", "words"),
    [
        ("discountEdit", "150", "Disc. %"),
        ("discountEdit", "12.345", "Disc. %"),
        ("discountEdit", "ten", "Disc. %"),
        ("qtyEdit", "1.5", "Qty"),
        ("qtyEdit", "0", "Qty"),
        ("priceEdit", "40.001", "Price"),
        ("priceEdit", "-3", "Price"),
    ],
)
def test_a_bad_number_in_the_entry_row_is_refused_with_a_message(soi, qtbot, field, typed, words):
    items = soi.ui.itemsSection
    order = ["qtyEdit", "priceEdit", "discountEdit"]
    values = ["" for _ in order]
    values[order.index(field)] = typed
    _entry_row(qtbot, items, "A100", *values[: order.index(field) + 1])
    assert items.lines == []
    editor = getattr(items.ui, field)
    assert editor.text() == typed  # kept as typed, never replaced
    assert words in _shown(items.ui.itemLabel)
    assert items.window().focusWidget() is editor


def test_a_large_quantity_is_taken_as_typed(soi, qtbot):
    items = soi.ui.itemsSection
    _entry_row(qtbot, items, "A100", "150000")
    assert items.lines[0].qty == 150000


def test_global_discount_shipping_cost_and_payment_amount_are_taken_or_refused(soi, qtbot):
    items, shipping, payment = soi.ui.itemsSection, soi.ui.shippingSection, soi.ui.paymentSection
    _entry_row(qtbot, items, "A100", "2")
    type_over(qtbot, items.ui.globalEdit, "150")
    assert items.ui.globalEdit.text() == "150" and "Global discount %" in _shown(items.ui.globalError)
    type_over(qtbot, items.ui.globalEdit, "12.5")
    assert _shown(items.ui.globalError) == "" and items.global_discount() == Decimal("12.50")
    type_over(qtbot, shipping.ui.costEdit, "7.505")
    assert shipping.ui.costEdit.text() == "7.505" and "cost" in _shown(shipping.ui.costError)
    type_over(qtbot, shipping.ui.costEdit, "7.50")
    assert _shown(shipping.ui.costError) == "" and shipping.cost() == Decimal("7.50")
    payment.ui.kindCombo.setCurrentText("Cash")
    type_over(qtbot, payment.ui.amountEdit, "12.345", leave=False)
    click(qtbot, payment.ui.addButton)
    assert payment.payments == [] and payment.ui.amountEdit.text() == "12.345"
    assert _shown(payment.ui.errorLabel)
    type_over(qtbot, payment.ui.amountEdit, "1,234.50", leave=False)
    qtbot.keyClick(payment.ui.amountEdit, Qt.Key.Key_Return)
    assert [p.amount for p in payment.payments] == [Decimal("1234.50")]


def test_custom_date_field_shows_a_bad_date_beside_it(soi, qtbot):
    setup = soi.ui.setupSection
    editor = setup.custom_editor("Deliver after")
    type_over(qtbot, editor, "2026-02-30")
    field_id = next(fid for fid, (_kind, ed) in setup.custom_editors.items() if ed is editor)
    assert editor.text() == "2026-02-30" and "2026-02-30" in _shown(setup.custom_errors[field_id])
    type_over(qtbot, editor, "2027-01-20")
    assert _shown(setup.custom_errors[field_id]) == ""
    assert (field_id, "2027-01-20") in setup.value()[2]


def test_range_and_browser_numbers_are_refused_not_dropped(ctx, qtbot):
    from xmart.processes.views.document_lists import DOCUMENT_LISTS
    from xmart.ui.browsers.document_browser import DocumentBrowser
    from xmart.ui.widgets.range_box import BY_NUMBER, RangeBox

    box = RangeBox()
    qtbot.addWidget(box)
    box.set_mode(BY_NUMBER)
    box.show()
    type_over(qtbot, box.ui.firstNumber, "1001-")
    type_over(qtbot, box.ui.lastNumber, "1003")
    assert box.ui.firstNumber.text() == "1001-" and box.value() is None
    assert "1001-" in box.problem()
    browser = DocumentBrowser(ctx, DOCUMENT_LISTS["cso"])
    qtbot.addWidget(browser)
    browser.show()
    type_over(qtbot, browser.ui.numberEdit, "10o2")
    browser.apply_filter()
    assert browser.ui.numberEdit.text() == "10o2" and "10o2" in _shown(browser.ui.filterError)
    type_over(qtbot, browser.ui.numberEdit, "99999999999")
    browser.apply_filter()
    assert "larger" in _shown(browser.ui.filterError)


def test_date_field_calendar_button_puts_the_picked_day(qtbot):
    from PySide6.QtCore import QDate

    from xmart.ui.widgets.date_field import DateField

    field = DateField()
    qtbot.addWidget(field)
    field.show()
    field.set_value(dt.date(2026, 11, 21))
    field.calendar_action.trigger()
    calendar = field._calendar
    assert calendar is not None and calendar.isVisible() and calendar.selectedDate() == QDate(2026, 11, 21)
    calendar.clicked.emit(QDate(2027, 1, 20))
    assert field.text() == "2027-01-20" and not calendar.isVisible()
