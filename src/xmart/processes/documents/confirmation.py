"""The Order Confirmation renderer: what the customer ordered, paid and will be shipped."""

from __future__ import annotations

from collections.abc import Sequence

from xmart.processes.documents.base import DocumentRenderer, TotalRow, format_percent
from xmart.processes.documents.data import ConfirmationDocument, Party


class ConfirmationRenderer(DocumentRenderer[ConfirmationDocument]):
    """Prints order confirmations of Corporate Sale Orders, shipping included in the order total."""

    title = "Order Confirmation"
    number_prefix = "CSO"

    def parties(self, document: ConfirmationDocument) -> Sequence[tuple[str, Party]]:
        """Bill-to and ship-to."""
        return (("Bill to", document.bill_to), ("Ship to", document.ship_to))

    def facts(self, document: ConfirmationDocument) -> Sequence[tuple[str, str]]:
        """Salesman, channel, shipping method and masked card."""
        facts = [("Salesman", document.salesman or "—"), ("Channel", document.channel or "—")]
        facts.append(("Shipping", document.shipping_method or "—"))
        if document.masked_card:
            facts.append(("Card on file", document.masked_card))
        return facts

    def totals(self, document: ConfirmationDocument) -> Sequence[TotalRow]:
        """Subtotal, discount, shipping, order total, deposit and balance due."""
        rows = [TotalRow("Subtotal", document.subtotal)]
        if document.global_discount or document.global_discount_amount:
            label = f"Discount ({format_percent(document.global_discount)}%)"
            rows.append(TotalRow(label, -document.global_discount_amount))
        order_total = document.total
        shipping = f"Shipping ({document.shipping_method})" if document.shipping_method else "Shipping"
        rows += [
            TotalRow(shipping, document.shipping_cost),
            TotalRow("Order total", order_total, strong=True),
            TotalRow("Deposit", document.deposit),
            TotalRow("Balance due", order_total - document.deposit, strong=True),
        ]
        return rows

    def notes(self, document: ConfirmationDocument) -> Sequence[tuple[str, str]]:
        """The order note, then each custom order field with a value (gift message, delivery date ...)."""
        return (("Note", document.note), *document.custom_fields)
