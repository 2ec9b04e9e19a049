"""Cancel, Put on Hold, Release and Edit Draft for one corporate sale order (DOMAIN.md section 2).

Shared by the CSO document view (buttons) and the CSO browser (context menu and buttons). Each
action runs its `xmart.processes.order_status` service in the task runner under the processes'
lock (a change waits for a running Assign or Purchase Orders run instead of racing it); Cancel
first asks, saying what will happen: for an order with sale orders already generated only the
unassigned remainder is cancelled. `changed(number)` is emitted after a change has committed, and
after a refusal (the order may have been changed on another workstation: views show it as stored).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from xmart.processes.fulfilment import CsoFulfilment, cso_fulfilment
from xmart.processes.order_status import StatusResult, cancel_order, hold_order, release_order
from xmart.processes.unit_of_work import UnitOfWork
from xmart.processes.values import CsoStatus
from xmart.ui.context import AppContext
from xmart.ui.errors import show_error
from xmart.ui.tasks import Task

CANCEL, HOLD, RELEASE, EDIT = "cancel", "hold", "release", "edit"
ACTIONS = (EDIT, HOLD, RELEASE, CANCEL)

_C = CsoStatus
ALLOWED = {
    EDIT: {_C.DRAFT.value},
    CANCEL: {_C.DRAFT.value, _C.OPEN.value, _C.PARTIALLY_ASSIGNED.value, _C.ON_HOLD.value},
    HOLD: {_C.OPEN.value, _C.PARTIALLY_ASSIGNED.value},
    RELEASE: {_C.ON_HOLD.value},
}
"""The statuses each action is offered for (the services check the rules again)."""

TEXTS = {EDIT: "&Edit Draft", CANCEL: "&Cancel Order…", HOLD: "P&ut on Hold", RELEASE: "Re&lease"}
TIPS = {
    EDIT: "Open the draft in the Order Manager",
    CANCEL: "Cancel the order, or only its unassigned remainder once sale orders exist",
    HOLD: "Keep the order out of Assign and Purchase Orders until it is released",
    RELEASE: "Take the order off hold: Assign and Purchase Orders see it again",
}
_WORKING = {CANCEL: "Cancelling", HOLD: "Putting on hold", RELEASE: "Releasing"}
_SERVICES = {CANCEL: cancel_order, HOLD: hold_order, RELEASE: release_order}


def allowed(action: str, status: str) -> bool:
    """True when `action` is offered for a CSO in `status`."""
    return status in ALLOWED[action]


def _units(n: int) -> str:
    return f"{n:,} unit" + ("" if n == 1 else "s")


def cancel_question(figures: CsoFulfilment) -> str | None:
    """What Cancel will do to this CSO, in words; None when there is nothing left to cancel."""
    wanted = sum(ln.qty - ln.cancelled for ln in figures.lines)
    assigned = sum(ln.assigned for ln in figures.lines)
    remainder = sum(max(ln.unassigned, 0) for ln in figures.lines)
    if assigned == 0:
        return (
            f"Cancel corporate sale order {figures.number}?\n\nNone of it is on a sale order yet: the whole order "
            f"({_units(wanted)}) is cancelled and takes no further part in Assign or Purchase Orders.\n\n"
            "This cannot be undone."
        )
    if remainder == 0:
        return None
    stores = sorted({code for ln in figures.lines for code in ln.by_store})
    return (
        f"Corporate sale order {figures.number} already has {_units(assigned)} on sale orders "
        f"({', '.join(stores)}).\n\nOnly the unassigned remainder, {_units(remainder)}, is cancelled. "
        "The sale orders already generated stay as they are and the stores still fill them.\n\n"
        "This cannot be undone."
    )


def _done_text(action: str, result: StatusResult) -> str:
    if action == CANCEL:
        what = "cancelled" if result.status == _C.CANCELLED.value else f"{result.status}: remainder cancelled"
        return f"Corporate sale order {result.number} {what} ({_units(result.cancelled_units)})."
    return f"Corporate sale order {result.number} is now {result.status}."


class CsoActions(QObject):
    """Runs the status changes of corporate sale orders for the main window."""

    changed = Signal(int)

    def __init__(self, ctx: AppContext, window: QWidget, edit_draft: Callable[[int], object]):
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.edit_draft = edit_draft
        self.last_task: Task | None = None

    def run(self, action: str, number: int, parent: QWidget) -> Task | None:
        """Do `action` to CSO `number` (asking first for Cancel); None when nothing was started."""
        if action == EDIT:
            self.edit_draft(number)
            return None
        if action == CANCEL and not self.confirm_cancel(number, parent):
            return None
        service = _SERVICES[action]

        def work(progress, cancelled) -> StatusResult:
            with UnitOfWork(self.ctx.engine) as uow:
                return service(uow, number)

        def done(result: StatusResult) -> None:
            bar = getattr(self.window, "statusBar", None)
            if callable(bar):
                bar().showMessage(_done_text(action, result), 10_000)
            self.changed.emit(number)

        self.last_task = self.ctx.tasks.start(
            f"{_WORKING[action]} corporate sale order {number}",
            work,
            parent=parent,
            cancellable=False,
            on_success=done,
            on_error=lambda exc: self._failed(exc, number, parent),
        )
        return self.last_task

    def _failed(self, exc: BaseException, number: int, parent: QWidget) -> None:
        show_error(parent, exc, "Corporate sale order")
        self.changed.emit(number)  # it may have been changed on another workstation: show it as stored

    def confirm_cancel(self, number: int, parent: QWidget) -> bool:
        """Ask before cancelling, saying what will be cancelled (a short read in the GUI thread)."""
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                question = cancel_question(cso_fulfilment(uow.session, number))
        except Exception as exc:  # noqa: BLE001 - shown by the one error helper
            show_error(parent, exc, "Cancel Order")
            return False
        if question is None:
            return True  # the service refuses with the reason
        box = QMessageBox(
            QMessageBox.Icon.Question, "Cancel Order", question, QMessageBox.StandardButton.NoButton, parent
        )
        box.setObjectName("confirmCancelBox")
        yes = box.addButton("&Cancel Order", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("&Keep Order", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        answer = box.clickedButton() is yes
        box.deleteLater()
        return answer
