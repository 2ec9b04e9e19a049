"""Order entry as a clerk does it: Customer Manager › New Order › Order Manager, and the Sales Order
Interface; the database and the e-mail received by a real SMTP server on localhost."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from tests.support.orders import TEST_CARD, load_orders_data
from tests.support.smtp import free_port, use_smtp
from tests.ui.conftest import TODAY
from tests.ui.helpers import click, type_over, wait_task
from xmart.models import CorporateSaleOrder, OutboxMessage
from xmart.models.db import UnitOfWork


@pytest.fixture
def order_ctx(ui_engine, settings, qtbot):
    from xmart.ui.context import make_context

    load_orders_data(ui_engine)
    ctx = make_context(ui_engine, settings)
    ctx.today = lambda: TODAY  # type: ignore[method-assign]
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


def _close_boxes() -> list[str]:
    texts = []
    for box in _boxes():
        texts.append(box.text())
        box.done(0)
    return texts


def _enter_items(qtbot, items) -> None:
    """A100 x2 by code, 'bowl' (B200) x3 at 10% by description, C300 x1: Enter adds each line."""
    qtbot.keyClicks(items.ui.skuEdit, "A100")
    qtbot.keyClick(items.ui.skuEdit, Qt.Key.Key_Tab)
    items.ui.qtyEdit.selectAll()
    qtbot.keyClicks(items.ui.qtyEdit, "2")
    qtbot.keyClick(items.ui.qtyEdit, Qt.Key.Key_Return)
    assert len(items.lines) == 1 and items.window().focusWidget() is items.ui.skuEdit
    qtbot.keyClicks(items.ui.skuEdit, "bowl")
    items.completer.popup().hide()
    items.ui.qtyEdit.selectAll()
    qtbot.keyClicks(items.ui.qtyEdit, "3")
    items.ui.discountEdit.selectAll()
    qtbot.keyClicks(items.ui.discountEdit, "10")
    qtbot.keyClick(items.ui.discountEdit, Qt.Key.Key_Return)
    qtbot.keyClicks(items.ui.skuEdit, "c300")
    items.completer.popup().hide()
    qtbot.keyClick(items.ui.skuEdit, Qt.Key.Key_Return)
    assert [(ln.sku, ln.qty, str(ln.discount)) for ln in items.lines] == [
        ("A100", 2, "0.00"),
        ("B200", 3, "10.00"),
        ("C300", 1, "0.00"),
    ]
    assert "Total 70.63" in items.ui.totalsLabel.text()
    type_over(qtbot, items.ui.globalEdit, "5")
    assert "Total 67.10" in items.ui.totalsLabel.text()


def _enter_card(qtbot, payment, number=TEST_CARD) -> bool:
    qtbot.keyClicks(payment.ui.amountEdit, "50.00")
    qtbot.keyClicks(payment.ui.cardEdit, number)
    qtbot.keyClicks(payment.ui.expiryEdit, "12/29")
    qtbot.keyClicks(payment.ui.authEdit, "A1B2C3")
    before = len(payment.payments)
    click(qtbot, payment.ui.addButton)
    return len(payment.payments) > before


def _check_database_and_mail(engine, inbox, number: int) -> None:
    with UnitOfWork(engine) as uow:
        cso = uow.session.scalar(select(CorporateSaleOrder).where(CorporateSaleOrder.number == number))
        assert cso.status == "open" and len(cso.lines) == 3 and cso.payments[0].card_last4 == "1111"
        assert [v.value for v in cso.custom_values] == ["Happy birthday, Ada!"]
        assert uow.session.scalar(select(OutboxMessage.status)) == "sent"
    assert len(inbox.messages) == 1
    body = inbox.messages[0].get_content()
    assert inbox.messages[0]["To"] == "ada@example.com"
    for text in (str(number), "A100", "B200", "C300", "74.60", "50.00", "**** 1111", "Happy birthday, Ada!"):
        assert text in body
    assert TEST_CARD not in body


def _no_card_anywhere(engine, caplog) -> None:
    database = Path(engine.url.database)
    for path in (database, database.with_name(database.name + "-wal")):
        if path.exists():
            assert TEST_CARD.encode() not in path.read_bytes()
    assert TEST_CARD not in caplog.text


def test_customer_manager_new_order_order_manager_complete(main, order_ctx, qtbot, smtp_server, caplog):
    caplog.set_level(logging.DEBUG)
    inbox, port = smtp_server
    use_smtp(order_ctx.engine, port)
    main.actions_by_name["customers"].trigger()
    manager = main.tabs.currentWidget()
    qtbot.keyClicks(manager.ui.searchEdit, "LOVEL")
    qtbot.waitUntil(lambda: len(manager.model.rows) == 1)
    assert manager.model.rows[0].number == "C001"
    click(qtbot, manager.ui.newOrderButton)
    om = main.orders.windows[-1]
    assert om.view.status == "draft" and om.ui.shippingSection.ui.addressBox.ui.line1Edit.text() == "9 Elm Rd"

    setup = om.ui.setupSection
    setup.ui.channelCombo.setCurrentText("Phone")
    qtbot.keyClicks(setup.custom_editor("Gift message"), "Happy birthday, Ada!")
    om.ui.tabs.setCurrentIndex(1)
    _enter_items(qtbot, om.ui.itemsSection)
    om.ui.tabs.setCurrentIndex(2)
    payment = om.ui.paymentSection
    assert not _enter_card(qtbot, payment, "4111111111111112")
    assert "not valid" in payment.ui.errorLabel.text()
    for edit in (payment.ui.amountEdit, payment.ui.cardEdit, payment.ui.expiryEdit, payment.ui.authEdit):
        edit.clear()
    assert _enter_card(qtbot, payment)
    assert payment.ui.cardEdit.text() == "" and payment.model.data(payment.model.index(0, 1)) == "**** 1111"
    om.ui.tabs.setCurrentIndex(3)
    om.ui.shippingSection.ui.methodCombo.setCurrentText("UPS Ground")
    qtbot.keyClicks(om.ui.shippingSection.ui.costEdit, "7.50")
    assert "Order total 74.60" in om.ui.totalsLabel.text()

    click(qtbot, om.ui.completeButton)  # no salesman yet
    wait_task(qtbot, om.last_task)
    texts = _close_boxes()
    assert any("salesman" in t for t in texts) and not any("Items" in t for t in texts)
    with UnitOfWork(order_ctx.engine) as uow:
        assert uow.session.scalar(select(CorporateSaleOrder.status)) == "draft"

    setup.ui.salesmanCombo.setCurrentText("Jo Smith")
    click(qtbot, om.ui.completeButton)
    wait_task(qtbot, om.last_task)
    qtbot.waitUntil(lambda: main.orders.delivery is not None and main.orders.delivery.done, timeout=10_000)
    _close_boxes()
    _check_database_and_mail(order_ctx.engine, inbox, 1001)
    _no_card_anywhere(order_ctx.engine, caplog)


def test_sales_order_interface_keyboard_first(main, order_ctx, qtbot, smtp_server, caplog):
    inbox, port = smtp_server
    use_smtp(order_ctx.engine, port)
    main.actions_by_name["salesOrderInterface"].trigger()
    soi = main.orders.windows[-1]
    soi.activateWindow()
    click(qtbot, soi.ui.completeButton)  # nothing yet: says what to do, writes nothing
    assert any("find the customer" in t for t in _close_boxes())
    qtbot.keyClicks(soi.ui.findEdit, "ada@")
    qtbot.keyClick(soi.ui.findEdit, Qt.Key.Key_Return)
    assert soi.customer is not None and soi.customer.number == "C001"
    assert soi.ui.setupSection.ui.channelCombo.currentText() == "Sales Order Interface"
    assert soi.ui.shippingSection.ui.addressBox.ui.cityEdit.text() == "Troy"
    soi.ui.setupSection.ui.salesmanCombo.setCurrentText("Jo Smith")
    qtbot.keyClicks(soi.ui.setupSection.custom_editor("Gift message"), "Happy birthday, Ada!")
    _enter_items(qtbot, soi.ui.itemsSection)
    assert _enter_card(qtbot, soi.ui.paymentSection)
    soi.ui.shippingSection.ui.methodCombo.setCurrentText("UPS Ground")
    qtbot.keyClicks(soi.ui.shippingSection.ui.costEdit, "7.50")
    # the same overall totals line as the Order Manager's (money.order_totals, then shipping and deposit)
    totals = soi.ui.totalsLabel.text()
    for text in (
        "Lines 3",
        "Subtotal 70.63",
        "Discount −3.53",
        "Shipping 7.50",
        "Order total 74.60",
        "Deposit 50.00",
        "Balance 24.60",
    ):
        assert text in totals
    click(qtbot, soi.ui.completeButton)
    wait_task(qtbot, soi.last_task)
    qtbot.waitUntil(lambda: main.orders.delivery is not None and main.orders.delivery.done, timeout=10_000)
    assert "Order 1001 completed" in soi.ui.shortcutsLabel.text()
    assert soi.customer is None and soi.ui.itemsSection.lines == []  # ready for the next order
    assert "Lines 0" in soi.ui.totalsLabel.text() and "Order total 0.00" in soi.ui.totalsLabel.text()
    _check_database_and_mail(order_ctx.engine, inbox, 1001)
    _no_card_anywhere(order_ctx.engine, caplog)


def test_unreachable_smtp_server_says_so_and_keeps_the_email(main, order_ctx, qtbot, smtp_server):
    inbox, port = smtp_server
    use_smtp(order_ctx.engine, free_port())
    soi = main.orders.sales_order_interface()
    qtbot.keyClicks(soi.ui.findEdit, "C001")
    qtbot.keyClick(soi.ui.findEdit, Qt.Key.Key_Return)
    soi.ui.setupSection.ui.salesmanCombo.setCurrentText("Jo Smith")
    qtbot.keyClicks(soi.ui.itemsSection.ui.skuEdit, "A100")
    qtbot.keyClick(soi.ui.itemsSection.ui.skuEdit, Qt.Key.Key_Return)
    soi.ui.paymentSection.ui.kindCombo.setCurrentText("Cash")
    qtbot.keyClicks(soi.ui.paymentSection.ui.amountEdit, "10")
    qtbot.keyClick(soi.ui.paymentSection.ui.amountEdit, Qt.Key.Key_Return)
    soi.ui.shippingSection.ui.methodCombo.setCurrentText("Store pickup")
    click(qtbot, soi.ui.completeButton)
    wait_task(qtbot, soi.last_task)
    qtbot.waitUntil(lambda: main.orders.delivery is not None and main.orders.delivery.done, timeout=10_000)
    assert any("could not be sent" in t and "retried automatically" in t for t in _close_boxes())
    outbox = main.orders.outbox()
    assert outbox.model.rows[0].status_text == "waiting to retry" and outbox.model.rows[0].last_error
    with UnitOfWork(order_ctx.engine) as uow:  # a person sends it now that the server is back
        m = uow.session.scalar(select(OutboxMessage))
        m.next_attempt_at = m.created_at
        uow.commit()
    use_smtp(order_ctx.engine, port)
    click(qtbot, outbox.ui.sendButton)
    qtbot.waitUntil(lambda: main.orders.delivery.done, timeout=10_000)
    qtbot.waitUntil(lambda: outbox.model.rows and outbox.model.rows[0].status == "sent")
    assert len(inbox.messages) == 1


def test_customer_dialog_validates_and_creates(main, order_ctx, qtbot, monkeypatch):
    from xmart.ui.dialogs.customer_dialog import CustomerDialog

    dialog = CustomerDialog(main)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.ui.nameEdit, "Alan Turing")
    qtbot.keyClicks(dialog.ui.emailEdit, "alan(at)example")
    dialog.ui.buttonBox.accepted.emit()
    assert "E-mail:" in dialog.ui.errorLabel.text() and dialog.result() == 0
    assert not dialog.ui.shippingBox.isEnabled()  # same as billing by default
    type_over(qtbot, dialog.ui.emailEdit, "alan@example.org", leave=False)  # the clerk corrects the typed e-mail
    dialog.ui.buttonBox.accepted.emit()
    assert dialog.result() == 1
    params = dialog.params()
    monkeypatch.setattr(CustomerDialog, "ask", classmethod(lambda cls, parent, current=None: params))
    manager = main.orders.customers()
    row = manager.new_customer()
    assert row.number == "C000003" and manager.model.rows[0].name == "Alan Turing"


def test_models_pass_the_model_tester(main, qtbot, qtmodeltester):
    manager = main.orders.customers()
    qtmodeltester.check(manager.model)
    view = main.orders.commission()
    qtmodeltester.check(view.model)


def test_order_windows_fit_the_screen(qtbot, monkeypatch):
    """A window never opens taller or wider than the screen (the Sales Order Interface prefers ~930 px)."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QWidget

    from xmart.ui.screen import fit_to_screen

    widget = QWidget()
    qtbot.addWidget(widget)
    widget.sizeHint = lambda: widget.size().__class__(1500, 1200)  # noqa: E731 - a big preferred size
    screen = widget.screen()
    monkeypatch.setattr(screen, "availableGeometry", lambda: QRect(0, 0, 1280, 770))
    fit_to_screen(widget)
    assert widget.width() <= 1280 and widget.height() <= 770
