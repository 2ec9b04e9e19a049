"""What each document browser lists: its row dataclass, columns and SQL (no Qt here).

A `DocumentSource` builds two queries for a `BrowserFilter` and a sort column: the ids of one
page (filtered, ordered, limited, so 100,000 documents open at once) and the rows of those ids
with their aggregate figures. Sorting and filtering happen in SQL, never in Python.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import aliased

from xmart.models import (
    CorporateSaleOrder,
    CsoStatus,
    Location,
    PoStatus,
    PurchaseOrder,
    PurchaseOrderLine,
    SaleOrder,
    SaleOrderLine,
    SoStatus,
    Vendor,
)
from xmart.models.corporate import CsoLine


@dataclass(frozen=True)
class BrowserFilter:
    """What the filter bar asks for; None or "" means any."""

    number: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    party: str = ""
    status: str | None = None
    store: str | None = None


@dataclass(frozen=True)
class CsoRow:
    """One corporate sale order in the browser."""

    id: int
    number: int
    date: dt.date
    customer: str
    status: str
    units: int
    assigned: int
    sold: int


@dataclass(frozen=True)
class SoRow:
    """One sale order in the browser."""

    id: int
    number: int
    date: dt.date
    store: str
    corporate_order: int | None
    customer: str
    status: str
    units: int
    sold: int


@dataclass(frozen=True)
class PoRow:
    """One purchase order in the browser."""

    id: int
    number: int
    date: dt.date
    vendor: str
    store: str
    delivery: dt.date | None
    cancel: dt.date | None
    status: str
    units: int
    received: int


@dataclass(frozen=True)
class Column:
    """A browser column: title, row attribute and, when sortable, the SQL expression to order by."""

    title: str
    attr: str
    sort: Any = None
    numeric: bool = False


@dataclass(frozen=True)
class DocumentSource:
    """One document type for the browser (kind is "cso", "so" or "po", as on the command line)."""

    kind: str
    title: str
    row_type: type
    columns: tuple[Column, ...]
    statuses: tuple[str, ...]
    party_label: str
    has_store: bool
    table: Any

    def page_ids(self, flt: BrowserFilter, sort: int, descending: bool, offset: int, limit: int) -> Select:
        """Ids of one page of documents matching `flt`, in the chosen order."""
        expr = self.columns[sort].sort if 0 <= sort < len(self.columns) else None
        expr = expr if expr is not None else self.table.number
        order = [expr.desc() if descending else expr.asc(), self.table.id.desc() if descending else self.table.id]
        query = self._joined(select(self.table.id)).where(*self.conditions(flt))
        return query.order_by(*order).offset(offset).limit(limit)

    def count(self, flt: BrowserFilter) -> Select:
        """How many documents match `flt`."""
        return self._joined(select(func.count(self.table.id))).where(*self.conditions(flt))

    def conditions(self, flt: BrowserFilter) -> list[ColumnElement[bool]]:
        """SQL conditions for `flt`."""
        t = self.table
        where: list[ColumnElement[bool]] = []
        if flt.number is not None:
            where.append(t.number == flt.number)
        if flt.date_from is not None:
            where.append(t.date >= flt.date_from)
        if flt.date_to is not None:
            where.append(t.date <= flt.date_to)
        if flt.status:
            where.append(t.status == flt.status)
        if flt.party.strip():
            where.append(func.lower(self._party()).contains(flt.party.strip().lower(), autoescape=True))
        if flt.store and self.has_store:
            where.append(_LOCATION.code == flt.store)
        return where

    def rows(self, ids: list[int]) -> Select:
        """The full rows of `ids` (any order)."""
        return _ROW_QUERIES[self.kind](ids)

    def make_row(self, values: Any) -> Any:
        """A row dataclass from a result row."""
        return self.row_type(*values)

    def _party(self):
        return {"cso": CorporateSaleOrder.billing_name, "so": _SO_CSO.billing_name, "po": Vendor.name}[self.kind]

    def _joined(self, query: Select) -> Select:
        if self.kind == "so":
            return query.select_from(SaleOrder).join(_LOCATION, _LOCATION.id == SaleOrder.location_id).outerjoin(
                _SO_CSO, _SO_CSO.id == SaleOrder.cso_id)
        if self.kind == "po":
            return query.select_from(PurchaseOrder).join(Vendor, Vendor.id == PurchaseOrder.vendor_id).join(
                _LOCATION, _LOCATION.id == PurchaseOrder.location_id)
        return query.select_from(CorporateSaleOrder)


_LOCATION = aliased(Location, name="loc")
_SO_CSO = aliased(CorporateSaleOrder, name="so_cso")


def _cso_rows(ids: list[int]) -> Select:
    units = select(func.coalesce(func.sum(CsoLine.qty), 0)).where(CsoLine.cso_id == CorporateSaleOrder.id)

    def on_sale_orders(column):
        return (
            select(func.coalesce(func.sum(column), 0))
            .join(SaleOrder, SaleOrder.id == SaleOrderLine.so_id)
            .where(SaleOrder.cso_id == CorporateSaleOrder.id, SaleOrder.status != SoStatus.CANCELLED.value)
            .scalar_subquery()
        )

    return select(
        CorporateSaleOrder.id, CorporateSaleOrder.number, CorporateSaleOrder.date, CorporateSaleOrder.billing_name,
        CorporateSaleOrder.status, units.scalar_subquery(), on_sale_orders(SaleOrderLine.qty),
        on_sale_orders(SaleOrderLine.sold),
    ).where(CorporateSaleOrder.id.in_(ids))


def _so_rows(ids: list[int]) -> Select:
    lines = select(func.coalesce(func.sum(SaleOrderLine.qty), 0)).where(SaleOrderLine.so_id == SaleOrder.id)
    sold = select(func.coalesce(func.sum(SaleOrderLine.sold), 0)).where(SaleOrderLine.so_id == SaleOrder.id)
    return (
        select(SaleOrder.id, SaleOrder.number, SaleOrder.date, _LOCATION.code, _SO_CSO.number,
               func.coalesce(_SO_CSO.billing_name, ""), SaleOrder.status, lines.scalar_subquery(),
               sold.scalar_subquery())
        .select_from(SaleOrder).join(_LOCATION, _LOCATION.id == SaleOrder.location_id)
        .outerjoin(_SO_CSO, _SO_CSO.id == SaleOrder.cso_id)
        .where(SaleOrder.id.in_(ids))
    )


def _po_rows(ids: list[int]) -> Select:
    units = select(func.coalesce(func.sum(PurchaseOrderLine.qty), 0)).where(PurchaseOrderLine.po_id == PurchaseOrder.id)
    received = select(func.coalesce(func.sum(PurchaseOrderLine.received), 0)).where(
        PurchaseOrderLine.po_id == PurchaseOrder.id)
    return (
        select(PurchaseOrder.id, PurchaseOrder.number, PurchaseOrder.date, Vendor.name, _LOCATION.code,
               PurchaseOrder.delivery_date, PurchaseOrder.cancel_date, PurchaseOrder.status,
               units.scalar_subquery(), received.scalar_subquery())
        .select_from(PurchaseOrder).join(Vendor, Vendor.id == PurchaseOrder.vendor_id)
        .join(_LOCATION, _LOCATION.id == PurchaseOrder.location_id)
        .where(and_(PurchaseOrder.id.in_(ids)))
    )


_ROW_QUERIES = {"cso": _cso_rows, "so": _so_rows, "po": _po_rows}

CSO_SOURCE = DocumentSource(
    kind="cso", title="Corporate Sale Orders", row_type=CsoRow,
    columns=(
        Column("Number", "number", CorporateSaleOrder.number, numeric=True),
        Column("Date", "date", CorporateSaleOrder.date),
        Column("Customer", "customer", CorporateSaleOrder.billing_name),
        Column("Status", "status", CorporateSaleOrder.status),
        Column("Units", "units", numeric=True),
        Column("Assigned", "assigned", numeric=True),
        Column("Sold", "sold", numeric=True),
    ),
    statuses=tuple(s.value for s in CsoStatus), party_label="Customer", has_store=False, table=CorporateSaleOrder,
)

SO_SOURCE = DocumentSource(
    kind="so", title="Sale Orders", row_type=SoRow,
    columns=(
        Column("Number", "number", SaleOrder.number, numeric=True),
        Column("Date", "date", SaleOrder.date),
        Column("Store", "store", _LOCATION.code),
        Column("Corporate SO", "corporate_order", _SO_CSO.number, numeric=True),
        Column("Customer", "customer", _SO_CSO.billing_name),
        Column("Status", "status", SaleOrder.status),
        Column("Units", "units", numeric=True),
        Column("Sold", "sold", numeric=True),
    ),
    statuses=tuple(s.value for s in SoStatus), party_label="Customer", has_store=True, table=SaleOrder,
)

PO_SOURCE = DocumentSource(
    kind="po", title="Purchase Orders", row_type=PoRow,
    columns=(
        Column("Number", "number", PurchaseOrder.number, numeric=True),
        Column("Date", "date", PurchaseOrder.date),
        Column("Vendor", "vendor", Vendor.name),
        Column("Ship to", "store", _LOCATION.code),
        Column("Delivery", "delivery", PurchaseOrder.delivery_date),
        Column("Cancel", "cancel", PurchaseOrder.cancel_date),
        Column("Status", "status", PurchaseOrder.status),
        Column("Units", "units", numeric=True),
        Column("Received", "received", numeric=True),
    ),
    statuses=tuple(s.value for s in PoStatus), party_label="Vendor", has_store=True, table=PurchaseOrder,
)

SOURCES = {source.kind: source for source in (CSO_SOURCE, SO_SOURCE, PO_SOURCE)}


def row_fields(row_type: type) -> list[str]:
    """Attribute names of a row dataclass."""
    return [f.name for f in fields(row_type)]
