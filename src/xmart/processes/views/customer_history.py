"""A customer's corporate sale orders with status and totals, for the Customer Manager (DOMAIN.md sections 2, 7).

Orders billed to or shipped to the customer, newest first, at most `limit`. The total is the order
total of section 2 (lines less cancelled units, line and global discounts, rounded as there) plus
shipping, as the Order Manager and the confirmation show it; the deposit is the sum of payments.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, or_, select

from xmart.models import CorporateSaleOrder, CsoLine, Payment
from xmart.models.db import UnitOfWork
from xmart.processes.money import ZERO, order_totals, to_money
from xmart.processes.security.permissions import require_signed_in


@dataclass(frozen=True)
class CustomerOrder:
    """One CSO of the customer: money in Decimal cents, units whole."""

    number: int
    date: dt.date
    status: str
    units: int
    total: Decimal
    deposit: Decimal

    @property
    def balance(self) -> Decimal:
        """Total less deposit."""
        return self.total - self.deposit


def customer_orders(uow: UnitOfWork, customer_id: int, limit: int = 500) -> list[CustomerOrder]:
    """The CSOs billed or shipped to customer `customer_id`, newest first (date, then number), at most `limit`.

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(uow)
    session = uow.session
    heads = session.execute(
        select(
            CorporateSaleOrder.id,
            CorporateSaleOrder.number,
            CorporateSaleOrder.date,
            CorporateSaleOrder.status,
            CorporateSaleOrder.global_discount,
            CorporateSaleOrder.shipping_cost,
        )
        .where(
            or_(
                CorporateSaleOrder.billing_customer_id == customer_id,
                CorporateSaleOrder.shipping_customer_id == customer_id,
            )
        )
        .order_by(CorporateSaleOrder.date.desc(), CorporateSaleOrder.number.desc())
        .limit(limit)
    ).all()
    ids = [h.id for h in heads]
    lines: dict[int, list[tuple[int, Decimal, Decimal]]] = defaultdict(list)
    deposits: dict[int, Decimal] = {}
    if ids:
        for cso_id, qty, price, discount in session.execute(
            select(CsoLine.cso_id, CsoLine.qty - CsoLine.cancelled_qty, CsoLine.price, CsoLine.discount)
            .where(CsoLine.cso_id.in_(ids))
            .order_by(CsoLine.cso_id, CsoLine.line_no)
        ):
            lines[cso_id].append((int(qty), Decimal(price), Decimal(discount)))
        deposits = {
            cso_id: to_money(amount)
            for cso_id, amount in session.execute(
                select(Payment.cso_id, func.sum(Payment.amount)).where(Payment.cso_id.in_(ids)).group_by(Payment.cso_id)
            )
        }
    return [
        CustomerOrder(
            number=h.number,
            date=h.date,
            status=h.status,
            units=sum(q for q, _p, _d in lines[h.id]),
            total=order_totals(lines[h.id], Decimal(h.global_discount)).total + to_money(h.shipping_cost or ZERO),
            deposit=deposits.get(h.id, ZERO),
        )
        for h in heads
    ]
