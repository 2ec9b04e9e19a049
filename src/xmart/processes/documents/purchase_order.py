"""The Purchase Order renderer: what a vendor ships to a receiving location, and by when."""

from __future__ import annotations

from collections.abc import Sequence

from xmart.processes.documents.base import DocumentRenderer, TotalRow, format_date
from xmart.processes.documents.data import Party, PurchaseOrderDocument


class PurchaseOrderRenderer(DocumentRenderer[PurchaseOrderDocument]):
    """Prints Purchase Orders: vendor, receiving location, delivery and cancel dates, unit costs."""

    title = "Purchase Order"
    number_prefix = "PO"
    price_label = "Unit cost"
    show_discount = False

    def parties(self, document: PurchaseOrderDocument) -> Sequence[tuple[str, Party]]:
        """The vendor and the receiving location."""
        vendor = Party(name=document.vendor_name, company=f"Vendor {document.vendor_code}")
        return (("Vendor", vendor), ("Ship to", document.ship_to))

    def highlights(self, document: PurchaseOrderDocument) -> Sequence[tuple[str, str]]:
        """Delivery and cancel dates, printed large."""
        return (
            ("Deliver by", format_date(document.delivery_date)),
            ("Cancel if not received by", format_date(document.cancel_date)),
        )

    def totals(self, document: PurchaseOrderDocument) -> Sequence[TotalRow]:
        """The order total at cost."""
        return (TotalRow("Total", document.total, strong=True),)

    def notes(self, document: PurchaseOrderDocument) -> Sequence[tuple[str, str]]:
        """The order note."""
        return (("Note", document.note),)
