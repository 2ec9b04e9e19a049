"""Availability of an item at a location (DOMAIN.md section 4), the one home of its definitions.

`pending` = units not yet sold (`qty - sold`) on lines of sale orders that are `open` or `partially
sold` at that location, on SOs dated on or after `exclude before` (default 1969-12-31);
`available = on_hand - pending`, never below 0. The Assign process and the item availability view
(`xmart.processes.views.items`) both use these.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Select, func, select

from xmart.models import SaleOrder, SaleOrderLine, SoStatus

PENDING_STATUSES = (SoStatus.OPEN.value, SoStatus.PARTIALLY_SOLD.value)
"""Sale orders whose unsold units are pending at their location."""

DEFAULT_EXCLUDE_BEFORE = dt.date(1969, 12, 31)
"""Pending units count on SOs dated on or after this (DOMAIN.md section 4's default)."""


def pending_units(exclude_before: dt.date = DEFAULT_EXCLUDE_BEFORE) -> Select[int, int, int]:
    """SELECT location id, item id, pending units: grouped by both; the caller adds its filters.

    Columns of `sale_orders` / `sale_order_lines` (joined here) may be used in the caller's WHERE.
    """
    return (
        select(SaleOrder.location_id, SaleOrderLine.item_id, func.sum(SaleOrderLine.qty - SaleOrderLine.sold))
        .join(SaleOrder, SaleOrder.id == SaleOrderLine.so_id)
        .where(SaleOrder.status.in_(PENDING_STATUSES), SaleOrder.date >= exclude_before)
        .group_by(SaleOrder.location_id, SaleOrderLine.item_id)
    )


def available(on_hand: int, pending: int) -> int:
    """Units available to assign: `on_hand - pending`, never below 0 (whole units)."""
    units = on_hand - pending
    return units if units > 0 else 0
