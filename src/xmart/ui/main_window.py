"""The main window: menus, toolbar, document browsers in tabs, the database in use in the status bar.

The menus and toolbar are built in code from one table of actions (title, shortcut, icon, slot):
they are data, not layout. Every dialog's layout comes from a Designer form (see README.md).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QToolButton,
)

from xmart.errors import XmartError
from xmart.processes.demo import load_demo
from xmart.processes.first_run import database_is_empty
from xmart.processes.security import users
from xmart.processes.store_management import this_store
from xmart.processes.sync.keys import setup_store
from xmart.processes.unit_of_work import UnitOfWork
from xmart.processes.views.document_lists import DOCUMENT_LISTS, CsoRow
from xmart.ui import icons, operations
from xmart.ui.browsers.document_browser import DocumentBrowser
from xmart.ui.context import APPLICATION, AppContext
from xmart.ui.cso_actions import ACTIONS, TEXTS, TIPS, CsoActions, allowed
from xmart.ui.dialogs.password_dialog import PasswordDialog
from xmart.ui.dialogs.sign_in_dialog import SignInDialog
from xmart.ui.dialogs.store_setup_dialog import StoreSetupDialog
from xmart.ui.dialogs.user_dialog import ADMINISTRATOR, UserDialog
from xmart.ui.document_view import DocumentView
from xmart.ui.errors import show_error, show_message
from xmart.ui.first_run import DEMO, IMPORT, STORE, FirstRunDialog
from xmart.ui.fulfilment_report import FulfilmentReportView, open_fulfilment_report
from xmart.ui.help import show_guide, show_shortcuts
from xmart.ui.item_availability import ItemsView
from xmart.ui.order_actions import OrderActions
from xmart.ui.printing import NO_PRINTER_INSTALLED, choose_printer, printer_names
from xmart.ui.process_actions import ProcessActions
from xmart.ui.qt_settings import setting_value
from xmart.ui.sale_orders_report import open_sale_orders_report
from xmart.ui.screen import resize_within_screen
from xmart.ui.security import gates
from xmart.ui.security.audit_view import open_audit_log
from xmart.ui.security.lock import UNLOCKED, IdleWatch, LockScreen, cover_windows, uncover
from xmart.ui.security.users_roles import UsersRolesDialog, open_users_and_roles
from xmart.ui.settings_actions import edit_company
from xmart.ui.store_sync import StoreSyncView, open_store_sync
from xmart.ui.tasks import Task
from xmart.ui.web_orders import open_web_orders
from xmart.ui.widgets.range_box import BY_DATE, BY_NUMBER

MAIN_ONLY = frozenset(
    {
        "customers",
        "corporateSaleOrder",
        "salesOrderInterface",
        "outbox",
        "browseCso",
        "assignByDate",
        "assignByNumber",
        "poByDate",
        "poByNumber",
        "fulfilment",
        "commission",
        "channels",
        "salesmen",
        "customFields",
        "demoData",
        "webOrders",
    }
)
"""The Main's work, hidden in store mode (DOMAIN.md section 6: a store never runs the Main's processes;
its sale orders come from the Main, so it enters no corporate sale orders)."""
SKIP_FIRST_ADMIN_KEY = "security/skipFirstAdministratorOffer"
"""QSettings key: True once the user ticked "Don't ask again" at the offer of the first administrator."""


def _cso_allows(action: str, row: CsoRow) -> bool:
    return allowed(action, row.status)


def _operation_allows(kind: str, action: str, row) -> bool:
    return operations.allowed(kind, action, row.status)


def _gated(may: Callable[[str], bool], permission: str, allows: Callable[[Any], bool]) -> Callable[[Any], bool]:
    """`allows(row)`, only while the user holds `permission`."""
    return lambda row: may(permission) and allows(row)


def _has_visible(menu: QMenu) -> bool:
    """True when `menu` shows at least one action (separators do not count; submenus count by their own)."""
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        submenu = action.menu()
        if not isinstance(submenu, QMenu) or _has_visible(submenu):
            return True
    return False


class MainWindow(QMainWindow):
    """xmart Main: Security, Transactions, Documents, Processes, Reports, Settings, Help.

    What the signed-in user may not do is hidden (`security.gates`), again after every sign-in,
    sign-out and role change; after IDLE_TIMEOUT_MS without input the client locks (`lock`).
    """

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.store: str | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.setCentralWidget(self.tabs)
        self.processes = ProcessActions(ctx, self, self.open_document, self.refresh_browsers)
        self.orders = OrderActions(ctx, self, self.tabs)
        self.cso_actions = CsoActions(ctx, self, self.orders.edit_order)
        self.cso_actions.changed.connect(lambda _number: self.refresh_browsers())
        self.operations = operations.DocumentOperations(ctx, self)
        self.operations.changed.connect(lambda _kind, _number: self.refresh_browsers())
        self.actions_by_name: dict[str, QAction] = {}
        self.toolbar_aliases: list[tuple[QAction, QAction]] = []
        self._build_menus()
        self._build_toolbar()
        self.database_label = QLabel(ctx.database_label)
        self.database_label.setObjectName("databaseLabel")
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        self.store_label = QLabel()
        self.store_label.setObjectName("storeLabel")
        self.statusBar().addPermanentWidget(self.store_label)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.database_label)
        self.statusBar().showMessage("Ready", 3000)
        self.last_task: Task | None = None
        self.locked = False
        self.idle = IdleWatch(self.lock, self)
        ctx.session.changed.connect(self.apply_access)
        self.read_mode()
        resize_within_screen(self, 1100, 700)
        self._restore_state()

    # --- building ---------------------------------------------------------------------------
    def _action(
        self,
        name: str,
        text: str,
        slot,
        shortcut: str | QKeySequence.StandardKey | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icons.has_icon(name):  # every action has one (tests/ui/test_icons.py)
            action.setIcon(icons.icon(name))
        action.setStatusTip(tip or text.replace("&", "").rstrip("…"))
        action.triggered.connect(lambda _checked=False: slot())
        self.actions_by_name[name] = action
        return action

    def _build_menus(self) -> None:
        a = self._action
        bar = self.menuBar()
        session = bar.addMenu("Securit&y")
        session.addAction(
            a(
                "signOut",
                "Sign &Out / Switch User…",
                self.sign_out,
                "Ctrl+Shift+Q",
                "Close the open windows (each asks about unsaved changes), sign out and let someone sign in",
            )
        )
        session.addAction(
            a(
                "changePassword",
                "Change &Password…",
                self.change_password,
                None,
                "Change your own password (your current one, then the new one twice); card access is kept",
            )
        )
        lock = a("lockScreen", "&Lock Screen", self.lock, "Ctrl+L", "Hide every window until the password is typed")
        lock.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # from every xmart window, listed so by F1
        session.addAction(lock)
        transactions = bar.addMenu("&Transactions")
        o = self.orders
        transactions.addAction(
            a(
                "customers",
                "&Customers",
                o.customers,
                "Ctrl+Shift+C",
                "Customer Manager: find, create and edit customers; New Order",
            )
        )
        transactions.addAction(
            a(
                "corporateSaleOrder",
                "Corporate &Sale Order…",
                o.corporate_sale_order,
                "Ctrl+Shift+O",
                "Enter a corporate sale order in the Order Manager",
            )
        )
        transactions.addAction(
            a(
                "salesOrderInterface",
                "Sales &Order Interface",
                o.sales_order_interface,
                "Ctrl+Shift+I",
                "One screen for customer and order, keyboard-first",
            )
        )
        transactions.addAction(a("outbox", "O&utbox", o.outbox, None, "Confirmation e-mails: sent, waiting, failed"))
        transactions.addAction(
            a(
                "webOrders",
                "&Web Orders",
                lambda: open_web_orders(self.ctx, self.tabs),
                None,
                "Shopify and WooCommerce orders into corporate sale orders; the review list",
            )
        )
        transactions.addSeparator()
        transactions.addAction(
            a(
                "importDocument",
                "&Import Document…",
                self.import_file,
                "Ctrl+I",
                "Load an xmart import document (JSON)",
            )
        )
        transactions.addSeparator()
        transactions.addAction(a("quit", "&Quit", self.close, QKeySequence.StandardKey.Quit))

        documents = bar.addMenu("&Documents")
        sale_order = documents.addMenu("&Sale Order")
        sale_order.addAction(
            a(
                "browseCso",
                "&Corporate Sale Order",
                lambda: self.open_browser("cso"),
                "Ctrl+1",
                "Browse corporate sale orders",
            )
        )
        sale_order.addAction(
            a(
                "browseSo",
                "&Sale Orders",
                lambda: self.open_browser("so"),
                "Ctrl+2",
                "Browse store sale orders",
            )
        )
        documents.addAction(
            a(
                "browsePo",
                "&Purchase Orders",
                lambda: self.open_browser("po"),
                "Ctrl+3",
                "Browse purchase orders",
            )
        )
        documents.addAction(
            a(
                "browseItems",
                "&Items",
                self.open_items,
                "Ctrl+4",
                "Items with on hand, pending, available and on order per location",
            )
        )
        documents.addSeparator()
        documents.addAction(
            a(
                "refresh",
                "&Refresh",
                self.refresh_browsers,
                QKeySequence.StandardKey.Refresh,
                "Read the open lists again",
            )
        )

        processes = bar.addMenu("&Processes")
        cso = processes.addMenu("&Corporate Sale Orders")
        cso.addAction(
            a(
                "assignByDate",
                "Assign by &Date…",
                lambda: self.processes.assign(BY_DATE),
                "Ctrl+Shift+D",
                "Assign corporate sale orders in a date range to stores",
            )
        )
        cso.addAction(
            a(
                "assignByNumber",
                "Assign by &Number…",
                lambda: self.processes.assign(BY_NUMBER),
                "Ctrl+Shift+N",
                "Assign corporate sale orders in a number range to stores",
            )
        )
        cso.addSeparator()
        cso.addAction(
            a(
                "poByDate",
                "&Purchase Orders by Date…",
                lambda: self.processes.purchase_orders(BY_DATE),
                "Ctrl+Shift+P",
                "Generate purchase orders for unassigned units",
            )
        )
        cso.addAction(
            a(
                "poByNumber",
                "Purchase Orders by N&umber…",
                lambda: self.processes.purchase_orders(BY_NUMBER),
                "Ctrl+Shift+U",
            )
        )
        processes.addAction(
            a(
                "storeSync",
                "Store &Sync",
                self.store_sync,
                "Ctrl+Shift+Y",
                "Packages to and from the synchronized stores: last in and out, waiting, refused, conflicts; resend",
            )
        )

        reports = bar.addMenu("&Reports")
        reports.addAction(
            a(
                "fulfilment",
                "Corporate Sale Order &Fulfilment…",
                self.fulfilment_report,
                "Ctrl+F",
                "Ordered, assigned, sold and unassigned units of the corporate sale orders in a range",
            )
        )
        reports.addAction(
            a(
                "saleOrdersReport",
                "&Sale Orders — Sold and Not Yet Sold…",
                lambda: open_sale_orders_report(self.ctx, self.tabs),
                None,
                "Per sale order line: ordered, sold and not yet sold, with amounts; PDF, CSV, Excel",
            )
        )
        reports.addAction(
            a(
                "commission",
                "Salesman &Commission",
                o.commission,
                None,
                "Orders, sales total and commission per salesman in a date range",
            )
        )

        settings = bar.addMenu("&Settings")
        settings.addAction(
            a(
                "companySettings",
                "Co&mpany…",
                lambda: edit_company(self.ctx, self),
                None,
                "Company name, address, phone, e-mail and logo printed on every document",
            )
        )
        settings.addAction(
            a(
                "printer",
                "&Printer…",
                lambda: choose_printer(self.ctx, self),
                None,
                "Choose the printer documents go to",
            )
        )
        settings.addAction(a("smtpSettings", "&E-mail…", o.smtp_settings, None, "SMTP server for confirmation e-mails"))
        settings.addAction(a("channels", "Sales &Channels…", lambda: o.edit_settings("channels")))
        settings.addAction(a("salesmen", "&Salesmen…", lambda: o.edit_settings("salesmen")))
        settings.addAction(a("customFields", "Custom &Order Fields…", lambda: o.edit_settings("fields")))
        settings.addSeparator()
        settings.addAction(
            a(
                "usersRoles",
                "&Users and Roles…",
                self.users_and_roles,
                None,
                "Users, their roles and permissions; the office's roles",
            )
        )
        settings.addAction(
            a(
                "auditLog",
                "&Audit Log",
                lambda: open_audit_log(self.ctx, self.tabs),
                None,
                "Who did what and when: sign-ins, denials, card reveals, process runs, changes; Verify Chain",
            )
        )
        settings.addSeparator()
        settings.addAction(
            a(
                "demoData",
                "Create &Demo Data…",
                self.create_demo_data,
                None,
                "Fill this empty database with demo data",
            )
        )

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(
            a(
                "keyboardShortcuts",
                "&Keyboard Shortcuts",
                lambda: show_shortcuts(self, self.menuBar()),
                QKeySequence.StandardKey.HelpContents,
                "Every shortcut and mnemonic of the client",
            )
        )
        help_menu.addAction(
            a("userGuide", "&User Guide", lambda: show_guide(self), None, "The daily work, step by step")
        )
        help_menu.addSeparator()
        help_menu.addAction(a("about", "&About xmart", self.about))

    def _build_toolbar(self) -> None:
        toolbar = QToolBar("Main toolbar", self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        aliases = (("browseCso", "Corporate SOs"), ("browseSo", "Sale Orders"), ("browsePo", "Purchase Orders"))
        for name, text in aliases:
            toolbar.addAction(self._toolbar_alias(name, text))
        toolbar.addSeparator()
        toolbar.addAction(self._toolbar_alias("assignByDate", "Assign…"))
        toolbar.addAction(self._toolbar_alias("poByDate", "Purchase Orders…"))
        toolbar.addAction(self._toolbar_alias("storeSync", "Store Sync"))
        toolbar.addSeparator()
        toolbar.addAction(self.actions_by_name["refresh"])
        self.addToolBar(toolbar)

    def _toolbar_alias(self, name: str, text: str) -> QAction:
        """The menu action `name`, shown on the toolbar with a shorter text."""
        source = self.actions_by_name[name]
        alias = QAction(source.icon(), text, self)
        shortcut = source.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        alias.setToolTip(f"{source.text().replace('&', '')} ({shortcut})")
        alias.setStatusTip(source.statusTip())
        alias.triggered.connect(source.trigger)
        self.toolbar_aliases.append((alias, source))
        return alias

    # --- documents --------------------------------------------------------------------------
    def open_browser(self, kind: str) -> DocumentBrowser:
        """Show the browser of `kind` ("cso", "so", "po"), opening a tab for it if needed."""
        for i in range(self.tabs.count()):
            widget = self.tabs.widget(i)
            if isinstance(widget, DocumentBrowser) and widget.source.kind == kind:
                self.tabs.setCurrentIndex(i)
                return widget
        browser = DocumentBrowser(self.ctx, DOCUMENT_LISTS[kind], self.tabs)
        browser.setObjectName(f"browser_{kind}")
        browser.open_requested.connect(self.open_document)
        may = self.ctx.session.may
        if kind == "cso":
            for action in ACTIONS:
                permission = gates.CSO[action]
                browser.add_row_action(
                    f"{action}Cso",
                    TEXTS[action],
                    TIPS[action],
                    partial(self._cso_row_action, action, browser),
                    _gated(may, permission, partial(_cso_allows, action)),
                ).setProperty("permission", permission)
        for action in operations.ACTIONS.get(kind, ()):
            permission = gates.OPERATIONS[kind, action]
            browser.add_row_action(
                f"{action}{kind.capitalize()}",
                operations.TEXTS[kind, action],
                operations.TIPS[kind, action],
                partial(self._operation_row_action, kind, action, browser),
                _gated(may, permission, partial(_operation_allows, kind, action)),
            ).setProperty("permission", permission)
        self._gate_browser(browser)
        self.tabs.setCurrentIndex(self.tabs.addTab(browser, DOCUMENT_LISTS[kind].title))
        return browser

    @property
    def start_list(self) -> str:
        """The list shown at start: corporate sale orders at the Main, the sale orders received at a store."""
        return "cso" if self.store is None else "so"

    def _cso_row_action(self, action: str, browser: DocumentBrowser, row: CsoRow) -> None:
        self.cso_actions.run(action, row.number, browser)

    def open_items(self) -> ItemsView:
        """Documents › Items: the item list with availability, in a tab of its own."""
        for i in range(self.tabs.count()):
            widget = self.tabs.widget(i)
            if isinstance(widget, ItemsView):
                self.tabs.setCurrentIndex(i)
                return widget
        view = ItemsView(self.ctx, self.tabs)
        view.setObjectName("itemsView")
        self.tabs.setCurrentIndex(self.tabs.addTab(view, "Items"))
        return view

    def _operation_row_action(self, kind: str, action: str, browser: DocumentBrowser, row) -> None:
        self.operations.run(kind, action, row.number, browser)

    def browsers(self) -> list[DocumentBrowser]:
        """The open browsers."""
        return [w for w in (self.tabs.widget(i) for i in range(self.tabs.count())) if isinstance(w, DocumentBrowser)]

    def refresh_browsers(self) -> None:
        """Read every open list again (after a process run or an import)."""
        for browser in self.browsers():
            browser.refresh()
        for i in range(self.tabs.count()):
            widget = self.tabs.widget(i)
            if isinstance(widget, ItemsView):
                widget.refresh()

    def open_document(self, kind: str, number: int) -> DocumentView | None:
        """Show one document in its own window; a draft corporate sale order opens in the Order Manager."""
        if kind == "cso" and self.orders.is_draft(number):
            self.orders.edit_order(number)
            return None
        return DocumentView.open_document(self.ctx, self, kind, number, self.cso_actions, self.operations)

    def _close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        self.tabs.removeTab(index)
        if widget is not None:
            widget.deleteLater()

    # --- store mode, store sync ---------------------------------------------------------------
    def read_mode(self) -> str | None:
        """Read whether this database is a store's (store mode, DOMAIN.md section 6) and show it: the
        window title and status bar name the store, the Main's processes are hidden. Returns the code."""
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                self.store = this_store(uow)
        except XmartError as exc:
            show_error(self, exc)
        title = APPLICATION if self.store is None else f"xmart Store {self.store}"
        self.setWindowTitle(title)
        app = QApplication.instance()
        if isinstance(app, QApplication) and app.applicationDisplayName().startswith("xmart"):
            app.setApplicationDisplayName(title)
        self.store_label.setText("" if self.store is None else f"<b>Store {self.store}</b>")
        self.store_label.setToolTip(
            ""
            if self.store is None
            else f"This database is store {self.store}'s: its sale orders come from the Main (Processes › Store Sync)"
        )
        self.store_label.setVisible(self.store is not None)
        browse_so = self.actions_by_name["browseSo"]
        browse_so.setText("&Sale Orders Received" if self.store is not None else "&Sale Orders")
        self.apply_access()
        return self.store

    def set_up_as_store(self) -> str | None:
        """First run › Set up as a store: the store's code and key file (`xmart store setup`); then the
        window shows store mode, the sale orders received and Store Sync. The code, or None if given up."""

        def attempt(code: str, key: Path) -> str | None:
            try:
                with UnitOfWork(self.ctx.engine) as uow:
                    setup_store(uow, code, key)
            except XmartError as exc:
                return str(exc)
            return None

        code = StoreSetupDialog.ask(self, attempt)
        if code is None:
            return None
        self.read_mode()
        self.open_browser(self.start_list)
        self.store_sync()
        self.statusBar().showMessage(
            f"This database is now store {code}'s: Import Packages brings the sale orders the Main sends.", 10000
        )
        return code

    def store_sync(self) -> StoreSyncView:
        """Processes › Store Sync: the peers' sync state, Export / Import Packages, resend (permission `sync`)."""
        return open_store_sync(self.ctx, self.tabs, self.refresh_browsers)

    # --- users: access, sign-out, lock ---------------------------------------------------------
    def apply_access(self) -> None:
        """Show only what the signed-in user may do (menus, toolbar, row actions); status bar says who."""
        session = self.ctx.session
        self.user_label.setText(session.status_text)
        for name, permission in gates.MENU.items():
            if name in self.actions_by_name:
                self.actions_by_name[name].setVisible(session.may(permission))
        if self.store is not None:
            for name in MAIN_ONLY:
                self.actions_by_name[name].setVisible(False)
        signed_in = session.actor is not None
        self.actions_by_name["signOut"].setVisible(session.access.users_exist)
        self.actions_by_name["lockScreen"].setVisible(signed_in)
        self.actions_by_name["changePassword"].setVisible(signed_in)
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            if isinstance(menu, QMenu):
                for action in menu.actions():
                    submenu = action.menu()
                    if isinstance(submenu, QMenu):
                        action.setVisible(_has_visible(submenu))
                menu_action.setVisible(_has_visible(menu))
        for alias, source in self.toolbar_aliases:
            alias.setVisible(source.isVisible())
        for browser in self.browsers():
            self._gate_browser(browser)
        if signed_in:
            self.idle.start()
        else:
            self.idle.stop()

    def _gate_browser(self, browser: DocumentBrowser) -> None:
        """Hide the row actions of `browser` the user may not do."""
        for action, _enabled in browser.row_actions:
            permission = action.property("permission")
            if permission:
                visible = self.ctx.session.may(permission)
                action.setVisible(visible)
                button = browser.findChild(QToolButton, f"{action.objectName()}Button")
                if button is not None:
                    button.setVisible(visible)
        browser.update_actions()

    def users_and_roles(self) -> UsersRolesDialog:
        """Settings › Users and Roles (administrators; anyone while the database has no user)."""
        return open_users_and_roles(self.ctx, self)

    def sign_out(self) -> bool:
        """Security › Sign Out / Switch User: every window closes first (each asks about its unsaved
        changes; Cancel keeps everything and the user signed in), then the user is signed out and the
        sign-in dialog asks for the next one; Quit there closes the client. False when cancelled."""
        if not self.ctx.windows.close_all() or not self._no_run_left():
            return False
        while self.tabs.count():
            self._close_tab(0)
        self.ctx.session.sign_out()
        if SignInDialog.ask(self, self.ctx.database_label, self.ctx.session.sign_in, note="You are signed out."):
            self.open_browser(self.start_list)
        else:
            QTimer.singleShot(0, self.close)
        return True

    def change_password(self) -> bool:
        """Security › Change Password…: the current password, then the new one twice; the users service
        re-wraps the same key pair, so the user keeps their card access (DOMAIN.md section 9). A wrong
        current password counts like a failed sign-in. True when changed."""
        actor = self.ctx.session.actor
        if actor is None:
            return False
        current = PasswordDialog.ask(
            self, "Change Password", f"Your current password, <b>{actor.name}</b>:", None, ok_text="&Next"
        )
        if current is None:
            return False
        new = PasswordDialog.ask(
            self,
            "Change Password",
            f"Your new password, twice. It needs at least {users.MIN_PASSWORD_LENGTH} characters.",
            users.MIN_PASSWORD_LENGTH,
            ok_text="&Change Password",
        )
        if new is None:
            return False
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                users.set_password(uow, actor.name, new, current_password=current)
        except XmartError as exc:
            show_error(self, exc)
            self.ctx.session.refresh()  # a lockout after wrong passwords shows at once
            return False
        self.statusBar().showMessage("Your password is changed.", 10000)
        return True

    def lock(self) -> bool:
        """Lock the client (idle time or Security › Lock Screen): every window is covered until the
        signed-in user's password is typed; Sign Out from the lock screen goes through `sign_out`
        (nothing unsaved is dropped without asking). False when there is nobody to lock for."""
        session = self.ctx.session
        if self.locked or session.actor is None:
            return False
        self.locked = True
        self.idle.stop()
        session.locked.emit()
        curtains = cover_windows()
        try:
            while session.actor is not None:
                if LockScreen.ask(self, session.actor.name, session.check_password) == UNLOCKED:
                    session.refresh()  # a role changed meanwhile on another workstation shows now
                    break
                if self.sign_out():
                    break
        finally:
            uncover(curtains)
            self.locked = False
            if session.actor is not None:
                self.idle.start()
        return True

    # --- first run, demo, import ------------------------------------------------------------
    def first_run_check(self) -> None:
        """The first run, on an empty database (the database itself was chosen before: `xmart gui`):
        company details for documents, this workstation's printer, the first administrator (when the
        database has no users), then demo data, an import or the empty database. Every step but the
        last can be skipped; each is the dialog Settings › ... shows later."""
        if not database_is_empty(self.ctx.engine):
            self.open_browser(self.start_list)
            self.offer_first_admin_once()
            return
        if self.ctx.session.may("settings"):
            edit_company(self.ctx, self, first_run=True)
        if choose_printer(self.ctx, self, first_run=True) is None and not printer_names():
            self.statusBar().showMessage(NO_PRINTER_INSTALLED, 10000)
        if not self.ctx.session.access.users_exist:
            self.offer_first_admin()
        choice = FirstRunDialog.ask(self, self.ctx.database_label)
        if choice == DEMO:
            self.create_demo_data()
        elif choice == IMPORT:
            self.import_file()
        elif choice == STORE:
            self.set_up_as_store()

    def offer_first_admin_once(self) -> bool:
        """A database with data but no users: offer the first administrator once at start (skippable;
        "Don't ask again" is remembered in the settings under SKIP_FIRST_ADMIN_KEY). True when one was
        created. Settings › Users and Roles › Add First Administrator… stays within reach meanwhile."""
        settings = self.ctx.settings
        if self.ctx.session.access.users_exist or settings.value(SKIP_FIRST_ADMIN_KEY, False, type=bool):
            return False
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Protect This Database",
            "This database has no users: anyone who opens xmart can do anything. Add the first administrator "
            "now? (Later: Settings › Users and Roles › Add First Administrator…)",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText("&Add Administrator…")
        box.button(QMessageBox.StandardButton.No).setText("&Not Now")
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        dont_ask = QCheckBox("&Don't ask again", box)
        box.setCheckBox(dont_ask)
        try:
            answer = box.exec()
            if dont_ask.isChecked():
                settings.setValue(SKIP_FIRST_ADMIN_KEY, True)
        finally:
            box.deleteLater()
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.offer_first_admin()

    def offer_first_admin(self) -> bool:
        """First run: create the first administrator (name, full name, password twice) and sign in as
        them, or Skip (the database keeps working without users). True when created."""
        params = UserDialog.ask(self, [ADMINISTRATOR], users.MIN_PASSWORD_LENGTH, first_admin=True)
        if params is None:
            return False
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                users.add_user(uow, params.name, params.password, ADMINISTRATOR, full_name=params.full_name)
                uow.commit()
        except XmartError as exc:
            show_error(self, exc)
            return False
        problem = self.ctx.session.sign_in(params.name, params.password)
        if problem is not None:
            show_error(self, XmartError(problem))
            return False
        self.statusBar().showMessage(f"{params.name} is the first administrator: from now on everyone signs in.", 10000)
        return True

    def create_demo_data(self) -> Task | None:
        """Fill the empty database with demo data, in the task runner."""
        if not database_is_empty(self.ctx.engine):
            show_message(self, "Demo data can only be created in an empty database.")
            return None
        self.last_task = self.ctx.tasks.start(
            "Creating demo data",
            lambda progress, cancelled: load_demo(self.ctx.engine, progress=progress),
            parent=self,
            cancellable=False,
            on_success=lambda _summary: self._loaded("Demo data created."),
            on_error=lambda exc: show_error(self, exc),
        )
        return self.last_task

    def import_file(self, path: str | None = None) -> Task | None:
        """Transactions › Import Document…: load a JSON import document in one transaction."""
        if path is None:
            folder = setting_value(self.ctx.settings, "import/folder", str(Path.home()))
            path, _ = QFileDialog.getOpenFileName(self, "Import Document", folder, "xmart import documents (*.json)")
            if not path:
                return None
        self.ctx.settings.setValue("import/folder", str(Path(path).parent))

        def work(progress, cancelled):
            from xmart.processes.importer import import_document, read_document

            doc = read_document(Path(path))
            with UnitOfWork(self.ctx.engine) as uow:
                return import_document(uow, doc)

        def done(result) -> None:
            loaded = ", ".join(f"{n} {section.replace('_', ' ')}" for section, n in result.counts.items() if n)
            self._loaded(f"Imported {loaded or 'nothing'}.")

        self.last_task = self.ctx.tasks.start(
            f"Importing {Path(path).name}",
            work,
            parent=self,
            cancellable=False,
            on_success=done,
            on_error=lambda exc: show_error(self, exc),
        )
        return self.last_task

    def _loaded(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        if not self.browsers():
            self.open_browser(self.start_list)
        self.refresh_browsers()

    # --- reports, help ----------------------------------------------------------------------
    def fulfilment_report(self) -> FulfilmentReportView:
        """Reports › Corporate Sale Order Fulfilment: a range of CSOs, the selected CSO when a browser has one."""
        return open_fulfilment_report(self.ctx, self.tabs)

    def about(self) -> None:
        """Help › About."""
        QMessageBox.about(
            self,
            "About xmart",
            f"<h3>xmart Main {QApplication.applicationVersion()}</h3>"
            "<p>Corporate sale orders, store assignment and purchase orders "
            f"for a multi-store retailer's main office.</p><p>Database: {self.ctx.database_label}</p>",
        )

    # --- window state -----------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.ctx.settings.value("window/geometry")
        state = self.ctx.settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def save_state(self) -> None:
        """Remember the window's size, position and toolbars."""
        self.ctx.settings.setValue("window/geometry", self.saveGeometry())
        self.ctx.settings.setValue("window/state", self.saveState())
        self.ctx.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Quit: every open window closes first (each asks about its unsaved changes; Cancel keeps
        everything open); a running process is waited for or cancelled (rolled back), never cut off."""
        if not self.ctx.windows.close_all() or not self._no_run_left():
            event.ignore()
            return
        self.save_state()
        self.idle.detach()
        event.accept()

    def _no_run_left(self) -> bool:
        """True when no process runs; else ask: wait for it, cancel it (nothing written), or keep working."""
        running = list(self.ctx.tasks.running)
        if not running:
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            APPLICATION,
            f"{running[0].title} is still running.",
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("runningBox")
        box.setInformativeText(
            "Wait: xmart quits when it has finished.\nCancel the run: it stops and writes nothing.\n"
            "Keep working: xmart stays open."
        )
        wait = box.addButton("&Wait and Quit", QMessageBox.ButtonRole.AcceptRole)
        stop = box.addButton("Cancel the &Run and Quit", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("&Keep Working", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is wait:
            for task in running:
                task.finished.connect(self._close_when_idle)
            self.statusBar().showMessage("xmart quits when the run has finished…")
        elif clicked is stop:
            for task in running:
                task.cancel()
            self.ctx.tasks.wait_for_all()
            return True
        return False

    def _close_when_idle(self) -> None:
        if not self.ctx.tasks.running:
            self.close()
