"""What the Order Manager and the Sales Order Interface share: reading the four sections into one
`OrderEntry`, showing an entry, the running totals line, the keyboard shortcuts and what is unsaved."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from xmart.errors import XmartError
from xmart.processes.documents.base import format_money
from xmart.processes.order_entry import OrderEntry, entry_totals, find_items, order_choices
from xmart.processes.unit_of_work import UnitOfWork
from xmart.ui.context import AppContext
from xmart.ui.item_availability import ItemAvailabilityDialog
from xmart.ui.key_table import make_shortcuts
from xmart.ui.widgets.order_sections import ItemsSection, PaymentSection, SetupSection, ShippingSection


class OrderSections:
    """The four section widgets of one editor window, wired to the database through `ctx`."""

    def __init__(
        self,
        ctx: AppContext,
        setup: SetupSection,
        items: ItemsSection,
        payment: PaymentSection,
        shipping: ShippingSection,
        totals_label: QLabel | None,
    ):
        self.ctx = ctx
        self.setup, self.items, self.payment, self.shipping = setup, items, payment, shipping
        self.totals_label = totals_label
        with UnitOfWork(ctx.engine) as uow:
            setup.set_choices(order_choices(uow.session))
        items.finder = self.find_items
        items.availability_requested.connect(lambda sku: ItemAvailabilityDialog.show_for(ctx, items, sku))
        for section in (setup, items, payment, shipping):
            section.changed.connect(self.show_totals)
        self.show_totals()

    def find_items(self, text: str):
        """Items by SKU or description (a short read)."""
        with UnitOfWork(self.ctx.engine) as uow:
            return find_items(uow.session, text)

    def entry(self) -> OrderEntry:
        """The order as typed in; raises InputError for a shipping cost or a global discount that is refused."""
        channel_id, salesman_id, custom, notes = self.setup.value()
        method, cost, address = self.shipping.value()
        return OrderEntry(
            channel_id=channel_id,
            salesman_id=salesman_id,
            custom_values=custom,
            notes=notes,
            lines=tuple(self.items.lines),
            global_discount=self.items.global_discount(),
            payments=tuple(self.payment.payments),
            shipping_method=method,
            shipping_cost=cost,
            shipping_address=address,
        )

    def entry_or_empty(self) -> OrderEntry:
        """The entry, or an empty one while a field cannot be read."""
        try:
            return self.entry()
        except Exception:  # noqa: BLE001 - only used to carry values over
            return OrderEntry()

    def pending(self) -> list[str]:
        """What is typed in an entry row but not added yet: "an item line", "a payment"."""
        items, payment = self.items.ui, self.payment.ui
        out = []
        if any(edit.text().strip() for edit in (items.skuEdit, items.priceEdit)):
            out.append("an item line")
        if any(e.text().strip() for e in (payment.amountEdit, payment.cardEdit, payment.expiryEdit, payment.authEdit)):
            out.append("a payment")
        return out

    def unsaved(self, saved: OrderEntry) -> list[str]:
        """What differs from the `saved` entry, in words ("the items", "an item line typed in but not added");
        empty when nothing typed would be lost."""
        try:
            entry = self.entry()
        except XmartError:
            return ["the shipping cost"] + [f"{p} typed in but not added" for p in self.pending()]
        names = {"setup": "the setup", "items": "the items", "payment": "the payments", "shipping": "the shipping"}
        changed = [
            names[s]
            for s, fields in SECTION_FIELDS.items()
            if any(getattr(entry, f) != getattr(saved, f) for f in fields)
        ]
        return changed + [f"{p} typed in but not added" for p in self.pending()]

    def show(self, entry: OrderEntry, ship_name: str = "") -> None:
        """Show a stored or fresh entry in every section."""
        self.setup.set_value(entry.channel_id, entry.salesman_id, entry.custom_values, entry.notes)
        self.items.set_value(entry.lines, entry.global_discount)
        self.payment.set_value(entry.payments)
        self.shipping.set_value(entry.shipping_method, entry.shipping_cost, entry.shipping_address, ship_name)
        self.show_totals()

    def show_totals(self) -> None:
        """Subtotal, discount, shipping, order total, deposit and balance (DOMAIN.md section 2)."""
        if self.totals_label is None:
            return
        try:
            t = entry_totals(self.entry())
        except Exception:  # noqa: BLE001 - a half-typed cost: keep the last totals
            return
        self.totals_label.setText(
            f"Lines {len(self.items.lines)} · Subtotal {format_money(t.subtotal)} · Discount "
            f"−{format_money(t.global_discount_amount)} · Shipping {format_money(t.shipping_cost)} · "
            f"<b>Order total {format_money(t.order_total)}</b> · Deposit {format_money(t.deposit)} · "
            f"Balance {format_money(t.balance)}"
        )


SECTION_FIELDS = {
    "setup": ("channel_id", "salesman_id", "custom_values", "notes"),
    "items": ("lines", "global_discount"),
    "payment": ("payments",),
    "shipping": ("shipping_method", "shipping_cost", "shipping_address"),
}


def with_sections(base: OrderEntry, entry: OrderEntry, sections: Iterable[str]) -> OrderEntry:
    """`base` with the fields of `sections` ("setup", "items", "payment", "shipping") taken from `entry`."""
    return replace(base, **{name: getattr(entry, name) for s in sections for name in SECTION_FIELDS[s]})


def enter_presses_buttons(window: QWidget) -> None:
    """Enter/Return on a focused push button of `window` (a plain widget, not a dialog) clicks it, as
    Space does (Qt's auto-default; outside a dialog it only changes the button's own keys)."""
    for button in window.findChildren(QPushButton):
        button.setAutoDefault(True)


def shortcut(widget: QWidget, name: str, slot) -> list[QShortcut]:
    """The window-wide keyboard shortcut(s) of entry `name` of the key table (listed under F1)."""
    return make_shortcuts(widget, name, slot)
