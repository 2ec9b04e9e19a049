"""AddressBox: street, line 2, city, state, postal code and country (promoted into other forms)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from xmart.processes.values import Address
from xmart.ui.generated.ui_address_box import Ui_AddressBox


class AddressBox(QWidget):
    """Edits one Address value."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_AddressBox()
        self.ui.setupUi(self)
        for edit in self._edits().values():
            edit.textEdited.connect(self.changed)

    def _edits(self):
        u = self.ui
        return {
            "line1": u.line1Edit,
            "line2": u.line2Edit,
            "city": u.cityEdit,
            "region": u.regionEdit,
            "postal_code": u.postalCodeEdit,
            "country": u.countryEdit,
        }

    def value(self) -> Address:
        """The address typed in."""
        return Address(**{name: edit.text().strip() for name, edit in self._edits().items()})

    def set_value(self, address: Address) -> None:
        """Show an address."""
        for name, edit in self._edits().items():
            edit.setText(getattr(address, name))

    def set_read_only(self, read_only: bool) -> None:
        """Lock or unlock every field."""
        for edit in self._edits().values():
            edit.setReadOnly(read_only)

    def first_field(self) -> QWidget:
        """The first editor, for tab orders."""
        return self.ui.line1Edit

    def last_field(self) -> QWidget:
        """The last editor, for tab orders."""
        return self.ui.countryEdit
