"""Automatic Purchase Orders for Corporate Sale Orders (DOMAIN.md section 5).

`generate_purchase_orders(params, uow)` buys what the selected CSOs still need and nobody has
assigned or ordered yet. It reads as three steps, the rules themselves living in `supply`
(plain functions, no database):

1. compute: read the facts (selected CSO lines, their assigned and covered units) and compute
   each line's need, `max(0, qty - cancelled - assigned - covered)`; assigned counts SOs that are
   not cancelled, covered counts coverage on POs that are not cancelled;
2. compare: against what is already on order, lines of the same item on `open` or `partially
   received` POs in PO-number then line order, each offering `max(0, qty - received - coverage)`;
3. create: write the coverage of lines on order (one row per (PO line, CSO line) pair, raised if
   the pair exists), then one new PO per vendor (vendors in code order, numbers from 7001 up), one
   line per item (SKU order) at the item's cost, shipped to the receiving location, dated today,
   with the delivery and cancel dates, and one coverage row per CSO line. Items without a vendor
   are reported by SKU and skipped (not an error).

The run takes the process lock itself (`uow.exclusive(PROCESS_LOCK)`), so that two runs (two
workstations) never overlap: the second waits for the first and then works on what the first
left, and since a line is never covered beyond its need a second run over the same selection
creates nothing. One transaction: everything is committed together, or nothing (dry run,
cancel, error).

The large reads take plain driver tuples (no Row objects) and the large writes are driver-level
multi-row inserts: see benchmarks/README.md, "Purchase orders".
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import Executable, Select, Subquery, func, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeEngine

from xmart.errors import Cancelled, InputError
from xmart.models import (
    CorporateSaleOrder,
    CsoLine,
    Item,
    Location,
    PoCoverage,
    PoStatus,
    PurchaseOrder,
    PurchaseOrderLine,
    Vendor,
)
from xmart.models.db import UnitOfWork
from xmart.processes.fulfilment import assigned_by_line, covered_by_line
from xmart.processes.money import to_money
from xmart.processes.security import audit
from xmart.processes.security.permissions import require
from xmart.processes.selection import PROCESS_LOCK, CsoRange, next_number, selected_csos
from xmart.processes.settings import get_setting
from xmart.processes.store_management import refuse_in_store_mode
from xmart.processes.supply import (
    ItemSupply,
    LineNeed,
    OnOrderLine,
    Order,
    Take,
    cover_from_on_order,
    line_need,
    order_remainder,
    po_line_room,
)

FIRST_PO_NUMBER = 7001
OPEN_PO_STATUSES = (PoStatus.OPEN.value, PoStatus.PARTIALLY_RECEIVED.value)
"""POs whose lines can still cover CSO lines (merchandise on order)."""

Progress = Callable[[int, int, str], None]
_Key = TypeVar("_Key", bound=Hashable)


@dataclass(frozen=True)
class PurchaseOrderParams:
    """What a run of the Automatic Purchase Orders process works on."""

    range: CsoRange
    delivery: dt.date
    cancel: dt.date
    print_documents: bool = False
    dry_run: bool = False
    today: dt.date | None = None

    def validate(self) -> None:
        """Raise InputError unless the range is complete and the cancel date is not before delivery."""
        self.range.validate()
        if self.cancel < self.delivery:
            raise InputError(f"The cancel date ({self.cancel}) is before the delivery date ({self.delivery}).")


class Cover(NamedTuple):
    """Units of a PO line earmarked for one corporate sale order."""

    corporate_order: int
    qty: int


class NewPoLine(NamedTuple):
    """A line of a purchase order made by this run."""

    sku: str
    qty: int
    cost: Decimal
    covers: tuple[Cover, ...]


@dataclass(frozen=True)
class NewPurchaseOrder:
    """A purchase order made by this run."""

    number: int
    vendor: str
    location: str
    date: dt.date
    delivery: dt.date
    cancel: dt.date
    lines: tuple[NewPoLine, ...]


@dataclass(frozen=True)
class ExistingCover:
    """Units of a PO already on order newly earmarked for a corporate sale order."""

    corporate_order: int
    sku: str
    po: int
    qty: int


@dataclass(frozen=True)
class PurchaseOrderResult:
    """What a run made (or, in a dry run, would make)."""

    purchase_orders: tuple[NewPurchaseOrder, ...]
    covered_by_existing: tuple[ExistingCover, ...]
    skipped_no_vendor: tuple[str, ...]
    dry_run: bool = False

    @property
    def numbers(self) -> tuple[int, ...]:
        """Numbers of the purchase orders made."""
        return tuple(po.number for po in self.purchase_orders)

    def to_json(self) -> dict[str, Any]:
        """The `purchase-orders --json` document (INTERFACE.md)."""
        with _gc_paused():  # one dict per PO line and per cover: tens of thousands, no cycles
            return self._json()

    def _json(self) -> dict[str, Any]:
        return {
            "purchase_orders": [
                {
                    "number": po.number,
                    "vendor": po.vendor,
                    "delivery": po.delivery.isoformat(),
                    "cancel": po.cancel.isoformat(),
                    "lines": [
                        {
                            "sku": line.sku,
                            "qty": line.qty,
                            "cost": f"{line.cost:.2f}",
                            "covers": [{"corporate_order": c.corporate_order, "qty": c.qty} for c in line.covers],
                        }
                        for line in po.lines
                    ],
                }
                for po in self.purchase_orders
            ],
            "covered_by_existing": [
                {"corporate_order": c.corporate_order, "sku": c.sku, "po": c.po, "qty": c.qty}
                for c in self.covered_by_existing
            ],
            "skipped_no_vendor": list(self.skipped_no_vendor),
        }


@dataclass(frozen=True)
class CsoSelection:
    """The CSOs a run works on, as SQL: reads take them as subqueries, never as thousands of bound ids."""

    csos: Subquery
    """Ids and numbers of the selected CSOs (`selection.selected_csos`)."""
    line_ids: Select[int]
    item_ids: Select[int]

    @classmethod
    def of(cls, rng: CsoRange) -> CsoSelection:
        """The selection of the CSOs in `rng` that take part in the processes (DOMAIN.md section 2)."""
        csos = (
            selected_csos(rng)
            .with_only_columns(CorporateSaleOrder.id, CorporateSaleOrder.number)
            .order_by(None)
            .subquery()
        )
        lines = select(CsoLine.id).join(csos, csos.c.id == CsoLine.cso_id)
        items = select(CsoLine.item_id).join(csos, csos.c.id == CsoLine.cso_id).distinct()
        return cls(csos, lines, items)


@dataclass(frozen=True)
class _Items:
    """The selected items: what `supply` needs, their cost (driver value) and their vendors' ids by code."""

    supply: dict[int, ItemSupply]
    cost: dict[int, Any]
    vendor_ids: dict[str, int]


def generate_purchase_orders(
    params: PurchaseOrderParams,
    uow: UnitOfWork,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PurchaseOrderResult:
    """Cover the selected CSOs' needs from POs on order, then order the rest; commit once (DOMAIN.md section 5).

    Run inside an open `UnitOfWork(engine)`: the process takes PROCESS_LOCK itself (ProcessBusyError
    after waiting too long for another run). Raises InputError for invalid parameters or a missing
    receiving location. A dry run computes the same result and rolls back. `progress(done, total,
    text)` is called per CSO; `cancelled()` is checked per CSO and stops the run with Cancelled,
    nothing written. SignInRequired / PermissionDenied without `process.purchase_orders`, dry run
    included (DOMAIN.md section 9); a run that writes is audited with its counts.
    """
    params.validate()
    with uow.exclusive(PROCESS_LOCK), _gc_paused():
        require(uow, "process.purchase_orders")
        session = uow.session
        refuse_in_store_mode(session, "Purchase Orders")
        location = _receiving_location(session)
        selection = CsoSelection.of(params.range)
        needs = compute_needs(session, selection)
        try:
            takes, remainder = compare_with_on_order(session, selection, _per_cso(needs, progress, cancelled))
        except Cancelled:
            uow.rollback()
            raise
        result = create_orders(session, params, location, selection, takes, remainder)
        if params.dry_run:
            uow.rollback()
        else:
            audit.record(
                uow,
                "process.purchase_orders",
                detail=f"CSOs {params.range.describe()}: {len(result.purchase_orders)} purchase order(s) made "
                f"({audit.numbers_text(result.numbers)}), {len(result.covered_by_existing)} cover(s) on existing "
                f"orders, {len(result.skipped_no_vendor)} item(s) without a vendor",
            )
            uow.commit()
    return result


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a run: it makes ~10^6 short-lived tuples and no cycles,
    and collecting while they pile up costs about a quarter of the run's CPU time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# --- compute -----------------------------------------------------------------------------------------------


def compute_needs(session: Session, selection: CsoSelection) -> list[LineNeed]:
    """Compute step: every selected CSO line with its need in units (DOMAIN.md section 5).

    In CSO number, then line order; a need may be 0 (the line still counts for progress). Assigned
    units count SOs that are not cancelled, covered units POs that are not cancelled (`fulfilment`).
    """
    csos = selection.csos
    lines = _fetch(
        session,
        select(CsoLine.id, csos.c.number, CsoLine.item_id, CsoLine.qty, CsoLine.cancelled_qty)
        .join(csos, csos.c.id == CsoLine.cso_id)
        .order_by(csos.c.number, CsoLine.line_no),
    )
    assigned = {
        line_id: sum(a for a, _ in by_store.values())
        for line_id, by_store in assigned_by_line(session, selection.line_ids).items()
    }
    covered = covered_by_line(session, selection.line_ids)
    return [
        LineNeed(line_id, number, item_id, line_need(qty, cancelled, assigned.get(line_id, 0), covered.get(line_id, 0)))
        for line_id, number, item_id, qty, cancelled in lines
    ]


def _receiving_location(session: Session) -> Location:
    code = get_setting(session, "receiving_location")
    location = session.scalar(select(Location).where(Location.code == code))
    if location is None:
        raise InputError(
            f"The receiving location {code!r} does not exist: create it or change the receiving location setting."
        )
    return location


def _per_cso(
    needs: list[LineNeed], progress: Progress | None, cancelled: Callable[[], bool] | None
) -> Iterable[LineNeed]:
    """`needs` as they are consumed, checking `cancelled()` before and reporting progress after each CSO."""
    if progress is None and cancelled is None:
        return needs
    return _reporting(needs, progress, cancelled)


def _reporting(
    needs: list[LineNeed], progress: Progress | None, cancelled: Callable[[], bool] | None
) -> Iterator[LineNeed]:
    total = len({line.cso_number for line in needs})
    for done, (number, lines) in enumerate(groupby(needs, key=lambda line: line.cso_number), start=1):
        if cancelled is not None and cancelled():
            raise Cancelled("Purchase order generation was cancelled; nothing was written.")
        yield from lines
        if progress is not None:
            progress(done, total, f"Corporate sale order {number}")


# --- compare -----------------------------------------------------------------------------------------------


def compare_with_on_order(
    session: Session, selection: CsoSelection, needs: Iterable[LineNeed]
) -> tuple[tuple[Take, ...], tuple[LineNeed, ...]]:
    """Compare step: cover `needs` from what is already on order (DOMAIN.md section 5).

    `needs` in processing order, consumed once (see `compute_needs`). Reads the lines of the selected
    items on open / partially received POs; returns the units taken from them and the lines still
    needing units, both in `needs` order (`supply.cover_from_on_order`). Nothing is written here.
    """
    return cover_from_on_order(needs, _on_order(session, selection))


def _on_order(session: Session, selection: CsoSelection) -> dict[int, list[OnOrderLine]]:
    """Per item id: its lines on open / partially received POs with room left, PO number then line order."""
    coverage = (
        select(func.coalesce(func.sum(PoCoverage.qty), 0))
        .where(PoCoverage.po_line_id == PurchaseOrderLine.id)
        .scalar_subquery()
    )
    rows = _fetch(
        session,
        select(
            PurchaseOrderLine.id,
            PurchaseOrder.number,
            PurchaseOrderLine.item_id,
            PurchaseOrderLine.qty,
            PurchaseOrderLine.received,
            coverage,
        )
        .join(PurchaseOrder, PurchaseOrder.id == PurchaseOrderLine.po_id)
        .where(PurchaseOrder.status.in_(OPEN_PO_STATUSES), PurchaseOrderLine.item_id.in_(selection.item_ids))
        .order_by(PurchaseOrder.number, PurchaseOrderLine.line_no),
    )
    result: dict[int, list[OnOrderLine]] = {}
    for line_id, po_number, item_id, qty, received, covered in rows:
        room = po_line_room(qty, received, int(covered))
        if room:
            result.setdefault(item_id, []).append(OnOrderLine(line_id, po_number, item_id, room))
    return result


# --- create ------------------------------------------------------------------------------------------------


def create_orders(
    session: Session,
    params: PurchaseOrderParams,
    location: Location,
    selection: CsoSelection,
    takes: Sequence[Take],
    remainder: Sequence[LineNeed],
) -> PurchaseOrderResult:
    """Create step: record `takes` as coverage, order `remainder` from the vendors; the run's result.

    Writes, in the caller's transaction: coverage rows of lines on order (raised when the pair
    exists), one PO per vendor numbered from FIRST_PO_NUMBER up (or one above the highest), its
    lines at the items' costs, one coverage row per CSO line covered (DOMAIN.md section 5).
    Items without a vendor are reported in `skipped_no_vendor`. Does not commit.
    """
    items = _items(session, selection)
    orders, skipped = order_remainder(remainder, items.supply)
    costs = {item_id: to_money(str(items.cost[item_id])) for order in orders for item_id, *_ in order.lines}
    today = params.today or dt.date.today()
    coverage = _cover_on_order(session, selection, takes)
    numbers = _insert_orders(session, params, location, today, orders, items.vendor_ids)
    line_ids = _insert_order_lines(session, numbers, orders, costs)
    coverage += [
        (po_line_id, cover.line_id, cover.need)
        for po_line_id, line in zip(line_ids, (ln for o in orders for ln in o.lines), strict=True)
        for cover in line.covers
    ]
    _insert(session, PoCoverage.__tablename__, ("po_line_id", "cso_line_id", "qty"), coverage)
    made = tuple(
        NewPurchaseOrder(
            number, order.vendor, location.code, today, params.delivery, params.cancel, _new_lines(order, costs)
        )
        for number, order in zip(numbers, orders, strict=True)
    )
    return PurchaseOrderResult(made, _existing_covers(takes, items.supply), skipped, params.dry_run)


def _new_lines(order: Order, costs: dict[int, Decimal]) -> tuple[NewPoLine, ...]:
    return tuple(
        NewPoLine(line.sku, line.qty, costs[line.item_id], _covers_by_cso(line.covers)) for line in order.lines
    )


def _items(session: Session, selection: CsoSelection) -> _Items:
    rows = _fetch(
        session,
        select(Item.id, Item.sku, Item.cost, Vendor.id, Vendor.code)
        .outerjoin(Vendor, Vendor.id == Item.vendor_id)
        .where(Item.id.in_(selection.item_ids)),
    )
    return _Items(
        supply={item_id: ItemSupply(sku, code) for item_id, sku, _, _, code in rows},
        cost={item_id: cost for item_id, _, cost, _, _ in rows},
        vendor_ids={code: vendor_id for _, _, _, vendor_id, code in rows if code is not None},
    )


def _cover_on_order(session: Session, selection: CsoSelection, takes: Sequence[Take]) -> list[tuple[int, int, int]]:
    """Raise the coverage rows of (PO line, CSO line) pairs that exist; the new rows to insert."""
    if not takes:
        return []
    pairs = {(t.po_line_id, t.line_id): t.qty for t in takes}
    existing = _fetch(
        session,
        select(PoCoverage.id, PoCoverage.po_line_id, PoCoverage.cso_line_id, PoCoverage.qty).where(
            PoCoverage.cso_line_id.in_(selection.line_ids)
        ),
    )
    raised = [
        {"id": row_id, "qty": qty + pairs.pop((po_line_id, cso_line_id))}
        for row_id, po_line_id, cso_line_id, qty in existing
        if (po_line_id, cso_line_id) in pairs
    ]
    if raised:
        session.execute(update(PoCoverage), raised)
    return [(po_line_id, cso_line_id, qty) for (po_line_id, cso_line_id), qty in pairs.items()]


def _insert_orders(
    session: Session,
    params: PurchaseOrderParams,
    location: Location,
    today: dt.date,
    orders: Sequence[Order],
    vendor_ids: dict[str, int],
) -> list[int]:
    """Insert one PO per order; their numbers, in order."""
    if not orders:
        return []
    first = next_number(session, PurchaseOrder.number, FIRST_PO_NUMBER)
    numbers = list(range(first, first + len(orders)))
    note = f"Created automatically for corporate sale orders {params.range.describe()}."
    session.execute(
        insert(PurchaseOrder),
        [
            {
                "number": number,
                "vendor_id": vendor_ids[order.vendor],
                "location_id": location.id,
                "date": today,
                "delivery_date": params.delivery,
                "cancel_date": params.cancel,
                "status": PoStatus.OPEN.value,
                "note": note,
            }
            for number, order in zip(numbers, orders, strict=True)
        ],
    )
    return numbers


def _insert_order_lines(
    session: Session, numbers: list[int], orders: Sequence[Order], costs: dict[int, Decimal]
) -> list[int]:
    """Insert the lines of the POs just numbered `numbers`; their ids, PO then line order."""
    if not orders:
        return []
    po_ids: dict[int, int] = dict(
        _fetch(
            session,
            select(PurchaseOrder.number, PurchaseOrder.id).where(PurchaseOrder.number.between(numbers[0], numbers[-1])),
        )
    )
    cost = _driver_value(session, PurchaseOrderLine.__table__.c.cost.type)
    _insert(
        session,
        PurchaseOrderLine.__tablename__,
        ("po_id", "line_no", "item_id", "qty", "received", "cost"),
        [
            (po_ids[number], line_no, line.item_id, line.qty, 0, cost(costs[line.item_id]))
            for number, order in zip(numbers, orders, strict=True)
            for line_no, line in enumerate(order.lines, start=1)
        ],
    )
    return [
        line_id
        for (line_id,) in _fetch(
            session,
            select(PurchaseOrderLine.id)
            .join(PurchaseOrder, PurchaseOrder.id == PurchaseOrderLine.po_id)
            .where(PurchaseOrder.number.between(numbers[0], numbers[-1]))
            .order_by(PurchaseOrder.number, PurchaseOrderLine.line_no),
        )
    ]


def _covers_by_cso(covers: Sequence[LineNeed]) -> tuple[Cover, ...]:
    """Units per CSO number, in order of first appearance."""
    if len(covers) == 1:
        return (Cover(covers[0].cso_number, covers[0].need),)
    return tuple(Cover(number, qty) for number, qty in _summed((c.cso_number, c.need) for c in covers).items())


def _existing_covers(takes: Sequence[Take], items: dict[int, ItemSupply]) -> tuple[ExistingCover, ...]:
    """Units taken from POs on order per (CSO number, SKU, PO number), in order of first appearance."""
    summed = _summed(((t.cso_number, items[t.item_id].sku, t.po_number), t.qty) for t in takes)
    return tuple(ExistingCover(cso, sku, po, qty) for (cso, sku, po), qty in summed.items())


def _summed(pairs: Iterable[tuple[_Key, int]]) -> dict[_Key, int]:
    """Quantities summed per key, keys in order of first appearance."""
    totals: dict[_Key, int] = {}
    for key, qty in pairs:
        totals[key] = totals.get(key, 0) + qty
    return totals


# --- driver-level reads and writes -------------------------------------------------------------------------


def _fetch(session: Session, query: Executable) -> list[tuple[Any, ...]]:
    """Every row of `query` as the driver's plain tuples (no Row objects, no type conversion).

    Only for columns whose driver values are what the caller wants: ints and strings, or values
    converted by hand (a Numeric is a float on SQLite, a Decimal on PostgreSQL).
    """
    result = session.connection().execute(query)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


INSERT_BATCH = 500
"""Rows per multi-row INSERT statement (at most 6 columns: 3,000 parameters, well within SQLite's limit)."""


def _insert(session: Session, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """Insert `rows` (driver values, in `columns` order) with multi-row INSERT statements at the driver level."""
    connection = session.connection()
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    values = f"({', '.join([mark] * len(columns))})"
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    for start in range(0, len(rows), INSERT_BATCH):
        batch = rows[start : start + INSERT_BATCH]
        connection.exec_driver_sql(head + ", ".join([values] * len(batch)), tuple(v for row in batch for v in row))


def _driver_value(session: Session, type_: TypeEngine[Any]) -> Callable[[Any], Any]:
    """The conversion SQLAlchemy applies to a value of a column of `type_` before handing it to the driver."""
    dialect = session.connection().dialect
    processor = type_.dialect_impl(dialect).bind_processor(dialect)
    return processor if processor is not None else (lambda value: value)
