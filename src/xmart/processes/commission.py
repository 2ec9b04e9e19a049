"""Reports › Salesman commission (DOMAIN.md section 7): per salesman and date range, orders, sales
total and commission; rendered as a PDF for printing (reportlab, no Qt).

Rules chosen: an order counts when its date is in the range and it is neither a draft nor cancelled;
its sales amount is its total after line and global discounts (DOMAIN.md section 2), shipping
excluded, counting only units not cancelled as an unassigned remainder; commission is
round(sales total x rate / 100) with the salesman's current rate. Orders without a salesman are
listed as "(no salesman)" with no commission.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sqlalchemy import select
from sqlalchemy.orm import Session

from xmart.errors import InputError
from xmart.models import CorporateSaleOrder, CsoLine, CsoStatus, Salesman
from xmart.processes.documents.base import (
    fit_widths,
    format_money,
    format_percent,
    markup,
    needed_widths,
    register_fonts,
    shrink_to_fit,
)
from xmart.processes.documents.data import CompanyInfo
from xmart.processes.documents.fonts import is_plain
from xmart.processes.money import HUNDRED, ZERO, order_totals, to_money
from xmart.processes.security.permissions import require_signed_in

NOT_COUNTED = (CsoStatus.DRAFT.value, CsoStatus.CANCELLED.value)


@dataclass(frozen=True)
class CommissionParams:
    """The date range of the report, inclusive."""

    date_from: dt.date
    date_to: dt.date


@dataclass(frozen=True)
class CommissionRow:
    """One salesman's line."""

    salesman: str
    code: str
    rate: Decimal
    orders: int
    sales_total: Decimal
    commission: Decimal


@dataclass(frozen=True)
class CommissionReport:
    """The rows, by salesman name, and their totals."""

    params: CommissionParams
    rows: tuple[CommissionRow, ...]

    @property
    def orders(self) -> int:
        """All orders counted."""
        return sum(r.orders for r in self.rows)

    @property
    def sales_total(self) -> Decimal:
        """All sales."""
        return sum((r.sales_total for r in self.rows), ZERO)

    @property
    def commission(self) -> Decimal:
        """All commission."""
        return sum((r.commission for r in self.rows), ZERO)


def commission_report(session: Session, params: CommissionParams) -> CommissionReport:
    """Orders, sales total and commission per salesman for CSOs dated in the range.

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(session)
    if params.date_from > params.date_to:
        raise InputError(f"The first date ({params.date_from}) is after the last date ({params.date_to}).")
    orders = session.execute(
        select(CorporateSaleOrder.id, CorporateSaleOrder.salesman_id, CorporateSaleOrder.global_discount).where(
            CorporateSaleOrder.date.between(params.date_from, params.date_to),
            CorporateSaleOrder.status.not_in(NOT_COUNTED),
        )
    ).all()
    lines: dict[int, list[tuple[int, Decimal, Decimal]]] = defaultdict(list)
    ids = [o.id for o in orders]
    for start in range(0, len(ids), 500):
        for cso_id, qty, cancelled, price, discount in session.execute(
            select(CsoLine.cso_id, CsoLine.qty, CsoLine.cancelled_qty, CsoLine.price, CsoLine.discount).where(
                CsoLine.cso_id.in_(ids[start : start + 500])
            )
        ):
            if qty - cancelled > 0:
                lines[cso_id].append((qty - cancelled, price, discount))
    per: dict[int | None, list[Decimal]] = defaultdict(list)
    for o in orders:
        per[o.salesman_id].append(order_totals(lines[o.id], o.global_discount).total)
    salesmen = {s.id: s for s in session.scalars(select(Salesman).where(Salesman.id.in_([k for k in per if k])))}
    rows = []
    for salesman_id, totals in per.items():
        sales = sum(totals, ZERO)
        s = salesmen.get(salesman_id) if salesman_id else None
        rate = s.commission_rate if s else ZERO
        rows.append(
            CommissionRow(
                s.name if s else "(no salesman)",
                s.code if s else "",
                rate,
                len(totals),
                sales,
                to_money(sales * rate / HUNDRED),
            )
        )
    rows.sort(key=lambda r: (r.code == "", r.salesman.casefold()))
    return CommissionReport(params, tuple(rows))


def render_commission_pdf(report: CommissionReport, company: CompanyInfo) -> bytes:
    """The report as an A4 PDF: title, range, one row per salesman, totals."""
    regular, bold = register_fonts()
    title = ParagraphStyle("title", fontName=bold, fontSize=14, leading=18)
    small = ParagraphStyle("small", fontName=regular, fontSize=9, leading=12)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title="Salesman commission",
        author=company.name,
    )

    def text(value: str) -> str | Paragraph:
        return value if is_plain(value, regular) else Paragraph(markup(value), small)

    data: list[list[str | Paragraph]] = [["Salesman", "Code", "Rate", "Orders", "Sales total", "Commission"]]
    data += [
        [
            text(r.salesman),
            text(r.code),
            f"{format_percent(r.rate)}%",
            str(r.orders),
            format_money(r.sales_total),
            format_money(r.commission),
        ]
        for r in report.rows
    ]
    data.append(
        ["Total", "", "", str(report.orders), format_money(report.sales_total), format_money(report.commission)]
    )
    padding = 6  # reportlab's default cell padding

    def font_at(r: int, c: int) -> tuple[str, float]:
        return (bold if r in (0, len(data) - 1) else regular), 9

    needed = needed_widths(data, padding, font_at)
    widths = fit_widths([60 * mm, 20 * mm, 18 * mm, 18 * mm, 29 * mm, 29 * mm], needed, flexible=0, minimum=35 * mm)
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), regular, 9),
                ("FONT", (0, 0), (-1, 0), bold, 9),
                ("FONT", (0, -1), (-1, -1), bold, 9),
                ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.grey),
                ("LINEABOVE", (0, -1), (-1, -1), 0.5, colors.grey),
                ("ROWBACKGROUNDS", (0, 1), (-1, -2), [colors.white, colors.HexColor("#F2F4F7")]),
                *shrink_to_fit(data, widths, needed, padding, font_at),
            ]
        )
    )
    story = [
        Paragraph(markup(company.name), small),
        Paragraph("Salesman commission", title),
        Paragraph(
            f"Orders dated {report.params.date_from:%Y-%m-%d} to {report.params.date_to:%Y-%m-%d} "
            "(drafts and cancelled orders excluded; shipping excluded)",
            small,
        ),
        Spacer(0, 6 * mm),
        table,
    ]
    doc.build(story)
    return buffer.getvalue()
