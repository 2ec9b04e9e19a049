"""SQLAlchemy models of xmart; importing this package registers every table on `Base.metadata`."""

from xmart.models.audit import AuditEntry, Setting
from xmart.models.base import Address, Base
from xmart.models.catalog import Item, Location, Stock, Vendor
from xmart.models.corporate import CorporateSaleOrder, CsoLine, CustomFieldValue, Payment
from xmart.models.outbox import OutboxMessage, OutboxStatus
from xmart.models.parties import Channel, Customer, CustomField, Salesman
from xmart.models.purchasing import PoCoverage, PurchaseOrder, PurchaseOrderLine
from xmart.models.sales import Invoice, InvoiceLine, SaleOrder, SaleOrderLine
from xmart.models.security import CardKey, CardKeyGrant, Role, RolePermission, User, UserPermission
from xmart.models.status import CsoStatus, LocationKind, PaymentType, PoStatus, SoStatus
from xmart.models.sync import (
    ConflictKind,
    EarlyCancellation,
    ReceivedSaleOrder,
    StockReport,
    StoreIdentity,
    SyncConflict,
    SyncPackage,
    SyncPeer,
    SyncSent,
)
from xmart.models.web_orders import WebOrder, WebOrderRun, WebOrderState, WebSkuMapping

__all__ = [
    "WebOrder",
    "WebOrderRun",
    "WebOrderState",
    "WebSkuMapping",
    "ConflictKind",
    "EarlyCancellation",
    "ReceivedSaleOrder",
    "StockReport",
    "StoreIdentity",
    "SyncConflict",
    "SyncPackage",
    "SyncPeer",
    "SyncSent",
    "UserPermission",
    "User",
    "RolePermission",
    "Role",
    "CardKeyGrant",
    "CardKey",
    "Address",
    "AuditEntry",
    "Base",
    "Channel",
    "CorporateSaleOrder",
    "CsoLine",
    "CsoStatus",
    "CustomField",
    "CustomFieldValue",
    "Customer",
    "Invoice",
    "InvoiceLine",
    "Item",
    "Location",
    "LocationKind",
    "OutboxMessage",
    "OutboxStatus",
    "Payment",
    "PaymentType",
    "PoCoverage",
    "PoStatus",
    "PurchaseOrder",
    "PurchaseOrderLine",
    "SaleOrder",
    "SaleOrderLine",
    "Salesman",
    "Setting",
    "SoStatus",
    "Stock",
    "Vendor",
]
