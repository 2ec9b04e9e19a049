"""Receive a purchase order, invoice a sale order, cancel either (DOMAIN.md sections 5 and 6), from the client.

Shared by the SO / PO document views (buttons) and browsers (buttons and context menu). Each action
first shows what will happen — the quantities dialog for Receive and Invoice, a question listing the
lines and units for Cancel (Enter / Esc work) — then runs its process in the task runner
(`receive_lines`, `invoice_lines`, `cancel_sale_order`, `cancel_purchase_order`; each one transaction,
all or nothing). A refusal is shown as one message and nothing is written. `changed(kind, number)` is
emitted after a change has committed and after a refusal (views then show the document as stored).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from xmart.processes.invoicing import invoice_lines
from xmart.processes.order_status import cancel_purchase_order, cancel_sale_order
from xmart.processes.receiving import receive_lines
from xmart.processes.unit_of_work import UnitOfWork
from xmart.processes.views.operations import OperationDocument, purchase_order_lines, sale_order_lines
from xmart.ui.context import AppContext
from xmart.ui.dialogs.quantities_dialog import QuantitiesDialog, QuantitiesParams
from xmart.ui.errors import show_error, show_message
from xmart.ui.tasks import Task

RECEIVE, INVOICE, CANCEL = "receive", "invoice", "cancel"
ACTIONS = {"po": (RECEIVE, CANCEL), "so": (INVOICE, CANCEL)}
"""The actions each document kind offers, in button order."""

ALLOWED = {
    ("po", RECEIVE): {"open", "partially received"},
    ("po", CANCEL): {"open"},
    ("so", INVOICE): {"open", "partially sold"},
    ("so", CANCEL): {"open"},
}
"""The statuses each action is offered for (the processes check the rules again)."""

TEXTS = {
    ("po", RECEIVE): "Re&ceive…",
    ("po", CANCEL): "Ca&ncel PO…",
    ("so", INVOICE): "&Invoice…",
    ("so", CANCEL): "&Cancel SO…",
}
TIPS = {
    ("po", RECEIVE): "Receive the whole purchase order, or some lines with their quantities",
    ("po", CANCEL): "Cancel the purchase order: the corporate sale order lines it covered need covering again",
    ("so", INVOICE): "Invoice lines of the sale order at its location (locations managed at the Main)",
    ("so", CANCEL): "Cancel the sale order: its unsold units become unassigned again",
}
_NAMES = {"po": "Purchase order", "so": "Sale order"}


def allowed(kind: str, action: str, status: str) -> bool:
    """True when `action` is offered for a document of `kind` in `status`."""
    return status in ALLOWED.get((kind, action), set())


def _units(n: int) -> str:
    return f"{n:,} unit" + ("" if n == 1 else "s")


def cancel_question(document: OperationDocument) -> str:
    """What Cancel will do to this SO or PO, in words, with its lines and quantities."""
    lines = "\n".join(
        f"    {line.sku}  {line.description}: {_units(line.left)}" for line in document.lines if line.left
    )
    if document.kind == "so":
        cso = f" of corporate sale order {document.corporate_order}" if document.corporate_order else ""
        freed = (
            f"These units{cso} become unassigned again: the next Assign can place them elsewhere."
            if document.corporate_order
            else "This store order is closed without a sale."
        )
        return (
            f"Cancel sale order {document.number} at {document.location}?\n\n"
            f"{_units(document.left)} not sold:\n{lines}\n\n{freed}\n\nThis cannot be undone."
        )
    covered = sum(line.covered for line in document.lines)
    freed = (
        f"{_units(covered)} of it were ordered for corporate sale orders: they need covering again."
        if covered
        else "None of it covers corporate sale order lines."
    )
    return (
        f"Cancel purchase order {document.number} (for {document.location})?\n\n"
        f"{_units(document.left)} no longer on order:\n{lines}\n\n{freed}\n\nThis cannot be undone."
    )


def _done_text(params: QuantitiesParams, result: Any) -> str:
    if params.kind == "po":
        return (
            f"Received {_units(result.units)} on PO {result.po_number} at {result.location}; it is now {result.status}."
        )
    first = result[0]
    return (
        f"Invoice {first.number}: sold {_units(params.units)} on SO {first.so_number} at {first.location}; "
        f"the SO is now {first.so_status}."
    )


class DocumentOperations(QObject):
    """Runs Receive, Invoice and Cancel of SOs and POs for the main window."""

    changed = Signal(str, int)

    def __init__(self, ctx: AppContext, window: QWidget):
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.last_task: Task | None = None

    def run(self, kind: str, action: str, number: int, parent: QWidget) -> Task | None:
        """Do `action` to document `kind` `number` after asking; None when nothing was started."""
        document = self._read(kind, number, parent)
        if document is None:
            return None
        if action == CANCEL:
            if not self.confirm_cancel(document, parent):
                return None
            service: Callable[..., Any] = cancel_sale_order if kind == "so" else cancel_purchase_order
            return self._start(kind, number, parent, f"Cancelling {_NAMES[kind].lower()} {number}", service, None)
        if document.left == 0:
            show_message(parent, f"{_NAMES[kind]} {number} is {document.status}: nothing is left to {action}.")
            return None
        if kind == "so" and not document.managed_at_main:
            show_message(parent, f"{document.location} sends its own invoices: SO {number} is invoiced at the store.")
            return None
        params = QuantitiesDialog.ask(document, parent)
        if params is None:
            return None
        quantities = dict(params.quantities)
        if kind == "po":
            return self._start(
                kind, number, parent, f"Receiving PO {number}", lambda uow, n: receive_lines(uow, n, quantities), params
            )
        today = self.ctx.today()
        return self._start(
            kind,
            number,
            parent,
            f"Invoicing SO {number}",
            lambda uow, n: invoice_lines(uow, n, quantities, today),
            params,
        )

    def _read(self, kind: str, number: int, parent: QWidget) -> OperationDocument | None:
        read = sale_order_lines if kind == "so" else purchase_order_lines
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                return read(uow, number)
        except Exception as exc:  # noqa: BLE001 - shown by the one error helper
            show_error(parent, exc, _NAMES[kind])
            return None

    def _start(
        self,
        kind: str,
        number: int,
        parent: QWidget,
        title: str,
        service: Callable[..., Any],
        params: QuantitiesParams | None,
    ) -> Task:
        def work(progress, cancelled) -> Any:
            with UnitOfWork(self.ctx.engine) as uow:
                return service(uow, number)

        def done(result: Any) -> None:
            text = result.text if params is None else _done_text(params, result)
            bar = getattr(self.window, "statusBar", None)
            if callable(bar):
                bar().showMessage(text, 10_000)
            self.changed.emit(kind, number)

        def failed(exc: BaseException) -> None:
            show_error(parent, exc, _NAMES[kind])
            self.changed.emit(kind, number)  # it may have changed on another workstation

        self.last_task = self.ctx.tasks.start(
            title, work, parent=parent, cancellable=False, on_success=done, on_error=failed
        )
        return self.last_task

    def confirm_cancel(self, document: OperationDocument, parent: QWidget) -> bool:
        """Ask before cancelling, listing the lines and units; Enter keeps the document, Esc too."""
        if document.status == "cancelled":
            return True  # the process refuses with the reason
        box = QMessageBox(
            QMessageBox.Icon.Question,
            f"Cancel {_NAMES[document.kind]}",
            cancel_question(document),
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        box.setObjectName("confirmCancelDocumentBox")
        yes = box.addButton(f"&Cancel {_NAMES[document.kind]}", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("&Keep It", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        answer = box.clickedButton() is yes
        box.deleteLater()
        return answer
