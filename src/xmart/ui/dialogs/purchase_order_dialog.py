"""Processes › Corporate Sale Orders › Purchase Orders by Date / by Number (DOMAIN.md section 5)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from xmart.processes.purchase_orders import PurchaseOrderParams
from xmart.ui.dialogs.process_dialog import ProcessDialog
from xmart.ui.generated.ui_purchase_order_dialog import Ui_PurchaseOrderDialog
from xmart.ui.widgets.field_error import show_field_error
from xmart.ui.widgets.range_box import BY_DATE

DELIVERY_IN_DAYS = 14
CANCEL_AFTER_DAYS = 30


class PurchaseOrderDialog(ProcessDialog):
    """Asks for the CSO range and the delivery and cancel dates of the purchase orders.

    Opens with the defaults (last 30 days, delivery in two weeks, cancel a month after delivery, print
    off); `last` (the last run's options) is offered by the "Use last run's options" button.
    """

    def __init__(
        self,
        parent: QWidget | None,
        *,
        by: str,
        today: dt.date,
        last: PurchaseOrderParams | None = None,
        preview: Callable[[PurchaseOrderParams, QWidget], object] | None = None,
    ):
        super().__init__(parent, preview, last)
        self.ui = Ui_PurchaseOrderDialog()
        self.ui.setupUi(self)
        self.by = by
        self.today = today
        self.setWindowTitle("Purchase Orders for Corporate Sale Orders by " + ("Date" if by == BY_DATE else "Number"))
        self._add_buttons(self.ui.buttonBox)
        self.ui.rangeBox.set_mode(by)
        self.fill(None)
        self.ui.rangeBox.changed.connect(self.field_changed)
        self.ui.deliveryEdit.changed.connect(self.field_changed)
        self.ui.cancelEdit.changed.connect(self.field_changed)
        first, last_editor = self.ui.rangeBox.editors()
        QWidget.setTabOrder(self.ui.printCheck, first)
        QWidget.setTabOrder(last_editor, self.ui.deliveryEdit)
        QWidget.setTabOrder(self.ui.deliveryEdit, self.ui.cancelEdit)
        show_field_error(self.ui.datesError, None)
        self.refresh()

    def fill(self, params: PurchaseOrderParams | None) -> None:  # noqa: D102 - see ProcessDialog
        delivery = params.delivery if params else self.today + dt.timedelta(days=DELIVERY_IN_DAYS)
        cancel = params.cancel if params else delivery + dt.timedelta(days=CANCEL_AFTER_DAYS)
        self.ui.printCheck.setChecked(bool(params and params.print_documents))
        self.ui.rangeBox.set_range(params.range if params else None, self.today)
        self.ui.deliveryEdit.set_value(delivery)
        self.ui.cancelEdit.set_value(cancel)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        by: str,
        today: dt.date,
        last: PurchaseOrderParams | None = None,
        preview: Callable[[PurchaseOrderParams, QWidget], object] | None = None,
    ) -> PurchaseOrderParams | None:
        """Show the dialog (defaults first; `last` on request); the run's parameters, or None on Cancel."""
        return cls._ask(cls(parent, by=by, today=today, last=last, preview=preview))

    def dates_problem(self) -> str | None:
        """Why the delivery / cancel dates are refused (not dates, delivery in the past, cancel first), or None."""
        reason = self.ui.deliveryEdit.problem("delivery date") or self.ui.cancelEdit.problem("cancel date")
        if reason:
            return reason
        delivery, cancel = self.ui.deliveryEdit.value(), self.ui.cancelEdit.value()
        assert delivery is not None and cancel is not None
        if delivery < self.today:
            return f"The delivery date ({delivery}) is in the past."
        if cancel < delivery:
            return f"The cancel date ({cancel}) is before the delivery date ({delivery})."
        return None

    def validate_fields(self, show: bool) -> bool:  # noqa: D102 - see ProcessDialog
        range_ok = self.ui.rangeBox.problem() is None
        dates_reason = self.dates_problem()
        if show:
            self.ui.rangeBox.validate()
            show_field_error(self.ui.datesError, dates_reason)
        return range_ok and dates_reason is None

    def params(self, dry_run: bool = False) -> PurchaseOrderParams:  # noqa: D102 - see ProcessDialog
        rng = self.ui.rangeBox.value()
        delivery, cancel = self.ui.deliveryEdit.value(), self.ui.cancelEdit.value()
        assert rng is not None and delivery is not None and cancel is not None
        return PurchaseOrderParams(
            range=rng,
            delivery=delivery,
            cancel=cancel,
            print_documents=self.ui.printCheck.isChecked() and not dry_run,
            dry_run=dry_run,
        )
