"""Automatic Purchase Orders for Corporate Sale Orders (DOMAIN.md section 5).

`generate_purchase_orders(params, uow)` buys what the selected CSOs still need and nobody has
assigned or ordered yet. The run takes the process lock itself
(`uow.exclusive(PROCESS_LOCK)`), so that two runs (two workstations) never overlap:
the second waits for the first and then works on what the first left.

Invariants:
- `need(line) = max(0, qty - cancelled - assigned - covered)`; assigned counts SOs that are not cancelled,
  covered counts coverage on POs that are not cancelled.
- Merchandise already on order is used first: PO lines of the same item on `open` or
  `partially received` POs, in PO-number then line order, each offering
  `max(0, qty - received - coverage already on that line)`; the coverage is recorded (one row
  per (PO line, CSO line) pair, raised if the pair already exists).
- What is still needed becomes new PO lines: one PO per vendor per run (vendors in code order,
  numbers from 7001 up), one line per item (SKU order) whose quantity is the sum of the needs it
  covers, at the item's cost, shipped to the receiving location, dated today, with the delivery
  and cancel dates; one coverage row per CSO line.
- Coverage of a PO line never exceeds its quantity; a CSO line is never covered beyond its need,
  so a second run over the same selection creates nothing, and assigning afterwards never makes
  the process order the same units twice.
- Items without a vendor are reported by SKU and skipped (not an error).
- One transaction: everything is committed together, or nothing (dry run, cancel, error).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

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
from xmart.processes.selection import PROCESS_LOCK, CsoRange, next_number, selected_csos
from xmart.processes.settings import get_setting

FIRST_PO_NUMBER = 7001
OPEN_PO_STATUSES = (PoStatus.OPEN.value, PoStatus.PARTIALLY_RECEIVED.value)
"""POs whose lines can still cover CSO lines (merchandise on order)."""

Progress = Callable[[int, int, str], None]


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


@dataclass(frozen=True)
class Cover:
    """Units of a PO line earmarked for one corporate sale order."""

    corporate_order: int
    qty: int


@dataclass(frozen=True)
class NewPoLine:
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

    def to_json(self) -> dict:
        """The `purchase-orders --json` document (INTERFACE.md)."""
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


@dataclass
class _OpenPoLine:
    """A PO line already on order, with the units it can still cover in this run."""

    id: int
    po_number: int
    free: int


@dataclass(frozen=True)
class _CsoLineRow:
    id: int
    cso_number: int
    item_id: int
    qty: int


@dataclass(frozen=True)
class _ItemRow:
    sku: str
    cost: Decimal
    vendor_id: int | None


def _receiving_location(session: Session) -> Location:
    code = get_setting(session, "receiving_location")
    location = session.scalar(select(Location).where(Location.code == code))
    if location is None:
        raise InputError(
            f"The receiving location {code!r} does not exist: create it or change the receiving location setting."
        )
    return location


def _selected_lines(session: Session, rng: CsoRange):
    """The selected CSOs' lines (by CSO number, then line number) and SELECTs of their ids and item ids."""
    chosen = (selected_csos(rng).with_only_columns(CorporateSaleOrder.id, CorporateSaleOrder.number)
              .order_by(None).subquery())
    rows = session.execute(
        select(CsoLine.id, chosen.c.number, CsoLine.item_id, CsoLine.qty - CsoLine.cancelled_qty)
        .join(chosen, chosen.c.id == CsoLine.cso_id)
        .order_by(chosen.c.number, CsoLine.line_no)
    )
    lines = [_CsoLineRow(*row) for row in rows]
    line_ids = select(CsoLine.id).join(chosen, chosen.c.id == CsoLine.cso_id)
    item_ids = select(CsoLine.item_id).join(chosen, chosen.c.id == CsoLine.cso_id).distinct()
    return lines, line_ids, item_ids


def _open_po_lines(session: Session, item_ids) -> dict[int, list[_OpenPoLine]]:
    """Per item: lines of open / partially received POs with units not yet received nor covered."""
    on_open_po = (PurchaseOrder.status.in_(OPEN_PO_STATUSES), PurchaseOrderLine.item_id.in_(item_ids))
    covered = dict(session.execute(
        select(PoCoverage.po_line_id, func.sum(PoCoverage.qty))
        .join(PurchaseOrderLine, PurchaseOrderLine.id == PoCoverage.po_line_id)
        .join(PurchaseOrder, PurchaseOrder.id == PurchaseOrderLine.po_id)
        .where(*on_open_po)
        .group_by(PoCoverage.po_line_id)
    ).all())
    result: dict[int, list[_OpenPoLine]] = defaultdict(list)
    rows = session.execute(
        select(PurchaseOrderLine.id, PurchaseOrderLine.item_id, PurchaseOrderLine.qty, PurchaseOrderLine.received,
               PurchaseOrder.number)
        .join(PurchaseOrder, PurchaseOrder.id == PurchaseOrderLine.po_id)
        .where(*on_open_po)
        .order_by(PurchaseOrder.number, PurchaseOrderLine.line_no)
    )
    for line_id, item_id, qty, received, po_number in rows:
        free = qty - received - int(covered.get(line_id, 0))
        if free > 0:
            result[item_id].append(_OpenPoLine(line_id, po_number, free))
    return result


def generate_purchase_orders(
    params: PurchaseOrderParams,
    uow: UnitOfWork,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PurchaseOrderResult:
    """Cover the selected CSOs' needs from POs on order, then order the rest; commit once (see module doc).

    Run inside `UnitOfWork(engine)`. A dry run computes the same result
    and rolls back. `progress(done, total, text)` is called per CSO; `cancelled()` is checked per
    CSO and stops the run with Cancelled, nothing written.
    """
    params.validate()
    with uow.exclusive(PROCESS_LOCK):
        session = uow.session
        location = _receiving_location(session)
        today = params.today or dt.date.today()

        lines, line_ids, item_ids = _selected_lines(session, params.range)
        assigned = assigned_by_line(session, line_ids)
        covered = covered_by_line(session, line_ids)
        items = {
            row.id: _ItemRow(row.sku, to_money(row.cost), row.vendor_id)
            for row in session.execute(select(Item.id, Item.sku, Item.cost, Item.vendor_id).where(Item.id.in_(item_ids)))
        }
        on_order = _open_po_lines(session, item_ids)
        pairs = {  # existing coverage of open PO lines for the selected CSO lines: (po line, cso line) -> (row id, qty)
            (po_line_id, cso_line_id): [row_id, qty]
            for row_id, po_line_id, cso_line_id, qty in session.execute(
                select(PoCoverage.id, PoCoverage.po_line_id, PoCoverage.cso_line_id, PoCoverage.qty)
                .join(PurchaseOrderLine, PurchaseOrderLine.id == PoCoverage.po_line_id)
                .join(PurchaseOrder, PurchaseOrder.id == PurchaseOrderLine.po_id)
                .where(PurchaseOrder.status.in_(OPEN_PO_STATUSES), PurchaseOrderLine.item_id.in_(item_ids))
            )
        }

        existing_covers: dict[tuple[int, str, int], int] = {}  # (cso number, sku, po number) -> qty, in order
        new_coverage: list[dict] = []
        changed_pairs: set[tuple[int, int]] = set()
        to_order: dict[int, dict[int, list[tuple[int, int, int]]]] = defaultdict(lambda: defaultdict(list))
        skipped: set[str] = set()

        cso_numbers = list(dict.fromkeys(line.cso_number for line in lines))
        by_cso: dict[int, list[_CsoLineRow]] = defaultdict(list)
        for line in lines:
            by_cso[line.cso_number].append(line)
        for done, number in enumerate(cso_numbers):
            if cancelled is not None and cancelled():
                uow.rollback()
                raise Cancelled("Purchase order generation was cancelled; nothing was written.")
            for line in by_cso[number]:
                already = sum(a for a, _ in assigned.get(line.id, {}).values()) + covered.get(line.id, 0)
                need = max(0, line.qty - already)
                item = items[line.item_id]
                for po_line in on_order.get(line.item_id, ()):
                    if need == 0:
                        break
                    take = min(need, po_line.free)
                    if take == 0:
                        continue
                    po_line.free -= take
                    need -= take
                    key = (po_line.id, line.id)
                    if key in pairs:
                        pairs[key][1] += take
                        changed_pairs.add(key)
                    else:
                        new_coverage.append({"po_line_id": po_line.id, "cso_line_id": line.id, "qty": take})
                    cover_key = (line.cso_number, item.sku, po_line.po_number)
                    existing_covers[cover_key] = existing_covers.get(cover_key, 0) + take
                if need == 0:
                    continue
                if item.vendor_id is None:
                    skipped.add(item.sku)
                    continue
                to_order[item.vendor_id][line.item_id].append((line.id, line.cso_number, need))
            if progress is not None:
                progress(done + 1, len(cso_numbers), f"Corporate sale order {number}")

        # coverage from POs already on order: raise existing pairs, insert new ones below
        if changed_pairs:
            session.execute(update(PoCoverage),
                            [{"id": pairs[key][0], "qty": pairs[key][1]} for key in sorted(changed_pairs)])

        # new purchase orders: one per vendor, one line per item
        vendor_codes = dict(session.execute(select(Vendor.id, Vendor.code).where(Vendor.id.in_(list(to_order)))).all())
        vendors = sorted(to_order, key=lambda vendor_id: vendor_codes[vendor_id])
        first = next_number(session, PurchaseOrder.number, FIRST_PO_NUMBER)
        note = f"Created automatically for corporate sale orders {params.range.describe()}."
        orders: list[NewPurchaseOrder] = []
        po_rows, line_rows, line_covers = [], [], []
        for offset, vendor_id in enumerate(vendors):
            number = first + offset
            po_rows.append({"number": number, "vendor_id": vendor_id, "location_id": location.id, "date": today,
                            "delivery_date": params.delivery, "cancel_date": params.cancel,
                            "status": PoStatus.OPEN.value, "note": note})
            po_lines = []
            for line_no, item_id in enumerate(sorted(to_order[vendor_id], key=lambda i: items[i].sku), start=1):
                needs = to_order[vendor_id][item_id]
                qty = sum(q for _, _, q in needs)
                line_rows.append({"po_index": offset, "line_no": line_no, "item_id": item_id, "qty": qty,
                                  "received": 0, "cost": items[item_id].cost})
                line_covers.append(needs)
                per_cso: dict[int, int] = {}
                for _, cso_number, q in needs:
                    per_cso[cso_number] = per_cso.get(cso_number, 0) + q
                po_lines.append(NewPoLine(items[item_id].sku, qty, items[item_id].cost,
                                          tuple(Cover(c, q) for c, q in per_cso.items())))
            orders.append(NewPurchaseOrder(number, vendor_codes[vendor_id], location.code, today, params.delivery,
                                           params.cancel, tuple(po_lines)))

        # Core inserts of many rows at once (RETURNING the new ids in row order): no per-row ORM work
        if po_rows:
            po_table, line_table = PurchaseOrder.__table__, PurchaseOrderLine.__table__
            po_ids = list(session.scalars(insert(po_table).returning(po_table.c.id, sort_by_parameter_order=True), po_rows))
            for row in line_rows:
                row["po_id"] = po_ids[row.pop("po_index")]
            new_line_ids = list(session.scalars(
                insert(line_table).returning(line_table.c.id, sort_by_parameter_order=True), line_rows
            ))
            for po_line_id, needs in zip(new_line_ids, line_covers, strict=True):
                new_coverage.extend({"po_line_id": po_line_id, "cso_line_id": cso_line_id, "qty": q}
                                    for cso_line_id, _, q in needs)
        if new_coverage:
            session.execute(insert(PoCoverage.__table__), new_coverage)

        result = PurchaseOrderResult(
            purchase_orders=tuple(orders),
            covered_by_existing=tuple(ExistingCover(c, sku, po, q) for (c, sku, po), q in existing_covers.items()),
            skipped_no_vendor=tuple(sorted(skipped)),
            dry_run=params.dry_run,
        )
        if params.dry_run:
            uow.rollback()
        else:
            uow.commit()
        return result
