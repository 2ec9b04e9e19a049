"""Invoices at a location against Sale Order lines (DOMAIN.md section 6).

Invariants: an invoice sells units of an SO's line(s) with one SKU, filled in line order; a line's
`sold` never exceeds its quantity (more is refused, saying how many are left); the SO's location
loses exactly the units sold and never goes below zero on hand (a shortage is refused); the SO
status follows open → partially sold → sold through the declared transitions; a cancelled SO is
refused, and so is an SO of a location not invoiced in this database (a synchronized store's at the
Main, another location's at a store); the CSO the SO belongs to gets its
status refreshed (`completed` once every unit is sold).
One transaction, committed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from xmart.errors import InputError, NotFoundError
from xmart.models import Invoice, InvoiceLine, Item, Location, SaleOrder, SaleOrderLine, SoStatus, Stock
from xmart.models.db import UnitOfWork
from xmart.models.status import SO_TRANSITIONS, check_transition
from xmart.processes.cso_status import refresh_statuses
from xmart.processes.receiving import units_text
from xmart.processes.security import audit
from xmart.processes.security.permissions import require
from xmart.processes.selection import PROCESS_LOCK, next_number
from xmart.processes.store_management import invoiced_here, store_code

FIRST_INVOICE_NUMBER = 1


@dataclass(frozen=True)
class InvoiceResult:
    """The invoice recorded and the statuses afterwards."""

    number: int
    so_number: int
    location: str
    date: dt.date
    sku: str
    qty: int
    so_status: str
    cso_status: str | None
    on_hand: int


def so_status(lines: list[SaleOrderLine]) -> SoStatus:
    """The status an SO's sold figures call for."""
    if all(line.sold >= line.qty for line in lines):
        return SoStatus.SOLD
    if any(line.sold > 0 for line in lines):
        return SoStatus.PARTIALLY_SOLD
    return SoStatus.OPEN


def invoice(uow: UnitOfWork, so_number: int, sku: str, qty: int, today: dt.date | None = None) -> InvoiceResult:
    """Sell `qty` units of `sku` on SO `so_number` at its location; commit."""
    return invoice_lines(uow, so_number, {sku: qty}, today)[0]


def invoice_lines(
    uow: UnitOfWork, so_number: int, quantities: Mapping[str, int], today: dt.date | None = None
) -> tuple[InvoiceResult, ...]:
    """Sell {SKU: units} of SO `so_number` on one invoice at its location; commit. One result per SKU.

    One transaction: every SKU is sold or, when one is refused (a quantity below 1, more than the SO
    has left or the location has on hand, an unknown SKU, a cancelled SO, a location not managed at
    the Main), nothing is. Raises NotFoundError / InputError saying what and how many are left,
    SignInRequired / PermissionDenied without `so.invoice` (DOMAIN.md section 9). Audited (`so.invoice`).
    """
    if not quantities:
        raise InputError(f"Give at least one line of SO {so_number} to invoice.")
    for qty in quantities.values():
        if qty <= 0:
            raise InputError(f"The quantity to sell must be at least 1, not {qty}.")
    with uow.exclusive(PROCESS_LOCK):
        require(uow, "so.invoice")
        session = uow.session
        order = session.scalar(select(SaleOrder).where(SaleOrder.number == so_number).with_for_update())
        if order is None:
            raise NotFoundError(f"Sale order {so_number} does not exist.")
        if order.status == SoStatus.CANCELLED:
            raise InputError(f"SO {so_number} is cancelled; nothing can be sold on it.")
        location_code = session.scalar(select(Location.code).where(Location.id == order.location_id)) or ""
        if not invoiced_here(session, location_code):
            own = store_code(session)
            raise InputError(
                f"SO {so_number} is {location_code}'s and this database is store {own}'s: it is not invoiced here."
                if own is not None
                else f"{location_code} is a synchronized store: its invoices come from the store (SO {so_number})."
            )
        number = next_number(session, Invoice.number, FIRST_INVOICE_NUMBER)
        date = today or dt.date.today()
        record = Invoice(number=number, location_id=order.location_id, date=date)
        sold: list[tuple[str, int, Stock]] = []
        for sku, qty in quantities.items():
            item = session.scalar(select(Item).where(Item.sku == sku))
            lines = [line for line in order.lines if item is not None and line.item_id == item.id]
            if item is None or not lines:
                raise NotFoundError(f"SO {so_number} has no line with SKU {sku}.")
            left_to_sell = sum(line.qty - line.sold for line in lines)
            if qty > left_to_sell:
                raise InputError(
                    f"SO {so_number} has only {units_text(left_to_sell)} of {sku} left to sell; cannot sell {qty}."
                )
            stock = session.get(Stock, (order.location_id, item.id), with_for_update=True)
            on_hand = stock.on_hand if stock is not None else 0
            if stock is None or on_hand < qty:
                raise InputError(f"Only {units_text(on_hand)} of {sku} on hand at {location_code}; cannot sell {qty}.")
            left = qty
            for line in lines:
                take = min(left, line.qty - line.sold)
                if take <= 0:
                    continue
                line.sold += take
                left -= take
                record.lines.append(
                    InvoiceLine(so_line_id=line.id, item_id=item.id, qty=take, price=Decimal(line.price))
                )
                if left == 0:
                    break
            stock.on_hand -= qty
            sold.append((sku, qty, stock))
        session.add(record)
        new_status = so_status(order.lines)
        check_transition(SO_TRANSITIONS, order.status, new_status, "sale order")
        order.status = new_status.value
        session.flush()
        cso_status = None
        if order.cso_id is not None:
            refresh_statuses(session, [order.cso_id])
            cso_status = order.corporate_order.status if order.corporate_order is not None else None
        audit.record(
            uow,
            "so.invoice",
            entity="sale_order",
            entity_id=so_number,
            detail=f"invoice {number} at {location_code}: {sum(q for _, q, _ in sold)} unit(s) of "
            f"{len(sold)} item(s); SO now {order.status}",
        )
        uow.commit()
        return tuple(
            InvoiceResult(number, so_number, location_code, date, sku, qty, order.status, cso_status, stock.on_hand)
            for sku, qty, stock in sold
        )
