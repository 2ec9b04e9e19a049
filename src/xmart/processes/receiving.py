"""Receiving purchase orders (DOMAIN.md section 5): `received` rises, so does the location's stock.

Invariants: a line's `received` never exceeds its quantity (over-receiving is refused, naming the
PO, the SKU and what remains); the PO's location gains exactly the units received (its stock row
is created when missing); the PO status follows open → partially received → received through the
declared transitions; a cancelled or fully received PO is refused. One transaction, committed.
Received stock is then available to the Assign process; the coverage of the PO lines is kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select

from xmart.errors import InputError, NotFoundError
from xmart.models import Item, Location, PoStatus, PurchaseOrder, PurchaseOrderLine, Stock
from xmart.models.db import UnitOfWork
from xmart.models.status import PO_TRANSITIONS, check_transition
from xmart.processes.security import audit
from xmart.processes.security.permissions import require
from xmart.processes.selection import PROCESS_LOCK


@dataclass(frozen=True)
class ReceivedLine:
    """Units of one PO line received now, and the line's totals afterwards."""

    sku: str
    qty: int
    received: int
    ordered: int


@dataclass(frozen=True)
class ReceiveResult:
    """What was received, where, and the PO's status afterwards."""

    po_number: int
    location: str
    status: str
    lines: tuple[ReceivedLine, ...]

    @property
    def units(self) -> int:
        """Units received now."""
        return sum(line.qty for line in self.lines)


def units_text(n: int) -> str:
    """`1 unit`, `3 units`: quantities in messages a clerk reads."""
    return f"{n} unit" if n == 1 else f"{n} units"


def po_status(lines: list[PurchaseOrderLine]) -> PoStatus:
    """The status a PO's received figures call for."""
    if all(line.received >= line.qty for line in lines):
        return PoStatus.RECEIVED
    if any(line.received > 0 for line in lines):
        return PoStatus.PARTIALLY_RECEIVED
    return PoStatus.OPEN


def receive(uow: UnitOfWork, po_number: int, sku: str | None = None, qty: int | None = None) -> ReceiveResult:
    """Receive all that remains of PO `po_number`, or `qty` units of its line(s) with `sku`; commit."""
    if (sku is None) != (qty is None):
        raise InputError(
            "Give both the SKU and the quantity to receive part of a line, or neither to receive the whole PO."
        )
    return receive_lines(uow, po_number, None if sku is None or qty is None else {sku: qty})


def receive_lines(uow: UnitOfWork, po_number: int, quantities: Mapping[str, int] | None = None) -> ReceiveResult:
    """Receive all that remains of PO `po_number` (`quantities` None), or {SKU: units} of its lines; commit.

    One transaction: every SKU is received or, when one is refused (unknown SKU, a quantity below 1
    or above what is left of that SKU, a cancelled or received PO), nothing is. Lines with the same
    SKU are filled in line order. Raises NotFoundError / InputError with the PO, SKU and what is left,
    SignInRequired / PermissionDenied without `po.receive` (DOMAIN.md section 9). Audited (`po.receive`).
    """
    for qty in (quantities or {}).values():
        if qty <= 0:
            raise InputError(f"The quantity to receive must be at least 1, not {qty}.")
    if quantities is not None and not quantities:
        raise InputError(f"Give at least one line of PO {po_number} to receive.")
    with uow.exclusive(PROCESS_LOCK):
        require(uow, "po.receive")
        session = uow.session
        order = session.scalar(select(PurchaseOrder).where(PurchaseOrder.number == po_number).with_for_update())
        if order is None:
            raise NotFoundError(f"Purchase order {po_number} does not exist.")
        if order.status == PoStatus.CANCELLED:
            raise InputError(f"PO {po_number} is cancelled; nothing can be received on it.")
        if order.status == PoStatus.RECEIVED:
            raise InputError(f"PO {po_number} is already received in full.")
        skus = dict(
            session.execute(select(Item.id, Item.sku).where(Item.id.in_({line.item_id for line in order.lines}))).all()
        )

        plan: list[tuple[PurchaseOrderLine, int]] = []
        if quantities is None:
            plan = [(line, line.qty - line.received) for line in order.lines if line.received < line.qty]
        for sku, qty in (quantities or {}).items():
            lines = [line for line in order.lines if skus[line.item_id] == sku]
            if not lines:
                raise NotFoundError(f"PO {po_number} has no line with SKU {sku}.")
            remaining = sum(line.qty - line.received for line in lines)
            if qty > remaining:
                raise InputError(
                    f"PO {po_number} has only {units_text(remaining)} of {sku} left to receive; cannot receive {qty}."
                )
            left = qty
            for line in lines:
                take = min(left, line.qty - line.received)
                if take > 0:
                    plan.append((line, take))
                    left -= take

        received: list[ReceivedLine] = []
        for line, take in plan:
            line.received += take
            stock = session.get(Stock, (order.location_id, line.item_id), with_for_update=True)
            if stock is None:
                session.add(
                    Stock(location_id=order.location_id, item_id=line.item_id, on_hand=take, minimum=0, maximum=0)
                )
            else:
                stock.on_hand += take
            received.append(ReceivedLine(skus[line.item_id], take, line.received, line.qty))
        new_status = po_status(order.lines)
        check_transition(PO_TRANSITIONS, order.status, new_status, "purchase order")
        order.status = new_status.value
        location_code = session.scalar(select(Location.code).where(Location.id == order.location_id))
        units = sum(r.qty for r in received)
        audit.record(
            uow,
            "po.receive",
            entity="purchase_order",
            entity_id=po_number,
            detail=f"{units} unit(s) received on {len(received)} line(s) at {location_code}; PO now {order.status}",
        )
        session.flush()
        uow.commit()
        return ReceiveResult(po_number, location_code or "", order.status, tuple(received))
