"""Assign Corporate Sale Orders to locations, by date or by number (DOMAIN.md section 4).

Invariants:
- availability of an item at a location = on_hand − pending (units not yet sold on open SO
  lines there dated on or after `exclude_before`; 0 with `consider_pending` off), never below 0,
  and everything the run assigns lowers it for the rest of the run;
- CSOs by ascending number, lines by line number; a line takes from the location with the
  largest overstock (available − minimum; ties: lowest code): min(remaining, overstock) while
  overstock > 0, else min(remaining, available); only selected locations are used;
- assigned never exceeds ordered (a line's qty less its cancelled remainder); re-running assigns
  only what is still unassigned;
- one new SO per (CSO, location) that received units, with the exact automatic note, the CSO's
  card reference (never a copy of the number) and its deposit share: after the run the SOs of a
  CSO together hold round(P × C / T), exactly P once it is fully assigned; the increase is split
  among the new SOs by largest remainder (ties: lowest location code);
- one transaction under the process lock: every SO or none; a dry run writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import Select, and_, func, insert, select
from sqlalchemy.orm import Session

from xmart.errors import Cancelled, InputError
from xmart.models import (
    CorporateSaleOrder,
    CsoLine,
    Item,
    Location,
    Payment,
    PaymentType,
    SaleOrder,
    SaleOrderLine,
    SoStatus,
    Stock,
)
from xmart.models.db import UnitOfWork
from xmart.processes.cso_status import refresh_statuses
from xmart.processes.fulfilment import assigned_by_line
from xmart.processes.money import allocate_largest_remainder, round_fraction_half_up, scaled_line_value
from xmart.processes.selection import PROCESS_LOCK, CsoRange, next_number, selected_csos

AUTO_NOTE = "Special Order created automatically from Corporate Sale Order"
FIRST_SO_NUMBER = 5001
DEFAULT_EXCLUDE_BEFORE = dt.date(1969, 12, 31)
_PENDING_STATUSES = (SoStatus.OPEN.value, SoStatus.PARTIALLY_SOLD.value)
STREAM = {"yield_per": 2_000}
"""Big results are fetched in slices: row building in C never holds the GIL long (a GUI stays live)."""

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class AssignParams:
    """What the Assign dialog or `xmart assign` asks for."""

    range: CsoRange
    stores: tuple[str, ...] = ()
    """Location codes to assign from; empty means every active location."""
    consider_pending: bool = True
    exclude_before: dt.date = DEFAULT_EXCLUDE_BEFORE
    print_documents: bool = False
    dry_run: bool = False
    today: dt.date | None = None


class GeneratedLine(NamedTuple):
    """One line of a generated SO."""

    sku: str
    qty: int
    price: Decimal
    discount: Decimal
    cso_line: int


@dataclass(frozen=True)
class GeneratedSaleOrder:
    """A Sale Order the run generated (or, in a dry run, would generate)."""

    number: int
    store: str
    corporate_order: int
    date: dt.date
    note: str
    deposit: Decimal
    lines: tuple[GeneratedLine, ...]


@dataclass(frozen=True)
class Unassigned:
    """Units of a CSO line that no selected location could supply."""

    corporate_order: int
    sku: str
    qty: int
    line: int


@dataclass(frozen=True)
class AssignResult:
    """What a run generated and what stays unassigned."""

    sale_orders: tuple[GeneratedSaleOrder, ...]
    unassigned: tuple[Unassigned, ...]
    dry_run: bool = False
    statuses: dict[int, str] = field(default_factory=dict)
    """New status of each CSO whose status changed, by CSO number."""

    def to_json(self) -> dict:
        """The `assign --json` document (INTERFACE.md)."""
        return {
            "sale_orders": [
                {
                    "number": so.number,
                    "store": so.store,
                    "corporate_order": so.corporate_order,
                    "date": so.date.isoformat(),
                    "note": so.note,
                    "deposit": f"{so.deposit:.2f}",
                    "lines": [
                        {"sku": ln.sku, "qty": ln.qty, "price": f"{ln.price:.2f}", "discount": f"{ln.discount:.2f}"}
                        for ln in so.lines
                    ],
                }
                for so in self.sale_orders
            ],
            "unassigned": [{"corporate_order": u.corporate_order, "sku": u.sku, "qty": u.qty} for u in self.unassigned],
        }


@dataclass(slots=True)
class _Line:
    id: int
    cso_id: int
    line_no: int
    item_id: int
    sku: str
    qty: int
    price: Decimal
    discount: Decimal
    assigned: int = 0


@dataclass
class _Order:
    id: int
    number: int
    global_discount: Decimal
    billing_customer_id: int
    shipping_customer_id: int
    lines: list[_Line] = field(default_factory=list)


@dataclass(slots=True)
class _Source:
    """One location's stock of one item during a run."""

    code: str
    location_id: int
    available: int
    minimum: int


def _locations(session: Session, codes: tuple[str, ...]) -> dict[int, str]:
    """{location id: code} of the selected locations; InputError for unknown codes or none at all."""
    if codes:
        rows = dict(session.execute(select(Location.code, Location.id).where(Location.code.in_(codes))).all())
        unknown = sorted(set(codes) - set(rows))
        if unknown:
            raise InputError(f"Unknown location code: {', '.join(unknown)}.")
        return {i: c for c, i in rows.items()}
    rows = session.execute(select(Location.id, Location.code).where(Location.active.is_(True))).all()
    if not rows:
        raise InputError("There is no active location to assign from.")
    return dict(rows)


def _load_orders(session: Session, rng: CsoRange) -> list[_Order]:
    orders: dict[int, _Order] = {}
    selection = selected_csos(rng).subquery()
    for row in session.execute(
        select(selection.c.id, selection.c.number, selection.c.global_discount,
               selection.c.billing_customer_id, selection.c.shipping_customer_id).order_by(selection.c.number),
        execution_options=STREAM,
    ):
        orders[row.id] = _Order(row.id, row.number, row.global_discount, row.billing_customer_id,
                                row.shipping_customer_id)
    if not orders:
        return []
    line_ids = select(CsoLine.id).where(CsoLine.cso_id.in_(select(selection.c.id)))
    assigned = assigned_by_line(session, line_ids)
    rows = session.execute(
        select(CsoLine.id, CsoLine.cso_id, CsoLine.line_no, CsoLine.item_id, Item.sku,
               CsoLine.qty - CsoLine.cancelled_qty, CsoLine.price, CsoLine.discount)
        .join(Item, Item.id == CsoLine.item_id)
        .where(CsoLine.cso_id.in_(select(selection.c.id)))
        .order_by(CsoLine.cso_id, CsoLine.line_no),
        execution_options=STREAM,
    )
    for row in rows:
        line = _Line(*row)
        line.assigned = sum(a for a, _ in assigned.get(line.id, {}).values())
        orders[line.cso_id].lines.append(line)
    for order in orders.values():
        order.lines.sort(key=lambda ln: ln.line_no)
    return list(orders.values())


def _availability(session: Session, params: AssignParams, locations: dict[int, str],
                  item_ids: Select) -> dict[int, list[_Source]]:
    """{item id: sources at the selected locations with something available}, at the start of the run."""
    selected = list(locations)
    available = Stock.on_hand
    query = select(Stock.location_id, Stock.item_id, Stock.minimum)
    if params.consider_pending:
        pending = (
            select(SaleOrder.location_id, SaleOrderLine.item_id,
                   func.sum(SaleOrderLine.qty - SaleOrderLine.sold).label("units"))
            .join(SaleOrder, SaleOrder.id == SaleOrderLine.so_id)
            .where(SaleOrder.status.in_(_PENDING_STATUSES), SaleOrder.date >= params.exclude_before,
                   SaleOrder.location_id.in_(selected), SaleOrderLine.item_id.in_(item_ids))
            .group_by(SaleOrder.location_id, SaleOrderLine.item_id)
            .subquery()
        )
        available = Stock.on_hand - func.coalesce(pending.c.units, 0)
        query = query.outerjoin(pending, and_(pending.c.location_id == Stock.location_id,
                                              pending.c.item_id == Stock.item_id))
    rows = session.execute(
        query.add_columns(available).where(Stock.location_id.in_(selected), Stock.item_id.in_(item_ids),
                                           available > 0),
        execution_options=STREAM,
    )
    sources: dict[int, list[_Source]] = defaultdict(list)
    for location_id, item_id, minimum, units in rows:
        sources[item_id].append(_Source(locations[location_id], location_id, units, minimum))
    return sources


def _take(sources: list[_Source], remaining: int) -> list[tuple[_Source, int]]:
    """Fill `remaining` units from `sources` by the overstock rule, lowering their availability."""
    taken: list[tuple[_Source, int]] = []
    while remaining > 0:
        candidates = [s for s in sources if s.available > 0]
        if not candidates:
            break
        best = min(candidates, key=lambda s: (-(s.available - s.minimum), s.code))
        overstock = best.available - best.minimum
        qty = min(remaining, overstock if overstock > 0 else best.available)
        best.available -= qty
        remaining -= qty
        taken.append((best, qty))
    return taken


def _deposits(session: Session, cso_ids: list[int]) -> tuple[dict[int, Decimal], dict[int, Decimal]]:
    """({CSO id: deposit paid}, {CSO id: deposit already on its SOs that are not cancelled})."""
    paid: dict[int, Decimal] = {}
    already: dict[int, Decimal] = {}
    for start in range(0, len(cso_ids), 500):
        chunk = cso_ids[start : start + 500]
        paid.update(session.execute(
            select(Payment.cso_id, func.sum(Payment.amount)).where(Payment.cso_id.in_(chunk)).group_by(Payment.cso_id)
        ).all())
        already.update(session.execute(
            select(SaleOrder.cso_id, func.sum(SaleOrder.deposit))
            .where(SaleOrder.cso_id.in_(chunk), SaleOrder.status != SoStatus.CANCELLED.value)
            .group_by(SaleOrder.cso_id)
        ).all())
    return paid, already


def _deposit_shares(order: _Order, paid: Decimal, already: Decimal, new_sos: list[tuple[str, dict[int, int]]],
                    lines: dict[int, _Line]) -> list[Decimal]:
    """Deposit of each new SO of `order` (DOMAIN.md section 4, cumulative largest remainder)."""
    if not paid:
        return [Decimal("0.00")] * len(new_sos)
    gd = order.global_discount

    def value(line: _Line, qty: int) -> int:  # exact value x VALUE_SCALE, an integer
        return scaled_line_value(qty, line.price, line.discount, gd)

    total = sum(value(ln, ln.qty) for ln in order.lines)
    assigned = sum(value(ln, ln.assigned) for ln in order.lines)
    if all(ln.assigned >= ln.qty for ln in order.lines):
        target = paid
    elif total == 0:
        target = Decimal("0.00")
    else:
        target = round_fraction_half_up(Fraction(paid) * assigned / total)
    increase = max(Decimal("0.00"), target - already)
    weights = [sum(value(lines[lid], q) for lid, q in alloc.items()) for _, alloc in new_sos]
    return allocate_largest_remainder(increase.quantize(Decimal("0.01")), weights, [code for code, _ in new_sos])


def assign_orders(params: AssignParams, uow: UnitOfWork, progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None) -> AssignResult:
    """Run Assign over the selected CSOs; commits unless `params.dry_run` (see the module's invariants).

    Takes the process lock (`uow.exclusive(PROCESS_LOCK)`) first, so that runs never overlap;
    raises ProcessBusyError when another run holds it for longer than LOCK_WAIT_SECONDS.
    """
    params.range.validate()
    with uow.exclusive(PROCESS_LOCK):
        session = uow.session
        today = params.today or dt.date.today()
        locations = _locations(session, params.stores)
        orders = _load_orders(session, params.range)
        items = select(CsoLine.item_id).where(CsoLine.cso_id.in_(selected_csos(params.range).with_only_columns(
            CorporateSaleOrder.id)))
        sources = _availability(session, params, locations, items) if orders else {}

        # allocation, in memory: (cso id, location code) -> {cso line id: qty}
        allocations: dict[int, dict[str, dict[int, int]]] = {}
        step = max(1, len(orders) // 200)
        for index, order in enumerate(orders):
            if index % step == 0:
                if cancelled is not None and cancelled():
                    raise Cancelled("Assign was cancelled; nothing was written.")
                if progress is not None:
                    progress(index, len(orders), f"Corporate sale order {order.number}")
            for line in order.lines:
                remaining = line.qty - line.assigned
                if remaining <= 0:
                    continue
                for source, qty in _take(sources.get(line.item_id, []), remaining):
                    by_store = allocations.setdefault(order.id, {}).setdefault(source.code, {})
                    by_store[line.id] = by_store.get(line.id, 0) + qty
                    line.assigned += qty
        if progress is not None:
            progress(len(orders), len(orders), "Writing sale orders")

        code_to_id = {c: i for i, c in locations.items()}
        number = next_number(session, SaleOrder.number, FIRST_SO_NUMBER)
        card_refs = _card_references(session, list(allocations))
        paid, already = _deposits(session, list(allocations))
        generated: list[GeneratedSaleOrder] = []
        so_rows: list[dict] = []
        line_rows: list[tuple[int, list[dict]]] = []
        for order in orders:
            if order.id not in allocations:
                continue
            lines = {ln.id: ln for ln in order.lines}
            new_sos = sorted(allocations[order.id].items())
            shares = _deposit_shares(order, Decimal(paid.get(order.id, 0)), Decimal(already.get(order.id, 0)),
                                     new_sos, lines)
            for (code, alloc), deposit in zip(new_sos, shares, strict=True):
                so_lines = [lines[lid] for lid in sorted(alloc, key=lambda i: lines[i].line_no)]
                generated.append(GeneratedSaleOrder(
                    number=number, store=code, corporate_order=order.number, date=today, note=AUTO_NOTE,
                    deposit=deposit,
                    lines=tuple(GeneratedLine(ln.sku, alloc[ln.id], ln.price, ln.discount, ln.line_no) for ln in so_lines),
                ))
                so_rows.append({
                    "number": number, "location_id": code_to_id[code], "date": today, "status": SoStatus.OPEN.value,
                    "cso_id": order.id, "billing_customer_id": order.billing_customer_id,
                    "shipping_customer_id": order.shipping_customer_id, "global_discount": order.global_discount,
                    "note": AUTO_NOTE, "card_payment_id": card_refs.get(order.id), "deposit": deposit,
                })
                line_rows.append((number, [
                    {"line_no": i, "item_id": ln.item_id, "qty": alloc[ln.id], "sold": 0, "price": ln.price,
                     "discount": ln.discount, "cso_line_id": ln.id}
                    for i, ln in enumerate(so_lines, start=1)
                ]))
                number += 1
        unassigned = tuple(
            Unassigned(order.number, ln.sku, ln.qty - ln.assigned, ln.line_no)
            for order in orders for ln in order.lines if ln.assigned < ln.qty
        )
        if params.dry_run:
            session.rollback()
            return AssignResult(tuple(generated), unassigned, dry_run=True)

        _write(session, so_rows, line_rows)
        numbers = {o.id: o.number for o in orders}
        changed = refresh_statuses(session, list(allocations))
        uow.commit()
        return AssignResult(tuple(generated), unassigned, statuses={numbers[i]: s for i, s in changed.items()})


def _card_references(session: Session, cso_ids: list[int]) -> dict[int, int]:
    """{CSO id: id of its first card payment} — the SO refers to it, never copies the number."""
    if not cso_ids:
        return {}
    rows = session.execute(
        select(Payment.cso_id, func.min(Payment.id))
        .where(Payment.cso_id.in_(cso_ids), Payment.kind == PaymentType.CARD.value)
        .group_by(Payment.cso_id)
    )
    return dict(rows.all())


WRITE_BATCH = 2_000
"""Rows per INSERT statement: big enough to be fast, small enough to let a GUI thread breathe."""


def _insert(session: Session, table, rows: list[dict]) -> None:
    for start in range(0, len(rows), WRITE_BATCH):
        session.execute(insert(table), rows[start : start + WRITE_BATCH])


def _write(session: Session, so_rows: list[dict], line_rows: list[tuple[int, list[dict]]]) -> None:
    """Insert the new SOs and their lines in bulk (a few statements, many rows each)."""
    if not so_rows:
        return
    _insert(session, SaleOrder.__table__, so_rows)
    first, last = so_rows[0]["number"], so_rows[-1]["number"]
    ids = {number: so_id for number, so_id in session.execute(
        select(SaleOrder.number, SaleOrder.id).where(SaleOrder.number.between(first, last)), execution_options=STREAM)}
    _insert(session, SaleOrderLine.__table__, [dict(row, so_id=ids[number]) for number, lines in line_rows for row in lines])


__all__ = [
    "AUTO_NOTE",
    "AssignParams",
    "AssignResult",
    "GeneratedLine",
    "GeneratedSaleOrder",
    "Unassigned",
    "assign_orders",
]
