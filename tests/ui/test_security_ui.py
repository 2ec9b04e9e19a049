"""The client's Security module (DOMAIN.md section 9; issue 13 items 1, 2 and 6): sign-in, lockout,
lock screen, what a clerk sees, Users and Roles, card reveal, the audit viewer. Typed and clicked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from tests.support.documents import TEST_CARD
from tests.ui.helpers import answer_question, click, skip_first_run_setup, tick, type_over, when_modal
from xmart.processes.security import users
from xmart.processes.unit_of_work import UnitOfWork

PASSWORD = "correct horse battery"
CLERK_PASSWORD = "clerk horse battery"


@pytest.fixture
def secured_engine(data_engine):
    """The small data set with an administrator (ada) and a clerk (carl); nobody signed in."""
    with UnitOfWork(data_engine) as uow:
        users.add_user(uow, "ada", PASSWORD, "administrator", full_name="Ada Admin")
    users.sign_in(data_engine, "ada", PASSWORD)
    with UnitOfWork(data_engine) as uow:
        users.add_user(uow, "carl", CLERK_PASSWORD, "clerk", full_name="Carl Clerk")
    users.sign_out(data_engine)
    return data_engine


@pytest.fixture
def sctx(secured_engine, settings, qtbot):
    """An app context on the secured database (nobody signed in yet)."""
    from tests.ui.conftest import _context

    yield from _context(secured_engine, settings, qtbot)


def _window(ctx, qtbot):
    from xmart.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def _order_with_unsaved_sku(window, ctx, qtbot):
    """An Order Manager on a new draft for C001 with "B2" typed in the SKU field, not added (unsaved)."""
    from sqlalchemy import select

    from xmart.models import Customer

    with UnitOfWork(ctx.engine) as uow:
        customer_id = uow.session.scalar(select(Customer.id).where(Customer.number == "C001"))
    manager = window.orders.new_order(customer_id)
    assert manager is not None
    manager.ui.tabs.setCurrentIndex(1)
    qtbot.keyClicks(manager.ui.itemsSection.ui.skuEdit, "B2")
    manager.ui.itemsSection.completer.popup().hide()
    return manager


def _ok(box: QDialogButtonBox):
    return box.button(QDialogButtonBox.StandardButton.Ok)


def test_sign_in_wrong_then_right(sctx, qtbot):
    from xmart.ui.app import sign_in_at_start
    from xmart.ui.dialogs.sign_in_dialog import SignInDialog

    seen = {}

    def drive(dialog: SignInDialog) -> None:
        qtbot.keyClicks(dialog.ui.userEdit, "ada")
        qtbot.keyClicks(dialog.ui.passwordEdit, "not the password")
        click(qtbot, _ok(dialog.ui.buttonBox))
        seen["error"] = dialog.ui.errorLabel.text()
        seen["cleared"] = dialog.ui.passwordEdit.text()
        seen["still open"] = dialog.isVisible()
        seen["title"] = dialog.windowTitle()
        qtbot.keyClicks(dialog.ui.passwordEdit, PASSWORD)
        qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)

    assert sctx.session.needs_sign_in
    when_modal(drive, SignInDialog)
    assert sign_in_at_start(sctx) is True
    assert "Wrong user name or password" in seen["error"]
    assert seen["cleared"] == "" and seen["still open"]
    assert seen["title"] == "Sign In"  # the window system adds "— xmart Main"
    assert sctx.session.actor is not None and sctx.session.actor.name == "ada"
    window = _window(sctx, qtbot)
    assert window.user_label.text() == "Signed in: ada (administrator)"


def test_six_failures_lock_the_account_and_the_dialog_says_so_and_quit_gives_up(sctx, qtbot):
    from xmart.ui.app import sign_in_at_start
    from xmart.ui.dialogs.sign_in_dialog import SignInDialog

    messages = []

    def drive(dialog: SignInDialog) -> None:
        qtbot.keyClicks(dialog.ui.userEdit, "carl")
        for _ in range(7):
            qtbot.keyClicks(dialog.ui.passwordEdit, "wrong password!!")
            qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)
            messages.append(dialog.ui.errorLabel.text())
        qtbot.keyClicks(dialog.ui.passwordEdit, CLERK_PASSWORD)  # right, but too late
        qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)
        messages.append(dialog.ui.errorLabel.text())
        answer_question(qtbot, QMessageBox.StandardButton.No, asked)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # a stray Esc asks first; No keeps the dialog
        stayed.append(dialog.isVisible())
        answer_question(qtbot, QMessageBox.StandardButton.Yes, asked)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    asked: list[str] = []
    stayed: list[bool] = []
    when_modal(drive, SignInDialog)
    assert sign_in_at_start(sctx) is False  # Esc, then Yes: the client quits
    assert asked == ["Quit xmart?", "Quit xmart?"] and stayed == [True]
    assert "locked" in messages[-1].lower()
    assert "locked" in messages[5].lower() and "locked" not in messages[0].lower()
    assert sctx.session.actor is None


def test_no_users_status_bar_and_no_sign_in(ctx, qtbot):
    from xmart.ui.app import sign_in_at_start
    from xmart.ui.session import NO_USERS_TEXT

    assert sign_in_at_start(ctx) is True  # nothing asked
    window = _window(ctx, qtbot)
    assert window.user_label.text() == NO_USERS_TEXT
    assert "Settings › Users and Roles" in NO_USERS_TEXT
    assert window.actions_by_name["usersRoles"].isVisible()
    assert not window.actions_by_name["lockScreen"].isVisible()


def test_a_clerk_sees_no_assign_settings_or_users_actions(sctx, qtbot):
    sctx.session.sign_in("carl", CLERK_PASSWORD)
    window = _window(sctx, qtbot)
    actions = window.actions_by_name
    hidden = ("assignByDate", "assignByNumber", "poByDate", "poByNumber", "importDocument", "companySettings")
    hidden += ("smtpSettings", "channels", "salesmen", "customFields", "usersRoles", "auditLog", "demoData")
    for name in hidden:
        assert not actions[name].isVisible(), name
    for name in ("corporateSaleOrder", "browseCso", "signOut", "lockScreen"):
        assert actions[name].isVisible(), name
    menus = {a.text().replace("&", ""): a.isVisible() for a in window.menuBar().actions()}
    assert menus["Processes"] is False and menus["Transactions"] is True
    assert not any(
        alias.isVisible() for alias, source in window.toolbar_aliases if source.objectName() == "assignByDate"
    )
    browser = window.open_browser("cso")
    visible = {action.objectName(): action.isVisible() for action, _ in browser.row_actions}
    assert visible["cancelCso"] is False and visible["holdCso"] is True
    view = window.open_document("cso", 1001)
    assert not view.status_buttons["cancel"].isVisibleTo(view) and view.status_buttons["hold"].isVisibleTo(view)
    assert view.card_reveal is not None and not view.card_reveal.isVisibleTo(view)
    # the administrator signs in on the same client: everything comes back
    sctx.session.sign_out()
    sctx.session.sign_in("ada", PASSWORD)
    for name in hidden:
        assert actions[name].isVisible(), name
    assert view.status_buttons["cancel"].isVisibleTo(view) and view.card_reveal.isVisibleTo(view)


def test_a_refusal_of_the_process_layer_is_shown_plainly(sctx, qtbot):
    """The client hides Cancel from a clerk; were it reached anyway, the process refuses and says why."""
    sctx.session.sign_in("carl", CLERK_PASSWORD)
    window = _window(sctx, qtbot)
    window.open_browser("cso")
    with UnitOfWork(sctx.engine) as uow:
        from xmart.processes.security.access import card_payments

        assert card_payments(uow, 1001)[0].masked == "**** 1111"
    from xmart.ui.security.audit_view import open_audit_log

    view = open_audit_log(sctx, window.tabs)  # hidden from a clerk, reached directly
    texts = [box.text() for box in view.findChildren(QMessageBox)]
    assert any("may not read the audit log" in t and "Nothing was changed" in t for t in texts), texts


def test_lock_screen_after_idle_time_keeps_unsaved_work_and_unlocks_by_typing(sctx, qtbot, monkeypatch):
    from xmart.ui.security import lock
    from xmart.ui.security.lock import Curtain, LockScreen

    monkeypatch.setattr(lock, "IDLE_TIMEOUT_MS", 400)
    sctx.session.sign_in("ada", PASSWORD)
    window = _window(sctx, qtbot)
    editor = _order_with_unsaved_sku(window, sctx, qtbot)
    first = editor.ui.itemsSection.ui.skuEdit
    typed = first.text()
    seen = {}

    def drive(screen: LockScreen) -> None:
        curtains = [c for w in (window, editor) for c in w.findChildren(Curtain)]
        seen["covered"] = len(curtains) >= 2 and all(c.isVisible() for c in curtains)
        seen["covers main"] = any(c.geometry() == window.rect() for c in window.findChildren(Curtain))
        qtbot.keyClicks(screen.ui.passwordEdit, "wrong password!!")
        qtbot.keyClick(screen.ui.passwordEdit, Qt.Key.Key_Return)
        seen["error"] = screen.ui.errorLabel.text()
        qtbot.keyClick(screen, Qt.Key.Key_Escape)  # does not unlock
        seen["after esc"] = screen.isVisible()
        qtbot.keyClicks(screen.ui.passwordEdit, PASSWORD)
        qtbot.keyClick(screen.ui.passwordEdit, Qt.Key.Key_Return)
        seen["done"] = True

    when_modal(drive, LockScreen)
    qtbot.waitUntil(lambda: seen.get("done", False), timeout=5000)
    qtbot.waitUntil(lambda: not window.locked, timeout=2000)
    assert seen["covered"] and seen["covers main"]
    assert seen["error"] and seen["after esc"]
    assert not [c for c in window.findChildren(Curtain) if c.isVisible()]
    assert editor.isVisible() and sctx.session.actor.name == "ada"
    assert first.text() == typed == "B2"  # unsaved work kept


def test_sign_out_from_the_lock_screen_asks_about_unsaved_work(sctx, qtbot, monkeypatch):
    from tests.ui.helpers import answer_question
    from xmart.ui.dialogs.sign_in_dialog import SignInDialog
    from xmart.ui.security.lock import LockScreen

    sctx.session.sign_in("ada", PASSWORD)
    window = _window(sctx, qtbot)
    _order_with_unsaved_sku(window, sctx, qtbot)
    questions: list[str] = []

    def on_lock(screen: LockScreen) -> None:
        answer_question(qtbot, QMessageBox.StandardButton.Discard, questions)
        when_modal(
            lambda dialog: click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)),
            SignInDialog,
        )
        click(qtbot, screen.ui.signOutButton)

    when_modal(on_lock, LockScreen)
    window.lock()
    assert questions, "the unsaved-work question was not asked"
    assert sctx.session.actor is None
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)  # Quit at the sign-in dialog closes xmart


def test_admin_adds_a_user_by_typing(sctx, qtbot):
    from xmart.ui.dialogs.user_dialog import UserDialog
    from xmart.ui.security.users_roles import UsersRolesDialog

    sctx.session.sign_in("ada", PASSWORD)
    window = _window(sctx, qtbot)
    window.actions_by_name["usersRoles"].trigger()
    dialog = window.findChild(UsersRolesDialog)
    assert dialog is not None and dialog.isVisible()
    assert [u.name for u in dialog.users] == ["ada", "carl"]
    status = dialog.model.data(dialog.model.index(1, 3))
    assert status == "active"
    errors = []

    def drive(add: UserDialog) -> None:
        errors.append(add.ui.roleCombo.currentText())  # the least-privileged role, not administrator
        qtbot.keyClicks(add.ui.nameEdit, "mona")
        qtbot.keyClicks(add.ui.fullNameEdit, "Mona Manager")
        add.ui.roleCombo.setFocus()
        qtbot.keyClicks(add.ui.roleCombo, "manager")
        qtbot.keyClicks(add.ui.passwordEdit, "short")
        qtbot.keyClicks(add.ui.againEdit, "short")
        click(qtbot, _ok(add.ui.buttonBox))
        errors.append(add.ui.errorLabel.text())
        type_over(qtbot, add.ui.passwordEdit, "manager horse battery")
        type_over(qtbot, add.ui.againEdit, "manager horse batterx")
        click(qtbot, _ok(add.ui.buttonBox))
        errors.append(add.ui.errorLabel.text())
        type_over(qtbot, add.ui.againEdit, "manager horse battery")
        click(qtbot, _ok(add.ui.buttonBox))

    when_modal(drive, UserDialog)
    click(qtbot, dialog.ui.addUserButton)
    assert errors[0] == "clerk"
    assert "at least 12 characters" in errors[1]
    assert "not the same" in errors[2]
    assert dialog.ui.statusLabel.text() == "mona: added as manager."
    assert "c62828" not in dialog.ui.statusLabel.styleSheet()  # success in normal text
    with UnitOfWork(sctx.engine) as uow:
        added = {u.name: u for u in users.list_users(uow)}
    assert added["mona"].role == "manager" and added["mona"].full_name == "Mona Manager"
    assert "mona" in [u.name for u in dialog.users]
    assert users.sign_in(sctx.engine, "mona", "manager horse battery").name == "mona"


def test_admin_grants_audit_read_and_disables_a_user(sctx, qtbot):
    from xmart.ui.security.users_roles import UsersRolesDialog

    sctx.session.sign_in("ada", PASSWORD)
    dialog = UsersRolesDialog(sctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.usersTable.setFocus()
    qtbot.keyClick(dialog.ui.usersTable, Qt.Key.Key_Down)  # carl
    assert dialog._name() == "carl"
    tick(qtbot, dialog.ui.auditCheck)
    click(qtbot, dialog.ui.disableButton)
    with UnitOfWork(sctx.engine) as uow:
        carl = next(u for u in users.list_users(uow) if u.name == "carl")
    assert "audit.read" in carl.permissions and carl.disabled
    assert dialog.model.data(dialog.model.index(1, 3)) == "disabled"
    assert dialog.ui.disableButton.text() == "Ena&ble"
    # roles: a built-in role is read-only
    dialog.ui.tabs.setCurrentIndex(1)
    dialog.ui.rolesList.setCurrentRow([r.name for r in dialog.roles].index("clerk"))
    assert not dialog.ui.saveRoleButton.isEnabled()


def test_card_reveal_shows_the_number_then_masks_it_and_never_copies(sctx, qtbot, monkeypatch):
    from xmart.ui.dialogs.password_dialog import PasswordDialog
    from xmart.ui.security import card_reveal

    monkeypatch.setattr(card_reveal, "REVEAL_SECONDS", 1)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("before")
    sctx.session.sign_in("ada", PASSWORD)
    window = _window(sctx, qtbot)
    view = window.open_document("cso", 1001)
    box = view.card_reveal
    assert box is not None and box.isVisibleTo(view) and box.number_label.text() == ""

    def drive(dialog: PasswordDialog) -> None:
        qtbot.keyClicks(dialog.ui.passwordEdit, PASSWORD)
        click(qtbot, _ok(dialog.ui.buttonBox))

    when_modal(drive, PasswordDialog)
    click(qtbot, box.button)
    shown = box.number_label.text()
    assert "4111 1111 1111 1111" in shown and box.revealed
    # no way to copy it: not selectable, no context menu, Ctrl+A / Ctrl+C do nothing
    assert box.number_label.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    assert box.number_label.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    for target in (box.number_label, view):
        qtbot.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(target, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert TEST_CARD not in clipboard.text().replace(" ", "")
    qtbot.waitUntil(lambda: box.number_label.text() == "", timeout=3000)
    assert not box.revealed
    assert TEST_CARD not in str(view.details.fields)


def test_a_wrong_password_reveals_nothing(sctx, qtbot):
    from xmart.ui.dialogs.password_dialog import PasswordDialog

    sctx.session.sign_in("ada", PASSWORD)
    window = _window(sctx, qtbot)
    view = window.open_document("cso", 1001)

    def drive(dialog: PasswordDialog) -> None:
        qtbot.keyClicks(dialog.ui.passwordEdit, "not my password")
        qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)

    when_modal(drive, PasswordDialog)
    click(qtbot, view.card_reveal.button)
    assert view.card_reveal.number_label.text() == ""
    texts = [b.text() for b in view.findChildren(QMessageBox)]
    assert texts and all(TEST_CARD not in t for t in texts)


def test_audit_viewer_lists_a_reveal_and_verifies_the_chain(sctx, qtbot):
    from tests.support.users import reveal_card
    from xmart.processes.security.access import card_payments
    from xmart.ui.security.audit_view import AuditLogView

    sctx.session.sign_in("ada", PASSWORD)
    with UnitOfWork(sctx.engine) as uow:
        payment = card_payments(uow, 1001)[0]
    assert reveal_card(sctx.engine, payment.id, sctx.session.actor) == TEST_CARD
    window = _window(sctx, qtbot)
    window.actions_by_name["auditLog"].trigger()
    view = window.tabs.currentWidget()
    assert isinstance(view, AuditLogView)
    type_over(qtbot, view.ui.fromEdit, "2000-01-01")
    type_over(qtbot, view.ui.toEdit, "2099-12-31")  # the tests pin "today" in 2026; entries have the real time
    click(qtbot, view.ui.runButton)
    actions = [row.action for row in view.model.rows]
    assert "card.reveal" in actions and "sign_in" in actions
    ids = [row.id for row in view.model.rows]
    assert ids == sorted(ids, reverse=True)  # newest first
    reveal_row = view.model.rows[actions.index("card.reveal")]
    assert reveal_row.user == "ada" and TEST_CARD not in reveal_row.detail
    click(qtbot, view.ui.verifyButton)
    assert "intact" in view.ui.verifyLabel.text()


def test_first_run_creates_the_first_administrator_by_typing(empty_ctx, qtbot, monkeypatch):
    from xmart.ui.dialogs.user_dialog import UserDialog
    from xmart.ui.first_run import FirstRunDialog

    window = _window(empty_ctx, qtbot)
    assert not empty_ctx.session.access.users_exist

    def admin(dialog: UserDialog) -> None:
        assert not dialog.ui.roleCombo.isEnabled() and dialog.ui.roleCombo.currentText() == "administrator"
        qtbot.keyClicks(dialog.ui.nameEdit, "boss")
        qtbot.keyClicks(dialog.ui.fullNameEdit, "The Boss")
        qtbot.keyClicks(dialog.ui.passwordEdit, PASSWORD)
        qtbot.keyClicks(dialog.ui.againEdit, PASSWORD)
        click(qtbot, _ok(dialog.ui.buttonBox))

    skip_first_run_setup(qtbot, monkeypatch, admin=False)  # company details, printer
    when_modal(admin, UserDialog)
    when_modal(lambda dialog: click(qtbot, dialog.ui.emptyButton), FirstRunDialog)
    window.first_run_check()
    assert empty_ctx.session.actor is not None and empty_ctx.session.actor.name == "boss"
    assert window.user_label.text() == "Signed in: boss (administrator)"
    assert window.actions_by_name["lockScreen"].isVisible()


def test_nothing_typed_reaches_the_clipboard_from_the_password_fields(sctx, qtbot):
    from xmart.ui.dialogs.sign_in_dialog import SignInDialog

    dialog = SignInDialog(None, "test.db", lambda n, p: "no")
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.clipboard().setText("before")
    qtbot.keyClicks(dialog.ui.passwordEdit, PASSWORD)
    qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "before"  # a password field never copies


def test_the_order_editor_reveals_a_saved_card_payment_to_a_holder_only(sctx, qtbot, monkeypatch):
    from tests.ui.helpers import wait_task
    from xmart.ui.dialogs.password_dialog import PasswordDialog
    from xmart.ui.security import card_reveal

    monkeypatch.setattr(card_reveal, "REVEAL_SECONDS", 1)
    sctx.session.sign_in("ada", PASSWORD)
    window = _window(sctx, qtbot)
    manager = _order_with_unsaved_sku(window, sctx, qtbot)
    manager.ui.tabs.setCurrentIndex(2)
    payment = manager.ui.paymentSection.ui
    assert not manager.card_reveal.isVisibleTo(manager)  # no card payment saved yet
    qtbot.keyClicks(payment.cardEdit, "4012 8888 8888 1881")
    qtbot.keyClicks(payment.expiryEdit, "12/29")
    click(qtbot, payment.addButton)
    task = manager.save(("payment",))
    wait_task(qtbot, task)
    assert task.error is None and len(manager.ui.paymentSection.payments) == 1, (task.error, payment.errorLabel.text())
    assert manager.card_reveal.isVisibleTo(manager)

    def drive(dialog: PasswordDialog) -> None:
        qtbot.keyClicks(dialog.ui.passwordEdit, PASSWORD)
        qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)

    when_modal(drive, PasswordDialog)
    click(qtbot, manager.card_reveal.button)
    assert "4012 8888 8888 1881" in manager.card_reveal.number_label.text()
    qtbot.waitUntil(lambda: manager.card_reveal.number_label.text() == "", timeout=3000)
    # a clerk opening the same draft has no button
    sctx.session.sign_out()
    sctx.session.sign_in("carl", CLERK_PASSWORD)
    assert not manager.card_reveal.isVisibleTo(manager)


def test_admin_makes_an_office_role_from_the_keyboard(sctx, qtbot):
    from xmart.ui.security.users_roles import UsersRolesDialog

    sctx.session.sign_in("ada", PASSWORD)
    dialog = UsersRolesDialog(sctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.tabs.setCurrentIndex(1)
    click(qtbot, dialog.ui.newRoleButton)
    assert dialog.ui.roleNameEdit.hasFocus() or dialog.ui.roleNameEdit.text() == ""
    qtbot.keyClicks(dialog.ui.roleNameEdit, "auditor")
    qtbot.keyClicks(dialog.ui.descriptionEdit, "Reads the audit log")
    permissions = dialog.ui.permissionsList
    permissions.setFocus()
    row = [permissions.item(i).data(Qt.ItemDataRole.UserRole) for i in range(permissions.count())].index("audit.read")
    for _ in range(row + 1):
        qtbot.keyClick(permissions, Qt.Key.Key_Down)
    if permissions.currentRow() != row:  # the first Down may only give the list a current row
        qtbot.keyClick(permissions, Qt.Key.Key_Up)
    assert permissions.currentRow() == row
    qtbot.keyClick(permissions, Qt.Key.Key_Space)
    click(qtbot, dialog.ui.saveRoleButton)
    with UnitOfWork(sctx.engine) as uow:
        roles = {r.name: r for r in users.list_roles(uow)}
    assert roles["auditor"].permissions == frozenset({"audit.read"}) and not roles["auditor"].builtin
    assert dialog._role_name() == "auditor" and "role saved" in dialog.ui.statusLabel.text()


def test_ctrl_l_locks_from_any_window_and_f1_says_so(sctx, qtbot):
    from xmart.ui.help import menu_rows
    from xmart.ui.security.lock import LockScreen

    sctx.session.sign_in("ada", PASSWORD)
    window = _window(sctx, qtbot)
    editor = _order_with_unsaved_sku(window, sctx, qtbot)
    assert editor.window() is not window  # a window of its own
    editor.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor.window(), timeout=3000)
    seen = {}

    def drive(screen: LockScreen) -> None:
        seen["locked"] = window.locked
        qtbot.keyClicks(screen.ui.passwordEdit, PASSWORD)
        qtbot.keyClick(screen.ui.passwordEdit, Qt.Key.Key_Return)

    when_modal(drive, LockScreen)
    qtbot.keyClick(editor.ui.itemsSection.ui.skuEdit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: seen.get("locked", False) and not window.locked, timeout=5000)
    rows = [r for r in menu_rows(window.menuBar()) if "Lock Screen" in str(r)]
    assert rows and "Ctrl+L (in every window)" in str(rows[0])


def test_the_lock_screen_stays_in_front_and_closes_an_open_reveal_prompt(sctx, qtbot):
    from xmart.ui.dialogs.password_dialog import PasswordDialog
    from xmart.ui.security.lock import LockScreen

    sctx.session.sign_in("ada", PASSWORD)
    window = _window(sctx, qtbot)
    view = window.open_document("cso", 1001)
    box = view.card_reveal
    editor = _order_with_unsaved_sku(window, sctx, qtbot)
    seen: dict[str, object] = {}

    def on_lock(screen: LockScreen) -> None:
        seen["prompt open"] = seen["prompt"].isVisible()  # type: ignore[attr-defined]
        seen["on top"] = bool(screen.windowFlags() & Qt.WindowType.WindowStaysOnTopHint)
        editor.window().activateWindow()  # Alt+Tab to a covered window
        qtbot.wait(300)
        seen["front again"] = QApplication.activeWindow() is screen
        qtbot.keyClicks(screen.ui.passwordEdit, PASSWORD)
        qtbot.keyClick(screen.ui.passwordEdit, Qt.Key.Key_Return)

    def on_prompt(prompt: PasswordDialog) -> None:
        seen["prompt"] = prompt
        when_modal(on_lock, LockScreen)
        window.lock()  # the idle time runs out while the password prompt is open

    when_modal(on_prompt, PasswordDialog)
    click(qtbot, box.button)
    assert seen["prompt open"] is False and seen["on top"] and seen["front again"]
    assert box.number_label.text() == "" and not window.locked


def test_a_database_with_data_but_no_users_offers_the_first_administrator_once(ctx, qtbot):
    from xmart.ui.dialogs.user_dialog import UserDialog
    from xmart.ui.main_window import SKIP_FIRST_ADMIN_KEY
    from xmart.ui.security.users_roles import UsersRolesDialog

    window = _window(ctx, qtbot)
    asked: list[str] = []

    def not_now(box: QMessageBox) -> None:
        asked.append(box.text())
        tick(qtbot, box.checkBox())  # Don't ask again
        click(qtbot, box.button(QMessageBox.StandardButton.No))

    when_modal(not_now, QMessageBox)
    window.first_run_check()
    assert asked and "no users" in asked[0]
    assert ctx.settings.value(SKIP_FIRST_ADMIN_KEY, False, type=bool)
    window.first_run_check()  # remembered: not asked again (a modal box would block here)
    assert len(asked) == 1
    dialog = UsersRolesDialog(ctx, None)  # still within reach
    qtbot.addWidget(dialog)
    assert dialog.ui.addUserButton.text() == "&Add First Administrator…"
    ctx.settings.remove(SKIP_FIRST_ADMIN_KEY)

    def create(box: QMessageBox) -> None:
        def admin(add: UserDialog) -> None:
            qtbot.keyClicks(add.ui.nameEdit, "ada")
            qtbot.keyClicks(add.ui.passwordEdit, PASSWORD)
            qtbot.keyClicks(add.ui.againEdit, PASSWORD)
            click(qtbot, _ok(add.ui.buttonBox))

        when_modal(admin, UserDialog)
        click(qtbot, box.button(QMessageBox.StandardButton.Yes))

    when_modal(create, QMessageBox)
    window.first_run_check()
    assert ctx.session.actor is not None and ctx.session.actor.name == "ada"


def test_the_lock_screen_grows_with_an_error_and_clips_no_help_text(sctx, qtbot):
    from xmart.ui.security.lock import LockScreen

    sctx.session.sign_in("ada", PASSWORD)
    screen = LockScreen(None, "mona", lambda _pw: "This account is locked until 02:31 CET (in 30 minutes) " * 2)
    qtbot.addWidget(screen)
    screen.resize(420, 10)
    screen.show()
    qtbot.keyClicks(screen.ui.passwordEdit, "wrong password!!")
    qtbot.keyClick(screen.ui.passwordEdit, Qt.Key.Key_Return)
    qtbot.wait(50)
    for label in (screen.ui.userLabel, screen.ui.errorLabel):
        assert label.height() >= label.heightForWidth(label.width()), label.objectName()
    screen.result_choice = "test over"


def test_a_user_changes_their_own_password_and_keeps_card_access(sctx, qtbot):
    from xmart.ui.dialogs.password_dialog import PasswordDialog

    new_password = "a brand new passphrase"
    sctx.session.sign_in("ada", PASSWORD)
    window = _window(sctx, qtbot)
    action = window.actions_by_name["changePassword"]
    assert action.isVisible()

    def current(dialog: PasswordDialog) -> None:
        qtbot.keyClicks(dialog.ui.passwordEdit, PASSWORD)
        when_modal(new, PasswordDialog)
        click(qtbot, _ok(dialog.ui.buttonBox))

    def new(dialog: PasswordDialog) -> None:
        qtbot.keyClicks(dialog.ui.passwordEdit, new_password)
        qtbot.keyClicks(dialog.ui.againEdit, new_password)
        click(qtbot, _ok(dialog.ui.buttonBox))

    when_modal(current, PasswordDialog)
    action.trigger()
    assert window.statusBar().currentMessage() == "Your password is changed."
    assert users.sign_in(sctx.engine, "ada", new_password).name == "ada"
    from xmart.processes.security.access import card_payments
    from xmart.processes.security.card_keys import reveal

    with UnitOfWork(sctx.engine) as uow:  # card access kept: the same key pair, wrapped again
        payment = card_payments(uow, 1001)[0]
    with UnitOfWork(sctx.engine) as uow:
        assert reveal(uow, payment.id, new_password).replace(" ", "") == TEST_CARD
