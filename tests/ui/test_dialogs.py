"""The Assign and Purchase Orders dialogs: defaults, validation beside the fields, the parameters returned."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import TODAY
from tests.ui.helpers import tick, type_over
from xmart.processes.selection import CsoRange
from xmart.ui.widgets.range_box import BY_DATE, BY_NUMBER
from xmart.ui.widgets.store_selector import LocationChoice

LOCATIONS = [
    LocationChoice("MAIN", "Main warehouse", "warehouse"),
    LocationChoice("S01", "Downtown"),
    LocationChoice("S02", "Uptown"),
]


@pytest.fixture
def assign_dialog(qtbot):
    from xmart.ui.dialogs.assign_dialog import AssignDialog

    def make(by=BY_DATE, **kwargs):
        dialog = AssignDialog(None, by=by, locations=LOCATIONS, today=TODAY, **kwargs)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


@pytest.fixture
def po_dialog(qtbot):
    from xmart.ui.dialogs.purchase_order_dialog import PurchaseOrderDialog

    def make(by=BY_DATE, **kwargs):
        dialog = PurchaseOrderDialog(None, by=by, today=TODAY, **kwargs)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def _error(label) -> str:
    return label.text() if label.isVisible() else ""


def test_assign_defaults_match_the_seed(assign_dialog):
    dialog = assign_dialog()
    ui = dialog.ui
    assert not ui.printCheck.isChecked()
    assert ui.printCheck.text().replace("&", "") == "Print the generated sale orders"
    assert ui.pendingCheck.isChecked()
    assert ui.pendingCheck.text().replace("&", "") == "Consider items pending on Sale Orders"
    assert ui.excludeBeforeEdit.text() == "1969-12-31"
    assert ui.storeSelector.selected_codes() == ("MAIN", "S01", "S02")
    assert dialog.run_button.isEnabled() and dialog.run_button.isDefault()
    params = dialog.params()
    assert params.range == CsoRange.by_date(TODAY - dt.timedelta(days=30), TODAY)
    assert params.consider_pending and not params.print_documents and not params.dry_run
    assert params.exclude_before == dt.date(1969, 12, 31)


def test_assign_by_number_typed_as_a_user_would(assign_dialog, qtbot):
    dialog = assign_dialog(BY_NUMBER)
    ui = dialog.ui
    assert not dialog.run_button.isEnabled()  # no numbers yet
    assert _error(ui.rangeBox.ui.errorLabel) == ""  # nothing shouted before the user types
    qtbot.keyClicks(ui.rangeBox.ui.firstNumber, "1002")
    assert "last" in _error(ui.rangeBox.ui.errorLabel)
    qtbot.keyClicks(ui.rangeBox.ui.lastNumber, "1003")
    assert dialog.run_button.isEnabled()
    tick(qtbot, ui.printCheck)
    tick(qtbot, ui.pendingCheck)
    assert not ui.excludeBeforeEdit.isEnabled()
    qtbot.mouseClick(ui.storeSelector.ui.noneButton, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(ui.storeSelector.ui.searchEdit, "down")
    qtbot.mouseClick(ui.storeSelector.ui.allButton, Qt.MouseButton.LeftButton)  # all *visible*: S01 only
    params = dialog.params()
    assert params.range == CsoRange.by_number(1002, 1003)
    assert params.stores == ("S01",)
    assert params.print_documents and not params.consider_pending


def test_assign_refuses_numbers_in_the_wrong_order(assign_dialog, qtbot):
    dialog = assign_dialog(BY_NUMBER)
    ui = dialog.ui.rangeBox.ui
    qtbot.keyClicks(ui.firstNumber, "1050")
    qtbot.keyClicks(ui.lastNumber, "1001")
    assert not dialog.run_button.isEnabled()
    assert not dialog.preview_button.isEnabled()
    assert "greater than" in _error(ui.errorLabel)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter does not run it either
    assert dialog.result() == 0 and dialog.isVisible()


def test_assign_refuses_dates_in_the_wrong_order(assign_dialog, qtbot):
    dialog = assign_dialog(BY_DATE)
    ui = dialog.ui.rangeBox.ui
    type_over(qtbot, ui.firstDate, "2026-11-20")
    type_over(qtbot, ui.lastDate, "2026-11-01")
    assert not dialog.run_button.isEnabled()
    assert "after the last date" in _error(ui.errorLabel)
    type_over(qtbot, ui.lastDate, "2026-11-20")
    assert dialog.run_button.isEnabled() and _error(ui.errorLabel) == ""


def test_assign_refuses_no_store(assign_dialog, qtbot):
    dialog = assign_dialog()
    selector = dialog.ui.storeSelector
    qtbot.mouseClick(selector.ui.noneButton, Qt.MouseButton.LeftButton)
    assert not dialog.run_button.isEnabled()
    assert _error(selector.ui.errorLabel) == "Select at least one location."
    assert selector.ui.countLabel.text() == "0 of 3 selected"
    selector.ui.storeList.item(2).setCheckState(Qt.CheckState.Checked)
    assert dialog.run_button.isEnabled()
    assert dialog.params().stores == ("S02",)


def test_assign_offers_the_last_run_and_enter_runs(assign_dialog, qtbot):
    from xmart.processes.assign import AssignParams

    last = AssignParams(
        range=CsoRange.by_date(dt.date(2026, 11, 1), dt.date(2026, 11, 9)),
        stores=("S02",),
        consider_pending=False,
        exclude_before=dt.date(2026, 1, 1),
        print_documents=True,
    )
    dialog = assign_dialog(last=last)
    assert dialog.params() != last  # opens with the defaults
    assert dialog.last_button.isVisible()
    qtbot.mouseClick(dialog.last_button, Qt.MouseButton.LeftButton)
    assert dialog.params() == last
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted


def test_assign_preview_button_hands_dry_run_params(assign_dialog, qtbot):
    seen = []
    dialog = assign_dialog(preview=lambda params, parent: seen.append((params, parent)))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1 and seen[0][0].dry_run and seen[0][1] is dialog
    assert dialog.isVisible()


def test_purchase_order_defaults_and_values(po_dialog, qtbot):
    dialog = po_dialog(BY_NUMBER)
    ui = dialog.ui
    assert ui.printCheck.text().replace("&", "") == "Print the generated purchase orders"
    qtbot.keyClicks(ui.rangeBox.ui.firstNumber, "1001")
    qtbot.keyClicks(ui.rangeBox.ui.lastNumber, "1003")
    params = dialog.params()
    assert params.range == CsoRange.by_number(1001, 1003)
    assert params.delivery == TODAY + dt.timedelta(days=14)
    assert params.cancel == params.delivery + dt.timedelta(days=30)


def test_purchase_order_refuses_cancel_before_delivery(po_dialog, qtbot):
    dialog = po_dialog()
    ui = dialog.ui
    type_over(qtbot, ui.deliveryEdit, "2026-12-10")
    type_over(qtbot, ui.cancelEdit, "2026-12-09")
    assert not dialog.run_button.isEnabled()
    assert "before the delivery date" in _error(ui.datesError)
    type_over(qtbot, ui.cancelEdit, "2026-12-10")
    assert dialog.run_button.isEnabled() and _error(ui.datesError) == ""


def test_purchase_order_refuses_empty_and_reversed_ranges(po_dialog, qtbot):
    dialog = po_dialog(BY_NUMBER)
    ui = dialog.ui.rangeBox.ui
    qtbot.keyClicks(ui.firstNumber, "5")
    assert not dialog.run_button.isEnabled()
    assert "last" in _error(ui.errorLabel)
    qtbot.keyClicks(ui.lastNumber, "4")
    assert "greater than" in _error(ui.errorLabel)
    dialog2 = po_dialog(BY_DATE)
    type_over(qtbot, dialog2.ui.rangeBox.ui.firstDate, "2026-12-01")
    type_over(qtbot, dialog2.ui.rangeBox.ui.lastDate, "2026-11-01")
    assert not dialog2.run_button.isEnabled()
    assert "after the last date" in _error(dialog2.ui.rangeBox.ui.errorLabel)


def test_store_selector_search_hides_and_select_none_keeps_hidden(qtbot):
    from xmart.ui.widgets.store_selector import StoreSelector

    selector = StoreSelector()
    qtbot.addWidget(selector)
    selector.set_locations(LOCATIONS, {"S01"})
    assert selector.selected_codes() == ("S01",)
    qtbot.keyClicks(selector.ui.searchEdit, "up")
    hidden = [selector.ui.storeList.item(i).isHidden() for i in range(3)]
    assert hidden == [True, True, False]
    qtbot.mouseClick(selector.ui.allButton, Qt.MouseButton.LeftButton)
    assert selector.selected_codes() == ("S01", "S02")
