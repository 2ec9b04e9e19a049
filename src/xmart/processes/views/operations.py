"""What the day's operations act on (DOMAIN.md sections 5 and 6): the lines of a PO left to receive, of an
SO left to sell, grouped by SKU as `receive_lines` and `invoice_lines` take them; what a cancellation frees."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from xmart.errors import NotFoundError
from xmart.models import (
    CorporateSaleOrder,
    Item,
    Location,
    PoCoverage,
    PurchaseOrder,
    PurchaseOrderLine,
    SaleOrder,
    SaleOrderLine,
)
from xmart.models.db import UnitOfWork
from xmart.processes.security.permissions import require_signed_in
from xmart.processes.store_management import invoiced_here


@dataclass(frozen=True)
class OperationLine:
    """One SKU of a document: units ordered, done (received or sold) and left; `covered`: PO units for CSOs."""

    sku: str
    description: str
    ordered: int
    done: int
    covered: int = 0

    @property
    def left(self) -> int:
        """Units left to receive or to sell."""
        return self.ordered - self.done


@dataclass(frozen=True)
class OperationDocument:
    """A PO ("po") or SO ("so") with its lines by SKU (in line order), its status and location code.

    `corporate_order` is the SO's CSO number (None for a PO or a store's own SO); `managed_at_main`
    says whether the location's invoices are typed at the Main (DOMAIN.md section 6).
    """

    kind: str
    number: int
    status: str
    location: str
    lines: tuple[OperationLine, ...]
    corporate_order: int | None = None
    managed_at_main: bool = True
    """False for an SO of a location whose invoices are not typed in this database (a synchronized store's)."""

    @property
    def left(self) -> int:
        """Units left in all (to receive or to sell)."""
        return sum(line.left for line in self.lines)


def _grouped(rows: list[tuple[str, str, int, int, int]]) -> tuple[OperationLine, ...]:
    by_sku: dict[str, OperationLine] = {}
    for sku, description, qty, done, covered in rows:
        old = by_sku.get(sku)
        if old is None:
            by_sku[sku] = OperationLine(sku, description, qty, done, covered)
        else:
            by_sku[sku] = OperationLine(sku, description, old.ordered + qty, old.done + done, old.covered + covered)
    return tuple(by_sku.values())


def purchase_order_lines(uow: UnitOfWork, number: int) -> OperationDocument:
    """PO `number` with, per SKU, units ordered, received and covering CSO lines; raises NotFoundError.

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(uow)
    session = uow.session
    head = session.execute(
        select(PurchaseOrder.id, PurchaseOrder.status, Location.code)
        .join(Location, Location.id == PurchaseOrder.location_id)
        .where(PurchaseOrder.number == number)
    ).one_or_none()
    if head is None:
        raise NotFoundError(f"Purchase order {number} does not exist.")
    covered = (
        select(func.coalesce(func.sum(PoCoverage.qty), 0))
        .where(PoCoverage.po_line_id == PurchaseOrderLine.id)
        .scalar_subquery()
    )
    rows = session.execute(
        select(Item.sku, Item.description, PurchaseOrderLine.qty, PurchaseOrderLine.received, covered)
        .join(Item, Item.id == PurchaseOrderLine.item_id)
        .where(PurchaseOrderLine.po_id == head.id)
        .order_by(PurchaseOrderLine.line_no)
    ).all()
    lines = _grouped([(s, d, int(q), int(r), int(c)) for s, d, q, r, c in rows])
    return OperationDocument("po", number, head.status, head.code, lines)


def sale_order_lines(uow: UnitOfWork, number: int) -> OperationDocument:
    """SO `number` with, per SKU, units ordered and sold; raises NotFoundError.

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(uow)
    session = uow.session
    head = session.execute(
        select(SaleOrder.id, SaleOrder.status, Location.code, CorporateSaleOrder.number)
        .join(Location, Location.id == SaleOrder.location_id)
        .outerjoin(CorporateSaleOrder, CorporateSaleOrder.id == SaleOrder.cso_id)
        .where(SaleOrder.number == number)
    ).one_or_none()
    if head is None:
        raise NotFoundError(f"Sale order {number} does not exist.")
    rows = session.execute(
        select(Item.sku, Item.description, SaleOrderLine.qty, SaleOrderLine.sold)
        .join(Item, Item.id == SaleOrderLine.item_id)
        .where(SaleOrderLine.so_id == head.id)
        .order_by(SaleOrderLine.line_no)
    ).all()
    lines = _grouped([(s, d, int(q), int(sold), 0) for s, d, q, sold in rows])
    return OperationDocument("so", number, head.status, head.code, lines, head[3], invoiced_here(session, head.code))
