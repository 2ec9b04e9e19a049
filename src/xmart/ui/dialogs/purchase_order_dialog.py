"""Processes › Corporate Sale Orders › Purchase Orders by Date / by Number (DOMAIN.md section 5)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from xmart.processes.purchase_orders import PurchaseOrderParams
from xmart.ui.dialogs.process_dialog import ProcessDialog
from xmart.ui.generated.ui_purchase_order_dialog import Ui_PurchaseOrderDialog
from xmart.ui.qt_dates import from_qdate, to_qdate
from xmart.ui.widgets.field_error import show_field_error
from xmart.ui.widgets.range_box import BY_DATE

DELIVERY_IN_DAYS = 14
CANCEL_AFTER_DAYS = 30


class PurchaseOrderDialog(ProcessDialog):
    """Asks for the CSO range and the delivery and cancel dates of the purchase orders."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        by: str,
        today: dt.date,
        defaults: PurchaseOrderParams | None = None,
        preview: Callable[[PurchaseOrderParams, QWidget], object] | None = None,
    ):
        super().__init__(parent, preview)
        self.ui = Ui_PurchaseOrderDialog()
        self.ui.setupUi(self)
        self.by = by
        self.setWindowTitle("Purchase Orders for Corporate Sale Orders by " + ("Date" if by == BY_DATE else "Number"))
        self._add_buttons(self.ui.buttonBox)
        self.ui.rangeBox.set_mode(by)
        delivery = defaults.delivery if defaults else today + dt.timedelta(days=DELIVERY_IN_DAYS)
        cancel = defaults.cancel if defaults else delivery + dt.timedelta(days=CANCEL_AFTER_DAYS)
        self.ui.printCheck.setChecked(bool(defaults and defaults.print_documents))
        self.ui.rangeBox.set_range(defaults.range if defaults else None, today)
        self.ui.deliveryEdit.setDate(to_qdate(delivery))
        self.ui.cancelEdit.setDate(to_qdate(cancel))
        self.ui.rangeBox.changed.connect(self.field_changed)
        self.ui.deliveryEdit.dateChanged.connect(self.field_changed)
        self.ui.cancelEdit.dateChanged.connect(self.field_changed)
        first, last = self.ui.rangeBox.editors()
        QWidget.setTabOrder(self.ui.printCheck, first)
        QWidget.setTabOrder(last, self.ui.deliveryEdit)
        QWidget.setTabOrder(self.ui.deliveryEdit, self.ui.cancelEdit)
        show_field_error(self.ui.datesError, None)
        self.refresh()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        by: str,
        today: dt.date,
        defaults: PurchaseOrderParams | None = None,
        preview: Callable[[PurchaseOrderParams, QWidget], object] | None = None,
    ) -> PurchaseOrderParams | None:
        """Show the dialog; the parameters of the run, or None when the user cancels."""
        return cls._ask(cls(parent, by=by, today=today, defaults=defaults, preview=preview))

    def dates_problem(self) -> str | None:
        """Why the delivery / cancel dates are refused, or None."""
        delivery = from_qdate(self.ui.deliveryEdit.date())
        cancel = from_qdate(self.ui.cancelEdit.date())
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
        assert rng is not None
        return PurchaseOrderParams(
            range=rng,
            delivery=from_qdate(self.ui.deliveryEdit.date()),
            cancel=from_qdate(self.ui.cancelEdit.date()),
            print_documents=self.ui.printCheck.isChecked() and not dry_run,
            dry_run=dry_run,
        )
