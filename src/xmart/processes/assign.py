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
  card reference (never a copy of the number), its total and its deposit share: after the run the
  totals of a CSO's SOs add up to A = round(S × C / T) (exactly S once fully assigned) and their
  deposits to round(P × A' / S) (exactly P once fully assigned); each increase is split among the
  new SOs by largest remainder (totals by exact value, deposits by total; ties: lowest location
  code), so no deposit exceeds its SO's total;
- one transaction under the process lock: every SO or none; a dry run writes nothing.

The rules themselves (which locations supply a line, the totals and deposit splits) are the pure functions of
`allocation.py`; this module reads the facts in a few set-based Core queries of plain tuples,
calls them CSO by CSO (reporting progress, honouring cancel), and writes the result in bulk.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple, cast

from sqlalchemy import Row, Select, Table, bindparam, func, select, update
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
from xmart.models.status import CSO_TRANSITIONS, check_transition
from xmart.processes.allocation import ShareBasis, SoShare, Source, fill_line, so_shares
from xmart.processes.availability import pending_units
from xmart.processes.cso_status import derived_status, refresh_statuses
from xmart.processes.fulfilment import assigned_by_line
from xmart.processes.money import ZERO, order_totals, scaled_line_value
from xmart.processes.security import audit
from xmart.processes.security.permissions import require
from xmart.processes.selection import PROCESS_LOCK, CsoRange, next_number, selected_csos
from xmart.processes.store_management import refuse_in_store_mode

AUTO_NOTE = "Special Order created automatically from Corporate Sale Order"
FIRST_SO_NUMBER = 5001
DEFAULT_EXCLUDE_BEFORE = dt.date(1969, 12, 31)
STREAM = {"yield_per": 2_000}
"""Big results are fetched in slices: row building in C never holds the GIL long (a GUI stays live)."""


def _rows(session: Session, query: Select[*tuple[Any, ...]]) -> Iterator[Row[*tuple[Any, ...]]]:
    """The rows of a Core query (plain tuples, no ORM objects), fetched a slice of STREAM's size at a time."""
    for part in session.connection().execute(query, execution_options=STREAM).partitions():
        yield from part


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
    total: Decimal
    """Its share of the CSO total (DOMAIN.md section 4, Totals); `deposit` never exceeds it."""


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

    def to_json(self) -> dict[str, Any]:
        """The `assign --json` document (INTERFACE.md)."""
        with _collector_paused():
            return self._document()

    def _document(self) -> dict[str, Any]:
        return {
            "sale_orders": [
                {
                    "number": so.number,
                    "store": so.store,
                    "corporate_order": so.corporate_order,
                    "date": so.date.isoformat(),
                    "note": so.note,
                    "total": _money_text(so.total),
                    "deposit": _money_text(so.deposit),
                    "lines": [
                        {
                            "sku": ln.sku,
                            "qty": ln.qty,
                            "price": _money_text(ln.price),
                            "discount": _money_text(ln.discount),
                        }
                        for ln in so.lines
                    ],
                }
                for so in self.sale_orders
            ],
            "unassigned": [{"corporate_order": u.corporate_order, "sku": u.sku, "qty": u.qty} for u in self.unassigned],
        }


@lru_cache(maxsize=16_384)
def _money_text(value: Decimal) -> str:
    """A money or percent value with 2 decimals, as INTERFACE.md prints it (cached: prices repeat)."""
    return f"{value:.2f}"


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a run, then restore it as it was.

    A run makes a few hundred thousand small objects, none in a cycle (reference counting frees
    them); without the pause, repeated full collections walk them all and cost as much as the
    run itself. The GUI's task runner pauses the collector for the same reason (ui/tasks.py).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(slots=True)
class _Line:
    """A CSO line taking part in the run; `assigned` rises as the run allocates."""

    id: int
    cso_id: int
    line_no: int
    item_id: int
    sku: str
    qty: int
    price: Decimal
    discount: Decimal
    assigned: int = 0


@dataclass(slots=True)
class _Order:
    """A selected CSO with its lines by line number."""

    id: int
    number: int
    global_discount: Decimal
    shipping_cost: Decimal
    billing_customer_id: int | None
    shipping_customer_id: int | None
    status: str
    lines: list[_Line] = field(default_factory=list)
    sold: int = 0
    """Units already sold on its SOs that are not cancelled (for its status)."""


Allocations = dict[int, dict[str, dict[int, int]]]
"""{CSO id: {location code: {CSO line id: units}}}: what the run assigns."""


def _locations(session: Session, codes: tuple[str, ...]) -> dict[int, str]:
    """{location id: code} of the selected locations; InputError for unknown codes or none at all."""
    if codes:
        rows = {c: i for c, i in session.execute(select(Location.code, Location.id).where(Location.code.in_(codes)))}
        unknown = sorted(set(codes) - set(rows))
        if unknown:
            raise InputError(f"Unknown location code: {', '.join(unknown)}.")
        return {i: c for c, i in rows.items()}
    found = {i: c for i, c in session.execute(select(Location.id, Location.code).where(Location.active.is_(True)))}
    if not found:
        raise InputError("There is no active location to assign from.")
    return found


def _selected_ids(rng: CsoRange) -> Select[int]:
    """SELECT of the ids of the CSOs in `rng` that take part (one subquery, never bound ids)."""
    return selected_csos(rng).with_only_columns(CorporateSaleOrder.id)


def _load_orders(session: Session, rng: CsoRange) -> list[_Order]:
    """The selected CSOs by ascending number, their lines by line number, with what is already assigned.

    Two Core reads of plain tuples (no ORM objects), streamed in slices.
    """
    header = selected_csos(rng).with_only_columns(
        CorporateSaleOrder.id,
        CorporateSaleOrder.number,
        CorporateSaleOrder.global_discount,
        CorporateSaleOrder.shipping_cost,
        CorporateSaleOrder.billing_customer_id,
        CorporateSaleOrder.shipping_customer_id,
        CorporateSaleOrder.status,
    )
    orders = {row[0]: _Order(*row) for row in _rows(session, header)}
    if not orders:
        return []
    line_ids = select(CsoLine.id).where(CsoLine.cso_id.in_(_selected_ids(rng)))
    assigned = assigned_by_line(session, line_ids)
    rows = _rows(
        session,
        select(
            CsoLine.id,
            CsoLine.cso_id,
            CsoLine.line_no,
            CsoLine.item_id,
            Item.sku,
            CsoLine.qty - CsoLine.cancelled_qty,
            CsoLine.price,
            CsoLine.discount,
        )
        .join(Item, Item.id == CsoLine.item_id)
        .where(CsoLine.cso_id.in_(_selected_ids(rng)))
        .order_by(CsoLine.cso_id, CsoLine.line_no),
    )
    for row in rows:
        line = _Line(*row)
        order = orders[line.cso_id]
        if line.id in assigned:
            line.assigned = sum(units for units, _ in assigned[line.id].values())
            order.sold += sum(sold for _, sold in assigned[line.id].values())
        order.lines.append(line)
    return list(orders.values())


def _pending(
    session: Session, params: AssignParams, locations: dict[int, str], item_ids: Select[int]
) -> dict[tuple[int, int], int]:
    """{(location id, item id): units not yet sold on open SO lines dated on or after `exclude_before`}.

    Empty with `consider_pending` off. A small grouped read, kept apart from the big stock read
    (joined to it, it made SQLite's plan several times slower).
    """
    if not params.consider_pending:
        return {}
    rows = _rows(
        session,
        pending_units(params.exclude_before).where(
            SaleOrder.location_id.in_(list(locations)), SaleOrderLine.item_id.in_(item_ids)
        ),
    )
    return {(location_id, item_id): int(units) for location_id, item_id, units in rows}


def _availability(session: Session, params: AssignParams, locations: dict[int, str]) -> dict[int, tuple[Source, ...]]:
    """{item id: its sources at the selected locations with something available}, at the start of the run.

    Available = on hand less pending, only where above 0. One Core read of plain integer tuples
    (stock of the items the selected CSOs order) and one of pending units. Locations are filtered
    here, not in SQL: an IN list of locations makes SQLite walk the stock by location, 3x slower.
    """
    item_ids = select(CsoLine.item_id).where(CsoLine.cso_id.in_(_selected_ids(params.range)))
    pending = _pending(session, params, locations, item_ids)
    rows = _rows(
        session,
        select(Stock.location_id, Stock.item_id, Stock.on_hand, Stock.minimum).where(
            Stock.item_id.in_(item_ids), Stock.on_hand > 0
        ),
    )
    sources: dict[int, list[Source]] = defaultdict(list)
    for location_id, item_id, on_hand, minimum in rows:
        code = locations.get(location_id)
        units = on_hand - pending.get((location_id, item_id), 0) if pending else on_hand
        if code is not None and units > 0:
            sources[item_id].append(Source(code, units, minimum))
    return {item_id: tuple(found) for item_id, found in sources.items()}


def _allocate(
    orders: list[_Order],
    stock: dict[int, tuple[Source, ...]],
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> Allocations:
    """Run the overstock rule over every line in order (allocation.fill_line), lowering `stock` as it goes.

    Checks `cancelled` and reports progress every 0.5% of the CSOs; raises Cancelled.
    """
    allocations: Allocations = {}
    step = max(1, len(orders) // 200)
    for index, order in enumerate(orders):
        if index % step == 0:
            if cancelled is not None and cancelled():
                raise Cancelled("Assign was cancelled; nothing was written.")
            if progress is not None:
                progress(index, len(orders), f"Corporate sale order {order.number}")
        for line in order.lines:
            remaining = line.qty - line.assigned
            if remaining <= 0 or line.item_id not in stock:
                continue
            takes, stock[line.item_id] = fill_line(stock[line.item_id], remaining)
            for code, qty in takes:
                by_line = allocations.setdefault(order.id, {}).setdefault(code, {})
                by_line[line.id] = by_line.get(line.id, 0) + qty
                line.assigned += qty
    return allocations


def _sums_by_cso(session: Session, query: Select[Any, Any]) -> dict[int, Decimal]:
    """{CSO id: amount} from a SELECT of (CSO id, sum) rows."""
    return {cso_id: Decimal(amount) for cso_id, amount in session.execute(query) if cso_id is not None}


class _Earlier(NamedTuple):
    """What a CSO's SOs that are not cancelled already carry, before this run."""

    totals: Decimal
    deposits: Decimal


def _paid_and_earlier(session: Session, cso_ids: list[int]) -> tuple[dict[int, Decimal], dict[int, _Earlier]]:
    """({CSO id: deposit paid}, {CSO id: totals and deposits already on its SOs that are not cancelled})."""
    paid: dict[int, Decimal] = {}
    earlier: dict[int, _Earlier] = {}
    for start in range(0, len(cso_ids), 500):
        chunk = cso_ids[start : start + 500]
        paid.update(
            _sums_by_cso(
                session,
                select(Payment.cso_id, func.sum(Payment.amount))
                .where(Payment.cso_id.in_(chunk))
                .group_by(Payment.cso_id),
            )
        )
        earlier.update(
            (cso_id, _Earlier(Decimal(totals), Decimal(deposits)))
            for cso_id, totals, deposits in session.execute(
                select(SaleOrder.cso_id, func.sum(SaleOrder.total), func.sum(SaleOrder.deposit))
                .where(SaleOrder.cso_id.in_(chunk), SaleOrder.status != SoStatus.CANCELLED.value)
                .group_by(SaleOrder.cso_id)
            )
            if cso_id is not None
        )
    return paid, earlier


_NOTHING_EARLIER = _Earlier(ZERO, ZERO)


def _shares(
    order: _Order, paid: Decimal, earlier: _Earlier, new_sos: list[tuple[str, dict[int, int]]]
) -> list[SoShare]:
    """Total and deposit of each new SO of `order`, in the order of `new_sos` (allocation.so_shares)."""
    unit = {ln.id: scaled_line_value(1, ln.price, ln.discount, order.global_discount) for ln in order.lines}
    lines = ((ln.qty, ln.price, ln.discount) for ln in order.lines)
    basis = ShareBasis(
        total=order_totals(lines, order.global_discount, order.shipping_cost).total,
        paid=paid,
        total_value=sum(unit[ln.id] * ln.qty for ln in order.lines),
        assigned_value=sum(unit[ln.id] * ln.assigned for ln in order.lines),
        fully_assigned=all(ln.assigned >= ln.qty for ln in order.lines),
        totals_before=earlier.totals,
        deposits_before=earlier.deposits,
    )
    weights = [sum(unit[lid] * qty for lid, qty in alloc.items()) for _, alloc in new_sos]
    return so_shares(basis, weights, [code for code, _ in new_sos])


def _card_references(session: Session, cso_ids: list[int]) -> dict[int, int]:
    """{CSO id: id of its first card payment} — the SO refers to it, never copies the number."""
    found: dict[int, int] = {}
    for start in range(0, len(cso_ids), 500):
        found.update(
            (i, p)
            for i, p in session.execute(
                select(Payment.cso_id, func.min(Payment.id))
                .where(Payment.cso_id.in_(cso_ids[start : start + 500]), Payment.kind == PaymentType.CARD.value)
                .group_by(Payment.cso_id)
            )
        )
    return found


_SO_COLUMNS = (
    "number",
    "location_id",
    "date",
    "status",
    "cso_id",
    "billing_customer_id",
    "shipping_customer_id",
    "global_discount",
    "note",
    "card_payment_id",
    "deposit",
    "total",
)
_LINE_COLUMNS = ("so_id", "line_no", "item_id", "qty", "sold", "price", "discount", "cso_line_id")


@dataclass
class _Plan:
    """What the run writes (rows in _SO_COLUMNS / _LINE_COLUMNS order, lines keyed by SO number) and returns."""

    generated: list[GeneratedSaleOrder] = field(default_factory=list)
    so_rows: list[tuple[object, ...]] = field(default_factory=list)
    line_rows: list[tuple[int, list[tuple[object, ...]]]] = field(default_factory=list)


def _plan(
    session: Session, orders: list[_Order], allocations: Allocations, locations: dict[int, str], today: dt.date
) -> _Plan:
    """The new SOs, numbered from the next free number, CSO by CSO and by location code within a CSO."""
    code_to_id = {c: i for i, c in locations.items()}
    number = next_number(session, SaleOrder.number, FIRST_SO_NUMBER)
    card_refs = _card_references(session, list(allocations))
    paid, earlier = _paid_and_earlier(session, list(allocations))
    plan = _Plan()
    open_status = SoStatus.OPEN.value
    for order in orders:
        if order.id not in allocations:
            continue
        lines = {ln.id: ln for ln in order.lines}
        new_sos = sorted(allocations[order.id].items())
        shares = _shares(order, paid.get(order.id, ZERO), earlier.get(order.id, _NOTHING_EARLIER), new_sos)
        for (code, alloc), (total, deposit) in zip(new_sos, shares, strict=True):
            so_lines = sorted((lines[lid] for lid in alloc), key=_line_no)
            plan.generated.append(
                GeneratedSaleOrder(
                    number=number,
                    store=code,
                    corporate_order=order.number,
                    date=today,
                    note=AUTO_NOTE,
                    deposit=deposit,
                    lines=tuple(
                        GeneratedLine(ln.sku, alloc[ln.id], ln.price, ln.discount, ln.line_no) for ln in so_lines
                    ),
                    total=total,
                )
            )
            plan.so_rows.append(
                (
                    number,
                    code_to_id[code],
                    today,
                    open_status,
                    order.id,
                    order.billing_customer_id,
                    order.shipping_customer_id,
                    order.global_discount,
                    AUTO_NOTE,
                    card_refs.get(order.id),
                    deposit,
                    total,
                )
            )
            plan.line_rows.append(
                (
                    number,
                    [
                        (i, ln.item_id, alloc[ln.id], 0, ln.price, ln.discount, ln.id)
                        for i, ln in enumerate(so_lines, start=1)
                    ],
                )
            )
            number += 1
    return plan


def _line_no(line: _Line) -> int:
    return line.line_no


def assign_orders(
    params: AssignParams, uow: UnitOfWork, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
) -> AssignResult:
    """Run Assign over the selected CSOs; commits unless `params.dry_run` (see the module's invariants).

    `progress(done, total, text)` is called every 0.5% of the CSOs and `cancelled()` checked as
    often (Cancelled is raised, nothing written). Takes the process lock (`uow.exclusive(PROCESS_LOCK)`)
    first, so that runs never overlap; raises ProcessBusyError when another run holds it for longer
    than LOCK_WAIT_SECONDS, InputError for an invalid range or unknown location codes, SignInRequired /
    PermissionDenied without `process.assign`, dry run included (DOMAIN.md section 9). A run that
    writes is audited (`process.assign`, with the range and counts) in its own transaction.
    """
    params.range.validate()
    with uow.exclusive(PROCESS_LOCK), _collector_paused():
        require(uow, "process.assign")
        return _run(params, uow, progress, cancelled)  # the run's working data is freed before the collector resumes


def _run(
    params: AssignParams, uow: UnitOfWork, progress: Progress | None, cancelled: Callable[[], bool] | None
) -> AssignResult:
    """The body of `assign_orders`, under the process lock: read, allocate, plan, write, commit."""
    session = uow.session
    refuse_in_store_mode(session, "Assign")
    _prefer_custom_plans(session)
    locations = _locations(session, params.stores)
    orders = _load_orders(session, params.range)
    stock = _availability(session, params, locations) if orders else {}
    allocations = _allocate(orders, stock, progress, cancelled)
    if progress is not None:
        progress(len(orders), len(orders), "Writing sale orders")
    plan = _plan(session, orders, allocations, locations, params.today or dt.date.today())
    unassigned = tuple(
        Unassigned(order.number, ln.sku, ln.qty - ln.assigned, ln.line_no)
        for order in orders
        for ln in order.lines
        if ln.assigned < ln.qty
    )
    if params.dry_run:
        session.rollback()
        return AssignResult(tuple(plan.generated), unassigned, dry_run=True)
    _write(session, plan)
    changed = _update_statuses(session, orders, allocations)
    audit.record(
        uow,
        "process.assign",
        detail=f"CSOs {params.range.describe()}: {len(plan.generated)} sale order(s) generated, "
        f"{sum(u.qty for u in unassigned)} unit(s) left unassigned",
    )
    uow.commit()
    numbers = {o.id: o.number for o in orders}
    return AssignResult(tuple(plan.generated), unassigned, statuses={numbers[i]: s for i, s in changed.items()})


def _new_statuses(orders: list[_Order], allocations: Allocations) -> dict[int, tuple[str, str]]:
    """{CSO id: (status read, new status)} of the CSOs this run assigned to whose status changes.

    The same rule as cso_status.refresh_statuses, from the figures the run already holds: ordered =
    its lines' qty less cancelled, assigned = what earlier SOs (not cancelled) and this run put on SOs,
    sold = what was sold on those earlier SOs (this run's are unsold). Every selected CSO is open or
    partially assigned, statuses derived from those figures.
    """
    changed: dict[int, tuple[str, str]] = {}
    for order in orders:
        if order.id not in allocations:
            continue
        ordered = sum(ln.qty for ln in order.lines)
        new = derived_status(ordered, sum(ln.assigned for ln in order.lines), order.sold)
        if new != order.status:
            check_transition(CSO_TRANSITIONS, order.status, new, "corporate sale order")
            changed[order.id] = (order.status, new.value)
    return changed


def _update_statuses(session: Session, orders: list[_Order], allocations: Allocations) -> dict[int, str]:
    """Set the new status of the CSOs this run assigned to; returns {CSO id: new status} of those that changed.

    One executemany of `UPDATE ... WHERE id = ? AND status = <status read>`: should any of them have
    changed status since it was read (another workstation put it on hold), fewer rows match, and the
    statuses are then derived again from the database (cso_status.refresh_statuses), as before.
    """
    changed = _new_statuses(orders, allocations)
    if not changed:
        return {}
    table = cast(Table, CorporateSaleOrder.__table__)
    statement = (
        update(table)
        .where(table.c.id == bindparam("cso_id"), table.c.status == bindparam("old_status"))
        .values(status=bindparam("new_status"))
    )
    params = [{"cso_id": i, "old_status": old, "new_status": new} for i, (old, new) in changed.items()]
    updated = session.connection().execute(statement, params).rowcount
    if updated == len(changed):
        return {i: new for i, (_, new) in changed.items()}
    result = refresh_statuses(session, list(allocations))
    ids = list(changed)
    for start in range(0, len(ids), 500):
        now = session.execute(select(table.c.id, table.c.status).where(table.c.id.in_(ids[start : start + 500])))
        result.update((i, status) for i, status in now if status == changed[i][1])
    return result


def _on_postgres(session: Session) -> bool:
    return session.connection().dialect.name == "postgresql"


def _prefer_custom_plans(session: Session) -> None:
    """On PostgreSQL, plan every statement of this transaction for its own parameters.

    The run repeats chunked queries (IN lists of 500 ids): after 5 runs of one statement psycopg
    prepares it, and the server then switched to a generic plan, 40x slower here.
    """
    if _on_postgres(session):
        session.connection().exec_driver_sql("SET LOCAL plan_cache_mode = force_custom_plan")


WRITE_BATCH = 2_000
"""Rows per executemany call: big enough to be fast, small enough to let a GUI thread breathe."""
ANALYZE_AFTER = 1_000
"""On PostgreSQL, a run writing at least this many SOs refreshes the planner's statistics (see `_write`)."""


def _insert(session: Session, table: Table, columns: tuple[str, ...], rows: list[tuple[object, ...]]) -> None:
    """Insert plain tuples (values in `columns` order) at the driver level.

    PostgreSQL: one COPY (psycopg), several times faster than any INSERT there. SQLite: executemany
    in batches of WRITE_BATCH, values first put through the columns' own bind conversions (as
    SQLAlchemy would), so what is stored is the same as with an ORM or Core insert.
    """
    conn = session.connection()
    if _on_postgres(session):
        _copy(conn.connection.driver_connection, table.name, columns, rows)
        return
    dialect = conn.dialect
    convert = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in columns]
    if any(convert):  # column by column: map() and zip() run in C
        by_column = zip(convert, zip(*rows, strict=True), strict=True)
        converted = [values if c is None else tuple(map(c, values)) for c, values in by_column]
        rows = list(zip(*converted, strict=True))
    marker = "?" if dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join([marker] * len(columns))})"
    for start in range(0, len(rows), WRITE_BATCH):
        conn.exec_driver_sql(sql, rows[start : start + WRITE_BATCH])


def _copy(driver_connection: Any, table: str, columns: tuple[str, ...], rows: list[tuple[object, ...]]) -> None:
    """COPY rows into `table` through a psycopg connection (it adapts Decimal, date and None itself)."""
    with driver_connection.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _write(session: Session, plan: _Plan) -> None:
    """Insert the new SOs, read back their ids by number, then insert their lines."""
    if not plan.so_rows:
        return
    _insert(session, cast(Table, SaleOrder.__table__), _SO_COLUMNS, plan.so_rows)
    first, last = plan.so_rows[0][0], plan.so_rows[-1][0]
    ids = {
        number: so_id
        for number, so_id in _rows(
            session, select(SaleOrder.number, SaleOrder.id).where(SaleOrder.number.between(first, last))
        )
    }
    _insert(
        session,
        cast(Table, SaleOrderLine.__table__),
        _LINE_COLUMNS,
        [(ids[number], *row) for number, rows in plan.line_rows for row in rows],
    )
    if _on_postgres(session) and len(plan.so_rows) >= ANALYZE_AFTER:
        # the status queries that follow join these tables: planned on stale statistics (a table
        # many times smaller), they took seconds per chunk; ANALYZE sees this transaction's rows
        session.connection().exec_driver_sql("ANALYZE sale_orders, sale_order_lines")


__all__ = [
    "AUTO_NOTE",
    "AssignParams",
    "AssignResult",
    "GeneratedLine",
    "GeneratedSaleOrder",
    "Unassigned",
    "assign_orders",
]
