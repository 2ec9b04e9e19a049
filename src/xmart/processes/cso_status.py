"""Derive a CSO's status from its fulfilment (DOMAIN.md section 2), through the declared transitions.

`open` (nothing assigned) → `partially assigned` → `assigned` (every unit on an SO) →
`completed` (every unit sold). Sales never change the status of a CSO that still has
unassigned units. Draft, on-hold and cancelled CSOs are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from xmart.models import CorporateSaleOrder, CsoLine, CsoStatus
from xmart.models.status import CSO_TRANSITIONS, check_transition
from xmart.processes.fulfilment import assigned_by_line

_DERIVED = frozenset({CsoStatus.OPEN, CsoStatus.PARTIALLY_ASSIGNED, CsoStatus.ASSIGNED, CsoStatus.COMPLETED})


def derived_status(ordered: int, assigned: int, sold: int) -> CsoStatus:
    """The status that unit totals call for."""
    if ordered > 0 and assigned >= ordered:
        return CsoStatus.COMPLETED if sold >= ordered else CsoStatus.ASSIGNED
    return CsoStatus.PARTIALLY_ASSIGNED if assigned > 0 else CsoStatus.OPEN


def refresh_statuses(session: Session, cso_ids: Iterable[int]) -> dict[int, str]:
    """Set each CSO's status from its figures; returns {cso id: new status} for those that changed."""
    ids = list(cso_ids)
    if not ids:
        return {}
    orders = {o.id: o for o in session.scalars(select(CorporateSaleOrder).where(CorporateSaleOrder.id.in_(ids)))}
    lines = session.execute(select(CsoLine.id, CsoLine.cso_id, CsoLine.qty).where(CsoLine.cso_id.in_(ids))).all()
    figures = assigned_by_line(session, [line_id for line_id, _, _ in lines])
    totals: dict[int, list[int]] = {i: [0, 0, 0] for i in ids}
    for line_id, cso_id, qty in lines:
        per_store = figures.get(line_id, {})
        totals[cso_id][0] += qty
        totals[cso_id][1] += sum(a for a, _ in per_store.values())
        totals[cso_id][2] += sum(s for _, s in per_store.values())
    changed: dict[int, str] = {}
    for cso_id, order in orders.items():
        if CsoStatus(order.status) not in _DERIVED:
            continue
        new = derived_status(*totals[cso_id])
        if new != order.status:
            check_transition(CSO_TRANSITIONS, order.status, new, "corporate sale order")
            order.status = new.value
            changed[cso_id] = new.value
    return changed
