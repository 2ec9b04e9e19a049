"""Cancel a CSO, put it on hold, release it (DOMAIN.md section 2), through the declared transitions.

Rules:
- Cancel: a CSO with no SO generated yet (draft, open, on hold) becomes `cancelled`. Once SOs exist
  (units assigned on SOs that are not cancelled) only the unassigned remainder can be cancelled: each
  line's `cancelled_qty` becomes `qty - assigned`, the CSO becomes `assigned` (or `completed` when
  every remaining unit is sold) and so no longer takes part in Assign and Purchase Orders.
- Hold: an `open` or `partially assigned` CSO goes `on hold` (the processes skip it). A draft is not
  put on hold (complete it or cancel it).
- Release: an `on hold` CSO goes back to the status its figures call for (`open` or `partially assigned`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from xmart.errors import InputError, NotFoundError
from xmart.models import CorporateSaleOrder, CsoLine, CsoStatus, SaleOrderLine
from xmart.models.db import UnitOfWork
from xmart.models.status import CSO_TRANSITIONS, check_transition
from xmart.processes.cso_status import derived_status
from xmart.processes.fulfilment import assigned_and_sold

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


def _move(cso: CorporateSaleOrder, *path: CsoStatus) -> None:
    for status in path:
        check_transition(CSO_TRANSITIONS, cso.status, status, "corporate sale order")
        cso.status = status.value


def cancel_order(uow: UnitOfWork, number: int) -> StatusResult:
    """Cancel a CSO, or only its unassigned remainder once SOs exist; commit."""
    session = uow.session
    cso = _cso(session, number)
    if cso.status == _C.CANCELLED:
        raise InputError(f"Corporate sale order {number} is already cancelled.")
    figures = _figures(session, cso.id)
    assigned = sum(a for _q, _c, a, _s in figures.values())
    if assigned == 0:
        _move(cso, _C.CANCELLED)
        uow.commit()
        return StatusResult(number, cso.status, sum(q - c for q, c, _a, _s in figures.values()))
    remainder = {lid: q - c - a for lid, (q, c, a, _s) in figures.items() if q - c - a > 0}
    if not remainder:
        raise InputError(
            f"Corporate sale order {number} is {cso.status}: every unit is already on a sale order, "
            "so there is no unassigned remainder to cancel. Cancel its sale orders first."
        )
    for line in session.scalars(select(CsoLine).where(CsoLine.id.in_(list(remainder)))):
        line.cancelled_qty += remainder[line.id]
    wanted = sum(q - c for q, c, _a, _s in figures.values()) - sum(remainder.values())
    sold = sum(s for _q, _c, _a, s in figures.values())
    target = derived_status(wanted, assigned, sold)
    path = [_C.PARTIALLY_ASSIGNED] if cso.status == _C.ON_HOLD else []
    _move(cso, *path, target)
    uow.commit()
    return StatusResult(number, cso.status, sum(remainder.values()))


def hold_order(uow: UnitOfWork, number: int) -> StatusResult:
    """Put an open or partially assigned CSO on hold; commit."""
    session = uow.session
    cso = _cso(session, number)
    if cso.status == _C.DRAFT:
        raise InputError(f"Corporate sale order {number} is a draft: complete it or cancel it instead.")
    if cso.status not in (_C.OPEN, _C.PARTIALLY_ASSIGNED):
        raise InputError(
            f"Corporate sale order {number} is {cso.status}: only open or partially assigned orders can be put on hold."
        )
    _move(cso, _C.ON_HOLD)
    uow.commit()
    return StatusResult(number, cso.status)


def release_order(uow: UnitOfWork, number: int) -> StatusResult:
    """Take a CSO off hold: back to open or partially assigned, from its figures; commit."""
    session = uow.session
    cso = _cso(session, number)
    if cso.status != _C.ON_HOLD:
        raise InputError(f"Corporate sale order {number} is {cso.status}, not on hold.")
    figures = _figures(session, cso.id)
    assigned = sum(a for _q, _c, a, _s in figures.values())
    _move(cso, _C.PARTIALLY_ASSIGNED if assigned else _C.OPEN)
    uow.commit()
    return StatusResult(number, cso.status)
