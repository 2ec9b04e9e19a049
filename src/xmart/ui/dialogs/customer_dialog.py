"""Create or edit a customer: name, company, e-mail, phone, billing and shipping addresses."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from xmart.errors import InputError
from xmart.processes.customers import CustomerParams, validate_customer
from xmart.ui.generated.ui_customer_dialog import Ui_CustomerDialog
from xmart.ui.unsaved import may_discard
from xmart.ui.widgets.field_error import show_field_error


class CustomerDialog(QDialog):
    """`ask()` returns the customer's fields (validated) or None; it never touches the database."""

    def __init__(self, parent: QWidget | None, current: CustomerParams | None = None):
        super().__init__(parent)
        self.ui = Ui_CustomerDialog()
        self.ui.setupUi(self)
        self.setWindowTitle("Edit Customer" if current else "New Customer")
        self.ui.buttonBox.accepted.connect(self._accept_if_valid)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.sameCheck.toggled.connect(self._same_toggled)
        show_field_error(self.ui.errorLabel, None)
        QWidget.setTabOrder(self.ui.phoneEdit, self.ui.billingBox.first_field())
        QWidget.setTabOrder(self.ui.billingBox.last_field(), self.ui.sameCheck)
        QWidget.setTabOrder(self.ui.sameCheck, self.ui.shippingBox.first_field())
        QWidget.setTabOrder(self.ui.shippingBox.last_field(), self.ui.notesEdit)
        if current is not None:
            u = self.ui
            u.numberEdit.setText(current.number)
            u.nameEdit.setText(current.name)
            u.companyEdit.setText(current.company)
            u.emailEdit.setText(current.email)
            u.phoneEdit.setText(current.phone)
            u.notesEdit.setPlainText(current.notes)
            u.billingBox.set_value(current.billing_address)
            u.shippingBox.set_value(current.shipping_address)
            u.sameCheck.setChecked(current.shipping_same_as_billing)
        else:
            self.ui.sameCheck.setChecked(True)
        self.ui.nameEdit.setFocus()
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        self.initial = self.params()

    def reject(self) -> None:
        """Cancel, Esc or the close button: asks first when something was typed."""
        changed = self.params() != self.initial
        if may_discard(self, changed, "The customer has changes that are not saved.", self._accept_if_valid):
            super().reject()

    def _same_toggled(self, same: bool) -> None:
        self.ui.shippingBox.setEnabled(not same)

    def params(self) -> CustomerParams:
        """The fields as typed."""
        u = self.ui
        return CustomerParams(
            name=u.nameEdit.text().strip(),
            number=u.numberEdit.text().strip(),
            company=u.companyEdit.text().strip(),
            email=u.emailEdit.text().strip(),
            phone=u.phoneEdit.text().strip(),
            notes=u.notesEdit.toPlainText(),
            billing_address=u.billingBox.value(),
            shipping_address=u.shippingBox.value(),
            shipping_same_as_billing=u.sameCheck.isChecked(),
        )

    def _accept_if_valid(self) -> None:
        try:
            validate_customer(self.params())
        except InputError as exc:
            show_field_error(self.ui.errorLabel, str(exc))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, current: CustomerParams | None = None) -> CustomerParams | None:
        """Show the dialog; the customer's fields, or None when the user cancels."""
        dialog = cls(parent, current)
        try:
            return dialog.params() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
