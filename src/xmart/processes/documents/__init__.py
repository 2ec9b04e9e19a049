"""Printable documents (Qt-free): plain dataclasses and one reportlab renderer per document type."""

from xmart.processes.documents.base import (
    DocumentRenderer,
    TotalRow,
    format_date,
    format_money,
    format_percent,
    format_qty,
    register_fonts,
)
from xmart.processes.documents.confirmation import ConfirmationRenderer
from xmart.processes.documents.data import (
    CompanyInfo,
    ConfirmationDocument,
    DocumentLine,
    Party,
    PurchaseOrderDocument,
    SaleOrderDocument,
)
from xmart.processes.documents.purchase_order import PurchaseOrderRenderer
from xmart.processes.documents.sale_order import SaleOrderRenderer

__all__ = [
    "CompanyInfo",
    "ConfirmationDocument",
    "ConfirmationRenderer",
    "DocumentLine",
    "DocumentRenderer",
    "Party",
    "PurchaseOrderDocument",
    "PurchaseOrderRenderer",
    "SaleOrderDocument",
    "SaleOrderRenderer",
    "TotalRow",
    "format_date",
    "format_money",
    "format_percent",
    "format_qty",
    "register_fonts",
]
