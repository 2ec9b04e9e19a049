"""Item availability (DOMAIN.md section 4): per location on hand, minimum, pending, available and on order.

`item_availability(uow, sku)` gives one SKU at every location that has stock, pending units or units
on order for it (the definitions of pending and available are `xmart.processes.availability`'s, the
Assign process's own). `count_items` / `item_page` list items matching a search (part of the SKU or
description, any case) with their totals, a page at a time: filtering, ordering and paging in SQL.
On order = units not yet received (`qty - received`) on purchase orders that are open or partially
received, at the PO's receiving location.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import ColumnElement, func, or_, select

from xmart.errors import NotFoundError
from xmart.models import Item, Location, PoStatus, PurchaseOrder, PurchaseOrderLine, SaleOrderLine, Stock
from xmart.models.db import UnitOfWork
from xmart.processes.availability import available, pending_units
from xmart.processes.security.permissions import require_signed_in

_ON_ORDER_STATUSES = (PoStatus.OPEN.value, PoStatus.PARTIALLY_RECEIVED.value)


@dataclass(frozen=True)
class LocationAvailability:
    """One item at one location, in units."""

    code: str
    name: str
    on_hand: int
    minimum: int
    pending: int
    on_order: int

    @property
    def available(self) -> int:
        """On hand less pending, never below 0 (DOMAIN.md section 4)."""
        return available(self.on_hand, self.pending)


@dataclass(frozen=True)
class ItemAvailability:
    """One SKU with its figures per location (location code order) and their totals."""

    sku: str
    description: str
    price: Decimal
    locations: tuple[LocationAvailability, ...]

    @property
    def on_hand(self) -> int:
        """On hand at every location."""
        return sum(loc.on_hand for loc in self.locations)

    @property
    def pending(self) -> int:
        """Pending at every location."""
        return sum(loc.pending for loc in self.locations)

    @property
    def available(self) -> int:
        """Available at every location (each location's never below 0)."""
        return sum(loc.available for loc in self.locations)

    @property
    def on_order(self) -> int:
        """On order for every location."""
        return sum(loc.on_order for loc in self.locations)


def _figures(uow: UnitOfWork, item_ids: list[int]) -> dict[int, dict[int, list[int]]]:
    """{item id: {location id: [on hand, minimum, pending, on order]}}."""
    session = uow.session
    figures: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))
    if not item_ids:
        return figures
    for location_id, item_id, on_hand, minimum in session.execute(
        select(Stock.location_id, Stock.item_id, Stock.on_hand, Stock.minimum).where(Stock.item_id.in_(item_ids))
    ):
        figures[item_id][location_id][0:2] = [int(on_hand), int(minimum)]
    for location_id, item_id, units in session.execute(pending_units().where(SaleOrderLine.item_id.in_(item_ids))):
        figures[item_id][location_id][2] = int(units)
    on_order = (
        select(
            PurchaseOrder.location_id,
            PurchaseOrderLine.item_id,
            func.sum(PurchaseOrderLine.qty - PurchaseOrderLine.received),
        )
        .join(PurchaseOrder, PurchaseOrder.id == PurchaseOrderLine.po_id)
        .where(PurchaseOrder.status.in_(_ON_ORDER_STATUSES), PurchaseOrderLine.item_id.in_(item_ids))
        .group_by(PurchaseOrder.location_id, PurchaseOrderLine.item_id)
    )
    for location_id, item_id, units in session.execute(on_order):
        figures[item_id][location_id][3] = int(units)
    return figures


def _locations(uow: UnitOfWork) -> dict[int, tuple[str, str]]:
    return {i: (code, name) for i, code, name in uow.session.execute(select(Location.id, Location.code, Location.name))}


def _build(
    item: tuple[int, str, str, Decimal], per_location: dict[int, list[int]], names: dict[int, tuple[str, str]]
) -> ItemAvailability:
    rows = [
        LocationAvailability(*names[location_id], *values)
        for location_id, values in per_location.items()
        if any(values)
    ]
    return ItemAvailability(item[1], item[2], Decimal(item[3]), tuple(sorted(rows, key=lambda r: r.code)))


def item_availability(uow: UnitOfWork, sku: str) -> ItemAvailability:
    """SKU `sku` at every location with stock, pending or units on order; raises NotFoundError.

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(uow)
    item = uow.session.execute(
        select(Item.id, Item.sku, Item.description, Item.price).where(Item.sku == sku.strip())
    ).one_or_none()
    if item is None:
        raise NotFoundError(f"There is no item with SKU {sku.strip() or '(empty)'}.")
    figures = _figures(uow, [item.id])
    return _build(tuple(item), figures[item.id], _locations(uow))  # type: ignore[arg-type]


def _search(search: str) -> list[ColumnElement[bool]]:
    text = search.strip().lower()
    if not text:
        return []
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return [
        or_(func.lower(Item.sku).like(pattern, escape="\\"), func.lower(Item.description).like(pattern, escape="\\"))
    ]


def count_items(uow: UnitOfWork, search: str = "") -> int:
    """How many items match `search` (part of the SKU or description, any case; "" for all).

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(uow)
    return int(uow.session.scalar(select(func.count()).select_from(Item).where(*_search(search))) or 0)


def item_page(uow: UnitOfWork, search: str = "", offset: int = 0, limit: int = 200) -> list[ItemAvailability]:
    """Items matching `search` in SKU order, `limit` from `offset`, each with its figures per location.

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(uow)
    items = uow.session.execute(
        select(Item.id, Item.sku, Item.description, Item.price)
        .where(*_search(search))
        .order_by(Item.sku)
        .offset(offset)
        .limit(limit)
    ).all()
    figures = _figures(uow, [row.id for row in items])
    names = _locations(uow)
    return [_build(tuple(row), figures[row.id], names) for row in items]  # type: ignore[arg-type]


__all__ = [
    "ItemAvailability",
    "LocationAvailability",
    "count_items",
    "item_availability",
    "item_page",
]
