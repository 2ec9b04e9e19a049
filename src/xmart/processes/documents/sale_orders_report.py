"""The Sale Orders — sold and not yet sold report as a PDF (DOMAIN.md sections 6 and 8), reportlab, no Qt.

House style of the other documents (documents/base.py): DejaVu fonts, the company header, ink and
accent colours, the table header repeated on every page and "Page N of M" in the footer. A4 landscape,
so the fourteen columns fit; long descriptions wrap in their cell. The renderer prints the values it
is given (processes/sale_order_report.py computes them) and never computes money itself.
"""

from __future__ import annotations

import functools
import io
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from xmart.processes.documents.base import (
    ACCENT,
    INK,
    MUTED,
    RULE,
    SHADE,
    _PagedCanvas,
    fit_widths,
    format_date,
    format_money,
    format_percent,
    format_qty,
    markup,
    needed_widths,
    register_fonts,
    shrink_to_fit,
)
from xmart.processes.documents.data import CompanyInfo
from xmart.processes.documents.fonts import draw_string, is_plain
from xmart.processes.sale_order_report import SaleOrderReport, describe_filters

TITLE = "Sale Orders — sold and not yet sold"
MARGIN = 12 * mm
# (title, width in mm, right-aligned)
_COLUMNS = (
    ("SO", 16, True),
    ("Date", 20, False),
    ("Store", 14, False),
    ("Status", 20, False),
    ("CSO", 14, True),
    ("SKU", 22, False),
    ("Description", 41, False),
    ("Qty", 12, True),
    ("Sold", 12, True),
    ("Not sold", 15, True),
    ("Price", 21, True),
    ("Disc. %", 14, True),
    ("Amount sold", 26, True),
    ("Amount not sold", 26, True),
)


def render_sale_orders_report(report: SaleOrderReport, company: CompanyInfo) -> bytes:
    """The report as an A4 landscape PDF: company and title, the filters, one row per SO line, totals."""
    regular, bold = register_fonts()
    small = ParagraphStyle("small", fontName=regular, fontSize=8.5, leading=11, textColor=MUTED)
    company_style = ParagraphStyle("company", fontName=bold, fontSize=11, leading=14, textColor=INK)
    title = ParagraphStyle("title", fontName=bold, fontSize=15, leading=19, textColor=ACCENT)
    cell = ParagraphStyle("cell", fontName=regular, fontSize=7.5, leading=9, textColor=INK)
    pagesize = landscape(A4)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 6 * mm,
        title=TITLE,
        author=company.name,
        creator="xmart",
        invariant=True,
    )

    def text(value: str) -> Any:
        return value if is_plain(value, regular) else Paragraph(markup(value), cell)

    data: list[list[Any]] = [[c[0] for c in _COLUMNS]]
    for r in report.rows:
        data.append(
            [
                str(r.so_number),
                format_date(r.date),
                text(r.store),
                text(r.status),
                "" if r.corporate_order is None else str(r.corporate_order),
                Paragraph(markup(r.sku), cell),
                Paragraph(markup(r.description), cell),
                format_qty(r.qty),
                format_qty(r.sold),
                format_qty(r.not_yet_sold),
                format_money(r.price),
                format_percent(r.discount),
                format_money(r.amount_sold),
                format_money(r.amount_not_sold),
            ]
        )
    data.append(
        [
            f"Total ({len(report.rows)} lines)",
            *[""] * 6,
            format_qty(report.qty),
            format_qty(report.sold),
            format_qty(report.not_yet_sold),
            "",
            "",
            format_money(report.amount_sold),
            format_money(report.amount_not_sold),
        ]
    )
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), regular, 7.5),
        ("FONT", (0, 0), (-1, 0), bold, 7.5),
        ("FONT", (0, -1), (-1, -1), bold, 7.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("TEXTCOLOR", (0, 0), (-1, 0), MUTED),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -2), 0.25, RULE),
        ("ROWBACKGROUNDS", (0, 1), (-1, -2), ["white", SHADE]),
        ("SPAN", (0, -1), (6, -1)),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
    ]
    style += [("ALIGN", (i, 0), (i, -1), "RIGHT") for i, c in enumerate(_COLUMNS) if c[2]]
    style.append(("ALIGN", (0, -1), (0, -1), "LEFT"))
    padding = 2.5

    def font_at(r: int, c: int) -> tuple[str, float] | None:
        if r == len(data) - 1 and c <= 6:
            return None  # the spanned "Total (N lines)" label
        return (bold if r in (0, len(data) - 1) else regular), 7.5

    needed = needed_widths(data, padding, font_at)
    widths = fit_widths([c[1] * mm for c in _COLUMNS], needed, flexible=6, minimum=25 * mm)
    style += shrink_to_fit(data, widths, needed, padding, font_at)
    table = Table(data, colWidths=widths, repeatRows=1, style=TableStyle(style))
    contact = " · ".join(x for x in (*company.address_lines, company.phone, company.email) if x)
    story = [
        Paragraph(markup(company.name, bold), company_style),
        Paragraph(markup(contact), small),
        Spacer(0, 3 * mm),
        Paragraph(TITLE, title),
        Paragraph(
            markup(describe_filters(report.params))
            + ". Amounts after line and global discounts; a cancelled sale order shows only what it sold.",
            small,
        ),
        Spacer(0, 4 * mm),
        table if report.rows else Paragraph("No sale order lines match these filters.", small),
    ]

    def decorate(canvas: Canvas, index: int, page: int, pages: int) -> None:
        width, _ = pagesize
        y = MARGIN
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, y + 4 * mm, width - MARGIN, y + 4 * mm)
        canvas.setFillColor(MUTED)
        draw_string(canvas, MARGIN, y, f"{company.name}  ·  {TITLE}", regular, 7.5)
        canvas.setFont(regular, 7.5)
        canvas.drawRightString(width - MARGIN, y, f"Page {page} of {pages}")
        canvas.restoreState()

    doc.build(story, canvasmaker=functools.partial(_PagedCanvas, decorate=decorate))
    return buffer.getvalue()
