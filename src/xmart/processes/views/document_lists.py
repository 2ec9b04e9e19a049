"""The document browsers' lists: corporate sale orders, sale orders and purchase orders, a page at a time.

`DOCUMENT_LISTS[kind]` describes a list (kind "cso", "so" or "po", as on the command line): its title,
columns, statuses and filters. `count_documents` counts what a `BrowserFilter` matches and
`document_page` returns one page of rows in the chosen order. Filtering, sorting and paging happen in
SQL, never in Python, so a browser opens on 100,000 documents at once: a page is two queries, the ids
of the page (filtered, ordered, offset and limited) and the rows of those ids with their figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeAlias

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session, aliased

from xmart.models import (
    CorporateSaleOrder,
    CsoLine,
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
from xmart.models.db import UnitOfWork
from xmart.processes.fulfilment import assigned_and_sold, cso_totals
from xmart.processes.money import ZERO
from xmart.processes.security.permissions import require_signed_in

AnySelect: TypeAlias = "Select[*tuple[Any, ...]]"


@dataclass(frozen=True)
class BrowserFilter:
    """What a browser's filter bar asks for; None or "" means any.

    `number` is a document number; `date_from`/`date_to` bound the document date (inclusive);
    `party` is part of the customer's (CSO, SO) or vendor's (PO) name, any case; `status` is a status
    value of the list's `statuses`; `store` is a location code (ignored by lists without a store).
    """

    number: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    party: str = ""
    status: str | None = None
    store: str | None = None


@dataclass(frozen=True)
class CsoRow:
    """One corporate sale order in its browser; units ordered, assigned to and sold on sale orders."""

    id: int
    number: int
    date: dt.date
    customer: str
    status: str
    units: int
    assigned: int
    sold: int
    total: Decimal = ZERO
    """The order total of DOMAIN.md section 2 (`fulfilment.cso_totals`, shipping included)."""


@dataclass(frozen=True)
class SoRow:
    """One sale order in its browser; `corporate_order` is the CSO number (None for a walk-in order)."""

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
    """One purchase order in its browser; `store` is the ship-to location code."""

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


DocumentRow: TypeAlias = CsoRow | SoRow | PoRow


@dataclass(frozen=True)
class ListColumn:
    """A browser column: its title, the row attribute it shows, whether it sorts (in SQL) and aligns right."""

    title: str
    attr: str
    sortable: bool = False
    numeric: bool = False


@dataclass(frozen=True)
class DocumentList:
    """One browser's list: `kind` ("cso", "so", "po"), title, columns, the statuses the filter offers,
    the label of the party filter and whether the list has a store filter."""

    kind: str
    title: str
    columns: tuple[ListColumn, ...]
    statuses: tuple[str, ...]
    party_label: str
    has_store: bool

    def column(self, attr: str) -> ListColumn | None:
        """The column showing row attribute `attr`, or None."""
        return next((c for c in self.columns if c.attr == attr), None)


_LOCATION = aliased(Location, name="loc")
_SO_CSO = aliased(CorporateSaleOrder, name="so_cso")


@dataclass(frozen=True)
class _ListQuery:
    """The SQL side of a list: its table, the expression each sortable column orders by, the party's name,
    the joins its filters need and the query for full rows of given ids."""

    table: Any
    row_type: Callable[..., DocumentRow]
    sort: dict[str, Any]
    party: Any
    join: Callable[[AnySelect], AnySelect]
    rows: Callable[[list[int]], AnySelect]
    has_store: bool = False
    extras: Callable[[Session, list[int]], dict[int, tuple[Any, ...]]] | None = None
    """Values computed in Python for the rows of given ids, appended to each row's SQL values."""

    def conditions(self, flt: BrowserFilter) -> list[ColumnElement[bool]]:
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
            where.append(func.lower(self.party).contains(flt.party.strip().lower(), autoescape=True))
        if flt.store and self.has_store:
            where.append(_LOCATION.code == flt.store)
        return where


def _so_joins(query: AnySelect) -> AnySelect:
    return (
        query.select_from(SaleOrder)
        .join(_LOCATION, _LOCATION.id == SaleOrder.location_id)
        .outerjoin(_SO_CSO, _SO_CSO.id == SaleOrder.cso_id)
    )


def _po_joins(query: AnySelect) -> AnySelect:
    return (
        query.select_from(PurchaseOrder)
        .join(Vendor, Vendor.id == PurchaseOrder.vendor_id)
        .join(_LOCATION, _LOCATION.id == PurchaseOrder.location_id)
    )


def _cso_joins(query: AnySelect) -> AnySelect:
    return query.select_from(CorporateSaleOrder)


def _cso_rows(ids: list[int]) -> AnySelect:
    units = select(func.coalesce(func.sum(CsoLine.qty), 0)).where(CsoLine.cso_id == CorporateSaleOrder.id)
    figures = assigned_and_sold(SaleOrder.cso_id).where(SaleOrder.cso_id.in_(ids)).subquery()
    return (
        select(
            CorporateSaleOrder.id,
            CorporateSaleOrder.number,
            CorporateSaleOrder.date,
            CorporateSaleOrder.billing_name,
            CorporateSaleOrder.status,
            units.scalar_subquery(),
            func.coalesce(figures.c.assigned, 0),
            func.coalesce(figures.c.sold, 0),
        )
        .outerjoin(figures, figures.c.cso_id == CorporateSaleOrder.id)
        .where(CorporateSaleOrder.id.in_(ids))
    )


def _cso_extras(session: Session, ids: list[int]) -> dict[int, tuple[Any, ...]]:
    """The Total column: each CSO's one order total (fulfilment.cso_totals, DOMAIN.md section 2)."""
    return {cso_id: (totals.total,) for cso_id, totals in cso_totals(session, ids).items()}


def _so_rows(ids: list[int]) -> AnySelect:
    lines = select(func.coalesce(func.sum(SaleOrderLine.qty), 0)).where(SaleOrderLine.so_id == SaleOrder.id)
    sold = select(func.coalesce(func.sum(SaleOrderLine.sold), 0)).where(SaleOrderLine.so_id == SaleOrder.id)
    return _so_joins(
        select(
            SaleOrder.id,
            SaleOrder.number,
            SaleOrder.date,
            _LOCATION.code,
            _SO_CSO.number,
            func.coalesce(_SO_CSO.billing_name, ""),
            SaleOrder.status,
            lines.scalar_subquery(),
            sold.scalar_subquery(),
        )
    ).where(SaleOrder.id.in_(ids))


def _po_rows(ids: list[int]) -> AnySelect:
    units = select(func.coalesce(func.sum(PurchaseOrderLine.qty), 0)).where(PurchaseOrderLine.po_id == PurchaseOrder.id)
    received = select(func.coalesce(func.sum(PurchaseOrderLine.received), 0)).where(
        PurchaseOrderLine.po_id == PurchaseOrder.id
    )
    return _po_joins(
        select(
            PurchaseOrder.id,
            PurchaseOrder.number,
            PurchaseOrder.date,
            Vendor.name,
            _LOCATION.code,
            PurchaseOrder.delivery_date,
            PurchaseOrder.cancel_date,
            PurchaseOrder.status,
            units.scalar_subquery(),
            received.scalar_subquery(),
        )
    ).where(PurchaseOrder.id.in_(ids))


_QUERIES: dict[str, _ListQuery] = {
    "cso": _ListQuery(
        table=CorporateSaleOrder,
        row_type=CsoRow,
        party=CorporateSaleOrder.billing_name,
        join=_cso_joins,
        rows=_cso_rows,
        extras=_cso_extras,
        sort={
            "number": CorporateSaleOrder.number,
            "date": CorporateSaleOrder.date,
            "customer": CorporateSaleOrder.billing_name,
            "status": CorporateSaleOrder.status,
        },
    ),
    "so": _ListQuery(
        table=SaleOrder,
        row_type=SoRow,
        party=_SO_CSO.billing_name,
        join=_so_joins,
        rows=_so_rows,
        has_store=True,
        sort={
            "number": SaleOrder.number,
            "date": SaleOrder.date,
            "store": _LOCATION.code,
            "corporate_order": _SO_CSO.number,
            "customer": _SO_CSO.billing_name,
            "status": SaleOrder.status,
        },
    ),
    "po": _ListQuery(
        table=PurchaseOrder,
        row_type=PoRow,
        party=Vendor.name,
        join=_po_joins,
        rows=_po_rows,
        has_store=True,
        sort={
            "number": PurchaseOrder.number,
            "date": PurchaseOrder.date,
            "vendor": Vendor.name,
            "store": _LOCATION.code,
            "delivery": PurchaseOrder.delivery_date,
            "cancel": PurchaseOrder.cancel_date,
            "status": PurchaseOrder.status,
        },
    ),
}


def _columns(kind: str, *columns: tuple[str, str] | tuple[str, str, bool]) -> tuple[ListColumn, ...]:
    """Columns of list `kind` from (title, attr[, numeric]); sortable where the list's query can order by it."""
    return tuple(
        ListColumn(title, attr, sortable=attr in _QUERIES[kind].sort, numeric=bool(rest and rest[0]))
        for title, attr, *rest in columns
    )


DOCUMENT_LISTS: dict[str, DocumentList] = {
    "cso": DocumentList(
        kind="cso",
        title="Corporate Sale Orders",
        columns=_columns(
            "cso",
            ("Number", "number", True),
            ("Date", "date"),
            ("Customer", "customer"),
            ("Status", "status"),
            ("Units", "units", True),
            ("Assigned", "assigned", True),
            ("Sold", "sold", True),
            ("Total", "total", True),
        ),
        statuses=tuple(s.value for s in CsoStatus),
        party_label="Customer",
        has_store=False,
    ),
    "so": DocumentList(
        kind="so",
        title="Sale Orders",
        columns=_columns(
            "so",
            ("Number", "number", True),
            ("Date", "date"),
            ("Store", "store"),
            ("Corporate SO", "corporate_order", True),
            ("Customer", "customer"),
            ("Status", "status"),
            ("Units", "units", True),
            ("Sold", "sold", True),
        ),
        statuses=tuple(s.value for s in SoStatus),
        party_label="Customer",
        has_store=True,
    ),
    "po": DocumentList(
        kind="po",
        title="Purchase Orders",
        columns=_columns(
            "po",
            ("Number", "number", True),
            ("Date", "date"),
            ("Vendor", "vendor"),
            ("Ship to", "store"),
            ("Delivery", "delivery"),
            ("Cancel", "cancel"),
            ("Status", "status"),
            ("Units", "units", True),
            ("Received", "received", True),
        ),
        statuses=tuple(s.value for s in PoStatus),
        party_label="Vendor",
        has_store=True,
    ),
}
"""Every browser's list, by kind ("cso", "so", "po")."""


def _query(kind: str) -> _ListQuery:
    try:
        return _QUERIES[kind]
    except KeyError:
        raise ValueError(f"unknown document kind {kind!r} (expected one of {', '.join(_QUERIES)})") from None


def count_documents(uow: UnitOfWork, kind: str, flt: BrowserFilter) -> int:
    """How many documents of `kind` ("cso", "so", "po") match `flt`; ValueError for another kind.

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(uow)
    query = _query(kind)
    return int(uow.session.scalar(query.join(select(func.count(query.table.id))).where(*query.conditions(flt))) or 0)


def document_page(
    uow: UnitOfWork, kind: str, flt: BrowserFilter, sort: str, descending: bool, offset: int, limit: int
) -> list[DocumentRow]:
    """One page of the documents of `kind` matching `flt`: rows `offset` to `offset + limit - 1` in the order asked.

    `sort` is the `attr` of a sortable column of `DOCUMENT_LISTS[kind]` (any other value sorts by number);
    ties are broken by id, in the same direction, so pages never overlap. Returns `CsoRow`, `SoRow` or
    `PoRow` values (an empty list past the end). ValueError for an unknown kind.
    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(uow)
    query = _query(kind)
    expr = query.sort.get(sort, query.table.number)
    order = [expr.desc() if descending else expr.asc(), query.table.id.desc() if descending else query.table.id.asc()]
    page = query.join(select(query.table.id)).where(*query.conditions(flt)).order_by(*order).offset(offset).limit(limit)
    ids = list(uow.session.scalars(page))
    if not ids:
        return []
    extras = query.extras(uow.session, ids) if query.extras else {}
    by_id = {
        values[0]: query.row_type(*values, *extras.get(values[0], ()))
        for values in uow.session.execute(query.rows(ids))
    }
    return [by_id[i] for i in ids if i in by_id]


def iter_documents(
    uow: UnitOfWork, kind: str, flt: BrowserFilter, sort: str, descending: bool, page_size: int = 2_000
) -> Iterator[DocumentRow]:
    """Every document of `kind` matching `flt`, in the browser's order, read `page_size` rows at a time.

    For exports of a whole list (all rows, not only those a browser has loaded): a page is the same
    two or three set-based queries as `document_page`, so memory stays flat on 100,000 documents.
    ValueError for an unknown kind.
    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(uow)
    offset = 0
    while True:
        page = document_page(uow, kind, flt, sort, descending, offset, page_size)
        yield from page
        if len(page) < page_size:
            return
        offset += page_size
