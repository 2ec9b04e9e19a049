"""Applying a store's package at the Main (DOMAIN.md section 6): its invoices, stock levels, acknowledgement.

Invariants (each package in one transaction, set-based, whatever order packages arrive in):
- invoices are keyed by the store's invoice id: one already here is skipped, so a package applied
  twice, or an invoice carried again by a later package, changes nothing;
- a store invoice moves `sold` only (never the Main's on-hand for that store) and never above an
  SO line's quantity: a sale beyond what the line has left is taken up to the quantity and the rest
  recorded as a conflict; a sale on an SO cancelled at the Main meanwhile is kept (the sale
  happened; its units count as assigned and sold) and recorded as a conflict; an invoice line for
  an SO line that is not that store's is not taken and recorded as a conflict;
- a stock level replaces the Main's on-hand for that store and SKU only when it comes from a
  package with a higher sequence than the level held (`stock_reports`), so an older report never
  overwrites a newer one;
- the acknowledgement only ever rises.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from xmart.models import (
    Invoice,
    InvoiceLine,
    Item,
    SaleOrder,
    SaleOrderLine,
    SoStatus,
    Stock,
    StockReport,
    SyncConflict,
    SyncPeer,
)
from xmart.models.status import SO_TRANSITIONS, check_transition
from xmart.models.sync import ConflictKind, SentKind
from xmart.processes.cso_status import refresh_statuses
from xmart.processes.invoicing import FIRST_INVOICE_NUMBER
from xmart.processes.selection import next_number
from xmart.processes.sync import bulk
from xmart.processes.sync.acknowledgements import acknowledge, forget_sent
from xmart.processes.sync.content import Field
from xmart.processes.sync.package_format import Package


@dataclass
class Applied:
    """What applying one package did, by kind (the `sync import --json` figures)."""

    invoices: int = 0
    invoice_lines: int = 0
    stock_levels: int = 0
    conflicts: int = 0
    sale_orders: int = 0
    cancellations: int = 0
    items: int = 0

    def add(self, other: Applied) -> None:
        """Add `other`'s figures to these."""
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class _InvoiceLine:
    so: int
    line: int
    sku: str
    qty: int


@dataclass(frozen=True)
class _Invoice:
    store_id: int
    date: dt.date
    lines: tuple[_InvoiceLine, ...] = field(default=())


def _read_invoices(root: Field) -> list[_Invoice]:
    invoices: list[_Invoice] = []
    seen: set[int] = set()
    for entry in root.get("invoices").items():
        store_id = entry["id"].integer(1)
        if store_id in seen:
            raise entry["id"].fail(f"invoice {store_id} appears twice")
        seen.add(store_id)
        lines = tuple(
            _InvoiceLine(
                line["so"].integer(1), line["line"].integer(1), line["sku"].text(40, True), line["qty"].integer(1)
            )
            for line in entry["lines"].items()
        )
        for line in entry["lines"].items():
            line["amount"].money()
        invoices.append(_Invoice(store_id, entry["date"].date() or dt.date.min, lines))
    return invoices


def _read_levels(root: Field) -> dict[str, int]:
    levels: dict[str, int] = {}
    for entry in root.get("stock").items():
        sku = entry["sku"].text(40, True)
        if sku in levels:
            raise entry["sku"].fail(f"SKU {sku} appears twice")
        levels[sku] = entry["on_hand"].integer(0)
    return levels


def apply_at_main(session: Session, peer: SyncPeer, package: Package) -> Applied:
    """Apply store `peer`'s `package` in the caller's transaction (see the module's invariants).

    Raises PackageRefused (nothing is to be committed) when the content is malformed.
    """
    root = Field(package.content, "")
    acknowledged = root["acknowledged"].integer(0)
    resend_from = root.get("resend_from").date(required=False)
    invoices = _read_invoices(root)
    levels = _read_levels(root)
    assert peer.location_id is not None
    acknowledge(session, peer, acknowledged)
    if resend_from is not None:
        dated = select(SaleOrder.id).where(SaleOrder.location_id == peer.location_id, SaleOrder.date >= resend_from)
        forget_sent(session, peer, (SentKind.SALE_ORDER, SentKind.CANCELLATION), dated)
    applied = Applied()
    _take_invoices(session, peer, package.sequence, invoices, applied)
    _take_levels(session, peer, package, levels, applied)
    return applied


def _existing_store_invoices(session: Session, location_id: int, ids: list[int]) -> set[int]:
    found: set[int] = set()
    for chunk in bulk.chunks(ids):
        found.update(
            session.scalars(
                select(Invoice.store_invoice).where(
                    Invoice.location_id == location_id, Invoice.store_invoice.in_(chunk)
                )
            )
        )
    return found


@dataclass
class _Line:
    id: int
    so_id: int
    so_status: str
    location_id: int
    cso_id: int | None
    item_id: int
    sku: str
    qty: int
    sold: int
    price: Decimal
    sold_before: int = 0


def _so_lines(session: Session, numbers: list[int]) -> dict[tuple[int, int], _Line]:
    lines: dict[tuple[int, int], _Line] = {}
    for chunk in bulk.chunks(numbers):
        for row in session.execute(
            select(
                SaleOrder.number,
                SaleOrderLine.line_no,
                SaleOrderLine.id,
                SaleOrder.id,
                SaleOrder.status,
                SaleOrder.location_id,
                SaleOrder.cso_id,
                SaleOrderLine.item_id,
                Item.sku,
                SaleOrderLine.qty,
                SaleOrderLine.sold,
                SaleOrderLine.price,
            )
            .join(SaleOrderLine, SaleOrderLine.so_id == SaleOrder.id)
            .join(Item, Item.id == SaleOrderLine.item_id)
            .where(SaleOrder.number.in_(chunk))
        ):
            number, line_no, *rest = row
            line = _Line(*rest)
            line.sold_before = line.sold
            lines[(number, line_no)] = line
    return lines


def _conflict(
    peer: SyncPeer, sequence: int, kind: ConflictKind, invoice: int, so: int, line: int, sku: str, qty: int, detail: str
) -> dict[str, Any]:
    return {
        "location_id": peer.location_id,
        "kind": kind.value,
        "store_invoice": invoice,
        "so_number": so,
        "line_no": line,
        "sku": sku,
        "qty": qty,
        "detail": detail,
        "package_sequence": sequence,
    }


def _take_invoices(session: Session, peer: SyncPeer, sequence: int, invoices: list[_Invoice], applied: Applied) -> None:
    location_id = peer.location_id
    assert location_id is not None
    known = _existing_store_invoices(session, location_id, [inv.store_id for inv in invoices])
    new = [inv for inv in invoices if inv.store_id not in known]
    if not new:
        return
    lines = _so_lines(session, sorted({line.so for inv in new for line in inv.lines}))
    first = next_number(session, Invoice.number, FIRST_INVOICE_NUMBER)
    invoice_table, line_table = bulk.table(Invoice), bulk.table(InvoiceLine)
    heads = [
        {"number": first + i, "location_id": location_id, "date": inv.date, "store_invoice": inv.store_id}
        for i, inv in enumerate(new)
    ]
    bulk.insert_rows(session, invoice_table, heads)  # ids read back by key (RETURNING would go row by row)
    new_ids: dict[int, int] = {}
    for chunk in bulk.chunks([inv.store_id for inv in new]):
        new_ids.update(
            (int(store_id or 0), invoice_id)
            for store_id, invoice_id in session.execute(
                select(Invoice.store_invoice, Invoice.id).where(
                    Invoice.location_id == location_id, Invoice.store_invoice.in_(chunk)
                )
            )
        )
    ids = [new_ids[inv.store_id] for inv in new]
    line_rows: list[dict[str, Any]] = []
    conflicts: list[dict[str, Any]] = []
    for invoice_id, inv in zip(ids, new, strict=True):
        for wanted in inv.lines:
            line = lines.get((wanted.so, wanted.line))
            if line is None or line.location_id != location_id or line.sku != wanted.sku:
                conflicts.append(
                    _conflict(
                        peer,
                        sequence,
                        ConflictKind.UNKNOWN,
                        inv.store_id,
                        wanted.so,
                        wanted.line,
                        wanted.sku,
                        wanted.qty,
                        f"{peer.code} sold {wanted.qty} x {wanted.sku} on SO {wanted.so} line {wanted.line} "
                        f"(store invoice {inv.store_id}), which is not one of its SO lines here: not taken.",
                    )
                )
                continue
            take = min(wanted.qty, line.qty - line.sold)
            if take > 0:
                line.sold += take
                line_rows.append(
                    {
                        "invoice_id": invoice_id,
                        "so_line_id": line.id,
                        "item_id": line.item_id,
                        "qty": take,
                        "price": line.price,
                    }
                )
            if wanted.qty > take:
                conflicts.append(
                    _conflict(
                        peer,
                        sequence,
                        ConflictKind.OVERSOLD,
                        inv.store_id,
                        wanted.so,
                        wanted.line,
                        wanted.sku,
                        wanted.qty - take,
                        f"{peer.code} sold {wanted.qty} x {wanted.sku} on SO {wanted.so} line {wanted.line} "
                        f"(store invoice {inv.store_id}) but the line had {max(take, 0)} left: "
                        f"{take} taken, {wanted.qty - take} recorded here.",
                    )
                )
            if line.so_status == SoStatus.CANCELLED.value and take > 0:
                conflicts.append(
                    _conflict(
                        peer,
                        sequence,
                        ConflictKind.CANCELLED,
                        inv.store_id,
                        wanted.so,
                        wanted.line,
                        wanted.sku,
                        take,
                        f"SO {wanted.so} was cancelled at the Main, but {peer.code} sold {take} x {wanted.sku} on it "
                        f"(store invoice {inv.store_id}): the sale is kept; only the unsold units are cancelled.",
                    )
                )
    bulk.insert_rows(session, line_table, line_rows)
    changed = [line for line in lines.values() if line.sold != line.sold_before]
    if changed:
        session.execute(
            update(bulk.table(SaleOrderLine))
            .where(bulk.table(SaleOrderLine).c.id == bindparam("line_id"))
            .values(sold=bindparam("new_sold")),
            [{"line_id": line.id, "new_sold": line.sold} for line in changed],
        )
    bulk.insert_ignoring(session, bulk.table(SyncConflict), conflicts)
    _refresh_sale_orders(
        session, sorted({line.so_id for line in changed if line.so_status != SoStatus.CANCELLED.value})
    )
    refresh_statuses(session, sorted({line.cso_id for line in changed if line.cso_id is not None}))
    applied.invoices += len(new)
    applied.invoice_lines += len(line_rows)
    applied.conflicts += len(conflicts)


def _refresh_sale_orders(session: Session, so_ids: list[int]) -> None:
    """Set each SO's status from its lines' sold figures (open → partially sold → sold)."""
    by_status: dict[str, list[int]] = {}
    for chunk in bulk.chunks(so_ids):
        for so_id, status, qty, sold in session.execute(
            select(SaleOrder.id, SaleOrder.status, func.sum(SaleOrderLine.qty), func.sum(SaleOrderLine.sold))
            .join(SaleOrderLine, SaleOrderLine.so_id == SaleOrder.id)
            .where(SaleOrder.id.in_(chunk))
            .group_by(SaleOrder.id, SaleOrder.status)
        ):
            new = SoStatus.SOLD if sold >= qty else SoStatus.PARTIALLY_SOLD if sold > 0 else SoStatus.OPEN
            if new != status:
                check_transition(SO_TRANSITIONS, status, new, "sale order")
                by_status.setdefault(new.value, []).append(so_id)
    for status, ids in by_status.items():
        for chunk in bulk.chunks(ids):
            session.execute(
                update(SaleOrder).where(SaleOrder.id.in_(chunk)).values(status=status),
                execution_options={"synchronize_session": False},
            )


def _take_levels(session: Session, peer: SyncPeer, package: Package, levels: dict[str, int], applied: Applied) -> None:
    if not levels:
        return
    location_id = peer.location_id
    item_ids: dict[str, int] = {}
    skus = sorted(levels)
    for chunk in bulk.chunks(skus):
        item_ids.update(session.execute(select(Item.sku, Item.id).where(Item.sku.in_(chunk))).all())
    held: dict[int, int] = {}
    for id_chunk in bulk.chunks(sorted(item_ids.values())):
        held.update(
            session.execute(
                select(StockReport.item_id, StockReport.sequence).where(
                    StockReport.location_id == location_id, StockReport.item_id.in_(id_chunk)
                )
            ).all()
        )
    newer = [
        (item_ids[sku], on_hand)
        for sku, on_hand in levels.items()
        if sku in item_ids and held.get(item_ids[sku], 0) < package.sequence
    ]
    bulk.upsert(
        session,
        bulk.table(StockReport),
        [
            {
                "location_id": location_id,
                "item_id": item_id,
                "on_hand": on_hand,
                "reported_at": package.created,
                "sequence": package.sequence,
            }
            for item_id, on_hand in newer
        ],
        ("location_id", "item_id"),
    )
    bulk.upsert(
        session,
        bulk.table(Stock),
        [{"location_id": location_id, "item_id": item_id, "on_hand": on_hand} for item_id, on_hand in newer],
        ("location_id", "item_id"),
    )
    unknown = [sku for sku in skus if sku not in item_ids]
    conflicts = [
        _conflict(
            peer,
            package.sequence,
            ConflictKind.UNKNOWN,
            0,
            0,
            0,
            sku,
            levels[sku],
            f"{peer.code} reported {levels[sku]} on hand of SKU {sku}, which the Main does not have: not taken.",
        )
        for sku in unknown
    ]
    bulk.insert_ignoring(session, bulk.table(SyncConflict), conflicts)
    if peer.last_stock_report is None or _aware(peer.last_stock_report) < package.created:
        peer.last_stock_report = package.created
    applied.stock_levels += len(newer)
    applied.conflicts += len(conflicts)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
