"""Every window of the client has unique Alt+letter mnemonics (issue 11, fault 6d).

Two visible buttons, check boxes, group boxes, buddy labels, tabs or menu titles of one window that share a
mnemonic make Alt+letter go to the wrong one (Alt+C focused Cost instead of Complete Order; Alt+P ticked
Print instead of Preview). The test opens every top-level window and dialog of the client and checks the
mnemonics that are live together: a window's menu bar with its current tab, each tab page in turn.
"""

from __future__ import annotations

import re
from collections import defaultdict
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)
from sqlalchemy import select

from tests.ui.conftest import TODAY
from tests.ui.helpers import when_modal
from xmart.models import Customer

MNEMONIC = re.compile(r"&([^&\s])")


def _mnemonic(text: str) -> str | None:
    match = MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).lower() if match else None


def _live(window: QWidget) -> dict[str, list[str]]:
    """Mnemonic letter -> the texts that carry it, over what is visible in `window` right now."""
    found: dict[str, list[str]] = defaultdict(list)
    widgets: list[tuple[QWidget, str]] = []
    for button in window.findChildren(QAbstractButton):
        widgets.append((button, button.text()))
    for label in window.findChildren(QLabel):
        if label.buddy() is not None:
            widgets.append((label, label.text()))
    for box in window.findChildren(QGroupBox):
        widgets.append((box, box.title()))
    for widget, text in widgets:
        letter = _mnemonic(text)
        if letter and widget.window() is window and widget.isVisibleTo(window):
            found[letter].append(text)
    for tabs in window.findChildren(QTabWidget):
        if tabs.window() is window and tabs.isVisibleTo(window):
            for i in range(tabs.count()):
                if letter := _mnemonic(tabs.tabText(i)):
                    found[letter].append(f"tab {tabs.tabText(i)}")
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if letter := _mnemonic(action.text()):
                found[letter].append(f"menu {action.text()}")
    return found


def _unmarked(window: QWidget) -> list[str]:
    """Texts of the visible buttons on the main window's current tab that carry no Alt+letter."""
    if not isinstance(window, QMainWindow) or not isinstance(page := window.centralWidget(), QTabWidget):
        return []
    current = page.currentWidget()
    if current is None:
        return []
    return [
        button.text()
        for button in current.findChildren(QAbstractButton)
        if button.text().strip() and button.isVisibleTo(window) and _mnemonic(button.text()) is None
    ]


def _clashes(window: QWidget, where: str) -> list[str]:
    return [
        f"{where}: Alt+{letter.upper()} on {', '.join(texts)}"
        for letter, texts in _live(window).items()
        if len(texts) > 1
    ] + [f"{where}: no Alt+letter on {text}" for text in _unmarked(window)]


def _every_tab(window: QWidget, where: str) -> list[str]:
    """Clashes with each page of each tab widget shown in turn."""
    problems = _clashes(window, where)
    for tabs in window.findChildren(QTabWidget):
        if tabs.window() is not window:
            continue
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)  # a tab bar, not an input field
            problems += _clashes(window, f"{where} › {tabs.tabText(i).replace('&', '')}")
    return problems


@pytest.fixture
def main(ctx, qtbot):
    from xmart.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def _windows(main, ctx, qtbot) -> list[tuple[str, QWidget]]:
    """Every top-level window and dialog the client opens, shown."""
    from xmart.processes.mailer import SmtpSettings
    from xmart.processes.unit_of_work import UnitOfWork
    from xmart.processes.views.document_details import document_details
    from xmart.ui.dialogs.assign_dialog import AssignDialog
    from xmart.ui.dialogs.customer_dialog import CustomerDialog
    from xmart.ui.dialogs.order_settings_dialog import OrderSettingsDialog
    from xmart.ui.dialogs.purchase_order_dialog import PurchaseOrderDialog
    from xmart.ui.dialogs.smtp_settings_dialog import SmtpSettingsDialog
    from xmart.ui.document_view import DocumentView
    from xmart.ui.first_run import FirstRunDialog
    from xmart.ui.process_actions import active_locations
    from xmart.ui.result_summary import ResultSummaryDialog, assign_summary
    from xmart.ui.sale_orders_report import open_sale_orders_report

    o = main.orders
    for kind in ("cso", "so", "po"):
        main.open_browser(kind)
    o.customers()
    o.outbox()
    o.commission()
    main.open_items()
    main.fulfilment_report()
    open_sale_orders_report(ctx, main.tabs)
    main.store_sync()
    main.actions_by_name["webOrders"].trigger()
    windows: list[tuple[str, QWidget]] = [("Main window", main)]
    for by in ("date", "number"):
        windows.append(
            (
                f"Assign by {by}",
                AssignDialog(main, by=by, locations=active_locations(ctx), today=TODAY, preview=lambda p, w: None),
            )
        )
        windows.append(
            (f"Purchase orders by {by}", PurchaseOrderDialog(main, by=by, today=TODAY, preview=lambda p, w: None))
        )
    windows.append(("Customer", CustomerDialog(main)))
    for kind in ("channels", "salesmen", "fields"):
        windows.append((f"Settings {kind}", OrderSettingsDialog(main, kind, [])))
    windows.append(("E-mail settings", SmtpSettingsDialog(main, SmtpSettings())))
    windows.append(("First run", FirstRunDialog(main, "test.db")))
    from xmart.ui.dialogs.store_setup_dialog import StoreSetupDialog

    windows.append(("Set up as a store", StoreSetupDialog(main, lambda code, key: None)))
    from xmart.ui.dialogs.database_dialog import DatabaseDialog

    windows.append(("First run: database", DatabaseDialog(main)))
    from xmart.ui.dialogs.password_dialog import PasswordDialog
    from xmart.ui.dialogs.sign_in_dialog import SignInDialog
    from xmart.ui.dialogs.user_dialog import UserDialog
    from xmart.ui.security.audit_view import open_audit_log
    from xmart.ui.security.lock import LockScreen
    from xmart.ui.security.users_roles import UsersRolesDialog

    open_audit_log(ctx, main.tabs)
    windows.append(("Sign in", SignInDialog(main, "test.db", lambda name, password: None)))
    windows.append(("Lock screen", LockScreen(main, "ada", lambda password: None)))
    windows.append(("Add user", UserDialog(main, ["clerk", "administrator"], 12)))
    windows.append(("First administrator", UserDialog(main, ["administrator"], 12, first_admin=True)))
    windows.append(("New password", PasswordDialog(main, "Reset Password", "New password", 12)))
    windows.append(("Password again", PasswordDialog(main, "Show Card Number", "Your password", None, "&Show")))
    windows.append(("Users and Roles", UsersRolesDialog(ctx, main)))
    with UnitOfWork(ctx.engine) as uow:
        for kind, number in (("cso", 1001), ("so", 4001)):
            details = document_details(uow, kind, number)
            windows.append(
                (f"Document {kind}", DocumentView(ctx, details, main, main.cso_actions if kind == "cso" else None))
            )
    empty = SimpleNamespace(sale_orders=[], unassigned=[])
    windows.append(
        ("Result summary", ResultSummaryDialog(assign_summary(empty, preview=False), main, print_all=lambda k, n: None))
    )
    windows.append(("Sales Order Interface", o.sales_order_interface()))
    with UnitOfWork(ctx.engine) as uow:
        customer_id = uow.session.scalar(select(Customer.id).where(Customer.number == "C001"))
    windows.append(("Order Manager", o.new_order(customer_id)))
    for _name, window in windows:
        if window is not main:
            qtbot.addWidget(window)
        window.show()
    return windows


def test_no_window_has_two_widgets_with_one_mnemonic(main, ctx, qtbot):
    problems: list[str] = []
    for name, window in _windows(main, ctx, qtbot):
        problems += _every_tab(window, name)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("letter", "answer"), [(Qt.Key.Key_S, "save"), (Qt.Key.Key_D, "discard")])
def test_unsaved_changes_box_answers_by_alt_letter(qtbot, letter, answer):
    """Alt+S saves, Alt+D discards in the unsaved-changes box; Esc cancels."""
    from xmart.ui.unsaved import ask_unsaved

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    texts: list[str] = []

    def press(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        texts.extend(button.text() for button in box.buttons())
        box.activateWindow()
        qtbot.waitUntil(box.isActiveWindow)  # as on a desktop: the box has the keyboard
        qtbot.keyClick(box.focusWidget() or box, letter, Qt.KeyboardModifier.AltModifier)
        qtbot.wait(300)  # the button's click is animated
        if box.isVisible():  # the letter did nothing: Esc, so that the test ends
            qtbot.keyClick(box.focusWidget() or box, Qt.Key.Key_Escape)

    when_modal(press, QMessageBox)
    assert ask_unsaved(parent, "Order 1001 has unsaved changes.") == answer
    assert sorted(texts) == ["&Discard", "&Save", "Cancel"]
