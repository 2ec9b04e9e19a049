"""Cancel a CSO, put it on hold, release it (DOMAIN.md section 2); cancel an SO or a PO (section 6).

All through the transitions declared in `xmart.models.status`.

Rules:
- Cancel: a CSO with no SO generated yet (draft, open, on hold) becomes `cancelled`. Once SOs exist
  (units assigned on SOs that are not cancelled) only the unassigned remainder can be cancelled: each
  line's `cancelled_qty` becomes `qty - assigned`, the CSO becomes `assigned` (or `completed` when
  every remaining unit is sold) and so no longer takes part in Assign and Purchase Orders. Refused
  when the deposit would then be above the order's reduced total (DOMAIN.md section 3: refund first).
- Hold: an `open` or `partially assigned` CSO goes `on hold` (the processes skip it). A draft is not
  put on hold (complete it or cancel it).
- Release: an `on hold` CSO goes back to the status its figures call for (`open` or `partially assigned`).
- Cancel an SO: an SO with nothing sold (`open`) becomes `cancelled`; its units count as unassigned on
  their CSO lines again (lines of cancelled SOs never count) and the CSO's status follows its figures.
  An SO with units sold, or already cancelled, is refused: a sale already made stays on it.
- Cancel a PO: a PO with nothing received (`open`) becomes `cancelled`; the CSO lines it covered need
  those units again (coverage on cancelled POs never counts). A PO with units received is refused.
Both take the processes' lock, so a cancellation never lands in the middle of an Assign or PO run.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from xmart.errors import InputError, NotFoundError
from xmart.models import (
    CorporateSaleOrder,
    CsoLine,
    CsoStatus,
    Payment,
    PoCoverage,
    PoStatus,
    PurchaseOrder,
    PurchaseOrderLine,
    SaleOrder,
    SaleOrderLine,
    SoStatus,
)
from xmart.models.db import UnitOfWork
from xmart.models.status import CSO_TRANSITIONS, PO_TRANSITIONS, SO_TRANSITIONS, check_transition
from xmart.processes.cso_status import derived_status, refresh_statuses
from xmart.processes.fulfilment import assigned_and_sold
from xmart.processes.money import check_deposit, order_totals, to_money
from xmart.processes.receiving import units_text
from xmart.processes.security import audit
from xmart.processes.security.permissions import require
from xmart.processes.selection import PROCESS_LOCK

_C = CsoStatus


@dataclass(frozen=True)
class StatusResult:
    """A CSO's new status and how many units were cancelled."""

    number: int
    status: str
    cancelled_units: int = 0


def _cso(session: Session, number: int) -> CorporateSaleOrder:
    cso = session.scalar(select(CorporateSaleOrder).where(CorporateSaleOrder.number == number).with_for_update())
    if cso is None:
        raise NotFoundError(f"There is no corporate sale order {number}.")
    return cso


def _figures(session: Session, cso_id: int) -> dict[int, tuple[int, int, int, int]]:
    """{line id: (qty, cancelled, assigned on live SOs, sold)}."""
    lines = {
        lid: (q, c)
        for lid, q, c in session.execute(
            select(CsoLine.id, CsoLine.qty, CsoLine.cancelled_qty).where(CsoLine.cso_id == cso_id)
        )
    }
    live = assigned_and_sold(SaleOrderLine.cso_line_id).where(SaleOrderLine.cso_line_id.in_(list(lines)))
    filled = {lid: (int(a), int(s)) for lid, a, s in session.execute(live)} if lines else {}
    return {lid: (q, c, *filled.get(lid, (0, 0))) for lid, (q, c) in lines.items()}


def _audit(uow: UnitOfWork, action: str, entity: str, number: int, detail: str) -> None:
    audit.record(uow, action, entity=entity, entity_id=number, detail=detail)


def _move(cso: CorporateSaleOrder, *path: CsoStatus) -> None:
    for status in path:
        check_transition(CSO_TRANSITIONS, cso.status, status, "corporate sale order")
        cso.status = status.value


def cancel_order(uow: UnitOfWork, number: int) -> StatusResult:
    """Cancel a CSO, or only its unassigned remainder once SOs exist; commit.

    Raises NotFoundError / InputError (see the module's rules), SignInRequired / PermissionDenied
    without `order.cancel` (DOMAIN.md section 9). Audited (`order.cancel`).
    """
    require(uow, "order.cancel")
    session = uow.session
    cso = _cso(session, number)
    if cso.status == _C.CANCELLED:
        raise InputError(f"Corporate sale order {number} is already cancelled.")
    figures = _figures(session, cso.id)
    assigned = sum(a for _q, _c, a, _s in figures.values())
    if assigned == 0:
        _move(cso, _C.CANCELLED)
        units = sum(q - c for q, c, _a, _s in figures.values())
        _audit(uow, "order.cancel", "corporate_order", number, f"cancelled ({units} unit(s))")
        uow.commit()
        return StatusResult(number, cso.status, units)
    remainder = {lid: q - c - a for lid, (q, c, a, _s) in figures.items() if q - c - a > 0}
    if not remainder:
        raise InputError(
            f"Corporate sale order {number} is {cso.status}: every unit is already on a sale order, "
            "so there is no unassigned remainder to cancel. Cancel its sale orders first."
        )
    for line in session.scalars(select(CsoLine).where(CsoLine.id.in_(list(remainder)))):
        line.cancelled_qty += remainder[line.id]
    left = order_totals(
        ((ln.qty - ln.cancelled_qty, ln.price, ln.discount) for ln in cso.lines), cso.global_discount, cso.shipping_cost
    )
    paid = session.scalar(select(func.coalesce(func.sum(Payment.amount), 0)).where(Payment.cso_id == cso.id))
    check_deposit(to_money(paid or 0), left.total, f"Cancel the remainder of corporate sale order {number}")
    wanted = sum(q - c for q, c, _a, _s in figures.values()) - sum(remainder.values())
    sold = sum(s for _q, _c, _a, s in figures.values())
    target = derived_status(wanted, assigned, sold)
    path = [_C.PARTIALLY_ASSIGNED] if cso.status == _C.ON_HOLD else []
    _move(cso, *path, target)
    units = sum(remainder.values())
    _audit(uow, "order.cancel", "corporate_order", number, f"remainder cancelled ({units} unit(s)); now {cso.status}")
    uow.commit()
    return StatusResult(number, cso.status, units)


def hold_order(uow: UnitOfWork, number: int) -> StatusResult:
    """Put an open or partially assigned CSO on hold; commit.

    Raises NotFoundError / InputError, SignInRequired / PermissionDenied without `order.hold`
    (DOMAIN.md section 9). Audited (`order.hold`).
    """
    require(uow, "order.hold")
    session = uow.session
    cso = _cso(session, number)
    if cso.status == _C.DRAFT:
        raise InputError(f"Corporate sale order {number} is a draft: complete it or cancel it instead.")
    if cso.status not in (_C.OPEN, _C.PARTIALLY_ASSIGNED):
        raise InputError(
            f"Corporate sale order {number} is {cso.status}: only open or partially assigned orders can be put on hold."
        )
    _move(cso, _C.ON_HOLD)
    _audit(uow, "order.hold", "corporate_order", number, "put on hold")
    uow.commit()
    return StatusResult(number, cso.status)


def release_order(uow: UnitOfWork, number: int) -> StatusResult:
    """Take a CSO off hold: back to open or partially assigned, from its figures; commit.

    Raises NotFoundError / InputError, SignInRequired / PermissionDenied without `order.hold`
    (DOMAIN.md section 9). Audited (`order.release`).
    """
    require(uow, "order.hold")
    session = uow.session
    cso = _cso(session, number)
    if cso.status != _C.ON_HOLD:
        raise InputError(f"Corporate sale order {number} is {cso.status}, not on hold.")
    figures = _figures(session, cso.id)
    assigned = sum(a for _q, _c, a, _s in figures.values())
    _move(cso, _C.PARTIALLY_ASSIGNED if assigned else _C.OPEN)
    _audit(uow, "order.release", "corporate_order", number, f"released; now {cso.status}")
    uow.commit()
    return StatusResult(number, cso.status)


@dataclass(frozen=True)
class DocumentCancelled:
    """An SO or PO cancelled: its kind ("so" or "po"), number, the units freed and the CSOs they belong to.

    For an SO `units` are its unsold units, now unassigned again; for a PO the units it covered on
    CSO lines, now needed again (its open units on order are `on_order`).
    """

    kind: str
    number: int
    units: int
    corporate_orders: tuple[int, ...]
    on_order: int = 0

    @property
    def text(self) -> str:
        """One line a clerk reads: what was cancelled and what it freed."""
        csos = ", ".join(str(n) for n in self.corporate_orders)
        if self.kind == "so":
            where = f" on corporate sale order {csos}" if csos else ""
            return f"Sale order {self.number} cancelled: {units_text(self.units)} unassigned again{where}."
        covered = f"; {units_text(self.units)} of corporate sale order {csos} need covering again" if csos else ""
        return f"Purchase order {self.number} cancelled ({units_text(self.on_order)} no longer on order){covered}."


def cancel_sale_order(uow: UnitOfWork, number: int) -> DocumentCancelled:
    """Cancel SO `number` (DOMAIN.md section 6): its unsold units become unassigned; commit.

    Raises NotFoundError for an unknown SO, InputError for one that is cancelled or has units sold,
    SignInRequired / PermissionDenied without `order.cancel` (DOMAIN.md section 9). Audited.
    """
    with uow.exclusive(PROCESS_LOCK):
        require(uow, "order.cancel")
        session = uow.session
        order = session.scalar(select(SaleOrder).where(SaleOrder.number == number).with_for_update())
        if order is None:
            raise NotFoundError(f"Sale order {number} does not exist.")
        if order.status == SoStatus.CANCELLED:
            raise InputError(f"Sale order {number} is already cancelled.")
        sold = sum(line.sold for line in order.lines)
        if sold:
            raise InputError(f"Sale order {number} has {units_text(sold)} sold already, so it cannot be cancelled.")
        check_transition(SO_TRANSITIONS, order.status, SoStatus.CANCELLED, "sale order")
        order.status = SoStatus.CANCELLED.value
        units = sum(line.qty for line in order.lines)
        session.flush()
        csos: tuple[int, ...] = ()
        if order.cso_id is not None:
            refresh_statuses(session, [order.cso_id])
            csos = (order.corporate_order.number,) if order.corporate_order is not None else ()
        _audit(uow, "order.cancel", "sale_order", number, f"cancelled ({units} unit(s) unassigned again)")
        uow.commit()
        return DocumentCancelled("so", number, units, csos)


def cancel_purchase_order(uow: UnitOfWork, number: int) -> DocumentCancelled:
    """Cancel PO `number` (DOMAIN.md section 6): the CSO lines it covered need those units again; commit.

    Raises NotFoundError for an unknown PO, InputError for one that is cancelled or has units received,
    SignInRequired / PermissionDenied without `order.cancel` (DOMAIN.md section 9). Audited.
    """
    with uow.exclusive(PROCESS_LOCK):
        require(uow, "order.cancel")
        session = uow.session
        order = session.scalar(select(PurchaseOrder).where(PurchaseOrder.number == number).with_for_update())
        if order is None:
            raise NotFoundError(f"Purchase order {number} does not exist.")
        if order.status == PoStatus.CANCELLED:
            raise InputError(f"Purchase order {number} is already cancelled.")
        received = sum(line.received for line in order.lines)
        if received:
            raise InputError(
                f"Purchase order {number} has {units_text(received)} received already, so it cannot be cancelled."
            )
        check_transition(PO_TRANSITIONS, order.status, PoStatus.CANCELLED, "purchase order")
        order.status = PoStatus.CANCELLED.value
        covered = session.execute(
            select(CorporateSaleOrder.number, PoCoverage.qty)
            .join(PurchaseOrderLine, PurchaseOrderLine.id == PoCoverage.po_line_id)
            .join(CsoLine, CsoLine.id == PoCoverage.cso_line_id)
            .join(CorporateSaleOrder, CorporateSaleOrder.id == CsoLine.cso_id)
            .where(PurchaseOrderLine.po_id == order.id)
        ).all()
        on_order = sum(line.qty for line in order.lines)
        _audit(uow, "order.cancel", "purchase_order", number, f"cancelled ({on_order} unit(s) no longer on order)")
        uow.commit()
        return DocumentCancelled(
            "po", number, sum(int(q) for _n, q in covered), tuple(sorted({n for n, _q in covered})), on_order
        )
