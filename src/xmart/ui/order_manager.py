"""The Order Manager (DOMAIN.md section 7): one draft CSO, sections Setup, Items, Payment, Shipping.

Opened by New Order on a customer record (a draft is created with both addresses copied) or by
Transactions › Corporate Sale Order. "Update Information" saves Setup, Save Draft saves every
section, Complete Order checks every section and lists what is missing; nothing typed is lost when
something is refused. After completion the confirmation e-mail goes out in the background.

Closing (close button, Esc, Ctrl+W) with unsaved changes asks Save / Discard / Cancel; a draft that
New Order created and nobody saved anything into is deleted when the window closes, so abandoned
New Orders leave no empty drafts behind.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget

from xmart.errors import XmartError
from xmart.processes.order_entry import (
    CompleteResult,
    OrderEntry,
    OrderView,
    complete_order,
    discard_empty_draft,
    save_sections,
)
from xmart.processes.unit_of_work import UnitOfWork
from xmart.ui.context import AppContext
from xmart.ui.errors import show_error, show_message
from xmart.ui.generated.ui_order_manager import Ui_OrderManager
from xmart.ui.order_editor import OrderSections, enter_presses_buttons, shortcut, with_sections
from xmart.ui.screen import resize_within_screen
from xmart.ui.security.card_reveal import CardRevealBox
from xmart.ui.tasks import Task
from xmart.ui.unsaved import CANCEL, DISCARD, ask_unsaved

log = logging.getLogger(__name__)


class OrderManager(QWidget):
    """Edits one draft CSO; `completed(CompleteResult)` once it is open."""

    completed = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        view: OrderView,
        parent: QWidget | None = None,
        on_completed: Callable[[CompleteResult], None] | None = None,
        new: bool = False,
        on_discarded: Callable[[], None] | None = None,
    ):
        """`new`: the draft was just created by New Order (deleted on close while nothing is saved in it);
        `on_discarded()` is called once such a draft has been deleted."""
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.view = view
        self.new = new
        self.on_discarded = on_discarded
        self._closing = False
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
        self.card_reveal = CardRevealBox(ctx, view.number, self)  # stored card payments, card.reveal only
        self.ui.paymentLayout.addWidget(self.card_reveal)
        self.saved: OrderEntry = self.sections.entry_or_empty()
        self.last_task: Task | None = None
        if on_completed is not None:
            self.completed.connect(on_completed)
        self.ui.setupSection.update_requested.connect(lambda: self.save(("setup",), "Setup information updated."))
        self.ui.saveButton.clicked.connect(lambda: self.save())
        self.ui.completeButton.clicked.connect(self.complete)
        for n, name in enumerate(("setup", "items", "payment", "shipping")):
            shortcut(self, f"manager.{name}", lambda n=n: self.ui.tabs.setCurrentIndex(n))
        shortcut(self, "manager.save", lambda: self.save())
        shortcut(self, "manager.complete", self.complete)
        shortcut(self, "manager.close", self.close)
        self._show_header()
        enter_presses_buttons(self)
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

    def save(
        self, sections=("setup", "items", "payment", "shipping"), message: str = "Draft saved.", then_close=False
    ) -> Task | None:
        """Save sections of the draft in the task runner (and close the window once saved, `then_close`)."""
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
            self.card_reveal.refresh()
            self.new = False
            self.saved = with_sections(self.saved, entry, sections)
            self._show_header()
            self.ui.headerLabel.setToolTip(message)
            self._status(message)
            if then_close:
                self._closing = True
                self.close()

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
        self.new = False
        self._closing = True
        self.close()

    def unsaved(self) -> list[str]:
        """What would be lost by closing now (empty when nothing)."""
        return self.sections.unsaved(self.saved)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Ask Save / Discard / Cancel when something typed is not saved; delete an untouched new draft."""
        if self.last_task is not None and not self.last_task.done:
            self._status(f"{self.last_task.title}… wait until it has finished, then close the window.")
            event.ignore()
            return
        unsaved = [] if self._closing else self.unsaved()
        if unsaved:
            answer = ask_unsaved(
                self,
                f"Corporate sale order {self.view.number} has changes that are not saved: {', '.join(unsaved)}.",
            )
            if answer == CANCEL:
                event.ignore()
                return
            if answer != DISCARD:
                event.ignore()
                self.save(then_close=True)
                return
        if self.new:
            self._discard_draft()
        event.accept()

    def _discard_draft(self) -> None:
        """Delete the draft New Order created, as nothing was saved into it (one short write)."""
        self.new = False
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                deleted = discard_empty_draft(uow, self.view.id)
        except Exception as exc:  # noqa: BLE001 - the window closes anyway; an empty draft is harmless
            log.error("the empty draft %s was not deleted: %r", self.view.number, exc)
            return
        if deleted and self.on_discarded is not None:
            self.on_discarded()

    def _status(self, text: str) -> None:
        parent = self.parentWidget()
        window = parent.window() if parent is not None else None
        bar = getattr(window, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 8000)
