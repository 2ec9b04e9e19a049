"""Windows as a clerk closes and reopens them: unsaved work is asked about (Save / Discard / Cancel),
no empty draft is left behind, one document has one window, closed windows are never used again,
and the main window never quits silently in the middle of a run (issue 11, faults 3 and 4)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from tests.ui.helpers import answer_question, click, wait_task, when_modal
from xmart.models import CorporateSaleOrder
from xmart.models.db import UnitOfWork

ROOT = Path(__file__).resolve().parents[2]
Std = QMessageBox.StandardButton


@pytest.fixture
def main(ctx, qtbot):
    from xmart.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def _activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


_answer = answer_question


def _drafts(engine) -> dict[int, int]:
    """Draft CSO number -> its number of lines."""
    with UnitOfWork(engine) as uow:
        rows = uow.session.scalars(select(CorporateSaleOrder).where(CorporateSaleOrder.status == "draft"))
        return {cso.number: len(cso.lines) for cso in rows}


def _new_order(main, qtbot):
    """Transactions › Customers, first customer, New Order: the Order Manager on a new draft."""
    from xmart.ui.order_manager import OrderManager

    main.actions_by_name["customers"].trigger()
    customers = main.tabs.currentWidget()
    qtbot.waitUntil(lambda: customers.selected() is not None)
    click(qtbot, customers.ui.newOrderButton)
    manager = main.orders.windows[-1]
    assert isinstance(manager, OrderManager) and manager.view.status == "draft"
    _activate(qtbot, manager)
    return manager


def _add_lines(qtbot, items, skus=("A100", "B200", "C300")) -> None:
    for sku in skus:
        qtbot.keyClicks(items.ui.skuEdit, sku)
        items.completer.popup().hide()
        qtbot.keyClick(items.ui.skuEdit, Qt.Key.Key_Return)
    assert [line.sku for line in items.lines][-len(skus) :] == list(skus)


def _double_click(qtbot, browser, number: int) -> None:
    """Double-click the row of document `number` as a mouse does: a press, then the double click."""
    assert browser.select_number(number)
    view = browser.ui.tableView
    point = view.visualRect(view.currentIndex()).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def _open_views(kind=None):
    from xmart.ui.document_view import DocumentView

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, DocumentView) and w.isVisible()]


# --- fault 3: lost work -----------------------------------------------------------------------
def test_closing_an_edited_order_manager_asks_and_cancel_keeps_everything(main, ctx, qtbot):
    manager = _new_order(main, qtbot)
    number = manager.view.number
    manager.ui.tabs.setCurrentIndex(1)
    _add_lines(qtbot, manager.ui.itemsSection)
    seen: list[str] = []
    _answer(qtbot, Std.Cancel, seen)
    qtbot.keyClick(manager, Qt.Key.Key_Escape)  # Esc, as a user closes it
    assert seen and "not saved" in seen[0] and "the items" in seen[0]
    assert manager.isVisible() and len(manager.ui.itemsSection.lines) == 3

    _activate(qtbot, manager)  # back in the window after the box
    _answer(qtbot, Std.Save)
    qtbot.keyClick(manager, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)  # Ctrl+W
    qtbot.waitUntil(lambda: not main.orders.windows, timeout=10_000)
    assert _drafts(ctx.engine) == {number: 3}


def test_discard_closes_and_an_abandoned_new_order_leaves_no_draft(main, ctx, qtbot):
    manager = _new_order(main, qtbot)
    _add_lines(qtbot, manager.ui.itemsSection, ("A100",))
    qtbot.keyClicks(manager.ui.itemsSection.ui.skuEdit, "B2")  # typed, not added: counts as unsaved too
    seen: list[str] = []
    _answer(qtbot, Std.Discard, seen)
    assert manager.close()  # the window's close button
    assert "item line typed in but not added" in seen[0]
    qtbot.waitUntil(lambda: not main.orders.windows)
    ctx.tasks.wait_for_all()
    assert _drafts(ctx.engine) == {}

    manager = _new_order(main, qtbot)  # nothing typed: closes without a question, no draft left
    qtbot.keyClick(manager, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not main.orders.windows)
    ctx.tasks.wait_for_all()
    assert _drafts(ctx.engine) == {}


def test_a_refused_save_keeps_the_window(main, ctx, qtbot):
    manager = _new_order(main, qtbot)
    number = manager.view.number
    _add_lines(qtbot, manager.ui.itemsSection, ("A100",))
    with UnitOfWork(ctx.engine) as uow:  # meanwhile cancelled at another workstation
        uow.session.scalar(select(CorporateSaleOrder).where(CorporateSaleOrder.number == number)).status = "cancelled"
        uow.commit()
    _answer(qtbot, Std.Save)
    manager.close()
    wait_task(qtbot, manager.last_task)
    assert manager.isVisible() and len(manager.ui.itemsSection.lines) == 1
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert any("only a draft" in box.text() for box in boxes)  # the reason is shown
    for box in boxes:
        box.done(0)
    _answer(qtbot, Std.Discard)
    manager.close()
    qtbot.waitUntil(lambda: not main.orders.windows)


def test_sales_order_interface_asks_and_saves_a_draft(main, ctx, qtbot):
    soi = main.orders.sales_order_interface()
    _activate(qtbot, soi)
    qtbot.keyClick(soi, Qt.Key.Key_Escape)  # nothing on the screen: closes at once
    qtbot.waitUntil(lambda: not main.orders.windows)

    soi = main.orders.sales_order_interface()
    _activate(qtbot, soi)
    qtbot.keyClicks(soi.ui.findEdit, "C001")
    qtbot.keyClick(soi.ui.findEdit, Qt.Key.Key_Return)
    assert soi.customer is not None
    _add_lines(qtbot, soi.ui.itemsSection, ("A100", "C300"))
    _answer(qtbot, Std.Cancel)
    qtbot.keyClick(soi, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert soi.isVisible() and len(soi.ui.itemsSection.lines) == 2
    _activate(qtbot, soi)
    _answer(qtbot, Std.Save)
    soi.close()
    qtbot.waitUntil(lambda: not main.orders.windows, timeout=10_000)
    assert list(_drafts(ctx.engine).values()) == [2]


def test_clear_in_the_sales_order_interface_asks_too(main, ctx, qtbot):
    soi = main.orders.sales_order_interface()
    qtbot.keyClicks(soi.ui.findEdit, "C002")
    qtbot.keyClick(soi.ui.findEdit, Qt.Key.Key_Return)
    _add_lines(qtbot, soi.ui.itemsSection, ("B200",))
    _answer(qtbot, Std.Cancel)
    click(qtbot, soi.ui.clearButton)
    assert soi.customer is not None and len(soi.ui.itemsSection.lines) == 1
    _answer(qtbot, Std.Discard)
    click(qtbot, soi.ui.clearButton)
    assert soi.customer is None and soi.ui.itemsSection.lines == []
    assert _drafts(ctx.engine) == {}
    soi.close()  # nothing left on the screen: no question


def test_customer_dialog_asks_before_dropping_typed_text(main, ctx, qtbot):
    from xmart.ui.dialogs.customer_dialog import CustomerDialog

    customers = main.orders.customers()
    qtbot.waitUntil(lambda: customers.selected() is not None)
    name = customers.selected().name
    result: dict[str, object] = {}

    def drive(dialog: CustomerDialog) -> None:
        qtbot.keyClick(dialog.ui.nameEdit, Qt.Key.Key_End)  # the name comes selected: to its end first
        qtbot.keyClicks(dialog.ui.nameEdit, " Jr")
        _answer(qtbot, Std.Cancel)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        result["kept"] = dialog.isVisible() and dialog.ui.nameEdit.text() == name + " Jr"
        _answer(qtbot, Std.Save)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_modal(drive, CustomerDialog)
    saved = customers.edit_customer()
    assert result["kept"] is True
    assert saved is not None and saved.name == name + " Jr"


def test_settings_table_asks_before_dropping_a_new_row(main, ctx, qtbot):
    from xmart.ui.dialogs.order_settings_dialog import OrderSettingsDialog

    def drive(dialog: OrderSettingsDialog) -> None:
        click(qtbot, dialog.ui.addButton)  # a new row, its name cell open for typing
        editor = dialog.focusWidget()
        qtbot.keyClicks(editor, "Trade fair")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        _answer(qtbot, Std.Save)
        dialog.close()  # the close button

    when_modal(drive, OrderSettingsDialog)
    main.orders.edit_settings("channels")
    from xmart.processes import order_settings

    with UnitOfWork(ctx.engine) as uow:
        assert "Trade fair" in [c.name for c in order_settings.list_channels(uow.session)]


def test_main_window_closes_child_windows_first_and_cancel_keeps_them(main, ctx, qtbot):
    manager = _new_order(main, qtbot)
    _add_lines(qtbot, manager.ui.itemsSection, ("A100",))
    _answer(qtbot, Std.Cancel)
    assert not main.close()
    assert main.isVisible() and manager.isVisible() and len(manager.ui.itemsSection.lines) == 1
    _answer(qtbot, Std.Discard)
    assert main.close()
    qtbot.waitUntil(lambda: not main.orders.windows)


def test_main_window_never_quits_silently_while_a_process_runs(main, ctx, qtbot):
    release = threading.Event()
    task = ctx.tasks.start("Assigning", lambda progress, cancelled: release.wait(10), parent=None)
    seen: list[str] = []

    def answer(text: str):
        def drive(box: QMessageBox) -> None:
            seen.append(box.text())
            button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
            click(qtbot, button)

        when_modal(drive, QMessageBox)

    answer("Keep Working")
    assert not main.close()
    assert main.isVisible() and "Assigning is still running" in seen[0]
    answer("Wait and Quit")
    assert not main.close()
    assert main.isVisible()  # still running: the window stays until the run has finished
    release.set()
    wait_task(qtbot, task)
    qtbot.waitUntil(lambda: not main.isVisible())


# --- fault 4: window lifecycle ----------------------------------------------------------------
def test_edit_draft_works_after_an_order_manager_was_closed(main, ctx, qtbot):
    from xmart.ui.order_manager import OrderManager

    first = _new_order(main, qtbot)
    number = first.view.number
    _add_lines(qtbot, first.ui.itemsSection, ("A100",))
    click(qtbot, first.ui.saveButton)
    wait_task(qtbot, first.last_task)
    gone: list[bool] = []
    first.destroyed.connect(lambda: gone.append(True))
    first.close()  # saved: closes without a question
    qtbot.waitUntil(lambda: bool(gone))  # and is deleted (WA_DeleteOnClose)

    browser = main.open_browser("cso")
    browser.refresh()
    _double_click(qtbot, browser, number)
    managers = [w for w in main.orders.windows if isinstance(w, OrderManager)]
    assert [m.view.number for m in managers] == [number]
    assert len(managers[0].ui.itemsSection.lines) == 1
    _double_click(qtbot, browser, number)
    assert [w for w in main.orders.windows if isinstance(w, OrderManager)] == managers  # raised, not twice
    managers[0].close()

    second = _new_order(main, qtbot)  # New Order after a closed Order Manager
    assert second.isVisible()
    second.close()
    soi = main.orders.sales_order_interface()  # and the Sales Order Interface
    assert soi.isVisible()
    soi.close()


def test_double_click_on_a_row_opens_the_document_once(main, ctx, qtbot):
    browser = main.open_browser("cso")
    view = browser.ui.tableView
    _double_click(qtbot, browser, 1001)
    opened = _open_views()
    assert [v.details.number for v in opened] == [1001]
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter on the same row: the same window comes forward
    _double_click(qtbot, browser, 1001)
    assert _open_views() == opened
    opened[0].close()
    qtbot.wait(20)
    _double_click(qtbot, browser, 1001)
    again = _open_views()
    assert len(again) == 1 and again[0] is not opened[0]  # a closed window is forgotten
    again[0].close()


def test_exception_capture_is_on_for_ui_tests(request):
    assert not request.config.getini("qt_no_exception_capture")
    assert request.node.get_closest_marker("qt_no_exception_capture") is None


@pytest.mark.slow
def test_an_exception_in_a_slot_fails_the_test(tmp_path):
    """Proof with a real pytest run: an exception raised in a slot fails the test that caused it."""
    test = tmp_path / "test_slot_error.py"
    test.write_text(
        textwrap.dedent(
            """
            from PySide6.QtWidgets import QPushButton
            from PySide6.QtCore import Qt

            def test_slot_raises(qtbot):
                button = QPushButton("x")
                qtbot.addWidget(button)
                button.clicked.connect(lambda: 1 / 0)
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            """
        )
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--rootdir", str(ROOT), str(test)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "ZeroDivisionError" in run.stdout and "1 failed" in run.stdout


def test_the_client_logs_an_escaped_exception_and_says_so_plainly(qtbot, caplog):
    from xmart.ui.app import UNEXPECTED_TEXT, report_unexpected

    caplog.set_level(logging.CRITICAL)
    try:
        raise RuntimeError("Internal C++ object (OrderManager) already deleted")
    except RuntimeError as exc:
        box = report_unexpected(type(exc), exc, exc.__traceback__)
    assert box is not None and box.text() == UNEXPECTED_TEXT and "Traceback" not in box.text()
    assert "already deleted" in caplog.text and "Traceback" in caplog.text
    box.done(0)
