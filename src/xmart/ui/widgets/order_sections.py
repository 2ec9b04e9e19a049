"""The four sections of an order (Setup, Items, Payment, Shipping), shared by the Order Manager
(one tab each) and the Sales Order Interface (all on one screen).

Sections hold the order in memory as plain values (`xmart.processes.order_entry` dataclasses) and
never touch the database: the window gives them the choices and an item finder. Card numbers are
validated the moment a payment is added and sealed under the database's card key when the order is
saved; the field is cleared at once and only the masked number is shown. There is no security-code field.

Typed numbers (quantity, price, discounts, payment amount, shipping cost, custom number fields) are
plain text fields without keystroke-dropping validators: what was typed is taken exactly when it is a
valid value (`processes.money.parse_amount` / `parse_percent`, `processes.quantities.parse_quantity`)
or refused with the reason beside the field; it is never replaced by another value.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QHeaderView, QLabel, QLineEdit, QTableView, QWidget

from xmart.errors import XmartError
from xmart.processes.cards import echoable
from xmart.processes.documents.base import format_money, format_percent
from xmart.processes.money import ZERO, line_amount, order_totals, parse_percent
from xmart.processes.order_entry import (
    Choices,
    ItemRow,
    LineParams,
    PaymentParams,
    card_payment,
    custom_value,
    other_payment,
    parse_money,
)
from xmart.processes.quantities import parse_quantity
from xmart.processes.values import Address, FieldKind
from xmart.ui.generated.ui_items_section import Ui_ItemsSection
from xmart.ui.generated.ui_payment_section import Ui_PaymentSection
from xmart.ui.generated.ui_setup_section import Ui_SetupSection
from xmart.ui.generated.ui_shipping_section import Ui_ShippingSection
from xmart.ui.key_table import make_shortcuts
from xmart.ui.table_models.rows_table_model import Column, RowsTableModel
from xmart.ui.widgets.date_field import DateField
from xmart.ui.widgets.field_error import show_field_error

CHOOSE = "— choose —"
SHIPPING_METHODS = ("UPS Ground", "FedEx 2Day", "Next Day Air", "Local delivery", "Store pickup")


def _stretch(table: QTableView, column: int) -> None:
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setVisible(False)


def _select_data(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


class SetupSection(QWidget):
    """Channel, salesman (required), the office's custom order fields, notes; Update Information."""

    changed = Signal()
    update_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_SetupSection()
        self.ui.setupUi(self)
        self.custom_editors: dict[int, tuple[str, QWidget]] = {}
        self.custom_errors: dict[int, QLabel] = {}
        self.ui.updateButton.clicked.connect(self.update_requested)
        self.ui.channelCombo.currentIndexChanged.connect(self.changed)
        self.ui.salesmanCombo.currentIndexChanged.connect(self.changed)

    def set_choices(self, choices: Choices) -> None:
        """Fill the drop-downs and build one editor per custom order field."""
        for combo, rows in ((self.ui.channelCombo, choices.channels), (self.ui.salesmanCombo, choices.salesmen)):
            combo.clear()
            combo.addItem(CHOOSE, None)
            for row in rows:
                combo.addItem(row.name, row.id)
        form = self.ui.customForm
        while form.rowCount():
            form.removeRow(0)
        self.custom_editors.clear()
        self.custom_errors.clear()
        previous: QWidget = self.ui.salesmanCombo
        for field in choices.fields:
            editor: QWidget
            if field.detail == FieldKind.YES_NO:
                editor = QComboBox(self)
                editor.addItems(["", "yes", "no"])
            else:
                editor = DateField(self) if field.detail == FieldKind.DATE else QLineEdit(self)
                editor.textEdited.connect(
                    lambda _text, fid=field.id, kind=field.detail, name=field.name: self._check_custom(fid, kind, name)
                )
            editor.setObjectName(f"customField_{field.id}")
            editor.setMinimumHeight(editor.sizeHint().height())  # never squeezed flat on a crowded screen
            form.addRow(f"{field.name}:", editor)
            error = QLabel(self)
            error.setObjectName(f"customFieldError_{field.id}")
            error.setWordWrap(False)  # one line: a wrapped label is clipped in the crowded form
            show_field_error(error, None)
            form.addRow("", error)
            self.custom_errors[field.id] = error
            QWidget.setTabOrder(previous, editor)
            previous = editor
            self.custom_editors[field.id] = (field.detail, editor)
        QWidget.setTabOrder(previous, self.ui.notesEdit)
        self.ui.customGroup.setVisible(bool(choices.fields))

    def _check_custom(self, field_id: int, kind: str, name: str) -> None:
        """Show beside a custom field why its text is refused (the rule the order is saved with)."""
        editor = _line_edit(self.custom_editors[field_id][1])
        reason = editor.problem(name, required=False) if isinstance(editor, DateField) else None
        if reason is None:
            try:
                custom_value(kind, name, editor.text())
            except XmartError as exc:
                reason = str(exc)
        show_field_error(self.custom_errors[field_id], reason)

    def custom_editor(self, name_or_id) -> QWidget:
        """The editor of a custom field, by id or by its label (for tests and shortcuts)."""
        if isinstance(name_or_id, int):
            return self.custom_editors[name_or_id][1]
        form = self.ui.customForm
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, form.ItemRole.LabelRole)
            field_item = form.itemAt(row, form.ItemRole.FieldRole)
            label = label_item.widget() if label_item is not None else None
            editor = field_item.widget() if field_item is not None else None
            if isinstance(label, QLabel) and editor is not None and label.text().rstrip(":") == name_or_id:
                return editor
        raise KeyError(name_or_id)

    def value(self) -> tuple[int | None, int | None, tuple[tuple[int, str], ...], str]:
        """(channel id, salesman id, custom values, notes)."""
        values = []
        for field_id, (_kind, editor) in self.custom_editors.items():
            text = editor.currentText() if isinstance(editor, QComboBox) else _line_edit(editor).text()
            if text.strip():
                values.append((field_id, text.strip()))
        return (
            self.ui.channelCombo.currentData(),
            self.ui.salesmanCombo.currentData(),
            tuple(values),
            self.ui.notesEdit.toPlainText(),
        )

    def set_value(
        self, channel_id: int | None, salesman_id: int | None, custom: tuple[tuple[int, str], ...], notes: str
    ) -> None:
        """Show stored setup values."""
        _select_data(self.ui.channelCombo, channel_id)
        _select_data(self.ui.salesmanCombo, salesman_id)
        stored = dict(custom)
        for field_id, (_kind, editor) in self.custom_editors.items():
            if isinstance(editor, QComboBox):
                editor.setCurrentText(stored.get(field_id, ""))
            else:
                _line_edit(editor).setText(stored.get(field_id, ""))
        self.ui.notesEdit.setPlainText(notes)


def _line_edit(editor: QWidget) -> QLineEdit:
    """A custom field's editor that is not a combo box: a line edit."""
    assert isinstance(editor, QLineEdit), editor
    return editor


class _EnterFilter(QObject):
    """Calls back on Enter/Return in the watched editors (completer popups keep their own Enter)."""

    def __init__(self, callback: Callable[[], object], parent: QObject):
        super().__init__(parent)
        self.callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            self.callback()
            return True
        return False


def _line_columns() -> list[Column[tuple[int, LineParams]]]:
    return [
        Column("#", lambda r: str(r[0])),
        Column("SKU", lambda r: r[1].sku),
        Column("Description", lambda r: r[1].description),
        Column("Qty", lambda r: str(r[1].qty), True),
        Column("Price", lambda r: format_money(r[1].price), True),
        Column("Disc. %", lambda r: format_percent(r[1].discount) if r[1].discount else "", True),
        Column("Amount", lambda r: format_money(line_amount(r[1].qty, r[1].price, r[1].discount)), True),
    ]


class ItemsSection(QWidget):
    """SKU lookup by code or description, quantity, price (from the item), line and global discount,
    running totals. Enter in the entry row adds the line; Delete removes the selected one; F4 asks for the
    availability of the item line's SKU (of the selected line when the table has the focus)."""

    changed = Signal()
    availability_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ItemsSection()
        self.ui.setupUi(self)
        sku = self.ui.skuEdit  # wide enough for its hint ("SKU or description"), not "SKU or descrip…"
        sku.setMinimumWidth(
            sku.fontMetrics().horizontalAdvance(sku.placeholderText()) + 4 * sku.fontMetrics().averageCharWidth()
        )
        self.finder: Callable[[str], list[ItemRow]] = lambda _text: []
        self.lines: list[LineParams] = []
        self.current: ItemRow | None = None
        self.model: RowsTableModel[tuple[int, LineParams]] = RowsTableModel(_line_columns(), self)
        self.ui.table.setModel(self.model)
        _stretch(self.ui.table, 2)
        self.suggestions = QStringListModel(self)
        self.completer = QCompleter(self.suggestions, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.ui.skuEdit.setCompleter(self.completer)
        self.completer.activated.connect(self._picked)
        self.ui.skuEdit.textEdited.connect(self._typed)
        self.ui.skuEdit.editingFinished.connect(self._sku_left)
        self._filled_price = ""  # the list price this section put into the price field
        self.enter = _EnterFilter(self.add_line, self)
        for widget in (self.ui.skuEdit, self.ui.qtyEdit, self.ui.priceEdit, self.ui.discountEdit):
            widget.installEventFilter(self.enter)
        self.ui.addButton.clicked.connect(self.add_line)
        self.ui.removeButton.clicked.connect(self.remove_line)
        make_shortcuts(self.ui.table, "entry.remove", self.remove_line, Qt.ShortcutContext.WidgetShortcut)
        make_shortcuts(
            self, "entry.availability", self.request_availability, Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self.ui.globalEdit.textEdited.connect(self._refresh)
        show_field_error(self.ui.globalError, None)
        self._refresh()

    # --- lookup ---------------------------------------------------------------------------
    def _typed(self, text: str) -> None:
        self.current = None
        self.ui.itemLabel.clear()
        if len(text.strip()) >= 1:
            self.suggestions.setStringList([f"{i.sku} — {i.description}" for i in self.finder(text)])

    def _picked(self, text: str) -> None:
        """A choice from the suggestion list fills the SKU and leaves the focus there: Tab then goes to Qty,
        as after typing a whole SKU (moving on by itself made the habitual Tab land in Price)."""
        self.resolve(text.split(" — ")[0])
        self.ui.skuEdit.setFocus()

    def _sku_left(self) -> None:
        """Leaving the SKU field (Tab, a click) looks the item up, so that its list price is shown
        before the clerk types over it."""
        if self.current is None and self.ui.skuEdit.text().strip():
            self.resolve()

    def resolve(self, text: str | None = None) -> ItemRow | None:
        """Find the item typed in (exact SKU, else the only match); show it and default the price.

        The list price goes into the price field only while the clerk has not typed a price of their own.
        """
        text = (text if text is not None else self.ui.skuEdit.text()).split(" — ")[0].strip()
        if self.current is not None and self.current.sku.lower() == text.lower():
            return self.current
        found = self.finder(text) if text else []
        exact = [i for i in found if i.sku.lower() == text.lower()]
        item = exact[0] if exact else (found[0] if len(found) == 1 else None)
        if item is None:
            reason = (
                "Type a SKU or part of a description."
                if not text
                else (
                    f"No item matches '{echoable(text)}'."
                    if not found
                    else f"{len(found)} items match '{echoable(text)}': pick one."
                )
            )
            show_field_error(self.ui.itemLabel, reason)
            self.current = None
            return None
        self.current = item
        self.ui.skuEdit.setText(item.sku)
        if self.ui.priceEdit.text().strip() in ("", self._filled_price):
            self._filled_price = f"{item.price:.2f}"
            self.ui.priceEdit.setText(self._filled_price)
        self.ui.itemLabel.setStyleSheet("")
        self.ui.itemLabel.setText(f"{item.sku}: {item.description} — list price {format_money(item.price)}")
        self.ui.itemLabel.setVisible(True)
        return item

    # --- lines ----------------------------------------------------------------------------
    def add_line(self) -> bool:
        """Add the entry row as a line (Enter); False with the reason shown when it is not complete."""
        item = self.resolve()
        if item is None:
            self.ui.skuEdit.setFocus()
            return False
        fields: list[tuple[QLineEdit, Callable[[str], object]]] = [
            (self.ui.qtyEdit, lambda text: parse_quantity(text, "Qty")),
            (self.ui.priceEdit, lambda text: parse_money(text or item.price, "Price")),
            (self.ui.discountEdit, lambda text: parse_percent(text, "Disc. %", typed=True, noun="discount")),
        ]
        values: list[object] = []
        for editor, parse in fields:
            try:
                values.append(parse(editor.text()))
            except XmartError as exc:
                show_field_error(self.ui.itemLabel, str(exc))
                editor.setFocus()
                return False
        qty, price, discount = values
        assert isinstance(qty, int) and isinstance(price, Decimal) and isinstance(discount, Decimal)
        self.lines.append(LineParams(item.sku, qty, price, discount, item.description))
        self.current = None
        self.ui.skuEdit.clear()
        self.ui.priceEdit.clear()
        self._filled_price = ""
        self.ui.qtyEdit.setText("1")
        self.ui.discountEdit.clear()
        self.ui.itemLabel.clear()
        self._refresh()
        self.ui.skuEdit.setFocus()
        return True

    def request_availability(self) -> str | None:
        """F4: emit `availability_requested` with the SKU of the item line (or of the selected line); the SKU."""
        rows = self.ui.table.selectionModel().selectedRows()
        if self.ui.table.hasFocus() and rows:
            sku: str | None = self.lines[rows[0].row()].sku
        else:
            item = self.resolve()
            sku = item.sku if item is not None else None
        if sku:
            self.availability_requested.emit(sku)
        return sku

    def remove_line(self) -> None:
        """Remove the selected line."""
        rows = self.ui.table.selectionModel().selectedRows()
        if rows:
            del self.lines[rows[0].row()]
            self._refresh()

    def global_discount(self) -> Decimal:
        """The global discount % as typed (blank is 0); raises AmountError when it is not a discount."""
        return parse_percent(self.ui.globalEdit.text(), "Global discount %", typed=True, noun="discount")

    def set_value(self, lines: tuple[LineParams, ...], global_discount: Decimal) -> None:
        """Show stored lines."""
        self.lines = list(lines)
        self.ui.globalEdit.setText(f"{global_discount:.2f}" if global_discount else "")
        self._refresh()

    def _refresh(self) -> None:
        self.model.set_rows(list(enumerate(self.lines, start=1)))
        self.ui.removeButton.setEnabled(bool(self.lines))
        try:
            global_discount = self.global_discount()
        except XmartError as exc:
            show_field_error(self.ui.globalError, str(exc))
            global_discount = None
        else:
            show_field_error(self.ui.globalError, None)
        if global_discount is None:  # refused: the totals wait for a good one
            self.ui.totalsLabel.setText("")
            self.changed.emit()
            return
        totals = order_totals(((ln.qty, ln.price, ln.discount) for ln in self.lines), global_discount)
        text = f"Subtotal {format_money(totals.subtotal)}"
        if totals.global_discount_amount:
            text += f"   Discount −{format_money(totals.global_discount_amount)}"
        self.ui.totalsLabel.setText(f"{text}   <b>Total {format_money(totals.total)}</b>")
        self.changed.emit()


PAYMENT_KINDS = (("Card", "card"), ("Cash", "cash"), ("Check", "check"), ("Other", "other"))


def _payment_columns() -> list[Column[PaymentParams]]:
    return [
        Column("Type", lambda p: p.kind.title()),
        Column("Card", lambda p: p.masked_card),
        Column("Brand", lambda p: p.card_brand or ""),
        Column("Expiry", lambda p: p.card_expiry or ""),
        Column("Authorization / reference", lambda p: p.authorization or ""),
        Column("Amount", lambda p: format_money(p.amount), True),
    ]


class PaymentSection(QWidget):
    """Card on file (amount may be 0) or a deposit by card, cash, check or other."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_PaymentSection()
        self.ui.setupUi(self)
        self.payments: list[PaymentParams] = []
        for text, kind in PAYMENT_KINDS:
            self.ui.kindCombo.addItem(text, kind)
        self.model: RowsTableModel[PaymentParams] = RowsTableModel(_payment_columns(), self)
        self.ui.table.setModel(self.model)
        _stretch(self.ui.table, 4)
        self.ui.kindCombo.currentIndexChanged.connect(self._kind_changed)
        self.ui.addButton.clicked.connect(self.add_payment)
        self.ui.removeButton.clicked.connect(self.remove_payment)
        self.enter = _EnterFilter(self.add_payment, self)
        for widget in (self.ui.amountEdit, self.ui.cardEdit, self.ui.expiryEdit, self.ui.authEdit):
            widget.installEventFilter(self.enter)
        show_field_error(self.ui.errorLabel, None)
        self._kind_changed()
        self._refresh()

    def _kind_changed(self) -> None:
        card = self.ui.kindCombo.currentData() == "card"
        for widget in (self.ui.cardEdit, self.ui.expiryEdit, self.ui.cardLabel, self.ui.expiryLabel):
            widget.setEnabled(card)
        self.ui.authLabel.setText("Authori&zation:" if card else "R&eference:")
        self.ui.authEdit.setPlaceholderText("code from the card processor" if card else "check number or note")

    def add_payment(self) -> bool:
        """Validate and add the payment typed in (a card number is sealed when the order is saved); clear the fields."""
        kind = self.ui.kindCombo.currentData()
        try:
            if kind == "card":
                payment = card_payment(
                    self.ui.amountEdit.text() or "0",
                    self.ui.cardEdit.text(),
                    self.ui.expiryEdit.text(),
                    authorization=self.ui.authEdit.text(),
                )
            else:
                payment = other_payment(kind, self.ui.amountEdit.text() or "0", self.ui.authEdit.text())
        except XmartError as exc:
            show_field_error(self.ui.errorLabel, str(exc))
            return False
        self.payments.append(payment)
        for edit in (self.ui.amountEdit, self.ui.cardEdit, self.ui.expiryEdit, self.ui.authEdit):
            edit.clear()
        show_field_error(self.ui.errorLabel, None)
        self._refresh()
        return True

    def remove_payment(self) -> None:
        """Remove the selected payment."""
        rows = self.ui.table.selectionModel().selectedRows()
        if rows:
            del self.payments[rows[0].row()]
            self._refresh()

    def set_value(self, payments: tuple[PaymentParams, ...]) -> None:
        """Show stored payments (masked)."""
        self.payments = list(payments)
        self._refresh()

    def _refresh(self) -> None:
        self.model.set_rows(self.payments)
        deposit = sum((p.amount for p in self.payments), ZERO)
        self.ui.depositLabel.setText(f"Deposit <b>{format_money(deposit)}</b>")
        self.ui.removeButton.setEnabled(bool(self.payments))
        self.changed.emit()


class ShippingSection(QWidget):
    """Shipping method, cost and the ship-to address (copied from the customer)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ShippingSection()
        self.ui.setupUi(self)
        self.ui.methodCombo.addItem("")
        self.ui.methodCombo.addItems(SHIPPING_METHODS)
        self.ui.costEdit.textEdited.connect(self._cost_edited)
        show_field_error(self.ui.costError, None)
        self.ui.methodCombo.currentTextChanged.connect(self.changed)
        QWidget.setTabOrder(self.ui.costEdit, self.ui.addressBox.first_field())

    def _cost_edited(self) -> None:
        try:
            self.cost()
        except XmartError as exc:
            show_field_error(self.ui.costError, str(exc))
        else:
            show_field_error(self.ui.costError, None)
        self.changed.emit()

    def cost(self) -> Decimal:
        """The shipping cost; raises InputError when it is not an amount."""
        return parse_money(self.ui.costEdit.text() or "0", "Shipping: cost")

    def value(self) -> tuple[str, Decimal, Address]:
        """(method, cost, address)."""
        return self.ui.methodCombo.currentText().strip(), self.cost(), self.ui.addressBox.value()

    def set_value(self, method: str, cost: Decimal, address: Address, ship_name: str = "") -> None:
        """Show stored shipping values."""
        self.ui.methodCombo.setCurrentText(method)
        self.ui.costEdit.setText(f"{cost:.2f}" if cost else "")
        self.ui.addressBox.set_value(address)
        self.ui.shipNameLabel.setText(ship_name)
        self.ui.shipNameLabel.setVisible(bool(ship_name))
