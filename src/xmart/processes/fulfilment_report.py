"""Reports › Corporate Sale Order Fulfilment over a range of CSOs (DOMAIN.md section 6).

Per CSO line of every CSO in a number or date range (`selection.CsoRange`, as the processes take it):
ordered, cancelled, assigned (and per location), sold, not yet sold, unassigned and covered by POs.
The figures are those of `show cso` (processes/fulfilment.py: `assigned_by_line`, `covered_by_line`,
`LineFulfilment`), read set-based: one query for the lines and one per figure for the whole range.
Draft CSOs are not orders yet and are left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from xmart.models import CorporateSaleOrder, CsoLine, CsoStatus, Item
from xmart.processes.fulfilment import LineFulfilment, assigned_by_line, covered_by_line
from xmart.processes.security.permissions import require_signed_in
from xmart.processes.selection import CsoRange


@dataclass(frozen=True)
class FulfilmentRow:
    """One CSO line with its CSO's number, date and status and the line's fulfilment figures."""

    cso_number: int
    cso_date: dt.date
    status: str
    line: LineFulfilment

    @property
    def by_store_text(self) -> str:
        """ "S01 3/1, S02 2/0": units assigned / sold per location."""
        return ", ".join(f"{code} {a}/{s}" for code, (a, s) in sorted(self.line.by_store.items()))


HEADERS = (
    "CSO",
    "Date",
    "Status",
    "Line",
    "SKU",
    "Description",
    "Ordered",
    "Cancelled",
    "Assigned",
    "Sold",
    "Not yet sold",
    "Unassigned",
    "Covered by POs",
    "By location (assigned/sold)",
)
"""Column titles, in the order of `table_values`."""


def fulfilment_rows(session: Session, rng: CsoRange) -> tuple[FulfilmentRow, ...]:
    """The fulfilment of every line of the CSOs in `rng` (drafts excluded), by CSO number and line.

    Raises InputError for an incomplete or reversed range (`CsoRange.validate`).
    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(session)
    rng.validate()
    csos = CorporateSaleOrder.__table__
    where = [csos.c.status != CsoStatus.DRAFT.value]
    if rng.is_by_date:
        where += [csos.c.date >= rng.date_from, csos.c.date <= rng.date_to]
    else:
        where += [csos.c.number >= rng.number_from, csos.c.number <= rng.number_to]
    lines = CsoLine.__table__
    items = Item.__table__
    rows = session.execute(
        select(
            lines.c.id,
            csos.c.number,
            csos.c.date,
            csos.c.status,
            lines.c.line_no,
            items.c.sku,
            items.c.description,
            lines.c.qty,
            lines.c.price,
            lines.c.discount,
            lines.c.cancelled_qty,
        )
        .join(csos, csos.c.id == lines.c.cso_id)
        .join(items, items.c.id == lines.c.item_id)
        .where(*where)
        .order_by(csos.c.number, lines.c.line_no)
    ).all()
    ids = select(lines.c.id).join(csos, csos.c.id == lines.c.cso_id).where(*where)
    stores = assigned_by_line(session, ids)
    covered = covered_by_line(session, ids)
    result = []
    for r in rows:
        by_store = dict(stores.get(r.id, {}))
        line = LineFulfilment(
            line_no=r.line_no,
            sku=r.sku,
            description=r.description,
            qty=r.qty,
            price=r.price,
            discount=r.discount,
            assigned=sum(a for a, _ in by_store.values()),
            sold=sum(s for _, s in by_store.values()),
            covered=covered.get(r.id, 0),
            by_store=by_store,
            cancelled=r.cancelled_qty,
            order_cancelled=r.status == CsoStatus.CANCELLED.value,
        )
        result.append(FulfilmentRow(r.number, r.date, r.status, line))
    return tuple(result)


def table_values(rows: tuple[FulfilmentRow, ...]) -> list[tuple[Any, ...]]:
    """The rows as typed values in `HEADERS` order, for exports."""
    return [
        (
            r.cso_number,
            r.cso_date,
            r.status,
            r.line.line_no,
            r.line.sku,
            r.line.description,
            r.line.qty,
            r.line.cancelled,
            r.line.assigned,
            r.line.sold,
            r.line.not_yet_sold,
            r.line.unassigned,
            r.line.covered,
            r.by_store_text,
        )
        for r in rows
    ]
