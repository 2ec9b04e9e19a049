"""Cancel, Put on Hold, Release and Edit Draft of a corporate sale order, from its document view and from
the CSO browser, as a clerk does it; checked in the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.ui.conftest import TODAY
from tests.ui.helpers import click, wait_task, when_modal
from xmart.models import CorporateSaleOrder, CsoLine, Customer, Item, SaleOrder
from xmart.models.db import UnitOfWork
from xmart.ui.document_view import DocumentView
from xmart.ui.order_manager import OrderManager


@pytest.fixture
def window(ctx, qtbot):
    from xmart.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def _status(engine, number: int) -> str:
    with Session(engine) as session:
        return session.scalar(select(CorporateSaleOrder.status).where(CorporateSaleOrder.number == number))


def _cancelled_by_sku(engine, number: int) -> dict[str, int]:
    with Session(engine) as session:
        return dict(
            session.execute(
                select(Item.sku, CsoLine.cancelled_qty)
                .join(Item, Item.id == CsoLine.item_id)
                .join(CorporateSaleOrder, CorporateSaleOrder.id == CsoLine.cso_id)
                .where(CorporateSaleOrder.number == number)
            ).all()
        )


def _sale_orders(engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(SaleOrder))


def _assign_1001(engine) -> None:
    """1001 (A100 x5, C300 x2): the mugs go to the stores, the towels have no stock anywhere."""
    from xmart.processes.assign import AssignParams, assign_orders
    from xmart.processes.selection import CsoRange

    with UnitOfWork(engine) as uow:
        assign_orders(AssignParams(range=CsoRange.by_number(1001, 1001), today=TODAY), uow)


def _answer(button_text: str, seen: list[str]) -> None:
    """Read the confirmation and press `button_text` in it."""

    def drive(box: QMessageBox) -> None:
        seen.append(box.text())
        next(b for b in box.buttons() if b.text().replace("&", "") == button_text).click()

    when_modal(drive, QMessageBox)


def _boxes() -> list[str]:
    texts = []
    for box in [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]:
        texts.append(box.text())
        box.done(0)
    return texts


def test_cancel_in_the_view_of_an_assigned_order_cancels_only_the_remainder(window, ctx, qtbot):
    _assign_1001(ctx.engine)
    assert _status(ctx.engine, 1001) == "partially assigned"
    before = _sale_orders(ctx.engine)
    browser = window.open_browser("cso")
    view = window.open_document("cso", 1001)
    assert isinstance(view, DocumentView)
    buttons = view.status_buttons
    assert buttons["cancel"].isEnabled() and buttons["hold"].isEnabled() and not buttons["release"].isEnabled()
    assert not buttons["edit"].isVisible()

    seen: list[str] = []
    _answer("Keep Order", seen)  # first the clerk changes their mind
    click(qtbot, buttons["cancel"])
    assert window.cso_actions.last_task is None and _status(ctx.engine, 1001) == "partially assigned"
    assert "Only the unassigned remainder, 2 units, is cancelled" in seen[0]
    assert "5 units on sale orders" in seen[0]

    _answer("Cancel Order", seen)
    click(qtbot, buttons["cancel"])
    wait_task(qtbot, window.cso_actions.last_task)
    assert _cancelled_by_sku(ctx.engine, 1001) == {"A100": 0, "C300": 2}
    assert _status(ctx.engine, 1001) == "assigned"
    assert _sale_orders(ctx.engine) == before  # the generated sale orders stay
    assert view.status == "assigned"  # the view was read again
    assert not buttons["cancel"].isEnabled() and not buttons["hold"].isEnabled()
    row = next(browser.model.row(i) for i in range(browser.model.rowCount()) if browser.model.row(i).number == 1001)
    assert row.status == "assigned"  # and so was the browser
    assert "remainder cancelled (2 units)" in window.statusBar().currentMessage()


def test_hold_release_and_cancel_from_the_browser(window, ctx, qtbot):
    browser = window.open_browser("cso")
    table = browser.ui.tableView
    assert browser.select_number(1002)
    hold = browser.findChild(QToolButton, "holdCsoButton")
    release = browser.findChild(QToolButton, "releaseCsoButton")
    cancel = browser.findChild(QToolButton, "cancelCsoButton")
    edit = browser.findChild(QToolButton, "editCsoButton")
    names = [a.objectName() for a in table.actions()]
    assert {"openAction", "holdCso", "releaseCso", "cancelCso", "editCso"} <= set(names)  # the context menu
    assert hold.isEnabled() and not release.isEnabled() and not edit.isEnabled()

    click(qtbot, hold)
    wait_task(qtbot, window.cso_actions.last_task)
    assert _status(ctx.engine, 1002) == "on hold"
    assert browser.current_row().number == 1002 and browser.current_row().status == "on hold"
    assert release.isEnabled() and not hold.isEnabled()

    click(qtbot, release)
    wait_task(qtbot, window.cso_actions.last_task)
    assert _status(ctx.engine, 1002) == "open"

    seen: list[str] = []
    _answer("Cancel Order", seen)
    click(qtbot, cancel)
    wait_task(qtbot, window.cso_actions.last_task)
    assert "the whole order (3 units) is cancelled" in seen[0]
    assert _status(ctx.engine, 1002) == "cancelled"
    assert not any(b.isEnabled() for b in (hold, release, cancel, edit))
    assert _status(ctx.engine, 1001) == "open"  # nothing else changed


def test_a_refused_change_is_shown_and_the_view_reads_the_order_again(window, ctx, qtbot):
    from xmart.processes.order_status import hold_order

    view = window.open_document("cso", 1003)
    with UnitOfWork(ctx.engine) as uow:  # another workstation puts it on hold meanwhile
        hold_order(uow, 1003)
    click(qtbot, view.status_buttons["hold"])
    wait_task(qtbot, window.cso_actions.last_task)
    texts = _boxes()
    assert any("1003 is on hold: only open or partially assigned orders can be put on hold" in t for t in texts)
    assert view.status == "on hold" and view.status_buttons["release"].isEnabled()


def test_a_draft_opens_in_the_order_manager_from_the_browser(window, ctx, qtbot):
    from xmart.processes.order_entry import new_order

    with UnitOfWork(ctx.engine) as uow:
        customer_id = uow.session.scalar(select(Customer.id).where(Customer.number == "C001"))
        draft = new_order(uow, customer_id, TODAY).number
    browser = window.open_browser("cso")
    table = browser.ui.tableView
    assert browser.select_number(draft)
    edit = browser.findChild(QToolButton, "editCsoButton")
    assert edit.isEnabled()
    rect = table.visualRect(table.currentIndex())
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click is
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # press, then double
    managers = [w for w in window.orders.windows if isinstance(w, OrderManager) and w.isVisible()]
    assert len(managers) == 1 and managers[0].view.number == draft
    assert not [w for w in window.findChildren(DocumentView) if w.isVisible()]
    click(qtbot, edit)  # the same window comes forward, no second editor
    assert len([w for w in window.orders.windows if isinstance(w, OrderManager) and w.isVisible()]) == 1

    om = managers[0]
    om.ui.tabs.setCurrentIndex(1)
    qtbot.keyClicks(om.ui.itemsSection.ui.skuEdit, "B200")
    qtbot.keyClick(om.ui.itemsSection.ui.skuEdit, Qt.Key.Key_Return)
    click(qtbot, om.ui.saveButton)
    wait_task(qtbot, om.last_task)
    with Session(ctx.engine) as session:
        skus = session.scalars(
            select(Item.sku)
            .join(CsoLine, CsoLine.item_id == Item.id)
            .join(CorporateSaleOrder, CorporateSaleOrder.id == CsoLine.cso_id)
            .where(CorporateSaleOrder.number == draft)
        ).all()
    assert skus == ["B200"] and _status(ctx.engine, draft) == "draft"

    # an open order still opens read-only
    assert browser.select_number(1001)
    assert not edit.isEnabled()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    views = [w for w in window.findChildren(DocumentView) if w.isVisible()]
    assert len(views) == 1 and views[0].details.number == 1001


def test_edit_draft_button_in_the_view_of_a_draft(window, ctx, qtbot):
    from xmart.processes.order_entry import new_order

    with UnitOfWork(ctx.engine) as uow:
        customer_id = uow.session.scalar(select(Customer.id).where(Customer.number == "C002"))
        draft = new_order(uow, customer_id, TODAY).number
    view = DocumentView.open_document(ctx, window, "cso", draft, window.cso_actions)  # e.g. an old view
    assert view.status_buttons["edit"].isVisible() and not view.status_buttons["hold"].isEnabled()
    click(qtbot, view.status_buttons["edit"])
    assert window.orders.windows[-1].view.number == draft
