"""The Sale Order renderer: a store's order, usually generated from a Corporate Sale Order."""

from __future__ import annotations

from collections.abc import Sequence

from xmart.processes.documents.base import DocumentRenderer, TotalRow, format_percent
from xmart.processes.documents.data import Party, SaleOrderDocument, adjustment_label


class SaleOrderRenderer(DocumentRenderer[SaleOrderDocument]):
    """Prints Sale Orders: store, CSO reference, masked card, totals, deposit and balance due."""

    title = "Sale Order"
    number_prefix = "SO"

    def parties(self, document: SaleOrderDocument) -> Sequence[tuple[str, Party]]:
        """Bill-to and ship-to."""
        return (("Bill to", document.bill_to), ("Ship to", document.ship_to))

    def facts(self, document: SaleOrderDocument) -> Sequence[tuple[str, str]]:
        """Store, the Corporate Sale Order it came from, and the masked card."""
        facts = [("Store", f"{document.store_code} – {document.store_name}")]
        if document.corporate_order is not None:
            facts.append(("Reference", f"Corporate Sale Order #{document.corporate_order}"))
        if document.masked_card:
            facts.append(("Card on file", document.masked_card))
        return facts

    def totals(self, document: SaleOrderDocument) -> Sequence[TotalRow]:
        """Subtotal of the lines, the difference to the SO total, total, deposit and balance due (DOMAIN.md 4.3)."""
        rows = [TotalRow("Subtotal", document.subtotal)]
        if document.adjustment or document.global_discount:
            label = adjustment_label(format_percent(document.global_discount) if document.global_discount else "")
            rows.append(TotalRow(label, document.adjustment))
        rows += [
            TotalRow("Total", document.total, strong=True),
            TotalRow("Deposit", document.deposit),
            TotalRow("Balance due", document.total - document.deposit, strong=True),
        ]
        return rows

    def notes(self, document: SaleOrderDocument) -> Sequence[tuple[str, str]]:
        """The order note."""
        return (("Note", document.note),)
