"""DOMAIN.md section 3, "no card data in free text", typed as a clerk types it (issue 13 item 4).

Each window that writes free text is driven with typed keys and clicks: the card number or security
code typed is refused with a message naming the field and saying where card data belongs, the
message never repeats it, and nothing is written to the database.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QMessageBox
from sqlalchemy import select

from tests.support.db import snapshot
from tests.support.orders import load_orders_data
from tests.ui.conftest import TODAY
from tests.ui.helpers import answer_question, click, type_over, wait_task, when_modal
from xmart.models import CorporateSaleOrder
from xmart.models.db import UnitOfWork
from xmart.ui.dialogs.company_settings_dialog import CompanySettingsDialog
from xmart.ui.dialogs.customer_dialog import CustomerDialog
from xmart.ui.dialogs.order_settings_dialog import OrderSettingsDialog
from xmart.ui.dialogs.smtp_settings_dialog import SmtpSettingsDialog

SPACED = "4111 1111 1111 1111"
DASHED = "4111-1111-1111-1111"
SECURITY_CODE = "CVC: 1234"
WHERE_IT_BELONGS = "card numbers belong only in a card payment's card number"


def _clean(message: str) -> bool:
    """The message says where card data belongs and repeats none of what was typed."""
    return WHERE_IT_BELONGS in message and not any(d in message for d in ("4111", "1111", "1234"))


def _save(qtbot, dialog) -> None:
    click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save))


def _message_boxes() -> list[str]:
    texts = []
    for box in [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]:
        texts.append(box.text())
        box.done(0)
    return texts


@pytest.fixture
def window(ctx, qtbot):
    from xmart.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def test_company_address_with_a_card_number_is_refused_in_the_dialog(window, ctx, qtbot):
    before = snapshot(ctx.engine)
    seen: dict[str, object] = {}

    def fill(dialog: CompanySettingsDialog) -> None:
        u = dialog.ui
        qtbot.mouseClick(u.addressEdit, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(u.addressEdit, f"Ref {SPACED}")
        _save(qtbot, dialog)
        seen["error"], seen["open"] = u.errorLabel.text(), dialog.isVisible()
        click(qtbot, u.buttonBox.button(QDialogButtonBox.StandardButton.Cancel))

    when_modal(fill, CompanySettingsDialog)
    window.actions_by_name["companySettings"].trigger()
    assert str(seen["error"]).startswith("Address: looks like card data") and _clean(str(seen["error"]))
    assert seen["open"] is True
    assert snapshot(ctx.engine) == before


def test_smtp_user_with_a_security_code_is_refused_in_the_dialog(window, ctx, qtbot):
    before = snapshot(ctx.engine)
    seen: dict[str, object] = {}

    def fill(dialog: SmtpSettingsDialog) -> None:
        u = dialog.ui
        qtbot.keyClicks(u.hostEdit, "smtp.example.org")
        qtbot.keyClicks(u.userEdit, SECURITY_CODE)
        qtbot.keyClicks(u.senderEdit, "orders@example.org")
        _save(qtbot, dialog)
        seen["error"], seen["open"] = u.errorLabel.text(), dialog.isVisible()
        answer_question(qtbot, QMessageBox.StandardButton.Discard)
        click(qtbot, u.buttonBox.button(QDialogButtonBox.StandardButton.Cancel))

    when_modal(fill, SmtpSettingsDialog)
    window.actions_by_name["smtpSettings"].trigger()
    assert str(seen["error"]).startswith("User: looks like card data") and _clean(str(seen["error"]))
    assert seen["open"] is True
    assert snapshot(ctx.engine) == before


def _type_new_row(qtbot, dialog: OrderSettingsDialog, text: str) -> None:
    table = dialog.ui.table
    click(qtbot, dialog.ui.addButton)
    row = table.rowCount() - 1
    table.setCurrentCell(row, 0)
    table.editItem(table.item(row, 0))
    editor = next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(row, 0).text() == text)


def _when_reopened(driver, first: QDialog, stop: dict[str, bool]) -> None:
    """Call `driver(dialog)` when an OrderSettingsDialog other than `first` is up, until `stop["stop"]`."""

    def poll() -> None:
        if stop["stop"]:
            return
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, OrderSettingsDialog) or widget is first:
            QTimer.singleShot(10, poll)
            return
        driver(widget)

    QTimer.singleShot(0, poll)


@pytest.mark.parametrize(("action", "typed", "where"), [("channels", DASHED, "Channel:"), ("salesmen", SPACED, "")])
def test_a_typed_channel_or_salesman_with_card_data_is_refused(window, ctx, qtbot, action, typed, where):
    """The row is refused with the reason, the dialog comes back with what was typed; Cancel writes nothing."""
    before = snapshot(ctx.engine)
    seen: dict[str, object] = {}

    def again(dialog: OrderSettingsDialog) -> None:
        table = dialog.ui.table
        seen["rows"] = [table.item(r, 0).text() for r in range(table.rowCount())]
        seen["messages"] = _message_boxes()
        click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel))  # as it came back

    def first(dialog: OrderSettingsDialog) -> None:
        _type_new_row(qtbot, dialog, typed)
        _when_reopened(again, dialog, stop)
        _save(qtbot, dialog)

    stop = {"stop": False}
    when_modal(first, OrderSettingsDialog)
    window.actions_by_name[action].trigger()  # returns once the dialog is closed for good
    stop["stop"] = True  # a dialog that never came back (the row was saved) is not waited for
    assert "messages" in seen, "the row with card data was saved"
    assert typed.upper() in [str(r).upper() for r in seen["rows"]]  # type: ignore[attr-defined]
    messages = seen["messages"]
    assert isinstance(messages, list) and len(messages) == 1
    assert "looks like card data" in messages[0] and where in messages[0] and _clean(messages[0])
    assert snapshot(ctx.engine) == before


def test_customer_notes_with_a_security_code_are_refused_in_the_edit_dialog(window, ctx, qtbot):
    before = snapshot(ctx.engine)
    manager = window.orders.customers()
    qtbot.keyClicks(manager.ui.searchEdit, "LOVEL")
    qtbot.waitUntil(lambda: len(manager.model.rows) == 1)
    manager.ui.table.selectRow(0)
    seen: dict[str, object] = {}

    def edit(dialog: CustomerDialog) -> None:
        u = dialog.ui
        qtbot.mouseClick(u.notesEdit, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(u.notesEdit, f"Call back, {SECURITY_CODE}")
        _save(qtbot, dialog)
        seen["error"], seen["open"] = u.errorLabel.text(), dialog.isVisible()
        QDialog.done(dialog, QDialog.DialogCode.Rejected)  # leave without the Discard question

    when_modal(edit, CustomerDialog)
    click(qtbot, manager.ui.editButton)
    assert str(seen["error"]).startswith("Notes: looks like card data") and _clean(str(seen["error"]))
    assert seen["open"] is True
    assert snapshot(ctx.engine) == before


@pytest.fixture
def order_ctx(ui_engine, settings, qtbot):
    from xmart.ui.context import make_context

    load_orders_data(ui_engine)
    ctx = make_context(ui_engine, settings)
    ctx.today = lambda: TODAY  # type: ignore[method-assign]
    yield ctx
    ctx.tasks.wait_for_all()


def test_order_manager_refuses_card_data_and_never_quotes_it(order_ctx, qtbot):
    from xmart.ui.main_window import MainWindow

    main = MainWindow(order_ctx)
    qtbot.addWidget(main)
    main.show()
    manager = main.orders.customers()
    qtbot.keyClicks(manager.ui.searchEdit, "LOVEL")
    qtbot.waitUntil(lambda: len(manager.model.rows) == 1)
    click(qtbot, manager.ui.newOrderButton)
    om = main.orders.windows[-1]
    before = snapshot(order_ctx.engine)

    setup = om.ui.setupSection
    gift = setup.custom_editor("Gift message")
    qtbot.keyClicks(gift, f"card {DASHED}")
    gift_id = next(fid for fid, (_kind, editor) in setup.custom_editors.items() if editor is gift)
    assert setup.custom_errors[gift_id].text().startswith("Setup: Gift message looks like card data")
    assert _clean(setup.custom_errors[gift_id].text())
    type_over(qtbot, gift, "")
    qtbot.mouseClick(setup.ui.notesEdit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(setup.ui.notesEdit, f"Paid by {SPACED}")
    click(qtbot, setup.ui.updateButton)
    wait_task(qtbot, om.last_task)
    messages = _message_boxes()
    assert len(messages) == 1 and messages[0].startswith("Setup: notes looks like card data") and _clean(messages[0])

    om.ui.tabs.setCurrentIndex(1)
    items = om.ui.itemsSection
    qtbot.keyClicks(items.ui.skuEdit, SPACED)  # into the SKU by mistake: no item, and not quoted back
    qtbot.keyClick(items.ui.skuEdit, Qt.Key.Key_Return)
    assert items.lines == [] and "No item matches" in items.ui.itemLabel.text()
    assert "4111" not in items.ui.itemLabel.text() and "1111" not in items.ui.itemLabel.text()

    om.ui.tabs.setCurrentIndex(2)
    payment = om.ui.paymentSection
    payment.ui.kindCombo.setCurrentText("Check")
    qtbot.keyClicks(payment.ui.amountEdit, DASHED)  # the card number in the amount: refused, not quoted
    click(qtbot, payment.ui.addButton)
    assert payment.payments == [] and payment.ui.errorLabel.text().startswith("Payment amount")
    assert "4111" not in payment.ui.errorLabel.text() and "1111" not in payment.ui.errorLabel.text()
    type_over(qtbot, payment.ui.amountEdit, "", leave=False)
    qtbot.keyClicks(payment.ui.amountEdit, "10")
    qtbot.keyClicks(payment.ui.authEdit, SPACED)
    click(qtbot, payment.ui.addButton)
    assert payment.payments == []
    assert payment.ui.errorLabel.text().startswith("Payment reference: looks like card data")
    assert _clean(payment.ui.errorLabel.text())

    assert snapshot(order_ctx.engine) == before
    with UnitOfWork(order_ctx.engine) as uow:
        assert uow.session.scalar(select(CorporateSaleOrder.notes)) == ""


def test_date_and_document_number_problems_never_quote_card_data():
    from xmart.ui.widgets.date_field import date_problem
    from xmart.ui.widgets.range_box import number_problem

    for typed in (SPACED, DASHED, SECURITY_CODE, SPACED.replace(" ", "")):
        for problem in (date_problem(typed, "delivery date"), number_problem(typed, "First")):
            assert problem is not None and not any(d in problem for d in ("4111", "1111", "1234")), problem
    assert number_problem("12a", "First") == "First: '12a' is not a document number (digits only)."
