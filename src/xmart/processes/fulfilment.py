"""Fulfilment figures of CSO lines (DOMAIN.md section 6): assigned per location, sold, covered by POs.

Shared by `show cso`, the Assign and Purchase Orders processes: lines of cancelled SOs and
coverage on cancelled POs never count.

The figures are read with SQLAlchemy Core on the mapped tables, not through ORM entities: they are
plain values either way, and a cold `xmart show cso` then never configures the ORM mappers (a tenth
of its start-up; benchmarks/README.md, "Start-up"). Callers may mix ORM attributes into the
statements built here (`assigned_and_sold(CsoLine.cso_id)`): both name the same tables.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from xmart.errors import NotFoundError
from xmart.models import (
    CorporateSaleOrder,
    CsoLine,
    CsoStatus,
    Item,
    Location,
    Payment,
    PoCoverage,
    PoStatus,
    PurchaseOrder,
    PurchaseOrderLine,
    SaleOrder,
    SaleOrderLine,
    SoStatus,
)
from xmart.processes.money import ZERO, Totals, order_totals
from xmart.processes.security.permissions import require_signed_in

_CHUNK = 500

_csos, _cso_lines, _items, _payments = (m.__table__ for m in (CorporateSaleOrder, CsoLine, Item, Payment))
_sos, _so_lines, _locations = (m.__table__ for m in (SaleOrder, SaleOrderLine, Location))
_pos, _po_lines, _coverage = (m.__table__ for m in (PurchaseOrder, PurchaseOrderLine, PoCoverage))

LineIds = Collection[int] | Select[int]
"""CSO line ids, as values or as a SELECT of ids (one query however many lines)."""


def _chunks(ids: LineIds) -> list[LineIds]:
    if isinstance(ids, Select):
        return [ids]
    ids = list(ids)
    return [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


def assigned_and_sold(*keys: ColumnElement[Any] | InstrumentedAttribute[Any]) -> Select[Any]:
    """SELECT `keys`, units assigned, units sold: sums over lines of sale orders not cancelled, grouped by `keys`.

    The one statement of the rule "a CSO line's units are assigned and sold on the SOs that are not
    cancelled" (DOMAIN.md sections 2 and 6), used by `show cso`, CSO status and cancel/hold/release.
    A cancelled SO counts only the units a synchronized store sold on it before it heard of the
    cancellation (section 6, conflicts: "the sale happened; only unsold units are cancelled"): they
    are assigned and sold; an SO cancelled at the Main has none otherwise.
    `keys` are columns of sale_order_lines or sale_orders (joined here, FROM sale_order_lines) or of
    tables the caller joins itself (`.join(CsoLine, CsoLine.id == SaleOrderLine.cso_line_id)`); the
    caller adds its filter. Rows are (*keys, assigned, sold), both sums whole units, never NULL.
    """
    cancelled = _sos.c.status == SoStatus.CANCELLED.value
    assigned = case((cancelled, _so_lines.c.sold), else_=_so_lines.c.qty)
    return (
        select(*keys, func.sum(assigned).label("assigned"), func.sum(_so_lines.c.sold).label("sold"))
        .join_from(_so_lines, _sos, _sos.c.id == _so_lines.c.so_id)
        .where(or_(~cancelled, _so_lines.c.sold > 0))
        .group_by(*keys)
    )


def assigned_by_line(session: Session, line_ids: LineIds) -> dict[int, dict[str, tuple[int, int]]]:
    """For each CSO line id: {location code: (assigned, sold)} over SOs that are not cancelled."""
    result: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    for chunk in _chunks(line_ids):
        rows = session.execute(
            assigned_and_sold(_so_lines.c.cso_line_id, _locations.c.code)
            .join(_locations, _locations.c.id == _sos.c.location_id)
            .where(_so_lines.c.cso_line_id.in_(chunk)),
            execution_options={"yield_per": 2_000},
        )
        for line_id, code, assigned, sold in rows:
            result[line_id][code] = (int(assigned), int(sold))
    return result


def covered_by_line(session: Session, line_ids: LineIds) -> dict[int, int]:
    """For each CSO line id: units covered by lines of POs that are not cancelled."""
    result: dict[int, int] = {}
    for chunk in _chunks(line_ids):
        rows = session.execute(
            select(_coverage.c.cso_line_id, func.sum(_coverage.c.qty))
            .join(_po_lines, _po_lines.c.id == _coverage.c.po_line_id)
            .join(_pos, _pos.c.id == _po_lines.c.po_id)
            .where(_coverage.c.cso_line_id.in_(chunk), _pos.c.status != PoStatus.CANCELLED.value)
            .group_by(_coverage.c.cso_line_id)
        )
        result.update({line_id: int(qty) for line_id, qty in rows})
    return result


@dataclass(frozen=True)
class LineFulfilment:
    """Fulfilment figures of one CSO line."""

    line_no: int
    sku: str
    description: str
    qty: int
    price: Decimal
    discount: Decimal
    assigned: int
    sold: int
    covered: int
    by_store: dict[str, tuple[int, int]] = field(default_factory=dict)
    cancelled: int = 0
    order_cancelled: bool = False
    """The line's CSO is cancelled: it wants nothing more (DOMAIN.md section 2)."""

    @property
    def unassigned(self) -> int:
        """Units not yet on any SO and still wanted: a cancelled remainder, or a cancelled CSO, wants none."""
        return 0 if self.order_cancelled else self.qty - self.cancelled - self.assigned

    @property
    def not_yet_sold(self) -> int:
        """Units assigned but not yet sold."""
        return self.assigned - self.sold


@dataclass(frozen=True)
class PaymentLine:
    """A payment of a CSO as `show cso` lists it: never the card number, only its last 4 digits."""

    id: int
    kind: str
    amount: Decimal
    card_last4: str | None = None

    @property
    def masked_card(self) -> str | None:
        """ "**** 1234" for a card payment, None otherwise."""
        return f"**** {self.card_last4}" if self.card_last4 else None


@dataclass(frozen=True)
class CsoFulfilment:
    """A CSO header with the fulfilment of each line; `total` is money.order_totals' (shipping included)."""

    number: int
    date: dt.date
    status: str
    total: Decimal
    deposit: Decimal
    deposit_allocated: Decimal
    lines: tuple[LineFulfilment, ...]
    shipping: Decimal = ZERO
    subtotal: Decimal = ZERO
    global_discount_amount: Decimal = ZERO
    payments: tuple[PaymentLine, ...] = ()
    """The CSO's payments in id order (`card reveal PAYMENT_ID` takes their ids)."""

    def to_json(self) -> dict[str, Any]:
        """The `show cso --json` document (INTERFACE.md), extended with `payments` (id, type, amount, masked card)."""
        return {
            "number": self.number,
            "date": self.date.isoformat(),
            "status": self.status,
            "total": f"{self.total:.2f}",
            "shipping": f"{self.shipping:.2f}",
            "deposit": f"{self.deposit:.2f}",
            "deposit_allocated": f"{self.deposit_allocated:.2f}",
            "lines": [
                {
                    "line": line.line_no,
                    "sku": line.sku,
                    "qty": line.qty,
                    "assigned": line.assigned,
                    "sold": line.sold,
                    "covered": line.covered,
                    "unassigned": line.unassigned,
                    "cancelled": line.cancelled,
                    "by_store": {code: {"assigned": a, "sold": s} for code, (a, s) in sorted(line.by_store.items())},
                }
                for line in self.lines
            ],
            "payments": [
                {"id": p.id, "type": p.kind, "amount": f"{p.amount:.2f}", "card": p.masked_card} for p in self.payments
            ],
        }


def cso_totals(session: Session, cso_ids: Sequence[int]) -> dict[int, Totals]:
    """The totals (money.order_totals: lines less cancelled units, global discount, shipping; DOMAIN.md
    section 2) of the CSOs with these ids, by id, in two queries; ids that do not exist are left out."""
    if not cso_ids:
        return {}
    heads = session.execute(
        select(_csos.c.id, _csos.c.global_discount, _csos.c.shipping_cost).where(_csos.c.id.in_(cso_ids))
    ).all()
    lines: dict[int, list[tuple[int, Decimal, Decimal]]] = {head.id: [] for head in heads}
    for row in session.execute(
        select(
            _cso_lines.c.cso_id, _cso_lines.c.qty, _cso_lines.c.cancelled_qty, _cso_lines.c.price, _cso_lines.c.discount
        ).where(_cso_lines.c.cso_id.in_(cso_ids))
    ):
        lines[row.cso_id].append((row.qty - row.cancelled_qty, row.price, row.discount))
    return {head.id: order_totals(lines[head.id], head.global_discount, head.shipping_cost) for head in heads}


def cso_fulfilment(session: Session, number: int) -> CsoFulfilment:
    """The fulfilment figures of CSO `number`; raises NotFoundError.

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(session)
    cso = session.execute(
        select(
            _csos.c.id, _csos.c.number, _csos.c.date, _csos.c.status, _csos.c.global_discount, _csos.c.shipping_cost
        ).where(_csos.c.number == number)
    ).one_or_none()
    if cso is None:
        raise NotFoundError(f"Corporate sale order {number} does not exist.")
    rows = session.execute(
        select(
            _cso_lines.c.id,
            _cso_lines.c.line_no,
            _cso_lines.c.qty,
            _cso_lines.c.price,
            _cso_lines.c.discount,
            _cso_lines.c.cancelled_qty,
            _items.c.sku,
            _items.c.description,
        )
        .join(_items, _items.c.id == _cso_lines.c.item_id)
        .where(_cso_lines.c.cso_id == cso.id)
        .order_by(_cso_lines.c.line_no)
    ).all()
    ids = [row.id for row in rows]
    stores = assigned_by_line(session, ids)
    covered = covered_by_line(session, ids)
    lines = tuple(
        LineFulfilment(
            line_no=row.line_no,
            sku=row.sku,
            description=row.description,
            qty=row.qty,
            price=row.price,
            discount=row.discount,
            assigned=sum(a for a, _ in stores.get(row.id, {}).values()),
            sold=sum(s for _, s in stores.get(row.id, {}).values()),
            covered=covered.get(row.id, 0),
            by_store=dict(stores.get(row.id, {})),
            cancelled=row.cancelled_qty,
            order_cancelled=cso.status == CsoStatus.CANCELLED.value,
        )
        for row in rows
    )
    totals = order_totals(
        ((ln.qty - ln.cancelled, ln.price, ln.discount) for ln in lines), cso.global_discount, cso.shipping_cost
    )
    deposit = session.scalar(select(func.coalesce(func.sum(_payments.c.amount), 0)).where(_payments.c.cso_id == cso.id))
    allocated = session.scalar(
        select(func.coalesce(func.sum(_sos.c.deposit), 0)).where(
            _sos.c.cso_id == cso.id, _sos.c.status != SoStatus.CANCELLED.value
        )
    )
    return CsoFulfilment(
        number=cso.number,
        date=cso.date,
        status=cso.status,
        total=totals.total,
        shipping=totals.shipping,
        subtotal=totals.subtotal,
        global_discount_amount=totals.global_discount_amount,
        deposit=Decimal(deposit or 0).quantize(ZERO),
        deposit_allocated=Decimal(allocated or 0).quantize(ZERO),
        lines=lines,
        payments=tuple(
            PaymentLine(row.id, row.kind, Decimal(row.amount).quantize(ZERO), row.card_last4)
            for row in session.execute(
                select(_payments.c.id, _payments.c.kind, _payments.c.amount, _payments.c.card_last4)
                .where(_payments.c.cso_id == cso.id)
                .order_by(_payments.c.id)
            )
        ),
    )
