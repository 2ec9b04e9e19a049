"""One document as the read-only document view shows it: header fields, lines and totals, all as text.

`document_details(uow, kind, number)` reads a corporate sale order (with its fulfilment figures, channel,
salesman, custom fields, shipping and payments with masked cards; its total is money.order_totals', the
same as order entry, `show cso` and the confirmation, DOMAIN.md section 2), a
sale order or a purchase order and returns a `DocumentDetails` of plain strings, formatted once here
(money with two decimals and thousands separators, dates ISO).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from xmart.errors import NotFoundError
from xmart.models import (
    Address,
    CorporateSaleOrder,
    CsoLine,
    Location,
    Payment,
    PoCoverage,
    PurchaseOrder,
    PurchaseOrderLine,
    SaleOrder,
    SaleOrderLine,
)
from xmart.models.db import UnitOfWork
from xmart.processes.cards import mask
from xmart.processes.document_printing import custom_field_values
from xmart.processes.documents.data import adjustment_label
from xmart.processes.fulfilment import cso_fulfilment
from xmart.processes.money import line_amount, order_totals
from xmart.processes.security.permissions import require_signed_in


@dataclass(frozen=True)
class DocumentDetails:
    """One document as label/value pairs and a table of lines.

    `fields` and `totals` are (label, value) pairs in display order; `rows` are the lines, one string per
    column of `columns`; `numeric[i]` is True when column i holds figures (aligned right).
    """

    kind: str
    number: int
    title: str
    fields: tuple[tuple[str, str], ...]
    columns: tuple[str, ...]
    numeric: tuple[bool, ...]
    rows: tuple[tuple[str, ...], ...]
    totals: tuple[tuple[str, str], ...]


def _address(addr: Address | None) -> str:
    if addr is None:
        return ""
    parts = [getattr(addr, name, "") for name in ("line1", "line2", "city", "region", "postal_code", "country")]
    return ", ".join(p for p in parts if p)


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def _payment(payment: Payment) -> str:
    """One payment as `Card VISA **** 1111 50.00`: the card masked, never the number (DOMAIN.md section 3)."""
    kind = payment.kind.capitalize()
    card = " ".join(part for part in (payment.card_brand or "", mask(payment.card_last4)) if part)
    return " ".join(part for part in (kind, card, _money(payment.amount)) if part)


def document_details(uow: UnitOfWork, kind: str, number: int) -> DocumentDetails:
    """The document of `kind` ("cso", "so" or "po") numbered `number`.

    Raises NotFoundError when there is no such document, ValueError for another kind.
    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(uow)
    readers: dict[str, Callable[[Session, int], DocumentDetails]] = {"cso": _cso, "so": _so, "po": _po}
    if kind not in readers:
        raise ValueError(f"unknown document kind {kind!r} (expected one of {', '.join(readers)})")
    return readers[kind](uow.session, number)


def _cso(session: Session, number: int) -> DocumentDetails:
    figures = cso_fulfilment(session, number)
    cso = session.scalar(select(CorporateSaleOrder).where(CorporateSaleOrder.number == number))
    assert cso is not None
    payments = sorted(cso.payments, key=lambda p: p.id)
    fields = (
        ("Date", figures.date.isoformat()),
        ("Status", figures.status),
        ("Bill to", cso.billing_name),
        ("Ship to", cso.shipping_name),
        ("Billing address", _address(cso.billing_address)),
        ("Shipping address", _address(cso.shipping_address)),
        ("Channel", cso.channel.name if cso.channel else ""),
        ("Salesman", f"{cso.salesman.name} ({cso.salesman.code})" if cso.salesman else ""),
        ("Shipping", cso.shipping_method or ""),
        ("Global discount", f"{cso.global_discount}%"),
        *custom_field_values(cso),
        ("Payments", "; ".join(_payment(p) for p in payments)),
        ("Notes", cso.notes or ""),
    )
    rows = tuple(
        (
            str(ln.line_no),
            ln.sku,
            ln.description,
            str(ln.qty),
            _money(ln.price),
            f"{ln.discount}",
            str(ln.assigned),
            str(ln.sold),
            str(ln.not_yet_sold),
            str(ln.unassigned),
            str(ln.covered),
            ", ".join(f"{code} {a}/{s}" for code, (a, s) in sorted(ln.by_store.items())),
        )
        for ln in figures.lines
    )
    return DocumentDetails(
        kind="cso",
        number=number,
        title=f"Corporate Sale Order {number}",
        fields=fields,
        columns=(
            "Line",
            "SKU",
            "Description",
            "Ordered",
            "Price",
            "Disc. %",
            "Assigned",
            "Sold",
            "Not yet sold",
            "Unassigned",
            "On PO",
            "By store (assigned/sold)",
        ),
        numeric=(True, False, False, True, True, True, True, True, True, True, True, False),
        rows=rows,
        totals=(
            ("Subtotal", _money(figures.subtotal)),
            (f"Global discount {cso.global_discount}%", _money(-figures.global_discount_amount)),
            (f"Shipping ({cso.shipping_method})" if cso.shipping_method else "Shipping", _money(figures.shipping)),
            ("Total", _money(figures.total)),
            ("Deposit", _money(figures.deposit)),
            ("Balance due", _money(figures.total - figures.deposit)),
            ("Deposit on sale orders", _money(figures.deposit_allocated)),
        ),
    )


def _so(session: Session, number: int) -> DocumentDetails:
    so = session.scalar(select(SaleOrder).where(SaleOrder.number == number))
    if so is None:
        raise NotFoundError(f"Sale order {number} does not exist.")
    cso = so.corporate_order
    fields = (
        ("Date", so.date.isoformat()),
        ("Status", so.status),
        ("Store", f"{so.location.code} — {so.location.name}"),
        ("Corporate sale order", str(cso.number) if cso else ""),
        ("Bill to", cso.billing_name if cso else (so.billing_customer.name if so.billing_customer else "")),
        ("Ship to", cso.shipping_name if cso else (so.shipping_customer.name if so.shipping_customer else "")),
        ("Card", f"•••• {so.card_payment.card_last4}" if so.card_payment and so.card_payment.card_last4 else ""),
        ("Note", so.note or ""),
    )
    lines = session.execute(
        select(SaleOrderLine, CsoLine.line_no)
        .outerjoin(CsoLine, CsoLine.id == SaleOrderLine.cso_line_id)
        .where(SaleOrderLine.so_id == so.id)
        .order_by(SaleOrderLine.line_no)
    ).all()
    rows = tuple(
        (
            str(ln.line_no),
            ln.item.sku,
            ln.item.description,
            str(ln.qty),
            str(ln.sold),
            str(ln.qty - ln.sold),
            _money(ln.price),
            f"{ln.discount}",
            _money(line_amount(ln.qty, ln.price, ln.discount)),
            str(cso_line) if cso_line is not None else "",
        )
        for ln, cso_line in lines
    )
    totals = order_totals(((ln.qty, ln.price, ln.discount) for ln, _ in lines), so.global_discount)
    return DocumentDetails(
        kind="so",
        number=number,
        title=f"Sale Order {number}",
        fields=fields,
        columns=("Line", "SKU", "Description", "Qty", "Sold", "Not yet sold", "Price", "Disc. %", "Amount", "CSO line"),
        numeric=(True, False, False, True, True, True, True, True, True, True),
        rows=rows,
        totals=(("Subtotal", _money(totals.subtotal)),)
        + (
            (
                adjustment_label(f"{so.global_discount}" if so.global_discount else ""),
                _money(so.total - totals.subtotal),
            ),
        )
        * bool(so.global_discount or so.total != totals.subtotal)
        + (
            ("Total", _money(so.total)),
            ("Deposit", _money(so.deposit)),
            ("Balance due", _money(so.total - so.deposit)),
        ),
    )


def _po(session: Session, number: int) -> DocumentDetails:
    po = session.scalar(select(PurchaseOrder).where(PurchaseOrder.number == number))
    if po is None:
        raise NotFoundError(f"Purchase order {number} does not exist.")
    location = session.get(Location, po.location_id)
    fields = (
        ("Date", po.date.isoformat()),
        ("Status", po.status),
        ("Vendor", f"{po.vendor.code} — {po.vendor.name}"),
        ("Ship to", f"{location.code} — {location.name}" if location else ""),
        ("Delivery date", po.delivery_date.isoformat() if po.delivery_date else ""),
        ("Cancel date", po.cancel_date.isoformat() if po.cancel_date else ""),
        ("Note", po.note or ""),
    )
    covers = dict(
        session.execute(
            select(PoCoverage.po_line_id, func.sum(PoCoverage.qty))
            .join(PurchaseOrderLine, PurchaseOrderLine.id == PoCoverage.po_line_id)
            .where(PurchaseOrderLine.po_id == po.id)
            .group_by(PoCoverage.po_line_id)
        ).all()
    )
    rows = tuple(
        (
            str(ln.line_no),
            ln.item.sku,
            ln.item.description,
            str(ln.qty),
            str(ln.received),
            _money(ln.cost),
            _money(line_amount(ln.qty, ln.cost, Decimal(0))),
            str(int(covers.get(ln.id, 0))),
        )
        for ln in po.lines
    )
    total = sum((line_amount(ln.qty, ln.cost, Decimal(0)) for ln in po.lines), Decimal("0.00"))
    return DocumentDetails(
        kind="po",
        number=number,
        title=f"Purchase Order {number}",
        fields=fields,
        columns=("Line", "SKU", "Description", "Qty", "Received", "Cost", "Amount", "For CSOs"),
        numeric=(True, False, False, True, True, True, True, True),
        rows=rows,
        totals=(("Total", _money(total)),),
    )
