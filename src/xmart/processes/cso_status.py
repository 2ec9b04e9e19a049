"""Derive a CSO's status from its fulfilment (DOMAIN.md section 2), through the declared transitions.

`open` (nothing assigned) → `partially assigned` → `assigned` (every unit on an SO) →
`completed` (every unit sold). Sales never change the status of a CSO that still has
unassigned units. Draft, on-hold and cancelled CSOs are left alone. Units cancelled as the
unassigned remainder (`cancelled_qty`) no longer count as ordered.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from xmart.models import CorporateSaleOrder, CsoLine, CsoStatus, SaleOrderLine
from xmart.models.status import CSO_TRANSITIONS, check_transition
from xmart.processes.fulfilment import assigned_and_sold

_DERIVED = frozenset({CsoStatus.OPEN, CsoStatus.PARTIALLY_ASSIGNED, CsoStatus.ASSIGNED, CsoStatus.COMPLETED})


def derived_status(ordered: int, assigned: int, sold: int) -> CsoStatus:
    """The status that unit totals call for."""
    if ordered > 0 and assigned >= ordered:
        return CsoStatus.COMPLETED if sold >= ordered else CsoStatus.ASSIGNED
    return CsoStatus.PARTIALLY_ASSIGNED if assigned > 0 else CsoStatus.OPEN


def refresh_statuses(session: Session, cso_ids: Iterable[int]) -> dict[int, str]:
    """Set each CSO's status from its figures; returns {cso id: new status} for those that changed."""
    ids = list(cso_ids)
    changed: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        current = dict(
            session.execute(
                select(CorporateSaleOrder.id, CorporateSaleOrder.status).where(CorporateSaleOrder.id.in_(chunk))
            ).all()
        )
        ordered = dict(
            session.execute(
                select(CsoLine.cso_id, func.sum(CsoLine.qty - CsoLine.cancelled_qty))
                .where(CsoLine.cso_id.in_(chunk))
                .group_by(CsoLine.cso_id)
            ).all()
        )
        filled = {
            cso_id: (int(a), int(s))
            for cso_id, a, s in session.execute(
                assigned_and_sold(CsoLine.cso_id)
                .join(CsoLine, CsoLine.id == SaleOrderLine.cso_line_id)
                .where(CsoLine.cso_id.in_(chunk))
            )
        }
        for cso_id, status in current.items():
            if CsoStatus(status) not in _DERIVED:
                continue
            new = derived_status(int(ordered.get(cso_id, 0)), *filled.get(cso_id, (0, 0)))
            if new != status:
                check_transition(CSO_TRANSITIONS, status, new, "corporate sale order")
                changed[cso_id] = new.value
    by_status: dict[str, list[int]] = {}
    for cso_id, status in changed.items():
        by_status.setdefault(status, []).append(cso_id)
    for status, group in by_status.items():
        for start in range(0, len(group), 500):
            session.execute(
                update(CorporateSaleOrder)
                .where(CorporateSaleOrder.id.in_(group[start : start + 500]))
                .values(status=status),
                execution_options={"synchronize_session": "fetch"},
            )
    return changed
