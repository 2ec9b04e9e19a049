"""Assign and Purchase Orders driven from the main window's menus, as a manager with a mouse would."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.ui.helpers import answer_print_dialog, click, tick, type_over, wait_task, when_modal
from xmart.models import PoCoverage, PurchaseOrder, SaleOrder, SaleOrderLine
from xmart.ui.document_view import DocumentView
from xmart.ui.errors import CANCELLED_TEXT


@pytest.fixture
def window(ctx, qtbot):
    from xmart.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.open_browser("so")
    return win


def _count(engine, model, *where) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def _generated_sos(engine) -> list[tuple[int, str]]:
    with Session(engine) as session:
        return list(
            session.execute(
                select(SaleOrder.number, SaleOrder.note).where(SaleOrder.cso_id.isnot(None)).order_by(SaleOrder.number)
            )
        )


def test_assign_by_date_preview_then_run_then_open_and_print(window, ctx, qtbot, monkeypatch):
    from xmart.ui.dialogs.assign_dialog import AssignDialog

    seen = {}

    def drive(dialog):
        ui = dialog.ui
        type_over(qtbot, ui.rangeBox.ui.firstDate, "2026-11-01")
        type_over(qtbot, ui.rangeBox.ui.lastDate, "2026-11-30")
        click(qtbot, dialog.preview_button)
        wait_task(qtbot, window.processes.last_task)
        preview = window.processes.last_summary
        seen["preview"] = preview.ui.headlineLabel.text()
        seen["preview_rows"] = preview.ui.documentTree.topLevelItemCount()
        assert _count(ctx.engine, SaleOrder) == 1  # only the imported SO: a preview writes nothing
        preview.close()
        click(qtbot, dialog.run_button)

    when_modal(drive, AssignDialog)
    window.actions_by_name["assignByDate"].trigger()
    assert "nothing has been written" in seen["preview"]
    wait_task(qtbot, window.processes.last_task)

    generated = _generated_sos(ctx.engine)
    assert len(generated) == seen["preview_rows"] >= 2
    assert all(note == "Special Order created automatically from Corporate Sale Order" for _, note in generated)
    summary = window.processes.last_summary
    assert summary.ui.documentTree.topLevelItemCount() == len(generated)
    assert "Generated" in summary.ui.headlineLabel.text()
    # the SO browser was refreshed
    assert window.open_browser("so").model.total == 1 + len(generated)
    # open the first generated SO from the summary
    summary.ui.documentTree.setCurrentItem(summary.ui.documentTree.topLevelItem(0))
    click(qtbot, summary.open_button)
    views = [w for w in window.findChildren(DocumentView) if w.isVisible()]
    assert views and views[-1].details.number == generated[0][0]
    assert "Sold" in views[-1].details.columns
    # print it: the printing service is called with that number
    printed = []
    import xmart.ui.printing as printing

    class FakeService:
        @staticmethod
        def print_sale_orders(engine, numbers, target, backend=None):
            printed.append((list(numbers), target))

    monkeypatch.setattr(printing, "_service", lambda: FakeService)
    chosen = (printing.printer_names() or ["Office"])[0]  # a printer Qt knows, where there is one
    ctx.settings.setValue(printing.PRINTER_KEY, chosen)  # chosen in Settings › Printer…
    answer_print_dialog(qtbot)  # the system print dialog, the chosen printer preselected: Print
    click(qtbot, views[-1].print_button)
    qtbot.waitUntil(lambda: bool(printed), timeout=5000)
    assert printed[0][0] == [generated[0][0]] and printed[0][1].printer == chosen
    # options remembered
    assert ctx.settings.value("assign/date_first") == "2026-11-01"


def test_assign_by_number_with_one_store(window, ctx, qtbot):
    from xmart.ui.dialogs.assign_dialog import AssignDialog

    def drive(dialog):
        ui = dialog.ui
        qtbot.keyClicks(ui.rangeBox.ui.firstNumber, "1001")
        qtbot.keyClicks(ui.rangeBox.ui.lastNumber, "1001")
        click(qtbot, ui.storeSelector.ui.noneButton)
        qtbot.keyClicks(ui.storeSelector.ui.searchEdit, "S02")
        click(qtbot, ui.storeSelector.ui.allButton)
        click(qtbot, dialog.run_button)

    when_modal(drive, AssignDialog)
    window.actions_by_name["assignByNumber"].trigger()
    wait_task(qtbot, window.processes.last_task)
    with Session(ctx.engine) as session:
        stores = set(session.scalars(select(SaleOrder.location_id).where(SaleOrder.cso_id.isnot(None))))
        assert len(stores) == 1
    assert ctx.settings.value("assign/stores") == "S02"


def test_cancel_in_the_dialog_runs_nothing(window, ctx, qtbot):
    from xmart.ui.dialogs.assign_dialog import AssignDialog

    when_modal(lambda dialog: dialog.reject(), AssignDialog)
    window.actions_by_name["assignByDate"].trigger()
    assert window.processes.last_task is None
    assert _count(ctx.engine, SaleOrder) == 1


def test_purchase_orders_by_date_preview_then_run(window, ctx, qtbot):
    from xmart.ui.dialogs.purchase_order_dialog import PurchaseOrderDialog

    seen = {}

    def drive(dialog):
        ui = dialog.ui
        tick(qtbot, ui.printCheck)
        tick(qtbot, ui.printCheck)  # and untick again
        type_over(qtbot, ui.rangeBox.ui.firstDate, "2026-11-01")
        type_over(qtbot, ui.rangeBox.ui.lastDate, "2026-11-30")
        type_over(qtbot, ui.deliveryEdit, "2026-12-15")
        type_over(qtbot, ui.cancelEdit, "2026-12-01")
        seen["refused"] = not dialog.run_button.isEnabled()
        type_over(qtbot, ui.cancelEdit, "2027-01-15")
        click(qtbot, dialog.preview_button)
        wait_task(qtbot, window.processes.last_task)
        seen["preview"] = window.processes.last_summary.ui.headlineLabel.text()
        assert _count(ctx.engine, PurchaseOrder) == 0
        window.processes.last_summary.close()
        click(qtbot, dialog.run_button)

    when_modal(drive, PurchaseOrderDialog)
    window.actions_by_name["poByDate"].trigger()
    wait_task(qtbot, window.processes.last_task)
    assert seen["refused"]
    assert "nothing has been written" in seen["preview"]
    with Session(ctx.engine) as session:
        pos = session.execute(
            select(PurchaseOrder.number, PurchaseOrder.delivery_date, PurchaseOrder.cancel_date)
        ).all()
    assert pos and all(str(d) == "2026-12-15" and str(c) == "2027-01-15" for _, d, c in pos)
    assert _count(ctx.engine, PoCoverage) >= 1
    summary = window.processes.last_summary
    summary.ui.documentTree.setCurrentItem(summary.ui.documentTree.topLevelItem(0))
    click(qtbot, summary.open_button)
    views = [w for w in window.findChildren(DocumentView) if w.isVisible()]
    assert views[-1].details.kind == "po" and views[-1].details.number == pos[0][0]


def test_cancelled_run_writes_nothing_and_says_so(window, ctx, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from xmart.errors import Cancelled
    from xmart.processes.assign import AssignParams
    from xmart.processes.selection import CsoRange
    from xmart.ui.tasks import Task

    monkeypatch.setattr(Task, "is_cancelled", lambda self: True)  # the user pressed Cancel at once
    task = window.processes.run_assign(AssignParams(range=CsoRange.by_number(1001, 1003)), window)
    wait_task(qtbot, task)
    assert isinstance(task.error, Cancelled)
    assert _count(ctx.engine, SaleOrderLine, SaleOrderLine.cso_line_id.isnot(None)) == 0
    assert CANCELLED_TEXT in [box.text() for box in window.findChildren(QMessageBox)]
