"""Transactions › Sales Order Interface: one keyboard-first screen to find or create the customer and
enter the whole order, for clerks who enter many orders.

Keys: Ctrl+F find customer (Enter picks the first match, Up/Down choose), Ctrl+N new customer,
Ctrl+1..4 jump to Setup, Items, Payment, Shipping, Enter in the item row adds a line, Ctrl+Enter
completes. Nothing is written until Complete Order succeeds (`enter_order`: one transaction); when
something is missing the screen keeps everything and says what to add. After a completed order the
screen clears for the next one.

Closing (close button, Esc, Ctrl+W) with an order on the screen asks Save / Discard / Cancel: Save
stores it as a draft of the chosen customer (`save_new_draft`), to finish later in the Order Manager.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QSize, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget

from xmart.errors import InputError, XmartError
from xmart.processes.customers import CustomerRow
from xmart.processes.order_entry import (
    CompleteResult,
    OrderEntry,
    OrderView,
    enter_order,
    save_new_draft,
    with_shipping_from_customer,
)
from xmart.processes.unit_of_work import UnitOfWork
from xmart.ui.context import AppContext
from xmart.ui.customer_manager import new_customer, search
from xmart.ui.errors import show_error
from xmart.ui.generated.ui_sales_order_interface import Ui_SalesOrderInterface
from xmart.ui.order_editor import OrderSections, enter_presses_buttons, shortcut
from xmart.ui.screen import fit_to_screen, keep_focus_in_view
from xmart.ui.tasks import Task
from xmart.ui.unsaved import CANCEL, DISCARD, SAVE, ask_unsaved

SOI_CHANNEL = "Sales Order Interface"


NO_CUSTOMER = "No customer chosen"


class SalesOrderInterface(QWidget):
    """Customer search, then Setup, Items, Payment and Shipping on one screen."""

    completed = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        on_completed: Callable[[CompleteResult], None] | None = None,
        on_saved: Callable[[], None] | None = None,
    ):
        """`on_completed(result)` after an order is completed; `on_saved()` after one is kept as a draft."""
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.on_saved = on_saved
        self._closing = False
        self.blank = OrderEntry()
        self.ui = Ui_SalesOrderInterface()
        self.ui.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.customer: CustomerRow | None = None
        self.found: list[CustomerRow] = []
        self.last_task: Task | None = None
        self.ui.setupSection.ui.updateButton.hide()
        self.sections = OrderSections(
            ctx,
            self.ui.setupSection,
            self.ui.itemsSection,
            self.ui.paymentSection,
            self.ui.shippingSection,
            self.ui.totalsLabel,
        )
        self.ui.itemsSection.ui.totalsLabel.setMinimumWidth(0)
        label = self.ui.customerLabel  # "No customer chosen" whole; a long name still elides
        label.setMinimumWidth(label.fontMetrics().horizontalAdvance(NO_CUSTOMER) + 2)
        self.ui.setupSection.ui.notesEdit.setMaximumHeight(3 * self.fontMetrics().lineSpacing() + 12)  # fits 800 px
        if on_completed is not None:
            self.completed.connect(on_completed)
        self.list_model = QStringListModel(self)
        self.ui.customerList.setModel(self.list_model)
        self.timer = QTimer(self, singleShot=True, interval=150)
        self.timer.timeout.connect(self._search)
        self.ui.findEdit.textChanged.connect(lambda _t: self.timer.start())
        self.ui.findEdit.returnPressed.connect(self._pick_first)
        self.ui.customerList.activated.connect(lambda index: self.choose(self.found[index.row()]))
        self.ui.newCustomerButton.clicked.connect(self.new_customer)
        self.ui.completeButton.clicked.connect(self.complete)
        self.ui.clearButton.clicked.connect(self.clear_asking)
        shortcut(self, "soi.find", self.ui.findEdit.setFocus)
        shortcut(self, "soi.new_customer", self.new_customer)
        shortcut(self, "soi.complete", self.complete)
        shortcut(self, "soi.close", self.close)
        targets = (
            self.ui.setupSection.ui.channelCombo,
            self.ui.itemsSection.ui.skuEdit,
            self.ui.paymentSection.ui.kindCombo,
            self.ui.shippingSection.ui.methodCombo,
        )
        for name, target in zip(("setup", "items", "payment", "shipping"), targets, strict=True):
            shortcut(self, f"soi.{name}", target.setFocus)
        self._tab_order()
        enter_presses_buttons(self)
        keep_focus_in_view(self.ui.scrollArea)
        self.clear()
        fit_to_screen(self)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Room for the whole order without scrolling; `fit_to_screen` bounds it by the screen (which may
        be as small as 1024x600: then the sections scroll, Complete Order stays in view)."""
        hint, area, content = super().sizeHint(), self.ui.scrollArea.sizeHint(), self.ui.scrollContents.sizeHint()
        return QSize(
            max(hint.width(), hint.width() - area.width() + content.width()),
            hint.height() - area.height() + content.height(),
        )

    def _tab_order(self) -> None:
        s, i, p, h = (
            self.ui.setupSection.ui,
            self.ui.itemsSection.ui,
            self.ui.paymentSection.ui,
            self.ui.shippingSection.ui,
        )
        chain = [
            self.ui.findEdit,
            self.ui.customerList,
            self.ui.newCustomerButton,
            s.channelCombo,
            s.salesmanCombo,
            *[editor for _kind, editor in self.ui.setupSection.custom_editors.values()],
            s.notesEdit,
            i.skuEdit,
            i.qtyEdit,
            i.priceEdit,
            i.discountEdit,
            i.addButton,
            i.table,
            i.removeButton,
            i.globalEdit,
            p.kindCombo,
            p.amountEdit,
            p.cardEdit,
            p.expiryEdit,
            p.authEdit,
            p.addButton,
            p.table,
            p.removeButton,
            h.methodCombo,
            h.costEdit,
            *self._address_fields(),
            self.ui.completeButton,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _address_fields(self):
        a = self.ui.shippingSection.ui.addressBox.ui
        return [a.line1Edit, a.line2Edit, a.cityEdit, a.regionEdit, a.postalCodeEdit, a.countryEdit]

    # --- customer -------------------------------------------------------------------------
    def _search(self) -> None:
        self.timer.stop()
        text = self.ui.findEdit.text().strip()
        self.found = search(self.ctx, text)[:50] if text else []
        self.list_model.setStringList(
            [
                f"{r.number}  {r.name}"
                + (f" — {r.company}" if r.company else "")
                + (f" · {r.email}" if r.email else "")
                for r in self.found
            ]
        )
        if self.found:
            self.ui.customerList.setCurrentIndex(self.list_model.index(0))

    def _pick_first(self) -> None:
        self._search()
        if self.found:
            self.choose(self.found[0])

    def new_customer(self) -> None:
        """Ctrl+N: create a customer and use it."""
        row = new_customer(self.ctx, self)
        if row is not None:
            self.choose(row)

    def choose(self, row: CustomerRow) -> None:
        """Use this customer: show it, copy its shipping address, go to Setup."""
        self.customer = row
        with UnitOfWork(self.ctx.engine) as uow:
            entry = with_shipping_from_customer(uow.session, OrderEntry(), row.id)
        shipping = self.ui.shippingSection.ui
        shipping.addressBox.set_value(entry.shipping_address)
        shipping.shipNameLabel.setText(row.name)
        shipping.shipNameLabel.setVisible(True)
        self.ui.customerLabel.setText(f"{row.name} ({row.number})\n{row.company}\n{row.email}\n{row.phone}")
        self.ui.setupSection.ui.channelCombo.setFocus()

    # --- order ----------------------------------------------------------------------------
    def clear(self) -> None:
        """Empty screen for the next order (channel preset to Sales Order Interface)."""
        self.customer = None
        self.sections.show(OrderEntry())
        combo = self.ui.setupSection.ui.channelCombo
        combo.setCurrentIndex(max(combo.findText(SOI_CHANNEL), 0))
        self.ui.findEdit.clear()
        self.found = []
        self.list_model.setStringList([])
        self.ui.customerLabel.setText(NO_CUSTOMER)
        self.blank = self.sections.entry_or_empty()
        self.ui.findEdit.setFocus()

    def clear_asking(self) -> None:
        """Clear: asks first when an order is on the screen (Save keeps it as a draft, then clears)."""
        unsaved = self.unsaved()
        if unsaved:
            answer = ask_unsaved(self, f"Clear the screen? The order on it is not saved: {', '.join(unsaved)}.")
            if answer == CANCEL:
                return
            if answer == SAVE:
                self.save_draft()
                return
        self.clear()

    def complete(self) -> Task | None:
        """Complete Order: create and complete the CSO in one transaction; say what is missing."""
        try:
            if self.customer is None:
                raise InputError("Customer: find the customer (Ctrl+F) or create one (Ctrl+N).")
            entry = self.sections.entry()
        except XmartError as exc:
            show_error(self, exc, "Complete Order")
            return None
        customer_id, today = self.customer.id, self.ctx.today()

        def work(progress, cancelled):
            with UnitOfWork(self.ctx.engine) as uow:
                return enter_order(uow, customer_id, entry, today)

        self.last_task = self.ctx.tasks.start(
            "Completing the order",
            work,
            parent=self,
            cancellable=False,
            on_success=self._completed,
            on_error=lambda exc: show_error(self, exc, "Complete Order"),
        )
        return self.last_task

    def _completed(self, result: CompleteResult) -> None:
        self.completed.emit(result)
        self.ui.shortcutsLabel.setText(f"Order {result.number} completed. {result.mail_note}")
        self.clear()

    # --- closing --------------------------------------------------------------------------
    def unsaved(self) -> list[str]:
        """What would be lost by closing now (empty when the screen holds no order)."""
        chosen = [] if self.customer is None else ["the customer"]
        return chosen + self.sections.unsaved(self.blank)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Ask Save (as a draft) / Discard / Cancel when an order is on the screen."""
        if self.last_task is not None and not self.last_task.done:
            event.ignore()
            return
        unsaved = [] if self._closing else self.unsaved()
        if unsaved:
            answer = ask_unsaved(
                self,
                f"The order on this screen is not saved: {', '.join(unsaved)}.\n"
                "Save keeps it as a draft of the customer, to finish in the Order Manager.",
            )
            if answer == CANCEL:
                event.ignore()
                return
            if answer != DISCARD:
                event.ignore()
                self.save_draft(then_close=True)
                return
        event.accept()

    def save_draft(self, then_close: bool = False) -> Task | None:
        """Keep the order on the screen as a draft CSO of the chosen customer (in the task runner)."""
        try:
            if self.customer is None:
                raise InputError(
                    "Customer: to keep the order as a draft, find the customer (Ctrl+F) or create one (Ctrl+N)."
                )
            entry = self.sections.entry()
        except XmartError as exc:
            show_error(self, exc, "Save Draft")
            return None
        customer_id, today = self.customer.id, self.ctx.today()

        def work(progress, cancelled):
            with UnitOfWork(self.ctx.engine) as uow:
                return save_new_draft(uow, customer_id, entry, today)

        def done(view: OrderView) -> None:
            self.ui.shortcutsLabel.setText(f"<b>Order kept as draft {view.number}.</b>")
            if self.on_saved is not None:
                self.on_saved()
            self.clear()
            if then_close:
                self._closing = True
                self.close()

        self.last_task = self.ctx.tasks.start(
            "Saving the draft",
            work,
            parent=self,
            cancellable=False,
            on_success=done,
            on_error=lambda exc: show_error(self, exc, "Save Draft"),
        )
        return self.last_task
