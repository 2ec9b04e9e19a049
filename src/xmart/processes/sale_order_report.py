"""Reports › Sale Orders — sold and not yet sold (DOMAIN.md section 6; the seed's "report that will show
you what merchandise has been sold or not yet sold on the Sales Orders").

One row per sale order line: SO number, date, store, status, CSO number, SKU, description, quantity,
sold, not yet sold, unit price, line discount and the amounts sold and not yet sold. The same service
feeds the client's report window, its PDF and CSV, and `xmart report sale-orders`.

Rules chosen:
- Filters: SO date from/to (inclusive, either may be open) and any number of store codes (none: all).
  An unknown store code or a first date after the last is refused (InputError, exit status 2).
- Amounts are the exact value of the units after the line discount and the SO's global discount
  (DOMAIN.md section 2, `exact_line_value`), rounded half up to cents: amount sold is that of `sold`
  units, amount not yet sold that of `qty - sold` units.
- A cancelled SO frees its unsold units (section 6): its lines show their sold units and 0 not yet
  sold, and a cancelled SO line with nothing sold is left out (nothing was or will be sold there).
- The rows come from one SQL query (ordered by SO number and line number), never a query per row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from xmart.errors import InputError
from xmart.models import CorporateSaleOrder, Item, Location, SaleOrder, SaleOrderLine, SoStatus
from xmart.processes.money import ZERO, exact_line_value, to_money
from xmart.processes.security.permissions import require_signed_in


@dataclass(frozen=True)
class SaleOrderReportParams:
    """The report's filters: SO dates (inclusive; None is open) and store codes (empty: every store)."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    stores: tuple[str, ...] = ()


@dataclass(frozen=True)
class SaleOrderReportRow:
    """One SO line: units and amounts sold and not yet sold (money in Decimal cents, quantities int)."""

    so_number: int
    date: dt.date
    store: str
    status: str
    corporate_order: int | None
    line_no: int
    sku: str
    description: str
    qty: int
    sold: int
    not_yet_sold: int
    price: Decimal
    discount: Decimal
    amount_sold: Decimal
    amount_not_sold: Decimal


@dataclass(frozen=True)
class SaleOrderReport:
    """The rows, by SO number and line, with their totals."""

    params: SaleOrderReportParams
    rows: tuple[SaleOrderReportRow, ...]

    @property
    def qty(self) -> int:
        """Units ordered on every row."""
        return sum(r.qty for r in self.rows)

    @property
    def sold(self) -> int:
        """Units sold on every row."""
        return sum(r.sold for r in self.rows)

    @property
    def not_yet_sold(self) -> int:
        """Units not yet sold on every row."""
        return sum(r.not_yet_sold for r in self.rows)

    @property
    def amount_sold(self) -> Decimal:
        """Amount sold on every row."""
        return sum((r.amount_sold for r in self.rows), ZERO)

    @property
    def amount_not_sold(self) -> Decimal:
        """Amount not yet sold on every row."""
        return sum((r.amount_not_sold for r in self.rows), ZERO)


HEADERS: tuple[str, ...] = (
    "SO",
    "Date",
    "Store",
    "Status",
    "Corporate SO",
    "SKU",
    "Description",
    "Qty",
    "Sold",
    "Not yet sold",
    "Price",
    "Disc. %",
    "Amount sold",
    "Amount not sold",
)
"""The report's column titles, in the order of `table_values`."""

MONEY_COLUMNS = frozenset({"Price", "Amount sold", "Amount not sold"})
"""Columns holding money (2 decimals in every export)."""


def table_values(report: SaleOrderReport) -> list[tuple[Any, ...]]:
    """The rows as typed values in `HEADERS` order (int, str, Decimal, date; None for a walk-in SO's CSO)."""
    return [
        (
            r.so_number,
            r.date,
            r.store,
            r.status,
            r.corporate_order,
            r.sku,
            r.description,
            r.qty,
            r.sold,
            r.not_yet_sold,
            r.price,
            r.discount,
            r.amount_sold,
            r.amount_not_sold,
        )
        for r in report.rows
    ]


def _check(session: Session, params: SaleOrderReportParams) -> None:
    if params.date_from and params.date_to and params.date_from > params.date_to:
        raise InputError(f"The first date ({params.date_from}) is after the last date ({params.date_to}).")
    if params.stores:
        known = set(session.scalars(select(Location.code).where(Location.code.in_(params.stores))))
        unknown = [code for code in params.stores if code not in known]
        if unknown:
            raise InputError(f"Unknown store: {', '.join(unknown)}.")


def sale_order_report(session: Session, params: SaleOrderReportParams) -> SaleOrderReport:
    """The sold / not yet sold figures of every SO line matching `params` (one query).

    Raises InputError for a first date after the last or an unknown store code. DOMAIN.md section 6.
    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(session)
    _check(session, params)
    cancelled = SaleOrder.status == SoStatus.CANCELLED.value
    query = (
        select(
            SaleOrder.number,
            SaleOrder.date,
            Location.code,
            SaleOrder.status,
            CorporateSaleOrder.number,
            SaleOrder.global_discount,
            SaleOrderLine.line_no,
            Item.sku,
            Item.description,
            SaleOrderLine.qty,
            SaleOrderLine.sold,
            SaleOrderLine.price,
            SaleOrderLine.discount,
        )
        .join(SaleOrder, SaleOrder.id == SaleOrderLine.so_id)
        .join(Location, Location.id == SaleOrder.location_id)
        .join(Item, Item.id == SaleOrderLine.item_id)
        .outerjoin(CorporateSaleOrder, CorporateSaleOrder.id == SaleOrder.cso_id)
        .where(or_(~cancelled, and_(cancelled, SaleOrderLine.sold > 0)))
        .order_by(SaleOrder.number, SaleOrderLine.line_no)
    )
    if params.date_from is not None:
        query = query.where(SaleOrder.date >= params.date_from)
    if params.date_to is not None:
        query = query.where(SaleOrder.date <= params.date_to)
    if params.stores:
        query = query.where(Location.code.in_(params.stores))
    rows = []
    for number, date, store, status, cso, gd, line_no, sku, desc, qty, sold, price, disc in session.execute(query):
        left = 0 if status == SoStatus.CANCELLED.value else qty - sold
        rows.append(
            SaleOrderReportRow(
                so_number=number,
                date=date,
                store=store,
                status=status,
                corporate_order=cso,
                line_no=line_no,
                sku=sku,
                description=desc,
                qty=qty,
                sold=sold,
                not_yet_sold=left,
                price=to_money(price),
                discount=Decimal(disc),
                amount_sold=to_money(exact_line_value(sold, price, disc, gd)),
                amount_not_sold=to_money(exact_line_value(left, price, disc, gd)),
            )
        )
    return SaleOrderReport(params, tuple(rows))


def report_json(report: SaleOrderReport) -> dict[str, Any]:
    """The `report sale-orders --json` document: money as strings with 2 decimals, quantities integers."""

    def money(value: Decimal) -> str:
        return f"{value:.2f}"

    return {
        "from": report.params.date_from.isoformat() if report.params.date_from else None,
        "to": report.params.date_to.isoformat() if report.params.date_to else None,
        "stores": list(report.params.stores),
        "lines": [
            {
                "so": r.so_number,
                "date": r.date.isoformat(),
                "store": r.store,
                "status": r.status,
                "corporate_order": r.corporate_order,
                "line": r.line_no,
                "sku": r.sku,
                "description": r.description,
                "qty": r.qty,
                "sold": r.sold,
                "not_yet_sold": r.not_yet_sold,
                "price": money(r.price),
                "discount": money(r.discount),
                "amount_sold": money(r.amount_sold),
                "amount_not_sold": money(r.amount_not_sold),
            }
            for r in report.rows
        ],
        "totals": {
            "qty": report.qty,
            "sold": report.sold,
            "not_yet_sold": report.not_yet_sold,
            "amount_sold": money(report.amount_sold),
            "amount_not_sold": money(report.amount_not_sold),
        },
    }


def describe_filters(params: SaleOrderReportParams) -> str:
    """The filters in words, for titles and headers: "Sale orders dated 2026-11-01 to 2026-11-30; stores: S01"."""
    start, end = params.date_from, params.date_to
    if start and end:
        dates = f"dated {start.isoformat()} to {end.isoformat()}"
    elif start:
        dates = f"dated from {start.isoformat()}"
    elif end:
        dates = f"dated up to {end.isoformat()}"
    else:
        dates = "of any date"
    stores: Sequence[str] = params.stores or ("all",)
    return f"Sale orders {dates}; stores: {', '.join(stores)}"
