"""The Order Manager (DOMAIN.md section 7): one draft CSO, sections Setup, Items, Payment, Shipping.

Opened by New Order on a customer record (a draft is created with both addresses copied) or by
Transactions › Corporate Sale Order. "Update Information" saves Setup, Save Draft saves every
section, Complete Order checks every section and lists what is missing; nothing typed is lost when
something is refused. After completion the confirmation e-mail goes out in the background.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from xmart.errors import XmartError
from xmart.processes.order_entry import CompleteResult, OrderView, complete_order, save_sections
from xmart.processes.unit_of_work import UnitOfWork
from xmart.ui.context import AppContext
from xmart.ui.errors import show_error, show_message
from xmart.ui.generated.ui_order_manager import Ui_OrderManager
from xmart.ui.order_editor import OrderSections, shortcut
from xmart.ui.screen import resize_within_screen
from xmart.ui.tasks import Task


class OrderManager(QWidget):
    """Edits one draft CSO; `completed(CompleteResult)` once it is open."""

    completed = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        view: OrderView,
        parent: QWidget | None = None,
        on_completed: Callable[[CompleteResult], None] | None = None,
    ):
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.view = view
        self.ui = Ui_OrderManager()
        self.ui.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.sections = OrderSections(
            ctx,
            self.ui.setupSection,
            self.ui.itemsSection,
            self.ui.paymentSection,
            self.ui.shippingSection,
            self.ui.totalsLabel,
        )
        self.sections.show(view.entry, view.shipping_name)
        self.last_task: Task | None = None
        if on_completed is not None:
            self.completed.connect(on_completed)
        self.ui.setupSection.update_requested.connect(lambda: self.save(("setup",), "Setup information updated."))
        self.ui.saveButton.clicked.connect(lambda: self.save())
        self.ui.completeButton.clicked.connect(self.complete)
        for n in range(4):
            shortcut(self, f"Ctrl+{n + 1}", lambda n=n: self.ui.tabs.setCurrentIndex(n))
        shortcut(self, "Ctrl+S", lambda: self.save())
        shortcut(self, "Ctrl+Return", self.complete)
        shortcut(self, "Ctrl+Enter", self.complete)
        self._show_header()
        resize_within_screen(self, 900, 620)

    def _show_header(self) -> None:
        v = self.view
        self.setWindowTitle(f"Order Manager — CSO {v.number} ({v.status})")
        billing = ", ".join(v.billing_address.lines())
        self.ui.headerLabel.setText(
            f"<b>Corporate sale order {v.number}</b> · {v.status} · {v.date:%Y-%m-%d}<br>"
            f"Bill to: {v.billing_name} ({v.customer_number}){' · ' + v.billing_email if v.billing_email else ''}"
            f"{' · ' + billing if billing else ''}"
        )

    def save(self, sections=("setup", "items", "payment", "shipping"), message: str = "Draft saved.") -> Task | None:
        """Save sections of the draft in the task runner."""
        try:
            entry = self.sections.entry()
        except XmartError as exc:
            show_error(self, exc)
            return None

        def work(progress, cancelled):
            with UnitOfWork(self.ctx.engine) as uow:
                return save_sections(uow, self.view.id, entry, sections)

        def done(view: OrderView) -> None:
            self.view = view
            self._show_header()
            self.ui.headerLabel.setToolTip(message)
            self._status(message)

        self.last_task = self.ctx.tasks.start(
            "Saving the order",
            work,
            parent=self,
            cancellable=False,
            on_success=done,
            on_error=lambda exc: show_error(self, exc),
        )
        return self.last_task

    def complete(self) -> Task | None:
        """Complete Order: check every section, open the CSO, queue the confirmation; say what is missing."""
        try:
            entry = self.sections.entry()
        except XmartError as exc:
            show_error(self, exc)
            return None
        today = self.ctx.today()

        def work(progress, cancelled):
            with UnitOfWork(self.ctx.engine) as uow:
                return complete_order(uow, self.view.id, entry, today)

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
        show_message(
            self.parentWidget(),
            f"Corporate sale order {result.number} is complete and open.\n{result.mail_note}",
            "Order complete",
        )
        self.close()

    def _status(self, text: str) -> None:
        parent = self.parentWidget()
        window = parent.window() if parent is not None else None
        bar = getattr(window, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 8000)
