"""Menu slots of order entry (Transactions, Reports, Settings) and the outbox pump.

The pump sends due e-mails in the task runner: right after an order is completed, and every
PUMP_INTERVAL_MS while the client runs, so a failed send is retried with its back-off without
anybody doing anything. Delivery never runs twice at once in one client; across workstations the
outbox's claim keeps every e-mail from going out twice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from xmart.errors import InputError, NotFoundError, XmartError
from xmart.processes import order_settings
from xmart.processes.mailer import load_smtp_settings, save_smtp_settings
from xmart.processes.order_entry import CompleteResult, load_order, new_order
from xmart.processes.outbox import DeliveryResult, deliver_due
from xmart.processes.unit_of_work import UnitOfWork
from xmart.processes.values import CsoStatus
from xmart.processes.views.lookups import find_cso
from xmart.ui.commission_view import CommissionView
from xmart.ui.context import AppContext
from xmart.ui.customer_manager import CustomerManager
from xmart.ui.dialogs.order_settings_dialog import OrderSettingsDialog
from xmart.ui.dialogs.smtp_settings_dialog import SmtpSettingsDialog
from xmart.ui.errors import show_error, show_message
from xmart.ui.order_manager import OrderManager
from xmart.ui.outbox_view import OutboxView
from xmart.ui.sales_order_interface import SalesOrderInterface
from xmart.ui.screen import fit_to_screen, resize_within_screen
from xmart.ui.tasks import Task

PUMP_INTERVAL_MS = 60_000
W = TypeVar("W", bound=QWidget)


class OrderActions(QObject):
    """Transactions › Customers / Corporate Sale Order / Sales Order Interface / Outbox, Reports ›
    Salesman Commission, Settings › E-mail / Channels / Salesmen / Custom Order Fields."""

    def __init__(self, ctx: AppContext, window: QMainWindow, tabs: QTabWidget):
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.tabs = tabs
        self.delivery: Task | None = None
        self.pump = QTimer(self)
        self.pump.setInterval(PUMP_INTERVAL_MS)
        self.pump.timeout.connect(lambda: self.send_mail(quiet=True))
        self.pump.start()

    # --- tabs and windows -----------------------------------------------------------------
    @property
    def windows(self) -> list[QWidget]:
        """The open order windows and document views, oldest first (from the registry in `ctx.windows`)."""
        return self.ctx.windows.windows()

    def _tab(self, kind: type[W], title: str, make: Callable[[], W]) -> W:
        for i in range(self.tabs.count()):
            widget = self.tabs.widget(i)
            if isinstance(widget, kind):
                self.tabs.setCurrentIndex(i)
                return widget
        widget = make()
        self.tabs.setCurrentIndex(self.tabs.addTab(widget, title))
        return widget

    def customers(self) -> CustomerManager:
        """Transactions › Customers."""
        return self._tab(CustomerManager, "Customers", lambda: CustomerManager(self.ctx, self.new_order, self.tabs))

    def outbox(self) -> OutboxView:
        """Transactions › Outbox."""
        view = self._tab(OutboxView, "Outbox", lambda: OutboxView(self.ctx, self.send_mail, self.tabs))
        view.refresh()
        return view

    def commission(self) -> CommissionView:
        """Reports › Salesman Commission."""
        return self._tab(CommissionView, "Salesman Commission", lambda: CommissionView(self.ctx, self.tabs))

    def new_order(self, customer_id: int) -> OrderManager | None:
        """New Order from a customer record: a draft with both addresses copied, in the Order Manager."""
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                view = new_order(uow, customer_id, self.ctx.today())
        except XmartError as exc:
            show_error(self.window, exc)
            return None
        return self._show_manager(view, new=True)

    def is_draft(self, number: int) -> bool:
        """True when CSO `number` is a draft (a short read)."""
        with UnitOfWork(self.ctx.engine) as uow:
            cso = find_cso(uow, number)
        return cso is not None and cso.status == CsoStatus.DRAFT.value

    def edit_order(self, number: int) -> OrderManager | None:
        """Reopen draft CSO `number` in the Order Manager (its window comes forward when already open)."""
        window = self.ctx.windows.bring_forward(("order", number))
        if isinstance(window, OrderManager):
            return window
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                cso = find_cso(uow, number)
                if cso is None:
                    raise NotFoundError(f"There is no corporate sale order {number}.")
                view = load_order(uow.session, cso.id)
        except XmartError as exc:
            show_error(self.window, exc)
            return None
        if view.status != CsoStatus.DRAFT.value:
            show_error(
                self.window, InputError(f"Corporate sale order {number} is {view.status}: only a draft can be edited.")
            )
            return None
        return self._show_manager(view)

    def _show_manager(self, view, new: bool = False) -> OrderManager:
        manager = OrderManager(
            self.ctx, view, self.window, on_completed=self.order_completed, new=new, on_discarded=self._refresh
        )
        fit_to_screen(manager)
        manager.show()
        self.ctx.windows.add(("order", view.number), manager)
        return manager

    def corporate_sale_order(self) -> OrderManager | None:
        """Transactions › Corporate Sale Order: choose the customer, then the same Order Manager."""
        dialog = QDialog(self.window)
        dialog.setWindowTitle("Corporate Sale Order — choose the customer")
        chosen: list[int] = []

        def pick(customer_id: int) -> None:
            chosen.append(customer_id)
            dialog.accept()

        layout = QVBoxLayout(dialog)
        manager = CustomerManager(self.ctx, pick, dialog)
        manager.ui.newOrderButton.setText("&Open Order")
        layout.addWidget(manager)
        table = manager.ui.table  # wide enough for every column (Phone was cut off), within the screen
        border = table.frameWidth() * 2 + table.verticalScrollBar().sizeHint().width()
        margins = layout.contentsMargins().left() + layout.contentsMargins().right()
        resize_within_screen(dialog, max(820, table.horizontalHeader().length() + border + margins + 24), 480)
        self.picker = dialog
        dialog.exec()
        dialog.deleteLater()
        return self.new_order(chosen[0]) if chosen else None

    def sales_order_interface(self) -> SalesOrderInterface:
        """Transactions › Sales Order Interface."""
        soi = SalesOrderInterface(self.ctx, self.window, on_completed=self.order_completed, on_saved=self._refresh)
        fit_to_screen(soi)
        soi.show()
        self.ctx.windows.add(("soi", id(soi)), soi)
        return soi

    # --- e-mail ---------------------------------------------------------------------------
    def _refresh(self) -> None:
        refresh = getattr(self.window, "refresh_browsers", None)
        if callable(refresh):
            refresh()

    def order_completed(self, result: CompleteResult) -> None:
        """After a completion has committed: refresh the lists and send the confirmation."""
        self._refresh()
        if result.outbox_id is not None and result.mail_configured:  # else result.mail_note says it waits
            self.send_mail()

    def send_mail(self, quiet: bool = False) -> Task | None:
        """Send due e-mails in the background; tell the user when one could not be sent."""
        if self.delivery is not None and not self.delivery.done:
            return self.delivery
        engine = self.ctx.engine

        def done(result: DeliveryResult) -> None:
            if result.sent or result.failed:
                self.window.statusBar().showMessage(result.summary, 15000)
            if result.failed and not quiet:
                show_message(
                    self.window,
                    f"A confirmation e-mail could not be sent now:\n{result.errors[0]}\n\n"
                    "It is kept in Transactions › Outbox and retried automatically.",
                    "E-mail not sent",
                )
            for i in range(self.tabs.count()):
                tab = self.tabs.widget(i)
                if isinstance(tab, OutboxView):
                    tab.refresh()

        self.delivery = self.ctx.tasks.start(
            "Sending e-mail",
            lambda progress, cancelled: deliver_due(engine),
            parent=None,
            cancellable=False,
            on_success=done,
            on_error=lambda exc: None if quiet else show_error(self.window, exc),
        )
        return self.delivery

    # --- settings -------------------------------------------------------------------------
    def smtp_settings(self) -> None:
        """Settings › E-mail."""
        with UnitOfWork(self.ctx.engine) as uow:
            current = load_smtp_settings(uow.session)
        params = SmtpSettingsDialog.ask(self.window, current)
        if params is None:
            return
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                save_smtp_settings(uow, params.settings, params.password)
        except XmartError as exc:
            show_error(self.window, exc)
            return
        self.window.statusBar().showMessage("E-mail settings saved.", 5000)
        self.send_mail(quiet=True)

    def edit_settings(self, kind: str) -> None:
        """Settings › Channels / Salesmen / Custom Order Fields."""
        services: dict[str, tuple[Callable[[Any], list[Any]], Callable[[UnitOfWork, list[Any]], object]]] = {
            "channels": (order_settings.list_channels, order_settings.save_channels),
            "salesmen": (order_settings.list_salesmen, order_settings.save_salesmen),
            "fields": (order_settings.list_custom_fields, order_settings.save_custom_fields),
        }
        listing, saving = services[kind]
        with UnitOfWork(self.ctx.engine) as uow:
            rows = listing(uow.session)
        while True:
            edited = OrderSettingsDialog.ask(self.window, kind, rows)
            if edited is None:
                return
            try:
                with UnitOfWork(self.ctx.engine) as uow:
                    saving(uow, edited)
                return
            except XmartError as exc:
                show_error(self.window, exc)
                rows = edited
