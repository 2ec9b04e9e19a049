"""Receive a purchase order or invoice a sale order: the lines left, the units to take now (DOMAIN.md sections 5, 6).

The dialog is the confirmation: it shows each SKU with what is ordered, done and left, and the units
the operation will take (all that is left, to start with). Every typed quantity is either taken or
refused with a red message naming the SKU; OK (Receive / Invoice) stays disabled until all are good.
Enter accepts, Esc cancels. `ask()` returns the frozen params or None and never touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem, QWidget

from xmart.processes.views.operations import OperationDocument
from xmart.ui.generated.ui_quantities_dialog import Ui_QuantitiesDialog
from xmart.ui.screen import fit_to_screen
from xmart.ui.widgets.field_error import show_field_error

NOW_COLUMN = 5
_WORDS = {
    "po": ("Receive", "Received", "receive", "Receive Purchase Order"),
    "so": ("Invoice", "Sold", "sell", "Invoice Sale Order"),
}


@dataclass(frozen=True)
class QuantitiesParams:
    """What to do: document kind ("po" receive, "so" invoice), number and (SKU, units) with units >= 1."""

    kind: str
    number: int
    quantities: tuple[tuple[str, int], ...]

    @property
    def units(self) -> int:
        """Units in all."""
        return sum(qty for _sku, qty in self.quantities)


def parse_quantity(text: str, left: int) -> tuple[int | None, str | None]:
    """(units, None) for a whole number 0..left typed in `text`, else (None, the reason)."""
    value = text.strip()
    if not value.isdigit():
        return None, f"“{value}” is not a whole number of units"
    units = int(value)
    if units > left:
        return None, f"{units} is more than the {left} left"
    return units, None


class QuantitiesDialog(QDialog):
    """The lines of one PO or SO with an editable "now" column."""

    def __init__(self, document: OperationDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.ui = Ui_QuantitiesDialog()
        self.ui.setupUi(self)
        verb, done, self.verb, title = _WORDS[document.kind]
        what = "Purchase order" if document.kind == "po" else "Sale order"
        self.setWindowTitle(f"{title} {document.number}")
        where = f"into {document.location}" if document.kind == "po" else f"at {document.location}"
        self.ui.questionLabel.setText(
            f"<b>{what} {document.number}</b> ({document.status}) — {verb.lower()} {where}. "
            f"Type the units to {self.verb} now on each line (0 leaves a line as it is), then press Enter."
        )
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(f"&{verb}")
        self.ok_button.setDefault(True)
        self.ok_button.setAutoDefault(True)
        table = self.ui.linesTable
        headers = ("SKU", "Description", "Ordered", done, "Left", f"{verb} now")
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(document.lines))
        table.verticalHeader().hide()
        for row, line in enumerate(document.lines):
            values = (line.sku, line.description, str(line.ordered), str(line.done), str(line.left), str(line.left))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column != NOW_COLUMN or line.left == 0:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.itemChanged.connect(lambda _item: self.validate())
        self.ui.buttonBox.accepted.connect(self._accept_if_valid)
        self.ui.buttonBox.rejected.connect(self.reject)
        first = next((r for r, line in enumerate(document.lines) if line.left), 0)
        table.setCurrentCell(first, NOW_COLUMN)
        table.setFocus()
        self.validate()
        self.resize(760, 200 + 30 * min(len(document.lines), 12))
        fit_to_screen(self)

    def quantities(self) -> tuple[tuple[tuple[str, int], ...], list[str]]:
        """(the (SKU, units >= 1) typed, the reasons of refused cells)."""
        taken: list[tuple[str, int]] = []
        reasons: list[str] = []
        for row, line in enumerate(self.document.lines):
            item = self.ui.linesTable.item(row, NOW_COLUMN)
            units, reason = parse_quantity(item.text() if item else "0", line.left)
            if reason:
                reasons.append(f"{line.sku}: {reason} to {self.verb}.")
            elif units:
                taken.append((line.sku, units))
        return tuple(taken), reasons

    def validate(self) -> bool:
        """Show why the typed quantities are refused, if they are; enable OK when all are good."""
        taken, reasons = self.quantities()
        if not reasons and not taken:
            reasons = [f"Nothing to {self.verb}: type the units on at least one line."]
        show_field_error(self.ui.errorLabel, " ".join(reasons) or None)
        units = sum(qty for _sku, qty in taken)
        self.ui.totalLabel.setText(f"{units} unit{'s' if units != 1 else ''} on {len(taken)} line(s)")
        self.ok_button.setEnabled(not reasons)
        return not reasons

    def params(self) -> QuantitiesParams:
        """The typed quantities (call after validate())."""
        return QuantitiesParams(self.document.kind, self.document.number, self.quantities()[0])

    def _accept_if_valid(self) -> None:
        if self.validate():
            self.accept()

    @classmethod
    def ask(cls, document: OperationDocument, parent: QWidget | None = None) -> QuantitiesParams | None:
        """Show the dialog modally; the params when confirmed, None when cancelled."""
        dialog = cls(document, parent)
        try:
            return dialog.params() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
