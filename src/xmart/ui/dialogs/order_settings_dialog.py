"""Settings › Channels / Salesmen / Custom Order Fields: one editable table each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDialog, QHeaderView, QTableWidgetItem, QWidget

from xmart.processes.order_settings import ChannelRow, CustomFieldRow, SalesmanRow
from xmart.processes.values import FieldKind
from xmart.ui.generated.ui_order_settings_dialog import Ui_OrderSettingsDialog
from xmart.ui.unsaved import may_discard

KINDS = {
    "channels": ("Sales Channels", ["Name", "Active"]),
    "salesmen": ("Salesmen", ["Code", "Name", "Commission %", "Active"]),
    "fields": ("Custom Order Fields", ["Name", "Type", "Active"]),
}


class OrderSettingsDialog(QDialog):
    """`ask(parent, kind, rows)` returns the edited rows (new ones with id None) or None."""

    def __init__(self, parent: QWidget | None, kind: str, rows: list):
        super().__init__(parent)
        self.ui = Ui_OrderSettingsDialog()
        self.ui.setupUi(self)
        self.kind = kind
        title, headers = KINDS[kind]
        self.setWindowTitle(title)
        table = self.ui.table
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        self.ids: list[int | None] = []
        for row in rows:
            self.add_row(row)
        self.initial = self.rows()
        self.ui.errorLabel.hide()
        self.ui.addButton.clicked.connect(lambda: self.add_row(None))
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)

    def _text(self, r: int, c: int, text: str) -> None:
        self.ui.table.setItem(r, c, QTableWidgetItem(text))

    def _check(self, r: int, c: int, checked: bool) -> None:
        item = QTableWidgetItem()
        item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.ui.table.setItem(r, c, item)

    def add_row(self, row) -> None:
        """Add a row (None: an empty new one, ready to type in)."""
        table = self.ui.table
        r = table.rowCount()
        table.insertRow(r)
        self.ids.append(row.id if row else None)
        if self.kind == "channels":
            self._text(r, 0, row.name if row else "")
            self._check(r, 1, row.active if row else True)
        elif self.kind == "salesmen":
            self._text(r, 0, row.code if row else "")
            self._text(r, 1, row.name if row else "")
            self._text(r, 2, str(row.commission_rate) if row else "0.00")
            self._check(r, 3, row.active if row else True)
        else:
            self._text(r, 0, row.name if row else "")
            combo = QComboBox(table)
            combo.addItems([k.value for k in FieldKind])
            combo.setCurrentText(row.kind if row else FieldKind.TEXT.value)
            table.setCellWidget(r, 1, combo)
            self._check(r, 2, row.active if row else True)
        if row is None:
            table.setCurrentCell(r, 0)
            table.editItem(table.item(r, 0))

    def reject(self) -> None:
        """Cancel, Esc or the close button: asks first when a row was changed or added."""
        table = self.ui.table
        editor = self.focusWidget()
        if table.state() == QAbstractItemView.State.EditingState and editor is not None:
            table.commitData(editor)  # the cell being typed in counts too
        changed = self.rows() != self.initial
        title = KINDS[self.kind][0]
        if may_discard(self, changed, f"{title}: the changes are not saved.", self.accept):
            super().reject()

    def rows(self) -> list:
        """The rows as edited (blank new rows left out)."""
        table = self.ui.table
        text = lambda r, c: table.item(r, c).text() if table.item(r, c) else ""  # noqa: E731
        checked = lambda r, c: table.item(r, c).checkState() == Qt.CheckState.Checked  # noqa: E731
        out: list[ChannelRow | SalesmanRow | CustomFieldRow] = []
        for r, row_id in enumerate(self.ids):
            if row_id is None and not text(r, 0).strip():
                continue
            if self.kind == "channels":
                out.append(ChannelRow(row_id, text(r, 0), checked(r, 1)))
            elif self.kind == "salesmen":
                rate = text(r, 2).strip() or "0"  # read (or refused with the reason) by the service's parse_rate
                out.append(SalesmanRow(row_id, text(r, 0), text(r, 1), rate, checked(r, 3)))
            else:
                out.append(CustomFieldRow(row_id, text(r, 0), table.cellWidget(r, 1).currentText(), checked(r, 2)))
        return out

    @classmethod
    def ask(cls, parent: QWidget | None, kind: str, rows: list) -> list | None:
        """Show the dialog; the edited rows or None."""
        dialog = cls(parent, kind, rows)
        try:
            return dialog.rows() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
