"""Settings › E-mail / Sales Channels / Salesmen / Custom Order Fields and the commission report's Print,
driven from the main window's menus as the office manager does it; checked in the database (and the
printed PDF)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.support.cups import QUEUE, cups_pdf_folders, pdfs_in, require_pdf_queue, wait_for_new_pdfs
from tests.ui.helpers import answer_print_dialog, click, tick, type_over, wait_task, when_modal
from xmart.models import Channel, CustomField, Salesman
from xmart.models.db import UnitOfWork
from xmart.processes.mailer import load_smtp_settings, smtp_password
from xmart.ui.dialogs.order_settings_dialog import OrderSettingsDialog
from xmart.ui.dialogs.smtp_settings_dialog import SmtpSettingsDialog
from xmart.ui.printing import PRINTER_KEY


@pytest.fixture
def window(ctx, qtbot):
    from xmart.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def _save(qtbot, dialog) -> None:
    click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save))


def _type_new_row(qtbot, dialog, *cells: str) -> int:
    """Add a row and type its cells as a user does: open each cell's editor, type, Enter."""
    table = dialog.ui.table
    click(qtbot, dialog.ui.addButton)
    row = table.rowCount() - 1
    for column, text in enumerate(cells):
        table.setCurrentCell(row, column)
        table.editItem(table.item(row, column))
        editor = next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible())
        editor.selectAll()
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda column=column, text=text: table.item(row, column).text() == text
        )  # the delegate commits in a queued call
    return row


def _messages() -> list[str]:
    texts = []
    for box in [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]:
        texts.append(box.text())
        box.done(0)
    return texts


def test_email_settings_are_checked_and_saved(window, ctx, qtbot):
    seen = {}

    def drive(dialog: SmtpSettingsDialog) -> None:
        u = dialog.ui
        qtbot.keyClicks(u.hostEdit, "smtp.example.org")
        type_over(qtbot, u.portEdit, "70000")
        _save(qtbot, dialog)
        seen["port"] = (u.portEdit.text(), u.errorLabel.text())
        type_over(qtbot, u.portEdit, "2525")
        tick(qtbot, u.starttlsCheck)
        qtbot.keyClicks(u.userEdit, "orders")
        qtbot.keyClicks(u.passwordEdit, "s3cret")
        u.senderEdit.clear()
        qtbot.keyClicks(u.senderEdit, "orders.example.org")  # no @
        _save(qtbot, dialog)
        seen["error"] = u.errorLabel.text()
        seen["still open"] = dialog.isVisible()
        u.senderEdit.clear()
        qtbot.keyClicks(u.senderEdit, "orders@example.org")
        _save(qtbot, dialog)

    when_modal(drive, SmtpSettingsDialog)
    window.actions_by_name["smtpSettings"].trigger()
    assert "Sender" in seen["error"] and seen["still open"]
    assert seen["port"][0] == "70000" and "Port" in seen["port"][1]
    with UnitOfWork(ctx.engine) as uow:
        stored = load_smtp_settings(uow.session)
    assert (stored.host, stored.port, stored.user, stored.sender) == (
        "smtp.example.org",
        2525,
        "orders",
        "orders@example.org",
    )
    assert stored.starttls is False  # the box was ticked on by default and the user unticked it
    assert smtp_password() == "s3cret"  # in the keyring, not the database
    assert window.statusBar().currentMessage() == "E-mail settings saved."
    qtbot.waitUntil(lambda: window.orders.delivery is not None and window.orders.delivery.done)  # due mail: none


def test_channels_add_one_and_retire_another(window, ctx, qtbot):
    def drive(dialog: OrderSettingsDialog) -> None:
        table = dialog.ui.table
        website = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "Website")
        table.item(website, 1).setCheckState(Qt.CheckState.Unchecked)
        _type_new_row(qtbot, dialog, "Trade show")
        _save(qtbot, dialog)

    when_modal(drive, OrderSettingsDialog)
    window.actions_by_name["channels"].trigger()
    with Session(ctx.engine) as session:
        channels = dict(session.execute(select(Channel.name, Channel.active)).all())
    assert channels["Trade show"] is True and channels["Website"] is False and channels["POS"] is True


def test_salesmen_a_refused_rate_keeps_what_was_typed(window, ctx, qtbot):
    seen = {}

    def second(dialog: OrderSettingsDialog) -> None:  # the same dialog again, with the typed rows
        table = dialog.ui.table
        seen["rows again"] = [table.item(r, 0).text() for r in range(table.rowCount())]
        seen["messages"] = _messages()
        row = seen["rows again"].index("mk")
        table.item(row, 2).setText("5")
        _save(qtbot, dialog)

    def first(dialog: OrderSettingsDialog) -> None:
        _type_new_row(qtbot, dialog, "mk", "Mo Khan", "150")
        when_modal(second, OrderSettingsDialog)
        _save(qtbot, dialog)

    when_modal(first, OrderSettingsDialog)
    window.actions_by_name["salesmen"].trigger()
    qtbot.waitUntil(lambda: "messages" in seen)
    assert seen["rows again"] == ["JS", "mk"]  # as typed: nothing is lost
    assert any("percentage from 0 to 100" in t for t in seen["messages"])
    with Session(ctx.engine) as session:
        salesmen = {
            code: (name, str(rate))
            for code, name, rate in session.execute(select(Salesman.code, Salesman.name, Salesman.commission_rate))
        }
    assert salesmen == {"JS": ("Jo Smith", "2.50"), "MK": ("Mo Khan", "5.00")}


def test_custom_fields_add_a_date_field(window, ctx, qtbot):
    def drive(dialog: OrderSettingsDialog) -> None:
        row = _type_new_row(qtbot, dialog, "Deliver after")
        dialog.ui.table.cellWidget(row, 1).setCurrentText("date")
        _save(qtbot, dialog)

    when_modal(drive, OrderSettingsDialog)
    window.actions_by_name["customFields"].trigger()
    with Session(ctx.engine) as session:
        assert session.execute(select(CustomField.name, CustomField.kind, CustomField.active)).all() == [
            ("Deliver after", "date", True)
        ]


def test_commission_report_prints_on_the_chosen_printer(window, ctx, qtbot):
    require_pdf_queue()
    ctx.settings.setValue(PRINTER_KEY, QUEUE)
    window.actions_by_name["commission"].trigger()
    view = window.orders.commission()
    assert view.report is not None and view.report.orders >= 1
    before = pdfs_in(cups_pdf_folders())
    answer_print_dialog(qtbot)  # the system print dialog, the chosen printer preselected: Print
    click(qtbot, view.ui.printButton)
    wait_task(qtbot, view.last_task)
    assert view.last_task.error is None, view.last_task.error
    new, pages = wait_for_new_pdfs(before, expected_pages=view.last_task.result.pages)
    try:
        assert len(new) == 1 and pages == view.last_task.result.pages
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(next(iter(new)).read_bytes())).pages)
        assert "Jo Smith" in text and "JS" in text
    finally:
        for path in new:
            path.unlink(missing_ok=True)
    assert window.statusBar().currentMessage() == f"Sent the commission report to {QUEUE}."
