"""Printing stored documents: read SOs, POs and CSOs from the database into document values, render, print.

Used after a process has committed (a failing printer never rolls anything back) and by
`xmart print` and the desktop client. Cards appear only masked; amounts come from the money
module, exactly as DOMAIN.md section 2 computes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from typing import Generic

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, selectinload

from xmart.errors import NotFoundError
from xmart.models import (
    CorporateSaleOrder,
    CsoLine,
    Customer,
    CustomFieldValue,
    Payment,
    PaymentType,
    PurchaseOrder,
    PurchaseOrderLine,
    SaleOrder,
    SaleOrderLine,
)
from xmart.models.base import Address
from xmart.models.db import UnitOfWork
from xmart.processes.cards import mask
from xmart.processes.documents import (
    CompanyInfo,
    ConfirmationDocument,
    ConfirmationRenderer,
    DocumentLine,
    Party,
    PurchaseOrderDocument,
    PurchaseOrderRenderer,
    SaleOrderDocument,
    SaleOrderRenderer,
)
from xmart.processes.documents.base import D, DocumentRenderer
from xmart.processes.money import ZERO, Totals, line_amount, order_totals
from xmart.processes.printing import PrinterBackend, PrintResult, PrintTarget, print_pdfs
from xmart.processes.security import audit
from xmart.processes.security.permissions import require
from xmart.processes.settings import load_company

KINDS = ("so", "po", "cso")
_WORDS = {"so": "Sale order", "po": "Purchase order", "cso": "Corporate sale order"}


def company_info(session: Session) -> CompanyInfo:
    """The company header from Settings › Company (DOMAIN.md section 8); without a stored logo,
    resources/logo.png when present."""
    company = load_company(session)
    logo = resources.files("xmart.resources").joinpath("logo.png")
    return CompanyInfo(
        name=company.name,
        address_lines=company.address_lines,
        phone=company.phone,
        email=company.email,
        logo_path=str(logo) if logo.is_file() else None,
        logo=company.logo,
    )


def _party(name: str, customer: Customer | None, address: Address | None) -> Party:
    company = customer.company if customer else ""
    return Party(
        name=name or (customer.name if customer else ""),
        company=company,
        address_lines=address.lines() if address else (),
    )


def _card(payments: Sequence[Payment]) -> str | None:
    card = next((p for p in sorted(payments, key=lambda p: p.id) if p.kind == PaymentType.CARD.value), None)
    return mask(card.card_last4) if card else None


def _missing(kind: str, numbers: Sequence[int], found: Sequence[int]) -> None:
    missing = sorted(set(numbers) - set(found))
    if missing:
        raise NotFoundError(f"{_WORDS[kind]} {', '.join(map(str, missing))} does not exist.")


def _priced(
    lines: Sequence[SaleOrderLine] | Sequence[CsoLine], global_discount: Decimal, shipping: Decimal = ZERO
) -> tuple[tuple[DocumentLine, ...], Totals]:
    """Printable lines (SKU, description, qty, price, discount, amount) and the order totals (money.order_totals)."""
    printed = tuple(
        DocumentLine(
            ln.item.sku, ln.item.description, ln.qty, ln.price, ln.discount, line_amount(ln.qty, ln.price, ln.discount)
        )
        for ln in lines
    )
    return printed, order_totals(((ln.qty, ln.price, ln.discount) for ln in lines), global_discount, shipping)


def sale_order_documents(session: Session, numbers: Sequence[int]) -> list[SaleOrderDocument]:
    """The sale orders `numbers`, in that order, as printable values."""
    orders = {
        o.number: o
        for o in session.scalars(
            select(SaleOrder)
            .where(SaleOrder.number.in_(numbers))
            .options(
                selectinload(SaleOrder.lines).selectinload(SaleOrderLine.item),
                selectinload(SaleOrder.location),
                selectinload(SaleOrder.corporate_order),
                selectinload(SaleOrder.billing_customer),
                selectinload(SaleOrder.shipping_customer),
                selectinload(SaleOrder.card_payment),
            )
        )
    }
    _missing("so", numbers, list(orders))
    documents = []
    for number in numbers:
        so = orders[number]
        cso = so.corporate_order
        lines, totals = _priced(so.lines, so.global_discount)
        bill = _party(
            cso.billing_name if cso else "",
            so.billing_customer,
            cso.billing_address if cso else (so.billing_customer.billing_address if so.billing_customer else None),
        )
        ship = _party(
            cso.shipping_name if cso else "",
            so.shipping_customer,
            cso.shipping_address if cso else (so.shipping_customer.shipping_address if so.shipping_customer else None),
        )
        documents.append(
            SaleOrderDocument(
                number=so.number,
                date=so.date,
                store_code=so.location.code,
                store_name=so.location.name,
                bill_to=bill,
                ship_to=ship,
                lines=lines,
                subtotal=totals.subtotal,
                global_discount=so.global_discount,
                global_discount_amount=totals.global_discount_amount,
                total=so.total,
                deposit=so.deposit,
                note=so.note,
                corporate_order=cso.number if cso else None,
                masked_card=mask(so.card_payment.card_last4) if so.card_payment else None,
            )
        )
    return documents


def purchase_order_documents(session: Session, numbers: Sequence[int]) -> list[PurchaseOrderDocument]:
    """The purchase orders `numbers`, in that order, as printable values."""
    orders = {
        o.number: o
        for o in session.scalars(
            select(PurchaseOrder)
            .where(PurchaseOrder.number.in_(numbers))
            .options(
                selectinload(PurchaseOrder.lines).selectinload(PurchaseOrderLine.item),
                selectinload(PurchaseOrder.vendor),
                selectinload(PurchaseOrder.location),
            )
        )
    }
    _missing("po", numbers, list(orders))
    company = company_info(session)
    documents = []
    for number in numbers:
        po = orders[number]
        lines = tuple(
            DocumentLine(ln.item.sku, ln.item.description, ln.qty, ln.cost, ZERO, line_amount(ln.qty, ln.cost, ZERO))
            for ln in po.lines
        )
        documents.append(
            PurchaseOrderDocument(
                number=po.number,
                date=po.date,
                vendor_code=po.vendor.code,
                vendor_name=po.vendor.name,
                ship_to=Party(
                    name=f"{po.location.name} ({po.location.code})",
                    company=company.name,
                    address_lines=company.address_lines,
                ),
                delivery_date=po.delivery_date,
                cancel_date=po.cancel_date,
                lines=lines,
                total=sum((ln.amount for ln in lines), ZERO),
                note=po.note,
            )
        )
    return documents


def confirmation_documents(session: Session, numbers: Sequence[int]) -> list[ConfirmationDocument]:
    """Order confirmations of the CSOs `numbers`, in that order."""
    orders = {
        o.number: o
        for o in session.scalars(
            select(CorporateSaleOrder)
            .where(CorporateSaleOrder.number.in_(numbers))
            .options(
                selectinload(CorporateSaleOrder.lines).selectinload(CsoLine.item),
                selectinload(CorporateSaleOrder.payments),
                selectinload(CorporateSaleOrder.billing_customer),
                selectinload(CorporateSaleOrder.shipping_customer),
                selectinload(CorporateSaleOrder.salesman),
                selectinload(CorporateSaleOrder.channel),
                selectinload(CorporateSaleOrder.custom_values).selectinload(CustomFieldValue.field),
            )
        )
    }
    _missing("cso", numbers, list(orders))
    documents = []
    for number in numbers:
        cso = orders[number]
        lines, totals = _priced(cso.lines, cso.global_discount, cso.shipping_cost)
        documents.append(
            ConfirmationDocument(
                number=cso.number,
                date=cso.date,
                bill_to=_party(cso.billing_name, cso.billing_customer, cso.billing_address),
                ship_to=_party(cso.shipping_name, cso.shipping_customer, cso.shipping_address),
                lines=lines,
                subtotal=totals.subtotal,
                global_discount=cso.global_discount,
                global_discount_amount=totals.global_discount_amount,
                total=totals.total,
                deposit=sum((p.amount for p in cso.payments), ZERO),
                masked_card=_card(cso.payments),
                salesman=cso.salesman.name if cso.salesman else "",
                channel=cso.channel.name if cso.channel else "",
                shipping_method=cso.shipping_method,
                shipping_cost=totals.shipping,
                note=cso.notes,
                custom_fields=custom_field_values(cso),
            )
        )
    return documents


def custom_field_values(cso: CorporateSaleOrder) -> tuple[tuple[str, str], ...]:
    """The CSO's custom order fields that have a value, as (field name, value) in field order (DOMAIN.md section 7)."""
    values = sorted(cso.custom_values, key=lambda v: v.field_id)
    return tuple((v.field.name, v.value) for v in values if v.value.strip())


@dataclass(frozen=True)
class _Batch(Generic[D]):
    """Documents of one kind and their renderer: loaded inside the transaction, rendered after it."""

    documents: Sequence[D]
    renderer: DocumentRenderer[D]

    def files(self, separate: bool) -> list[tuple[str, bytes]]:
        """(file stem, PDF): one each when `separate`, else one for the whole batch."""
        renderer, documents = self.renderer, self.documents
        if separate:
            return [(renderer.document_name(d), renderer.render(d)) for d in documents]
        stem = renderer.document_name(documents[0])
        if len(documents) > 1:
            stem += f"-to-{documents[-1].number}"
        return [(stem, renderer.render_many(documents))]


def _batch(
    session: Session, kind: str, numbers: Sequence[int]
) -> _Batch[SaleOrderDocument] | _Batch[PurchaseOrderDocument] | _Batch[ConfirmationDocument]:
    """The documents `numbers` of `kind` with the renderer for that kind."""
    if kind == "so":
        return _Batch(sale_order_documents(session, numbers), SaleOrderRenderer(company_info(session)))
    if kind == "po":
        return _Batch(purchase_order_documents(session, numbers), PurchaseOrderRenderer(company_info(session)))
    return _Batch(confirmation_documents(session, numbers), ConfirmationRenderer(company_info(session)))


def rendered(engine: Engine, kind: str, numbers: Sequence[int], separate: bool) -> list[tuple[str, bytes]]:
    """(file stem, PDF) of the documents: one PDF each when `separate`, else one PDF for the batch.

    Every print and PDF goes through here: needs `documents.print` (SignInRequired / PermissionDenied,
    DOMAIN.md section 9) and is audited (`documents.print`, the kind and numbers). Raises NotFoundError
    for a number that does not exist (nothing audited).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}")
    numbers = list(dict.fromkeys(numbers))
    with UnitOfWork(engine) as uow:
        require(uow, "documents.print")
        batch = _batch(uow.session, kind, numbers)
        _audit_print(uow, _ENTITIES[kind], numbers[0] if len(numbers) == 1 else "", audit.numbers_text(numbers))
    return batch.files(separate)


_ENTITIES = {"so": "sale_order", "po": "purchase_order", "cso": "corporate_order"}


def _audit_print(uow: UnitOfWork, entity: str, entity_id: object, detail: str) -> None:
    """Audit a print or PDF in a transaction of its own (the reading one ends first: on SQLite a read
    transaction that turns into a write fails when another workstation wrote meanwhile)."""
    uow.rollback()
    audit.record(uow, "documents.print", entity=entity, entity_id=entity_id, detail=detail)
    uow.commit()


def report_company(uow: UnitOfWork, report: str) -> CompanyInfo:
    """The company header for printing report `report` ("sale-orders", "commission") or saving it as PDF.

    Needs `documents.print` (SignInRequired / PermissionDenied, DOMAIN.md section 9); audited
    (`documents.print`, entity `report`). Ends `uow`'s transaction (it commits the audit entry).
    """
    require(uow, "documents.print")
    company = company_info(uow.session)
    _audit_print(uow, "report", report, f"{report} report")
    return company


def render_pdf(engine: Engine, kind: str, number: int) -> bytes:
    """One stored document as PDF bytes."""
    return rendered(engine, kind, [number], separate=True)[0][1]


def print_documents(
    engine: Engine, kind: str, numbers: Sequence[int], target: PrintTarget, backend: PrinterBackend | None = None
) -> PrintResult:
    """Save documents to `target.pdf_dir` (one file each, or one combined) or print them as one job via `backend`."""
    separate = target.pdf_dir is not None and not target.combined
    files = rendered(engine, kind, numbers, separate=separate)
    return print_pdfs(files, target, backend=backend)  # the folder is made there, a failure is a PrintError


def print_sale_orders(
    engine: Engine, numbers: Sequence[int], target: PrintTarget, backend: PrinterBackend | None = None
) -> PrintResult:
    """Print or save sale orders."""
    return print_documents(engine, "so", numbers, target, backend)


def print_purchase_orders(
    engine: Engine, numbers: Sequence[int], target: PrintTarget, backend: PrinterBackend | None = None
) -> PrintResult:
    """Print or save purchase orders."""
    return print_documents(engine, "po", numbers, target, backend)


def print_corporate_orders(
    engine: Engine, numbers: Sequence[int], target: PrintTarget, backend: PrinterBackend | None = None
) -> PrintResult:
    """Print or save order confirmations of corporate sale orders."""
    return print_documents(engine, "cso", numbers, target, backend)
