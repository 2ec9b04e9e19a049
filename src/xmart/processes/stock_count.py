"""Counting stock: set a location's on-hand level of one SKU to what was counted (DOMAIN.md sections 1 and 6).

At a store (store mode) the location is the store's own; at the Main any location managed at the
Main (a synchronized store's level is the one it reports, so setting it at the Main is refused).
One transaction, committed, under the processes' lock; needs the `po.receive` permission (a
store's role holds it: receiving and counting are the same work).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from xmart.errors import InputError, NotFoundError
from xmart.models import Item, Location, Stock
from xmart.models.db import UnitOfWork
from xmart.processes.security import audit
from xmart.processes.security.permissions import require
from xmart.processes.selection import PROCESS_LOCK
from xmart.processes.store_management import is_managed_at_main, store_code


@dataclass(frozen=True)
class CountResult:
    """The level set: location, SKU, the level before and after."""

    location: str
    sku: str
    before: int
    on_hand: int


def set_on_hand(uow: UnitOfWork, sku: str, qty: int, location: str | None = None) -> CountResult:
    """Set the on-hand level of `sku` at `location` (default: the store's own, in store mode) to `qty`; commit.

    Raises InputError for a negative quantity, a missing location at the Main, another location at a
    store, or a synchronized store's location at the Main; NotFoundError for an unknown SKU or
    location; AccessError without the `po.receive` permission.
    """
    if qty < 0:
        raise InputError(f"The quantity counted must be 0 or more, not {qty}.")
    with uow.exclusive(PROCESS_LOCK):
        require(uow, "po.receive")
        session = uow.session
        own = store_code(session)
        if own is not None:
            if location not in (None, own):
                raise InputError(f"This database is store {own}'s: it counts only its own stock, not {location}'s.")
            location = own
        elif location is None:
            raise InputError("Give the location whose stock was counted (--location CODE).")
        elif not is_managed_at_main(session, location):
            raise InputError(f"{location} is a synchronized store: its on-hand levels come from the store's reports.")
        location_id = session.scalar(select(Location.id).where(Location.code == location))
        if location_id is None:
            raise NotFoundError(f"Location {location} does not exist.")
        item_id = session.scalar(select(Item.id).where(Item.sku == sku))
        if item_id is None:
            raise NotFoundError(f"Item {sku} does not exist.")
        stock = session.get(Stock, (location_id, item_id), with_for_update=True)
        before = stock.on_hand if stock is not None else 0
        if stock is None:
            session.add(Stock(location_id=location_id, item_id=item_id, on_hand=qty, minimum=0, maximum=0))
        else:
            stock.on_hand = qty
        audit.record(uow, "stock.count", entity="stock", entity_id=f"{location} {sku}", detail=f"{before} -> {qty}")
        uow.commit()
    return CountResult(location, sku, before, qty)
